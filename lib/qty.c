/* Quantities of a sanction unit in hundredths: parsing what people write ("150", "0,2") and
 * writing them back in a language. Exact: never rounds. */
#include "kzp_internal.h"

#include <stdio.h>
#include <string.h>

/* The reason a text is not an amount, for the message. */
static kzp_status bad(kzp_error *err, const char *text, const char *why)
{
    return kzp_fail(err, KZP_E_BAD_NUMBER, NULL, "'%.40s' %s", text, why);
}

kzp_status kzp_qty_parse(kzp_qty *out, const char *text, kzp_error *err)
{
    if (!out || !text) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_qty_parse");
    }
    const char *p = text;
    int64_t whole = 0;
    int int_digits = 0;
    for (; *p >= '0' && *p <= '9'; p++, int_digits++) {
        if (!kzp_mul_i64(&whole, whole, 10) || !kzp_add_i64(&whole, whole, *p - '0')) {
            return kzp_fail(err, KZP_E_OVERFLOW, NULL, "'%.40s' is too large an amount", text);
        }
    }
    int64_t frac = 0;
    int frac_digits = 0;
    char sep = *p;
    if (int_digits > 0 && (sep == '.' || sep == ',')) {
        p++;
        for (; p[frac_digits] >= '0' && p[frac_digits] <= '9'; frac_digits++) {
            if (frac_digits < 2) {
                frac = frac * 10 + (p[frac_digits] - '0');
            }
        }
        p += frac_digits;
        if (frac_digits == 0) {
            return bad(err, text, "has no digits after the decimal separator");
        }
        if (frac_digits == 3 && int_digits <= 3 && text[0] != '0' && *p == '\0') {
            /* 1.000 and 1,000 are a thousand in some hands and one in others */
            return bad(err, text,
                       "could be read two ways: a thousand with a digit group separator, or a number with three "
                       "decimals; write it without grouping, with at most two decimals (1000, or 1)");
        }
        if (frac_digits > 2 && *p == '\0') {
            return bad(err, text,
                       "has more than two decimals; amounts are exact to hundredths and the library does not round");
        }
    }
    if (int_digits == 0 || *p != '\0') {
        return bad(err, text,
                   "is not an amount; expected digits with up to two decimals after a point or a comma, e.g. 150, "
                   "0.2 or 150,5 (no sign, spaces or digit grouping)");
    }
    if (frac_digits == 1) {
        frac *= 10;
    }
    int64_t centi;
    if (!kzp_mul_i64(&centi, whole, 100) || !kzp_add_i64(&centi, centi, frac)) {
        return kzp_fail(err, KZP_E_OVERFLOW, NULL, "'%.40s' is too large an amount", text);
    }
    out->centi = centi;
    kzp_error_clear(err);
    return KZP_OK;
}

void kzp_text_qty(kzp_text *t, int64_t centi, int lang)
{
    /* in unsigned, so that INT64_MIN has a magnitude; digits by hand: this is on every answer */
    uint64_t mag = centi < 0 ? (uint64_t)0 - (uint64_t)centi : (uint64_t)centi;
    uint64_t whole = mag / 100, frac = mag % 100;
    char q[48];
    char *o = q + 24; /* the whole part is written backwards before it, the fraction after it */
    char *end = o;
    do {
        *--o = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole);
    if (centi < 0) {
        *--o = '-';
    }
    if (frac != 0) {
        *end++ = lang == KZP_LANG_EN ? '.' : ','; /* Russian and Kazakh write a decimal comma: 12,5 */
        *end++ = (char)('0' + frac / 10);
        if (frac % 10 != 0) {
            *end++ = (char)('0' + frac % 10);
        }
    }
    *end = '\0';
    kzp_text_put(t, o);
}

int kzp_qty_format(char *buf, size_t size, kzp_qty amount, int lang)
{
    if ((!buf && size > 0) || lang < KZP_LANG_EN || lang > KZP_LANG_KK) {
        return KZP_E_INVALID_ARG;
    }
    if (amount.centi == KZP_QTY_INVALID) {
        return KZP_E_OVERFLOW;
    }
    kzp_text t;
    kzp_text_init(&t, buf, size);
    kzp_text_qty(&t, amount.centi, lang);
    return kzp_text_result(&t);
}
