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

START_TEST(range_2026)
{
    kzp_range r;
    kzp_error err;
    ck_assert_msg(kzp_range_get(&r, ctx, "115-1", "2026-02-10", 0, &err) == KZP_OK, "%s", err.message);
    ck_assert_str_eq(r.article, "115-1");
    ck_assert_str_eq(r.offence_date, "2026-02-10");
    ck_assert_int_eq(r.has_mci, 1);
    ck_assert_int_eq(r.mci.tenge, 4325);
    ck_assert_uint_eq(r.sanction_count, 3);
    /* fine up to 200 MCI = 200 x 4,325 = 865,000 tenge = 86,500,000 tiyn; no lower bound */
    ck_assert_int_eq(r.sanctions[0].kind, KZP_KIND_FINE);
    ck_assert_int_eq(r.sanctions[0].unit, KZP_UNIT_MCI);
    ck_assert_int_eq(r.sanctions[0].has_min, 0);
    ck_assert_int_eq(r.sanctions[0].max_centi, 20000);
    ck_assert_int_eq(r.sanctions[0].has_tiyn, 1);
    ck_assert_int_eq(r.sanctions[0].max_tiyn, 86500000);
    /* community service up to 200 hours */
    ck_assert_int_eq(r.sanctions[1].kind, KZP_KIND_COMMUNITY_SERVICE);
    ck_assert_int_eq(r.sanctions[1].unit, KZP_UNIT_HOURS);
    ck_assert_int_eq(r.sanctions[1].max_centi, 20000);
    ck_assert_int_eq(r.sanctions[1].has_tiyn, 0);
    ck_assert_int_eq(r.sanctions[1].has_min, 0);
    /* arrest up to 50 days */
    ck_assert_int_eq(r.sanctions[2].kind, KZP_KIND_ARREST);
    ck_assert_int_eq(r.sanctions[2].unit, KZP_UNIT_DAYS);
    ck_assert_int_eq(r.sanctions[2].max_centi, 5000);
    ck_assert_int_eq(r.sanctions[2].capped, 0);
    /* basis: the article, its entry into force, its category, Art. 41 part 1 and the 2026 MCI */
    ck_assert(has_basis(&r, "cc-115-1"));
    ck_assert(has_basis(&r, "cc-115-1-in-force"));
    ck_assert(has_basis(&r, "cc-41-1"));
    ck_assert(has_basis(&r, "mci-2026"));
    ck_assert(!has_basis(&r, "cc-55-2"));
    /* the article's sanctions are known from statements of state bodies, not the text itself */
    ck_assert_int_eq(r.certainty, KZP_CERT_STATEMENT);
    ck_assert_int_eq(r.stale, 0);
}
END_TEST

START_TEST(range_2025)
{
    kzp_range r;
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2025-10-01", 0, NULL), KZP_OK);
    /* 200 x 3,932 = 786,400 tenge */
    ck_assert_int_eq(r.mci.tenge, 3932);
    ck_assert_int_eq(r.sanctions[0].max_tiyn, 78640000);
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
        /* half of 200 MCI = 100 MCI = 100 x 4,325 = 432,500 tenge; half of 200 h = 100 h; half of 50 d = 25 d.
         * Both parts together give the same half: the caps do not stack. */
        ck_assert_int_eq(r.sanctions[0].max_centi, 10000);
        ck_assert_int_eq(r.sanctions[0].article_max_centi, 20000);
        ck_assert_int_eq(r.sanctions[0].max_tiyn, 43250000);
        ck_assert_int_eq(r.sanctions[1].max_centi, 10000);
        ck_assert_int_eq(r.sanctions[2].max_centi, 2500);
        ck_assert_int_eq(r.sanctions[2].capped, 1);
        ck_assert(has_basis(&r, "cc-55-2") == ((flag_sets[i] & KZP_Q_MITIGATED) != 0));
        ck_assert(has_basis(&r, "cc-55-3") == ((flag_sets[i] & KZP_Q_ACCELERATED) != 0));
        ck_assert_uint_eq(r.flags, flag_sets[i]);
    }
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
    ck_assert_int_eq(r.sanctions[0].max_tiyn, 86500000); /* the 2026 value, as an estimate */
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
    ck_assert_uint_eq(a.sanction_count, 3);
    ck_assert_int_eq(kzp_article_at(&a, ctx, 0), KZP_OK);
    ck_assert_str_eq(a.id, "115-1");
    ck_assert_int_eq(kzp_article_at(&a, ctx, 1), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_article_get(&a, ctx, "999", NULL), KZP_E_UNKNOWN_ARTICLE);
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
    tcase_add_test(tc, not_in_force_and_errors_leave_output);
    tcase_add_test(tc, stale_allowed_is_marked);
    tcase_add_test(tc, article_lookup);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(range_suite)
