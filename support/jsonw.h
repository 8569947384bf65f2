/* jsonw: a small streaming JSON writer shared by the front ends (the command, the WebAssembly
 * glue, the fuzzers). It appends to a growable buffer; the caller writes the buffer where it
 * wants and checks that write. No legal rule lives here.
 *
 * Output is byte for byte what jansson's json_dumps gives for the same document with
 * JSON_PRESERVE_ORDER and either JSON_COMPACT or JSON_INDENT(n): the same escapes ("\u001F",
 * upper-case hex; '/' and non-ASCII as they are), "%lld" integers. Exact decimals are written
 * from hundredths ("12.5"), never through a double. Raw fragments (a cached citation, an id
 * echoed as the user wrote it) are appended as they are; the caller vouches for them.
 *
 * Errors: running out of memory sets `failed` and makes every later call a no-op, so a caller
 * checks once at the end. Nesting mistakes (a value without a key in an object, an end without a
 * begin) are caught by assert() in debug builds and make `failed` set in every build.
 * Decimals are written by the library's kzp_qty_format: a program using jw links kzpenalty. */
#ifndef KZP_JSONW_H
#define KZP_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define JW_MAX_DEPTH 32

typedef struct jw {
    char *buf;
    size_t len, cap;
    bool failed;          /* out of memory or a nesting mistake: the text is not usable */
    int indent;           /* 0: compact; n > 0: pretty, n spaces a level */
    bool camel_keys;      /* "seen_in" is written "seenIn" */
    bool int64_as_string; /* integers beyond 2^53 are not safe in JavaScript: write every integer as a string */
    int depth;
    char open[JW_MAX_DEPTH];  /* '{' or '[' per level */
    bool empty[JW_MAX_DEPTH]; /* nothing written at this level yet */
    bool want_value;          /* a key was written, its value is next */
} jw;

void jw_init(jw *w, int indent);
void jw_free(jw *w);
/* Forget the text but keep the buffer (for the next line of a batch); clears `failed`. */
void jw_reset(jw *w);

void jw_begin_object(jw *w);
void jw_end_object(jw *w);
void jw_begin_array(jw *w);
void jw_end_array(jw *w);
/* A member's key; the value comes with the next value call. */
void jw_key(jw *w, const char *key);

/* Values. A string that is not valid UTF-8 has each bad byte written as U+FFFD, so the output
 * is always valid JSON; jw_string_valid tells whether that happened. */
void jw_string(jw *w, const char *s);
void jw_string_n(jw *w, const char *s, size_t n);
void jw_int(jw *w, int64_t v);
void jw_decimal(jw *w, int64_t centi); /* hundredths as an exact JSON number: 15000 -> 150, 1250 -> 12.5 */
void jw_bool(jw *w, bool v);
void jw_null(jw *w);
/* A value that is already JSON text (compact), appended as it is. */
void jw_raw(jw *w, const char *json, size_t n);

/* Members that are already compact JSON text ("\"a\":1,\"b\":2", no braces), appended into the
 * object open at this level, with the comma their place needs: a part of an answer written once
 * and reused. Compact writers only. */
void jw_raw_members(jw *w, const char *json, size_t n);
/* The offset in buf where the next member of the open object will start (after its comma):
 * where a caller that wants to reuse the members it is about to write begins copying. */
size_t jw_next_member_at(const jw *w);

/* Key and value in one call. */
void jw_kstring(jw *w, const char *key, const char *s);
void jw_kint(jw *w, const char *key, int64_t v);
void jw_kdecimal(jw *w, const char *key, int64_t centi);
void jw_kbool(jw *w, const char *key, bool v);
void jw_knull(jw *w, const char *key);
/* A string, or null when s is NULL. */
void jw_kstring_or_null(jw *w, const char *key, const char *s);

/* True when s (n bytes) is valid UTF-8. */
bool jw_utf8_valid(const char *s, size_t n);

#endif
