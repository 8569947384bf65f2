/* An article with lower bounds. The shipped Article 115-1 has none, but the dataset format and
 * the library support them (another article, or a later edition, may set one): this suite uses
 * a test-only copy of the dataset in which the fine is "from 20 to 200 MCI" and arrest "from 5
 * to 50 days". These minimums are invented for the test and are not law. */
#include "test_util.h"

static kzp_ctx *ctx;

static void setup(void)
{
    size_t len;
    char *base = test_read_file(KZP_SOURCE_DIR "/data/kzpenalty.json", &len);
    char *a = test_replace_once(base, "\"kind\": \"fine\", \"unit\": \"mci\", \"min\": null, \"max\": 200",
                                "\"kind\": \"fine\", \"unit\": \"mci\", \"min\": 20, \"max\": 200", NULL);
    char *b = test_replace_once(a, "\"kind\": \"arrest\", \"unit\": \"days\", \"min\": null, \"max\": 50",
                                "\"kind\": \"arrest\", \"unit\": \"days\", \"min\": 5, \"max\": 50", NULL);
    kzp_error err;
    ck_assert_msg(kzp_ctx_new_from_buffer(&ctx, b, strlen(b), &err) == KZP_OK, "%s", err.message);
    free(base);
    free(a);
    free(b);
}

static void teardown(void)
{
    kzp_ctx_free(ctx);
}

START_TEST(range_carries_the_minimum_in_tiyn)
{
    kzp_range r;
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", 0, NULL), KZP_OK);
    ck_assert(r.sanctions[0].has_min);
    ck_assert_int_eq(r.sanctions[0].min_centi, 2000);
    ck_assert_int_eq(r.sanctions[0].min_tiyn, 8650000);  /* 20 MCI x 4,325 tenge = 86,500 tenge */
    ck_assert_int_eq(r.sanctions[0].max_tiyn, 86500000); /* 200 x 4,325 = 865,000 tenge */
    ck_assert(!r.sanctions[1].has_min);
    ck_assert(r.sanctions[2].has_min);
    ck_assert_int_eq(r.sanctions[2].min_centi, 500);
    /* the half cap lowers the maximum only: 100 MCI and 25 days; the minimums stay */
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", KZP_Q_MITIGATED, NULL), KZP_OK);
    ck_assert_int_eq(r.sanctions[0].max_centi, 10000);
    ck_assert_int_eq(r.sanctions[0].min_tiyn, 8650000);
    ck_assert_int_eq(r.sanctions[2].max_centi, 2500);
    ck_assert_int_eq(r.sanctions[2].min_centi, 500);
}
END_TEST

START_TEST(check_finds_a_sentence_below_the_minimum)
{
    kzp_check c;
    /* 3 days of arrest: 2 days short of the 5-day minimum */
    ck_assert_int_eq(kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", KZP_KIND_ARREST, 300, 0, NULL), KZP_OK);
    ck_assert(!c.fits);
    ck_assert_int_eq(c.violation, KZP_BELOW_MIN);
    ck_assert_int_eq(c.limit_centi, 500);
    ck_assert_int_eq(c.excess_centi, 200);
    ck_assert_str_eq(kzp_violation_name(c.violation), "below_min");
    /* exactly the minimum fits; so does the top of the range */
    ck_assert_int_eq(kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", KZP_KIND_FINE, 2000, 0, NULL), KZP_OK);
    ck_assert(c.fits);
    ck_assert_int_eq(kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", KZP_KIND_FINE, 20000, 0, NULL), KZP_OK);
    ck_assert(c.fits);
    /* community service has no minimum here: 1 hour fits */
    ck_assert_int_eq(kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", KZP_KIND_COMMUNITY_SERVICE, 100, 0, NULL),
                     KZP_OK);
    ck_assert(c.fits);
}
END_TEST

START_TEST(sentences_name_both_bounds)
{
    kzp_range r;
    char buf[2048];
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", 0, NULL), KZP_OK);
    kzp_sanction_text(buf, sizeof buf, &r, 0, KZP_LANG_RU);
    ck_assert_str_eq(buf, "штраф в размере от 20 (двадцати) до 200 (двухсот) МРП, что составляет 865 000 "
                          "(восемьсот шестьдесят пять тысяч) тенге");
    kzp_sanction_text(buf, sizeof buf, &r, 2, KZP_LANG_RU);
    ck_assert_str_eq(buf, "арест на срок от 5 (пяти) до 50 (пятидесяти) суток");
    kzp_sanction_text(buf, sizeof buf, &r, 0, KZP_LANG_EN);
    ck_assert_str_eq(buf, "a fine of 20 (twenty) to 200 (two hundred) MCI, which is 865,000 (eight hundred "
                          "sixty-five thousand) tenge");
    kzp_sanction_text(buf, sizeof buf, &r, 2, KZP_LANG_EN);
    ck_assert_str_eq(buf, "arrest of 5 (five) to 50 (fifty) days");
    /* Kazakh: "5 (бес) – 50 (елу) тәулік мерзімге қамаққа алу" */
    kzp_sanction_text(buf, sizeof buf, &r, 2, KZP_LANG_KK);
    ck_assert_str_eq(buf, "5 (бес) – 50 (елу) тәулік мерзімге қамаққа алу");
}
END_TEST

static Suite *minimums_suite(void)
{
    Suite *s = suite_create("minimums");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, range_carries_the_minimum_in_tiyn);
    tcase_add_test(tc, check_finds_a_sentence_below_the_minimum);
    tcase_add_test(tc, sentences_name_both_bounds);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(minimums_suite)
