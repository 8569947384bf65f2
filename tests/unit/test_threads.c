/* One context shared by several threads: every thread gets the same exact answers.
 * scripts/test runs this suite under ThreadSanitizer as well as in the normal build. */
#define _POSIX_C_SOURCE 200809L /* pthread barriers under -std=c11 */
#include "test_util.h"

#include <pthread.h>

enum { THREADS = 8, ROUNDS = 20000 };

static kzp_ctx *shared;

static void *worker(void *arg)
{
    long id = (long)arg, bad = 0;
    for (int i = 0; i < ROUNDS; i++) {
        kzp_fine f;
        kzp_range r;
        kzp_conversion c;
        kzp_mci m;
        /* 200 x 4,325 = 865,000 tenge; 150 x 3,932 = 589,800 tenge */
        bad += kzp_fine_compute(&f, shared, "2026-02-10", kzp_hundredths(20000), 0, NULL) != KZP_OK ||
               f.amount_tiyn != 86500000;
        bad += kzp_fine_compute(&f, shared, "2025-11-03", kzp_hundredths(15000), 0, NULL) != KZP_OK ||
               f.amount_tiyn != 58980000;
        /* half cap: 100 x 4,325 = 432,500 tenge */
        bad += kzp_range_get(&r, shared, "115-1", "2026-02-10", (i + id) % 2 ? KZP_Q_MITIGATED : 0, NULL) != KZP_OK ||
               r.sanctions[0].max.tiyn != ((i + id) % 2 ? 43250000 : 86500000);
        /* 150 MCI = 37 days and 2 MCI */
        bad += kzp_convert(&c, shared, KZP_KIND_FINE, kzp_hundredths(15000), KZP_KIND_ARREST, NULL) != KZP_OK ||
               c.whole != 37 || c.remainder_centi != 200;
        bad += kzp_mci_on(&m, shared, "2022-06-01", KZP_PURPOSE_BENEFITS, 0, NULL) != KZP_OK || m.tenge != 3180;
        bad += kzp_mci_on(&m, shared, "2027-06-01", KZP_PURPOSE_FINES, 0, NULL) != KZP_E_MCI_STALE;
    }
    return (void *)bad;
}

START_TEST(shared_context)
{
    shared = test_ctx();
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++) {
        ck_assert_int_eq(pthread_create(&t[i], NULL, worker, (void *)i), 0);
    }
    long bad_total = 0;
    for (int i = 0; i < THREADS; i++) {
        void *bad;
        ck_assert_int_eq(pthread_join(t[i], &bad), 0);
        bad_total += (long)bad;
    }
    ck_assert_int_eq(bad_total, 0);
    kzp_ctx_free(shared);
}
END_TEST

static kzp_ctx *base_for_derive;

static pthread_barrier_t start_together;

static void *first_context_worker(void *arg)
{
    kzp_ctx **slot = arg;
    pthread_barrier_wait(&start_together);
    if (kzp_ctx_new(slot, NULL) != KZP_OK) {
        *slot = NULL;
    }
    return NULL;
}

START_TEST(first_context_from_many_threads)
{
    /* Run first in its process: 8 threads ask for the embedded context at the same moment;
     * it is built once and all of them get that one context. */
    enum { N = 8 };
    pthread_t t[N];
    kzp_ctx *got[N] = {0};
    ck_assert_int_eq(pthread_barrier_init(&start_together, NULL, N), 0);
    for (int i = 0; i < N; i++) {
        ck_assert_int_eq(pthread_create(&t[i], NULL, first_context_worker, &got[i]), 0);
    }
    for (int i = 0; i < N; i++) {
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
    }
    pthread_barrier_destroy(&start_together);
    for (int i = 0; i < N; i++) {
        ck_assert_ptr_nonnull(got[i]);
        ck_assert_ptr_eq(got[i], got[0]);
    }
    kzp_ctx_free(got[0]); /* a no-op for the shared context: it still answers */
    kzp_fine f;
    ck_assert_int_eq(kzp_fine_compute(&f, got[1], "2026-02-10", kzp_hundredths(20000), 0, NULL), KZP_OK);
    ck_assert_int_eq(f.amount_tiyn, 86500000); /* 200 MCI x 4,325 tenge = 865,000 tenge */
}
END_TEST

static void *derive_worker(void *arg)
{
    long i = (long)arg, bad = 0;
    for (int round = 0; round < 50; round++) {
        kzp_ctx *w = NULL;
        kzp_fine f;
        /* a what-if MCI of 1,000 x (i + 1) tenge: 1 MCI costs exactly that */
        bad += kzp_ctx_new_what_if(&w, base_for_derive, 1000 * (i + 1), NULL) != KZP_OK;
        bad += w == NULL || kzp_fine_compute(&f, w, "2026-02-10", kzp_hundredths(100), 0, NULL) != KZP_OK ||
               f.amount_tiyn != 100000 * (i + 1);
        kzp_ctx_free(w);
    }
    return (void *)bad;
}

START_TEST(contexts_derived_concurrently)
{
    /* Deriving contexts from one base in parallel needs no process-wide state either. */
    base_for_derive = test_ctx();
    pthread_t t[4];
    for (long i = 0; i < 4; i++) {
        ck_assert_int_eq(pthread_create(&t[i], NULL, derive_worker, (void *)i), 0);
    }
    long bad_total = 0;
    for (int i = 0; i < 4; i++) {
        void *bad;
        ck_assert_int_eq(pthread_join(t[i], &bad), 0);
        bad_total += (long)bad;
    }
    ck_assert_int_eq(bad_total, 0);
    kzp_ctx_free(base_for_derive);
}
END_TEST

static Suite *threads_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, first_context_from_many_threads); /* first: before anything builds the context */
    tcase_add_test(tc, shared_context);
    tcase_add_test(tc, contexts_derived_concurrently);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(threads_suite)
