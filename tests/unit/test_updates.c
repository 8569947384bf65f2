/* MCI update files (kzp_ctx_new_with_mci_file, kzp_ctx_new_with_updates) and the SHA-256 on
 * receipts (kzp_ctx_sha256). Expected amounts are worked out by hand in the comments; each
 * SHA-256 is compared with nettle's own of the same bytes, and the command's test compares the
 * embedded one with Python's hashlib (tests/cli/updates_and_sha256.py). */
#define _GNU_SOURCE // NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): mkdtemp, setenv
#include "test_util.h"

#include <nettle/sha2.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void setup(void)
{
    strcpy(dir, "/tmp/kzp-updates-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Write text to dir/name, making the directories name has on the way. */
static void put(char *path, size_t n, const char *name, const char *text)
{
    snprintf(path, n, "%s/%s", dir, name);
    for (char *slash = path + strlen(dir) + 1; (slash = strchr(slash, '/')) != NULL; slash++) {
        *slash = '\0';
        mkdir(path, 0700); /* may exist already */
        *slash = '/';
    }
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fputs(text, f) >= 0, 1);
    ck_assert_int_eq(fclose(f), 0);
}

/* nettle's SHA-256 of a text, in hex: what the library must report for it */
static void sha_of(char out[65], const char *text, size_t len)
{
    struct sha256_ctx c;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&c);
    sha256_update(&c, len, (const uint8_t *)text);
    sha256_digest(&c, sizeof d, d);
    for (size_t i = 0; i < sizeof d; i++) {
        snprintf(out + 2 * i, 3, "%02x", d[i]);
    }
}

/* An update of one period from the day from at tenge per MCI, known to the end of that year, its
 * citation with the given status. */
static void update_text(char *buf, size_t n, const char *id, const char *from, int tenge, const char *status)
{
    snprintf(buf, n,
             "{\"citations\": [{\"id\": \"%s\", \"act\": \"test act %s\", \"reference\": \"MCI from %s\", "
             "\"document\": \"\", \"seen_in\": \"a unit test\", \"note\": \"\", \"status\": \"%s\"}], "
             "\"known_until\": \"%.4s-12-31\", \"known_until_citation\": \"%s\", "
             "\"periods\": [{\"from\": \"%s\", \"tenge\": %d, \"purpose\": \"all\", \"citation\": \"%s\"}]}",
             id, id, from, status, from, id, from, tenge, id);
}

static int64_t fine_tiyn(const kzp_ctx *ctx, const char *date, int64_t mci)
{
    kzp_fine f;
    kzp_error err;
    int rc = kzp_fine_compute(&f, ctx, date, kzp_whole(mci), 0, &err);
    ck_assert_msg(rc == KZP_OK, "%s", err.message);
    return f.amount_tiyn;
}

START_TEST(the_embedded_dataset_has_the_sha256_of_its_file)
{
    size_t len = 0;
    char *text = test_read_file(KZP_SOURCE_DIR "/data/kzpenalty.json", &len);
    char want[65];
    sha_of(want, text, len);
    kzp_ctx *ctx = test_ctx();
    ck_assert_str_eq(kzp_ctx_sha256(ctx), want); /* computed by cmake/embed.cmake */
    kzp_ctx *loaded = NULL;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&loaded, text, len, &err), KZP_OK);
    ck_assert_str_eq(kzp_ctx_sha256(loaded), want); /* computed at load, with nettle */
    /* a what-if keeps the dataset's SHA-256; the receipt flags it hypothetical */
    kzp_ctx *w = NULL;
    ck_assert_int_eq(kzp_ctx_new_what_if(&w, loaded, 5000, &err), KZP_OK);
    ck_assert_str_eq(kzp_ctx_sha256(w), want);
    ck_assert_uint_eq(kzp_update_count(w), 0);
    kzp_ctx_free(w);
    kzp_ctx_free(loaded);
    free(text);
    ck_assert_str_eq(kzp_ctx_sha256(NULL), "");
}
END_TEST

START_TEST(an_update_file_prices_2027_and_is_listed)
{
    char text[1024], path[128], want[65];
    update_text(text, sizeof text, "mci-2027-test", "2027-01-01", 5000, "hypothetical");
    put(path, sizeof path, "2027.json", text);
    sha_of(want, text, strlen(text));
    kzp_ctx *base = test_ctx(), *ctx = NULL;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(&ctx, base, path, &err), KZP_OK);
    /* 200 MCI x 5,000 tenge = 1,000,000 tenge = 100,000,000 tiyn */
    ck_assert_int_eq(fine_tiyn(ctx, "2027-03-15", 200), 100000000);
    /* 2026 is untouched: 200 x 4,325 = 865,000 tenge */
    ck_assert_int_eq(fine_tiyn(ctx, "2026-02-10", 200), 86500000);
    ck_assert_uint_eq(kzp_update_count(ctx), 1);
    kzp_update u;
    ck_assert_int_eq(kzp_update_at(&u, ctx, 0), KZP_OK);
    ck_assert_str_eq(u.source, path);
    ck_assert_str_eq(u.sha256, want);
    ck_assert_str_eq(u.period.from, "2027-01-01");
    ck_assert_int_eq(u.period.tenge, 5000);
    ck_assert_int_eq(u.period.tiyn, 500000);
    ck_assert_int_eq(u.period.purpose_all, 1);
    ck_assert_str_eq(u.period.citation->id, "mci-2027-test");
    ck_assert_int_eq(u.period.citation->certainty, KZP_CERT_HYPOTHETICAL);
    ck_assert_int_eq(kzp_update_at(&u, ctx, 1), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_update_at(NULL, ctx, 0), KZP_E_INVALID_ARG);
    /* the dataset under the update is the embedded one */
    ck_assert_str_eq(kzp_ctx_sha256(ctx), kzp_ctx_sha256(base));
    ck_assert_uint_eq(kzp_update_count(base), 0);
    /* an update given as a buffer is listed with no file */
    kzp_ctx *buffered = NULL;
    ck_assert_int_eq(kzp_ctx_new_with_mci(&buffered, base, text, strlen(text), &err), KZP_OK);
    ck_assert_int_eq(kzp_update_at(&u, buffered, 0), KZP_OK);
    ck_assert_str_eq(u.source, "");
    ck_assert_str_eq(u.sha256, want);
    kzp_ctx_free(buffered);
    kzp_ctx_free(ctx);
}
END_TEST

START_TEST(a_directory_is_applied_in_name_order_and_the_last_wins)
{
    char text[1024], path[128];
    /* b.json replaces a.json's 2027 period (same from and purpose), c.json adds 2028; d.txt is not
     * an update */
    update_text(text, sizeof text, "mci-2027-a", "2027-01-01", 4000, "hypothetical");
    put(path, sizeof path, "u/a.json", text);
    update_text(text, sizeof text, "mci-2027-b", "2027-01-01", 4600, "hypothetical");
    put(path, sizeof path, "u/b.json", text);
    update_text(text, sizeof text, "mci-2028-c", "2028-01-01", 4800, "hypothetical");
    put(path, sizeof path, "u/c.json", text);
    put(path, sizeof path, "u/d.txt", "not JSON");
    snprintf(path, sizeof path, "%s/u", dir);
    kzp_ctx *base = test_ctx(), *ctx = NULL;
    kzp_error err;
    int rc = kzp_ctx_new_with_updates(&ctx, base, path, &err);
    ck_assert_msg(rc == KZP_OK, "%s", err.message);
    /* 10 MCI x 4,600 tenge = 46,000 tenge; 10 x 4,800 = 48,000 in 2028 */
    ck_assert_int_eq(fine_tiyn(ctx, "2027-06-01", 10), 4600000);
    ck_assert_int_eq(fine_tiyn(ctx, "2028-03-01", 10), 4800000);
    /* the receipt lists the periods that price: a.json's 4,000, replaced, is not among them */
    ck_assert_uint_eq(kzp_update_count(ctx), 2);
    kzp_update u;
    ck_assert_int_eq(kzp_update_at(&u, ctx, 0), KZP_OK);
    ck_assert_ptr_nonnull(strstr(u.source, "/u/b.json"));
    ck_assert_int_eq(u.period.tenge, 4600);
    ck_assert_int_eq(kzp_update_at(&u, ctx, 1), KZP_OK);
    ck_assert_ptr_nonnull(strstr(u.source, "/u/c.json"));
    ck_assert_str_eq(u.period.from, "2028-01-01");
    ck_assert_int_eq(kzp_update_at(&u, ctx, 2), KZP_E_INVALID_ARG);
    kzp_ctx_free(ctx);
}
END_TEST

START_TEST(an_update_file_adds_later_periods_only)
{
    char text[1024], path[128];
    kzp_ctx *base = test_ctx(), *sentinel = (kzp_ctx *)&dir, *ctx = sentinel;
    kzp_error err;
    /* the dataset's 2024 value (3,692 tenge) is not an update file's to change */
    static const char OLD[] = "{\"citations\": [{\"id\": \"mci-2024-x\", \"act\": \"a\", \"reference\": \"\", "
                              "\"document\": \"\", \"seen_in\": \"a unit test\", \"note\": \"\", \"status\": "
                              "\"official\"}], \"periods\": [{\"from\": \"2024-01-01\", \"tenge\": 3333, "
                              "\"purpose\": \"all\", \"citation\": \"mci-2024-x\"}]}";
    put(path, sizeof path, "old.json", OLD);
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(&ctx, base, path, &err), KZP_E_DATA_ORDER);
    ck_assert_msg(strstr(err.message, "2024-01-01") && strstr(err.message, "old.json"), "%s", err.message);
    ck_assert_ptr_eq(ctx, sentinel);
    /* nor its last period, 2026 (a file kept after a release that has its year) */
    update_text(text, sizeof text, "mci-2026-x", "2026-01-01", 4325, "official");
    put(path, sizeof path, "kept.json", text);
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(&ctx, base, path, &err), KZP_E_DATA_ORDER);
    ck_assert_ptr_nonnull(strstr(err.message, "delete the file"));
    /* a program may still replace a period on purpose, through kzp_ctx_new_with_mci: 10 x 3,333 */
    ck_assert_int_eq(kzp_ctx_new_with_mci(&ctx, base, OLD, strlen(OLD), &err), KZP_OK);
    ck_assert_int_eq(fine_tiyn(ctx, "2024-05-01", 10), 3333000);
    kzp_ctx_free(ctx);
}
END_TEST

START_TEST(a_file_name_cannot_forge_a_receipt_line)
{
    char text[1024], path[128];
    update_text(text, sizeof text, "mci-2027-n", "2027-01-01", 4000, "hypothetical");
    put(path, sizeof path, "a\nMCI update: fake\x1b[31m\xff.json", text);
    kzp_ctx *base = test_ctx(), *ctx = NULL;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(&ctx, base, path, &err), KZP_OK);
    kzp_update u;
    ck_assert_int_eq(kzp_update_at(&u, ctx, 0), KZP_OK);
    /* the line break, the escape and the byte that is not UTF-8 are shown as '?' */
    ck_assert_ptr_nonnull(strstr(u.source, "/a?MCI update: fake?[31m?.json"));
    kzp_ctx_free(ctx);
}
END_TEST

START_TEST(a_long_path_keeps_the_reason_in_the_message)
{
    char text[1024], path[512], name[400];
    /* three directories of 100 letters and a file: a 300-byte path (a name may have 255 at most) */
    memset(name, 'a', 303);
    name[100] = name[201] = name[302] = '/';
    memcpy(name + 303, "u.json", 7);
    update_text(text, sizeof text, "mci-2027-l", "2027-01-01", -5, "hypothetical");
    put(path, sizeof path, name, text);
    kzp_ctx *base = test_ctx(), *ctx = NULL;
    kzp_error err;
    ck_assert_int_ne(kzp_ctx_new_with_mci_file(&ctx, base, path, &err), KZP_OK);
    /* the reason (a tenge that is not positive) comes first; the path is shortened after it */
    ck_assert_msg(strstr(err.message, "tenge") != NULL, "%s", err.message);
    ck_assert_ptr_nonnull(strstr(err.message, "\xE2\x80\xA6"));
}
END_TEST

START_TEST(one_broken_file_fails_the_whole_call_and_names_itself)
{
    char text[1024], good[128], bad[128], where[300];
    update_text(text, sizeof text, "mci-2027-ok", "2027-01-01", 4000, "hypothetical");
    put(good, sizeof good, "good.json", text);
    /* a negative MCI */
    update_text(text, sizeof text, "mci-2028-bad", "2028-01-01", -5, "hypothetical");
    put(bad, sizeof bad, "bad.json", text);
    snprintf(where, sizeof where, "%s:%s", good, bad);
    kzp_ctx *base = test_ctx(), *sentinel = (kzp_ctx *)&dir, *ctx = sentinel;
    kzp_error err;
    ck_assert_int_ne(kzp_ctx_new_with_updates(&ctx, base, where, &err), KZP_OK);
    ck_assert_ptr_eq(ctx, sentinel); /* nothing written */
    ck_assert_msg(strstr(err.message, bad) != NULL, "%s", err.message);
    /* a file named but missing */
    snprintf(where, sizeof where, "%s/missing.json", dir);
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, base, where, &err), KZP_E_IO);
    ck_assert_ptr_nonnull(strstr(err.message, "missing.json"));
    ck_assert_ptr_eq(ctx, sentinel);
    /* not JSON */
    put(bad, sizeof bad, "syntax.json", "{\"periods\": [");
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(&ctx, base, bad, &err), KZP_E_JSON);
    ck_assert_ptr_nonnull(strstr(err.message, "syntax.json"));
    ck_assert_int_eq(err.line, 1);
    /* the position once, at the start, as the JSON reader gives it: column 14, just past the 13
     * characters of {"periods": [ where the text ends */
    ck_assert_msg(strncmp(err.message, "MCI update: line 1, column 14: ", 31) == 0, "%s", err.message);
    ck_assert_ptr_null(strstr(err.message + 31, "line 1"));
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(&ctx, base, NULL, &err), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(NULL, base, bad, &err), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, NULL, "", &err), KZP_E_INVALID_ARG);
    ck_assert_ptr_eq(ctx, sentinel);
}
END_TEST

START_TEST(no_update_gives_the_base_held_once_more)
{
    char text[1024], path[128];
    update_text(text, sizeof text, "mci-2027-x", "2027-01-01", 4000, "hypothetical");
    put(path, sizeof path, "x.json", text);
    kzp_ctx *base = NULL, *ctx = NULL, *again = NULL;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(&base, test_ctx(), path, &err), KZP_OK);
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, base, "", &err), KZP_OK);
    ck_assert_ptr_eq(ctx, base);
    /* both are freed, as documented; base still works after the first free */
    kzp_ctx_free(ctx);
    ck_assert_int_eq(fine_tiyn(base, "2027-01-02", 1), 400000);                  /* 1 x 4,000 tenge */
    ck_assert_int_eq(kzp_ctx_new_with_updates(&again, base, ":", &err), KZP_OK); /* empty entries only */
    ck_assert_ptr_eq(again, base);
    kzp_ctx_free(again);
    kzp_ctx_free(base);
}
END_TEST

START_TEST(the_documented_places)
{
    char text[1024], path[256], home[128], sys1[128], sys2[128], dirs[512];
    kzp_ctx *base = test_ctx(), *ctx = NULL;
    kzp_error err;
    /* XDG_DATA_DIRS: the last directory is applied first; XDG_DATA_HOME last of all. s1's 2027
     * period replaces s2's (s1 comes later); the user's adds July. */
    update_text(text, sizeof text, "mci-2027-s1", "2027-01-01", 4100, "hypothetical");
    put(path, sizeof path, "s1/kzpenalty/updates/a.json", text);
    update_text(text, sizeof text, "mci-2027-s2", "2027-01-01", 4200, "hypothetical");
    put(path, sizeof path, "s2/kzpenalty/updates/a.json", text);
    update_text(text, sizeof text, "mci-2027-h", "2027-07-01", 4300, "hypothetical");
    put(path, sizeof path, "h/kzpenalty/updates/a.json", text);
    snprintf(sys1, sizeof sys1, "%s/s1", dir);
    snprintf(sys2, sizeof sys2, "%s/s2", dir);
    snprintf(home, sizeof home, "%s/h", dir);
    /* a missing directory, a relative one and a file among them are skipped */
    put(path, sizeof path, "plainfile", "x");
    snprintf(dirs, sizeof dirs, "%s:%s:%s/none:relative/dir:%s/plainfile", sys1, sys2, dir, dir);
    unsetenv(KZP_UPDATES_ENV);
    setenv("XDG_DATA_DIRS", dirs, 1);
    setenv("XDG_DATA_HOME", home, 1);
    int rc = kzp_ctx_new_with_updates(&ctx, base, NULL, &err);
    ck_assert_msg(rc == KZP_OK, "%s", err.message);
    ck_assert_uint_eq(kzp_update_count(ctx), 2);
    kzp_update u;
    kzp_update_at(&u, ctx, 0);
    ck_assert_int_eq(u.period.tenge, 4100); /* s1, applied after s2 */
    kzp_update_at(&u, ctx, 1);
    ck_assert_int_eq(u.period.tenge, 4300);                    /* the user's own, last */
    ck_assert_int_eq(fine_tiyn(ctx, "2027-02-01", 2), 820000); /* 2 x 4,100 tenge */
    ck_assert_int_eq(fine_tiyn(ctx, "2027-08-01", 2), 860000); /* 2 x 4,300 tenge */
    kzp_ctx_free(ctx);
    /* XDG_DATA_HOME is one directory: a ':' in it is part of its name, not a list */
    snprintf(path, sizeof path, "%s:%s", sys2, home);
    setenv("XDG_DATA_HOME", path, 1);
    setenv("XDG_DATA_DIRS", "/nonexistent", 1);
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, base, NULL, &err), KZP_OK);
    ck_assert_uint_eq(kzp_update_count(ctx), 0);
    kzp_ctx_free(ctx);
    /* without XDG_DATA_HOME: $HOME/.local/share */
    unsetenv("XDG_DATA_HOME");
    setenv("XDG_DATA_DIRS", sys1, 1);
    update_text(text, sizeof text, "mci-2027-home", "2027-01-01", 4400, "hypothetical");
    put(path, sizeof path, "home/.local/share/kzpenalty/updates/z.json", text);
    snprintf(home, sizeof home, "%s/home", dir);
    setenv("HOME", home, 1);
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, base, NULL, &err), KZP_OK);
    ck_assert_uint_eq(kzp_update_count(ctx), 1);               /* sys1's 4,100, replaced, is not listed */
    ck_assert_int_eq(fine_tiyn(ctx, "2027-01-01", 1), 440000); /* 1 x 4,400 tenge */
    kzp_ctx_free(ctx);
    /* KZPENALTY_UPDATES, set, is the only place; empty means none */
    setenv(KZP_UPDATES_ENV, "", 1);
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, base, NULL, &err), KZP_OK);
    ck_assert_ptr_eq(ctx, base);
    setenv(KZP_UPDATES_ENV, sys2, 1); /* a directory with no *.json directly in it */
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, base, NULL, &err), KZP_OK);
    ck_assert_uint_eq(kzp_update_count(ctx), 0);
    snprintf(path, sizeof path, "%s/kzpenalty/updates", sys2);
    setenv(KZP_UPDATES_ENV, path, 1);
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, base, NULL, &err), KZP_OK);
    ck_assert_uint_eq(kzp_update_count(ctx), 1);
    kzp_ctx_free(ctx);
}
END_TEST

START_TEST(more_than_the_limit_of_files_is_refused)
{
    char text[1024], path[128], name[32];
    for (int i = 0; i <= KZP_MAX_UPDATE_FILES; i++) {
        update_text(text, sizeof text, "mci-2027-many", "2027-01-01", 4000 + i, "hypothetical");
        snprintf(name, sizeof name, "many/%03d.json", i);
        put(path, sizeof path, name, text);
    }
    snprintf(path, sizeof path, "%s/many", dir);
    kzp_ctx *base = test_ctx(), *sentinel = (kzp_ctx *)&dir, *ctx = sentinel;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, base, path, &err), KZP_E_INVALID_ARG);
    ck_assert_ptr_nonnull(strstr(err.message, "more than 64"));
    ck_assert_ptr_eq(ctx, sentinel);
}
END_TEST

START_TEST(over_a_what_if_an_update_file_may_price_any_year)
{
    char text[1024], path[128];
    kzp_ctx *base = test_ctx(), *whatif = NULL, *ctx = NULL;
    kzp_error err;
    /* a what-if context (kzp_ctx_new_what_if: 5,000 tenge on every date) has no dataset history
     * an update file could rewrite: a 2024 period of 3,333 tenge is taken and prices 10 MCI at
     * 10 x 3,333 tenge; 2023 stays at the what-if's 10 x 5,000 */
    ck_assert_int_eq(kzp_ctx_new_what_if(&whatif, base, 5000, &err), KZP_OK);
    update_text(text, sizeof text, "mci-2024-w", "2024-01-01", 3333, "hypothetical");
    put(path, sizeof path, "w.json", text);
    int rc = kzp_ctx_new_with_mci_file(&ctx, whatif, path, &err);
    ck_assert_msg(rc == KZP_OK, "%s", err.message);
    ck_assert_int_eq(fine_tiyn(ctx, "2024-05-01", 10), 3333000);
    ck_assert_int_eq(fine_tiyn(ctx, "2023-05-01", 10), 5000000);
    ck_assert_uint_eq(kzp_update_count(ctx), 1);
    kzp_ctx_free(ctx);
    kzp_ctx_free(whatif);
}
END_TEST

START_TEST(a_named_file_that_cannot_be_read_says_so_first)
{
    char path[128];
    snprintf(path, sizeof path, "%s/absent.json", dir);
    kzp_ctx *base = test_ctx(), *sentinel = (kzp_ctx *)&dir, *ctx = sentinel;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(&ctx, base, path, &err), KZP_E_IO);
    ck_assert_msg(strncmp(err.message, "MCI update: cannot open", 23) == 0, "%s", err.message);
    ck_assert_ptr_nonnull(strstr(err.message, "absent.json"));
    ck_assert_ptr_eq(ctx, sentinel);
    /* a directory named as a file is not a regular file */
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(&ctx, base, dir, &err), KZP_E_IO);
    ck_assert_msg(strstr(err.message, "regular file") != NULL, "%s", err.message);
    ck_assert_ptr_eq(ctx, sentinel);
}
END_TEST

START_TEST(the_update_list_rejects_bad_arguments)
{
    char text[1024], path[128];
    update_text(text, sizeof text, "mci-2027-a", "2027-01-01", 4000, "hypothetical");
    put(path, sizeof path, "a.json", text);
    kzp_ctx *base = test_ctx(), *ctx = NULL;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(&ctx, base, path, &err), KZP_OK);
    kzp_update u = {.source = "untouched"};
    ck_assert_int_eq(kzp_update_at(NULL, ctx, 0), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_update_at(&u, NULL, 0), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_update_at(&u, ctx, 1), KZP_E_INVALID_ARG);  /* one update: index 0 only */
    ck_assert_int_eq(kzp_update_at(&u, base, 0), KZP_E_INVALID_ARG); /* the dataset has none */
    ck_assert_str_eq(u.source, "untouched");
    ck_assert_uint_eq(kzp_update_count(NULL), 0);
    ck_assert_uint_eq(kzp_update_count(base), 0);
    ck_assert_int_eq(kzp_ctx_new_with_updates(NULL, base, "", &err), KZP_E_INVALID_ARG);
    kzp_ctx_free(ctx);
}
END_TEST

START_TEST(without_a_home_only_the_system_places_are_read)
{
    char text[1024], path[256], sys[128];
    update_text(text, sizeof text, "mci-2027-sys", "2027-01-01", 4100, "hypothetical");
    put(path, sizeof path, "sys/kzpenalty/updates/a.json", text);
    snprintf(sys, sizeof sys, "%s/sys", dir);
    kzp_ctx *base = test_ctx(), *ctx = NULL;
    kzp_error err;
    unsetenv(KZP_UPDATES_ENV);
    unsetenv("XDG_DATA_HOME");
    setenv("XDG_DATA_DIRS", sys, 1);
    /* HOME relative (or unset) names no user place: the system one alone, 1 x 4,100 tenge */
    setenv("HOME", "relative/home", 1);
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, base, NULL, &err), KZP_OK);
    ck_assert_uint_eq(kzp_update_count(ctx), 1);
    ck_assert_int_eq(fine_tiyn(ctx, "2027-01-01", 1), 410000);
    kzp_ctx_free(ctx);
    unsetenv("HOME");
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, base, NULL, &err), KZP_OK);
    ck_assert_uint_eq(kzp_update_count(ctx), 1);
    kzp_ctx_free(ctx);
    /* an empty XDG_DATA_DIRS means the default /usr/local/share:/usr/share, where this test put
     * nothing: no update */
    setenv("XDG_DATA_DIRS", "", 1);
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, base, NULL, &err), KZP_OK);
    ck_assert_ptr_eq(ctx, base);
    kzp_ctx_free(ctx);
    /* too many files in the system places stop the search before the user's place is read */
    for (int i = 0; i <= KZP_MAX_UPDATE_FILES; i++) {
        char name[64];
        update_text(text, sizeof text, "mci-2027-many", "2027-01-01", 4000 + i, "hypothetical");
        snprintf(name, sizeof name, "sys/kzpenalty/updates/%03d.json", i);
        put(path, sizeof path, name, text);
    }
    setenv("XDG_DATA_DIRS", sys, 1);
    setenv("HOME", dir, 1);
    kzp_ctx *sentinel = (kzp_ctx *)&dir;
    ctx = sentinel;
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, base, NULL, &err), KZP_E_INVALID_ARG);
    ck_assert_ptr_eq(ctx, sentinel);
}
END_TEST

START_TEST(a_file_that_would_change_answers_unnamed_is_refused)
{
    char path[128];
    kzp_ctx *base = test_ctx(), *sentinel = (kzp_ctx *)&dir, *ctx = sentinel;
    kzp_error err;
    /* no period: it would move known_until (pricing 2029 at 2026's 4,325 tenge, not stale) while
     * a receipt, which lists update periods, named nothing */
    put(path, sizeof path, "ku.json",
        "{\"periods\": [], \"known_until\": \"2030-12-31\", \"known_until_citation\": \"mci-2026\"}");
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(&ctx, base, path, &err), KZP_E_SCHEMA);
    ck_assert_msg(strstr(err.message, "adds no period") != NULL, "%s", err.message);
    ck_assert_ptr_eq(ctx, sentinel);
    /* a dataset citation restated with another act: every 2026 answer would cite a forged source */
    put(path, sizeof path, "forged.json",
        "{\"citations\": [{\"id\": \"mci-2026\", \"act\": \"FORGED\", \"reference\": \"\", \"document\": \"\", "
        "\"seen_in\": \"x\", \"note\": \"\", \"status\": \"official\"}, {\"id\": \"mci-2027-f\", \"act\": \"a\", "
        "\"reference\": \"\", \"document\": \"\", \"seen_in\": \"x\", \"note\": \"\", \"status\": \"hypothetical\"}], "
        "\"known_until\": \"2027-12-31\", \"known_until_citation\": \"mci-2027-f\", \"periods\": [{\"from\": "
        "\"2027-01-01\", \"tenge\": 4000, \"purpose\": \"all\", \"citation\": \"mci-2027-f\"}]}");
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(&ctx, base, path, &err), KZP_E_DATA_DUPLICATE);
    ck_assert_msg(strstr(err.message, "'mci-2026'") != NULL, "%s", err.message);
    ck_assert_ptr_eq(ctx, sentinel);
    /* a period but no known_until of its own */
    put(path, sizeof path, "nountil.json",
        "{\"citations\": [{\"id\": \"mci-2027-u\", \"act\": \"a\", \"reference\": \"\", \"document\": \"\", "
        "\"seen_in\": \"x\", \"note\": \"\", \"status\": \"hypothetical\"}], \"periods\": [{\"from\": "
        "\"2026-07-01\", \"tenge\": 4400, \"purpose\": \"all\", \"citation\": \"mci-2027-u\"}]}");
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(&ctx, base, path, &err), KZP_E_SCHEMA);
    ck_assert_msg(strstr(err.message, "known_until") != NULL, "%s", err.message);
    ck_assert_ptr_eq(ctx, sentinel);
}
END_TEST

START_TEST(under_a_what_if_no_update_is_listed)
{
    char text[1024], path[128];
    update_text(text, sizeof text, "mci-2027-a", "2027-01-01", 4000, "hypothetical");
    put(path, sizeof path, "a.json", text);
    kzp_ctx *base = test_ctx(), *updated = NULL, *whatif = NULL;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_with_mci_file(&updated, base, path, &err), KZP_OK);
    ck_assert_uint_eq(kzp_update_count(updated), 1);
    /* 9,999 tenge on every date: 2027's 4,000 prices nothing, so no receipt names it */
    ck_assert_int_eq(kzp_ctx_new_what_if(&whatif, updated, 9999, &err), KZP_OK);
    ck_assert_int_eq(fine_tiyn(whatif, "2027-02-01", 1), 999900);
    ck_assert_uint_eq(kzp_update_count(whatif), 0);
    kzp_update u;
    ck_assert_int_eq(kzp_update_at(&u, whatif, 0), KZP_E_INVALID_ARG);
    kzp_ctx_free(whatif);
    kzp_ctx_free(updated);
}
END_TEST

START_TEST(odd_things_in_an_xdg_place_are_skipped)
{
    char text[1024], path[256], home[128], longdir[6000];
    kzp_ctx *base = test_ctx(), *ctx = NULL;
    kzp_error err;
    unsetenv(KZP_UPDATES_ENV);
    /* kzpenalty/updates is a file (not JSON) in one place; a directory named sub.json beside a
     * real update in another; a place too long for a path: only the real update is read */
    put(path, sizeof path, "f/kzpenalty/updates", "garbage");
    update_text(text, sizeof text, "mci-2027-r", "2027-01-01", 4100, "hypothetical");
    put(path, sizeof path, "h/kzpenalty/updates/real.json", text);
    put(path, sizeof path, "h/kzpenalty/updates/sub.json/inner.json", text);
    memset(longdir, 'a', sizeof longdir - 1);
    longdir[0] = '/';
    longdir[sizeof longdir - 1] = '\0';
    char dirs[6200];
    snprintf(dirs, sizeof dirs, "%s/f:%s", dir, longdir);
    setenv("XDG_DATA_DIRS", dirs, 1);
    snprintf(home, sizeof home, "%s/h", dir);
    setenv("XDG_DATA_HOME", home, 1);
    int rc = kzp_ctx_new_with_updates(&ctx, base, NULL, &err);
    ck_assert_msg(rc == KZP_OK, "%s", err.message);
    ck_assert_uint_eq(kzp_update_count(ctx), 1);
    ck_assert_int_eq(fine_tiyn(ctx, "2027-01-01", 1), 410000); /* 1 x 4,100 tenge */
    kzp_ctx_free(ctx);
    /* named, the same directory is read whole, and its sub.json refused */
    snprintf(path, sizeof path, "%s/h/kzpenalty/updates", dir);
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, base, path, &err), KZP_E_IO);
    ck_assert_msg(strstr(err.message, "sub.json") != NULL, "%s", err.message);
    /* named, a place too long for a path is an error that says so */
    ck_assert_int_eq(kzp_ctx_new_with_updates(&ctx, base, longdir, &err), KZP_E_IO);
}
END_TEST

static Suite *updates_suite(void)
{
    Suite *s = suite_create("updates");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60); /* 65 updates under valgrind */
    tcase_add_test(tc, the_embedded_dataset_has_the_sha256_of_its_file);
    tcase_add_test(tc, an_update_file_prices_2027_and_is_listed);
    tcase_add_test(tc, a_directory_is_applied_in_name_order_and_the_last_wins);
    tcase_add_test(tc, an_update_file_adds_later_periods_only);
    tcase_add_test(tc, a_file_name_cannot_forge_a_receipt_line);
    tcase_add_test(tc, a_long_path_keeps_the_reason_in_the_message);
    tcase_add_test(tc, one_broken_file_fails_the_whole_call_and_names_itself);
    tcase_add_test(tc, no_update_gives_the_base_held_once_more);
    tcase_add_test(tc, the_documented_places);
    tcase_add_test(tc, more_than_the_limit_of_files_is_refused);
    tcase_add_test(tc, over_a_what_if_an_update_file_may_price_any_year);
    tcase_add_test(tc, a_named_file_that_cannot_be_read_says_so_first);
    tcase_add_test(tc, the_update_list_rejects_bad_arguments);
    tcase_add_test(tc, without_a_home_only_the_system_places_are_read);
    tcase_add_test(tc, a_file_that_would_change_answers_unnamed_is_refused);
    tcase_add_test(tc, under_a_what_if_no_update_is_listed);
    tcase_add_test(tc, odd_things_in_an_xdg_place_are_skipped);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(updates_suite)
