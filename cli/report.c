/* Reporting a failure: a plain message on standard error, and with --json the same error as a
 * JSON object on standard output (checked with the rest of the output when the command ends). */
#include "cli.h"

#include <stdarg.h>

static bool json_errors;

void cli_set_json_errors(bool on)
{
    json_errors = on;
}

static void json_error(const cli_error *e)
{
    if (!json_errors) {
        return;
    }
    cli_json j = {0};
    jw_init(&j.w, 2);
    jw_begin_object(&j.w);
    cli_json_error_members(&j, e);
    jw_end_object(&j.w);
    cli_out out = {stdout, 0};
    cli_out_json(&out, &j.w); /* a failure shows in stdout's error flag, checked at the end */
    jw_free(&j.w);
}

int cli_report(const cli_error *e)
{
    /* What a person can do about it, where the command has an answer. */
    const char *hint = e->status == KZP_E_MCI_STALE    ? "\nUse --allow-stale for an estimate marked stale, or an MCI "
                                                         "update file with the new period (KZPENALTY_UPDATES; see "
                                                         "docs/dataset.md)."
                       : e->status == KZP_E_UNVERIFIED ? "\nDrop --strict to see the answer marked unverified."
                                                       : "";
    fprintf(stderr, "kzpenalty: %s: %s%s\n", cli_status_code(e->status), e->message, hint);
    json_error(e);
    return cli_exit_code(e->status);
}

static int vusage(int status, const char *fmt, va_list ap)
{
    cli_error e;
    cli_vfail(&e, status, fmt, ap);
    fprintf(stderr, "kzpenalty: %s\nTry 'kzpenalty --help'.\n", e.message);
    json_error(&e);
    return status == CLI_E_USAGE ? CLI_EXIT_USAGE : cli_exit_code(status);
}

int cli_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int code = vusage(CLI_E_USAGE, fmt, ap);
    va_end(ap);
    return code;
}

int cli_usage_as(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int code = vusage(status, fmt, ap);
    va_end(ap);
    return code;
}
