#ifndef CBYTESEARCH_H
#define CBYTESEARCH_H
#include <stddef.h>
/// libc's memmem (a GNU extension on Linux, so not visible to Swift through Glibc): the first
/// occurrence of `needle` in `haystack`, or NULL.
const void *cbytesearch_find(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);
#endif
