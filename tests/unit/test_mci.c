/* The MCI on a date, from the embedded dataset (values from shared/legal/FACTS.md). */
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

static int64_t mci(const char *date, int purpose)
{
    kzp_mci m;
    kzp_error err;
    int rc = kzp_mci_on(&m, ctx, date, purpose, 0, &err);
    ck_assert_msg(rc == KZP_OK, "%s: %s", date, err.message);
    ck_assert_str_eq(m.date, date);
    ck_assert_int_eq(m.stale, 0);
    return m.tenge;
}

START_TEST(values_by_date)
{
    /* 2020 changed on 1 April: 2,651 until 31 March, 2,778 from 1 April. */
    ck_assert_int_eq(mci("2020-03-31", KZP_PURPOSE_FINES), 2651);
    ck_assert_int_eq(mci("2020-04-01", KZP_PURPOSE_FINES), 2778);
    /* 2022: fines kept 3,063 all year; benefits rose to 3,180 on 1 April. */
    ck_assert_int_eq(mci("2022-06-01", KZP_PURPOSE_FINES), 3063);
    ck_assert_int_eq(mci("2022-06-01", KZP_PURPOSE_BENEFITS), 3180);
    ck_assert_int_eq(mci("2022-03-31", KZP_PURPOSE_BENEFITS), 3063);
    ck_assert_int_eq(mci("2022-12-31", KZP_PURPOSE_FINES), 3063);
    ck_assert_int_eq(mci("2023-01-01", KZP_PURPOSE_BENEFITS), 3450);
    ck_assert_int_eq(mci("2025-10-01", KZP_PURPOSE_FINES), 3932);
    ck_assert_int_eq(mci("2025-12-31", KZP_PURPOSE_FINES), 3932);
    ck_assert_int_eq(mci("2026-01-01", KZP_PURPOSE_FINES), 4325);
    ck_assert_int_eq(mci("2026-12-31", KZP_PURPOSE_FINES), 4325);
    ck_assert_int_eq(mci("2015-07-01", KZP_PURPOSE_FINES), 1982);
}
END_TEST

START_TEST(period_and_citation)
{
    kzp_mci m;
    ck_assert_int_eq(kzp_mci_on(&m, ctx, "2022-06-01", KZP_PURPOSE_BENEFITS, 0, NULL), KZP_OK);
    ck_assert_str_eq(m.from, "2022-04-01");
    ck_assert_str_eq(m.citation->id, "mci-2022-04-benefits");
    ck_assert_int_eq(m.certainty, KZP_CERT_OFFICIAL);
    ck_assert_int_eq(kzp_mci_on(&m, ctx, "2025-10-01", KZP_PURPOSE_FINES, 0, NULL), KZP_OK);
    ck_assert_str_eq(m.citation->id, "mci-2025");
    ck_assert_int_eq(m.certainty, KZP_CERT_STATEMENT); /* 2025 is "statement" in FACTS.md */
}
END_TEST

START_TEST(stale_after_known_until)
{
    kzp_mci m = {.tenge = 77};
    kzp_error err;
    /* The table is known until 2026-12-31: a 2027 date must not be priced silently. */
    ck_assert_int_eq(kzp_mci_on(&m, ctx, "2027-01-01", KZP_PURPOSE_FINES, 0, &err), KZP_E_MCI_STALE);
    ck_assert_int_eq(err.code, KZP_E_MCI_STALE);
    ck_assert_ptr_nonnull(strstr(err.message, "2026-12-31"));
    ck_assert_int_eq(m.tenge, 77); /* untouched */
    /* Asked for explicitly: the last value, marked stale and unverified. */
    ck_assert_int_eq(kzp_mci_on(&m, ctx, "2027-01-01", KZP_PURPOSE_FINES, KZP_Q_ALLOW_STALE, &err), KZP_OK);
    ck_assert_int_eq(m.tenge, 4325);
    ck_assert_int_eq(m.stale, 1);
    ck_assert_int_eq(m.certainty, KZP_CERT_UNVERIFIED);
    ck_assert_int_eq(kzp_mci_on(&m, ctx, "2027-01-01", KZP_PURPOSE_FINES, KZP_Q_ALLOW_STALE | KZP_Q_STRICT, &err),
                     KZP_E_UNVERIFIED);
}
END_TEST

START_TEST(before_first_and_bad_input)
{
    kzp_mci m;
    kzp_error err;
    ck_assert_int_eq(kzp_mci_on(&m, ctx, "2013-12-31", KZP_PURPOSE_FINES, 0, &err), KZP_E_MCI_BEFORE_FIRST);
    ck_assert_ptr_nonnull(strstr(err.message, "2014-01-01"));
    ck_assert_int_eq(kzp_mci_on(&m, ctx, "2026-02-30", KZP_PURPOSE_FINES, 0, &err), KZP_E_BAD_DATE);
    ck_assert_int_eq(kzp_mci_on(&m, ctx, "2026-02-10", 7, 0, &err), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_mci_on(NULL, ctx, "2026-02-10", 0, 0, &err), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_mci_on(&m, NULL, "2026-02-10", 0, 0, &err), KZP_E_INVALID_ARG);
}
END_TEST

START_TEST(unverified_values_flagged)
{
    kzp_mci m;
    /* 2014 (1,852) and 2017 (2,269) were unverified until their budget laws were seen (Laws No. 148-V, Art. 10,
     * and No. 25-VI, Art. 7, in a copy of the official database): statements now, accepted in strict mode. */
    ck_assert_int_eq(kzp_mci_on(&m, ctx, "2017-05-05", KZP_PURPOSE_FINES, 0, NULL), KZP_OK);
    ck_assert_int_eq(m.tenge, 2269);
    ck_assert_int_eq(m.certainty, KZP_CERT_STATEMENT);
    ck_assert_str_eq(m.citation->act, "Law No. 25-VI of 29 November 2016 (republican budget for 2017-2019)");
    ck_assert_int_eq(kzp_mci_on(&m, ctx, "2014-05-05", KZP_PURPOSE_FINES, KZP_Q_STRICT, NULL), KZP_OK);
    ck_assert_int_eq(m.tenge, 1852);
    /* a stale price is an estimate: unverified, refused in strict mode */
    ck_assert_int_eq(kzp_mci_on(&m, ctx, "2027-05-05", KZP_PURPOSE_FINES, KZP_Q_ALLOW_STALE, NULL), KZP_OK);
    ck_assert_int_eq(m.certainty, KZP_CERT_UNVERIFIED);
    ck_assert_int_eq(kzp_mci_on(&m, ctx, "2027-05-05", KZP_PURPOSE_FINES, KZP_Q_ALLOW_STALE | KZP_Q_STRICT, NULL),
                     KZP_E_UNVERIFIED);
    ck_assert_int_eq(kzp_mci_on(&m, ctx, "2026-05-05", KZP_PURPOSE_FINES, KZP_Q_STRICT, NULL), KZP_OK);
}
END_TEST

START_TEST(table_listing)
{
    kzp_dataset_info info;
    ck_assert_int_eq(kzp_ctx_info(&info, ctx), KZP_OK);
    ck_assert_uint_eq(info.mci_period_count, 15); /* 2014..2026 yearly = 13, plus 2020-04 and 2022-04 */
    kzp_mci_period p;
    ck_assert_int_eq(kzp_mci_period_at(&p, ctx, 10), KZP_OK);
    ck_assert_str_eq(p.from, "2022-04-01");
    ck_assert_int_eq(p.tenge, 3180);
    ck_assert_int_eq(p.purpose_all, 0);
    ck_assert_int_eq(p.purpose, KZP_PURPOSE_BENEFITS);
    ck_assert_int_eq(kzp_mci_period_at(&p, ctx, 14), KZP_OK);
    ck_assert_str_eq(p.from, "2026-01-01");
    ck_assert_int_eq(p.purpose_all, 1);
    ck_assert_int_eq(kzp_mci_period_at(&p, ctx, 15), KZP_E_INVALID_ARG);
}
END_TEST

/* The dates over which the same MCI answer holds, worked out from the table in
 * data/kzpenalty.json: yearly "all" periods, 2020 split on 1 April, a benefits-only period from
 * 2022-04-01, known until 2026-12-31. */
static void holds(const char *date, int purpose, unsigned flags, const char *from, const char *until)
{
    kzp_mci m;
    ck_assert_int_eq(kzp_mci_on(&m, ctx, date, purpose, flags, NULL), KZP_OK);
    ck_assert_msg(strcmp(m.valid_from, from) == 0 && strcmp(m.valid_until, until) == 0, "%s: %s..%s, want %s..%s", date,
                  m.valid_from, m.valid_until, from, until);
    ck_assert_int_eq(m.tiyn, m.tenge * 100);
}

START_TEST(answers_say_how_long_they_hold)
{
    holds("2026-02-10", KZP_PURPOSE_FINES, 0, "2026-01-01", "2026-12-31"); /* the last period: to known_until */
    holds("2025-09-16", KZP_PURPOSE_FINES, 0, "2025-01-01", "2025-12-31");
    holds("2020-03-31", KZP_PURPOSE_FINES, 0, "2020-01-01", "2020-03-31"); /* 2,651 until the April change */
    holds("2020-04-01", KZP_PURPOSE_FINES, 0, "2020-04-01", "2020-12-31"); /* 2,778 */
    /* 2022: fines kept 3,063 all year; benefits rose to 3,180 on 1 April */
    holds("2022-06-01", KZP_PURPOSE_FINES, 0, "2022-01-01", "2022-12-31");
    holds("2022-03-31", KZP_PURPOSE_BENEFITS, 0, "2022-01-01", "2022-03-31");
    holds("2022-06-01", KZP_PURPOSE_BENEFITS, 0, "2022-04-01", "2022-12-31");
    holds("2014-05-05", KZP_PURPOSE_FINES, 0, "2014-01-01", "2014-12-31");
    /* stale: the last value stands for every later date, as an estimate */
    holds("2027-05-05", KZP_PURPOSE_FINES, KZP_Q_ALLOW_STALE, "2027-01-01", "9999-12-31");
    /* a what-if has one value for every date */
    kzp_ctx *w = NULL;
    ck_assert_int_eq(kzp_ctx_new_what_if(&w, ctx, 5000, NULL), KZP_OK);
    kzp_mci m;
    ck_assert_int_eq(kzp_mci_on(&m, w, "2026-02-10", KZP_PURPOSE_FINES, 0, NULL), KZP_OK);
    ck_assert_str_eq(m.valid_from, "0001-01-01");
    ck_assert_str_eq(m.valid_until, "9999-12-31");
    kzp_ctx_free(w);
}
END_TEST

static Suite *mci_suite(void)
{
    Suite *s = suite_create("mci");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, values_by_date);
    tcase_add_test(tc, period_and_citation);
    tcase_add_test(tc, stale_after_known_until);
    tcase_add_test(tc, before_first_and_bad_input);
    tcase_add_test(tc, unverified_values_flagged);
    tcase_add_test(tc, table_listing);
    tcase_add_test(tc, answers_say_how_long_they_hold);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(mci_suite)
