/* Words, status names and versions. */
#include "test_util.h"

#include <stdio.h>

START_TEST(words_round_trip)
{
    int v = -1;
    ck_assert_str_eq(kzp_kind_name(KZP_KIND_COMMUNITY_SERVICE), "community_service");
    ck_assert_int_eq(kzp_kind_parse(&v, "arrest"), KZP_OK);
    ck_assert_int_eq(v, KZP_KIND_ARREST);
    ck_assert_int_eq(kzp_kind_parse(&v, "prison"), KZP_E_UNKNOWN_KIND);
    ck_assert_int_eq(v, KZP_KIND_ARREST);
    ck_assert_int_eq(kzp_kind_parse(NULL, "fine"), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_purpose_parse(&v, "benefits"), KZP_OK);
    ck_assert_int_eq(v, KZP_PURPOSE_BENEFITS);
    ck_assert_ptr_null(kzp_kind_name(4));
    ck_assert_ptr_null(kzp_kind_name(-1));
    ck_assert_str_eq(kzp_unit_name(KZP_UNIT_DAYS), "days");
    ck_assert_str_eq(kzp_purpose_name(KZP_PURPOSE_FINES), "fines");
    ck_assert_str_eq(kzp_certainty_name(KZP_CERT_UNVERIFIED), "unverified");
    ck_assert_str_eq(kzp_category_name(KZP_CATEGORY_CRIMINAL_OFFENCE), "criminal_offence");
}
END_TEST

START_TEST(statuses_have_names_and_messages)
{
    /* Every code from KZP_OK down to the last one has its own name. */
    for (int code = 0; code >= KZP_E_UNVERIFIED; code--) {
        ck_assert_str_ne(kzp_status_name(code), "KZP_E_UNKNOWN");
        ck_assert_str_ne(kzp_strerror(code), "unknown status code");
    }
    ck_assert_str_eq(kzp_status_name(KZP_E_MCI_STALE), "KZP_E_MCI_STALE");
    ck_assert_str_eq(kzp_status_name(-1000), "KZP_E_UNKNOWN");
    ck_assert_str_eq(kzp_strerror(1), "unknown status code");
    /* ABI: values never change. */
    ck_assert_int_eq(KZP_E_NOT_IN_FORCE, -16);
    ck_assert_int_eq(KZP_E_UNVERIFIED, -21);
    /* the bindings' class names: one per error status, none for success or unknown codes */
    ck_assert_ptr_null(kzp_status_class(KZP_OK));
    ck_assert_ptr_null(kzp_status_class(-1000));
    ck_assert_str_eq(kzp_status_class(KZP_E_IO), "DataFileError");
    ck_assert_str_eq(kzp_status_class(KZP_E_MCI_STALE), "StaleMciError");
    for (int code = -1; code >= KZP_E_UNVERIFIED; code--) {
        const char *c = kzp_status_class(code);
        ck_assert_ptr_nonnull(c);
        ck_assert_str_eq(c + strlen(c) - 5, "Error");
        for (int other = code - 1; other >= KZP_E_UNVERIFIED; other--) {
            ck_assert_str_ne(c, kzp_status_class(other));
        }
    }
}
END_TEST

START_TEST(genders_and_cases)
{
    int v = -1;
    kzp_error err;
    for (int g = 0; g < KZP_GENDER_COUNT; g++) {
        ck_assert_int_eq(kzp_gender_parse(&v, kzp_gender_name(g), &err), KZP_OK);
        ck_assert_int_eq(v, g);
    }
    ck_assert_str_eq(kzp_gender_name(KZP_GENDER_PLURAL), "plural");
    ck_assert_ptr_null(kzp_gender_name(KZP_GENDER_COUNT));
    ck_assert_str_eq(kzp_gcase_name(KZP_CASE_GENITIVE), "genitive");
    ck_assert_ptr_null(kzp_gcase_name(-1));
    ck_assert_int_eq(kzp_gcase_parse(&v, "nominative", NULL), KZP_OK);
    ck_assert_int_eq(v, KZP_CASE_NOMINATIVE);
    ck_assert_int_eq(kzp_gender_parse(&v, "male", &err), KZP_E_UNKNOWN_KIND);
    ck_assert_str_eq(err.message, "'male' is not a gender; expected one of: masculine, feminine, neuter, plural");
    ck_assert_int_eq(kzp_gcase_parse(&v, "dative", &err), KZP_E_UNKNOWN_KIND);
    ck_assert_str_eq(err.message, "'dative' is not a case; expected one of: nominative, genitive");
    ck_assert_int_eq(kzp_gcase_parse(NULL, "genitive", &err), KZP_E_INVALID_ARG);
    ck_assert_int_eq(v, KZP_CASE_NOMINATIVE); /* a failed parse leaves *out alone */
}
END_TEST

START_TEST(version)
{
    ck_assert_uint_eq(kzp_version_number(), KZP_VERSION_NUMBER);
    ck_assert_str_eq(kzp_version_string(), KZP_VERSION_STRING);
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", KZP_VERSION_MAJOR, KZP_VERSION_MINOR, KZP_VERSION_PATCH);
    ck_assert_str_eq(kzp_version_string(), want);
}
END_TEST

START_TEST(labels_in_three_languages)
{
    ck_assert_str_eq(kzp_kind_label(KZP_KIND_FINE, KZP_LANG_RU), "штраф");
    ck_assert_str_eq(kzp_kind_label(KZP_KIND_FINE, KZP_LANG_KK), "айыппұл");
    ck_assert_str_eq(kzp_kind_label(KZP_KIND_COMMUNITY_SERVICE, KZP_LANG_EN), "community service");
    ck_assert_str_eq(kzp_kind_label(KZP_KIND_ARREST, KZP_LANG_KK), "қамаққа алу");
    ck_assert_str_eq(kzp_category_label(KZP_CATEGORY_CRIMINAL_OFFENCE, KZP_LANG_RU), "уголовный проступок");
    ck_assert_ptr_null(kzp_kind_label(KZP_KIND_FINE, 3));
    ck_assert_ptr_null(kzp_kind_label(7, KZP_LANG_EN));
    ck_assert_ptr_null(kzp_unit_label(KZP_UNIT_HOURS, -1, kzp_hundredths(100)));
    ck_assert_ptr_null(kzp_category_label(2, KZP_LANG_EN));
}
END_TEST

START_TEST(russian_noun_agrees_with_the_number)
{
    /* 1, 21, 101 час; 2-4, 22, 102 часа; 0, 5-20, 25, 111-114, 200 часов; a fraction: часа */
    struct {
        int64_t n;
        const char *hours, *days;
    } cases[] = {
        {1, "час", "сутки"},     {2, "часа", "суток"},    {4, "часа", "суток"},    {5, "часов", "суток"},
        {11, "часов", "суток"},  {12, "часов", "суток"},  {14, "часов", "суток"},  {21, "час", "сутки"},
        {22, "часа", "суток"},   {25, "часов", "суток"},  {100, "часов", "суток"}, {101, "час", "сутки"},
        {111, "часов", "суток"}, {112, "часов", "суток"}, {200, "часов", "суток"}, {0, "часов", "суток"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert_str_eq(kzp_unit_label(KZP_UNIT_HOURS, KZP_LANG_RU, kzp_hundredths(cases[i].n * 100)), cases[i].hours);
        ck_assert_str_eq(kzp_unit_label(KZP_UNIT_DAYS, KZP_LANG_RU, kzp_hundredths(cases[i].n * 100)), cases[i].days);
    }
    ck_assert_str_eq(kzp_unit_label(KZP_UNIT_HOURS, KZP_LANG_RU, kzp_hundredths(1250)), "часа"); /* 12,5 часа */
    ck_assert_str_eq(kzp_unit_label(KZP_UNIT_DAYS, KZP_LANG_RU, kzp_hundredths(50)), "суток");   /* 0,5 суток */
    ck_assert_str_eq(kzp_unit_label(KZP_UNIT_MCI, KZP_LANG_RU, kzp_hundredths(20000)), "МРП");
    /* English: 1 hour, 2 hours, 0.5 hours; Kazakh does not change */
    ck_assert_str_eq(kzp_unit_label(KZP_UNIT_HOURS, KZP_LANG_EN, kzp_hundredths(100)), "hour");
    ck_assert_str_eq(kzp_unit_label(KZP_UNIT_DAYS, KZP_LANG_EN, kzp_hundredths(5000)), "days");
    ck_assert_str_eq(kzp_unit_label(KZP_UNIT_HOURS, KZP_LANG_EN, kzp_hundredths(50)), "hours");
    ck_assert_str_eq(kzp_unit_label(KZP_UNIT_DAYS, KZP_LANG_KK, kzp_hundredths(100)), "тәулік");
    ck_assert_str_eq(kzp_unit_label(KZP_UNIT_DAYS, KZP_LANG_KK, kzp_hundredths(5000)), "тәулік");
    ck_assert_str_eq(kzp_unit_label(KZP_UNIT_MCI, KZP_LANG_KK, kzp_hundredths(20000)), "АЕК");
}
END_TEST

START_TEST(languages_styles_and_limits)
{
    int v = -1;
    kzp_error err;
    for (int lang = 0; lang < KZP_LANG_COUNT; lang++) {
        ck_assert_int_eq(kzp_lang_parse(&v, kzp_lang_name(lang), &err), KZP_OK);
        ck_assert_int_eq(v, lang);
    }
    ck_assert_str_eq(kzp_lang_name(KZP_LANG_KK), "kk");
    ck_assert_ptr_null(kzp_lang_name(3));
    ck_assert_int_eq(kzp_lang_parse(&v, "de", &err), KZP_E_UNKNOWN_KIND);
    ck_assert_str_eq(err.message, "'de' is not a language; expected one of: en, ru, kk");
    ck_assert_int_eq(kzp_lang_parse(&v, "RU", &err), KZP_E_UNKNOWN_KIND); /* exact codes only */
    ck_assert_int_eq(v, KZP_LANG_KK);
    for (int style = 0; style < KZP_MONEY_STYLE_COUNT; style++) {
        ck_assert_int_eq(kzp_money_style_parse(&v, kzp_money_style_name(style), NULL), KZP_OK);
        ck_assert_int_eq(v, style);
    }
    ck_assert_int_eq(kzp_money_style_parse(&v, "usd", &err), KZP_E_UNKNOWN_KIND);
    ck_assert_ptr_nonnull(strstr(err.message, "sign, ru, kk, en, plain"));
    ck_assert_int_eq(kzp_lang_money_style(KZP_LANG_EN), KZP_MONEY_EN);
    ck_assert_int_eq(kzp_lang_money_style(KZP_LANG_RU), KZP_MONEY_RU);
    ck_assert_int_eq(kzp_lang_money_style(KZP_LANG_KK), KZP_MONEY_KK);
    ck_assert_int_eq(kzp_lang_money_style(7), KZP_E_INVALID_ARG);
    /* the statuses are 0 .. -(count - 1), each named */
    ck_assert_int_eq(kzp_status_count(), 22);
    ck_assert_str_eq(kzp_status_name(-(kzp_status_count() - 1)), "KZP_E_UNVERIFIED");
    ck_assert_str_eq(kzp_status_name(-kzp_status_count()), "KZP_E_UNKNOWN");
    /* the getters say what the macros say */
    ck_assert_uint_eq(kzp_max_sanctions(), KZP_MAX_SANCTIONS);
    ck_assert_uint_eq(kzp_max_basis(), KZP_MAX_BASIS);
    ck_assert_uint_eq(kzp_max_payments(), KZP_MAX_PAYMENTS);
    ck_assert_int_eq(kzp_words_max(), KZP_WORDS_MAX);
    ck_assert_uint_eq(kzp_max_dataset_bytes(), 67108864); /* 64 MiB */
}
END_TEST

START_TEST(utf8_and_messages)
{
    ck_assert_uint_eq(kzp_utf8_char_len("a", 1), 1);
    ck_assert_uint_eq(kzp_utf8_char_len("\xD0\x9F", 2), 2);         /* П */
    ck_assert_uint_eq(kzp_utf8_char_len("\xE2\x82\xB8", 3), 3);     /* ₸ */
    ck_assert_uint_eq(kzp_utf8_char_len("\xF0\x9F\x98\x80", 4), 4); /* U+1F600 */
    ck_assert_uint_eq(kzp_utf8_char_len("\xC0\x80", 2), 0);         /* an overlong NUL */
    ck_assert_uint_eq(kzp_utf8_char_len("\xED\xA0\x80", 3), 0);     /* a UTF-16 surrogate */
    ck_assert_uint_eq(kzp_utf8_char_len("\xF4\x90\x80\x80", 4), 0); /* beyond U+10FFFF */
    ck_assert_uint_eq(kzp_utf8_char_len("\xE2\x82\xB8", 2), 0);     /* cut: only 2 of its 3 bytes may be read */
    ck_assert_uint_eq(kzp_utf8_char_len("\xFF", 1), 0);
    char buf[8];
    /* "abcdefghij" in 8 bytes: 4 letters, then U+2026 (3 bytes) and the NUL */
    memcpy(buf, "abcdefg", 8); /* as snprintf leaves it, returning 10 */
    kzp_message_mend(buf, sizeof buf, 10);
    ck_assert_str_eq(buf, "abcd\xE2\x80\xA6");
    /* "abПРИВЕТ" cut inside И's first byte: the cut steps back to a boundary after П */
    memcpy(buf, "ab\xD0\x9F\xD0\xA0\xD0", 8); /* as snprintf leaves it, returning 8 */
    kzp_message_mend(buf, sizeof buf, 8);
    ck_assert_str_eq(buf, "ab\xD0\x9F\xE2\x80\xA6");
    /* not cut; a byte that is not UTF-8 becomes '?' */
    memcpy(buf,
           "a\xFF"
           "b",
           4);
    kzp_message_mend(buf, sizeof buf, 3);
    ck_assert_str_eq(buf, "a?b");
}
END_TEST

static Suite *vocab_suite(void)
{
    Suite *s = suite_create("vocab");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, words_round_trip);
    tcase_add_test(tc, statuses_have_names_and_messages);
    tcase_add_test(tc, version);
    tcase_add_test(tc, labels_in_three_languages);
    tcase_add_test(tc, russian_noun_agrees_with_the_number);
    tcase_add_test(tc, languages_styles_and_limits);
    tcase_add_test(tc, genders_and_cases);
    tcase_add_test(tc, utf8_and_messages);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(vocab_suite)
