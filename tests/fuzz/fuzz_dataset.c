/* Fuzz target: any bytes as a dataset (loaded, validated in full, and used as an MCI update).
 * Whatever the input, nothing may crash, leak or read out of bounds; a context that loads must
 * answer queries. */
#include <kzpenalty.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static kzp_ctx *embedded;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!embedded && kzp_ctx_new(&embedded, NULL) != KZP_OK) {
        abort();
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    if (kzp_ctx_new_from_buffer(&ctx, (const char *)data, size, &err) == KZP_OK) {
        kzp_range r;
        kzp_fine f;
        kzp_conversion c;
        kzp_article a;
        /* whatever a dataset that loads says, its answers hold on the dates asked */
        if (kzp_article_at(&a, ctx, 0) == KZP_OK &&
            kzp_range_get(&r, ctx, a.id, a.in_force_from, KZP_Q_ALLOW_STALE | KZP_Q_MITIGATED, NULL) == KZP_OK &&
            (strcmp(r.valid_from, a.in_force_from) > 0 || strcmp(a.in_force_from, r.valid_until) > 0)) {
            abort();
        }
        if (kzp_fine_compute(&f, ctx, "2026-02-10", kzp_whole(200), KZP_Q_ALLOW_STALE, NULL) == KZP_OK &&
            (strcmp(f.valid_from, "2026-02-10") > 0 || strcmp("2026-02-10", f.valid_until) > 0)) {
            abort();
        }
        if (kzp_convert(&c, ctx, KZP_KIND_FINE, kzp_whole(150), KZP_KIND_ARREST, NULL) == KZP_OK && c.whole < 0) {
            abort();
        }
        /* every citation it counts is there */
        const kzp_citation *cit;
        for (size_t i = 0; i < kzp_citation_count(ctx); i++) {
            if (kzp_citation_at(&cit, ctx, i) != KZP_OK || !cit->id) {
                abort();
            }
        }
        kzp_ctx_free(ctx);
    } else if (err.code == KZP_OK) {
        abort(); /* a failure must say why */
    }
    kzp_error errs[8];
    size_t count;
    if (kzp_dataset_validate(errs, 8, &count, (const char *)data, size) == KZP_OK && count != 0) {
        abort(); /* valid means no problem listed */
    }
    kzp_ctx *updated = NULL;
    if (kzp_ctx_new_with_mci(&updated, embedded, (const char *)data, size, NULL) == KZP_OK) {
        kzp_ctx_free(updated);
    }
    return 0;
}
