/* dataset check FILE: every problem of a dataset file, with its JSON path and position. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PROBLEMS 200
#define MAX_FILE (64L * 1024 * 1024)

static char *read_file(const char *path, size_t *len, char *why, size_t why_n)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(why, why_n, "cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    char *buf = NULL;
    size_t cap = 0;
    *len = 0;
    for (;;) {
        if (*len == cap) {
            if (cap >= (size_t)MAX_FILE) {
                snprintf(why, why_n, "'%s' is larger than 64 MiB", path);
                break;
            }
            char *nb = realloc(buf, cap = cap ? cap * 2 : 65536);
            if (!nb) {
                snprintf(why, why_n, "out of memory reading '%s'", path);
                break;
            }
            buf = nb;
        }
        size_t got = fread(buf + *len, 1, cap - *len, f);
        *len += got;
        if (got == 0) {
            if (ferror(f)) {
                snprintf(why, why_n, "cannot read '%s': %s", path, strerror(errno));
                break;
            }
            fclose(f);
            return buf;
        }
    }
    fclose(f);
    free(buf);
    return NULL;
}

int cli_dataset_check(const char *path, bool json)
{
    size_t len;
    char why[400];
    char *text = read_file(path, &len, why, sizeof why);
    if (!text) {
        fprintf(stderr, "kzpenalty: %s\n", why);
        if (json) {
            cli_error e;
            cli_fail(&e, KZP_E_IO, "%s", why);
            json_t *o = cli_error_json(&e);
            cli_json_print(stdout, o, false);
            json_decref(o);
        }
        return CLI_EXIT_DATA;
    }
    static kzp_error problems[MAX_PROBLEMS];
    size_t count = 0;
    int rc = kzp_dataset_validate(problems, MAX_PROBLEMS, &count, text, len);
    free(text);
    size_t shown = count < MAX_PROBLEMS ? count : MAX_PROBLEMS;
    if (json) {
        json_t *list = json_array();
        for (size_t i = 0; i < shown; i++) {
            json_array_append_new(list,
                                  json_pack("{s:s, s:s, s:i, s:i, s:s}", "code", kzp_status_name(problems[i].code),
                                            "path", problems[i].path, "line", problems[i].line, "column",
                                            problems[i].column, "message", problems[i].message));
        }
        json_t *o = json_pack("{s:s, s:b, s:I, s:o}", "file", path, "valid", rc == KZP_OK, "problem_count",
                              (json_int_t)count, "problems", list);
        cli_json_print(stdout, o, false);
        json_decref(o);
    } else if (rc == KZP_OK) {
        printf("%s: valid\n", path);
    } else {
        for (size_t i = 0; i < shown; i++) {
            printf("%s:%d:%d: %s: %s\n", path, problems[i].line, problems[i].column, kzp_status_name(problems[i].code),
                   problems[i].message);
        }
        printf("%s: %zu problem%s\n", path, count, count == 1 ? "" : "s");
    }
    return rc == KZP_OK ? CLI_EXIT_OK : rc == KZP_E_NOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_DATA;
}
