/* The floor of `make bench`: libyaml's event loop over each file and nothing else.
 *
 *     yaml_floor FILE...        or        yaml_floor -l LIST     (one path a line)
 *
 * Reads each file whole (as audit does), runs yaml_parser_parse until the stream ends and
 * counts the events, building nothing: what the Swift YAMLEventCounter does per report. A file
 * libyaml rejects is counted as an error (reported on stderr) and the run goes on. Prints
 * `files F, events E, errors X, bytes B`. Exit 0, or 2 when a file cannot be read.
 *
 * Build: cc -O2 -o yaml_floor bench/yaml_floor.c $(pkg-config --cflags --libs yaml-0.1)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned char *buffer;
static size_t capacity;

/* The whole file into the shared buffer; its length, or -1 (errno set). */
static long read_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) return -1;
    size_t length = 0;
    for (;;) {
        if (length == capacity) {
            size_t grown = capacity ? capacity * 2 : 1 << 16;
            unsigned char *bigger = realloc(buffer, grown);
            if (!bigger) { fclose(file); errno = ENOMEM; return -1; }
            buffer = bigger;
            capacity = grown;
        }
        size_t got = fread(buffer + length, 1, capacity - length, file);
        length += got;
        if (got == 0) break;
    }
    int failed = ferror(file);
    fclose(file);
    if (failed) { errno = EIO; return -1; }
    return (long)length;
}

/* Events of one document, stream start and end included; -1 when libyaml reports an error. */
static long count_events(const char *path, const unsigned char *bytes, size_t length) {
    yaml_parser_t parser;
    yaml_event_t event;
    long count = 0;
    if (!yaml_parser_initialize(&parser)) return -1;
    yaml_parser_set_input_string(&parser, bytes, length);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%zu:%zu: %s\n", path, parser.problem_mark.line + 1,
                    parser.problem_mark.column + 1, parser.problem ? parser.problem : "YAML error");
            count = -1;
            break;
        }
        count++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    return count;
}

int main(int argc, char **argv) {
    long files = 0, events = 0, errors = 0, unreadable = 0;
    unsigned long long bytes = 0;
    FILE *list = NULL;
    int first = 1;

    if (argc >= 2 && strcmp(argv[1], "-l") == 0) {
        if (argc != 3) { fprintf(stderr, "usage: yaml_floor FILE... | yaml_floor -l LIST\n"); return 64; }
        list = strcmp(argv[2], "-") == 0 ? stdin : fopen(argv[2], "r");
        if (!list) { perror(argv[2]); return 2; }
    } else if (argc < 2) {
        fprintf(stderr, "usage: yaml_floor FILE... | yaml_floor -l LIST\n");
        return 64;
    }

    char line[4096];
    for (;;) {
        const char *path;
        if (list) {
            if (!fgets(line, sizeof line, list)) break;
            line[strcspn(line, "\r\n")] = '\0';
            if (line[0] == '\0') continue;
            path = line;
        } else {
            if (first >= argc) break;
            path = argv[first++];
        }
        long length = read_file(path);
        if (length < 0) {
            fprintf(stderr, "%s: %s\n", path, strerror(errno));
            unreadable++;
            continue;
        }
        files++;
        bytes += (unsigned long long)length;
        long n = count_events(path, buffer, (size_t)length);
        if (n < 0) errors++;
        else events += n;
    }
    if (list && list != stdin) fclose(list);
    free(buffer);
    printf("files %ld, events %ld, errors %ld, bytes %llu\n", files, events, errors, bytes);
    return unreadable ? 2 : 0;
}
