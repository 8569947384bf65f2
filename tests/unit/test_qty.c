/* Quantities of a sanction unit: hundredths behind a type, parsed as people write them (a point or
 * a comma), never rounded; and written back with each language's decimal separator. */
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
        {"0,2", 20}, /* a decimal comma, as Russian and Kazakh documents write it */
        {"0.20", 20},
        {"12.5", 1250},
        {"12,50", 1250},
        {"150,5", 15050},
        {"0", 0},
        {"0.01", 1},
        {"200", 20000},
        {"007", 700},
        {"1000", 100000},
        /* INT64_MAX = 9223372036854775807 hundredths = 92233720368547758.07 */
        {"92233720368547758.07", INT64_MAX},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kzp_qty v = {-1};
        kzp_error err;
        ck_assert_msg(kzp_qty_parse(&v, cases[i].text, &err) == KZP_OK, "%s: %s", cases[i].text, err.message);
        ck_assert_int_eq(v.centi, cases[i].centi);
    }
}
END_TEST

START_TEST(parse_invalid_leaves_output)
{
    struct {
        const char *text;
        int code;
        const char *says; /* a fragment of the reason */
    } cases[] = {
        {"0.205", KZP_E_BAD_NUMBER, "more than two decimals"}, /* the library does not round */
        {"0,2055", KZP_E_BAD_NUMBER, "more than two decimals"},
        /* a thousand with a group separator, or one with three decimals: refused, with both readings */
        {"1.000", KZP_E_BAD_NUMBER, "two ways"},
        {"1,000", KZP_E_BAD_NUMBER, "two ways"},
        {"150,500", KZP_E_BAD_NUMBER, "two ways"},
        {"-1", KZP_E_BAD_NUMBER, "not an amount"},
        {"+1", KZP_E_BAD_NUMBER, "not an amount"},
        {"1e3", KZP_E_BAD_NUMBER, "not an amount"},
        {" 1", KZP_E_BAD_NUMBER, "not an amount"},
        {"1 ", KZP_E_BAD_NUMBER, "not an amount"},
        {"1.", KZP_E_BAD_NUMBER, "no digits after"},
        {"1,", KZP_E_BAD_NUMBER, "no digits after"},
        {".5", KZP_E_BAD_NUMBER, "not an amount"},
        {",5", KZP_E_BAD_NUMBER, "not an amount"},
        {"", KZP_E_BAD_NUMBER, "not an amount"},
        {"1,5,0", KZP_E_BAD_NUMBER, "not an amount"},
        {"1.5,0", KZP_E_BAD_NUMBER, "not an amount"},
        {"abc", KZP_E_BAD_NUMBER, "not an amount"},
        {"1 000", KZP_E_BAD_NUMBER, "not an amount"},
        {"0x10", KZP_E_BAD_NUMBER, "not an amount"},
        {"92233720368547758.08", KZP_E_OVERFLOW, "too large"}, /* one hundredth past INT64_MAX */
        {"99999999999999999999", KZP_E_OVERFLOW, "too large"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kzp_qty v = {4242};
        kzp_error err;
        ck_assert_msg(kzp_qty_parse(&v, cases[i].text, &err) == cases[i].code, "'%s'", cases[i].text);
        ck_assert_int_eq(err.code, cases[i].code);
        ck_assert_int_eq(v.centi, 4242);
        ck_assert_msg(strstr(err.message, cases[i].says) != NULL, "'%s': %s", cases[i].text, err.message);
    }
    kzp_qty v;
    ck_assert_int_eq(kzp_qty_parse(&v, NULL, NULL), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_qty_parse(NULL, "1", NULL), KZP_E_INVALID_ARG);
}
END_TEST

START_TEST(whole_and_hundredths)
{
    ck_assert_int_eq(kzp_whole(150).centi, 15000);  /* 150 MCI */
    ck_assert_int_eq(kzp_hundredths(20).centi, 20); /* 0.2 MCI */
    /* the largest whole number whose hundredths fit: floor(INT64_MAX / 100) = 92233720368547758 */
    ck_assert_int_eq(kzp_whole(92233720368547758LL).centi, 9223372036854775800LL);
    ck_assert_int_eq(kzp_whole(92233720368547759LL).centi, KZP_QTY_INVALID);
    ck_assert_int_eq(kzp_whole(INT64_MIN).centi, KZP_QTY_INVALID);
    /* an invalid quantity is refused, not wrapped, by every function that takes one */
    kzp_ctx *ctx = test_ctx();
    kzp_fine f = {.amount_tiyn = 7};
    kzp_error err;
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, "2026-02-10", kzp_whole(INT64_MAX), 0, &err), KZP_E_OVERFLOW);
    ck_assert_int_eq(f.amount_tiyn, 7);
    kzp_check c = {.fits = 7};
    ck_assert_int_eq(kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", KZP_KIND_ARREST, kzp_whole(INT64_MAX), 0, &err),
                     KZP_E_OVERFLOW);
    ck_assert_int_eq(c.fits, 7);
    kzp_conversion v = {.whole = 7};
    ck_assert_int_eq(kzp_convert(&v, ctx, KZP_KIND_FINE, kzp_whole(INT64_MAX), KZP_KIND_ARREST, &err), KZP_E_OVERFLOW);
    ck_assert_int_eq(v.whole, 7);
    char buf[8];
    ck_assert_int_eq(kzp_qty_format(buf, sizeof buf, kzp_whole(INT64_MAX), KZP_LANG_EN), KZP_E_OVERFLOW);
    kzp_ctx_free(ctx);
}
END_TEST

START_TEST(format_in_each_language)
{
    char buf[32];
    ck_assert_int_eq(kzp_qty_format(buf, sizeof buf, kzp_whole(150), KZP_LANG_EN), 3);
    ck_assert_str_eq(buf, "150");
    kzp_qty_format(buf, sizeof buf, kzp_hundredths(20), KZP_LANG_EN);
    ck_assert_str_eq(buf, "0.2");
    kzp_qty_format(buf, sizeof buf, kzp_hundredths(20), KZP_LANG_RU);
    ck_assert_str_eq(buf, "0,2");
    kzp_qty_format(buf, sizeof buf, kzp_hundredths(1250), KZP_LANG_KK);
    ck_assert_str_eq(buf, "12,5");
    kzp_qty_format(buf, sizeof buf, kzp_hundredths(1205), KZP_LANG_EN);
    ck_assert_str_eq(buf, "12.05");
    kzp_qty_format(buf, sizeof buf, kzp_hundredths(-5), KZP_LANG_EN);
    ck_assert_str_eq(buf, "-0.05");
    /* one hundredth above the invalid marker: the most negative quantity there is */
    kzp_qty_format(buf, sizeof buf, kzp_hundredths(INT64_MIN + 1), KZP_LANG_EN);
    ck_assert_str_eq(buf, "-92233720368547758.07");
    ck_assert_int_eq(kzp_qty_format(buf, sizeof buf, kzp_whole(1), 3), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_qty_format(NULL, 4, kzp_whole(1), KZP_LANG_EN), KZP_E_INVALID_ARG);
}
END_TEST

START_TEST(format_truncates_safely)
{
    /* snprintf semantics: the length needed is reported, output truncated and terminated. */
    char small[4] = "zzz";
    /* 1234567 hundredths = 12345.67: 8 characters */
    ck_assert_int_eq(kzp_qty_format(small, sizeof small, kzp_hundredths(1234567), KZP_LANG_EN), 8);
    ck_assert_str_eq(small, "123");
    ck_assert_int_eq(kzp_qty_format(NULL, 0, kzp_hundredths(1234567), KZP_LANG_EN), 8);
}
END_TEST

static Suite *qty_suite(void)
{
    Suite *s = suite_create("qty");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, parse_valid);
    tcase_add_test(tc, parse_invalid_leaves_output);
    tcase_add_test(tc, whole_and_hundredths);
    tcase_add_test(tc, format_in_each_language);
    tcase_add_test(tc, format_truncates_safely);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(qty_suite)
