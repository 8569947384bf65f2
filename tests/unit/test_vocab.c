/* Words, status names and versions. */
#include "test_util.h"

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

static Suite *vocab_suite(void)
{
    Suite *s = suite_create("vocab");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, words_round_trip);
    tcase_add_test(tc, statuses_have_names_and_messages);
    tcase_add_test(tc, version);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(vocab_suite)
