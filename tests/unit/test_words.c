/* Words: the hand-written table of tests/vectors/words.json (numbers in three languages,
 * Russian genders and the genitive, tenge amounts, sanction sentences), and buffer rules. */
#include "test_util.h"

#include <jansson.h>

static json_t *doc;

static void setup(void)
{
    json_error_t jerr;
    doc = json_load_file(KZP_SOURCE_DIR "/tests/vectors/words.json", JSON_REJECT_DUPLICATES, &jerr);
    ck_assert_msg(doc != NULL, "words.json: %s", jerr.text);
}

static void teardown(void)
{
    json_decref(doc);
}

static const char *const LANGS[3] = {"en", "ru", "kk"};

static int lang_of(const char *s)
{
    for (int i = 0; i < 3; i++) {
        if (strcmp(s, LANGS[i]) == 0) {
            return i;
        }
    }
    ck_abort_msg("unknown language %s", s);
    return -1;
}

START_TEST(numbers_in_three_languages)
{
    json_t *cases = json_object_get(doc, "numbers");
    ck_assert_uint_ge(json_array_size(cases), 60);
    size_t i;
    json_t *c;
    json_array_foreach(cases, i, c)
    {
        int64_t n = json_integer_value(json_object_get(c, "n"));
        for (int lang = 0; lang < 3; lang++) {
            char buf[1024];
            int len = kzp_number_words(buf, sizeof buf, n, lang, KZP_GENDER_MASCULINE, KZP_CASE_NOMINATIVE);
            const char *want = json_string_value(json_object_get(c, LANGS[lang]));
            ck_assert_msg(want && strcmp(buf, want) == 0, "%lld in %s: '%s', want '%s'", (long long)n, LANGS[lang], buf,
                          want);
            ck_assert_int_eq(len, (int)strlen(want));
        }
    }
}
END_TEST

START_TEST(russian_gender_and_case)
{
    static const char *const GENDERS[] = {"masculine", "feminine", "neuter", "plural"};
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(doc, "russian_forms"), i, c)
    {
        int gender = -1;
        for (int g = 0; g < 4; g++) {
            gender = strcmp(json_string_value(json_object_get(c, "gender")), GENDERS[g]) == 0 ? g : gender;
        }
        int gcase = strcmp(json_string_value(json_object_get(c, "case")), "genitive") == 0 ? KZP_CASE_GENITIVE
                                                                                           : KZP_CASE_NOMINATIVE;
        int64_t n = json_integer_value(json_object_get(c, "n"));
        char buf[512];
        kzp_number_words(buf, sizeof buf, n, KZP_LANG_RU, gender, gcase);
        ck_assert_msg(strcmp(buf, json_string_value(json_object_get(c, "ru"))) == 0, "%lld %s: '%s'", (long long)n,
                      json_string_value(json_object_get(c, "case")), buf);
    }
}
END_TEST

START_TEST(tenge_amounts)
{
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(doc, "tenge"), i, c)
    {
        int64_t tiyn = json_integer_value(json_object_get(c, "tiyn"));
        static const char *const KINDS[2] = {"words", "figures_words"};
        for (int k = 0; k < 2; k++) {
            json_t *want = json_object_get(c, KINDS[k]);
            const char *lang_key;
            json_t *text;
            json_object_foreach(want, lang_key, text)
            {
                char buf[1024];
                int lang = lang_of(lang_key);
                int len = k == 0 ? kzp_tenge_words(buf, sizeof buf, tiyn, lang)
                                 : kzp_tenge_figures_words(buf, sizeof buf, tiyn, lang);
                ck_assert_msg(strcmp(buf, json_string_value(text)) == 0, "%lld tiyn %s %s: '%s'", (long long)tiyn,
                              KINDS[k], lang_key, buf);
                ck_assert_int_eq(len, (int)strlen(buf));
            }
        }
    }
}
END_TEST

START_TEST(out_of_range)
{
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(doc, "errors"), i, c)
    {
        char buf[64] = "untouched";
        int rc = json_object_get(c, "n")
                     ? kzp_number_words(buf, sizeof buf, json_integer_value(json_object_get(c, "n")), KZP_LANG_RU, 0, 0)
                     : kzp_tenge_words(buf, sizeof buf, json_integer_value(json_object_get(c, "tiyn")), KZP_LANG_RU);
        ck_assert_str_eq(kzp_status_name(rc), json_string_value(json_object_get(c, "error")));
        ck_assert_str_eq(buf, "untouched");
    }
    char buf[16];
    ck_assert_int_eq(kzp_number_words(buf, sizeof buf, 5, 3, 0, 0), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_number_words(buf, sizeof buf, 5, KZP_LANG_RU, 4, 0), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_number_words(buf, sizeof buf, 5, KZP_LANG_RU, 0, 2), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_number_words(NULL, 4, 5, KZP_LANG_RU, 0, 0), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_tenge_figures_words(buf, sizeof buf, 100, -1), KZP_E_INVALID_ARG);
}
END_TEST

START_TEST(buffers_follow_snprintf)
{
    /* "восемьсот шестьдесят пять тысяч": 28 letters (2 bytes each) and 3 spaces = 59 bytes */
    char small[10];
    int need = kzp_number_words(small, sizeof small, 865000, KZP_LANG_RU, 0, 0);
    ck_assert_int_eq(need, 59);
    /* 9 bytes would end inside the fifth letter: a cut never splits a character */
    ck_assert_str_eq(small, "восе");
    ck_assert_int_eq(kzp_number_words(NULL, 0, 865000, KZP_LANG_RU, 0, 0), 59);
    /* "eight hundred sixty-five thousand tenge" is 39 bytes */
    ck_assert_int_eq(kzp_tenge_words(NULL, 0, 86500000, KZP_LANG_EN), 39);
    char exact[40];
    ck_assert_int_eq(kzp_tenge_words(exact, sizeof exact, 86500000, KZP_LANG_EN), 39);
    ck_assert_str_eq(exact, "eight hundred sixty-five thousand tenge");
    char one_short[39];
    kzp_tenge_words(one_short, sizeof one_short, 86500000, KZP_LANG_EN);
    ck_assert_str_eq(one_short, "eight hundred sixty-five thousand teng");
}
END_TEST

START_TEST(sanction_sentences)
{
    kzp_ctx *ctx = test_ctx();
    size_t i;
    json_t *c;
    size_t checked = 0;
    json_array_foreach(json_object_get(doc, "sentences"), i, c)
    {
        kzp_range r;
        unsigned flags = (json_is_true(json_object_get(c, "mitigated")) ? KZP_Q_MITIGATED : 0) |
                         (json_is_true(json_object_get(c, "order_procedure")) ? KZP_Q_ORDER_PROCEDURE : 0);
        ck_assert_int_eq(kzp_range_get(&r, ctx, json_string_value(json_object_get(c, "article")),
                                       json_string_value(json_object_get(c, "date")), flags, NULL),
                         KZP_OK);
        int lang = lang_of(json_string_value(json_object_get(c, "lang")));
        json_t *texts = json_object_get(c, "texts");
        ck_assert_uint_eq(json_array_size(texts), r.sanction_count);
        for (size_t k = 0; k < r.sanction_count; k++) {
            char buf[2048];
            int len = kzp_sanction_text(buf, sizeof buf, &r, k, lang);
            ck_assert_msg(strcmp(buf, json_string_value(json_array_get(texts, k))) == 0, "%s %zu: '%s'", LANGS[lang], k,
                          buf);
            ck_assert_int_eq(len, (int)strlen(buf));
            checked++;
        }
    }
    ck_assert_uint_ge(checked, 31); /* 7 cases of 4 alternatives, 3 of the order procedure's fine */
    kzp_range r;
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", 0, NULL), KZP_OK);
    char buf[8];
    ck_assert_int_eq(kzp_sanction_text(buf, sizeof buf, &r, 4, KZP_LANG_RU), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_sanction_text(buf, sizeof buf, NULL, 0, KZP_LANG_RU), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_sanction_text(buf, sizeof buf, &r, 0, 9), KZP_E_INVALID_ARG);
    kzp_ctx_free(ctx);
}
END_TEST

START_TEST(fraction_stays_in_figures)
{
    /* A dataset with an odd maximum: half of 25 days is 12.5 days, written in figures only,
     * and the Russian noun takes the genitive singular after a fraction ("12,5 суток"). */
    size_t len;
    char *text = test_read_file(KZP_SOURCE_DIR "/data/kzpenalty.json", &len);
    char *at = strstr(text, "\"kind\": \"arrest\", \"unit\": \"days\", \"min\": null, \"max\": 50,");
    ck_assert_ptr_nonnull(at);
    memcpy(strstr(at, "50,"), "25,", 3);
    kzp_ctx *ctx = NULL;
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&ctx, text, len, NULL), KZP_OK);
    kzp_range r;
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", KZP_Q_MITIGATED, NULL), KZP_OK);
    char buf[512];
    kzp_sanction_text(buf, sizeof buf, &r, 3, KZP_LANG_RU);
    ck_assert_str_eq(buf, "арест на срок до 12,5 суток (с учетом ч. 2 ст. 55 УК РК: не более половины максимума)");
    kzp_sanction_text(buf, sizeof buf, &r, 3, KZP_LANG_EN);
    ck_assert_str_eq(buf, "arrest of up to 12.5 days (Art. 55 part 2 applied: at most half of the maximum)");
    kzp_ctx_free(ctx);
    free(text);
}
END_TEST

static Suite *words_suite(void)
{
    Suite *s = suite_create("words");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, numbers_in_three_languages);
    tcase_add_test(tc, russian_gender_and_case);
    tcase_add_test(tc, tenge_amounts);
    tcase_add_test(tc, out_of_range);
    tcase_add_test(tc, buffers_follow_snprintf);
    tcase_add_test(tc, sanction_sentences);
    tcase_add_test(tc, fraction_stays_in_figures);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(words_suite)
