/* Tenge amounts for people: grouped digits, tiyn only when not zero, in several styles. */
#include "kzp_internal.h"

#include <string.h>

typedef struct money_style_def {
    const char *group;   /* between groups of three digits */
    const char *decimal; /* before the two tiyn digits */
    const char *suffix;  /* after the number, with its leading space */
} money_style_def;

static const money_style_def STYLES[] = {
    [KZP_MONEY_SIGN] = {" ", ",", " \xE2\x82\xB8"},                           /* ₸ */
    [KZP_MONEY_RU] = {" ", ",", " \xD1\x82\xD0\xB5\xD0\xBD\xD0\xB3\xD0\xB5"}, /* тенге */
    [KZP_MONEY_KK] = {" ", ",", " \xD1\x82\xD0\xB5\xD2\xA3\xD0\xB3\xD0\xB5"}, /* теңге */
    [KZP_MONEY_EN] = {",", ".", " KZT"},
    [KZP_MONEY_PLAIN] = {"", ".", ""},
};

/* Digits of v, most significant first, into d; returns how many. */
static int digits_of(char d[24], uint64_t v)
{
    char rev[24];
    int n = 0;
    do {
        rev[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (int i = 0; i < n; i++) {
        d[i] = rev[n - 1 - i];
    }
    return n;
}

static void append(char *out, size_t *o, const char *s)
{
    size_t n = strlen(s);
    memcpy(out + *o, s, n); // NOLINT(bugprone-not-null-terminated-result): the caller terminates the whole text
    *o += n;
}

int kzp_tenge_format(char *buf, size_t size, int64_t tiyn, int style)
{
    if (style < 0 || style >= (int)(sizeof STYLES / sizeof STYLES[0]) || (!buf && size > 0)) {
        return KZP_E_INVALID_ARG;
    }
    const money_style_def *st = &STYLES[style];
    uint64_t mag = tiyn < 0 ? (uint64_t)0 - (uint64_t)tiyn : (uint64_t)tiyn;
    uint64_t tenge = mag / 100, rest = mag % 100;

    char digits[24];
    int nd = digits_of(digits, tenge);

    char out[96];
    size_t o = 0;
    if (tiyn < 0) {
        out[o++] = '-';
    }
    for (int i = 0; i < nd; i++) {
        if (i > 0 && (nd - i) % 3 == 0) {
            append(out, &o, st->group);
        }
        out[o++] = digits[i];
    }
    if (rest != 0) {
        append(out, &o, st->decimal);
        out[o++] = (char)('0' + rest / 10);
        out[o++] = (char)('0' + rest % 10);
    }
    append(out, &o, st->suffix);
    /* through kzp_text, so a short buffer is cut before the sign or a letter, never inside it */
    kzp_text t;
    kzp_text_init(&t, buf, size);
    kzp_text_putn(&t, out, o);
    return kzp_text_result(&t);
}
