/* Tenge for people: grouping, tiyn only when not zero, the five styles. */
#include "test_util.h"

#include <stdint.h>

static void expect(int64_t tiyn, int style, const char *want)
{
    char buf[64];
    int n = kzp_tenge_format(buf, sizeof buf, tiyn, style);
    ck_assert_str_eq(buf, want);
    ck_assert_int_eq(n, (int)strlen(want));
}

START_TEST(styles)
{
    /* 865,000 tenge = 86,500,000 tiyn */
    expect(86500000, KZP_MONEY_SIGN, "865 000 \xE2\x82\xB8");
    expect(86500000, KZP_MONEY_RU, "865 000 тенге");
    expect(86500000, KZP_MONEY_KK, "865 000 теңге");
    expect(86500000, KZP_MONEY_EN, "865,000 KZT");
    expect(86500000, KZP_MONEY_PLAIN, "865000");
    /* 865,000 tenge 50 tiyn */
    expect(86500050, KZP_MONEY_RU, "865 000,50 тенге");
    expect(86500050, KZP_MONEY_EN, "865,000.50 KZT");
    expect(86500050, KZP_MONEY_PLAIN, "865000.50");
    /* 0.2 MCI x 4,325 = 865 tenge: no group separator below a thousand */
    expect(86500, KZP_MONEY_SIGN, "865 \xE2\x82\xB8");
    expect(0, KZP_MONEY_EN, "0 KZT");
    expect(5, KZP_MONEY_EN, "0.05 KZT");
    expect(100000000000, KZP_MONEY_RU, "1 000 000 000 тенге"); /* a billion tenge */
    expect(-58980000, KZP_MONEY_EN, "-589,800 KZT");
    /* INT64_MAX tiyn = 92,233,720,368,547,758 tenge 07 tiyn */
    expect(INT64_MAX, KZP_MONEY_EN, "92,233,720,368,547,758.07 KZT");
    expect(INT64_MIN, KZP_MONEY_EN, "-92,233,720,368,547,758.08 KZT");
}
END_TEST

START_TEST(buffer_semantics)
{
    char small[5] = "zzzz";
    ck_assert_int_eq(kzp_tenge_format(small, sizeof small, 86500000, KZP_MONEY_EN), 11); /* "865,000 KZT" */
    ck_assert_str_eq(small, "865,");
    ck_assert_int_eq(kzp_tenge_format(NULL, 0, 86500000, KZP_MONEY_EN), 11);
    ck_assert_int_eq(kzp_tenge_format(NULL, 5, 1, KZP_MONEY_EN), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_tenge_format(small, sizeof small, 1, 99), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_tenge_format(small, sizeof small, 1, -1), KZP_E_INVALID_ARG);
    ck_assert_str_eq(small, "865,"); /* untouched by the failed calls */
}
END_TEST

static Suite *money_suite(void)
{
    Suite *s = suite_create("money");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, styles);
    tcase_add_test(tc, buffer_semantics);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(money_suite)
