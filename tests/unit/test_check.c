/* Checking proposed sentences against the range of Article 115-1. */
#include "test_util.h"

static kzp_ctx *ctx;
static void setup(void)
{
    ctx = test_ctx();
}
static void teardown(void)
{
    kzp_ctx_free(ctx);
}

static kzp_check check(int kind, int64_t centi, unsigned flags)
{
    kzp_check c;
    kzp_error err;
    int rc = kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", kind, kzp_hundredths(centi), flags, &err);
    ck_assert_msg(rc == KZP_OK, "%s", err.message);
    return c;
}

START_TEST(fits_and_breaks)
{
    kzp_check c = check(KZP_KIND_FINE, 20000, 0); /* 200 MCI: exactly the maximum */
    ck_assert_int_eq(c.fits, 1);
    ck_assert_int_eq(c.violation, KZP_VIOLATION_NONE);
    ck_assert_int_eq(c.excess_centi, 0);
    ck_assert_int_eq(c.limit_centi, 20000);

    c = check(KZP_KIND_FINE, 20001, 0); /* 200.01 MCI: 0.01 over */
    ck_assert_int_eq(c.fits, 0);
    ck_assert_int_eq(c.violation, KZP_VIOLATION_ABOVE_MAX);
    ck_assert_int_eq(c.limit_centi, 20000);
    ck_assert_int_eq(c.excess_centi, 1);

    c = check(KZP_KIND_FINE, 15000, KZP_Q_MITIGATED); /* 150 MCI against the half cap of 100: 50 over */
    ck_assert_int_eq(c.violation, KZP_VIOLATION_ABOVE_MAX);
    ck_assert_int_eq(c.limit_centi, 10000);
    ck_assert_int_eq(c.excess_centi, 5000);

    c = check(KZP_KIND_ARREST, 2500, KZP_Q_MITIGATED); /* 25 days: half of 50, fits */
    ck_assert_int_eq(c.fits, 1);
    c = check(KZP_KIND_ARREST, 2600, KZP_Q_MITIGATED); /* 26 days: one over */
    ck_assert_int_eq(c.violation, KZP_VIOLATION_ABOVE_MAX);
    ck_assert_int_eq(c.excess_centi, 100);

    c = check(KZP_KIND_COMMUNITY_SERVICE, 8000, 0); /* 80 hours, as reported in practice */
    ck_assert_int_eq(c.fits, 1);
    ck_assert_int_eq(c.unit, KZP_UNIT_HOURS);
    ck_assert_int_eq(c.range.sanction_count, 4);

    c = check(KZP_KIND_CORRECTIONAL_WORK, 15000, 0); /* 150 MCI of correctional work: within 20..200 */
    ck_assert_int_eq(c.fits, 1);
    ck_assert_int_eq(c.limit_source, KZP_BOUND_ARTICLE);
    ck_assert_str_eq(c.limit_citation->id, "cc-115-1-correctional-work");

    c = check(KZP_KIND_FINE, 1500, 0); /* 15 MCI: 5 below the General Part minimum of 20 (Art. 41 part 2) */
    ck_assert_int_eq(c.violation, KZP_VIOLATION_BELOW_MIN);
    ck_assert_int_eq(c.limit_centi, 2000);
    ck_assert_int_eq(c.excess_centi, 500);
    ck_assert_int_eq(c.limit_source, KZP_BOUND_GENERAL_PART);
    ck_assert_str_eq(c.limit_citation->id, "cc-41-2");
    c = check(KZP_KIND_FINE, 1500, KZP_Q_MITIGATED); /* lifted under Art. 55 part 2: fits, up to 100 */
    ck_assert_int_eq(c.fits, 1);
    ck_assert_int_eq(c.limit_centi, 10000);
    ck_assert_int_eq(c.limit_source, KZP_BOUND_HALF_CAP);

    c = check(KZP_KIND_COMMUNITY_SERVICE, 1000, KZP_Q_MITIGATED); /* 10 h: below 20 h, which no rule lifts */
    ck_assert_int_eq(c.violation, KZP_VIOLATION_BELOW_MIN);
    ck_assert_str_eq(c.limit_citation->id, "cc-43-2");

    c = check(KZP_KIND_FINE, 2500, KZP_Q_ORDER_PROCEDURE); /* order procedure: 10..20 MCI, 25 is 5 over */
    ck_assert_int_eq(c.violation, KZP_VIOLATION_ABOVE_MAX);
    ck_assert_int_eq(c.limit_centi, 2000);
    ck_assert_int_eq(c.excess_centi, 500);
    ck_assert_int_eq(c.limit_source, KZP_BOUND_ORDER_PROCEDURE);
    c = check(KZP_KIND_FINE, 1500, KZP_Q_ORDER_PROCEDURE); /* 15 MCI: within 10..20 */
    ck_assert_int_eq(c.fits, 1);

    c = check(KZP_KIND_COMMUNITY_SERVICE, 0, 0);
    ck_assert_int_eq(c.fits, 0);
    ck_assert_int_eq(c.violation, KZP_VIOLATION_NOT_POSITIVE);
    ck_assert_int_eq(c.limit_source, KZP_BOUND_NONE);
    ck_assert_ptr_null(c.limit_citation);
}
END_TEST

START_TEST(errors)
{
    kzp_check c;
    c.fits = 42;
    kzp_error err;
    /* hours and days are whole */
    ck_assert_int_eq(
        kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", KZP_KIND_COMMUNITY_SERVICE, kzp_hundredths(10050), 0, &err),
        KZP_E_BAD_NUMBER);
    ck_assert_int_eq(kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", KZP_KIND_FINE, kzp_hundredths(-100), 0, &err),
                     KZP_E_BAD_NUMBER);
    /* the order procedure imposes only a fine: arrest is not an alternative there */
    ck_assert_int_eq(kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", KZP_KIND_ARREST, kzp_hundredths(2000),
                                        KZP_Q_ORDER_PROCEDURE, &err),
                     KZP_E_NO_SANCTION);
    ck_assert_ptr_nonnull(strstr(err.message, "order procedure"));
    ck_assert_int_eq(kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", 17, kzp_hundredths(100), 0, &err),
                     KZP_E_UNKNOWN_KIND);
    ck_assert_int_eq(kzp_check_sentence(&c, ctx, "115-1", "2025-09-15", KZP_KIND_FINE, kzp_hundredths(100), 0, &err),
                     KZP_E_NOT_IN_FORCE);
    ck_assert_int_eq(c.fits, 42);
}
END_TEST

static Suite *check_suite(void)
{
    Suite *s = suite_create("check");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, fits_and_breaks);
    tcase_add_test(tc, errors);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(check_suite)
