#define _POSIX_C_SOURCE 200809L /* getc_unlocked */
/* batch: one JSON object a line in, one JSON object a line out, in order. A bad line gets an
 * error object on its own line and the batch goes on; no line is skipped or lost. The "id" is
 * echoed exactly as the line wrote it. Every answer is written through a checked sink: when the
 * output fails (a full disk, a closed pipe) the batch stops and says so, never exiting 0. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE (1024 * 1024) /* bytes of a line, without its line ending */

static const char *const FIELDS[] = {
    "op",  "id",   "article",   "date",        "mci_count",       "kind",        "amount", "from",
    "to",  "rule", "mitigated", "accelerated", "order_procedure", "allow_stale", "strict", "purpose",
    "mci", NULL};

/* A few what-if contexts, so a batch with "mci" fields does not derive one per line. */
#define WHAT_IF_SLOTS 4
typedef struct what_if_cache {
    int64_t tenge[WHAT_IF_SLOTS];
    kzp_ctx *ctx[WHAT_IF_SLOTS];
    size_t next;
} what_if_cache;

typedef struct batch {
    const kzp_ctx *base;
    const char *default_date;
    unsigned flags;
    int lang;
    what_if_cache what_if;
    cli_json j; /* the answer being written */
    cli_answer_cache *answers;
    char *copy; /* the line with its id replaced by null, for jansson */
    size_t copy_cap;
} batch;

static const kzp_ctx *what_if(batch *b, int64_t tenge, cli_error *e)
{
    what_if_cache *c = &b->what_if;
    for (size_t i = 0; i < WHAT_IF_SLOTS; i++) {
        if (c->ctx[i] && c->tenge[i] == tenge) {
            return c->ctx[i];
        }
    }
    kzp_ctx *w = NULL;
    kzp_error err;
    int rc = kzp_ctx_new_what_if(&w, b->base, tenge, &err);
    if (rc) {
        cli_fail(e, rc, "mci: %s", err.message);
        return NULL;
    }
    size_t slot = c->next++ % WHAT_IF_SLOTS;
    if (c->ctx[slot]) {
        /* The citations it holds itself (its MCI table's: a what-if shares the rest with the
         * base) may be in the writer's cache, and their addresses may come back: forget those
         * only. Clearing the whole cache made every line with a new MCI write every citation. */
        kzp_dataset_info info;
        kzp_ctx_info(&info, c->ctx[slot]);
        for (size_t i = 0; i < info.mci_period_count; i++) {
            kzp_mci_period p;
            if (kzp_mci_period_at(&p, c->ctx[slot], i) == KZP_OK) {
                cli_json_cache_forget(b->j.cache, p.citation);
            }
        }
        cli_json_cache_forget_ctx(b->j.cache, c->ctx[slot]);
        cli_answer_cache_forget_ctx(b->answers, c->ctx[slot]);
        kzp_ctx_free(c->ctx[slot]);
    }
    c->ctx[slot] = w;
    c->tenge[slot] = tenge;
    return w;
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
                        "'%s' must be an integer or a decimal string such as \"0.2\", not a floating-point number",
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

static int known_fields(cli_error *e, const json_t *line)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)line, key, v)
    {
        bool known = false;
        for (const char *const *f = FIELDS; *f; f++) {
            known = known || strcmp(*f, key) == 0;
        }
        if (!known) {
            return cli_fail(e, CLI_E_USAGE,
                            "unknown field '%.60s'; known fields: op, id, article, date, mci_count, kind, amount, "
                            "from, to, rule, mitigated, accelerated, order_procedure, allow_stale, strict, purpose, "
                            "mci",
                            key);
        }
    }
    return KZP_OK;
}

/* Answer one parsed line: the result written into b->j's open object, or 1 with the error in *e
 * (not written: the caller puts the line number before it when there is no id). */
static int answer(batch *b, const json_t *line, cli_error *err)
{
    cli_error e = {0};
    char mci_buf[32], amount_buf[32];
    cli_request rq = {.flags = b->flags, .batch = true};
    const kzp_ctx *ctx = b->base;
    if (known_fields(&e, line) || text_field(&rq.op, &e, line, "op", NULL, 0) ||
        text_field(&rq.article, &e, line, "article", NULL, 0) || text_field(&rq.date, &e, line, "date", NULL, 0) ||
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
        goto fail;
    }
    if (!rq.op) {
        cli_fail(&e, CLI_E_USAGE, "'op' is required: range, fine, check, convert or mci");
        goto fail;
    }
    json_t *mci = json_object_get(line, "mci");
    if (mci && !json_is_null(mci)) {
        if (!json_is_integer(mci)) {
            cli_fail(&e, KZP_E_BAD_NUMBER, "'mci' must be a whole number of tenge");
            goto fail;
        }
        if (!(ctx = what_if(b, json_integer_value(mci), &e))) {
            goto fail;
        }
    }
    char date_iso[11];
    if (rq.date) {
        /* 2026-02-10 or 10.02.2026, given on as ISO; a form that reads two ways is refused here */
        kzp_error de;
        if (kzp_date_parse(date_iso, rq.date, &de) != KZP_OK) {
            cli_fail(&e, de.code, "%s", de.message);
            goto fail;
        }
        rq.date = date_iso;
    } else {
        rq.date = b->default_date;
    }
    bool range = rq.article && rq.date && strcmp(rq.op, "range") == 0;
    if (range && cli_answer_cache_range(b->answers, &b->j.w, ctx, rq.article, rq.flags, rq.date)) {
        return 0;
    }
    cli_result r;
    if (cli_execute(&r, &e, ctx, &rq) == KZP_OK) {
        size_t start = jw_next_member_at(&b->j.w);
        b->j.date_count = 0;
        cli_json_result_members(&b->j, &r, ctx, b->lang);
        if (range) {
            cli_answer_cache_keep_range(b->answers, &b->j, start, ctx, rq.article, rq.flags, &r.range);
        }
        return 0;
    }
fail:
    *err = e;
    return 1;
}

/* Write the answer to one line. A line that is not an object, or fails without an id, names its
 * line number; the id is echoed as the user wrote it. Returns 1 if the line failed. */
static int one_line(batch *b, cli_out *out, const char *text, size_t len, unsigned long lineno)
{
    jw *w = &b->j.w;
    cli_error e = {0};
    size_t id_start = 0, id_end = 0;
    bool has_id = len > 0 && cli_json_find_member(text, len, "id", &id_start, &id_end);
    const char *parse = text;
    if (has_id) {
        /* jansson reads the rest; the id, which it may not hold exactly (0.1, 2^70), is echoed raw */
        size_t need = len - (id_end - id_start) + 4;
        if (need > b->copy_cap) {
            char *nc = realloc(b->copy, need);
            if (!nc) {
                has_id = false;
            } else {
                b->copy = nc;
                b->copy_cap = need;
            }
        }
        if (has_id) {
            memcpy(b->copy, text, id_start);
            memcpy(b->copy + id_start, "null", 4);
            memcpy(b->copy + id_start + 4, text + id_end, len - id_end);
            parse = b->copy;
            len = len - (id_end - id_start) + 4;
        }
    }
    jw_reset(w);
    jw_begin_object(w);
    json_error_t jerr;
    json_t *line = NULL;
    const char *nul = len ? memchr(parse, '\0', len) : NULL;
    if (len == 0) {
        cli_fail(&e, KZP_E_JSON, "line %lu is blank; every line must be a JSON object", lineno);
    } else if (nul) {
        cli_fail(&e, KZP_E_JSON, "line %lu holds a NUL byte (at byte %zu); a line must be a JSON object", lineno,
                 (size_t)(nul - parse) + 1);
    } else if (!(line = json_loadb(parse, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr))) {
        bool big = json_error_code(&jerr) == json_error_numeric_overflow;
        cli_fail(&e, big ? KZP_E_OVERFLOW : KZP_E_JSON, "line %lu is not %s: %s (column %d)", lineno,
                 big ? "readable: a number is too large" : "JSON", jerr.text, jerr.column);
    } else if (!json_is_object(line)) {
        cli_fail(&e, CLI_E_USAGE, "line %lu is JSON but not an object (it is %s); every line must be an object", lineno,
                 json_is_array(line)    ? "an array"
                 : json_is_string(line) ? "a string"
                 : json_is_number(line) ? "a number"
                                        : "a literal");
    }
    if (has_id && e.status == KZP_OK) {
        jw_key(w, "id");
        jw_raw(w, text + id_start, id_end - id_start);
    }
    int failed = e.status != KZP_OK || answer(b, line, &e);
    if (failed) {
        if (!has_id || !line || !json_is_object(line)) {
            jw_kint(w, "line", (int64_t)lineno); /* an error without an id says which line */
        }
        cli_json_error_members(&b->j, &e);
    }
    json_decref(line);
    jw_end_object(w);
    cli_out_json(out, w);
    return failed;
}

/* Read one line (without its line ending, LF or CRLF) into buf, storing at most MAX_LINE
 * bytes; the rest of a longer line is consumed and *too_long set. Unlike fgets it sees NUL
 * bytes. Returns false at end of input with nothing read. */
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
        if (n <= MAX_LINE) { /* one byte more than the limit: room for the CR of a CRLF */
            buf[n++] = (char)c;
        } else {
            *too_long = true;
        }
    }
    if (n > 0 && buf[n - 1] == '\r' && !*too_long) {
        n--;
    }
    *too_long = *too_long || n > MAX_LINE;
    buf[n] = '\0';
    *len = n;
    return any;
}

int cli_batch(FILE *in, cli_out *out, const kzp_ctx *ctx, const char *default_date, unsigned flags, int lang,
              bool citation_ids)
{
    char *buf = malloc(MAX_LINE + 2);
    batch b = {.base = ctx, .default_date = default_date, .flags = flags, .lang = lang};
    jw_init(&b.j.w, 0);
    b.j.cache = cli_json_cache_new();
    b.j.citation_ids = citation_ids;
    b.answers = cli_answer_cache_new();
    if (!buf || !b.j.cache || !b.answers) {
        free(buf);
        cli_json_cache_free(b.j.cache);
        cli_answer_cache_free(b.answers);
        fprintf(stderr, "kzpenalty: out of memory\n");
        return CLI_EXIT_INTERNAL;
    }
    int failed = 0;
    unsigned long lineno = 0;
    size_t len;
    bool too_long;
    while (!out->err && read_line(in, buf, &len, &too_long)) {
        lineno++;
        if (too_long) {
            cli_error e;
            cli_fail(&e, CLI_E_USAGE, "line %lu is longer than 1 MiB", lineno);
            jw_reset(&b.j.w);
            jw_begin_object(&b.j.w);
            jw_kint(&b.j.w, "line", (int64_t)lineno);
            cli_json_error_members(&b.j, &e);
            jw_end_object(&b.j.w);
            cli_out_json(out, &b.j.w);
            failed++;
            continue;
        }
        failed += one_line(&b, out, buf, len, lineno);
    }
    int read_error = ferror(in) ? (errno ? errno : EIO) : 0;
    for (size_t i = 0; i < WHAT_IF_SLOTS; i++) {
        kzp_ctx_free(b.what_if.ctx[i]);
    }
    cli_json_cache_free(b.j.cache);
    cli_answer_cache_free(b.answers);
    jw_free(&b.j.w);
    free(b.copy);
    free(buf);
    /* Answers are buffered: when the output fails, any answer since the last flush may be lost,
     * not only the one being written. The command's end says why (cli_output_failed). */
    bool stopped = out->err != 0;
    if (cli_out_finish(out)) {
        fprintf(stderr,
                stopped ? "kzpenalty: batch: the output failed while answering line %lu; answers up to it may be "
                          "lost, and no later line was read\n"
                        : "kzpenalty: batch: the output failed at the end; answers to lines up to %lu may be lost\n",
                lineno);
        return CLI_EXIT_OUTPUT;
    }
    if (read_error) {
        fprintf(stderr, "kzpenalty: batch: error reading input after line %lu: %s\n", lineno, strerror(read_error));
        return CLI_EXIT_DATA;
    }
    return failed ? CLI_EXIT_NOT_FIT : CLI_EXIT_OK;
}
