/* An article with lower bounds of its own. The shipped Article 115-1 has none ("up to"), but the
 * dataset format and the library support them: this suite uses a test-only copy of the dataset in
 * which the fine is "from 30 to 200 MCI" and arrest "from 15 to 50 days". These minimums are
 * invented for the test and are not law; the General Part's (20 MCI, 10 days) are the dataset's. */
#include "test_util.h"

static kzp_ctx *ctx;

static void setup(void)
{
    size_t len;
    char *base = test_read_file(KZP_SOURCE_DIR "/data/kzpenalty.json", &len);
    char *a = test_replace_once(base, "\"kind\": \"fine\", \"unit\": \"mci\", \"min\": null, \"max\": 200",
                                "\"kind\": \"fine\", \"unit\": \"mci\", \"min\": 30, \"max\": 200", NULL);
    char *b = test_replace_once(a, "\"kind\": \"arrest\", \"unit\": \"days\", \"min\": null, \"max\": 50",
                                "\"kind\": \"arrest\", \"unit\": \"days\", \"min\": 15, \"max\": 50", NULL);
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
    const kzp_sanction *fine = &r.sanctions[0], *cs = &r.sanctions[2], *arrest = &r.sanctions[3];
    /* the article's 30 MCI is above the General Part's 20: the article's applies.
     * 30 x 4,325 = 129,750 tenge; 200 x 4,325 = 865,000 tenge */
    ck_assert(fine->min.set);
    ck_assert_int_eq(fine->min.source, KZP_BOUND_ARTICLE);
    ck_assert_int_eq(fine->min.centi, 3000);
    ck_assert_int_eq(fine->min.tiyn, 12975000);
    ck_assert_int_eq(fine->article_min.centi, 3000);
    ck_assert_int_eq(fine->max.tiyn, 86500000);
    /* community service has no minimum of its own: the General Part's 20 hours */
    ck_assert(!cs->article_min.set);
    ck_assert_int_eq(cs->min.source, KZP_BOUND_GENERAL_PART);
    ck_assert_int_eq(arrest->min.centi, 1500);
    ck_assert_int_eq(arrest->min.source, KZP_BOUND_ARTICLE);
    /* with mitigation: the half cap lowers the maximum (100 MCI, 25 days); Art. 55 part 6 lifts the article's
     * minimums and Art. 41 part 7 the fine's General Part minimum, so the fine has none; arrest falls back to the
     * General Part's 10 days, which no cited rule lifts */
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", KZP_Q_MITIGATED, NULL), KZP_OK);
    ck_assert_int_eq(fine->max.centi, 10000);
    ck_assert(!fine->min.set);
    ck_assert_int_eq(arrest->max.centi, 2500);
    ck_assert_int_eq(arrest->min.centi, 1000);
    ck_assert_int_eq(arrest->min.source, KZP_BOUND_GENERAL_PART);
    ck_assert_str_eq(arrest->min_lifted_by->id, "cc-55-6");
}
END_TEST

START_TEST(check_finds_a_sentence_below_the_minimum)
{
    kzp_check c;
    /* 12 days of arrest: 3 days short of the article's 15-day minimum */
    ck_assert_int_eq(kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", KZP_KIND_ARREST, kzp_hundredths(1200), 0, NULL),
                     KZP_OK);
    ck_assert(!c.fits);
    ck_assert_int_eq(c.violation, KZP_VIOLATION_BELOW_MIN);
    ck_assert_int_eq(c.limit_centi, 1500);
    ck_assert_int_eq(c.excess_centi, 300);
    ck_assert_int_eq(c.limit_source, KZP_BOUND_ARTICLE);
    ck_assert_str_eq(kzp_violation_name(c.violation), "below_min");
    /* exactly the minimum fits; so does the top of the range */
    ck_assert_int_eq(kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", KZP_KIND_FINE, kzp_hundredths(3000), 0, NULL),
                     KZP_OK);
    ck_assert(c.fits);
    ck_assert_int_eq(kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", KZP_KIND_FINE, kzp_hundredths(20000), 0, NULL),
                     KZP_OK);
    ck_assert(c.fits);
    /* 25 MCI: above the General Part's 20, below the article's 30 */
    ck_assert_int_eq(kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", KZP_KIND_FINE, kzp_hundredths(2500), 0, NULL),
                     KZP_OK);
    ck_assert_int_eq(c.violation, KZP_VIOLATION_BELOW_MIN);
    ck_assert_int_eq(c.limit_centi, 3000);
}
END_TEST

START_TEST(sentences_name_both_bounds)
{
    kzp_range r;
    char buf[2048];
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", 0, NULL), KZP_OK);
    /* 30 x 4,325 = 129,750; 200 x 4,325 = 865,000; the genitive after "от ... до" */
    kzp_sanction_text(buf, sizeof buf, &r, 0, KZP_LANG_RU);
    ck_assert_str_eq(buf, "штраф в размере от 30 (тридцати) до 200 (двухсот) МРП, что составляет от 129 750 (ста "
                          "двадцати девяти тысяч семисот пятидесяти) до 865 000 (восьмисот шестидесяти пяти тысяч) "
                          "тенге");
    kzp_sanction_text(buf, sizeof buf, &r, 3, KZP_LANG_RU);
    ck_assert_str_eq(buf, "арест на срок от 15 (пятнадцати) до 50 (пятидесяти) суток");
    kzp_sanction_text(buf, sizeof buf, &r, 0, KZP_LANG_EN);
    ck_assert_str_eq(buf, "a fine of 30 (thirty) to 200 (two hundred) MCI, which is 129,750 (one hundred twenty-nine "
                          "thousand seven hundred fifty) to 865,000 (eight hundred sixty-five thousand) tenge");
    kzp_sanction_text(buf, sizeof buf, &r, 3, KZP_LANG_EN);
    ck_assert_str_eq(buf, "arrest of 15 (fifteen) to 50 (fifty) days");
    /* Kazakh: "15 (он бес) – 50 (елу) тәулік мерзімге қамаққа алу" */
    kzp_sanction_text(buf, sizeof buf, &r, 3, KZP_LANG_KK);
    ck_assert_str_eq(buf, "15 (он бес) – 50 (елу) тәулік мерзімге қамаққа алу");
    /* a General Part minimum is a rule of the Code, not words of the article: community service says "up to" */
    kzp_sanction_text(buf, sizeof buf, &r, 2, KZP_LANG_EN);
    ck_assert_str_eq(buf, "community service of up to 200 (two hundred) hours");
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
