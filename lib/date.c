/* Calendar dates: ISO 8601 text <-> day numbers (days since 1970-01-01, proleptic Gregorian),
 * and dates as people write them (DD.MM.YYYY) read into ISO. */
#include "kzp_internal.h"

#include <stdio.h>
#include <string.h>

static bool is_leap(int32_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int32_t y, int m)
{
    static const int DAYS[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : DAYS[m - 1];
}

/* Howard Hinnant's days_from_civil algorithm, for years 1..9999. */
static int32_t days_from_civil(int32_t y, int32_t m, int32_t d)
{
    y -= m <= 2;
    const int32_t era = y / 400; /* y >= 0 here */
    const int32_t yoe = y - era * 400;
    const int32_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int32_t z, int32_t *y, int32_t *m, int32_t *d)
{
    z += 719468;
    const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int32_t doe = z - era * 146097;
    const int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int32_t mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool kzp_date_parse_days(int32_t *out_days, const char *text)
{
    if (!text) {
        return false;
    }
    for (int i = 0; i < KZP_ISO_LEN; i++) {
        if (text[i] == '\0') {
            return false;
        }
    }
    if (text[KZP_ISO_LEN] != '\0' || text[4] != '-' || text[7] != '-') {
        return false;
    }
    int y = digits(text, 4), m = digits(text + 5, 2), d = digits(text + 8, 2);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
        return false;
    }
    *out_days = days_from_civil(y, m, d);
    return true;
}

void kzp_date_format_days(char buf[11], int32_t days)
{
    int32_t y, m, d;
    civil_from_days(days, &y, &m, &d);
    buf[0] = (char)('0' + y / 1000 % 10);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + d / 10);
    buf[9] = (char)('0' + d % 10);
    buf[10] = '\0';
}

kzp_status kzp_date_check(const char *text, kzp_error *err)
{
    int32_t days;
    if (!text) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "date is NULL");
    }
    if (!kzp_date_parse_days(&days, text)) {
        return kzp_fail(err, KZP_E_BAD_DATE, NULL,
                        "'%.40s' is not a real calendar date; expected YYYY-MM-DD, e.g. 2026-02-10", text);
    }
    kzp_error_clear(err);
    return KZP_OK;
}

/* A run of 1 to max digits at *p; its value, or -1. Advances *p past them. */
static int digit_run(const char **p, int max, int *count)
{
    int v = 0, n = 0;
    while (**p >= '0' && **p <= '9' && n <= max) {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *count = n;
    return n >= 1 && n <= max ? v : -1;
}

kzp_status kzp_date_parse(char out[11], const char *text, kzp_error *err)
{
    if (!out || !text) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_date_parse");
    }
    int32_t days;
    if (kzp_date_parse_days(&days, text)) {
        memcpy(out, text, KZP_ISO_LEN);
        out[KZP_ISO_LEN] = '\0';
        kzp_error_clear(err);
        return KZP_OK;
    }
    if (strlen(text) == KZP_ISO_LEN && text[4] == '-' && text[7] == '-') {
        return kzp_date_check(text, err); /* ISO in form: say it is not a real date */
    }
    if (strchr(text, '/')) {
        /* 10/02/2026 is 10 February in Almaty and October 2 in an American spreadsheet */
        return kzp_fail(err, KZP_E_BAD_DATE, NULL,
                        "'%.40s' could be read two ways (day/month or month/day); write 2026-02-10 or 10.02.2026",
                        text);
    }
    const char *p = text;
    int nd, nm, ny;
    int d = digit_run(&p, 2, &nd);
    int m = (d >= 0 && *p == '.') ? (p++, digit_run(&p, 2, &nm)) : -1;
    int y = (m >= 0 && *p == '.') ? (p++, digit_run(&p, 4, &ny)) : -1;
    if (y >= 0 && *p == '\0' && ny == 2) {
        return kzp_fail(err, KZP_E_BAD_DATE, NULL,
                        "'%.40s' has a two-digit year, which could be of any century; write the year in full, e.g. "
                        "10.02.2026",
                        text);
    }
    if (y >= 0 && *p == '\0' && ny == 4) {
        char iso[32];
        /* y has 4 digits, m and d at most 2 (digit_run): the bounds only tell the compiler so */
        snprintf(iso, sizeof iso, "%04u-%02u-%02u", (unsigned)y % 10000U, (unsigned)m % 100U, (unsigned)d % 100U);
        if (kzp_date_parse_days(&days, iso)) {
            memcpy(out, iso, KZP_ISO_LEN + 1);
            kzp_error_clear(err);
            return KZP_OK;
        }
        return kzp_fail(err, KZP_E_BAD_DATE, NULL, "'%.40s' is not a real calendar date (day.month.year)", text);
    }
    return kzp_fail(err, KZP_E_BAD_DATE, NULL,
                    "'%.40s' is not a date; expected YYYY-MM-DD (2026-02-10) or DD.MM.YYYY (10.02.2026)", text);
}
