/* Dates: only real calendar dates in YYYY-MM-DD form are accepted. */
#include "test_util.h"

START_TEST(real_dates_pass)
{
    const char *good[] = {"2026-02-10",
                          "2025-09-16",
                          "2024-02-29" /* 2024 divisible by 4 */,
                          "2000-02-29" /* divisible by 400 */,
                          "0001-01-01",
                          "9999-12-31",
                          "2026-12-31"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        kzp_error err;
        ck_assert_msg(kzp_date_check(good[i], &err) == KZP_OK, "%s rejected: %s", good[i], err.message);
        ck_assert_int_eq(err.code, KZP_OK);
    }
}
END_TEST

START_TEST(impossible_or_malformed_dates_fail)
{
    const char *bad[] = {"2026-02-30",
                         "2025-02-29" /* 2025 not a leap year */,
                         "1900-02-29" /* century, not /400 */,
                         "2026-04-31",
                         "2026-13-01",
                         "2026-00-10",
                         "2026-01-00",
                         "0000-01-01",
                         "2026-2-10",
                         "2026-02-1",
                         "2026/02/10",
                         "2026-02-10x",
                         "2026-02-10 ",
                         " 2026-02-10",
                         "20260210",
                         "",
                         "2026-02-1a",
                         "+026-02-10",
                         "10.02.2026"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        kzp_error err;
        ck_assert_msg(kzp_date_check(bad[i], &err) == KZP_E_BAD_DATE, "'%s' accepted", bad[i]);
        ck_assert_int_eq(err.code, KZP_E_BAD_DATE);
        ck_assert_ptr_nonnull(strstr(err.message, "YYYY-MM-DD"));
    }
    ck_assert_int_eq(kzp_date_check(NULL, NULL), KZP_E_INVALID_ARG);
}
END_TEST

START_TEST(dates_as_people_write_them)
{
    struct {
        const char *text, *iso;
    } good[] = {
        {"2026-02-10", "2026-02-10"}, {"10.02.2026", "2026-02-10"}, {"1.2.2026", "2026-02-01"},
        {"29.02.2024", "2024-02-29"}, {"31.12.9999", "9999-12-31"}, {"01.01.0001", "0001-01-01"},
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        char iso[11];
        kzp_error err;
        ck_assert_msg(kzp_date_parse(iso, good[i].text, &err) == KZP_OK, "%s: %s", good[i].text, err.message);
        ck_assert_str_eq(iso, good[i].iso);
    }
    struct {
        const char *text, *says;
    } bad[] = {
        {"10/02/2026", "two ways"}, /* 10 February, or October 2 */
        {"02/10/2026", "two ways"},
        {"10.02.26", "two-digit year"},             /* of which century? */
        {"29.02.2025", "not a real calendar date"}, /* 2025 is not a leap year */
        {"31.04.2026", "not a real calendar date"},
        {"00.01.2026", "not a real calendar date"},
        {"10.02.0000", "not a real calendar date"},
        {"10.02.20260", "not a date"},
        {"100.02.2026", "not a date"},
        {"10.02.2026 ", "not a date"},
        {"10-02-2026", "not a date"},
        {"2026.02.10", "not a date"},
        {"", "not a date"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char iso[11] = "unchanged";
        kzp_error err;
        ck_assert_msg(kzp_date_parse(iso, bad[i].text, &err) == KZP_E_BAD_DATE, "'%s' accepted", bad[i].text);
        ck_assert_msg(strstr(err.message, bad[i].says) != NULL, "'%s': %s", bad[i].text, err.message);
        ck_assert_str_eq(iso, "unchanged");
    }
}
END_TEST

static Suite *date_suite(void)
{
    Suite *s = suite_create("date");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, real_dates_pass);
    tcase_add_test(tc, impossible_or_malformed_dates_fail);
    tcase_add_test(tc, dates_as_people_write_them);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(date_suite)
