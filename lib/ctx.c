/* Building, describing and freeing contexts (derived ones: derive.c). A context is never changed
 * after it is built, so a failure cannot leave any context half-changed. */
#include "kzp_internal.h"

#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LOAD_FLAGS (JSON_REJECT_DUPLICATES)

/* Parse and build; a static text (the embedded dataset) is borrowed instead of copied. */
static int new_from_text(kzp_ctx **out, const char *json, size_t len, bool is_static, kzp_error *err)
{
    json_t *root = NULL;
    int rc = kzp_parse_json(&root, json ? json : "", len, err);
    if (rc) {
        return rc;
    }
    rc = kzp_ctx_build(out, root, json ? json : "", len, is_static, err);
    json_decref(root);
    return rc;
}

bool kzp_json_out_of_memory(const struct json_error_t *jerr)
{
    return json_error_code(jerr) == json_error_out_of_memory || jerr->text[0] == '\0';
}

/* A NUL byte inside the text: JSON has none, and jansson would only say "end of file". */
int kzp_json_nul(const char *json, size_t len, kzp_error *err)
{
    const char *nul = len ? memchr(json, '\0', len) : NULL;
    if (!nul) {
        return KZP_OK;
    }
    int line, column;
    kzp_text_position(json, len, (size_t)(nul - json), &line, &column);
    kzp_fail(err, KZP_E_JSON, "$", "line %d, column %d: a NUL byte; JSON text has none (is this a binary file?)", line,
             column);
    if (err) {
        err->line = line;
        err->column = column;
    }
    return KZP_E_JSON;
}

int kzp_parse_json(json_t **out, const char *json, size_t len, kzp_error *err)
{
    if (kzp_json_nul(json, len, err)) {
        return KZP_E_JSON;
    }
    json_error_t jerr;
    json_t *root = json_loadb(json, len, LOAD_FLAGS, &jerr);
    if (!root && kzp_json_out_of_memory(&jerr)) {
        return kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory reading the JSON text");
    }
    if (!root) {
        /* jansson counts columns in characters; report bytes, as for every other problem. */
        int line, column;
        kzp_text_position(json, len, (size_t)jerr.position, &line, &column);
        kzp_fail(err, KZP_E_JSON, "$", "line %d, column %d: %s", line, column, jerr.text);
        if (err) {
            err->line = line;
            err->column = column;
        }
        return KZP_E_JSON;
    }
    *out = root;
    return KZP_OK;
}

int kzp_ctx_new_from_buffer(kzp_ctx **out, const char *json, size_t len, kzp_error *err)
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

int kzp_ctx_new(kzp_ctx **out, kzp_error *err)
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

int kzp_ctx_new_from_file(kzp_ctx **out, const char *path, kzp_error *err)
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

int kzp_ctx_memory(size_t *bytes, const kzp_ctx *ctx)
{
    if (!bytes || !ctx) {
        return KZP_E_INVALID_ARG;
    }
    /* what kzp_ctx_free would give back: its struct and its arena, never its base's */
    *bytes = ctx->shared ? 0 : sizeof *ctx + ctx->arena.bytes;
    return KZP_OK;
}

int kzp_ctx_info(kzp_dataset_info *out, const kzp_ctx *ctx)
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
    };
    *out = info;
    return KZP_OK;
}
