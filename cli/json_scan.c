/* Finding a top-level member of a JSON object in its text, to echo the member's value exactly as
 * the user wrote it (a batch "id": 0.1 stays 0.1, an integer beyond 64 bits stays as written).
 * The scanner validates the JSON grammar of what it skips (numbers, strings with their escapes
 * and UTF-8, literals, nesting up to a depth); it decodes keys, so "\u0069d" is "id" as for any
 * JSON reader. It does not build anything. */
#include "cli.h"

#include <string.h>

#define MAX_DEPTH 64

typedef struct scanner {
    const char *s;
    size_t n, i;
} scanner;

static void ws(scanner *sc)
{
    while (sc->i < sc->n &&
           (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t' || sc->s[sc->i] == '\r' || sc->s[sc->i] == '\n')) {
        sc->i++;
    }
}

static int hex(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* A string; when out is not NULL its decoded text (ASCII keys only matter here) is written there,
 * cut to size. False when the text is not a valid JSON string. */
static bool string(scanner *sc, char *out, size_t size)
{
    size_t o = 0;
    if (sc->i >= sc->n || sc->s[sc->i] != '"') {
        return false;
    }
    size_t start = ++sc->i;
    bool ascii = true; /* no byte above 0x7F so far: nothing to check as UTF-8 */
    while (sc->i < sc->n) {
        unsigned char c = (unsigned char)sc->s[sc->i];
        if (!out && c >= 0x20 && c != '"' && c != '\\') {
            ascii = ascii && c < 0x80; /* the common byte, skipped in a tight loop */
            sc->i++;
            continue;
        }
        if (c == '"') {
            if (!ascii && !jw_utf8_valid(sc->s + start, sc->i - start)) {
                return false;
            }
            sc->i++;
            if (out) {
                out[o < size ? o : size - 1] = '\0';
            }
            return true;
        }
        if (c < 0x20) {
            return false;
        }
        char d = (char)c;
        ascii = ascii && c < 0x80;
        if (c == '\\') {
            if (++sc->i >= sc->n) {
                return false;
            }
            char e = sc->s[sc->i];
            const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
            const char *k = strchr(from, e);
            if (e == 'u') {
                if (sc->i + 4 >= sc->n) {
                    return false;
                }
                int v = 0;
                for (int j = 1; j <= 4; j++) {
                    int h = hex(sc->s[sc->i + j]);
                    if (h < 0) {
                        return false;
                    }
                    v = v * 16 + h;
                }
                sc->i += 4;
                d = v < 0x80 ? (char)v : '\x7f'; /* a non-ASCII key is not one we look for */
            } else if (e && k) {
                d = to[k - from];
            } else {
                return false;
            }
        }
        if (out && o + 1 < size) {
            out[o] = d;
        }
        o++;
        sc->i++;
    }
    return false;
}

static bool digits(scanner *sc)
{
    size_t start = sc->i;
    while (sc->i < sc->n && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9') {
        sc->i++;
    }
    return sc->i > start;
}

static bool number(scanner *sc)
{
    if (sc->i < sc->n && sc->s[sc->i] == '-') {
        sc->i++;
    }
    if (sc->i < sc->n && sc->s[sc->i] == '0') {
        sc->i++;
    } else if (!digits(sc)) {
        return false;
    }
    if (sc->i < sc->n && sc->s[sc->i] == '.') {
        sc->i++;
        if (!digits(sc)) {
            return false;
        }
    }
    if (sc->i < sc->n && (sc->s[sc->i] == 'e' || sc->s[sc->i] == 'E')) {
        sc->i++;
        if (sc->i < sc->n && (sc->s[sc->i] == '+' || sc->s[sc->i] == '-')) {
            sc->i++;
        }
        if (!digits(sc)) {
            return false;
        }
    }
    return true;
}

static bool literal(scanner *sc, const char *word)
{
    size_t n = strlen(word);
    if (sc->n - sc->i < n || memcmp(sc->s + sc->i, word, n) != 0) {
        return false;
    }
    sc->i += n;
    return true;
}

static bool value(scanner *sc, int depth);

static bool container(scanner *sc, int depth, char close)
{
    if (depth >= MAX_DEPTH) {
        return false;
    }
    sc->i++;
    ws(sc);
    if (sc->i < sc->n && sc->s[sc->i] == close) {
        sc->i++;
        return true;
    }
    for (;;) {
        if (close == '}') {
            if (!string(sc, NULL, 0)) {
                return false;
            }
            ws(sc);
            if (sc->i >= sc->n || sc->s[sc->i++] != ':') {
                return false;
            }
            ws(sc);
        }
        if (!value(sc, depth + 1)) {
            return false;
        }
        ws(sc);
        if (sc->i < sc->n && sc->s[sc->i] == ',') {
            sc->i++;
            ws(sc);
            continue;
        }
        if (sc->i < sc->n && sc->s[sc->i] == close) {
            sc->i++;
            return true;
        }
        return false;
    }
}

static bool value(scanner *sc, int depth)
{
    if (sc->i >= sc->n) {
        return false;
    }
    switch (sc->s[sc->i]) {
    case '{': return container(sc, depth, '}');
    case '[': return container(sc, depth, ']');
    case '"': return string(sc, NULL, 0);
    case 't': return literal(sc, "true");
    case 'f': return literal(sc, "false");
    case 'n': return literal(sc, "null");
    default: return number(sc);
    }
}

bool cli_json_find_member(const char *text, size_t len, const char *key, size_t *start, size_t *end)
{
    scanner sc = {text, len, 0};
    ws(&sc);
    if (sc.i >= sc.n || sc.s[sc.i] != '{') {
        return false;
    }
    sc.i++;
    ws(&sc);
    while (sc.i < sc.n && sc.s[sc.i] != '}') {
        char name[16];
        if (!string(&sc, name, sizeof name)) {
            return false;
        }
        ws(&sc);
        if (sc.i >= sc.n || sc.s[sc.i++] != ':') {
            return false;
        }
        ws(&sc);
        size_t at = sc.i;
        if (!value(&sc, 1)) {
            return false;
        }
        if (strcmp(name, key) == 0) {
            *start = at;
            *end = sc.i;
            return true;
        }
        ws(&sc);
        if (sc.i < sc.n && sc.s[sc.i] == ',') {
            sc.i++;
            ws(&sc);
        }
    }
    return false;
}

/* The flat reading of a batch line (see cli.h). A string with an escape, a number with a fraction,
 * an exponent or more than 18 digits, and a key with an escape are left to the full parser. */
int cli_json_flat_object(const char *text, size_t len, cli_scan_member *out, int max)
{
    scanner sc = {text, len, 0};
    int count = 0;
    ws(&sc);
    if (sc.i >= sc.n || sc.s[sc.i] != '{') {
        return -1;
    }
    sc.i++;
    ws(&sc);
    if (sc.i < sc.n && sc.s[sc.i] == '}') {
        sc.i++;
    } else {
        for (;;) {
            if (count == max || sc.i >= sc.n || sc.s[sc.i] != '"') {
                return -1;
            }
            cli_scan_member *m = &out[count++];
            size_t key_at = sc.i + 1;
            if (!string(&sc, NULL, 0) || memchr(sc.s + key_at, '\\', sc.i - 1 - key_at)) {
                return -1;
            }
            m->key = sc.s + key_at;
            m->key_len = sc.i - 1 - key_at;
            ws(&sc);
            if (sc.i >= sc.n || sc.s[sc.i++] != ':') {
                return -1;
            }
            ws(&sc);
            size_t at = sc.i;
            if (!value(&sc, 1)) {
                return -1;
            }
            char c = sc.s[at];
            size_t n = sc.i - at;
            m->raw = m->value = sc.s + at;
            m->raw_len = m->value_len = n;
            if (c == '"') {
                bool escaped = memchr(sc.s + at + 1, '\\', n - 2) != NULL;
                m->kind = escaped ? CLI_SCAN_OTHER : CLI_SCAN_STRING;
                m->value = sc.s + at + 1; /* the text between the quotes */
                m->value_len = n - 2;
            } else if (c == 't' || c == 'f' || c == 'n') {
                m->kind = c == 't' ? CLI_SCAN_TRUE : c == 'f' ? CLI_SCAN_FALSE : CLI_SCAN_NULL;
            } else if (c == '{' || c == '[' || n > 18 || memchr(sc.s + at, '.', n) || memchr(sc.s + at, 'e', n) ||
                       memchr(sc.s + at, 'E', n)) {
                m->kind = CLI_SCAN_OTHER;
            } else {
                m->kind = CLI_SCAN_INTEGER;
            }
            ws(&sc);
            if (sc.i < sc.n && sc.s[sc.i] == ',') {
                sc.i++;
                ws(&sc);
                continue;
            }
            if (sc.i < sc.n && sc.s[sc.i] == '}') {
                sc.i++;
                break;
            }
            return -1;
        }
    }
    ws(&sc);
    return sc.i == sc.n ? count : -1;
}
