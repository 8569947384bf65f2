/* Conversions under a rule. Art. 61 (adding up punishments): 1 day of arrest = 4 MCI of fine = 4 MCI
 * of correctional work = 4 hours of community service. Art. 41 part 6 (an unpaid fine): 1 hour per
 * MCI, 1 day of arrest per 4 MCI. Art. 43 part 2-1 (evaded community service): 1 day per 4 hours. */
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

static kzp_conversion conv(int from, int64_t centi, int to)
{
    kzp_conversion c;
    kzp_error err;
    int rc = kzp_convert(&c, ctx, from, kzp_hundredths(centi), to, &err);
    ck_assert_msg(rc == KZP_OK, "%s", err.message);
    return c;
}

START_TEST(equivalences)
{
    /* 200 MCI = 200 hours (1 hour = 1 MCI) */
    kzp_conversion c = conv(KZP_KIND_FINE, 20000, KZP_KIND_COMMUNITY_SERVICE);
    ck_assert_int_eq(c.whole, 200);
    ck_assert_int_eq(c.remainder_centi, 0);
    ck_assert_int_eq(c.exact, 1);
    ck_assert_int_eq(c.to_unit, KZP_UNIT_HOURS);
    ck_assert_str_eq(c.citation->reference, "Art. 61");
    /* 200 hours = 50 days (200 / 4) */
    c = conv(KZP_KIND_COMMUNITY_SERVICE, 20000, KZP_KIND_ARREST);
    ck_assert_int_eq(c.whole, 50);
    ck_assert_int_eq(c.exact, 1);
    /* 50 days = 200 MCI (50 x 4) */
    c = conv(KZP_KIND_ARREST, 5000, KZP_KIND_FINE);
    ck_assert_int_eq(c.whole, 200);
    ck_assert_int_eq(c.exact, 1);
    /* 150 MCI = 37 days (37 x 4 = 148) and 2 MCI left over */
    c = conv(KZP_KIND_FINE, 15000, KZP_KIND_ARREST);
    ck_assert_int_eq(c.whole, 37);
    ck_assert_int_eq(c.remainder_centi, 200);
    ck_assert_int_eq(c.exact, 0);
    ck_assert_int_eq(c.from_unit, KZP_UNIT_MCI);
    /* 0.5 MCI is less than one hour: 0 hours, 0.5 MCI left */
    c = conv(KZP_KIND_FINE, 50, KZP_KIND_COMMUNITY_SERVICE);
    ck_assert_int_eq(c.whole, 0);
    ck_assert_int_eq(c.remainder_centi, 50);
    /* 7 hours = 1 day (4 h) and 3 hours left */
    c = conv(KZP_KIND_COMMUNITY_SERVICE, 700, KZP_KIND_ARREST);
    ck_assert_int_eq(c.whole, 1);
    ck_assert_int_eq(c.remainder_centi, 300);
    /* correctional work: 1 MCI = 1 MCI of fine */
    c = conv(KZP_KIND_CORRECTIONAL_WORK, 1234, KZP_KIND_FINE);
    ck_assert_int_eq(c.whole, 12);
    ck_assert_int_eq(c.remainder_centi, 34);
    /* same kind: whole units, the fraction left over */
    c = conv(KZP_KIND_ARREST, 2500, KZP_KIND_ARREST);
    ck_assert_int_eq(c.whole, 25);
    ck_assert_int_eq(c.exact, 1);
    ck_assert_int_eq(c.certainty, KZP_CERT_OFFICIAL);
    ck_assert_int_eq(c.rule, KZP_RULE_AGGREGATION);
    ck_assert_ptr_nonnull(strstr(c.scope[KZP_LANG_EN], "several"));
    ck_assert_ptr_nonnull(strstr(c.scope[KZP_LANG_RU], "совокупности"));
}
END_TEST

START_TEST(rules_and_their_pairs)
{
    kzp_conversion c;
    kzp_error err;
    /* unpaid fine, Art. 41 part 6: 150 MCI = 150 hours; = 37 days (148 MCI) and 2 MCI */
    ck_assert_int_eq(kzp_convert_under(&c, ctx, KZP_RULE_UNPAID_FINE, KZP_KIND_FINE, kzp_hundredths(15000),
                                       KZP_KIND_COMMUNITY_SERVICE, &err),
                     KZP_OK);
    ck_assert_int_eq(c.whole, 150);
    ck_assert_int_eq(c.rule, KZP_RULE_UNPAID_FINE);
    ck_assert_str_eq(c.citation->id, "cc-41-6");
    ck_assert_int_eq(c.certainty, KZP_CERT_STATEMENT);
    ck_assert_ptr_nonnull(strstr(c.scope[KZP_LANG_EN], "unpaid"));
    ck_assert_int_eq(
        kzp_convert_under(&c, ctx, KZP_RULE_UNPAID_FINE, KZP_KIND_FINE, kzp_hundredths(15000), KZP_KIND_ARREST, &err),
        KZP_OK);
    ck_assert_int_eq(c.whole, 37);
    ck_assert_int_eq(c.remainder_centi, 200);
    /* evaded service, Art. 43 part 2-1: 10 hours = 2 days and 2 hours */
    ck_assert_int_eq(kzp_convert_under(&c, ctx, KZP_RULE_EVADED_SERVICE, KZP_KIND_COMMUNITY_SERVICE,
                                       kzp_hundredths(1000), KZP_KIND_ARREST, &err),
                     KZP_OK);
    ck_assert_int_eq(c.whole, 2);
    ck_assert_int_eq(c.remainder_centi, 200);
    ck_assert_str_eq(c.citation->id, "cc-43-2-1");
    /* a pair a rule does not allow names the rules that do */
    c.whole = 77;
    ck_assert_int_eq(
        kzp_convert_under(&c, ctx, KZP_RULE_UNPAID_FINE, KZP_KIND_ARREST, kzp_hundredths(500), KZP_KIND_FINE, &err),
        KZP_E_NO_RULE);
    ck_assert_ptr_nonnull(strstr(err.message, "aggregation"));
    ck_assert_int_eq(
        kzp_convert_under(&c, ctx, KZP_RULE_EVADED_SERVICE, KZP_KIND_FINE, kzp_hundredths(800), KZP_KIND_ARREST, &err),
        KZP_E_NO_RULE);
    ck_assert_ptr_nonnull(strstr(err.message, "rules that do: aggregation, unpaid-fine"));
    /* a replacement rule has no identity pair */
    ck_assert_int_eq(
        kzp_convert_under(&c, ctx, KZP_RULE_UNPAID_FINE, KZP_KIND_FINE, kzp_hundredths(800), KZP_KIND_FINE, &err),
        KZP_E_NO_RULE);
    ck_assert_int_eq(kzp_convert_under(&c, ctx, 3, KZP_KIND_FINE, kzp_hundredths(800), KZP_KIND_ARREST, &err),
                     KZP_E_INVALID_ARG);
    ck_assert_int_eq(c.whole, 77);
    /* the words */
    int rule = -1;
    ck_assert_int_eq(kzp_conversion_rule_parse(&rule, "evaded-service"), KZP_OK);
    ck_assert_int_eq(rule, KZP_RULE_EVADED_SERVICE);
    ck_assert_int_eq(kzp_conversion_rule_parse(&rule, "evaded_service"), KZP_E_UNKNOWN_KIND);
    ck_assert_str_eq(kzp_conversion_rule_name(KZP_RULE_UNPAID_FINE), "unpaid-fine");
    ck_assert_ptr_null(kzp_conversion_rule_name(KZP_RULE_COUNT));
}
END_TEST

START_TEST(errors)
{
    kzp_conversion c = {.whole = 5};
    kzp_error err;
    /* to arrest the amount is multiplied by 100 (hundredths per day): INT64_MAX / 100 fits, INT64_MAX does not */
    ck_assert_int_eq(kzp_convert(&c, ctx, KZP_KIND_FINE, kzp_hundredths(INT64_MAX / 100), KZP_KIND_ARREST, &err),
                     KZP_OK);
    ck_assert_int_eq(c.whole, INT64_MAX / 100 / 400); /* hundredths of MCI / 400 per day */
    c.whole = 5;
    ck_assert_int_eq(kzp_convert(&c, ctx, KZP_KIND_FINE, kzp_hundredths(INT64_MAX), KZP_KIND_ARREST, &err),
                     KZP_E_OVERFLOW);
    /* INT64_MAX hundredths of a day x 400 overflows */
    ck_assert_int_eq(kzp_convert(&c, ctx, KZP_KIND_ARREST, kzp_hundredths(INT64_MAX), KZP_KIND_FINE, &err),
                     KZP_E_OVERFLOW);
    ck_assert_int_eq(kzp_convert(&c, ctx, KZP_KIND_ARREST, kzp_hundredths(-1), KZP_KIND_FINE, &err), KZP_E_BAD_NUMBER);
    ck_assert_int_eq(kzp_convert(&c, ctx, 9, kzp_hundredths(100), KZP_KIND_FINE, &err), KZP_E_UNKNOWN_KIND);
    ck_assert_int_eq(kzp_convert(&c, ctx, KZP_KIND_FINE, kzp_hundredths(100), -2, &err), KZP_E_UNKNOWN_KIND);
    ck_assert_int_eq(kzp_convert(NULL, ctx, KZP_KIND_FINE, kzp_hundredths(100), KZP_KIND_ARREST, &err),
                     KZP_E_INVALID_ARG);
    ck_assert_int_eq(c.whole, 5);
}
END_TEST

static Suite *convert_suite(void)
{
    Suite *s = suite_create("convert");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, equivalences);
    tcase_add_test(tc, rules_and_their_pairs);
    tcase_add_test(tc, errors);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(convert_suite)
