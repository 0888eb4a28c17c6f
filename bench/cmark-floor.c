/* The cmark-gfm floor: the least any generator must spend on Markdown.
 *
 *   cmark-floor FILE...   (or a folder: every *.md file directly inside it)
 *
 * Reads every body first, then parses and renders each to HTML serially, in this one process,
 * with the extensions and options Crossroads uses (table, strikethrough, autolink, tagfilter,
 * tasklist; smart punctuation). Prints the seconds spent in that loop only, and the bytes of HTML
 * produced so the work cannot be optimised away.
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct body { char *text; size_t length; };

static int read_file(const char *path, struct body *out) {
    FILE *file = fopen(path, "rb");
    if (!file) return -1;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    out->text = malloc((size_t)size + 1);
    if (!out->text) { fclose(file); return -1; }
    out->length = fread(out->text, 1, (size_t)size, file);
    out->text[out->length] = 0;
    fclose(file);
    return 0;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Paths of the *.md files in a folder, sorted so runs read in the same order. */
static char **list_folder(const char *folder, size_t *count) {
    DIR *dir = opendir(folder);
    if (!dir) return NULL;
    size_t capacity = 1024, used = 0;
    char **paths = malloc(capacity * sizeof *paths);
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        size_t length = strlen(entry->d_name);
        if (length < 4 || strcmp(entry->d_name + length - 3, ".md") != 0) continue;
        if (used == capacity) paths = realloc(paths, (capacity *= 2) * sizeof *paths);
        paths[used] = malloc(strlen(folder) + length + 2);
        sprintf(paths[used++], "%s/%s", folder, entry->d_name);
    }
    closedir(dir);
    qsort(paths, used, sizeof *paths, compare_names);
    *count = used;
    return paths;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FOLDER | FILE...\n", argv[0]);
        return 2;
    }
    size_t count = 0;
    char **paths = NULL;
    if (argc == 2 && (paths = list_folder(argv[1], &count)) != NULL) {
        /* a folder */
    } else {
        paths = argv + 1;
        count = (size_t)argc - 1;
    }
    struct body *bodies = calloc(count, sizeof *bodies);
    for (size_t i = 0; i < count; i++) {
        if (read_file(paths[i], &bodies[i]) != 0) {
            fprintf(stderr, "cannot read %s\n", paths[i]);
            return 1;
        }
    }

    cmark_gfm_core_extensions_ensure_registered();
    const char *names[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
    cmark_syntax_extension *extensions[5];
    for (int i = 0; i < 5; i++) {
        extensions[i] = cmark_find_syntax_extension(names[i]);
        if (!extensions[i]) { fprintf(stderr, "missing extension %s\n", names[i]); return 1; }
    }
    const int options = CMARK_OPT_SMART;

    struct timespec start, end;
    size_t html_bytes = 0;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (size_t i = 0; i < count; i++) {
        cmark_parser *parser = cmark_parser_new(options);
        for (int e = 0; e < 5; e++) cmark_parser_attach_syntax_extension(parser, extensions[e]);
        cmark_parser_feed(parser, bodies[i].text, bodies[i].length);
        cmark_node *document = cmark_parser_finish(parser);
        char *html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));
        html_bytes += strlen(html);
        free(html);
        cmark_node_free(document);
        cmark_parser_free(parser);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    printf("%.4f\n", seconds);
    fprintf(stderr, "%zu files, %zu bytes of HTML\n", count, html_bytes);
    return 0;
}
