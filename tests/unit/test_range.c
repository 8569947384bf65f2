/* The sanction range of Article 115-1 on an offence date. */
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

static bool has_basis(const kzp_range *r, const char *id)
{
    for (size_t i = 0; i < r->basis_count; i++) {
        if (strcmp(r->basis[i]->id, id) == 0) {
            return true;
        }
    }
    return false;
}

/* One bound: whether set, its hundredths, its source and the citation id (NULL: none). */
static void assert_bound(const kzp_bound *b, int set, int64_t centi, int source, const char *citation)
{
    ck_assert_int_eq(b->set, set);
    ck_assert_int_eq(b->centi, centi);
    ck_assert_int_eq(b->source, source);
    if (citation) {
        ck_assert_ptr_nonnull(b->citation);
        ck_assert_str_eq(b->citation->id, citation);
    } else {
        ck_assert_ptr_null(b->citation);
    }
}

START_TEST(range_2026)
{
    kzp_range r;
    kzp_error err;
    ck_assert_msg(kzp_range_get(&r, ctx, "115-1", "2026-02-10", 0, &err) == KZP_OK, "%s", err.message);
    ck_assert_str_eq(r.article, "115-1");
    ck_assert_str_eq(r.offence_date, "2026-02-10");
    ck_assert_int_eq(r.has_mci, 1);
    ck_assert_int_eq(r.mci.tenge, 4325);
    /* four alternatives, in the Code's order */
    ck_assert_uint_eq(r.sanction_count, 4);
    const kzp_sanction *fine = &r.sanctions[0], *cw = &r.sanctions[1], *cs = &r.sanctions[2], *ar = &r.sanctions[3];
    ck_assert_int_eq(fine->kind, KZP_KIND_FINE);
    ck_assert_int_eq(cw->kind, KZP_KIND_CORRECTIONAL_WORK);
    ck_assert_int_eq(cs->kind, KZP_KIND_COMMUNITY_SERVICE);
    ck_assert_int_eq(ar->kind, KZP_KIND_ARREST);
    /* fine: up to 200 MCI in the article; 20 MCI from the General Part (Art. 41 part 2).
     * 200 x 4,325 = 865,000 tenge; 20 x 4,325 = 86,500 tenge. */
    ck_assert_int_eq(fine->has_tiyn, 1);
    assert_bound(&fine->max, 1, 20000, KZP_BOUND_ARTICLE, "cc-115-1");
    ck_assert_int_eq(fine->max.tiyn, 86500000);
    assert_bound(&fine->min, 1, 2000, KZP_BOUND_GENERAL_PART, "cc-41-2");
    ck_assert_int_eq(fine->min.tiyn, 8650000);
    assert_bound(&fine->article_min, 0, 0, KZP_BOUND_NONE, NULL);
    assert_bound(&fine->general_max, 1, 20000, KZP_BOUND_GENERAL_PART, "cc-41-2");
    ck_assert_ptr_null(fine->min_lifted_by);
    ck_assert_ptr_null(fine->restriction);
    /* correctional work: priced like the fine (Art. 42 part 1), 20-200 MCI (Art. 42 part 3) */
    ck_assert_int_eq(cw->unit, KZP_UNIT_MCI);
    ck_assert_int_eq(cw->has_tiyn, 1);
    assert_bound(&cw->max, 1, 20000, KZP_BOUND_ARTICLE, "cc-115-1-correctional-work");
    ck_assert_int_eq(cw->max.tiyn, 86500000);
    assert_bound(&cw->min, 1, 2000, KZP_BOUND_GENERAL_PART, "cc-42-3");
    ck_assert_int_eq(cw->min.tiyn, 8650000);
    ck_assert_str_eq(cw->restriction->citation->id, "cc-42-7");
    ck_assert_uint_eq(cw->restriction->person_count, 3);
    /* community service: 20-200 hours, at most 4 a day (Art. 43 part 2); not for 7 groups (part 3) */
    ck_assert_int_eq(cs->has_tiyn, 0);
    assert_bound(&cs->max, 1, 20000, KZP_BOUND_ARTICLE, "cc-115-1");
    assert_bound(&cs->min, 1, 2000, KZP_BOUND_GENERAL_PART, "cc-43-2");
    ck_assert_int_eq(cs->min.tiyn, 0);
    ck_assert_int_eq(cs->per_day_max_centi, 400);
    ck_assert_str_eq(cs->per_day_citation->id, "cc-43-2");
    ck_assert_uint_eq(cs->restriction->person_count, 7);
    ck_assert_str_eq(cs->restriction->persons[KZP_LANG_RU][0], "беременным женщинам");
    ck_assert_str_eq(cs->restriction->persons[KZP_LANG_EN][6], "military servicemen");
    /* arrest: up to 50 days; 10 days from the General Part (Art. 45 part 2) */
    assert_bound(&ar->max, 1, 5000, KZP_BOUND_ARTICLE, "cc-115-1");
    assert_bound(&ar->min, 1, 1000, KZP_BOUND_GENERAL_PART, "cc-45-2");
    ck_assert_int_eq(ar->capped, 0);
    ck_assert_str_eq(ar->restriction->persons[KZP_LANG_KK][0], "кәмелетке толмағандарға");
    /* the compulsory payment: 5 MCI = 5 x 4,325 = 21,625 tenge, priced by an unverified estimate */
    ck_assert_uint_eq(r.payment_count, 1);
    ck_assert_str_eq(r.payments[0].id, "victims-fund");
    ck_assert_int_eq(r.payments[0].mci_centi, 500);
    ck_assert_int_eq(r.payments[0].priced, 1);
    ck_assert_int_eq(r.payments[0].tiyn, 2162500);
    ck_assert_int_eq(r.payments[0].certainty, KZP_CERT_UNVERIFIED);
    ck_assert_str_eq(r.payments[0].priced_by->id, "payment-mci-day");
    /* basis: the article, its entry into force, its category, Arts. 41 and 42 part 1, the 2026 MCI, the General
     * Part bounds and restrictions; not the payment's sources, and no cap */
    const char *const want[] = {"cc-115-1",          "cc-115-1-in-force",
                                "cc-115-1-category", "cc-41-1",
                                "cc-42-1",           "mci-2026",
                                "cc-41-2",           "cc-42-3",
                                "cc-43-2",           "cc-45-2",
                                "cc-42-7",           "cc-43-3",
                                "cc-45-3",           "cc-115-1-correctional-work"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        ck_assert_msg(has_basis(&r, want[i]), "basis lacks %s", want[i]);
    }
    ck_assert_uint_eq(r.basis_count, sizeof want / sizeof want[0]);
    ck_assert(!has_basis(&r, "cc-55-2") && !has_basis(&r, "cc-98-2") && !has_basis(&r, "payment-mci-day"));
    /* the article's sanctions are known from statements of state bodies, not the text itself; the payment's
     * unverified pricing does not weaken the range */
    ck_assert_int_eq(r.certainty, KZP_CERT_STATEMENT);
    ck_assert_int_eq(r.stale, 0);
    ck_assert_uint_eq(r.omitted_count, 0);
    ck_assert_ptr_null(r.order_procedure);
}
END_TEST

START_TEST(range_2025)
{
    kzp_range r;
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2025-10-01", 0, NULL), KZP_OK);
    /* 200 x 3,932 = 786,400 tenge; 20 x 3,932 = 78,640 tenge; payment 5 x 3,932 = 19,660 tenge */
    ck_assert_int_eq(r.mci.tenge, 3932);
    ck_assert_int_eq(r.sanctions[0].max.tiyn, 78640000);
    ck_assert_int_eq(r.sanctions[1].min.tiyn, 7864000);
    ck_assert_int_eq(r.payments[0].tiyn, 1966000);
    ck_assert(has_basis(&r, "mci-2025"));
    /* first day in force: 2025-09-16 */
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2025-09-16", 0, NULL), KZP_OK);
}
END_TEST

START_TEST(half_cap)
{
    const unsigned flag_sets[] = {KZP_Q_MITIGATED, KZP_Q_ACCELERATED, KZP_Q_MITIGATED | KZP_Q_ACCELERATED};
    for (size_t i = 0; i < 3; i++) {
        kzp_range r;
        ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", flag_sets[i], NULL), KZP_OK);
        const char *cap = flag_sets[i] & KZP_Q_MITIGATED ? "cc-55-2" : "cc-55-3";
        /* half of 200 MCI = 100 MCI = 100 x 4,325 = 432,500 tenge; half of 200 h = 100 h; half of 50 d = 25 d.
         * Both parts together give the same half: the caps do not stack. */
        for (size_t k = 0; k < 4; k++) {
            ck_assert_int_eq(r.sanctions[k].max.source, KZP_BOUND_HALF_CAP);
            ck_assert_str_eq(r.sanctions[k].max.citation->id, cap);
            ck_assert_int_eq(r.sanctions[k].capped, 1);
        }
        ck_assert_int_eq(r.sanctions[0].max.centi, 10000);
        ck_assert_int_eq(r.sanctions[0].article_max.centi, 20000);
        ck_assert_int_eq(r.sanctions[0].max.tiyn, 43250000);
        ck_assert_int_eq(r.sanctions[1].max.tiyn, 43250000);
        ck_assert_int_eq(r.sanctions[2].max.centi, 10000);
        ck_assert_int_eq(r.sanctions[3].max.centi, 2500);
        /* the fine's General Part minimum is lifted (Art. 41 part 7, Art. 55 part 6); the others stay */
        ck_assert_int_eq(r.sanctions[0].min.set, 0);
        ck_assert_str_eq(r.sanctions[0].min_lifted_by->id, "cc-41-7");
        ck_assert_int_eq(r.sanctions[0].general_min.centi, 2000); /* still reported, not applied */
        ck_assert_int_eq(r.sanctions[1].min.centi, 2000);
        ck_assert_int_eq(r.sanctions[2].min.centi, 2000);
        ck_assert_int_eq(r.sanctions[3].min.centi, 1000);
        ck_assert_ptr_null(r.sanctions[1].min_lifted_by);
        ck_assert(has_basis(&r, "cc-41-7"));
        ck_assert(has_basis(&r, "cc-55-2") == ((flag_sets[i] & KZP_Q_MITIGATED) != 0));
        ck_assert(has_basis(&r, "cc-55-3") == ((flag_sets[i] & KZP_Q_ACCELERATED) != 0));
        ck_assert_uint_eq(r.flags, flag_sets[i]);
    }
}
END_TEST

START_TEST(order_procedure)
{
    kzp_range r;
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", KZP_Q_ORDER_PROCEDURE, NULL), KZP_OK);
    /* only a fine, 10 to 20 MCI (Art. 55 part 3): 10 x 4,325 = 43,250; 20 x 4,325 = 86,500 tenge */
    ck_assert_uint_eq(r.sanction_count, 1);
    const kzp_sanction *s = &r.sanctions[0];
    ck_assert_int_eq(s->kind, KZP_KIND_FINE);
    assert_bound(&s->min, 1, 1000, KZP_BOUND_ORDER_PROCEDURE, "cc-55-3-order");
    assert_bound(&s->max, 1, 2000, KZP_BOUND_ORDER_PROCEDURE, "cc-55-3-order");
    ck_assert_int_eq(s->min.tiyn, 4325000);
    ck_assert_int_eq(s->max.tiyn, 8650000);
    /* the General Part minimum (20) is above the order procedure's 10: reported, not applied */
    ck_assert_int_eq(s->general_min.centi, 2000);
    ck_assert_uint_eq(r.omitted_count, 3);
    ck_assert_int_eq(r.omitted_kinds[0], KZP_KIND_CORRECTIONAL_WORK);
    ck_assert_int_eq(r.omitted_kinds[1], KZP_KIND_COMMUNITY_SERVICE);
    ck_assert_int_eq(r.omitted_kinds[2], KZP_KIND_ARREST);
    ck_assert_str_eq(r.order_procedure->id, "cc-55-3-order");
    ck_assert_str_eq(r.order_procedure_kinds->id, "sc-17-2018-order");
    ck_assert(has_basis(&r, "sc-17-2018-order"));
    ck_assert(!has_basis(&r, "cc-43-3")); /* community service is not in this range */
    /* with the half cap too: half of 200 = 100 is above 20, so the order procedure's range stands */
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", KZP_Q_ORDER_PROCEDURE | KZP_Q_MITIGATED, NULL),
                     KZP_OK);
    ck_assert_int_eq(r.sanctions[0].max.centi, 2000);
    ck_assert_int_eq(r.sanctions[0].max.source, KZP_BOUND_ORDER_PROCEDURE);
    ck_assert_int_eq(r.sanctions[0].min.centi, 1000);
    ck_assert_int_eq(r.sanctions[0].capped, 0);
}
END_TEST

START_TEST(strict_leaves_the_payment_unpriced)
{
    kzp_range r;
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", KZP_Q_STRICT, NULL), KZP_OK);
    /* which day's MCI prices the payment is an unverified estimate: in strict mode it is given in MCI only */
    ck_assert_uint_eq(r.payment_count, 1);
    ck_assert_int_eq(r.payments[0].priced, 0);
    ck_assert_int_eq(r.payments[0].tiyn, 0);
    ck_assert_ptr_null(r.payments[0].priced_by);
    ck_assert_int_eq(r.payments[0].certainty, KZP_CERT_STATEMENT);
}
END_TEST

START_TEST(before_code_226_v)
{
    /* A test-only article in force from 2010 shows the pricing rule's own start: before 2015-01-01 the 1997 Code
     * priced a fine at the sentencing day's MCI, so no range with a fine is given. */
    size_t len;
    char *text = test_read_file(KZP_SOURCE_DIR "/data/kzpenalty.json", &len);
    char *early =
        test_replace_once(text, "\"in_force_from\": \"2025-09-16\"", "\"in_force_from\": \"2010-01-01\"", NULL);
    kzp_ctx *c = NULL;
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&c, early, strlen(early), NULL), KZP_OK);
    kzp_range r;
    kzp_error err;
    ck_assert_int_eq(kzp_range_get(&r, c, "115-1", "2014-12-31", 0, &err), KZP_E_NOT_IN_FORCE);
    ck_assert_ptr_nonnull(strstr(err.message, "1997"));
    ck_assert_int_eq(kzp_range_get(&r, c, "115-1", "2015-01-01", 0, &err), KZP_OK);
    ck_assert_int_eq(r.sanctions[0].max.tiyn, 39640000); /* 200 x 1,982 = 396,400 tenge */
    kzp_ctx_free(c);
    free(early);
    free(text);
}
END_TEST

START_TEST(not_in_force_and_errors_leave_output)
{
    kzp_range r;
    r.sanction_count = 99;
    kzp_error err;
    /* the day before the article came into force */
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2025-09-15", 0, &err), KZP_E_NOT_IN_FORCE);
    ck_assert_int_eq(err.code, KZP_E_NOT_IN_FORCE);
    ck_assert_ptr_nonnull(strstr(err.message, "2025-09-16"));
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2027-03-01", 0, &err), KZP_E_MCI_STALE);
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115", "2026-02-10", 0, &err), KZP_E_UNKNOWN_ARTICLE);
    ck_assert_ptr_nonnull(strstr(err.message, "115-1"));
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-29", 0, &err), KZP_E_BAD_DATE);
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", 0x80, &err), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_range_get(&r, ctx, NULL, "2026-02-10", 0, &err), KZP_E_INVALID_ARG);
    ck_assert_uint_eq(r.sanction_count, 99);
}
END_TEST

START_TEST(stale_allowed_is_marked)
{
    kzp_range r;
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2027-03-01", KZP_Q_ALLOW_STALE, NULL), KZP_OK);
    ck_assert_int_eq(r.stale, 1);
    ck_assert_int_eq(r.certainty, KZP_CERT_UNVERIFIED);
    ck_assert_int_eq(r.sanctions[0].max.tiyn, 86500000); /* the 2026 value, as an estimate */
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2027-03-01", KZP_Q_ALLOW_STALE | KZP_Q_STRICT, NULL),
                     KZP_E_UNVERIFIED);
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-03-01", KZP_Q_STRICT, NULL), KZP_OK);
}
END_TEST

START_TEST(article_lookup)
{
    kzp_article a;
    ck_assert_int_eq(kzp_article_get(&a, ctx, "115-1", NULL), KZP_OK);
    ck_assert_str_eq(a.title[KZP_LANG_EN], "Stalking");
    ck_assert_str_eq(a.title[KZP_LANG_RU], "Сталкинг");
    ck_assert_str_eq(a.title[KZP_LANG_KK], "Сталкинг");
    ck_assert_int_eq(a.category, KZP_CATEGORY_CRIMINAL_OFFENCE);
    ck_assert_str_eq(a.in_force_from, "2025-09-16");
    ck_assert_uint_eq(a.sanction_count, 4);
    ck_assert_int_eq(kzp_article_at(&a, ctx, 0), KZP_OK);
    ck_assert_str_eq(a.id, "115-1");
    ck_assert_int_eq(kzp_article_at(&a, ctx, 1), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_article_get(&a, ctx, "999", NULL), KZP_E_UNKNOWN_ARTICLE);
}
END_TEST

START_TEST(rules_a_dataset_lacks)
{
    /* docs/examples/dataset-minimal.json has no order-procedure rule: asking for it is an error,
     * never a range without it */
    kzp_ctx *minimal = NULL;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_from_file(&minimal, KZP_SOURCE_DIR "/docs/examples/dataset-minimal.json", &err),
                     KZP_OK);
    kzp_range r = {.sanction_count = 99};
    ck_assert_int_eq(kzp_range_get(&r, minimal, "115-1", "2026-02-10", KZP_Q_ORDER_PROCEDURE, &err), KZP_E_NO_RULE);
    ck_assert_ptr_nonnull(strstr(err.message, "no order-procedure rule"));
    ck_assert_uint_eq(r.sanction_count, 99);
    kzp_ctx_free(minimal);
}
END_TEST

START_TEST(a_bound_too_large_to_price)
{
    /* an article fine of up to 10^14 MCI (a test dataset, not law), above the General Part's 200:
     * the article's own maximum is priced too, and 10^16 hundredths x 4,325 tenge x 100 tiyn
     * does not fit in 64 bits: an error, never a wrapped number */
    size_t len;
    char *text = test_read_file(KZP_SOURCE_DIR "/data/kzpenalty.json", &len);
    char *big =
        test_replace_once(text, "{ \"kind\": \"fine\", \"unit\": \"mci\", \"min\": null, \"max\": 200,",
                          "{ \"kind\": \"fine\", \"unit\": \"mci\", \"min\": null, \"max\": 100000000000000,", NULL);
    kzp_ctx *c = NULL;
    kzp_error err;
    ck_assert_msg(kzp_ctx_new_from_buffer(&c, big, strlen(big), &err) == KZP_OK, "%s", err.message);
    kzp_range r = {.sanction_count = 99};
    ck_assert_int_eq(kzp_range_get(&r, c, "115-1", "2026-02-10", 0, &err), KZP_E_OVERFLOW);
    ck_assert_str_eq(err.message, "the amount in tiyn does not fit in 64 bits");
    ck_assert_uint_eq(r.sanction_count, 99);
    kzp_ctx_free(c);
    free(big);
    free(text);
}
END_TEST

START_TEST(ranges_say_how_long_they_hold)
{
    /* 2026-02-10: the 2026 MCI's dates (issue 17: from 2026-01-01 to 2026-12-31) */
    kzp_range r;
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", 0, NULL), KZP_OK);
    ck_assert_str_eq(r.valid_from, "2026-01-01");
    ck_assert_str_eq(r.valid_until, "2026-12-31");
    /* 2025-10-01: the 2025 MCI from 2025-01-01, but the article only from 2025-09-16 */
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2025-10-01", KZP_Q_MITIGATED, NULL), KZP_OK);
    ck_assert_str_eq(r.valid_from, "2025-09-16");
    ck_assert_str_eq(r.valid_until, "2025-12-31");
    /* every date of the interval gives the same range, and the days either side another */
    kzp_range a, b;
    ck_assert_int_eq(kzp_range_get(&a, ctx, "115-1", "2025-09-16", KZP_Q_MITIGATED, NULL), KZP_OK);
    ck_assert_int_eq(kzp_range_get(&b, ctx, "115-1", "2025-12-31", KZP_Q_MITIGATED, NULL), KZP_OK);
    ck_assert_int_eq(a.sanctions[0].max.tiyn, b.sanctions[0].max.tiyn);
    ck_assert_int_eq(a.sanctions[0].max.tiyn, 39320000); /* 100 x 3,932 = 393,200 tenge */
    ck_assert_int_eq(kzp_range_get(&b, ctx, "115-1", "2026-01-01", KZP_Q_MITIGATED, NULL), KZP_OK);
    ck_assert_int_eq(b.sanctions[0].max.tiyn, 43250000); /* 100 x 4,325 = 432,500 tenge */
    ck_assert_int_eq(kzp_range_get(&b, ctx, "115-1", "2025-09-15", KZP_Q_MITIGATED, NULL), KZP_E_NOT_IN_FORCE);
    /* a check holds as its range does; past the table, unpriced, for every later date */
    kzp_check c;
    ck_assert_int_eq(kzp_check_sentence(&c, ctx, "115-1", "2027-03-01", KZP_KIND_ARREST, kzp_whole(5), 0, NULL),
                     KZP_OK);
    ck_assert_str_eq(c.valid_from, "2027-01-01");
    ck_assert_str_eq(c.valid_until, "9999-12-31");
    ck_assert_str_eq(c.range.valid_from, "2027-01-01");
    /* a fine: the MCI's dates */
    kzp_fine f;
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, "2020-03-31", kzp_whole(1), 0, NULL), KZP_OK);
    ck_assert_str_eq(f.valid_from, "2020-01-01");
    ck_assert_str_eq(f.valid_until, "2020-03-31");
    /* in a what-if the MCI is the same every day: the range holds from the article's first day */
    kzp_ctx *w = NULL;
    ck_assert_int_eq(kzp_ctx_new_what_if(&w, ctx, 5000, NULL), KZP_OK);
    ck_assert_int_eq(kzp_range_get(&r, w, "115-1", "2030-01-01", 0, NULL), KZP_OK);
    ck_assert_str_eq(r.valid_from, "2025-09-16");
    ck_assert_str_eq(r.valid_until, "9999-12-31");
    ck_assert_int_eq(kzp_fine_compute(&f, w, "2030-01-01", kzp_whole(1), 0, NULL), KZP_OK);
    ck_assert_str_eq(f.valid_from, "2015-01-01"); /* the 2014 Code's pricing rule applies from 2015 */
    kzp_ctx_free(w);
}
END_TEST

static Suite *range_suite(void)
{
    Suite *s = suite_create("range");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, range_2026);
    tcase_add_test(tc, range_2025);
    tcase_add_test(tc, half_cap);
    tcase_add_test(tc, order_procedure);
    tcase_add_test(tc, strict_leaves_the_payment_unpriced);
    tcase_add_test(tc, before_code_226_v);
    tcase_add_test(tc, not_in_force_and_errors_leave_output);
    tcase_add_test(tc, stale_allowed_is_marked);
    tcase_add_test(tc, article_lookup);
    tcase_add_test(tc, rules_a_dataset_lacks);
    tcase_add_test(tc, a_bound_too_large_to_price);
    tcase_add_test(tc, ranges_say_how_long_they_hold);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(range_suite)
