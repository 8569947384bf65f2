/* Building, deriving, describing and freeing contexts. A context is never changed after
 * it is built: an MCI override or a what-if makes a new context from the base's
 * canonical JSON, so a failure cannot leave any context half-changed. */
#include "kzp_internal.h"

#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE_BYTES (64L * 1024 * 1024)
#define LOAD_FLAGS (JSON_REJECT_DUPLICATES)

static int parse_text(json_t **out, const char *json, size_t len, kzp_error *err);

/* Parse and build; a static text (the embedded dataset) is borrowed instead of copied. */
static int new_from_text(kzp_ctx **out, const char *json, size_t len, bool is_static, kzp_error *err)
{
    json_t *root = NULL;
    int rc = parse_text(&root, json ? json : "", len, err);
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

static int parse_text(json_t **out, const char *json, size_t len, kzp_error *err)
{
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
    FILE *f = fopen(path, "rb");
    if (!f) {
        return kzp_fail(err, KZP_E_IO, NULL, "cannot open '%.180s': %s", path, strerror(errno));
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int rc = KZP_OK;
    for (;;) {
        if (len == cap) {
            if (cap >= (size_t)MAX_FILE_BYTES) {
                rc = kzp_fail(err, KZP_E_IO, NULL, "'%.180s' is larger than %ld bytes", path, MAX_FILE_BYTES);
                break;
            }
            cap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, cap);
            if (!nb) {
                rc = kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory reading '%.180s'", path);
                break;
            }
            buf = nb;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            if (ferror(f)) {
                rc = kzp_fail(err, KZP_E_IO, NULL, "cannot read '%.180s'", path);
            }
            break;
        }
    }
    fclose(f);
    if (rc == KZP_OK) {
        rc = kzp_ctx_new_from_buffer(out, buf, len, err);
    }
    free(buf);
    return rc;
}

void kzp_ctx_free(kzp_ctx *ctx)
{
    if (ctx && !ctx->shared) { /* the shared embedded context lives as long as the process */
        kzp_arena_free(&ctx->arena);
        free(ctx);
    }
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

/* ---- Derived contexts ---- */

static int base_root(json_t **out, const kzp_ctx *base, kzp_error *err)
{
    json_error_t jerr;
    *out = json_loadb(base->canonical, base->canonical_len, 0, &jerr);
    return *out ? KZP_OK : kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
}

/* Add each element of src to dst, replacing an element of dst for which same() holds. */
static int merge_array(json_t *dst, json_t *src, bool (*same)(json_t *, json_t *), int *origin, size_t origin_cap)
{
    for (size_t i = 0; i < json_array_size(src); i++) {
        json_t *item = json_array_get(src, i);
        size_t at = json_array_size(dst);
        for (size_t j = 0; j < json_array_size(dst); j++) {
            if (same(json_array_get(dst, j), item)) {
                at = j;
                break;
            }
        }
        int rc = at < json_array_size(dst) ? json_array_set(dst, at, item) : json_array_append(dst, item);
        if (rc) {
            return KZP_E_NOMEM;
        }
        if (origin && at < origin_cap) {
            origin[at] = (int)i;
        }
    }
    return KZP_OK;
}

static bool same_string_member(json_t *a, json_t *b, const char *key)
{
    const char *x = json_string_value(json_object_get(a, key));
    const char *y = json_string_value(json_object_get(b, key));
    return x && y && strcmp(x, y) == 0;
}

static bool same_citation(json_t *a, json_t *b)
{
    return same_string_member(a, b, "id");
}

static bool same_period(json_t *a, json_t *b)
{
    return same_string_member(a, b, "from") && same_string_member(a, b, "purpose");
}

/* True if v (a JSON tree) holds the string s anywhere: which citations articles and rules use. */
static bool tree_has_string(json_t *v, const char *s)
{
    if (json_is_string(v)) {
        return strcmp(json_string_value(v), s) == 0;
    }
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (tree_has_string(json_array_get(v, i), s)) {
                return true;
            }
        }
    }
    if (json_is_object(v)) {
        const char *k;
        json_t *x = NULL;
        json_object_foreach(v, k, x)
        {
            if (tree_has_string(x, s)) {
                return true;
            }
        }
    }
    return false;
}

static int update_fail(kzp_error *err, const char *json, size_t len, int code, const char *path, const char *msg)
{
    kzp_fail(err, code, path, "%s: %s", path, msg);
    if (err) {
        kzp_json_locate(json, len, path, &err->line, &err->column);
    }
    return code;
}

/* An update may not name the same period or citation twice (the last would win silently),
 * and may replace only citations that MCI periods use: an "MCI update" must not rewrite the
 * sources of an article or a rule. */
static int check_update_entries(json_t *ov, json_t *root, const char *json, size_t len, kzp_error *err)
{
    char path[96];
    json_t *periods = json_object_get(ov, "periods"), *cits = json_object_get(ov, "citations");
    for (size_t i = 0; i < json_array_size(periods); i++) {
        for (size_t j = 0; j < i; j++) {
            if (same_period(json_array_get(periods, j), json_array_get(periods, i))) {
                snprintf(path, sizeof path, "$.periods[%zu]", i);
                return update_fail(err, json, len, KZP_E_DATA_DUPLICATE, path,
                                   "the update gives this period (same from and purpose) twice");
            }
        }
    }
    json_t *bcits = json_object_get(root, "citations");
    for (size_t i = 0; i < json_array_size(cits); i++) {
        json_t *c = json_array_get(cits, i);
        snprintf(path, sizeof path, "$.citations[%zu].id", i);
        for (size_t j = 0; j < i; j++) {
            if (same_citation(json_array_get(cits, j), c)) {
                return update_fail(err, json, len, KZP_E_DATA_DUPLICATE, path,
                                   "the update defines this citation twice");
            }
        }
        const char *id = json_string_value(json_object_get(c, "id"));
        for (size_t j = 0; id && j < json_array_size(bcits); j++) {
            if (same_citation(json_array_get(bcits, j), c) && (tree_has_string(json_object_get(root, "articles"), id) ||
                                                               tree_has_string(json_object_get(root, "rules"), id))) {
                return update_fail(err, json, len, KZP_E_DATA_DUPLICATE, path,
                                   "this citation backs an article or a rule; an MCI update may only add citations "
                                   "or replace those of MCI periods");
            }
        }
    }
    return KZP_OK;
}

/* Sort periods by "from" (ISO dates compare as strings), carrying their origins along.
 * Insertion sort: the table has a few dozen rows and is nearly sorted. */
static void sort_periods(json_t *periods, int *origin)
{
    size_t n = json_array_size(periods);
    for (size_t i = 1; i < n; i++) {
        for (size_t j = i; j > 0; j--) {
            json_t *a = json_array_get(periods, j - 1), *b = json_array_get(periods, j);
            const char *fa = json_string_value(json_object_get(a, "from"));
            const char *fb = json_string_value(json_object_get(b, "from"));
            if (!fa || !fb || strcmp(fa, fb) <= 0) {
                break;
            }
            json_incref(a);
            json_array_set(periods, j - 1, b);
            json_array_set_new(periods, j, a);
            int t = origin[j - 1];
            origin[j - 1] = origin[j];
            origin[j] = t;
        }
    }
}

/* An error found in the merged dataset that lies in a period or citation that came from
 * the override is reported at its place in the override text instead. */
static void remap_error(kzp_error *err, const char *prefix, const char *override_key, const int *origin,
                        size_t origin_n, const char *text, size_t len)
{
    size_t plen = strlen(prefix);
    if (!err || strncmp(err->path, prefix, plen) != 0) {
        return;
    }
    char *end;
    long k = strtol(err->path + plen, &end, 10);
    if (k < 0 || (size_t)k >= origin_n || origin[k] < 0 || *end != ']') {
        return;
    }
    char rest[64];
    snprintf(rest, sizeof rest, "%.63s", end + 1);
    char old[128];
    snprintf(old, sizeof old, "%s", err->path);
    snprintf(err->path, sizeof err->path, "$.%.20s[%d]%s", override_key, origin[k], rest);
    /* The message starts with the old path; say the new one instead. */
    size_t oldlen = strlen(old);
    if (strncmp(err->message, old, oldlen) == 0) {
        char msg[256];
        snprintf(msg, sizeof msg, "%s%s", err->path, err->message + oldlen);
        snprintf(err->message, sizeof err->message, "%s", msg);
    }
    kzp_json_locate(text, len, err->path, &err->line, &err->column);
}

/* True if an error path names a period that came from the base table, not from the update. */
static bool base_period_cut_off(const char *path, const int *origin, size_t n)
{
    const char *prefix = "$.mci.periods[";
    if (strncmp(path, prefix, strlen(prefix)) != 0) {
        return false;
    }
    long k = strtol(path + strlen(prefix), NULL, 10);
    return k >= 0 && (size_t)k < n && origin[k] < 0;
}

int kzp_ctx_new_with_mci(kzp_ctx **out, const kzp_ctx *base, const char *json, size_t len, kzp_error *err)
{
    static const char *const KEYS[] = {"citations", "known_until", "known_until_citation", "periods"};
    if (!out || !base || (!json && len > 0)) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_ctx_new_with_mci");
    }
    json_t *ov = NULL, *root = NULL;
    int rc = parse_text(&ov, json ? json : "", len, err);
    if (rc) {
        return rc;
    }
    int *porigin = NULL, *corigin = NULL;
    if (!json_is_object(ov)) {
        rc = kzp_fail(err, KZP_E_SCHEMA, "$", "$: an MCI update must be a JSON object with 'periods'");
        goto done;
    }
    const char *key;
    json_t *val = NULL;
    json_object_foreach(ov, key, val)
    {
        bool known = false;
        for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
            known = known || strcmp(key, KEYS[i]) == 0;
        }
        bool is_array = strcmp(key, "citations") == 0 || strcmp(key, "periods") == 0;
        char path[128];
        snprintf(path, sizeof path, "$.%.100s", key);
        if (!known || (is_array && !json_is_array(val)) || (!is_array && !json_is_string(val))) {
            rc = kzp_fail(err, KZP_E_SCHEMA, path, "%s: %s", path,
                          known ? (is_array ? "must be an array" : "must be a string") : "unknown member");
            if (err) {
                kzp_json_locate(json, len, path, &err->line, &err->column);
            }
            goto done;
        }
    }
    json_t *periods = json_object_get(ov, "periods");
    if (!periods) {
        rc = kzp_fail(err, KZP_E_SCHEMA, "$", "$: required member 'periods' is missing");
        goto done;
    }
    if ((rc = base_root(&root, base, err)) || (rc = check_update_entries(ov, root, json, len, err))) {
        goto done;
    }
    json_t *mci = json_object_get(root, "mci");
    json_t *bperiods = json_object_get(mci, "periods");
    json_t *bcitations = json_object_get(root, "citations");
    size_t pn = json_array_size(bperiods) + json_array_size(periods);
    size_t cn = json_array_size(bcitations) + json_array_size(json_object_get(ov, "citations"));
    porigin = malloc((pn + 1) * sizeof *porigin);
    corigin = malloc((cn + 1) * sizeof *corigin);
    if (!porigin || !corigin) {
        rc = kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
        goto done;
    }
    for (size_t i = 0; i <= pn; i++) {
        porigin[i] = -1;
    }
    for (size_t i = 0; i <= cn; i++) {
        corigin[i] = -1;
    }
    json_t *ocit = json_object_get(ov, "citations");
    if ((ocit && merge_array(bcitations, ocit, same_citation, corigin, cn)) ||
        merge_array(bperiods, periods, same_period, porigin, pn)) {
        rc = kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
        goto done;
    }
    sort_periods(bperiods, porigin);
    const char *ku = json_string_value(json_object_get(ov, "known_until"));
    const char *kuc = json_string_value(json_object_get(ov, "known_until_citation"));
    if ((ku && json_object_set_new(mci, "known_until", json_string(ku))) ||
        (kuc && json_object_set_new(mci, "known_until_citation", json_string(kuc)))) {
        rc = kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
        goto done;
    }
    rc = kzp_ctx_build(out, root, NULL, 0, false, err);
    if (rc == KZP_E_DATA_ORDER && ku && err && base_period_cut_off(err->path, porigin, pn)) {
        /* A period already in the table now starts after the new known_until: the update's
         * known_until is what is wrong. */
        rc = kzp_fail(err, KZP_E_DATA_ORDER, "$.known_until",
                      "$.known_until: %.20s is before a period already in the MCI table; known_until can only "
                      "move the table's end, not cut periods off",
                      ku);
        kzp_json_locate(json, len, err->path, &err->line, &err->column);
    } else if (rc) {
        remap_error(err, "$.mci.periods[", "periods", porigin, pn, json, len);
        remap_error(err, "$.citations[", "citations", corigin, cn, json, len);
        if (err && strncmp(err->path, "$.mci.known_until", 17) == 0) {
            /* "$.mci.known_until..." in the merged dataset is "$.known_until..." in the update. */
            char msg[256], path[128];
            const char *rest = strncmp(err->message, "$.mci.", 6) == 0 ? err->message + 6 : err->message;
            snprintf(path, sizeof path, "$.%.120s", err->path + 6);
            snprintf(msg, sizeof msg, "$.%.250s", rest);
            snprintf(err->path, sizeof err->path, "%s", path);
            snprintf(err->message, sizeof err->message, "%s", msg);
            kzp_json_locate(json, len, err->path, &err->line, &err->column);
        }
    }
done:
    free(porigin);
    free(corigin);
    json_decref(root);
    json_decref(ov);
    return rc;
}

int kzp_ctx_new_what_if(kzp_ctx **out, const kzp_ctx *base, int64_t mci_tenge, kzp_error *err)
{
    if (!out || !base) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_ctx_new_what_if");
    }
    if (mci_tenge < 1 || mci_tenge > 1000000000) {
        return kzp_fail(err, KZP_E_BAD_NUMBER, NULL,
                        "a hypothetical MCI must be a whole number of tenge from 1 to 1000000000, not %lld",
                        (long long)mci_tenge);
    }
    json_t *root = NULL;
    int rc = base_root(&root, base, err);
    if (rc) {
        return rc;
    }
    char note[160];
    snprintf(note, sizeof note, "A hypothetical MCI of %lld tenge on every date, supplied by the user: not law.",
             (long long)mci_tenge);
    json_t *cit = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "id", "what-if-mci", "act",
                            "hypothetical value (what-if)", "reference", "", "document", "", "seen_in",
                            "supplied by the user", "note", note, "status", "hypothetical");
    json_t *mci = json_pack("{s:s, s:s, s:[{s:s, s:I, s:s, s:s}]}", "known_until", "9999-12-31", "known_until_citation",
                            "what-if-mci", "periods", "from", "0001-01-01", "tenge", (json_int_t)mci_tenge, "purpose",
                            "all", "citation", "what-if-mci");
    json_t *wrap = json_pack("{s:[o]}", "c", cit);
    if (!cit || !mci || !wrap ||
        merge_array(json_object_get(root, "citations"), json_object_get(wrap, "c"), same_citation, NULL, 0) ||
        json_object_set(root, "mci", mci)) {
        rc = kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
    } else {
        rc = kzp_ctx_build(out, root, NULL, 0, false, err);
    }
    json_decref(wrap);
    json_decref(mci);
    json_decref(root);
    return rc;
}
