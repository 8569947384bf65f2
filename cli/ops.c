/* Running one question (range, fine, check, convert, mci) against the library. Shared by
 * the commands and by batch, so both answer alike. */
#include "cli.h"

#include <stdarg.h>
#include <string.h>

int cli_vfail(cli_error *e, int status, const char *fmt, va_list ap)
{
    /* A message quotes the input cut to a length ('%.60s'), which can end inside a UTF-8 character;
     * JSON refuses broken UTF-8, and the error line would be lost: the library mends it as it mends
     * its own messages. */
    e->status = status;
    kzp_message_mend(e->message, sizeof e->message, vsnprintf(e->message, sizeof e->message, fmt, ap));
    return status;
}

int cli_fail(cli_error *e, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_vfail(e, status, fmt, ap);
    va_end(ap);
    return status;
}

const char *cli_status_code(int status)
{
    return status == CLI_E_USAGE ? "USAGE" : status == CLI_E_CSV ? "CSV" : kzp_status_name(status);
}

int cli_exit_code(int status)
{
    switch (status) {
    case KZP_OK: return CLI_EXIT_OK;
    case KZP_E_IO:
    case CLI_E_CSV: /* a CSV that cannot be read to its end: as a file that cannot be read */
    case KZP_E_JSON:
    case KZP_E_SCHEMA:
    case KZP_E_SCHEMA_VERSION:
    case KZP_E_DATA_VALUE:
    case KZP_E_DATA_ORDER:
    case KZP_E_DATA_REF:
    case KZP_E_DATA_DUPLICATE: return CLI_EXIT_DATA;
    case KZP_E_NOMEM: return CLI_EXIT_INTERNAL;
    default: return CLI_EXIT_USAGE;
    }
}

/* A library failure, with its message. */
static int lib_fail(cli_error *e, int rc, const kzp_error *err)
{
    return cli_fail(e, rc, "%s", err->message[0] ? err->message : kzp_strerror(rc));
}

/* A missing value, named as the user gives it: an option or argument on the command line, a
 * field in a batch line (which has no options to name). */
static int need(cli_error *e, const cli_request *rq, const char *value, const char *option, const char *field)
{
    return value ? KZP_OK : cli_fail(e, CLI_E_USAGE, "%s is required", rq->batch ? field : option);
}

static int parse_amount(kzp_qty *amount, cli_error *e, const char *text, const char *what)
{
    kzp_error err;
    int rc = kzp_qty_parse(amount, text, &err);
    return rc ? cli_fail(e, rc, "%s: %s", what, err.message) : KZP_OK;
}

static int parse_kind(int *kind, cli_error *e, const char *word, const char *what)
{
    if (kzp_kind_parse(kind, word) != KZP_OK) {
        return cli_fail(e, KZP_E_UNKNOWN_KIND,
                        "%s '%.40s' is not a sanction kind; expected fine, correctional_work, community_service or "
                        "arrest",
                        what, word);
    }
    return KZP_OK;
}

int cli_execute(cli_result *out, cli_error *e, const kzp_ctx *ctx, const cli_request *rq)
{
    memset(out, 0, sizeof *out);
    out->rq = *rq;
    kzp_error err = {0};
    int rc;
    kzp_qty amount = kzp_hundredths(0);
    const char *op = rq->op ? rq->op : "";
    static const char *const OPS[] = {"range", "fine", "check", "convert", "mci"};
    bool known = false;
    for (size_t i = 0; i < sizeof OPS / sizeof OPS[0]; i++) {
        known = known || strcmp(op, OPS[i]) == 0;
    }
    if (!known) {
        return cli_fail(e, CLI_E_USAGE, "unknown operation '%.40s'; expected range, fine, check, convert or mci", op);
    }
    /* Conversions do not depend on a date; every other question does (a batch never assumes today). */
    if (strcmp(op, "convert") != 0 &&
        (rc = need(e, rq, rq->date, "a date (--date YYYY-MM-DD)",
                   "a date ('date': \"2026-02-10\" or \"10.02.2026\", or --date for every line)"))) {
        return rc;
    }
    if (strcmp(op, "range") == 0) {
        if ((rc = need(e, rq, rq->article, "an article, e.g. 115-1", "'article' (e.g. \"115-1\")"))) {
            return rc;
        }
        rc = kzp_range_get(&out->range, ctx, rq->article, rq->date, rq->flags, &err);
    } else if (strcmp(op, "fine") == 0) {
        if ((rc = need(e, rq, rq->mci_count, "a number of MCI, e.g. 150 or 0.2",
                       "'mci_count' (a number of MCI, e.g. \"150\" or \"0.2\")")) ||
            (rc = parse_amount(&amount, e, rq->mci_count, "MCI count"))) {
            return rc;
        }
        rc = kzp_fine_compute(&out->fine, ctx, rq->date, amount, rq->flags, &err);
    } else if (strcmp(op, "check") == 0) {
        int kind;
        if ((rc = need(e, rq, rq->article, "an article, e.g. 115-1", "'article' (e.g. \"115-1\")")) ||
            (rc = need(e, rq, rq->kind,
                       "a proposed sentence (--fine MCI, --correctional-work MCI, --community-service HOURS or "
                       "--arrest DAYS)",
                       "'kind' (fine, correctional_work, community_service or arrest)")) ||
            (rc = parse_kind(&kind, e, rq->kind, "kind")) ||
            (rc = need(e, rq, rq->amount, "an amount", "'amount' (the proposed sentence in its unit)")) ||
            (rc = parse_amount(&amount, e, rq->amount, "amount"))) {
            return rc;
        }
        rc = kzp_check_sentence(&out->check, ctx, rq->article, rq->date, kind, amount, rq->flags, &err);
    } else if (strcmp(op, "convert") == 0) {
        int from, to, rule = KZP_RULE_AGGREGATION;
        if ((rc = need(e, rq, rq->amount, "an amount to convert", "'amount' (the amount to convert)")) ||
            (rc = need(e, rq, rq->from, "--from KIND", "'from' (a kind)")) ||
            (rc = need(e, rq, rq->to, "--to KIND", "'to' (a kind)")) ||
            (rc = parse_kind(&from, e, rq->from, rq->batch ? "'from'" : "--from")) ||
            (rc = parse_kind(&to, e, rq->to, rq->batch ? "'to'" : "--to")) ||
            (rc = parse_amount(&amount, e, rq->amount, "amount"))) {
            return rc;
        }
        if (rq->rule && kzp_conversion_rule_parse(&rule, rq->rule) != KZP_OK) {
            return cli_fail(e, CLI_E_USAGE,
                            "rule '%.40s' is not known; expected aggregation, unpaid-fine or evaded-service", rq->rule);
        }
        rc = kzp_convert_under(&out->conv, ctx, rule, from, amount, to, &err);
    } else { /* "mci", the last of the operations checked above */
        out->purpose = KZP_PURPOSE_FINES;
        if (rq->purpose && kzp_purpose_parse(&out->purpose, rq->purpose) != KZP_OK) {
            return cli_fail(e, KZP_E_UNKNOWN_KIND, "purpose '%.40s' is not known; expected fines or benefits",
                            rq->purpose);
        }
        rc = kzp_mci_on(&out->mci, ctx, rq->date, out->purpose, rq->flags, &err);
    }
    return rc ? lib_fail(e, rc, &err) : KZP_OK;
}
