/* Building, describing and freeing contexts (derived ones: derive.c). A context is never changed
 * after it is built, so a failure cannot leave any context half-changed. */
#include "dataset.h"

#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parse and build; a static text (the embedded dataset) is borrowed instead of copied. */
static int new_from_text(kzp_ctx **out, const char *json, size_t len, bool is_static, kzp_error *err)
{
    json_t *root = NULL;
    int rc = kzp_parse_json(&root, json ? json : "", len, err);
    if (rc) {
        return rc;
    }
    rc = kzp_ctx_build(out, root, json ? json : "", len, is_static, NULL, err);
    json_decref(root);
    return rc;
}

kzp_status kzp_ctx_new_from_buffer(kzp_ctx **out, const char *json, size_t len, kzp_error *err)
{
    if (!out || (!json && len > 0)) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_ctx_new_from_buffer");
    }
    return new_from_text(out, json, len, false, err);
}

/* The embedded dataset never changes, and neither does a context: it is parsed once per
 * process, on the first kzp_ctx_new, and that one context is handed to every caller. It is
 * never freed (kzp_ctx_free skips it). A failed build (out of memory) is not remembered, so
 * a later call tries again. */
static _Atomic(kzp_ctx *) embedded_ctx;
static pthread_mutex_t embedded_lock = PTHREAD_MUTEX_INITIALIZER;

kzp_status kzp_ctx_new(kzp_ctx **out, kzp_error *err)
{
    if (!out) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_ctx_new");
    }
    kzp_ctx *ctx = atomic_load_explicit(&embedded_ctx, memory_order_acquire);
    if (!ctx) {
        pthread_mutex_lock(&embedded_lock);
        ctx = atomic_load_explicit(&embedded_ctx, memory_order_relaxed);
        if (!ctx) {
            int rc = new_from_text(&ctx, kzp_embedded_dataset, kzp_embedded_dataset_len, true, err);
            if (rc) {
                pthread_mutex_unlock(&embedded_lock);
                return rc;
            }
            ctx->shared = true;
            atomic_store_explicit(&embedded_ctx, ctx, memory_order_release);
        }
        pthread_mutex_unlock(&embedded_lock);
    }
    *out = ctx;
    kzp_error_clear(err);
    return KZP_OK;
}

kzp_status kzp_ctx_new_from_file(kzp_ctx **out, const char *path, kzp_error *err)
{
    if (!out || !path) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_ctx_new_from_file");
    }
    char *buf = NULL;
    size_t len = 0;
    int rc = kzp_read_file(&buf, &len, path, err);
    if (rc == KZP_OK) {
        rc = kzp_ctx_new_from_buffer(out, buf, len, err);
    }
    free(buf);
    return rc;
}

/* A context is freed when its last holder lets go: its creator, and each context derived from it
 * (a derived context shares its base's articles, rules and citations). */
void kzp_ctx_free(kzp_ctx *ctx)
{
    while (ctx && !ctx->shared) { /* the shared embedded context lives as long as the process */
        if (atomic_fetch_sub_explicit(&ctx->refs, 1, memory_order_acq_rel) != 1) {
            return;
        }
        kzp_ctx *parent = ctx->parent;
        kzp_arena_free(&ctx->arena);
        free(ctx);
        ctx = parent; /* this context's hold on its base */
    }
}

kzp_status kzp_ctx_memory(size_t *bytes, const kzp_ctx *ctx)
{
    if (!bytes || !ctx) {
        return KZP_E_INVALID_ARG;
    }
    /* what kzp_ctx_free would give back: its struct and its arena, never its base's */
    *bytes = ctx->shared ? 0 : sizeof *ctx + ctx->arena.bytes;
    return KZP_OK;
}

kzp_status kzp_ctx_info(kzp_dataset_info *out, const kzp_ctx *ctx)
{
    if (!out || !ctx) {
        return KZP_E_INVALID_ARG;
    }
    kzp_dataset_info info = {
        .id = ctx->id,
        .version = ctx->version,
        .verified_on = ctx->verified_on,
        .fingerprint = ctx->fingerprint,
        .mci_known_until = ctx->known_until_iso,
        .schema_version = ctx->schema_version,
        .hypothetical = ctx->hypothetical,
        .article_count = ctx->article_count,
        .mci_period_count = ctx->period_count,
        .citation_count = ctx->citation_count,
    };
    *out = info;
    return KZP_OK;
}

size_t kzp_citation_count(const kzp_ctx *ctx)
{
    return ctx ? ctx->citation_count : 0;
}

kzp_status kzp_citation_at(const kzp_citation **out, const kzp_ctx *ctx, size_t index)
{
    if (!out || !ctx || index >= ctx->citation_count) {
        return KZP_E_INVALID_ARG;
    }
    const kzp_ctx *c = ctx;
    while (c->step == KZP_STEP_WHAT_IF && index != c->what_if_slot) {
        c = c->parent; /* below the slot, or past a replaced one: the parent's entry */
    }
    *out = c->step == KZP_STEP_WHAT_IF ? &c->what_if_citation
           : c->citation_list          ? c->citation_list[index]
                                       : &c->citations[index];
    return KZP_OK;
}
