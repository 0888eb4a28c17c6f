#ifndef CFILESWAP_H
#define CFILESWAP_H
/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 on success,
/// -1 with errno set when the kernel or file system cannot do it (the caller falls back).
int cfileswap_exchange(const char *first, const char *second);
#endif
