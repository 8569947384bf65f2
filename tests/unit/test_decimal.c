/* Exact decimal amounts: hundredths, never rounded. */
#include "test_util.h"

#include <stdint.h>
#include <string.h>

START_TEST(parse_valid)
{
    struct {
        const char *text;
        int64_t centi;
    } cases[] = {
        {"150", 15000},
        {"0.2", 20},
        {"0.20", 20},
        {"12.5", 1250},
        {"12.50", 1250},
        {"0", 0},
        {"0.01", 1},
        {"200", 20000},
        {"007", 700},
        /* INT64_MAX = 9223372036854775807 hundredths = 92233720368547758.07 */
        {"92233720368547758.07", INT64_MAX},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t v = -1;
        kzp_error err;
        ck_assert_msg(kzp_decimal_parse(&v, cases[i].text, &err) == KZP_OK, "%s: %s", cases[i].text, err.message);
        ck_assert_int_eq(v, cases[i].centi);
    }
}
END_TEST

START_TEST(parse_invalid_leaves_output)
{
    struct {
        const char *text;
        int code;
    } cases[] = {
        {"0.205", KZP_E_BAD_NUMBER}, /* three decimals: the library does not round */
        {"-1", KZP_E_BAD_NUMBER},
        {"+1", KZP_E_BAD_NUMBER},
        {"1e3", KZP_E_BAD_NUMBER},
        {" 1", KZP_E_BAD_NUMBER},
        {"1 ", KZP_E_BAD_NUMBER},
        {"1.", KZP_E_BAD_NUMBER},
        {".5", KZP_E_BAD_NUMBER},
        {"", KZP_E_BAD_NUMBER},
        {"1,5", KZP_E_BAD_NUMBER},
        {"abc", KZP_E_BAD_NUMBER},
        {"1 000", KZP_E_BAD_NUMBER},
        {"0x10", KZP_E_BAD_NUMBER},
        {"92233720368547758.08", KZP_E_OVERFLOW}, /* one hundredth past INT64_MAX */
        {"99999999999999999999", KZP_E_OVERFLOW},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t v = 4242;
        kzp_error err;
        ck_assert_msg(kzp_decimal_parse(&v, cases[i].text, &err) == cases[i].code, "'%s'", cases[i].text);
        ck_assert_int_eq(err.code, cases[i].code);
        ck_assert_int_eq(v, 4242);
        ck_assert(strlen(err.message) > 0);
    }
    int64_t v;
    ck_assert_int_eq(kzp_decimal_parse(&v, NULL, NULL), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_decimal_parse(NULL, "1", NULL), KZP_E_INVALID_ARG);
}
END_TEST

START_TEST(format_plain)
{
    char buf[32];
    ck_assert_int_eq(kzp_decimal_format(buf, sizeof buf, 15000), 3);
    ck_assert_str_eq(buf, "150");
    kzp_decimal_format(buf, sizeof buf, 20);
    ck_assert_str_eq(buf, "0.2");
    kzp_decimal_format(buf, sizeof buf, 1205);
    ck_assert_str_eq(buf, "12.05");
    kzp_decimal_format(buf, sizeof buf, -5);
    ck_assert_str_eq(buf, "-0.05");
    kzp_decimal_format(buf, sizeof buf, INT64_MIN);
    ck_assert_str_eq(buf, "-92233720368547758.08");
}
END_TEST

START_TEST(format_truncates_safely)
{
    /* snprintf semantics: the length needed is reported, output truncated and terminated. */
    char small[4] = "zzz";
    /* 1234567 hundredths = 12345.67: 8 characters */
    ck_assert_int_eq(kzp_decimal_format(small, sizeof small, 1234567), 8);
    ck_assert_str_eq(small, "123");
    ck_assert_int_eq(kzp_decimal_format(NULL, 0, 1234567), 8);
}
END_TEST

static Suite *decimal_suite(void)
{
    Suite *s = suite_create("decimal");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, parse_valid);
    tcase_add_test(tc, parse_invalid_leaves_output);
    tcase_add_test(tc, format_plain);
    tcase_add_test(tc, format_truncates_safely);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(decimal_suite)
