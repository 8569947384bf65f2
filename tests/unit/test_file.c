/* Reading a dataset from a file: only regular files, never blocking on a FIFO, at most 64 MiB
 * (67,108,864 bytes, as include/kzpenalty.h states), a long path shortened on a character
 * boundary in messages, and kzp_dataset_validate_file's answers for each. */
#define _GNU_SOURCE // NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): mkdtemp, mkfifo
#include "test_util.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define LIMIT 67108864L /* 64 MiB */

static char dir[64];

static void setup(void)
{
    strcpy(dir, "/tmp/kzp-file-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static void in_dir(char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/%s", dir, name);
}

/* Refused with KZP_E_IO and a message naming the kind of file, both by the loader and by the
 * validator, which lists it as its one problem. */
static void refused_as(const char *path, const char *kind)
{
    kzp_ctx *sentinel = (kzp_ctx *)&dir, *out = sentinel;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_from_file(&out, path, &err), KZP_E_IO);
    ck_assert_msg(strstr(err.message, kind) != NULL, "%s: %s", path, err.message);
    ck_assert_ptr_nonnull(strstr(err.message, "a dataset must be a regular file"));
    ck_assert_ptr_eq(out, sentinel);
    kzp_error list[2];
    size_t count = 0;
    ck_assert_int_eq(kzp_dataset_validate_file(list, 2, &count, path), KZP_E_IO);
    ck_assert_uint_eq(count, 1);
    ck_assert_str_eq(list[0].message, err.message);
    count = 0;
    ck_assert_int_eq(kzp_dataset_validate_file(NULL, 0, &count, path), KZP_E_IO); /* counted, not stored */
    ck_assert_uint_eq(count, 1);
}

START_TEST(only_regular_files)
{
    char path[128];
    refused_as(dir, "is a directory");
    refused_as("/dev/null", "is a character device");
    /* a FIFO with no writer: opening it for reading would wait for one; the test would time out */
    in_dir(path, sizeof path, "fifo");
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    refused_as(path, "is a FIFO (named pipe)");
    in_dir(path, sizeof path, "socket");
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    ck_assert_int_ge(s, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    ck_assert_uint_lt(strlen(path), sizeof addr.sun_path);
    memcpy(addr.sun_path, path, strlen(path) + 1);
    ck_assert_int_eq(bind(s, (struct sockaddr *)&addr, sizeof addr), 0);
    refused_as(path, "is a socket");
    close(s);
}
END_TEST

/* A file of exactly n bytes: the shipped dataset followed by spaces. */
static void padded_dataset(const char *path, long n)
{
    size_t len;
    char *text = test_read_file(KZP_SOURCE_DIR "/data/kzpenalty.json", &len);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(text, 1, len, f), len);
    static char spaces[1 << 16];
    memset(spaces, ' ', sizeof spaces);
    for (long left = n - (long)len; left > 0;) {
        size_t k = left < (long)sizeof spaces ? (size_t)left : sizeof spaces;
        ck_assert_uint_eq(fwrite(spaces, 1, k, f), k);
        left -= (long)k;
    }
    ck_assert_int_eq(fclose(f), 0);
    free(text);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_size, n);
}

START_TEST(the_size_limit_is_64_mib_exactly)
{
    char path[128];
    in_dir(path, sizeof path, "big.json");
    kzp_ctx *ctx = NULL, *embedded = NULL;
    kzp_error err;
    padded_dataset(path, LIMIT);
    ck_assert_msg(kzp_ctx_new_from_file(&ctx, path, &err) == KZP_OK, "%s", err.message);
    /* the same data as the embedded dataset: 200 MCI x 4,325 = 865,000 tenge. The fingerprint is
     * of the text as loaded (include/kzpenalty.h), so the spaces give it another one. */
    ck_assert_int_eq(kzp_ctx_new(&embedded, NULL), KZP_OK);
    kzp_dataset_info a, b;
    kzp_ctx_info(&a, ctx);
    kzp_ctx_info(&b, embedded);
    ck_assert_str_eq(a.version, b.version);
    ck_assert_str_ne(a.fingerprint, b.fingerprint);
    kzp_fine f;
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, "2026-02-10", kzp_hundredths(20000), 0, NULL), KZP_OK);
    ck_assert_int_eq(f.amount_tiyn, 86500000);
    kzp_ctx_free(ctx);
    kzp_ctx_free(embedded);

    padded_dataset(path, LIMIT + 1);
    kzp_ctx *sentinel = (kzp_ctx *)&err, *out = sentinel;
    ck_assert_int_eq(kzp_ctx_new_from_file(&out, path, &err), KZP_E_IO);
    ck_assert_ptr_nonnull(strstr(err.message, "is 67108865 bytes; a dataset may have at most 67108864 (64 MiB)"));
    ck_assert_ptr_eq(out, sentinel);
}
END_TEST

START_TEST(a_file_that_reports_no_size_is_read_whole)
{
    /* /proc files are regular files whose size is 0 until read: the reader must not trust the
     * size, and must read them to the end (growing its buffer), so the parser sees the text */
    kzp_ctx *out = NULL;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_from_file(&out, "/proc/self/status", &err), KZP_E_JSON);
    ck_assert_int_eq(err.line, 1);
    ck_assert_ptr_null(out);
}
END_TEST

/* True if s is valid UTF-8. */
static bool valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 1 : (*p >> 5) == 0x6 ? 2 : (*p >> 4) == 0xE ? 3 : (*p >> 3) == 0x1E ? 4 : 0;
        for (int i = 1; i < n; i++) {
            if ((p[i] & 0xC0) != 0x80) {
                return false;
            }
        }
        if (n == 0) {
            return false;
        }
        p += n;
    }
    return true;
}

START_TEST(a_long_path_is_shortened_and_the_reason_kept)
{
    /* 1 ASCII byte then 80 Cyrillic letters of 2 bytes: 161 bytes; cut at byte 96, which is the
     * second byte of a letter, so the cut moves back one byte to 95 */
    char path[256] = "/";
    for (int i = 0; i < 80; i++) {
        strcat(path, "Ж");
    }
    strcat(path, "/x.json");
    kzp_error err;
    kzp_ctx *out = NULL;
    ck_assert_int_eq(kzp_ctx_new_from_file(&out, path, &err), KZP_E_IO);
    ck_assert(valid_utf8(err.message));
    char want[160];
    snprintf(want, sizeof want, "cannot open '%.95s\xE2\x80\xA6': No such file or directory", path);
    ck_assert_str_eq(err.message, want);
    kzp_error list[1];
    size_t count = 0;
    ck_assert_int_eq(kzp_dataset_validate_file(list, 1, &count, path), KZP_E_IO);
    ck_assert_str_eq(list[0].message, want);
}
END_TEST

START_TEST(validate_file_answers)
{
    kzp_error list[16];
    size_t count = 7;
    ck_assert_int_eq(kzp_dataset_validate_file(list, 16, &count, KZP_SOURCE_DIR "/data/kzpenalty.json"), KZP_OK);
    ck_assert_uint_eq(count, 0);
    /* the command's test file with several problems: all are listed, not only the first */
    ck_assert_int_ne(kzp_dataset_validate_file(list, 16, &count, KZP_SOURCE_DIR "/tests/cli/data/bad-dataset.json"),
                     KZP_OK);
    ck_assert_uint_gt(count, 1);
    ck_assert_int_eq(kzp_dataset_validate_file(list, 16, NULL, "x.json"), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_dataset_validate_file(list, 16, &count, NULL), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_dataset_validate_file(NULL, 1, &count, "x.json"), KZP_E_INVALID_ARG);
}
END_TEST

static Suite *file_suite(void)
{
    Suite *s = suite_create("file");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60); /* writing 128 MiB under valgrind */
    tcase_add_test(tc, only_regular_files);
    tcase_add_test(tc, the_size_limit_is_64_mib_exactly);
    tcase_add_test(tc, a_file_that_reports_no_size_is_read_whole);
    tcase_add_test(tc, a_long_path_is_shortened_and_the_reason_kept);
    tcase_add_test(tc, validate_file_answers);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(file_suite)
