/* Every public function given a bad argument (NULL, an unknown enum value, an index past the
 * end, an unknown flag): it returns KZP_E_INVALID_ARG (or NULL, for the name lookups), says
 * why in err when it takes one, and leaves its output untouched. */
#include "test_util.h"

#include <stdint.h>

#define SENTINEL_BYTE 0x5a

/* out is still all SENTINEL_BYTE: nothing was written. */
static bool untouched(const void *out, size_t size)
{
    const unsigned char *p = out;
    for (size_t i = 0; i < size; i++) {
        if (p[i] != SENTINEL_BYTE) {
            return false;
        }
    }
    return true;
}

#define EXPECT_INVALID(call, out)                                                                                      \
    do {                                                                                                               \
        memset(&(out), SENTINEL_BYTE, sizeof(out));                                                                    \
        kzp_error e_;                                                                                                  \
        (void)e_;                                                                                                      \
        int rc_ = (call);                                                                                              \
        ck_assert_msg(rc_ == KZP_E_INVALID_ARG, "%s gave %s", #call, kzp_status_name(rc_));                            \
        ck_assert_msg(untouched(&(out), sizeof(out)), "%s wrote its output", #call);                                   \
    } while (0)

START_TEST(queries_refuse_null_and_unknown_flags)
{
    kzp_ctx *ctx = test_ctx();
    kzp_error err;
    kzp_mci m;
    EXPECT_INVALID(kzp_mci_on(NULL, ctx, "2026-02-10", KZP_PURPOSE_FINES, 0, &e_), m);
    EXPECT_INVALID(kzp_mci_on(&m, NULL, "2026-02-10", KZP_PURPOSE_FINES, 0, &e_), m);
    EXPECT_INVALID(kzp_mci_on(&m, ctx, NULL, KZP_PURPOSE_FINES, 0, &e_), m);
    EXPECT_INVALID(kzp_mci_on(&m, ctx, "2026-02-10", 7, 0, &e_), m);
    EXPECT_INVALID(kzp_mci_on(&m, ctx, "2026-02-10", KZP_PURPOSE_FINES, 0x100, &e_), m);

    kzp_range r;
    EXPECT_INVALID(kzp_range_get(NULL, ctx, "115-1", "2026-02-10", 0, &e_), r);
    EXPECT_INVALID(kzp_range_get(&r, NULL, "115-1", "2026-02-10", 0, &e_), r);
    EXPECT_INVALID(kzp_range_get(&r, ctx, NULL, "2026-02-10", 0, &e_), r);
    EXPECT_INVALID(kzp_range_get(&r, ctx, "115-1", NULL, 0, &e_), r);
    EXPECT_INVALID(kzp_range_get(&r, ctx, "115-1", "2026-02-10", 0x100, &e_), r);

    kzp_fine f;
    EXPECT_INVALID(kzp_fine_compute(NULL, ctx, "2026-02-10", kzp_hundredths(100), 0, &e_), f);
    EXPECT_INVALID(kzp_fine_compute(&f, NULL, "2026-02-10", kzp_hundredths(100), 0, &e_), f);
    EXPECT_INVALID(kzp_fine_compute(&f, ctx, NULL, kzp_hundredths(100), 0, &e_), f);
    EXPECT_INVALID(kzp_fine_compute(&f, ctx, "2026-02-10", kzp_hundredths(100), 0x100, &e_), f);

    kzp_check c;
    EXPECT_INVALID(kzp_check_sentence(NULL, ctx, "115-1", "2026-02-10", KZP_KIND_FINE, kzp_hundredths(100), 0, &e_), c);
    EXPECT_INVALID(kzp_check_sentence(&c, NULL, "115-1", "2026-02-10", KZP_KIND_FINE, kzp_hundredths(100), 0, &e_), c);
    EXPECT_INVALID(kzp_check_sentence(&c, ctx, NULL, "2026-02-10", KZP_KIND_FINE, kzp_hundredths(100), 0, &e_), c);
    EXPECT_INVALID(kzp_check_sentence(&c, ctx, "115-1", NULL, KZP_KIND_FINE, kzp_hundredths(100), 0, &e_), c);

    kzp_conversion v;
    EXPECT_INVALID(kzp_convert(NULL, ctx, KZP_KIND_FINE, kzp_hundredths(100), KZP_KIND_ARREST, &e_), v);
    EXPECT_INVALID(kzp_convert(&v, NULL, KZP_KIND_FINE, kzp_hundredths(100), KZP_KIND_ARREST, &e_), v);

    kzp_article a;
    EXPECT_INVALID(kzp_article_get(NULL, ctx, "115-1", &e_), a);
    EXPECT_INVALID(kzp_article_get(&a, NULL, "115-1", &e_), a);
    EXPECT_INVALID(kzp_article_get(&a, ctx, NULL, &e_), a);
    EXPECT_INVALID(kzp_article_at(&a, ctx, 1), a); /* one article: index 1 is past the end */
    EXPECT_INVALID(kzp_article_at(&a, NULL, 0), a);
    EXPECT_INVALID(kzp_article_at(NULL, ctx, 0), a);

    kzp_mci_period p;
    kzp_dataset_info info;
    ck_assert_int_eq(kzp_ctx_info(&info, ctx), KZP_OK);
    EXPECT_INVALID(kzp_mci_period_at(&p, ctx, info.mci_period_count), p);
    EXPECT_INVALID(kzp_mci_period_at(&p, NULL, 0), p);
    EXPECT_INVALID(kzp_mci_period_at(NULL, ctx, 0), p);
    EXPECT_INVALID(kzp_ctx_info(NULL, ctx), info);
    EXPECT_INVALID(kzp_ctx_info(&info, NULL), info);

    /* the error says what was wrong */
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, "2026-02-10", kzp_hundredths(100), 0x100, &err), KZP_E_INVALID_ARG);
    ck_assert_ptr_nonnull(strstr(err.message, "flag"));
    kzp_ctx_free(ctx);
}
END_TEST

START_TEST(contexts_refuse_null)
{
    kzp_ctx *base = test_ctx(), *out;
    kzp_error e;
    out = (kzp_ctx *)&e;
    ck_assert_int_eq(kzp_ctx_new(NULL, &e), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_ctx_new_from_buffer(NULL, "{}", 2, &e), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&out, NULL, 2, &e), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_ctx_new_from_file(NULL, "x.json", &e), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_ctx_new_from_file(&out, NULL, &e), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_ctx_new_with_mci(NULL, base, "{}", 2, &e), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_ctx_new_with_mci(&out, NULL, "{}", 2, &e), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_ctx_new_with_mci(&out, base, NULL, 2, &e), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_ctx_new_what_if(NULL, base, 5000, &e), KZP_E_INVALID_ARG);
    ck_assert_ptr_eq(out, (kzp_ctx *)&e); /* never written */
    /* a what-if MCI outside 1..1,000,000,000 tenge is a bad number, not a bad pointer */
    ck_assert_int_eq(kzp_ctx_new_what_if(&out, base, 0, &e), KZP_E_BAD_NUMBER);
    ck_assert_int_eq(kzp_ctx_new_what_if(&out, base, 1000000001, &e), KZP_E_BAD_NUMBER);
    ck_assert_ptr_eq(out, (kzp_ctx *)&e);
    kzp_ctx_free(NULL); /* harmless */
    kzp_ctx_free(base);
}
END_TEST

START_TEST(helpers_refuse_null)
{
    int v = 77;
    kzp_qty centi = {77};
    ck_assert_int_eq(kzp_kind_parse(NULL, "fine"), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_kind_parse(&v, NULL), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_purpose_parse(NULL, "fines"), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_purpose_parse(&v, NULL), KZP_E_INVALID_ARG);
    ck_assert_int_eq(v, 77);
    ck_assert_int_eq(kzp_date_check(NULL, NULL), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_qty_parse(NULL, "1", NULL), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_qty_parse(&centi, NULL, NULL), KZP_E_INVALID_ARG);
    ck_assert_int_eq(centi.centi, 77);
    char iso[11] = "unchanged";
    ck_assert_int_eq(kzp_date_parse(NULL, "2026-02-10", NULL), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_date_parse(iso, NULL, NULL), KZP_E_INVALID_ARG);
    ck_assert_str_eq(iso, "unchanged");
    ck_assert_int_eq(kzp_lang_parse(NULL, "ru", NULL), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_lang_parse(&v, NULL, NULL), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_money_style_parse(&v, NULL, NULL), KZP_E_INVALID_ARG);
    ck_assert_int_eq(v, 77);
    /* unknown enum values have no name, no label, no unit */
    ck_assert_ptr_null(kzp_kind_name(-1));
    ck_assert_ptr_null(kzp_kind_name(KZP_KIND_CORRECTIONAL_WORK + 1));
    ck_assert_ptr_null(kzp_unit_name(KZP_UNIT_DAYS + 1));
    ck_assert_ptr_null(kzp_purpose_name(-1));
    ck_assert_ptr_null(kzp_certainty_name(KZP_CERT_HYPOTHETICAL + 1));
    ck_assert_ptr_null(kzp_category_name(KZP_CATEGORY_CRIME + 1));
    ck_assert_ptr_null(kzp_violation_name(-1));
    ck_assert_ptr_null(kzp_kind_label(KZP_KIND_FINE, 3));
    ck_assert_ptr_null(kzp_kind_label(-1, KZP_LANG_RU));
    ck_assert_ptr_null(kzp_unit_label(KZP_UNIT_HOURS, -1, kzp_hundredths(100)));
    ck_assert_ptr_null(kzp_unit_label(9, KZP_LANG_EN, kzp_hundredths(100)));
    ck_assert_ptr_null(kzp_category_label(KZP_CATEGORY_CRIME, 3));
    ck_assert_ptr_null(kzp_category_label(2, KZP_LANG_KK));
    /* the status words cover every code and say so for an unknown one */
    ck_assert_str_eq(kzp_status_name(KZP_E_UNVERIFIED), "KZP_E_UNVERIFIED");
    ck_assert_ptr_nonnull(kzp_strerror(-999));
    ck_assert_ptr_nonnull(kzp_status_name(-999));
}
END_TEST

START_TEST(words_refuse_bad_languages_and_buffers)
{
    char buf[64];
    memset(buf, SENTINEL_BYTE, sizeof buf);
    ck_assert_int_eq(kzp_number_words(buf, sizeof buf, 5, 3, KZP_GENDER_MASCULINE, KZP_CASE_NOMINATIVE),
                     KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_number_words(buf, sizeof buf, 5, KZP_LANG_RU, 4, KZP_CASE_NOMINATIVE), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_number_words(buf, sizeof buf, 5, KZP_LANG_RU, KZP_GENDER_MASCULINE, 2), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_number_words(NULL, 8, 5, KZP_LANG_RU, KZP_GENDER_MASCULINE, KZP_CASE_NOMINATIVE),
                     KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_tenge_words(buf, sizeof buf, 100, -1), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_tenge_figures_words(buf, sizeof buf, 100, 3), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_tenge_words(NULL, 8, 100, KZP_LANG_EN), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_tenge_format(buf, sizeof buf, 100, 99), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_tenge_format(NULL, 8, 100, KZP_MONEY_SIGN), KZP_E_INVALID_ARG);
    ck_assert(untouched(buf, sizeof buf));
    /* size 0 with a NULL buffer asks for the length, as snprintf does: "one" is 3 bytes */
    ck_assert_int_eq(kzp_number_words(NULL, 0, 1, KZP_LANG_EN, KZP_GENDER_MASCULINE, KZP_CASE_NOMINATIVE), 3);

    kzp_ctx *ctx = test_ctx();
    kzp_range r;
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", 0, NULL), KZP_OK);
    ck_assert_int_eq(kzp_sanction_text(buf, sizeof buf, NULL, 0, KZP_LANG_RU), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_sanction_text(buf, sizeof buf, &r, r.sanction_count, KZP_LANG_RU), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_sanction_text(buf, sizeof buf, &r, 0, 3), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_sanction_text(NULL, 8, &r, 0, KZP_LANG_EN), KZP_E_INVALID_ARG);
    ck_assert(untouched(buf, sizeof buf));
    kzp_ctx_free(ctx);
}
END_TEST

START_TEST(validate_refuses_null)
{
    kzp_error list[2];
    size_t count = 99;
    ck_assert_int_eq(kzp_dataset_validate(list, 2, NULL, "{}", 2), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_dataset_validate(NULL, 2, &count, "{}", 2), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_dataset_validate(list, 2, &count, NULL, 2), KZP_E_INVALID_ARG);
    ck_assert_uint_eq(count, 99);
}
END_TEST

static Suite *args_suite(void)
{
    Suite *s = suite_create("args");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, queries_refuse_null_and_unknown_flags);
    tcase_add_test(tc, contexts_refuse_null);
    tcase_add_test(tc, helpers_refuse_null);
    tcase_add_test(tc, words_refuse_bad_languages_and_buffers);
    tcase_add_test(tc, validate_refuses_null);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(args_suite)
