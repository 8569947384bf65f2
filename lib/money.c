/* Tenge amounts for people: grouped digits, tiyn only when not zero, in several styles. */
#include "kzp_internal.h"

#include <stdio.h>
#include <string.h>

typedef struct money_style_def {
    const char *group;    /* between groups of three digits */
    const char *decimal;  /* before the two tiyn digits */
    const char *suffix;   /* after the number, with its leading space */
} money_style_def;

static const money_style_def STYLES[] = {
    [KZP_MONEY_SIGN] = {" ", ",", " \xE2\x82\xB8"},          /* ₸ */
    [KZP_MONEY_RU] = {" ", ",", " \xD1\x82\xD0\xB5\xD0\xBD\xD0\xB3\xD0\xB5"}, /* тенге */
    [KZP_MONEY_KK] = {" ", ",", " \xD1\x82\xD0\xB5\xD2\xA3\xD0\xB3\xD0\xB5"}, /* теңге */
    [KZP_MONEY_EN] = {",", ".", " KZT"},
    [KZP_MONEY_PLAIN] = {"", ".", ""},
};

int kzp_format_tenge(char *buf, size_t size, int64_t tiyn, int style)
{
    if (style < 0 || style >= (int)(sizeof STYLES / sizeof STYLES[0]) || (!buf && size > 0)) {
        return KZP_E_INVALID_ARG;
    }
    const money_style_def *st = &STYLES[style];
    uint64_t mag = tiyn < 0 ? (uint64_t)0 - (uint64_t)tiyn : (uint64_t)tiyn;
    uint64_t tenge = mag / 100, rest = mag % 100;

    char digits[24];
    int nd = snprintf(digits, sizeof digits, "%llu", (unsigned long long)tenge);

    char out[96];
    size_t o = 0;
    if (tiyn < 0) {
        out[o++] = '-';
    }
    size_t glen = strlen(st->group);
    for (int i = 0; i < nd; i++) {
        if (i > 0 && (nd - i) % 3 == 0) {
            memcpy(out + o, st->group, glen);
            o += glen;
        }
        out[o++] = digits[i];
    }
    if (rest != 0) {
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%02llu", st->decimal, (unsigned long long)rest);
    }
    o += (size_t)snprintf(out + o, sizeof out - o, "%s", st->suffix);
    if (size > 0) {
        snprintf(buf, size, "%s", out);
    }
    return (int)o;
}
