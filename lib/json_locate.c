/* Line and column of a JSON path in text jansson has already accepted as well formed.
 * jansson keeps no positions for values, and a dataset problem is only useful to a
 * person if it points at a line, so this walks the text along the path. */
#include "kzp_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct cursor {
    const char *s;
    size_t len, i;
} cursor;

static void skip_ws(cursor *c)
{
    while (c->i < c->len && (c->s[c->i] == ' ' || c->s[c->i] == '\t' || c->s[c->i] == '\n' || c->s[c->i] == '\r')) {
        c->i++;
    }
}

/* At an opening quote: move past the closing one. */
static void skip_string(cursor *c)
{
    c->i++;
    while (c->i < c->len && c->s[c->i] != '"') {
        c->i += c->s[c->i] == '\\' ? 2 : 1;
    }
    c->i++;
}

static void skip_value(cursor *c)
{
    skip_ws(c);
    if (c->i >= c->len) {
        return;
    }
    char ch = c->s[c->i];
    if (ch == '"') {
        skip_string(c);
        return;
    }
    if (ch == '{' || ch == '[') {
        int depth = 0;
        while (c->i < c->len) {
            ch = c->s[c->i];
            if (ch == '"') {
                skip_string(c);
                continue;
            }
            if (ch == '{' || ch == '[') {
                depth++;
            } else if (ch == '}' || ch == ']') {
                depth--;
                if (depth == 0) {
                    c->i++;
                    return;
                }
            }
            c->i++;
        }
        return;
    }
    while (c->i < c->len && !strchr(",}] \t\r\n", c->s[c->i])) {
        c->i++;
    }
}

/* At '{': find member key (raw bytes, no escapes); leave the cursor at its value. */
static bool enter_member(cursor *c, const char *key, size_t keylen)
{
    c->i++;
    for (;;) {
        skip_ws(c);
        if (c->i >= c->len || c->s[c->i] != '"') {
            return false;
        }
        size_t start = c->i + 1;
        skip_string(c);
        size_t klen = c->i - 1 - start;
        skip_ws(c);
        c->i++; /* ':' */
        skip_ws(c);
        if (klen == keylen && memcmp(c->s + start, key, keylen) == 0) {
            return true;
        }
        skip_value(c);
        skip_ws(c);
        if (c->i >= c->len || c->s[c->i] != ',') {
            return false;
        }
        c->i++;
    }
}

/* At '[': move to element n. */
static bool enter_element(cursor *c, long n)
{
    c->i++;
    for (long k = 0;; k++) {
        skip_ws(c);
        if (c->i >= c->len || c->s[c->i] == ']') {
            return false;
        }
        if (k == n) {
            return true;
        }
        skip_value(c);
        skip_ws(c);
        if (c->i >= c->len || c->s[c->i] != ',') {
            return false;
        }
        c->i++;
    }
}

void kzp_json_locate(const char *text, size_t len, const char *path, int *line, int *column)
{
    cursor c = {text, len, 0};
    skip_ws(&c);
    size_t found = c.i;
    const char *p = path && path[0] == '$' ? path + 1 : "";
    while (*p) {
        cursor probe = c;
        bool ok = false;
        if (*p == '.') {
            const char *end = p + 1 + strcspn(p + 1, ".[");
            if (probe.i < probe.len && probe.s[probe.i] == '{') {
                ok = enter_member(&probe, p + 1, (size_t)(end - p - 1));
            }
            p = end;
        } else if (p[0] == '[' && p[1] == '"') {
            /* ["key"]: a key with characters a dotted path cannot carry. The path escapes \" and
             * \\ as JSON text does, so the key is kept escaped to match the text's raw bytes. */
            char key[128];
            size_t k = 0;
            const char *q = p + 2;
            while (*q && *q != '"' && k < sizeof key - 2) {
                if (*q == '\\' && q[1]) {
                    key[k++] = *q++;
                }
                key[k++] = *q++;
            }
            if (probe.i < probe.len && probe.s[probe.i] == '{') {
                ok = enter_member(&probe, key, k);
            }
            p = *q == '"' && q[1] == ']' ? q + 2 : q + strlen(q);
        } else if (*p == '[') {
            char *end;
            long n = strtol(p + 1, &end, 10);
            if (probe.i < probe.len && probe.s[probe.i] == '[') {
                ok = enter_element(&probe, n);
            }
            p = *end == ']' ? end + 1 : end;
        } else {
            break;
        }
        if (!ok) {
            break;
        }
        c = probe;
        found = c.i;
    }
    kzp_text_position(text, len, found, line, column);
}

void kzp_text_position(const char *text, size_t len, size_t offset, int *line, int *column)
{
    int l = 1, col = 1;
    for (size_t i = 0; i < offset && i < len; i++) {
        if (text[i] == '\n') {
            l++;
            col = 1;
        } else {
            col++;
        }
    }
    *line = l;
    *column = col;
}
