/* Pricing fines: N MCI x the MCI in force on the offence day, exact in tiyn. */
#include "test_util.h"

#include <stdint.h>

static kzp_ctx *ctx;
static void setup(void)
{
    ctx = test_ctx();
}
static void teardown(void)
{
    kzp_ctx_free(ctx);
}

static int64_t fine(const char *date, int64_t centi)
{
    kzp_fine f;
    kzp_error err;
    int rc = kzp_fine_compute(&f, ctx, date, kzp_hundredths(centi), 0, &err);
    ck_assert_msg(rc == KZP_OK, "%s: %s", date, err.message);
    ck_assert_int_eq(f.mci_centi, centi);
    return f.amount_tiyn;
}

START_TEST(amounts)
{
    /* 200 MCI x 4,325 = 865,000.00 tenge = 86,500,000 tiyn */
    ck_assert_int_eq(fine("2026-02-10", 20000), 86500000);
    /* 200 MCI x 3,932 = 786,400.00 tenge */
    ck_assert_int_eq(fine("2025-10-01", 20000), 78640000);
    /* 150 MCI x 3,932 = 589,800 tenge */
    ck_assert_int_eq(fine("2025-11-03", 15000), 58980000);
    /* 0.2 MCI x 4,325 = 865 tenge */
    ck_assert_int_eq(fine("2026-01-05", 20), 86500);
    /* 0.01 MCI x 4,325 = 43.25 tenge */
    ck_assert_int_eq(fine("2026-01-05", 1), 4325);
    /* the offence day decides: 31 Dec 2025 -> 3,932; 1 Jan 2026 -> 4,325 */
    ck_assert_int_eq(fine("2025-12-31", 100), 393200);
    ck_assert_int_eq(fine("2026-01-01", 100), 432500);
    /* 2022: fines kept 3,063 after the April benefits change. 10 x 3,063 = 30,630 tenge */
    ck_assert_int_eq(fine("2022-06-01", 1000), 3063000);
    ck_assert_int_eq(fine("2026-02-10", 0), 0);
}
END_TEST

START_TEST(basis_names_the_rule_and_the_period)
{
    kzp_fine f;
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, "2026-02-10", kzp_hundredths(20000), 0, NULL), KZP_OK);
    ck_assert_uint_eq(f.basis_count, 2);
    ck_assert_str_eq(f.basis[0]->id, "cc-41-1");
    ck_assert_str_eq(f.basis[0]->reference, "Art. 41 part 1");
    ck_assert_str_eq(f.basis[1]->id, "mci-2026");
    ck_assert_str_eq(f.mci.from, "2026-01-01");
    ck_assert_int_eq(f.certainty, KZP_CERT_OFFICIAL); /* both official */
}
END_TEST

START_TEST(overflow_is_an_error_not_a_wrap)
{
    kzp_fine f = {.amount_tiyn = 99};
    kzp_error err;
    /* INT64_MAX hundredths x 4,325 overflows */
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, "2026-02-10", kzp_hundredths(INT64_MAX), 0, &err), KZP_E_OVERFLOW);
    ck_assert_int_eq(f.amount_tiyn, 99);
    /* the largest that fits: floor(9223372036854775807 / 4325) = 2132571569214977 hundredths,
     * x 4,325 = 9223372036854775525 tiyn; one hundredth more is 9223372036854779850 > INT64_MAX */
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, "2026-02-10", kzp_hundredths(2132571569214977LL), 0, &err), KZP_OK);
    ck_assert_int_eq(f.amount_tiyn, 9223372036854775525LL);
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, "2026-02-10", kzp_hundredths(2132571569214978LL), 0, &err),
                     KZP_E_OVERFLOW);
}
END_TEST

START_TEST(bad_input)
{
    kzp_fine f;
    kzp_error err;
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, "2026-02-10", kzp_hundredths(-1), 0, &err), KZP_E_BAD_NUMBER);
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, "10.02.2026", kzp_hundredths(100), 0, &err), KZP_E_BAD_DATE);
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, "2027-02-10", kzp_hundredths(100), 0, &err), KZP_E_MCI_STALE);
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, "2026-02-10", kzp_hundredths(100), 0x100, &err), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_fine_compute(&f, NULL, "2026-02-10", kzp_hundredths(100), 0, &err), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, NULL, kzp_hundredths(100), 0, &err), KZP_E_INVALID_ARG);
}
END_TEST

static Suite *fine_suite(void)
{
    Suite *s = suite_create("fine");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, amounts);
    tcase_add_test(tc, basis_names_the_rule_and_the_period);
    tcase_add_test(tc, overflow_is_an_error_not_a_wrap);
    tcase_add_test(tc, bad_input);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(fine_suite)
