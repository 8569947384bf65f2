/* batch: one JSON object a line in, one JSON object a line out, in order. A bad line gets an
 * error object on its own line and the batch goes on; no line is skipped or lost. The "id" is
 * echoed exactly as the line wrote it. Every answer is written through a checked sink: when the
 * output fails (a full disk, a closed pipe) the batch stops and says so, never exiting 0.
 * CSV in or out (docs/cli.md): a CSV row becomes the same fields as a JSON line and is answered
 * by the same code; a CSV answer row is the input's cells, then fixed answer columns. */
#define _GNU_SOURCE /* open_memstream */
#include "cli.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_LINE (1024 * 1024) /* bytes of a line, without its line ending */

static const char *const FIELDS[] = {
    "op",  "id",   "article",   "date",        "mci_count",       "kind",        "amount", "from",
    "to",  "rule", "mitigated", "accelerated", "order_procedure", "allow_stale", "strict", "purpose",
    "mci", NULL};
#define N_FIELDS 17
enum {
    F_OP,
    F_ID,
    F_ARTICLE,
    F_DATE,
    F_MCI_COUNT,
    F_KIND,
    F_AMOUNT,
    F_FROM,
    F_TO,
    F_RULE,
    F_MITIGATED,
    F_ACCELERATED,
    F_ORDER,
    F_STALE,
    F_STRICT,
    F_PURPOSE,
    F_MCI
};

/* A line's fields as the answer reads them, from either reader of a line: the flat scanner
 * (cli_json_flat_object, no allocation) or jansson (anything the scanner leaves to a full parser). */
typedef enum { V_ABSENT, V_NULL, V_STRING, V_INTEGER, V_REAL, V_TRUE, V_FALSE, V_OTHER } value_kind;
typedef struct field {
    value_kind kind;
    const char *text;   /* V_STRING: the decoded text, NUL-terminated */
    int64_t integer;    /* V_INTEGER */
    const json_t *json; /* the value jansson read, or NULL: echoed in a CSV answer when not a string */
} field;
typedef struct fields {
    field f[N_FIELDS];
} fields;

/* A few what-if contexts, so a batch with "mci" fields does not derive one per line. */
#define WHAT_IF_SLOTS 4
typedef struct what_if_cache {
    int64_t tenge[WHAT_IF_SLOTS];
    kzp_ctx *ctx[WHAT_IF_SLOTS];
    size_t next;
} what_if_cache;

typedef struct batch {
    const kzp_ctx *base;
    const cli_batch_options *o;
    const char *default_date;
    unsigned flags;
    int lang;
    what_if_cache what_if;
    cli_json j; /* the answer being written */
    cli_answer_cache *answers;
    char *copy; /* the line with its id replaced by null, for jansson */
    size_t copy_cap;
    char *scratch;      /* the flat scanner's strings, NUL-terminated: as long as a line, allocated once */
    cli_csv_writer csv; /* the CSV answer row being built */
    char decimal_mark;  /* in CSV answers: ',' when the delimiter is ';' (those locales write 12,5) */
    /* CSV input: each column's field, from the header */
    cli_out *out;
    cli_csv_input csv_in;
    int column[CLI_CSV_MAX_CELLS];
    size_t columns;
    int id_column; /* -1: none */
    bool header_read;
    cli_error header_error; /* status set: the header was refused, and no row was read */
    unsigned long failed;
    unsigned long last_row; /* the number of the last CSV row read */
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
static int text_field(const char **out, cli_error *e, const fields *line, int which, char *numbuf, size_t n)
{
    const field *v = &line->f[which];
    const char *key = FIELDS[which];
    *out = NULL;
    if (v->kind == V_ABSENT || v->kind == V_NULL) {
        return KZP_OK;
    }
    if (v->kind == V_STRING) {
        *out = v->text;
        return KZP_OK;
    }
    if (numbuf && v->kind == V_INTEGER) {
        snprintf(numbuf, n, "%lld", (long long)v->integer);
        *out = numbuf;
        return KZP_OK;
    }
    if (numbuf && v->kind == V_REAL) {
        return cli_fail(e, KZP_E_BAD_NUMBER,
                        "'%s' must be an integer or a decimal string such as \"0.2\", not a floating-point number",
                        key);
    }
    return cli_fail(e, CLI_E_USAGE, "'%s' must be a %s", key, numbuf ? "decimal string or an integer" : "string");
}

static int flag_field(unsigned *flags, cli_error *e, const fields *line, int which, unsigned bit)
{
    const field *v = &line->f[which];
    if (v->kind == V_ABSENT || v->kind == V_FALSE || v->kind == V_NULL) {
        return KZP_OK;
    }
    if (v->kind == V_TRUE) {
        *flags |= bit;
        return KZP_OK;
    }
    return cli_fail(e, CLI_E_USAGE, "'%s' must be true or false", FIELDS[which]);
}

static int field_index(const char *key, size_t len)
{
    for (int i = 0; i < N_FIELDS; i++) {
        if (FIELDS[i][0] == key[0] && strlen(FIELDS[i]) == len && memcmp(FIELDS[i], key, len) == 0) {
            return i;
        }
    }
    return -1;
}

/* The fields of a line jansson read; an unknown field is an error for the line. */
static int fields_of_json(fields *out, cli_error *e, const json_t *line)
{
    const char *key;
    json_t *v;
    memset(out, 0, sizeof *out);
    json_object_foreach((json_t *)line, key, v)
    {
        int i = field_index(key, strlen(key));
        if (i < 0) {
            return cli_fail(e, CLI_E_USAGE,
                            "unknown field '%.60s'; known fields: op, id, article, date, mci_count, kind, amount, "
                            "from, to, rule, mitigated, accelerated, order_procedure, allow_stale, strict, purpose, "
                            "mci",
                            key);
        }
        field *f = &out->f[i];
        f->kind = json_is_string(v)    ? V_STRING
                  : json_is_integer(v) ? V_INTEGER
                  : json_is_real(v)    ? V_REAL
                  : json_is_true(v)    ? V_TRUE
                  : json_is_false(v)   ? V_FALSE
                  : json_is_null(v)    ? V_NULL
                                       : V_OTHER;
        f->text = json_is_string(v) ? json_string_value(v) : NULL;
        f->integer = json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
        f->json = v;
    }
    return KZP_OK;
}

/* The fields of a line the flat scanner read, its strings copied into scratch with their NUL.
 * False when the line needs jansson: an unknown or repeated field (jansson's message names it),
 * or a value only a full parser reads as jansson does. The id is echoed raw and never read. */
static bool fields_of_scan(fields *out, const cli_scan_member *m, int count, char *scratch)
{
    memset(out, 0, sizeof *out);
    for (int k = 0; k < count; k++) {
        int i = field_index(m[k].key, m[k].key_len);
        if (i < 0 || out->f[i].kind != V_ABSENT) {
            return false;
        }
        field *f = &out->f[i];
        switch (m[k].kind) {
        case CLI_SCAN_STRING:
            memcpy(scratch, m[k].value, m[k].value_len);
            scratch[m[k].value_len] = '\0';
            if (memchr(scratch, '\0', m[k].value_len)) {
                return false; /* a NUL byte: the line's own check says where */
            }
            f->kind = V_STRING;
            f->text = scratch;
            scratch += m[k].value_len + 1;
            break;
        case CLI_SCAN_INTEGER: {
            int64_t v = 0;
            bool negative = m[k].value[0] == '-';
            for (size_t d = negative; d < m[k].value_len; d++) {
                v = v * 10 + (m[k].value[d] - '0'); /* at most 18 digits: no overflow */
            }
            f->kind = V_INTEGER;
            f->integer = negative ? -v : v;
            break;
        }
        case CLI_SCAN_TRUE: f->kind = V_TRUE; break;
        case CLI_SCAN_FALSE: f->kind = V_FALSE; break;
        case CLI_SCAN_NULL: f->kind = V_NULL; break;
        default:
            if (i != F_ID) {
                return false;
            }
            f->kind = V_OTHER;
        }
    }
    return true;
}

/* A line's question as the command asks it: the request, its context (a what-if one for an "mci"
 * field) and the buffers the request's texts live in. Made apart from the answer so that a JSON
 * and a CSV answer are answers to one question, read by one code. */
typedef struct prepared {
    cli_request rq;
    const kzp_ctx *ctx;
    char mci_buf[32], amount_buf[32], date_iso[11];
} prepared;

/* The question a line's fields ask, checked as far as the fields go; 1 with *e set if they are
 * wrong. */
static int prepare(batch *b, const fields *line, prepared *p, cli_error *err)
{
    cli_error e = {0};
    char *mci_buf = p->mci_buf, *amount_buf = p->amount_buf, *date_iso = p->date_iso;
    cli_request rq = {.flags = b->flags, .batch = true};
    const kzp_ctx *ctx = b->base;
    if (text_field(&rq.op, &e, line, F_OP, NULL, 0) || text_field(&rq.article, &e, line, F_ARTICLE, NULL, 0) ||
        text_field(&rq.date, &e, line, F_DATE, NULL, 0) ||
        text_field(&rq.mci_count, &e, line, F_MCI_COUNT, mci_buf, sizeof p->mci_buf) ||
        text_field(&rq.kind, &e, line, F_KIND, NULL, 0) ||
        text_field(&rq.amount, &e, line, F_AMOUNT, amount_buf, sizeof p->amount_buf) ||
        text_field(&rq.from, &e, line, F_FROM, NULL, 0) || text_field(&rq.to, &e, line, F_TO, NULL, 0) ||
        text_field(&rq.rule, &e, line, F_RULE, NULL, 0) || text_field(&rq.purpose, &e, line, F_PURPOSE, NULL, 0) ||
        flag_field(&rq.flags, &e, line, F_MITIGATED, KZP_Q_MITIGATED) ||
        flag_field(&rq.flags, &e, line, F_ACCELERATED, KZP_Q_ACCELERATED) ||
        flag_field(&rq.flags, &e, line, F_ORDER, KZP_Q_ORDER_PROCEDURE) ||
        flag_field(&rq.flags, &e, line, F_STALE, KZP_Q_ALLOW_STALE) ||
        flag_field(&rq.flags, &e, line, F_STRICT, KZP_Q_STRICT)) {
        goto fail;
    }
    if (!rq.op) {
        cli_fail(&e, CLI_E_USAGE, "'op' is required: range, fine, check, convert or mci");
        goto fail;
    }
    const field *mci = &line->f[F_MCI];
    if (mci->kind != V_ABSENT && mci->kind != V_NULL) {
        if (mci->kind != V_INTEGER) {
            cli_fail(&e, KZP_E_BAD_NUMBER, "'mci' must be a whole number of tenge");
            goto fail;
        }
        if (!(ctx = what_if(b, mci->integer, &e))) {
            goto fail;
        }
    }
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
    p->rq = rq;
    p->ctx = ctx;
    return 0;
fail:
    *err = e;
    return 1;
}

/* Answer one parsed line: the result written into b->j's open object, or 1 with the error in *e
 * (not written: the caller puts the line number before it when there is no id). */
static int answer(batch *b, const fields *line, cli_error *err)
{
    cli_error e = {0};
    prepared p;
    if (prepare(b, line, &p, &e)) {
        goto fail;
    }
    const cli_request rq = p.rq;
    const kzp_ctx *ctx = p.ctx;
    /* a range or a fine asked before, on a date its answer holds for: that answer */
    cli_question q = {.ctx = ctx, .flags = rq.flags};
    kzp_qty count;
    if (rq.article && strcmp(rq.op, "range") == 0) {
        q.op = "range";
        q.article = rq.article;
    } else if (rq.mci_count && strcmp(rq.op, "fine") == 0 && kzp_qty_parse(&count, rq.mci_count, NULL) == KZP_OK) {
        q.op = "fine";
        q.centi = count.centi;
    }
    if (q.op && rq.date && cli_answer_cache_find(b->answers, &b->j.w, &q, rq.date)) {
        return 0;
    }
    cli_result r;
    if (cli_execute(&r, &e, ctx, &rq) == KZP_OK) {
        size_t start = jw_next_member_at(&b->j.w);
        b->j.date_count = 0;
        cli_json_result_members(&b->j, &r, ctx, b->lang);
        if (q.op) {
            bool range = q.article != NULL;
            cli_answer_cache_keep(b->answers, &b->j, start, &q, range ? r.range.valid_from : r.fine.valid_from,
                                  range ? r.range.valid_until : r.fine.valid_until);
        }
        return 0;
    }
fail:
    *err = e;
    return 1;
}

/* ---- CSV answers ---- */

/* The answer columns of a CSV row, after the input's own (docs/cli.md "CSV"). */
static const char *const ANSWER_COLUMNS[] = {
    "status",       "error_code", "error_message",  "offence_date", "mci_tenge", "amount_tiyn", "amount_text",
    "amount_words", "sentences",  "fits",           "violation",    "limit",     "excess",      "unit",
    "whole",        "remainder",  "remainder_unit", "certainty",    "stale",     "receipt"};
#define N_ANSWER_COLUMNS (sizeof ANSWER_COLUMNS / sizeof ANSWER_COLUMNS[0])
#define N_RESULT_COLUMNS (N_ANSWER_COLUMNS - 4) /* after status, error_code, error_message; before receipt */

/* Hundredths as a CSV cell: 150, 12.5, 0.25, with the decimal mark of the output. */
static void decimal_cell(char *buf, size_t n, int64_t centi, char mark)
{
    uint64_t a = centi < 0 ? (uint64_t)0 - (uint64_t)centi : (uint64_t)centi;
    int len = snprintf(buf, n, "%s%llu", centi < 0 ? "-" : "", (unsigned long long)(a / 100));
    if (a % 100 && len > 0 && (size_t)len < n) {
        unsigned frac = (unsigned)(a % 100);
        snprintf(buf + len, n - (size_t)len, frac % 10 ? "%c%02u" : "%c%u", mark, frac % 10 ? frac : frac / 10);
    }
}

/* A range's alternatives as sentences, one a line (a quoted cell keeps its line breaks), in a
 * malloc'ed text; NULL when there are none or memory runs out. */
static char *range_sentences(const kzp_range *r, int lang)
{
    char *all = NULL;
    size_t len = 0;
    for (size_t i = 0; i < r->sanction_count; i++) {
        char *one = cli_sanction_text(r, i, lang);
        size_t n = one ? strlen(one) : 0;
        char *grown = one ? realloc(all, len + n + 2) : NULL;
        if (!grown) {
            free(one);
            free(all);
            return NULL;
        }
        all = grown;
        if (len) {
            all[len++] = '\n';
        }
        memcpy(all + len, one, n + 1);
        len += n;
        free(one);
    }
    return all;
}

/* The result columns (after status and the error's two) of an answer: each op fills those that
 * mean something for it and leaves the others empty. */
static void csv_result_cells(batch *b, const cli_result *r)
{
    const char *v[N_RESULT_COLUMNS] = {NULL};
    char tenge[24], tiyn[24], money[64], limit[32], excess[32], whole[24], remainder[32];
    char *words = NULL, *sentences = NULL;
    const char *op = r->rq.op;
    enum {
        DATE,
        MCI,
        TIYN,
        TEXT,
        WORDS,
        SENTENCES,
        FITS,
        VIOLATION,
        LIMIT,
        EXCESS,
        UNIT,
        WHOLE,
        REMAINDER,
        REMAINDER_UNIT,
        CERTAINTY,
        STALE
    };
    const kzp_mci *mci = NULL;
    int certainty = -1, stale = -1;
    if (strcmp(op, "range") == 0) {
        v[DATE] = r->range.offence_date;
        mci = r->range.has_mci ? &r->range.mci : NULL;
        v[SENTENCES] = sentences = range_sentences(&r->range, b->lang);
        certainty = r->range.certainty;
        stale = r->range.stale;
    } else if (strcmp(op, "fine") == 0) {
        v[DATE] = r->rq.date;
        mci = &r->fine.mci;
        snprintf(tiyn, sizeof tiyn, "%lld", (long long)r->fine.amount_tiyn);
        v[TIYN] = tiyn;
        kzp_tenge_format(money, sizeof money, r->fine.amount_tiyn, KZP_MONEY_SIGN);
        v[TEXT] = money;
        v[WORDS] = words = cli_tenge_words(r->fine.amount_tiyn, b->lang);
        v[SENTENCES] = sentences = cli_tenge_figures_words(r->fine.amount_tiyn, b->lang);
        certainty = r->fine.certainty;
        stale = r->fine.stale;
    } else if (strcmp(op, "check") == 0) {
        const kzp_check *c = &r->check;
        v[DATE] = c->range.offence_date;
        mci = c->range.has_mci ? &c->range.mci : NULL;
        v[FITS] = c->fits ? "true" : "false";
        v[VIOLATION] = kzp_violation_name(c->violation);
        decimal_cell(limit, sizeof limit, c->limit_centi, b->decimal_mark);
        decimal_cell(excess, sizeof excess, c->excess_centi, b->decimal_mark);
        v[LIMIT] = limit;
        v[EXCESS] = excess;
        v[UNIT] = kzp_unit_name(c->unit);
        certainty = c->range.certainty;
        stale = c->range.stale;
    } else if (strcmp(op, "convert") == 0) {
        snprintf(whole, sizeof whole, "%lld", (long long)r->conv.whole);
        decimal_cell(remainder, sizeof remainder, r->conv.remainder_centi, b->decimal_mark);
        v[WHOLE] = whole;
        v[UNIT] = kzp_unit_name(r->conv.to_unit);
        v[REMAINDER] = remainder;
        v[REMAINDER_UNIT] = kzp_unit_name(r->conv.from_unit);
        certainty = r->conv.certainty;
    } else {
        v[DATE] = r->mci.date;
        mci = &r->mci;
        certainty = r->mci.certainty;
        stale = r->mci.stale;
    }
    if (mci) {
        snprintf(tenge, sizeof tenge, "%lld", (long long)mci->tenge);
        v[MCI] = tenge;
    }
    v[CERTAINTY] = certainty >= 0 ? kzp_certainty_name(certainty) : NULL;
    v[STALE] = stale < 0 ? NULL : stale ? "true" : "false";
    cli_csv_text(&b->csv, "ok");
    cli_csv_text(&b->csv, NULL);
    cli_csv_text(&b->csv, NULL);
    for (size_t i = 0; i < N_RESULT_COLUMNS; i++) {
        cli_csv_text(&b->csv, v[i]);
    }
    /* a text the answer has but memory did not allow: the row is not written half */
    if ((strcmp(op, "range") == 0 && r->range.sanction_count && !sentences) ||
        (strcmp(op, "fine") == 0 && !sentences)) {
        b->csv.failed = true;
    }
    free(words);
    free(sentences);
}

/* The receipt cell: the lines the human output ends with (versions, the dataset's SHA-256, each
 * MCI update applied), in the --lang language, so a spreadsheet keeps what priced each row. */
static void csv_receipt_cell(batch *b, const kzp_ctx *ctx)
{
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    if (m) {
        cli_receipt_text(m, ctx, b->lang);
    }
    if (!m || fclose(m) != 0 || len < 2) {
        b->csv.failed = true; /* out of memory: the row is not written half */
        free(text);
        return;
    }
    /* without the blank line that opens it and the newline that ends it */
    cli_csv_cell(&b->csv, text + 1, len - 2);
    free(text);
}

/* The answer columns of a failed line or row. */
static void csv_error_cells(batch *b, const cli_error *e)
{
    cli_csv_text(&b->csv, "error");
    cli_csv_text(&b->csv, cli_status_code(e->status));
    cli_csv_text(&b->csv, e->message);
    for (size_t i = 0; i < N_RESULT_COLUMNS + 1; i++) { /* the receipt too: nothing was priced */
        cli_csv_text(&b->csv, NULL);
    }
}

/* Answer one parsed line as CSV cells after the echoed ones (the same question as answer() asks,
 * answered afresh: the JSON answer cache holds bytes of JSON); 1 with the error in *e. */
static int answer_csv(batch *b, const fields *line, cli_error *e)
{
    prepared p;
    cli_result r;
    if (prepare(b, line, &p, e) || cli_execute(&r, e, p.ctx, &p.rq) != KZP_OK) {
        return 1;
    }
    csv_result_cells(b, &r);
    csv_receipt_cell(b, p.ctx);
    return 0;
}

/* The CSV header row: the input's columns (the fields in FIELDS' order for JSON Lines input, the
 * header's own names for CSV), then the answer's. A byte order mark comes first when the input
 * had one, so that a spreadsheet that needed it to read the input reads the answers too. */
static bool csv_header(batch *b, const cli_csv_row *row)
{
    if (b->o->csv_in && b->csv_in.bom && !cli_out_write(b->out, "\xEF\xBB\xBF", 3)) {
        return false;
    }
    for (size_t i = 0; row && i < row->stored; i++) {
        cli_csv_cell(&b->csv, row->cell[i], row->len[i]);
    }
    for (int i = 0; !row && i < N_FIELDS; i++) {
        cli_csv_text(&b->csv, FIELDS[i]);
    }
    for (size_t i = 0; i < N_ANSWER_COLUMNS; i++) {
        cli_csv_text(&b->csv, ANSWER_COLUMNS[i]);
    }
    return cli_csv_end_row(&b->csv, b->out);
}

/* A JSON Lines line's fields echoed as CSV cells, in FIELDS' order: a string as its text, any
 * other value as its JSON (true, 150), an absent or null field empty. The id is echoed from its
 * raw text: a string id decoded, anything else as written. */
static void csv_echo_fields(batch *b, const fields *f, const char *id, size_t id_len)
{
    char num[32];
    for (int i = 0; i < N_FIELDS; i++) {
        const field *v = &f->f[i];
        if (i == F_ID) {
            json_t *s = id && id_len && id[0] == '"' ? json_loadb(id, id_len, JSON_DECODE_ANY, NULL) : NULL;
            if (json_is_string(s)) {
                cli_csv_cell(&b->csv, json_string_value(s), json_string_length(s));
            } else {
                cli_csv_cell(&b->csv, id ? id : "", id ? id_len : 0);
            }
            json_decref(s);
            continue;
        }
        switch (v->kind) {
        case V_STRING: cli_csv_text(&b->csv, v->text); break;
        case V_INTEGER:
            snprintf(num, sizeof num, "%lld", (long long)v->integer);
            cli_csv_text(&b->csv, num);
            break;
        case V_TRUE: cli_csv_text(&b->csv, "true"); break;
        case V_FALSE: cli_csv_text(&b->csv, "false"); break;
        case V_REAL:
        case V_OTHER: {
            char *text = v->json ? json_dumps(v->json, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
            cli_csv_text(&b->csv, text);
            free(text);
            break;
        }
        default: cli_csv_text(&b->csv, NULL);
        }
    }
}

#define MAX_MEMBERS 32 /* more than the fields there are: a longer line has an unknown or repeated field */

/* Read a line with jansson, which says what is wrong with a line that is not a JSON object of
 * fields. Its id is echoed raw, so jansson reads the line with the id replaced by null (it may not
 * hold the id exactly: 0.1, 2^70). Returns the object (the caller frees it) or NULL with *e set. */
static json_t *read_with_jansson(batch *b, const char *text, size_t len, unsigned long lineno, size_t id_start,
                                 size_t id_end, bool has_id, cli_error *e)
{
    const char *parse = text;
    if (has_id) {
        size_t need = len - (id_end - id_start) + 4;
        if (need > b->copy_cap) {
            char *nc = realloc(b->copy, need);
            if (!nc) {
                cli_fail(e, KZP_E_NOMEM, "line %lu: out of memory", lineno);
                return NULL;
            }
            b->copy = nc;
            b->copy_cap = need;
        }
        memcpy(b->copy, text, id_start);
        memcpy(b->copy + id_start, "null", 4);
        memcpy(b->copy + id_start + 4, text + id_end, len - id_end);
        parse = b->copy;
        len = need;
    }
    json_error_t jerr;
    json_t *line = json_loadb(parse, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
    if (!line) {
        bool big = json_error_code(&jerr) == json_error_numeric_overflow;
        cli_fail(e, big ? KZP_E_OVERFLOW : KZP_E_JSON, "line %lu is not %s: %s (column %d)", lineno,
                 big ? "readable: a number is too large" : "JSON", jerr.text, jerr.column);
    } else if (!json_is_object(line)) {
        cli_fail(e, CLI_E_USAGE, "line %lu is JSON but not an object (it is %s); every line must be an object", lineno,
                 json_is_array(line)    ? "an array"
                 : json_is_string(line) ? "a string"
                 : json_is_number(line) ? "a number"
                                        : "a literal");
        json_decref(line);
        line = NULL;
    }
    return line;
}

/* ---- HTML answers: one document, a page a line or row ---- */

/* A stream's failure seen at once, so the batch stops reading as it does for JSON and CSV. */
static void html_written(batch *b)
{
    if (ferror(b->out->f) && !b->out->err) {
        b->out->err = errno ? errno : EIO;
    }
}

/* A page for one parsed line: its answer, or (1, with *e set) nothing when it failed. */
static int answer_html(batch *b, const fields *line, const char *request, cli_error *e)
{
    prepared p;
    cli_result r;
    if (prepare(b, line, &p, e) || cli_execute(&r, e, p.ctx, &p.rq) != KZP_OK) {
        return 1;
    }
    cli_style st = {.lang = b->lang};
    cli_html h = {.result = &r, .request = request, .made_at = b->o->made_at, .date = p.rq.date};
    if (cli_html_page(b->out->f, &h, p.ctx, &st) != 0) {
        return cli_fail(e, KZP_E_NOMEM, "out of memory while writing the HTML page");
    }
    return 0;
}

/* The page of a line or row: its answer, or the error that stopped it. request is the question as
 * the input wrote it (NULL when memory ran out). Returns 1 when it was not answered. */
static int html_row(batch *b, int failed, const fields *f, char *request, cli_error *e)
{
    const char *shown = request ? request : "";
    failed = failed || !request || answer_html(b, f, shown, e);
    if (failed && !request && e->status == KZP_OK) {
        cli_fail(e, KZP_E_NOMEM, "out of memory");
    }
    if (failed) {
        cli_html_error_page(b->out->f, shown, e, b->lang, b->o->made_at);
    }
    free(request);
    html_written(b);
    return failed;
}

/* "line 3: {...}", the line as it was given, whole; NULL when memory runs out. */
static char *line_request(const char *text, size_t len, unsigned long lineno)
{
    char *out = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&out, &n);
    if (!m) {
        return NULL;
    }
    fprintf(m, "line %lu: ", lineno);
    fwrite(text, 1, len, m);
    if (fclose(m) != 0) {
        free(out);
        return NULL;
    }
    for (size_t i = 0; i < n;) { /* the page is UTF-8: a byte that is not becomes '?' */
        size_t k = kzp_utf8_char_len(out + i, n - i);
        out[i] = k ? out[i] : '?';
        i += k ? k : 1;
    }
    return out;
}

/* Write the answer to one line. A line that is not an object, or fails without an id, names its
 * line number; the id is echoed as the user wrote it. Most lines are read by the flat scanner with
 * no allocation; what it leaves (escapes, fractions, unknown or repeated fields, bad JSON) jansson
 * reads, as every line was read before. Returns 1 if the line failed. */
static int one_line(batch *b, cli_out *out, const char *text, size_t len, unsigned long lineno)
{
    jw *w = &b->j.w;
    cli_error e = {0};
    fields f = {0};
    cli_scan_member members[MAX_MEMBERS];
    const char *id = NULL;
    size_t id_len = 0;
    bool object = false;
    json_t *line = NULL;
    jw_reset(w);
    jw_begin_object(w);
    const char *nul = len ? memchr(text, '\0', len) : NULL;
    int count = len && !nul ? cli_json_flat_object(text, len, members, MAX_MEMBERS) : -1;
    if (count >= 0 && fields_of_scan(&f, members, count, b->scratch)) {
        object = true;
        for (int k = 0; k < count; k++) {
            if (members[k].key_len == 2 && memcmp(members[k].key, "id", 2) == 0) {
                id = members[k].raw;
                id_len = members[k].raw_len;
            }
        }
    } else if (len == 0) {
        cli_fail(&e, KZP_E_JSON, "line %lu is blank; every line must be a JSON object", lineno);
    } else if (nul) {
        cli_fail(&e, KZP_E_JSON, "line %lu holds a NUL byte (at byte %zu); a line must be a JSON object", lineno,
                 (size_t)(nul - text) + 1);
    } else {
        size_t id_start = 0, id_end = 0;
        bool has_id = cli_json_find_member(text, len, "id", &id_start, &id_end);
        line = read_with_jansson(b, text, len, lineno, id_start, id_end, has_id, &e);
        if (line) {
            object = true;
            id = has_id ? text + id_start : NULL;
            id_len = id_end - id_start;
        }
    }
    if (b->o->html_out) {
        bool bad = e.status != KZP_OK || (line && fields_of_json(&f, &e, line));
        int failed = html_row(b, bad, &f, line_request(text, len, lineno), &e);
        json_decref(line); /* only now: the fields point into it */
        return failed;
    }
    if (b->o->csv_out) {
        bool bad = e.status != KZP_OK || (line && fields_of_json(&f, &e, line));
        csv_echo_fields(b, &f, id, id_len);
        int failed = bad || answer_csv(b, &f, &e);
        if (failed) {
            csv_error_cells(b, &e);
        }
        json_decref(line);
        cli_csv_end_row(&b->csv, out);
        return failed;
    }
    if (id) {
        jw_key(w, "id");
        jw_raw(w, id, id_len);
    }
    int failed = e.status != KZP_OK || (line && fields_of_json(&f, &e, line)) || answer(b, &f, &e);
    if (failed) {
        if (!id || !object) {
            jw_kint(w, "line", (int64_t)lineno); /* an error without an id says which line */
        }
        cli_json_error_members(&b->j, &e);
    }
    json_decref(line);
    jw_end_object(w);
    cli_out_json(out, w);
    return failed;
}

/* The input, read in blocks: a line is handed out where it lies in the buffer (until the next
 * read), so no line is copied or allocated. A line longer than MAX_LINE is consumed to its end and
 * reported as too long. Unlike fgets it sees NUL bytes. */
#define READ_BLOCK (256 * 1024)
typedef struct line_reader {
    FILE *in;
    char *buf;
    size_t cap, start, end; /* unread bytes are buf[start..end) */
    bool eof;
} line_reader;

static bool fill(line_reader *r)
{
    if (r->eof) {
        return false;
    }
    if (r->start > 0) { /* keep the unread part of a line at the front */
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    size_t got = fread(r->buf + r->end, 1, r->cap - r->end, r->in);
    r->end += got;
    r->eof = got == 0;
    return got > 0;
}

/* The next line without its LF or CRLF; false at the end of input with nothing read. */
static bool next_line(line_reader *r, const char **text, size_t *len, bool *too_long)
{
    *too_long = false;
    size_t scanned = 0; /* bytes after start already searched for a newline */
    for (;;) {
        char *nl = memchr(r->buf + r->start + scanned, '\n', r->end - r->start - scanned);
        if (nl || (r->eof && r->end > r->start)) {
            size_t n = nl ? (size_t)(nl - (r->buf + r->start)) : r->end - r->start;
            *text = r->buf + r->start;
            r->start += n + (nl ? 1 : 0);
            if (n > 0 && (*text)[n - 1] == '\r' && !*too_long) {
                n--;
            }
            *too_long = *too_long || n > MAX_LINE;
            *len = *too_long ? 0 : n;
            return true;
        }
        if (r->end - r->start >= r->cap - READ_BLOCK) {
            /* longer than any line may be: drop what is read, keep reading to its end */
            *too_long = true;
            r->start = r->end;
        }
        scanned = r->end - r->start;
        if (!fill(r) && r->end == r->start) {
            *text = r->buf;
            *len = 0;
            return *too_long; /* a too-long last line without a newline is still a line */
        }
    }
}

/* ---- CSV input ---- */

/* The field a CSV cell gives: empty is absent; a flag's "true" or "false" (any case: a spreadsheet
 * writes TRUE) is that flag, and an mci of digits a whole number; anything else is its text, which
 * the answer reads (or refuses) as it reads a JSON string in that field. */
static void field_of_cell(field *f, int which, const char *text, size_t len)
{
    memset(f, 0, sizeof *f);
    if (len == 0) {
        return;
    }
    f->kind = V_STRING;
    f->text = text;
    bool flag =
        which == F_MITIGATED || which == F_ACCELERATED || which == F_ORDER || which == F_STALE || which == F_STRICT;
    if (flag && (strcasecmp(text, "true") == 0 || strcasecmp(text, "false") == 0)) {
        f->kind = strcasecmp(text, "true") == 0 ? V_TRUE : V_FALSE;
    }
    size_t digits = len - (text[0] == '-');
    if (which == F_MCI && digits > 0 && digits <= 18 && strspn(text + (text[0] == '-'), "0123456789") == digits) {
        f->kind = V_INTEGER;
        f->integer = strtoll(text, NULL, 10); /* at most 18 digits: no overflow */
    }
}

/* The header: each cell must name a field, once, and one of them op. Fills b->column; false with
 * b->header_error set otherwise (the whole input is refused: every row would fail alike). */
static bool read_header(batch *b, const cli_csv_row *row)
{
    cli_error *e = &b->header_error;
    const char *known = "op, id, article, date, mci_count, kind, amount, from, to, rule, mitigated, accelerated, "
                        "order_procedure, allow_stale, strict, purpose, mci";
    if (row->problem) {
        cli_fail(e, CLI_E_CSV, "the header row (row 1) cannot be read: %s", row->problem);
        return false;
    }
    bool any_known = false;
    for (size_t i = 0; i < row->stored; i++) {
        any_known = any_known || field_index(row->cell[i], row->len[i]) >= 0;
    }
    if (!any_known) {
        cli_fail(e, CLI_E_USAGE,
                 "the CSV has no header row: its first row names no field; it must name the columns, e.g. "
                 "op%cid%carticle%cdate%cmci_count (fields: %s)",
                 b->csv_in.delimiter, b->csv_in.delimiter, b->csv_in.delimiter, b->csv_in.delimiter, known);
        return false;
    }
    if (row->count > N_FIELDS) {
        cli_fail(e, CLI_E_USAGE, "the CSV header has %zu columns; there are %d fields, each named once", row->count,
                 N_FIELDS);
        return false;
    }
    b->id_column = -1;
    bool has_op = false;
    for (size_t i = 0; i < row->stored; i++) {
        int f = field_index(row->cell[i], row->len[i]);
        if (row->len[i] == 0) {
            cli_fail(e, CLI_E_USAGE, "the CSV header's column %zu has no name; fields: %s", i + 1, known);
            return false;
        }
        if (f < 0) {
            cli_fail(e, CLI_E_USAGE, "the CSV header names an unknown column '%.60s' (column %zu); fields: %s",
                     row->cell[i], i + 1, known);
            return false;
        }
        for (size_t k = 0; k < i; k++) {
            if (b->column[k] == f) {
                cli_fail(e, CLI_E_USAGE, "the CSV header names '%s' twice (columns %zu and %zu)", FIELDS[f], k + 1,
                         i + 1);
                return false;
            }
        }
        b->column[i] = f;
        has_op = has_op || f == F_OP;
        b->id_column = f == F_ID ? (int)i : b->id_column;
    }
    if (!has_op) {
        cli_fail(e, CLI_E_USAGE,
                 "the CSV header has no 'op' column; every row needs its op (range, fine, check, "
                 "convert or mci)");
        return false;
    }
    b->columns = row->stored;
    return true;
}

/* The fields of a CSV row, or 1 with *e set when the row is not one cell per column of text. */
static int fields_of_row(batch *b, fields *f, const cli_csv_row *row, cli_error *e)
{
    memset(f, 0, sizeof *f);
    if (row->problem) {
        return cli_fail(e, CLI_E_CSV, "row %lu: %s", row->number, row->problem);
    }
    if (row->count != b->columns) {
        return cli_fail(e, CLI_E_CSV, "row %lu has %zu cells, the header %zu%s", row->number, row->count, b->columns,
                        row->count > b->columns ? " (a cell holding the delimiter must be quoted whole)" : "");
    }
    for (size_t i = 0; i < b->columns; i++) {
        const char *text = row->cell[i];
        size_t len = row->len[i];
        if (memchr(text, '\0', len)) {
            return cli_fail(e, CLI_E_CSV, "row %lu: the cell of column '%s' holds a NUL byte", row->number,
                            FIELDS[b->column[i]]);
        }
        if (!jw_utf8_valid(text, len)) {
            return cli_fail(e, CLI_E_CSV,
                            "row %lu: the cell of column '%s' is not UTF-8 text (a spreadsheet saves UTF-8 as "
                            "\"CSV UTF-8\")",
                            row->number, FIELDS[b->column[i]]);
        }
        field_of_cell(&f->f[b->column[i]], b->column[i], text, len);
    }
    return 0;
}

/* "row 3: op=fine; date=10.02.2026; ...": the row's non-empty cells named by the header, whole;
 * NULL when memory runs out. */
static char *row_request(const batch *b, const cli_csv_row *row)
{
    char *out = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&out, &n);
    if (!m) {
        return NULL;
    }
    fprintf(m, "row %lu:", row->number);
    for (size_t i = 0, shown = 0; i < row->stored; i++) {
        if (row->len[i] == 0) {
            continue;
        }
        fprintf(m, "%s %s=", shown++ ? ";" : "", i < b->columns ? FIELDS[b->column[i]] : "?");
        fwrite(row->cell[i], 1, row->len[i], m);
    }
    if (fclose(m) != 0) {
        free(out);
        return NULL;
    }
    for (size_t i = 0; i < n;) { /* the page is UTF-8: a byte that is not becomes '?' */
        size_t k = kzp_utf8_char_len(out + i, n - i);
        out[i] = k ? out[i] : '?';
        i += k ? k : 1;
    }
    return out;
}

/* One CSV row: the header (read, and written when the output is CSV), or a question answered in
 * the output's format. False to stop reading: the header was refused, or the output failed. */
static bool csv_row(void *data, const cli_csv_row *row)
{
    batch *b = data;
    b->last_row = row->number;
    if (!b->header_read) {
        b->header_read = true;
        b->csv.delimiter = b->csv_in.delimiter;
        b->decimal_mark = b->csv_in.delimiter == ';' ? ',' : '.';
        return read_header(b, row) && (!b->o->csv_out || csv_header(b, row)) && !b->out->err;
    }
    fields f;
    cli_error e = {0};
    bool has_id = b->id_column >= 0 && (size_t)b->id_column < row->stored && row->len[b->id_column] > 0;
    int failed = fields_of_row(b, &f, row, &e);
    if (b->o->html_out) {
        b->failed += html_row(b, failed, &f, row_request(b, row), &e) != 0;
        return !b->out->err;
    }
    if (b->o->csv_out) {
        for (size_t i = 0; i < b->columns; i++) { /* the row's own cells, as read */
            cli_csv_cell(&b->csv, i < row->stored ? row->cell[i] : "", i < row->stored ? row->len[i] : 0);
        }
        failed = failed || answer_csv(b, &f, &e);
        if (failed) {
            csv_error_cells(b, &e);
        }
        cli_csv_end_row(&b->csv, b->out);
    } else {
        jw *w = &b->j.w;
        jw_reset(w);
        jw_begin_object(w);
        if (has_id) { /* a cell is text: the id is a JSON string */
            jw_key(w, "id");
            jw_string_n(w, row->cell[b->id_column], row->len[b->id_column]);
        }
        failed = failed || answer(b, &f, &e);
        if (failed) {
            if (!has_id) {
                jw_kint(w, "row", (int64_t)row->number); /* an error without an id says which row */
            }
            cli_json_error_members(&b->j, &e);
        }
        jw_end_object(w);
        cli_out_json(b->out, w);
    }
    b->failed += failed != 0;
    return !b->out->err;
}

/* A CSV input read to its end, each row answered. Returns 0, or a status with *e set when the
 * input was refused (its header) or could not be read to its end. */
static int batch_csv(batch *b, FILE *in, cli_error *e)
{
    int status = cli_csv_read(in, &b->csv_in, csv_row, b, e);
    if (b->header_error.status != KZP_OK) {
        *e = b->header_error;
        return e->status;
    }
    if (status == KZP_OK && !b->header_read) {
        return cli_fail(e, CLI_E_USAGE,
                        "the CSV input is empty: it has no header row (e.g. op;id;article;date;mci_count)");
    }
    return status;
}

/* The answer to a JSON Lines line longer than MAX_LINE: an error, in the output's format. */
static void too_long_line(batch *b, cli_out *out, unsigned long lineno)
{
    cli_error e;
    cli_fail(&e, CLI_E_USAGE, "line %lu is longer than 1 MiB", lineno);
    if (b->o->html_out) {
        char request[48];
        snprintf(request, sizeof request, "line %lu", lineno);
        cli_html_error_page(out->f, request, &e, b->lang, b->o->made_at);
        html_written(b);
        return;
    }
    if (b->o->csv_out) {
        fields none = {0};
        csv_echo_fields(b, &none, NULL, 0);
        csv_error_cells(b, &e);
        cli_csv_end_row(&b->csv, out);
        return;
    }
    jw_reset(&b->j.w);
    jw_begin_object(&b->j.w);
    jw_kint(&b->j.w, "line", (int64_t)lineno);
    cli_json_error_members(&b->j, &e);
    jw_end_object(&b->j.w);
    cli_out_json(out, &b->j.w);
}

int cli_batch(FILE *in, cli_out *out, const kzp_ctx *ctx, const cli_batch_options *o)
{
    bool jsonl = !o->csv_in;
    char *buf = jsonl ? malloc(MAX_LINE + 2 + READ_BLOCK) : NULL;
    batch b = {.base = ctx, .o = o, .default_date = o->default_date, .flags = o->flags, .lang = o->lang, .out = out};
    b.scratch = jsonl ? malloc(MAX_LINE + 2 + N_FIELDS) : NULL;
    b.csv.delimiter = ',';
    b.decimal_mark = '.';
    jw_init(&b.j.w, 0);
    b.j.cache = cli_json_cache_new();
    b.j.citation_ids = o->citation_ids;
    b.answers = cli_answer_cache_new();
    if ((jsonl && (!buf || !b.scratch)) || !b.j.cache || !b.answers) {
        free(buf);
        free(b.scratch);
        cli_json_cache_free(b.j.cache);
        cli_answer_cache_free(b.answers);
        fprintf(stderr, "kzpenalty: out of memory\n");
        return CLI_EXIT_INTERNAL;
    }
    unsigned long lineno = 0;
    int read_error = 0;
    cli_error fatal = {0};
    if (o->html_out) {
        cli_html_begin(out->f, o->lang);
    }
    if (o->csv_in) {
        batch_csv(&b, in, &fatal);
    } else {
        size_t len;
        bool too_long;
        const char *text;
        line_reader reader = {.in = in, .buf = buf, .cap = MAX_LINE + 2 + READ_BLOCK};
        if (o->csv_out) {
            csv_header(&b, NULL);
        }
        while (!out->err && next_line(&reader, &text, &len, &too_long)) {
            lineno++;
            if (too_long) {
                too_long_line(&b, out, lineno);
                b.failed++;
                continue;
            }
            b.failed += one_line(&b, out, text, len, lineno);
        }
        read_error = ferror(in) ? (errno ? errno : EIO) : 0;
    }
    if (o->html_out) {
        cli_html_end(out->f);
        html_written(&b);
    }
    for (size_t i = 0; i < WHAT_IF_SLOTS; i++) {
        kzp_ctx_free(b.what_if.ctx[i]);
    }
    cli_json_cache_free(b.j.cache);
    cli_answer_cache_free(b.answers);
    jw_free(&b.j.w);
    free(b.csv.buf);
    free(b.copy);
    free(b.scratch);
    free(buf);
    /* Answers are buffered: when the output fails, any answer since the last flush may be lost,
     * not only the one being written. The command's end says why (cli_output_failed). */
    bool stopped = out->err != 0;
    if (cli_out_finish(out)) {
        const char *unit = o->csv_in ? "row" : "line";
        unsigned long at = o->csv_in ? b.last_row : lineno;
        if (stopped) {
            fprintf(stderr,
                    "kzpenalty: batch: the output failed while answering %s %lu; answers up to it may be lost, and no "
                    "later %s was read\n",
                    unit, at, unit);
        } else {
            fprintf(stderr, "kzpenalty: batch: the output failed at the end; answers to %ss up to %lu may be lost\n",
                    unit, at);
        }
        return CLI_EXIT_OUTPUT;
    }
    if (fatal.status != KZP_OK) {
        return cli_report(&fatal);
    }
    if (read_error) {
        fprintf(stderr, "kzpenalty: batch: error reading input after line %lu: %s\n", lineno, strerror(read_error));
        return CLI_EXIT_DATA;
    }
    return b.failed ? CLI_EXIT_NOT_FIT : CLI_EXIT_OK;
}
