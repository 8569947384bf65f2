/* Exact decimal amounts in hundredths: parsing and plain formatting. Never rounds. */
#include "kzp_internal.h"

#include <stdio.h>
#include <string.h>

int kzp_decimal_parse(int64_t *out_centi, const char *text, kzp_error *err)
{
    if (!out_centi || !text) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_decimal_parse");
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
    if (*p == '.') {
        p++;
        for (; *p >= '0' && *p <= '9'; p++, frac_digits++) {
            if (frac_digits == 2) {
                return kzp_fail(err, KZP_E_BAD_NUMBER, NULL,
                                "'%.40s' has more than two decimals; amounts are exact to hundredths "
                                "and the library does not round",
                                text);
            }
            frac = frac * 10 + (*p - '0');
        }
        if (frac_digits == 0) {
            return kzp_fail(err, KZP_E_BAD_NUMBER, NULL, "'%.40s' has no digits after the decimal point", text);
        }
    }
    if (int_digits == 0 || *p != '\0') {
        return kzp_fail(err, KZP_E_BAD_NUMBER, NULL,
                        "'%.40s' is not an amount; expected digits with up to two decimals, e.g. 150 or 0.2", text);
    }
    if (frac_digits == 1) {
        frac *= 10;
    }
    int64_t centi;
    if (!kzp_mul_i64(&centi, whole, 100) || !kzp_add_i64(&centi, centi, frac)) {
        return kzp_fail(err, KZP_E_OVERFLOW, NULL, "'%.40s' is too large an amount", text);
    }
    *out_centi = centi;
    kzp_error_clear(err);
    return KZP_OK;
}

int kzp_decimal_format(char *buf, size_t size, int64_t centi)
{
    /* Work in unsigned so INT64_MIN has a magnitude. */
    uint64_t mag = centi < 0 ? (uint64_t)0 - (uint64_t)centi : (uint64_t)centi;
    uint64_t whole = mag / 100, frac = mag % 100;
    char tmp[32];
    int n;
    if (frac == 0) {
        n = snprintf(tmp, sizeof tmp, "%s%llu", centi < 0 ? "-" : "", (unsigned long long)whole);
    } else if (frac % 10 == 0) {
        n = snprintf(tmp, sizeof tmp, "%s%llu.%llu", centi < 0 ? "-" : "", (unsigned long long)whole,
                     (unsigned long long)(frac / 10));
    } else {
        n = snprintf(tmp, sizeof tmp, "%s%llu.%02llu", centi < 0 ? "-" : "", (unsigned long long)whole,
                     (unsigned long long)frac);
    }
    if (buf && size > 0) {
        snprintf(buf, size, "%s", tmp);
    }
    return n;
}
