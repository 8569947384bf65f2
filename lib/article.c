/* Looking up the articles a dataset encodes. */
#include "kzp_internal.h"

#include <stdio.h>
#include <string.h>

static void article_fill(kzp_article *out, const kzp_article_def *a)
{
    kzp_article r = {
        .id = a->id, .category = a->category, .sanction_count = a->sanction_count, .citation = a->citation};
    memcpy(r.title, a->title, sizeof r.title);
    memcpy(r.in_force_from, a->in_force_iso, sizeof r.in_force_from);
    *out = r;
}

const kzp_article_def *kzp_article_find(const kzp_ctx *ctx, const char *id)
{
    long i = kzp_index_get(&ctx->article_index, id);
    return i >= 0 ? &ctx->articles[i] : NULL;
}

int kzp_article_unknown(const kzp_ctx *ctx, const char *id, kzp_error *err)
{
    char known[96] = "";
    size_t o = 0;
    for (size_t i = 0; ctx->articles && i < ctx->article_count && o < sizeof known - 1; i++) {
        o += (size_t)snprintf(known + o, sizeof known - o, "%s%s", i ? ", " : "", ctx->articles[i].id);
    }
    return kzp_fail(err, KZP_E_UNKNOWN_ARTICLE, NULL, "article '%.40s' is not in the dataset; it encodes: %s", id,
                    known);
}

kzp_status kzp_article_get(kzp_article *out, const kzp_ctx *ctx, const char *id, kzp_error *err)
{
    if (!out || !ctx || !id) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_article_get");
    }
    const kzp_article_def *a = kzp_article_find(ctx, id);
    if (!a) {
        return kzp_article_unknown(ctx, id, err);
    }
    article_fill(out, a);
    kzp_error_clear(err);
    return KZP_OK;
}

kzp_status kzp_article_at(kzp_article *out, const kzp_ctx *ctx, size_t index)
{
    if (!out || !ctx || index >= ctx->article_count) {
        return KZP_E_INVALID_ARG;
    }
    article_fill(out, &ctx->articles[index]);
    return KZP_OK;
}
