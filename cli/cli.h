/* The kzpenalty command: declarations shared by its files. The command only translates
 * between the terminal (or JSON Lines) and the library's API; no legal rule lives here. */
#ifndef KZP_CLI_H
#define KZP_CLI_H

#include <jansson.h>
#include <kzpenalty.h>
#include <stdbool.h>
#include <stdio.h>

/* Exit codes (docs/cli.md). */
enum { CLI_EXIT_OK = 0, CLI_EXIT_NOT_FIT = 1, CLI_EXIT_USAGE = 2, CLI_EXIT_DATA = 3, CLI_EXIT_INTERNAL = 4 };

/* A status outside the library's: the command line itself is wrong. */
#define CLI_E_USAGE (-1000)

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
int cli_exit_code(int status);
const char *cli_status_code(int status);

/* json_out.c: results and errors as JSON. */
/* lang: the language of "amount_words" (fine) and "text" (range sanctions). */
json_t *cli_result_json(const cli_result *r, const kzp_ctx *ctx, int lang);
json_t *cli_error_json(const cli_error *e);
json_t *cli_receipt_json(const kzp_ctx *ctx);
json_t *cli_citation_json(const kzp_citation *c);
/* Citations written once and spliced into every line (batch): on, or off and released. */
void cli_json_fragments(bool on);
json_t *cli_decimal_json(int64_t centi);
json_t *cli_money_text_json(int64_t tiyn);
/* Dump with exact decimals (see json_out.c); the caller frees the text. */
char *cli_json_dumps(const json_t *v, size_t flags);
void cli_json_print(FILE *f, const json_t *v, bool compact);

/* lib_text.c: the library's texts in malloc'ed buffers of the size they need (free them);
 * NULL when the call fails (e.g. an amount beyond words) or memory runs out. */
char *cli_sanction_text(const kzp_range *r, size_t index, int lang);
char *cli_tenge_words(int64_t tiyn, int lang);
char *cli_tenge_figures_words(int64_t tiyn, int lang);

/* text_out.c: results for people, in a language. */
typedef struct cli_style {
    int lang;
    bool color;
} cli_style;
void cli_result_text(FILE *f, const cli_result *r, const kzp_ctx *ctx, const cli_style *st);
void cli_mci_history_text(FILE *f, const kzp_ctx *ctx, int purpose_filter, const cli_style *st);
void cli_articles_text(FILE *f, const kzp_ctx *ctx, const cli_style *st);
json_t *cli_mci_history_json(const kzp_ctx *ctx, int purpose_filter);
json_t *cli_articles_json(const kzp_ctx *ctx);

/* batch.c: JSON Lines in, JSON Lines out. Returns the exit code. */
/* flags (KZP_Q_ALLOW_STALE, KZP_Q_STRICT from the command line) apply to every line. */
int cli_batch(FILE *in, FILE *out, const kzp_ctx *ctx, const char *default_date, unsigned flags, int lang);

/* dataset_check.c: `dataset check FILE`. Returns the exit code. */
int cli_dataset_check(const char *path, bool json);

#endif
