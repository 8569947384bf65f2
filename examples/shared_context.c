/* Share one context between threads: it is immutable, so no lock is needed. Four threads
 * price fines for different offence dates from the same context. */
#include <kzpenalty.h>
#include <pthread.h>
#include <stdio.h>

typedef struct job {
    const kzp_ctx *ctx;
    const char *date;
    int64_t tiyn;
    int rc;
} job;

static void *price(void *arg)
{
    job *j = arg;
    kzp_fine f;
    j->rc = kzp_fine_compute(&f, j->ctx, j->date, kzp_whole(200), 0, NULL);
    j->tiyn = j->rc == KZP_OK ? f.amount_tiyn : 0;
    return NULL;
}

int main(void)
{
    kzp_ctx *ctx = NULL;
    if (kzp_ctx_new(&ctx, NULL) != KZP_OK) {
        return 1;
    }
    job jobs[4] = {
        {ctx, "2015-06-01", 0, 0}, {ctx, "2020-03-31", 0, 0}, {ctx, "2025-10-01", 0, 0}, {ctx, "2026-02-10", 0, 0}};
    pthread_t threads[4];
    for (int i = 0; i < 4; i++) {
        pthread_create(&threads[i], NULL, price, &jobs[i]);
    }
    int failed = 0;
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        char text[48];
        kzp_tenge_format(text, sizeof text, jobs[i].tiyn, KZP_MONEY_SIGN);
        printf("200 MCI for an offence on %s: %s\n", jobs[i].date,
               jobs[i].rc == KZP_OK ? text : kzp_strerror(jobs[i].rc));
        failed |= jobs[i].rc != KZP_OK;
    }
    kzp_ctx_free(ctx); /* only after every thread is done with it */
    return failed;
}
