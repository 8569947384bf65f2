#define _POSIX_C_SOURCE 200809L /* getc_unlocked */
/* batch: one JSON object a line in, one JSON object a line out, in order. A bad line gets
 * an error object on its own line and the batch goes on; no line is skipped or lost. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#define MAX_LINE (1024 * 1024)

static const char *const FIELDS[] = {
    "op",  "id",   "article",   "date",        "mci_count",       "kind",        "amount", "from",
    "to",  "rule", "mitigated", "accelerated", "order_procedure", "allow_stale", "strict", "purpose",
    "mci", NULL};

/* A small cache of what-if contexts, so a batch with "mci" fields does not rebuild one per line. */
typedef struct what_if_cache {
    int64_t tenge[4];
    kzp_ctx *ctx[4];
    size_t next;
} what_if_cache;

static const kzp_ctx *what_if(what_if_cache *c, const kzp_ctx *base, int64_t tenge, cli_error *e)
{
    for (size_t i = 0; i < 4; i++) {
        if (c->ctx[i] && c->tenge[i] == tenge) {
            return c->ctx[i];
        }
    }
    kzp_ctx *w = NULL;
    kzp_error err;
    int rc = kzp_ctx_new_what_if(&w, base, tenge, &err);
    if (rc) {
        cli_fail(e, rc, "mci: %s", err.message);
        return NULL;
    }
    size_t slot = c->next++ % 4;
    kzp_ctx_free(c->ctx[slot]);
    c->ctx[slot] = w;
    c->tenge[slot] = tenge;
    return w;
}

static bool has_reserved_string(const json_t *v)
{
    if (json_is_string(v)) {
        /* the marks json_out.c gives exact decimals (\x01) and spliced citations (\x02) */
        return json_string_value(v)[0] == '\x01' || json_string_value(v)[0] == '\x02';
    }
    size_t i;
    json_t *x;
    const char *k;
    if (json_is_array(v)) {
        json_array_foreach(v, i, x)
        {
            if (has_reserved_string(x)) {
                return true;
            }
        }
    }
    if (json_is_object(v)) {
        json_object_foreach((json_t *)v, k, x)
        {
            if (k[0] == '\x01' || k[0] == '\x02' || has_reserved_string(x)) {
                return true;
            }
        }
    }
    return false;
}

/* Text fields: a string; amounts: a string or an integer (never a float: "0.2" as a string). */
static int text_field(const char **out, cli_error *e, const json_t *line, const char *key, char *numbuf, size_t n)
{
    json_t *v = json_object_get(line, key);
    *out = NULL;
    if (!v || json_is_null(v)) {
        return KZP_OK;
    }
    if (json_is_string(v)) {
        *out = json_string_value(v);
        return KZP_OK;
    }
    if (numbuf && json_is_integer(v)) {
        snprintf(numbuf, n, "%lld", (long long)json_integer_value(v));
        *out = numbuf;
        return KZP_OK;
    }
    if (numbuf && json_is_real(v)) {
        return cli_fail(e, KZP_E_BAD_NUMBER,
                        "'%s' must be an integer or a decimal string such as \"0.2\", not a "
                        "floating-point number",
                        key);
    }
    return cli_fail(e, CLI_E_USAGE, "'%s' must be a %s", key, numbuf ? "decimal string or an integer" : "string");
}

static int flag_field(unsigned *flags, cli_error *e, const json_t *line, const char *key, unsigned bit)
{
    json_t *v = json_object_get(line, key);
    if (!v || json_is_false(v) || json_is_null(v)) {
        return KZP_OK;
    }
    if (json_is_true(v)) {
        *flags |= bit;
        return KZP_OK;
    }
    return cli_fail(e, CLI_E_USAGE, "'%s' must be true or false", key);
}

/* Turn one parsed line into an answer (or an error) and write it. Returns 1 on error. */
static int one_line(FILE *out, const json_t *line, unsigned long lineno, const kzp_ctx *base, what_if_cache *cache,
                    const char *default_date, unsigned flags, int lang)
{
    cli_error e = {0};
    json_t *id = json_object_get(line, "id");
    json_t *result = NULL;
    char mci_buf[32], amount_buf[32];
    cli_request rq = {.flags = flags};
    const kzp_ctx *ctx = base;
    /* first of all, as every error below echoes the id */
    if (id && has_reserved_string(id)) {
        id = NULL;
        cli_fail(&e, CLI_E_USAGE, "'id' may not contain strings that begin with U+0001 or U+0002 (they are reserved)");
        goto write;
    }
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)line, key, v)
    {
        bool known = false;
        for (const char *const *f = FIELDS; *f; f++) {
            known = known || strcmp(*f, key) == 0;
        }
        if (!known) {
            cli_fail(&e, CLI_E_USAGE,
                     "unknown field '%.60s'; known fields: op, id, article, date, mci_count, kind, "
                     "amount, from, to, rule, mitigated, accelerated, order_procedure, allow_stale, strict, purpose, "
                     "mci",
                     key);
            goto write;
        }
    }
    if (text_field(&rq.op, &e, line, "op", NULL, 0) || text_field(&rq.article, &e, line, "article", NULL, 0) ||
        text_field(&rq.date, &e, line, "date", NULL, 0) ||
        text_field(&rq.mci_count, &e, line, "mci_count", mci_buf, sizeof mci_buf) ||
        text_field(&rq.kind, &e, line, "kind", NULL, 0) ||
        text_field(&rq.amount, &e, line, "amount", amount_buf, sizeof amount_buf) ||
        text_field(&rq.from, &e, line, "from", NULL, 0) || text_field(&rq.to, &e, line, "to", NULL, 0) ||
        text_field(&rq.rule, &e, line, "rule", NULL, 0) || text_field(&rq.purpose, &e, line, "purpose", NULL, 0) ||
        flag_field(&rq.flags, &e, line, "mitigated", KZP_Q_MITIGATED) ||
        flag_field(&rq.flags, &e, line, "accelerated", KZP_Q_ACCELERATED) ||
        flag_field(&rq.flags, &e, line, "order_procedure", KZP_Q_ORDER_PROCEDURE) ||
        flag_field(&rq.flags, &e, line, "allow_stale", KZP_Q_ALLOW_STALE) ||
        flag_field(&rq.flags, &e, line, "strict", KZP_Q_STRICT)) {
        goto write;
    }
    if (!rq.op) {
        cli_fail(&e, CLI_E_USAGE, "'op' is required: range, fine, check, convert or mci");
        goto write;
    }
    json_t *mci = json_object_get(line, "mci");
    if (mci && !json_is_null(mci)) {
        if (!json_is_integer(mci)) {
            cli_fail(&e, KZP_E_BAD_NUMBER, "'mci' must be a whole number of tenge");
            goto write;
        }
        if (!(ctx = what_if(cache, base, json_integer_value(mci), &e))) {
            goto write;
        }
    }
    if (!rq.date) {
        rq.date = default_date;
    }
    cli_result r;
    if (cli_execute(&r, &e, ctx, &rq) == KZP_OK) {
        result = cli_result_json(&r, ctx, lang);
    }
write:
    if (!result) {
        result = cli_error_json(&e);
    }
    if (!result) { /* the error could not be written as it was: say so rather than drop it */
        result =
            json_pack("{s:{s:s, s:s}}", "error", "code", "KZP_E_NOMEM", "message", "the error could not be written");
    }
    json_t *o = json_object();
    if (id) {
        json_object_set(o, "id", id);
    } else if (e.status != KZP_OK) {
        json_object_set_new(o, "line", json_integer((json_int_t)lineno)); /* an error must say which line */
    }
    json_object_update(o, result);
    json_decref(result);
    cli_json_print(out, o, true);
    json_decref(o);
    return e.status != KZP_OK;
}

/* An answer to a line that has no usable id: it names the line number instead. */
static void error_line(FILE *out, unsigned long lineno, int status, const char *msg)
{
    cli_error e;
    cli_fail(&e, status, "%s", msg);
    json_t *o = json_pack("{s:I}", "line", (json_int_t)lineno);
    json_t *err = cli_error_json(&e);
    json_object_update(o, err);
    json_decref(err);
    cli_json_print(out, o, true);
    json_decref(o);
}

/* Read one line (without its '\n') into buf, storing at most MAX_LINE bytes; the rest of a
 * longer line is consumed and *too_long set. Unlike fgets it sees embedded NUL bytes. Returns
 * false at end of input with nothing read. */
static bool read_line(FILE *in, char *buf, size_t *len, bool *too_long)
{
    size_t n = 0;
    int c;
    bool any = false;
    *too_long = false;
    while ((c = getc_unlocked(in)) != EOF) {
        any = true;
        if (c == '\n') {
            break;
        }
        if (n < MAX_LINE) {
            buf[n++] = (char)c;
        } else {
            *too_long = true;
        }
    }
    if (n > 0 && buf[n - 1] == '\r' && !*too_long) {
        n--;
    }
    buf[n] = '\0';
    *len = n;
    return any;
}

int cli_batch(FILE *in, FILE *out, const kzp_ctx *ctx, const char *default_date, unsigned flags, int lang)
{
    char *buf = malloc(MAX_LINE + 1);
    if (!buf) {
        fprintf(stderr, "kzpenalty: out of memory\n");
        return CLI_EXIT_INTERNAL;
    }
    what_if_cache cache = {0};
    int failed = 0;
    cli_json_fragments(true);
    unsigned long lineno = 0;
    size_t len;
    bool too_long;
    while (read_line(in, buf, &len, &too_long)) {
        lineno++;
        char msg[300];
        if (too_long) {
            snprintf(msg, sizeof msg, "line %lu is longer than 1 MiB", lineno);
            error_line(out, lineno, CLI_E_USAGE, msg);
            failed++;
            continue;
        }
        json_error_t jerr;
        json_t *line = len ? json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr) : NULL;
        if (!line || !json_is_object(line)) {
            if (len == 0) {
                snprintf(msg, sizeof msg, "line %lu is blank; every line must be a JSON object", lineno);
            } else if (!line) {
                snprintf(msg, sizeof msg, "line %lu is not JSON: %s", lineno, jerr.text);
            } else {
                snprintf(msg, sizeof msg, "line %lu is not a JSON object", lineno);
            }
            error_line(out, lineno, line ? CLI_E_USAGE : KZP_E_JSON, msg);
            json_decref(line);
            failed++;
            continue;
        }
        failed += one_line(out, line, lineno, ctx, &cache, default_date, flags, lang);
        json_decref(line);
    }
    int read_error = ferror(in);
    for (size_t i = 0; i < 4; i++) {
        kzp_ctx_free(cache.ctx[i]);
    }
    cli_json_fragments(false);
    free(buf);
    fflush(out);
    if (read_error) {
        fprintf(stderr, "kzpenalty: batch: error reading input after line %lu\n", lineno);
        return CLI_EXIT_DATA;
    }
    return failed ? CLI_EXIT_NOT_FIT : CLI_EXIT_OK;
}
