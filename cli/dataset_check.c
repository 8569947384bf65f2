/* dataset check FILE: every problem of a dataset file, with its JSON path and position. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#define MAX_PROBLEMS 200

static void problem_line(cli_out *out, const char *path, const kzp_error *p)
{
    /* printed piece by piece: a path or message is never cut by a buffer of ours */
    fprintf(out->f, "%s:%d:%d: %s: %s\n", path, p->line, p->column, kzp_status_name(p->code), p->message);
}

int cli_dataset_check(cli_out *out, const char *path, bool json)
{
    static kzp_error problems[MAX_PROBLEMS];
    size_t count = 0;
    int rc = kzp_dataset_validate_file(problems, MAX_PROBLEMS, &count, path);
    if (rc == KZP_E_IO || (rc == KZP_E_NOMEM && count == 1)) {
        /* the file could not be read: that is the one problem, reported as an error */
        cli_error e;
        cli_fail(&e, rc, "%s", problems[0].message);
        return cli_report(&e);
    }
    size_t shown = count < MAX_PROBLEMS ? count : MAX_PROBLEMS;
    if (json) {
        cli_json j = {0};
        jw_init(&j.w, 2);
        jw *w = &j.w;
        jw_begin_object(w);
        jw_kstring(w, "file", path); /* a name that is not UTF-8 is written with U+FFFD for its bad bytes */
        jw_kbool(w, "valid", rc == KZP_OK);
        jw_kint(w, "problem_count", (int64_t)count);
        jw_key(w, "problems");
        jw_begin_array(w);
        for (size_t i = 0; i < shown; i++) {
            jw_begin_object(w);
            jw_kstring(w, "code", kzp_status_name(problems[i].code));
            jw_kstring(w, "path", problems[i].path);
            jw_kint(w, "line", problems[i].line);
            jw_kint(w, "column", problems[i].column);
            jw_kstring(w, "message", problems[i].message);
            jw_end_object(w);
        }
        jw_end_array(w);
        jw_end_object(w);
        cli_out_json(out, w);
        jw_free(w);
    } else if (rc == KZP_OK) {
        fprintf(out->f, "%s: valid\n", path);
    } else {
        for (size_t i = 0; i < shown; i++) {
            problem_line(out, path, &problems[i]);
        }
        fprintf(out->f, "%s: %zu problem%s\n", path, count, count == 1 ? "" : "s");
    }
    return rc == KZP_OK ? CLI_EXIT_OK : rc == KZP_E_NOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_DATA;
}
