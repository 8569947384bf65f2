/* Nanoseconds per call of the library's main functions (best of 7 runs), printed as JSON for
 * bench/run_bench.py, which compares them with Python doing the same work in the same run.
 * Usage: c_calls [N] */
#define _POSIX_C_SOURCE 200809L
#include <kzpenalty.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static volatile int64_t sink; /* keeps the compiler from dropping the work */

#define BENCH(name, n, body)                                                                                           \
    do {                                                                                                               \
        double best = 1e300;                                                                                           \
        for (int rep = 0; rep < 7; rep++) {                                                                            \
            double t0 = now_ns();                                                                                      \
            for (long i = 0; i < (n); i++) {                                                                           \
                body;                                                                                                  \
            }                                                                                                          \
            double per = (now_ns() - t0) / (double)(n);                                                                \
            best = per < best ? per : best;                                                                            \
        }                                                                                                              \
        printf("%s\"%s\": %.1f", first ? "" : ", ", name, best);                                                       \
        first = 0;                                                                                                     \
    } while (0)

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    kzp_ctx *ctx;
    if (kzp_ctx_new(&ctx, NULL) != KZP_OK) {
        return 1;
    }
    kzp_mci m;
    kzp_range r;
    kzp_fine f;
    kzp_check c;
    kzp_conversion v;
    char buf[512];
    int first = 1;
    printf("{");
    /* every call is checked: a benchmark of failing calls would measure nothing */
    int failed = 0;
    BENCH("mci", n, failed |= kzp_mci_on(&m, ctx, "2026-02-10", KZP_PURPOSE_FINES, 0, NULL); sink += m.tenge);
    BENCH("range", n, failed |= kzp_range_get(&r, ctx, "115-1", "2026-02-10", 0, NULL);
          sink += r.sanctions[0].max.tiyn);
    BENCH("fine", n, failed |= kzp_fine_compute(&f, ctx, "2026-02-10", kzp_whole(200), 0, NULL); sink += f.amount_tiyn);
    BENCH("check", n,
          failed |=
          kzp_check_sentence(&c, ctx, "115-1", "2026-02-10", KZP_KIND_ARREST, kzp_whole(26), KZP_Q_MITIGATED, NULL);
          sink += c.excess_centi);
    BENCH("convert", n, failed |= kzp_convert(&v, ctx, KZP_KIND_FINE, kzp_whole(150), KZP_KIND_ARREST, NULL);
          sink += v.whole);
    BENCH("words", n, sink += kzp_tenge_figures_words(buf, sizeof buf, 86500000 + (i & 1023) * 100, KZP_LANG_RU));
    /* kzp_ctx_new parses the embedded dataset once per process and then shares it: "context"
     * is that call; "context_first" is the work of the first call (parse, validate, build the
     * same text), measured by building a context from the dataset file's text in memory. */
    BENCH("context", n / 100, {
        kzp_ctx *x = NULL;
        failed |= kzp_ctx_new(&x, NULL);
        kzp_ctx_free(x);
    });
    static char text[1 << 20];
    FILE *df = fopen(KZP_DATASET_FILE, "rb");
    size_t len = df ? fread(text, 1, sizeof text, df) : 0;
    if (df) {
        fclose(df);
    }
    BENCH("context_first", n / 1000 + 1, {
        kzp_ctx *x = NULL;
        if (kzp_ctx_new_from_buffer(&x, text, len, NULL) == KZP_OK) {
            sink += 1;
        }
        kzp_ctx_free(x);
    });
    printf("}\n");
    kzp_ctx_free(ctx);
    if (failed) {
        fprintf(stderr, "c_calls: a measured call failed\n");
        return 1;
    }
    return sink == 42 ? 2 : 0;
}
