/* The kzpenalty command: declarations shared by its files. The command only translates
 * between the terminal (or JSON Lines) and the library's API; no legal rule lives here. */
#ifndef KZP_CLI_H
#define KZP_CLI_H

#include "jsonw.h"

#include <jansson.h>
#include <kzpenalty.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

/* Exit codes (docs/cli.md). */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_NOT_FIT = 1,
    CLI_EXIT_USAGE = 2,
    CLI_EXIT_DATA = 3,
    CLI_EXIT_INTERNAL = 4,
    CLI_EXIT_OUTPUT = 5 /* the output could not be written (a full disk, a closed pipe) */
};

/* A status outside the library's: the command line itself is wrong. */
#define CLI_E_USAGE (-1000)
/* A batch's CSV input is not well-formed (code "CSV"): a row, or when it is fatal, the input. */
#define CLI_E_CSV (-1001)

typedef struct cli_error {
    int status; /* a kzp_status, or CLI_E_USAGE */
    char message[512];
} cli_error;

/* One question, from the command line or from a batch line. */
typedef struct cli_request {
    const char *op; /* "range", "fine", "check", "convert", "mci" */
    const char *article;
    const char *date;
    const char *mci_count; /* fine */
    const char *kind;      /* check */
    const char *amount;    /* check, convert */
    const char *from, *to; /* convert */
    const char *rule;      /* convert: a conversion rule word; NULL is aggregation */
    const char *purpose;   /* mci */
    unsigned flags;        /* KZP_Q_* */
    bool batch;            /* from a batch line: messages name its fields, not options */
} cli_request;

/* The answer, as the library gave it. */
typedef struct cli_result {
    cli_request rq;
    int purpose;
    kzp_mci mci;
    kzp_fine fine;
    kzp_range range;
    kzp_check check;
    kzp_conversion conv;
} cli_result;

/* ops.c: run one question against a context. */
int cli_execute(cli_result *out, cli_error *e, const kzp_ctx *ctx, const cli_request *rq);
int cli_fail(cli_error *e, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
int cli_vfail(cli_error *e, int status, const char *fmt, va_list ap);
int cli_exit_code(int status);

/* report.c: a failure on stderr, and with --json also as JSON on stdout. */
void cli_set_json_errors(bool on);
int cli_report(const cli_error *e); /* returns the exit code */
int cli_usage(const char *fmt, ...) /* returns CLI_EXIT_USAGE */
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* A bad value on the command line (--date, --mci...), told as a usage error on stderr, with the
 * library's status in JSON, as the same value gets in a batch line. Returns its exit code. */
int cli_usage_as(int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
const char *cli_status_code(int status);

/* json_out.c: results and errors as JSON, with the streaming writer. A batch keeps a cache of
 * citations written once (compact output only); NULL is no cache. */
typedef struct cli_json_cache cli_json_cache;
typedef struct cli_json {
    jw w;
    cli_json_cache *cache;
    bool citation_ids; /* --citations ids: each citation as its id (the table: dataset citations) */
    /* set by a range's members: where its offence date and its MCI's date stand in w.buf, the
     * only bytes that differ between the answers of one validity interval */
    size_t date_at[2];
    int date_count;
} cli_json;
cli_json_cache *cli_json_cache_new(void);
void cli_json_cache_clear(cli_json_cache *cache);
void cli_json_cache_forget(cli_json_cache *cache, const kzp_citation *c);
/* Forget what was written for a context about to be freed (its receipt). */
void cli_json_cache_forget_ctx(cli_json_cache *cache, const kzp_ctx *ctx);
void cli_json_cache_free(cli_json_cache *cache);
/* answer_cache.c: a batch's answers (range, fine), reused for every date of their validity
 * interval. A question: op is a static string ("range", "fine"); article may be NULL; centi is
 * the amount of a fine (0 for a range). */
typedef struct cli_question {
    const kzp_ctx *ctx;
    const char *op;
    const char *article;
    unsigned flags;
    int64_t centi;
} cli_question;
typedef struct cli_answer_cache cli_answer_cache;
cli_answer_cache *cli_answer_cache_new(void);
void cli_answer_cache_free(cli_answer_cache *cache);
void cli_answer_cache_forget_ctx(cli_answer_cache *cache, const kzp_ctx *ctx);
/* Write the kept answer to q on date (ISO, kzp_date_parse's) into w's open object, with date set
 * in it; false when none is kept. */
bool cli_answer_cache_find(cli_answer_cache *cache, jw *w, const cli_question *q, const char date[11]);
/* Keep the answer j just wrote from offset start (jw_next_member_at before it), with the two dates
 * j recorded, for the offence dates valid_from .. valid_until. */
void cli_answer_cache_keep(cli_answer_cache *cache, const cli_json *j, size_t start, const cli_question *q,
                           const char *valid_from, const char *valid_until);

/* Members written into an object the caller has opened. */
void cli_json_result_members(cli_json *j, const cli_result *r, const kzp_ctx *ctx, int lang);
void cli_json_error_members(cli_json *j, const cli_error *e);
void cli_json_receipt(cli_json *j, const kzp_ctx *ctx);
void cli_json_citation(cli_json *j, const kzp_citation *c);
/* Whole documents. */
void cli_json_mci_history(cli_json *j, const kzp_ctx *ctx, int purpose_filter);
void cli_json_articles(cli_json *j, const kzp_ctx *ctx);
void cli_json_citations(cli_json *j, const kzp_ctx *ctx);
void cli_json_version(cli_json *j, const kzp_ctx *ctx);

/* output.c: every write is checked. The first failure is kept (its errno); later writes are
 * skipped; cli_out_finish flushes and reports. */
typedef struct cli_out {
    FILE *f;
    int err; /* errno of the first failure, 0 if none */
} cli_out;
bool cli_out_write(cli_out *o, const char *p, size_t n);
/* A JSON document (or batch line) followed by a newline. */
bool cli_out_json(cli_out *o, const jw *w);
/* Flush, then check the stream's error flag; returns 0 or the errno of the first failure. */
int cli_out_finish(cli_out *o);
/* Report a failed output on stderr; returns CLI_EXIT_OUTPUT. */
int cli_output_failed(int err);

/* lib_text.c: the library's texts in malloc'ed buffers of the size they need (free them);
 * NULL when the call fails (e.g. an amount beyond words) or memory runs out. */
char *cli_sanction_text(const kzp_range *r, size_t index, int lang);
char *cli_tenge_words(int64_t tiyn, int lang);
char *cli_tenge_figures_words(int64_t tiyn, int lang);

/* text_out.c: results for people, in a language. */
typedef struct cli_style {
    int lang;
    bool color;
    bool brief; /* citations without their English notes: the HTML record, which must fit one page */
} cli_style;
void cli_result_text(FILE *f, const cli_result *r, const kzp_ctx *ctx, const cli_style *st);
void cli_date_assumed_text(FILE *f, const char *date, const cli_style *st);
void cli_receipt_text(FILE *f, const kzp_ctx *ctx, int lang);

/* html_out.c: one answer as a printable HTML document (--format html). */
typedef struct cli_html {
    const cli_result *result;
    const char *request; /* the command line as given, shown as the question */
    const char *made_at; /* when the document was made, e.g. "2026-11-30 23:07:24 UTC" */
    const char *date;    /* the offence date, said first when it was assumed */
    bool date_assumed;
} cli_html;
/* 0, or -1 when memory ran out (then the document holds no page: the caller reports the error). */
int cli_html_document(FILE *f, const cli_html *h, const kzp_ctx *ctx, const cli_style *st);
/* A batch's document: begin, then a page per row (an answer, or the error of a row not answered),
 * then end. */
void cli_html_begin(FILE *f, int lang);
int cli_html_page(FILE *f, const cli_html *h, const kzp_ctx *ctx, const cli_style *st);
void cli_html_error_page(FILE *f, const char *request, const cli_error *e, int lang, const char *made_at);
void cli_html_end(FILE *f);
void cli_updates_text(FILE *f, const kzp_ctx *ctx, int lang);
void cli_mci_history_text(FILE *f, const kzp_ctx *ctx, int purpose_filter, const cli_style *st);
void cli_articles_text(FILE *f, const kzp_ctx *ctx, const cli_style *st);
void cli_citations_text(FILE *f, const kzp_ctx *ctx, const cli_style *st);

/* batch.c: JSON Lines or CSV in, JSON Lines or CSV out (docs/cli.md). Returns the exit code. */
typedef struct cli_batch_options {
    const char *default_date; /* --date as ISO, or NULL: a line without a date is then an error */
    unsigned flags;           /* KZP_Q_ALLOW_STALE, KZP_Q_STRICT from the command line: every line */
    int lang;
    bool citation_ids;
    bool csv_in, csv_out; /* the formats: CSV, or JSON Lines */
    bool html_out;        /* the output: one HTML document, a page a line or row (--output-format html) */
    const char *made_at;  /* when, for the HTML pages */
} cli_batch_options;
int cli_batch(FILE *in, cli_out *out, const kzp_ctx *ctx, const cli_batch_options *o);

/* csv.c: CSV read with libcsv (RFC 4180 quoting, strict) and written with its quoting. */
#define CLI_CSV_MAX_CELLS 64 /* cells kept of a row; more are counted (a row has one per column) */
typedef struct cli_csv_row {
    unsigned long number; /* as a spreadsheet numbers records: the header is row 1 */
    size_t count;         /* cells the row has */
    size_t stored;        /* cells in cell[] and len[]: the first ones, NUL-terminated */
    const char *cell[CLI_CSV_MAX_CELLS];
    size_t len[CLI_CSV_MAX_CELLS];
    const char *problem; /* why the row could not be read whole (a stray quote, too long), or NULL */
} cli_csv_row;
/* Called for every row in order, the header first; false: read no more. */
typedef bool (*cli_csv_row_fn)(void *data, const cli_csv_row *row);
typedef struct cli_csv_input {
    bool bom;       /* the input began with a UTF-8 byte order mark (skipped) */
    char delimiter; /* ',' or ';': the first of them on the header line */
} cli_csv_input;
/* Read every row of in, handing each to fn. A malformed row is handed over with its problem and
 * reading goes on at the next line. Returns KZP_OK, or a status with *e set when the input could
 * not be read to its end (a quote left open, a cell over 1 MiB, a read error); rows before the
 * failure have been handed over, the row where it stands too, with its problem. */
int cli_csv_read(FILE *in, cli_csv_input *info, cli_csv_row_fn fn, void *data, cli_error *e);
/* One output row being built: cells are added, then the row is written whole (checked). */
typedef struct cli_csv_writer {
    char *buf;
    size_t len, cap, cells;
    char delimiter;
    bool failed; /* out of memory: the row is not written, and the output is marked failed */
} cli_csv_writer;
void cli_csv_cell(cli_csv_writer *w, const char *s, size_t n); /* quoted only when it must be */
void cli_csv_text(cli_csv_writer *w, const char *s);           /* NULL is an empty cell */
bool cli_csv_end_row(cli_csv_writer *w, cli_out *out);         /* CRLF, then the row through out */

/* json_scan.c: the raw text of a top-level member of the JSON object in text (its first
 * occurrence), validated by the JSON grammar: [*start, *end). False when the text is not an
 * object, has no such member, or is not well-formed up to it. */
bool cli_json_find_member(const char *text, size_t len, const char *key, size_t *start, size_t *end);
/* One top-level member of a batch line, as its text: a string's text is between its quotes
 * (CLI_SCAN_STRING: no escapes in it; valid UTF-8), an integer's digits, or any other value whole
 * (CLI_SCAN_OTHER: an object, an array, a fraction, a string with escapes). */
enum { CLI_SCAN_STRING, CLI_SCAN_INTEGER, CLI_SCAN_TRUE, CLI_SCAN_FALSE, CLI_SCAN_NULL, CLI_SCAN_OTHER };
typedef struct cli_scan_member {
    const char *key, *value, *raw; /* raw: the value's whole text, quotes included */
    size_t key_len, value_len, raw_len;
    int kind;
} cli_scan_member;
/* Read a line that is one JSON object into at most max members, checking the JSON grammar as it
 * goes and building nothing. Returns how many, or -1 when the line is not such an object or needs
 * a full JSON parser to be read as jansson reads it (a key with an escape, more than max members). */
int cli_json_flat_object(const char *text, size_t len, cli_scan_member *out, int max);

/* dataset_check.c: `dataset check FILE`. Returns the exit code. */
int cli_dataset_check(cli_out *out, const char *path, bool json);

#endif
