/* Loading time against dataset size (issue 13 item 6: loading was quadratic in the number of
 * citations, 80,000 took 9.4 s). Datasets are generated in a temporary directory (removed at the
 * end) from docs/examples/dataset-minimal.json's shape with N citations added, up to the 64 MiB a
 * dataset file may hold, in two forms: "unused", citations that nothing cites (the loader
 * accepts them), and "periods", each citation cited by an MCI period of its own (one a day,
 * ending before the dataset's 2026 period). Each file is loaded once and checked, then timed
 * with kzp_ctx_new_from_file (best of 5 runs; best of 3 from 80,000 citations). Prints a
 * Markdown table: linear loading keeps the time per citation flat as N grows.
 * Usage: load_scaling [N...]   (default: 1000 10000 80000 and the most that fit in 64 MiB) */
#define _GNU_SOURCE
#include <kzpenalty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_FILE (64L * 1024 * 1024)

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* A growable text buffer; exits on failure (a benchmark has no one to report to). */
typedef struct text {
    char *p;
    size_t len, cap;
} text;

static void put(text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (t->len + n + 1 > cap) {
            cap *= 2;
        }
        t->p = realloc(t->p, cap);
        if (!t->p) {
            fprintf(stderr, "out of memory\n");
            exit(1);
        }
        t->cap = cap;
    }
    memcpy(t->p + t->len, s, n);
    t->len += n;
    t->p[t->len] = '\0';
}

static void puts_(text *t, const char *s)
{
    put(t, s, strlen(s));
}

/* Day k (0-based) of the generated periods as YYYY-MM-DD, counting from 1200-01-01. */
static void day_iso(char out[32], long k)
{
    static const int LEN[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 1200, m = 0;
    for (;;) {
        int days = ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 366 : 365;
        if (k < days) {
            break;
        }
        k -= days;
        y++;
    }
    for (;;) {
        int days = LEN[m] + (m == 1 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
        if (k < days) {
            break;
        }
        k -= days;
        m++;
    }
    /* y < 10000, a month and a day of two digits: the moduli only tell the compiler so */
    snprintf(out, 32, "%04u-%02u-%02u", (unsigned)y % 10000U, (unsigned)(m + 1) % 100U, (unsigned)(k + 1) % 100U);
}

static const char HEAD[] =
    "{\n \"schema_version\": 1,\n"
    " \"dataset\": {\"id\": \"load-scaling\", \"version\": \"1\", \"verified_on\": \"2026-11-28\"},\n"
    " \"citations\": [\n"
    "  {\"id\": \"cc-115-1\", \"act\": \"Criminal Code of the Republic of Kazakhstan No. 226-V of 3 July 2014\", "
    "\"reference\": \"Art. 115-1\", \"seen_in\": \"docs/examples/dataset-minimal.json\", \"status\": \"statement\"},\n"
    "  {\"id\": \"cc-41-1\", \"act\": \"Criminal Code of the Republic of Kazakhstan No. 226-V of 3 July 2014\", "
    "\"reference\": \"Art. 41 part 1\", \"seen_in\": \"docs/examples/dataset-minimal.json\", \"status\": "
    "\"official\"},\n"
    "  {\"id\": \"mci-2026\", \"act\": \"Law of 8 December 2025 (republican budget)\", \"seen_in\": \"zakon.kz\", "
    "\"status\": \"official\"}";
static const char TAIL[] =
    " \"rules\": {\"fine_mci_day\": {\"day\": \"offence\", \"citation\": \"cc-41-1\"}},\n"
    " \"articles\": [{\"id\": \"115-1\", \"title\": {\"en\": \"Stalking\", \"ru\": \"Сталкинг\", \"kk\": "
    "\"Сталкинг\"}, \"category\": \"criminal_offence\", \"category_citation\": \"cc-115-1\", \"in_force_from\": "
    "\"2025-09-16\", \"in_force_citation\": \"cc-115-1\", \"citation\": \"cc-115-1\", \"sanctions\": [{\"kind\": "
    "\"fine\", \"unit\": \"mci\", \"min\": null, \"max\": 200, \"citation\": \"cc-115-1\"}]}]\n}\n";

/* The dataset with n added citations, each cited by a period of its own when periods is set. */
static void generate(text *t, long n, int periods)
{
    t->len = 0;
    puts_(t, HEAD);
    char buf[512];
    for (long i = 0; i < n; i++) {
        int k = snprintf(buf, sizeof buf,
                         ",\n  {\"id\": \"gen-%07ld\", \"act\": \"Generated act %07ld for the loading benchmark\", "
                         "\"seen_in\": \"bench/load_scaling.c\", \"status\": \"unverified\"}",
                         i, i);
        put(t, buf, (size_t)k);
    }
    puts_(t, "\n ],\n \"mci\": {\"known_until\": \"2026-12-31\", \"known_until_citation\": \"mci-2026\", "
             "\"periods\": [\n");
    for (long i = 0; periods && i < n; i++) {
        char iso[32];
        day_iso(iso, i);
        int k = snprintf(buf, sizeof buf,
                         "  {\"from\": \"%s\", \"tenge\": %ld, \"purpose\": \"all\", \"citation\": \"gen-%07ld\"},\n",
                         iso, 1000 + i % 1000, i);
        put(t, buf, (size_t)k);
    }
    puts_(t, "  {\"from\": \"2026-01-01\", \"tenge\": 4325, \"purpose\": \"all\", \"citation\": \"mci-2026\"}]},\n");
    puts_(t, TAIL);
}

/* The most citations whose dataset fits in 64 MiB, found from the size of one entry. */
static long most_that_fit(text *t, int periods)
{
    generate(t, 0, periods);
    size_t base = t->len;
    generate(t, 1000, periods);
    double per = (double)(t->len - base) / 1000.0;
    long n = (long)((double)(MAX_FILE - base) / per);
    for (generate(t, n, periods); t->len > MAX_FILE; generate(t, n, periods)) {
        n -= n / 1000 + 1;
    }
    return n;
}

static int bench(const char *dir, long n, int periods, double *per_first)
{
    text t = {0};
    generate(&t, n, periods);
    char path[4200];
    snprintf(path, sizeof path, "%s/dataset-%s-%ld.json", dir, periods ? "periods" : "unused", n);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(t.p, 1, t.len, f) != t.len || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        return 1;
    }
    /* the same work every run: the file loads, with the table it should have */
    kzp_ctx *ctx = NULL;
    kzp_error err;
    if (kzp_ctx_new_from_file(&ctx, path, &err) != KZP_OK) {
        fprintf(stderr, "%s: %s\n", path, err.message);
        return 1;
    }
    kzp_dataset_info info;
    kzp_mci m26, mlast;
    char last[32];
    day_iso(last, n - 1);
    int bad = kzp_ctx_info(&info, ctx) != KZP_OK || info.mci_period_count != (size_t)(periods ? n + 1 : 1) ||
              kzp_mci_on(&m26, ctx, "2026-02-10", KZP_PURPOSE_FINES, 0, NULL) != KZP_OK || m26.tenge != 4325 ||
              (periods && (kzp_mci_on(&mlast, ctx, last, KZP_PURPOSE_FINES, 0, NULL) != KZP_OK ||
                           mlast.tenge != 1000 + (n - 1) % 1000));
    kzp_ctx_free(ctx);
    if (bad) {
        fprintf(stderr, "%s: the loaded dataset is not the one generated\n", path);
        return 1;
    }
    int runs = n >= 80000 ? 3 : 5;
    double best = 1e300;
    for (int r = 0; r < runs; r++) {
        double t0 = now_s();
        int rc = kzp_ctx_new_from_file(&ctx, path, NULL);
        double dt = now_s() - t0;
        kzp_ctx_free(ctx);
        if (rc != KZP_OK) {
            return 1;
        }
        best = dt < best ? dt : best;
    }
    double per = best * 1e6 / (double)n;
    if (*per_first == 0) {
        *per_first = per;
    }
    printf("| %s | %ld | %.1f | %.1f | %.2f | %.2fx |\n", periods ? "each cited by a period" : "unused", n,
           (double)t.len / (1024.0 * 1024.0), best * 1e3, per, per / *per_first);
    fflush(stdout);
    unlink(path);
    free(t.p);
    return 0;
}

int main(int argc, char **argv)
{
    const char *tmp = getenv("TMPDIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/kzp-load-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    printf("| citations | N | file (MiB) | load, best (ms) | per citation (us) | per citation vs N = first |\n");
    printf("|---|---:|---:|---:|---:|---:|\n");
    int rc = 0;
    for (int periods = 0; periods < 2 && rc == 0; periods++) {
        double per_first = 0;
        text t = {0};
        long sizes[16] = {1000, 10000, 80000, most_that_fit(&t, periods)};
        size_t count = 4;
        free(t.p);
        if (argc > 1) {
            count = 0;
            for (int i = 1; i < argc && count < 16; i++) {
                sizes[count++] = atol(argv[i]);
            }
        }
        for (size_t i = 0; i < count && rc == 0; i++) {
            rc = bench(dir, sizes[i], periods, &per_first);
        }
    }
    rmdir(dir);
    return rc;
}
