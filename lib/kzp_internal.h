/* Private declarations shared by the files of lib/. Not installed. */
#ifndef KZP_INTERNAL_H
#define KZP_INTERNAL_H

#include "kzpenalty.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>

/* ---- Dates: days since 1970-01-01, proleptic Gregorian ---- */

#define KZP_ISO_LEN 10
/* Parse "YYYY-MM-DD" (exactly ten bytes then NUL) into a day number. */
bool kzp_date_parse_days(int32_t *out_days, const char *text);
/* Write a day number as "YYYY-MM-DD" into buf[11]. */
void kzp_date_format_days(char buf[11], int32_t days);
#define KZP_DAY_MIN (-719162) /* 0001-01-01, the first date the library reads */
#define KZP_DAY_MAX 2932896   /* 9999-12-31, the last */

/* ---- Checked arithmetic: false on overflow, *out untouched ---- */

bool kzp_mul_i64(int64_t *out, int64_t a, int64_t b);
bool kzp_add_i64(int64_t *out, int64_t a, int64_t b);

/* ---- Text built into a caller's buffer, snprintf-style (text.c) ---- */

typedef struct kzp_text {
    char *buf;
    size_t size, len; /* len counts the whole text, written or not */
    char last;        /* the last character of the whole text */
} kzp_text;

void kzp_text_init(kzp_text *t, char *buf, size_t size);
void kzp_text_put(kzp_text *t, const char *s);
void kzp_text_putn(kzp_text *t, const char *s, size_t n);
/* A word, with a space before it unless it starts the text or follows "(" or a space. */
void kzp_text_word(kzp_text *t, const char *w);
/* Hundredths as a decimal with the language's separator: 12.5 (en), 12,5 (ru, kk). */
void kzp_text_qty(kzp_text *t, int64_t centi, int lang);
/* The length the whole text needs (the snprintf-style return), or KZP_E_OVERFLOW. */
int kzp_text_result(const kzp_text *t);
/* Words (words.c): a whole number 0..KZP_WORDS_MAX, and an amount of tiyn as tenge; the caller
 * has checked the ranges and arguments. */
void kzp_text_number(kzp_text *t, int64_t n, int lang, int gender, int gcase);
void kzp_text_money(kzp_text *t, int64_t tiyn, int lang, bool figures, int gcase, bool currency);

/* Russian numerals: the form a noun takes after a whole number n (labels.c), the one rule the
 * words, the unit labels and the sentences share: one (1, 21 час), few (2-4, 22 часа), many
 * (0, 5-20, 25 часов). */
enum { KZP_RU_ONE = 0, KZP_RU_FEW = 1, KZP_RU_MANY = 2 };
int kzp_ru_plural(uint64_t n);

/* ---- Errors ---- */

/* Fill err (if not NULL) and return code. fmt is printf-style. */
kzp_status kzp_fail(kzp_error *err, int code, const char *path, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Clear err to "no error". */
void kzp_error_clear(kzp_error *err);

/* Find the line and column (1-based; column in bytes) of the value at a JSON path such as
 * "$.mci.periods[3].from" or '$["odd.key"]' in well-formed JSON text. When the path does
 * not exist in full, the position of the deepest part that does is given. */
void kzp_json_locate(const char *text, size_t len, const char *path, int *line, int *column);
/* Line and column (1-based, column in bytes) of a byte offset in text. */
void kzp_text_position(const char *text, size_t len, size_t offset, int *line, int *column);

/* ---- Files (file.c) ---- */

#define KZP_MAX_FILE_BYTES (64LL * 1024 * 1024)
/* Read a whole regular file (a FIFO, a directory or a device is refused without blocking) of
 * at most KZP_MAX_FILE_BYTES into a malloc'ed buffer. KZP_OK, KZP_E_IO or KZP_E_NOMEM. */
int kzp_read_file(char **out, size_t *out_len, const char *path, kzp_error *err);
/* A path for a message: at most about 100 bytes, cut on a character boundary with "..." (file.c). */
const char *kzp_path_shown(char buf[112], const char *path);

/* ---- Arena: every string and array of a context lives in one, freed at once ---- */

typedef struct kzp_arena_block kzp_arena_block;
typedef struct kzp_arena {
    kzp_arena_block *head;
    size_t bytes; /* what its blocks take from malloc, headers included (kzp_ctx_memory) */
} kzp_arena;

void *kzp_arena_alloc(kzp_arena *arena, size_t size); /* zeroed; NULL on failure */
char *kzp_arena_strdup(kzp_arena *arena, const char *s);
void kzp_arena_free(kzp_arena *arena);

/* ---- An index of ids (index.c): the caller sizes it for n keys; keys are borrowed ---- */

typedef struct kzp_index {
    size_t cap; /* a power of two above 2n; 0 when not built */
    const char **keys;
    size_t *vals;
} kzp_index;

bool kzp_index_init(kzp_index *ix, kzp_arena *arena, size_t n);
/* False when the key is already there (a duplicate). */
bool kzp_index_put(kzp_index *ix, const char *key, size_t val);
/* The value of key, or -1. */
long kzp_index_get(const kzp_index *ix, const char *key);

/* ---- The model a context holds ---- */

typedef struct kzp_period_def {
    int32_t from;
    char from_iso[11];
    int64_t tenge;
    int purpose_all; /* 1: fines and benefits alike */
    int purpose;     /* kzp_purpose when !purpose_all */
    const kzp_citation *citation;
} kzp_period_def;

typedef struct kzp_sanction_def {
    int kind, unit;
    int has_min;
    int64_t min_centi, max_centi;
    const kzp_citation *citation;
} kzp_sanction_def;

typedef struct kzp_article_def {
    const char *id;
    const char *title[3];
    int category;
    int32_t in_force_from;
    char in_force_iso[11];
    const kzp_citation *citation;
    const kzp_citation *category_citation;
    const kzp_citation *in_force_citation;
    size_t sanction_count;
    kzp_sanction_def *sanctions;
} kzp_article_def;

/* The General Part's bounds of one kind of punishment for one category (Arts. 41-43), and the
 * flags under which a cited rule lifts its minimum (Art. 41 part 7). */
typedef struct kzp_general_def {
    const char *id;
    int category, kind;
    int has_min, has_max;
    int64_t min_centi, max_centi;
    int64_t per_day_centi; /* 0: no per-day limit */
    unsigned lift_flags;   /* KZP_Q_* flags under which the minimum is lifted; 0: never */
    const kzp_citation *lift_citation;
    const kzp_citation *citation;
} kzp_general_def;

/* The order procedure's bounds of one kind for one category (Art. 55 part 3). */
typedef struct kzp_order_def {
    int category, kind;
    int has_min;
    int64_t min_centi, max_centi;
    const kzp_citation *citation;
} kzp_order_def;

/* A payment collected beside the punishment for a category (Art. 98-2). */
typedef struct kzp_payment_def {
    const char *id;
    const char *name[3];
    int category;
    int64_t mci_centi;
    const kzp_citation *citation;
    const kzp_citation *priced_by; /* which day's MCI prices it; NULL: not priced */
} kzp_payment_def;

/* A conversion rule: whole units of from_kind worth whole units of to_kind. */
typedef struct kzp_pair_def {
    int from_kind, to_kind;
    int64_t from_centi, to_centi;
} kzp_pair_def;

typedef struct kzp_rule_def {
    int present;
    const char *scope[3];
    const kzp_citation *citation;
    size_t pair_count;
    kzp_pair_def *pairs; /* for the replacement rules; aggregation uses equiv_centi */
} kzp_rule_def;

typedef struct kzp_cap_def {
    const char *id;
    unsigned flag; /* KZP_Q_MITIGATED or KZP_Q_ACCELERATED */
    int category;
    int64_t numerator, denominator;
    const kzp_citation *citation;
} kzp_cap_def;

#define KZP_MAX_CAPS 8

/* How a derived context was made from its parent, so its dataset can be replayed as JSON when
 * a context is derived from it in turn (derive.c). */
enum { KZP_STEP_NONE = 0, KZP_STEP_WHAT_IF = 1, KZP_STEP_UPDATE = 2 };

struct kzp_ctx {
    kzp_arena arena;
    bool shared;     /* the process-wide embedded context (kzp_ctx_new): never freed */
    atomic_int refs; /* its creator, plus one per context derived from it */
    kzp_ctx *parent; /* a derived context shares its parent's model and holds a reference on it */
    int step;        /* KZP_STEP_*: how it was derived */
    int64_t step_tenge;
    const char *step_text; /* an update's JSON text (own arena) */
    size_t step_len;
    /* citations a derived context adds or replaces (listed after, or instead of, its parent's) */
    size_t extra_count;
    const kzp_citation **extras;
    /* every citation, in order, for kzp_citation_at: an update's (own arena); NULL for the root,
     * whose citations[] is the list, and for a what-if, whose citation stands at what_if_slot
     * of its parent's list (replacing one or appended) */
    const kzp_citation **citation_list;
    size_t what_if_slot;
    /* a what-if's own parts, held inline so it needs no arena block */
    kzp_period_def what_if_period;
    kzp_citation what_if_citation;
    char what_if_note[96];
    const kzp_citation *what_if_extra[1];
    /* The dataset's JSON text (NULL for a derived context): replaying a derivation starts from it,
     * and the fingerprint is computed over it. Borrowed for the embedded dataset (static), else
     * owned (in the arena). */
    const char *canonical;
    size_t canonical_len;
    int schema_version;
    const char *id, *version, *verified_on;
    char fingerprint[17];
    char sha256[65]; /* of the root dataset's text (kzp_ctx_sha256); a derived context copies its base's */
    int hypothetical;
    /* an update step's own periods, as indices into periods[] (the chain's earlier ones are the
     * parent's), with the update's file and SHA-256 (own arena) */
    size_t *update_periods;
    size_t update_count;
    const char *update_source, *update_sha256;

    size_t citation_count; /* of the whole list (see citation_list) */
    kzp_citation *citations;
    kzp_index citation_index; /* id -> position in citations */

    size_t period_count;
    kzp_period_def *periods; /* ascending by from */
    int32_t known_until;
    char known_until_iso[11];
    const kzp_citation *known_until_citation;

    const kzp_citation *fine_day_citation; /* Art. 41 part 1 */
    const kzp_citation *cw_day_citation;   /* Art. 42 part 1: correctional work, priced likewise */
    int32_t pricing_from;                  /* first offence day the pricing rule covers (INT32_MIN: any) */
    char pricing_from_iso[11];
    const kzp_citation *pricing_from_citation;

    /* Art. 61: how many hundredths of each kind's unit one day of arrest is worth; 0 = no rule. */
    int64_t equiv_centi[KZP_KIND_COUNT];
    const kzp_citation *equiv_citation;
    /* Conversion rules by kzp_conversion_rule; [KZP_RULE_AGGREGATION] mirrors the equivalence. */
    kzp_rule_def rules[KZP_RULE_COUNT];

    size_t cap_count;
    kzp_cap_def caps[KZP_MAX_CAPS];

    size_t general_count;
    kzp_general_def *generals;
    size_t restriction_count;
    kzp_restriction *restrictions;
    size_t order_count;
    kzp_order_def *orders;
    const kzp_citation *order_kinds_citation;  /* why only those kinds (the order procedure allows a fine) */
    unsigned article_lift_flags;               /* flags under which an article's own minimum is lifted */
    const kzp_citation *article_lift_citation; /* Art. 55 part 6 */
    size_t payment_count;
    kzp_payment_def *payments;

    size_t article_count;
    kzp_article_def *articles;
    kzp_index article_index; /* id -> position in articles */
};

/* The dataset embedded at build time (generated from data/kzpenalty.json). */
extern const char kzp_embedded_dataset[];
extern const size_t kzp_embedded_dataset_len;
extern const char kzp_embedded_sha256[]; /* its SHA-256, 64 hex digits, computed when it was embedded */

/* The SHA-256 of len bytes at data as 64 lower-case hex digits and a NUL (sha256.c); false, with
 * out "", in a build without nettle. */
bool kzp_sha256_hex(char out[65], const void *data, size_t len);

/* kzp_ctx_new_with_mci with the update's source named ("" for a caller's buffer) (derive.c). */
int kzp_ctx_update(kzp_ctx **out, const kzp_ctx *base, const char *json, size_t len, const char *source,
                   kzp_error *err);

/* Unit each kind is measured in. */
int kzp_kind_unit(int kind);
/* Dataset words the loader reads (vocab.c). KZP_OK or KZP_E_UNKNOWN_KIND. */
int kzp_unit_parse(int *out, const char *word);
int kzp_certainty_parse(int *out, const char *word);
int kzp_category_parse(int *out, const char *word);

/* The dates around day over which an MCI lookup for purpose gives the same answer: the period
 * that applies (up to the day before the purpose's next period, or known_until), the stale days
 * after known_until, or the days before the table. */
void kzp_mci_interval(const kzp_ctx *ctx, int32_t day, int purpose, int32_t *from, int32_t *until);
/* Find the MCI period for a day; shared by kzp_mci_on, ranges and fines. */
int kzp_mci_lookup(kzp_mci *out, const kzp_ctx *ctx, int32_t day, const char *date_iso, int purpose, unsigned flags,
                   kzp_error *err);

/* Articles by id (article.c); kzp_article_unknown fills err and returns KZP_E_UNKNOWN_ARTICLE. */
const kzp_article_def *kzp_article_find(const kzp_ctx *ctx, const char *id);
int kzp_article_unknown(const kzp_ctx *ctx, const char *id, kzp_error *err);

/* Every query flag this version knows; other bits are KZP_E_INVALID_ARG. */
#define KZP_Q_KNOWN (KZP_Q_MITIGATED | KZP_Q_ACCELERATED | KZP_Q_ALLOW_STALE | KZP_Q_STRICT | KZP_Q_ORDER_PROCEDURE)

/* Append c to a basis list if it is not there yet, and lower *certainty to c's. False when the
 * list is full (KZP_MAX_BASIS): the caller fails rather than drop a citation. */
bool kzp_basis_add(const kzp_citation **basis, size_t *count, int *certainty, const kzp_citation *c);

/* The offence day is one the dataset's pricing rule covers (Art. 41 part 1 of Code 226-V);
 * KZP_OK or KZP_E_NOT_IN_FORCE with the reason. */
int kzp_pricing_covers(const kzp_ctx *ctx, int32_t day, const char *date_iso, kzp_error *err);
/* True if any citation in the list is unverified (for KZP_Q_STRICT). */
bool kzp_basis_unverified(const kzp_citation *const *basis, size_t count);

#endif
