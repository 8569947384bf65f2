/* Reading JSON text into checked values, with the JSON path, line and column of every problem.
 * No legal rule lives here: lib/dataset.c says what a dataset holds; this file says how a member
 * is found, typed and reported. Private to lib/. */
#ifndef KZP_JSON_READ_H
#define KZP_JSON_READ_H

#include "kzp_internal.h"

#include <jansson.h>

/* ---- JSON text ---- */

/* After a failed json_loadb: true when jansson ran out of memory rather than met bad text.
 * jansson 2.14 leaves the error text empty on most of its allocation failures (and sets
 * json_error_out_of_memory on others); every syntax error has a message. */
bool kzp_json_out_of_memory(const json_error_t *jerr);
/* KZP_E_JSON with the position when the text holds a NUL byte; KZP_OK otherwise. */
int kzp_json_nul(const char *json, size_t len, kzp_error *err);
/* json_loadb with duplicate keys refused; a scalar document (42, "x", null) is loaded too, so
 * the caller's shape check can name what it is. */
json_t *kzp_json_load(const char *json, size_t len, json_error_t *jerr);
/* KZP_E_JSON for jansson's syntax error, at its line and column in bytes. */
int kzp_json_syntax_error(kzp_error *err, const char *json, size_t len, const json_error_t *jerr);
/* Parse JSON text with a clear error: a syntax error with its line and column in bytes, a NUL
 * byte, or running out of memory. */
int kzp_parse_json(json_t **out, const char *json, size_t len, kzp_error *err);

/* ---- A reader: where it is in a document, and what went wrong ---- */

/* Problems found while reading one document may belong to another text: an MCI update is checked
 * as part of the dataset it is merged into, but its problems are the update's. A path map says
 * where a problem at a path of the document read lies in that other text. */
typedef struct kzp_path_map {
    /* Writes the path in the map's text and returns true; false when the problem lies elsewhere. */
    bool (*map)(const struct kzp_path_map *m, const char *path, char out[128]);
    const char *text; /* for line and column */
    size_t len;
    const void *data; /* the map's own state */
} kzp_path_map;

typedef struct jr {
    kzp_arena *arena; /* where strings read are copied */
    kzp_error *err;   /* the first problem, when not NULL */
    const char *text; /* the text read, for line and column; may be NULL */
    size_t len;
    const kzp_path_map *map; /* may be NULL */
    char path[128];
    size_t plen;
    bool truncated; /* the path was too long to write whole: no position */
    /* Collect mode (kzp_dataset_validate): every problem is recorded and reading goes on with
     * the next entry. */
    bool collect;
    kzp_error *list;
    size_t list_cap, found;
    int first; /* the code of the first problem */
} jr;

void jr_init(jr *r, kzp_arena *arena, const char *text, size_t len, kzp_error *err);

/* Paths: a push returns the mark to pop back to. A key a dotted path cannot carry unambiguously
 * (anything but letters, digits, '_' and '-') is written ["key"]. */
size_t jr_push_key(jr *r, const char *key);
size_t jr_push_index(jr *r, size_t i);
void jr_pop(jr *r, size_t mark);

/* A problem at the current path (jr_fail), or at its member key (jr_fail_at). Returns code. */
int jr_fail(jr *r, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
int jr_fail_at(jr *r, const char *key, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* The first of two outcomes that failed: how a list keeps its first problem while going on. */
static inline int jr_first(int first, int rc)
{
    return first ? first : rc;
}
/* Whether a list goes on after first: always when collecting, else only while nothing failed. */
static inline bool jr_go_on(const jr *r, int first)
{
    return first == KZP_OK || r->collect;
}

/* "an object", "an array", "a string"... */
const char *jr_type_word(json_type t);

/* Values: each checks presence, type and range and reports at the member. */
int jr_object(jr *r, const json_t *v, const char *const *allowed); /* only the allowed keys */
/* Member key of obj with the given type; *out NULL when absent and optional. */
int jr_member(jr *r, const json_t *obj, const char *key, json_type type, bool required, json_t **out);
/* A string without control characters, copied into the arena ("" when absent and optional). */
int jr_string(jr *r, const json_t *obj, const char *key, bool required, bool nonempty, const char **out);
int jr_date(jr *r, const json_t *obj, const char *key, int32_t *days, char iso[11]);
/* A word of a vocabulary: parse gives its value; expected lists the words for the message. */
int jr_word(jr *r, const json_t *obj, const char *key, int (*parse)(int *, const char *), const char *expected,
            int *out);
/* A non-negative amount: a JSON integer (whole units) or a decimal string ("0.2"). */
int jr_amount(jr *r, const json_t *obj, const char *key, bool required, bool *present, int64_t *centi);
/* A text in the three languages, {"en": ..., "ru": ..., "kk": ...}, each required and not empty:
 * t itself (jr_texts_value, the path at t), or member key (jr_texts; absent and optional: ""). */
int jr_texts_value(jr *r, const json_t *t, const char *out[KZP_LANG_COUNT]);
int jr_texts(jr *r, const json_t *obj, const char *key, bool required, const char *out[KZP_LANG_COUNT]);

#endif
