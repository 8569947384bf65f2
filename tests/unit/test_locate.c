/* kzp_json_locate, the private helper that turns a problem's JSON path into a line and a
 * column (1-based; columns in bytes) in the dataset text. Every expected position below is
 * counted by hand in the short texts. */
#include "test_util.h"

#include "kzp_internal.h"

static void expect_at(const char *text, const char *path, int line, int column)
{
    int l = 0, c = 0;
    kzp_json_locate(text, strlen(text), path, &l, &c);
    ck_assert_msg(l == line && c == column, "%s: line %d column %d, want %d:%d", path ? path : "(null)", l, c, line,
                  column);
}

START_TEST(members_elements_and_whitespace)
{
    static const char t[] = "{\"a\": 1,\r\n\t\"b\": [10, {\"c\": \"x\\\"y\"}, 30]}";
    expect_at(t, "$", 1, 1);
    expect_at(t, "$.a", 1, 7);       /* the 1 after "a": */
    expect_at(t, "$.b", 2, 7);       /* line 2: tab, "b", colon, space, then [ in column 7 */
    expect_at(t, "$.b[0]", 2, 8);    /* 10 */
    expect_at(t, "$.b[1]", 2, 12);   /* { */
    expect_at(t, "$.b[1].c", 2, 18); /* the string "x\"y" */
    expect_at(t, "$.b[2]", 2, 27);   /* 30, after the string with an escaped quote */
}
END_TEST

START_TEST(missing_parts_stop_at_the_deepest_found)
{
    static const char t[] = "{\"a\": {\"b\": [1, 2]}, \"z\": true}";
    expect_at(t, "$.a.b[5]", 1, 13);   /* no element 5: the array itself */
    expect_at(t, "$.a.q", 1, 7);       /* no member q: the object a */
    expect_at(t, "$.z.deeper", 1, 27); /* true has no members */
    expect_at(t, "$.a[0]", 1, 7);      /* a is not an array */
    expect_at(t, "$.z[0]", 1, 27);
    expect_at(t, "$.nothing", 1, 1);
    expect_at(t, "no dollar", 1, 1); /* not a path: the start */
    expect_at(t, NULL, 1, 1);
    expect_at(t, "$?", 1, 1);       /* an unknown step ends the walk */
    expect_at(t, "$.a.b[1", 1, 17); /* an unclosed index still counts */
}
END_TEST

START_TEST(bracketed_keys_with_escapes)
{
    static const char t[] = "{\"x.y\": 1, \"q\\\"r\": 2, \"b\\\\s\": 3}";
    expect_at(t, "$[\"x.y\"]", 1, 9);
    expect_at(t, "$[\"q\\\"r\"]", 1, 20); /* key q"r, written q\"r in the text and in the path */
    expect_at(t, "$[\"b\\\\s\"]", 1, 31); /* key b\s */
    expect_at(t, "$[\"absent\"]", 1, 1);
    expect_at(t, "$[\"unclosed", 1, 1);
    expect_at("[1]", "$[\"k\"]", 1, 1); /* a key asked of an array */
}
END_TEST

START_TEST(positions_of_offsets)
{
    int l, c;
    kzp_text_position("ab\ncd", 5, 4, &l, &c);
    ck_assert_int_eq(l, 2);
    ck_assert_int_eq(c, 2);
    kzp_text_position("ab", 2, 99, &l, &c); /* past the end: the end */
    ck_assert_int_eq(l, 1);
    ck_assert_int_eq(c, 3);
}
END_TEST

static Suite *locate_suite(void)
{
    Suite *s = suite_create("locate");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, members_elements_and_whitespace);
    tcase_add_test(tc, missing_parts_stop_at_the_deepest_found);
    tcase_add_test(tc, bracketed_keys_with_escapes);
    tcase_add_test(tc, positions_of_offsets);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(locate_suite)
