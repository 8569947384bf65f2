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

static Suite *date_suite(void)
{
    Suite *s = suite_create("date");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, real_dates_pass);
    tcase_add_test(tc, impossible_or_malformed_dates_fail);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(date_suite)
