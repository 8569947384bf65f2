/* Shared by the unit suites: a main() that runs one suite, and small helpers. */
#ifndef KZP_TEST_UTIL_H
#define KZP_TEST_UTIL_H

#include <check.h>
#include <kzpenalty.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KZP_TEST_MAIN(make_suite)                                                                                      \
    int main(void)                                                                                                     \
    {                                                                                                                  \
        SRunner *sr = srunner_create(make_suite());                                                                    \
        srunner_run_all(sr, CK_NORMAL);                                                                                \
        int failed = srunner_ntests_failed(sr);                                                                        \
        srunner_free(sr);                                                                                              \
        return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;                                                              \
    }

/* A context from the embedded dataset; fails the test if it cannot be built. */
static inline kzp_ctx *test_ctx(void)
{
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc = kzp_ctx_new(&ctx, &err);
    ck_assert_msg(rc == KZP_OK, "kzp_ctx_new: %s", err.message);
    return ctx;
}

/* Read a whole file into a NUL-terminated malloc'ed buffer. */
static inline char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    if (len) {
        *len = (size_t)n;
    }
    return buf;
}

/* A malloc'ed copy of text with the first occurrence of find replaced by with; fails the
 * test if find is not there. *line (if not NULL) receives the 1-based line of the change. */
static inline char *test_replace_once(const char *text, const char *find, const char *with, int *line)
{
    const char *at = strstr(text, find);
    ck_assert_msg(at != NULL, "not in the text: %s", find);
    size_t pre = (size_t)(at - text), flen = strlen(find), wlen = strlen(with), len = strlen(text);
    char *out = malloc(len - flen + wlen + 1);
    ck_assert_ptr_nonnull(out);
    memcpy(out, text, pre);
    memcpy(out + pre, with, wlen);
    memcpy(out + pre + wlen, at + flen, len - pre - flen + 1);
    if (line) {
        *line = 1;
        for (size_t i = 0; i < pre; i++) {
            *line += text[i] == '\n';
        }
    }
    return out;
}

#endif
