/* jsonw: the streaming JSON writer (see jsonw.h for what it promises). */
#include "jsonw.h"

#include <kzpenalty.h>

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void jw_init(jw *w, int indent)
{
    memset(w, 0, sizeof *w);
    w->indent = indent;
}

void jw_free(jw *w)
{
    free(w->buf);
    w->buf = NULL;
    w->len = w->cap = 0;
}

void jw_reset(jw *w)
{
    w->len = 0;
    w->failed = false;
    w->depth = 0;
    w->want_value = false;
}

static bool reserve(jw *w, size_t more)
{
    if (w->failed) {
        return false;
    }
    if (w->len + more + 1 <= w->cap) {
        return true;
    }
    size_t cap = w->cap ? w->cap : 256;
    while (cap < w->len + more + 1) {
        if (cap > SIZE_MAX / 2) {
            w->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *nb = realloc(w->buf, cap);
    if (!nb) {
        w->failed = true;
        return false;
    }
    w->buf = nb;
    w->cap = cap;
    return true;
}

static inline void put(jw *w, const char *s, size_t n)
{
    if (w->len + n < w->cap || reserve(w, n)) { /* the common case tests one sum */
        memcpy(w->buf + w->len, s, n);
        w->len += n;
    }
}

static void put_c(jw *w, char c)
{
    put(w, &c, 1);
}

static void mistake(jw *w)
{
    assert(!"jsonw: nesting mistake");
    w->failed = true;
}

static void newline_indent(jw *w, int depth)
{
    if (w->indent > 0) {
        put_c(w, '\n');
        for (int i = 0; i < depth * w->indent; i++) {
            put_c(w, ' ');
        }
    }
}

/* Before a value: the separator and indentation its place needs, and a check that a value may
 * stand here (in an array, after a key, or at the top). */
static void before_value(jw *w)
{
    if (w->depth == 0) {
        return;
    }
    if (w->open[w->depth - 1] == '{') {
        if (!w->want_value) {
            mistake(w);
        }
        w->want_value = false;
        return;
    }
    if (!w->empty[w->depth - 1]) {
        put_c(w, ',');
    }
    w->empty[w->depth - 1] = false;
    newline_indent(w, w->depth);
}

static void begin(jw *w, char open)
{
    before_value(w);
    if (w->depth == JW_MAX_DEPTH) {
        mistake(w);
        return;
    }
    put_c(w, open);
    w->open[w->depth] = open;
    w->empty[w->depth] = true;
    w->depth++;
}

static void end(jw *w, char open, char close)
{
    if (w->depth == 0 || w->open[w->depth - 1] != open || w->want_value) {
        mistake(w);
        return;
    }
    w->depth--;
    if (!w->empty[w->depth]) {
        newline_indent(w, w->depth);
    }
    put_c(w, close);
}

void jw_begin_object(jw *w)
{
    begin(w, '{');
}
void jw_end_object(jw *w)
{
    end(w, '{', '}');
}
void jw_begin_array(jw *w)
{
    begin(w, '[');
}
void jw_end_array(jw *w)
{
    end(w, '[', ']');
}

bool jw_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            i++; /* ASCII, most of every text */
            continue;
        }
        size_t k = kzp_utf8_char_len((const char *)p + i, n - i);
        if (k == 0) {
            return false;
        }
        i += k;
    }
    return true;
}

static void quoted(jw *w, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    put_c(w, '"');
    size_t run = 0; /* start of the bytes copied as they are */
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++; /* printable ASCII, the most of every text: copied with its run */
            continue;
        }
        size_t k = c >= 0x80 ? kzp_utf8_char_len(s + i, n - i) : 1;
        const char *esc = NULL;
        char u[8];
        if (k == 0) {
            esc = "\xEF\xBF\xBD"; /* U+FFFD for a byte that is not UTF-8 */
            k = 1;
        } else if (c == '"') {
            esc = "\\\"";
        } else if (c == '\\') {
            esc = "\\\\";
        } else if (c < 0x20) {
            switch (c) {
            case '\b': esc = "\\b"; break;
            case '\f': esc = "\\f"; break;
            case '\n': esc = "\\n"; break;
            case '\r': esc = "\\r"; break;
            case '\t': esc = "\\t"; break;
            default: snprintf(u, sizeof u, "\\u%04X", (unsigned)c); esc = u;
            }
        }
        if (esc) {
            put(w, s + run, i - run);
            put(w, esc, strlen(esc));
            run = i + k;
        }
        i += k;
    }
    put(w, s + run, n - run);
    put_c(w, '"');
}

/* The length of s when it holds only printable ASCII other than '"' and '\\' (written without
 * escapes), else SIZE_MAX. */
static size_t plain_ascii_len(const char *s)
{
    const char *p = s;
    for (; *p; p++) {
        if (*p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\') {
            return SIZE_MAX;
        }
    }
    return (size_t)(p - s);
}

/* "seen_in" -> "seenIn" when the writer asks for camel-case keys. */
void jw_key(jw *w, const char *key)
{
    if (w->depth == 0 || w->open[w->depth - 1] != '{' || w->want_value) {
        mistake(w);
        return;
    }
    if (!w->empty[w->depth - 1]) {
        put_c(w, ',');
    }
    w->empty[w->depth - 1] = false;
    newline_indent(w, w->depth);
    size_t n = plain_ascii_len(key);
    if (n != SIZE_MAX && !(w->camel_keys && memchr(key, '_', n))) {
        /* the program's keys: written as they are, in one piece */
        size_t sep = w->indent > 0 ? 3 : 2; /* ": " or ":" after the closing quote */
        if (w->len + n + sep + 1 < w->cap || reserve(w, n + sep + 1)) {
            char *o = w->buf + w->len;
            o[0] = '"';
            memcpy(o + 1, key, n);
            memcpy(o + 1 + n, "\": ", sep);
            w->len += n + sep + 1;
        }
        w->want_value = true;
        return;
    }
    if (w->camel_keys && strchr(key, '_')) {
        char buf[64];
        size_t o = 0;
        for (const char *k = key; *k && o < sizeof buf - 1; k++) {
            buf[o++] = *k == '_' && k[1] ? (char)(k[1] >= 'a' && k[1] <= 'z' ? k[1] - 32 : k[1]) : *k;
            k += *k == '_' && k[1];
        }
        quoted(w, buf, o);
    } else {
        quoted(w, key, strlen(key));
    }
    put(w, w->indent > 0 ? ": " : ":", w->indent > 0 ? 2 : 1);
    w->want_value = true;
}

void jw_string_n(jw *w, const char *s, size_t n)
{
    before_value(w);
    quoted(w, s, n);
}

void jw_string(jw *w, const char *s)
{
    jw_string_n(w, s, strlen(s));
}

void jw_int(jw *w, int64_t v)
{
    /* "%lld" without the printf machinery: integers are on every line of a batch */
    char buf[24];
    char *e = buf + sizeof buf, *o = e;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        *--o = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) {
        *--o = '-';
    }
    int n = (int)(e - o);
    memmove(buf, o, (size_t)n);
    if (w->int64_as_string) {
        jw_string_n(w, buf, (size_t)n);
        return;
    }
    before_value(w);
    put(w, buf, (size_t)n);
}

void jw_decimal(jw *w, int64_t centi)
{
    /* the library's own plain form (150, 0.2, 12.5): one way of writing a quantity everywhere */
    char buf[32];
    int n = kzp_qty_format(buf, sizeof buf, kzp_hundredths(centi), KZP_LANG_EN);
    if (n < 0 || (size_t)n >= sizeof buf) {
        w->failed = true; /* KZP_QTY_INVALID: no number to write */
        return;
    }
    before_value(w);
    put(w, buf, (size_t)n);
}

void jw_bool(jw *w, bool v)
{
    before_value(w);
    put(w, v ? "true" : "false", v ? 4 : 5);
}

void jw_null(jw *w)
{
    before_value(w);
    put(w, "null", 4);
}

void jw_raw(jw *w, const char *json, size_t n)
{
    before_value(w);
    put(w, json, n);
}

void jw_raw_members(jw *w, const char *json, size_t n)
{
    if (w->depth == 0 || w->open[w->depth - 1] != '{' || w->want_value || w->indent > 0) {
        mistake(w);
        return;
    }
    if (n == 0) {
        return;
    }
    if (!w->empty[w->depth - 1]) {
        put_c(w, ',');
    }
    w->empty[w->depth - 1] = false;
    put(w, json, n);
}

size_t jw_next_member_at(const jw *w)
{
    bool comma = w->depth > 0 && !w->empty[w->depth - 1];
    return w->len + (comma ? 1 : 0);
}

void jw_kstring(jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    jw_string(w, s);
}
void jw_kint(jw *w, const char *key, int64_t v)
{
    jw_key(w, key);
    jw_int(w, v);
}
void jw_kdecimal(jw *w, const char *key, int64_t centi)
{
    jw_key(w, key);
    jw_decimal(w, centi);
}
void jw_kbool(jw *w, const char *key, bool v)
{
    jw_key(w, key);
    jw_bool(w, v);
}
void jw_knull(jw *w, const char *key)
{
    jw_key(w, key);
    jw_null(w);
}
void jw_kstring_or_null(jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    if (s) {
        jw_string(w, s);
    } else {
        jw_null(w);
    }
}
