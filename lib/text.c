/* A text built piece by piece into a caller's buffer with snprintf semantics: every piece is
 * counted, what fits is written, the buffer is always terminated, and a cut never falls inside
 * a UTF-8 character. Shared by the words and the sentence builders, so no fixed buffer cuts a
 * text taken from the dataset. */
#include "kzp_internal.h"

#include <stdio.h>
#include <string.h>

void kzp_text_init(kzp_text *t, char *buf, size_t size)
{
    t->buf = buf;
    t->size = size;
    t->len = 0;
    t->last = '\0';
    if (size > 0) {
        buf[0] = '\0';
    }
}

/* Terminate at the end of what was written; when the text was cut, step back over a UTF-8
 * character whose bytes did not all fit. */
static void terminate(kzp_text *t)
{
    if (t->size == 0) {
        return;
    }
    size_t end = t->len;
    if (end > t->size - 1) {
        end = t->size - 1;
        size_t k = end;
        while (k > 0 && ((unsigned char)t->buf[k - 1] & 0xC0) == 0x80) {
            k--; /* continuation bytes */
        }
        if (k > 0) {
            unsigned char lead = (unsigned char)t->buf[k - 1];
            size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            if (k - 1 + need > end) {
                end = k - 1; /* the character starting at k - 1 is incomplete */
            }
        }
    }
    t->buf[end] = '\0';
}

void kzp_text_putn(kzp_text *t, const char *s, size_t n)
{
    if (t->size > 0 && t->len < t->size - 1) {
        size_t room = t->size - 1 - t->len;
        memcpy(t->buf + t->len, s, n < room ? n : room);
    }
    t->len += n;
    if (n > 0) {
        t->last = s[n - 1];
    }
    terminate(t);
}

void kzp_text_put(kzp_text *t, const char *s)
{
    kzp_text_putn(t, s, strlen(s));
}

void kzp_text_word(kzp_text *t, const char *w)
{
    if (t->len > 0 && t->last != ' ' && t->last != '(') {
        kzp_text_put(t, " ");
    }
    kzp_text_put(t, w);
}

int kzp_text_result(const kzp_text *t)
{
    return t->len > (size_t)INT32_MAX ? KZP_E_OVERFLOW : (int)t->len;
}
