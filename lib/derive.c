/* Derived contexts: an MCI update applied to a base (kzp_ctx_new_with_mci) and a what-if MCI
 * (kzp_ctx_new_what_if). A derived context shares its base's articles, rules and citations and
 * holds a reference on it; it owns only what it changes (the MCI table and the citations it
 * adds), so it costs what it holds. An update is validated by merging it into the base's
 * dataset as JSON and loading that like a whole dataset; a base that is itself derived gives its
 * JSON by replaying the steps that made it. */
#include "dataset.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ctx_root(json_t **out, const kzp_ctx *ctx, kzp_error *err);

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
    /* known_until moves the table's end; it may not cut off a period the table already has */
    const char *ku = json_string_value(json_object_get(ov, "known_until"));
    int32_t ku_day, from_day;
    json_t *bperiods = json_object_get(json_object_get(root, "mci"), "periods");
    for (size_t i = 0; ku && kzp_date_parse_days(&ku_day, ku) && i < json_array_size(bperiods); i++) {
        const char *from = json_string_value(json_object_get(json_array_get(bperiods, i), "from"));
        if (from && kzp_date_parse_days(&from_day, from) && from_day > ku_day) {
            char msg[200];
            snprintf(msg, sizeof msg,
                     "%.20s is before a period already in the MCI table (from %.10s); known_until can only move the "
                     "table's end, not cut periods off",
                     ku, from);
            return update_fail(err, json, len, KZP_E_DATA_ORDER, "$.known_until", msg);
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

/* ---- The what-if's JSON, for replaying it ---- */

static void what_if_note(char *buf, size_t n, int64_t tenge)
{
    snprintf(buf, n, "A hypothetical MCI of %lld tenge on every date, supplied by the user: not law.",
             (long long)tenge);
}

static int apply_what_if(json_t *root, int64_t tenge)
{
    char note[96];
    what_if_note(note, sizeof note, tenge);
    json_t *cit = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "id", "what-if-mci", "act",
                            "hypothetical value (what-if)", "reference", "", "document", "", "seen_in",
                            "supplied by the user", "note", note, "status", "hypothetical");
    json_t *mci = json_pack("{s:s, s:s, s:[{s:s, s:I, s:s, s:s}]}", "known_until", "9999-12-31", "known_until_citation",
                            "what-if-mci", "periods", "from", "0001-01-01", "tenge", (json_int_t)tenge, "purpose",
                            "all", "citation", "what-if-mci");
    json_t *wrap = json_pack("{s:[o]}", "c", cit);
    int rc =
        !cit || !mci || !wrap ||
                merge_array(json_object_get(root, "citations"), json_object_get(wrap, "c"), same_citation, NULL, 0) ||
                json_object_set(root, "mci", mci)
            ? KZP_E_NOMEM
            : KZP_OK;
    json_decref(wrap);
    json_decref(mci);
    return rc;
}

/* ---- Merging an update into a dataset's JSON ---- */

typedef struct origins {
    int *period, *citation; /* for each merged entry, its index in the update, or -1 */
    size_t periods, citations;
} origins;

static int merge_update(json_t *root, json_t *ov, origins *o)
{
    json_t *mci = json_object_get(root, "mci");
    json_t *bperiods = json_object_get(mci, "periods");
    json_t *bcitations = json_object_get(root, "citations");
    json_t *periods = json_object_get(ov, "periods"), *ocit = json_object_get(ov, "citations");
    size_t pn = json_array_size(bperiods) + json_array_size(periods);
    size_t cn = json_array_size(bcitations) + json_array_size(ocit);
    o->period = malloc((pn + 1) * sizeof *o->period);
    o->citation = malloc((cn + 1) * sizeof *o->citation);
    if (!o->period || !o->citation) {
        return KZP_E_NOMEM;
    }
    o->periods = pn;
    o->citations = cn;
    for (size_t i = 0; i <= pn; i++) {
        o->period[i] = -1;
    }
    for (size_t i = 0; i <= cn; i++) {
        o->citation[i] = -1;
    }
    if ((ocit && merge_array(bcitations, ocit, same_citation, o->citation, cn)) ||
        merge_array(bperiods, periods, same_period, o->period, pn)) {
        return KZP_E_NOMEM;
    }
    sort_periods(bperiods, o->period);
    const char *ku = json_string_value(json_object_get(ov, "known_until"));
    const char *kuc = json_string_value(json_object_get(ov, "known_until_citation"));
    if ((ku && json_object_set_new(mci, "known_until", json_string(ku))) ||
        (kuc && json_object_set_new(mci, "known_until_citation", json_string(kuc)))) {
        return KZP_E_NOMEM;
    }
    return KZP_OK;
}

static void origins_free(origins *o)
{
    free(o->period);
    free(o->citation);
}

/* The dataset of a context as JSON: its text, or its parent's with the step that derived it. */
static int ctx_root(json_t **out, const kzp_ctx *ctx, kzp_error *err)
{
    if (!ctx->parent) {
        json_error_t jerr;
        *out = json_loadb(ctx->canonical, ctx->canonical_len, 0, &jerr);
        return *out ? KZP_OK : kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
    }
    int rc = ctx_root(out, ctx->parent, err);
    if (rc) {
        return rc;
    }
    if (ctx->step == KZP_STEP_WHAT_IF) {
        rc = apply_what_if(*out, ctx->step_tenge);
    } else {
        json_error_t jerr;
        json_t *ov = json_loadb(ctx->step_text, ctx->step_len, JSON_REJECT_DUPLICATES, &jerr);
        origins o = {0};
        rc = ov ? merge_update(*out, ov, &o) : KZP_E_NOMEM; /* it was read and checked once already */
        origins_free(&o);
        json_decref(ov);
    }
    if (rc) {
        json_decref(*out);
        *out = NULL;
        return kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
    }
    return KZP_OK;
}

/* ---- Light contexts ---- */

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* The identity of a derived dataset: its base's fingerprint and the step, hashed. */
static void derived_fingerprint(kzp_ctx *d, const kzp_ctx *base, const char *step, size_t n)
{
    uint64_t h = fnv(0xcbf29ce484222325ULL, base->fingerprint, strlen(base->fingerprint));
    h = fnv(h, step, n);
    snprintf(d->fingerprint, sizeof d->fingerprint, "%016llx", (unsigned long long)h);
}

/* A new context that shares base's model; the caller replaces what the step changes. */
static kzp_ctx *derive_start(const kzp_ctx *base)
{
    kzp_ctx *d = malloc(sizeof *d);
    if (!d) {
        return NULL;
    }
    memcpy(d, base, sizeof *d);
    atomic_init(&d->refs, 1);
    d->arena = (kzp_arena){0};
    d->shared = false;
    d->canonical = NULL;
    d->canonical_len = 0;
    d->extras = NULL;
    d->extra_count = 0;
    d->step_text = NULL;
    d->step_len = 0;
    d->citation_list = NULL;
    d->update_periods = NULL;
    d->update_count = 0;
    d->update_source = d->update_sha256 = NULL;
    d->parent = (kzp_ctx *)base; /* held, never changed through this pointer */
    if (!base->shared) {
        atomic_fetch_add_explicit(&d->parent->refs, 1, memory_order_relaxed);
    }
    return d;
}

static const kzp_citation *base_citation(const kzp_ctx *base, const char *id);

kzp_status kzp_ctx_new_what_if(kzp_ctx **out, const kzp_ctx *base, int64_t mci_tenge, kzp_error *err)
{
    if (!out || !base) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_ctx_new_what_if");
    }
    if (mci_tenge < 1 || mci_tenge > 1000000000) {
        return kzp_fail(err, KZP_E_BAD_NUMBER, NULL,
                        "a hypothetical MCI must be a whole number of tenge from 1 to 1000000000, not %lld",
                        (long long)mci_tenge);
    }
    kzp_ctx *d = derive_start(base);
    if (!d) {
        return kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
    }
    d->step = KZP_STEP_WHAT_IF;
    d->step_tenge = mci_tenge;
    what_if_note(d->what_if_note, sizeof d->what_if_note, mci_tenge);
    kzp_citation *c = &d->what_if_citation;
    memset(c, 0, sizeof *c);
    c->id = "what-if-mci";
    c->act = "hypothetical value (what-if)";
    c->reference = c->document = "";
    c->seen_in = "supplied by the user";
    c->note = d->what_if_note;
    c->certainty = KZP_CERT_HYPOTHETICAL;
    for (int lang = 0; lang < 3; lang++) {
        c->act_in[lang] = c->act;
        c->reference_in[lang] = c->reference;
    }
    kzp_period_def *p = &d->what_if_period;
    memset(p, 0, sizeof *p);
    kzp_date_parse_days(&p->from, "0001-01-01");
    memcpy(p->from_iso, "0001-01-01", sizeof p->from_iso);
    p->tenge = mci_tenge;
    p->purpose_all = 1;
    p->purpose = KZP_PURPOSE_FINES;
    p->citation = c;
    d->periods = p;
    d->period_count = 1;
    kzp_date_parse_days(&d->known_until, "9999-12-31");
    memcpy(d->known_until_iso, "9999-12-31", sizeof d->known_until_iso);
    d->known_until_citation = c;
    d->what_if_extra[0] = c;
    d->extras = d->what_if_extra;
    d->extra_count = 1;
    /* in the list of citations, the what-if's takes the place of one from an earlier what-if, or
     * comes last */
    size_t n = kzp_citation_count(base);
    d->what_if_slot = n;
    if (base_citation(base, c->id)) {
        const kzp_citation *at = NULL;
        for (size_t i = 0; i < n && d->what_if_slot == n; i++) {
            if (kzp_citation_at(&at, base, i) == KZP_OK && strcmp(at->id, c->id) == 0) {
                d->what_if_slot = i;
            }
        }
    }
    d->citation_count = d->what_if_slot == n ? n + 1 : n;
    d->hypothetical = 1;
    char step[48];
    int steplen = snprintf(step, sizeof step, "\nwhat-if %lld", (long long)mci_tenge);
    derived_fingerprint(d, base, step, (size_t)steplen);
    *out = d;
    kzp_error_clear(err);
    return KZP_OK;
}

static bool same_text(const char *a, const char *b)
{
    return strcmp(a, b) == 0;
}

static bool same_content(const kzp_citation *a, const kzp_citation *b)
{
    bool same = same_text(a->id, b->id) && same_text(a->act, b->act) && same_text(a->reference, b->reference) &&
                same_text(a->document, b->document) && same_text(a->seen_in, b->seen_in) &&
                same_text(a->note, b->note) && a->certainty == b->certainty;
    for (int lang = 0; same && lang < 3; lang++) {
        same = same_text(a->act_in[lang], b->act_in[lang]) && same_text(a->reference_in[lang], b->reference_in[lang]);
    }
    return same;
}

/* A citation of base with this id (its own extras first, then its parent chain's), or NULL. */
static const kzp_citation *base_citation(const kzp_ctx *base, const char *id)
{
    for (const kzp_ctx *c = base; c; c = c->parent) {
        for (size_t i = 0; i < c->extra_count; i++) {
            if (same_text(c->extras[i]->id, id)) {
                return c->extras[i];
            }
        }
        if (!c->parent) {
            long i = kzp_index_get(&c->citation_index, id);
            return i >= 0 ? &c->citations[i] : NULL;
        }
    }
    return NULL;
}

static char *dup(kzp_arena *a, const char *s, bool *ok)
{
    char *p = kzp_arena_strdup(a, s);
    *ok = *ok && p;
    return p ? p : "";
}

/* The citation a derived context's period uses: base's own when the update left it as it was,
 * else a copy in d's arena (kept once, in d->extras). NULL when memory runs out. */
static const kzp_citation *map_citation(kzp_ctx *d, const kzp_ctx *base, const kzp_citation *c, size_t cap)
{
    const kzp_citation *b = base_citation(base, c->id);
    if (b && same_content(b, c)) {
        return b;
    }
    for (size_t i = 0; i < d->extra_count; i++) {
        if (same_text(d->extras[i]->id, c->id)) {
            return d->extras[i];
        }
    }
    kzp_citation *copy = kzp_arena_alloc(&d->arena, sizeof *copy);
    bool ok = copy && d->extra_count < cap;
    if (!ok) {
        return NULL;
    }
    copy->id = dup(&d->arena, c->id, &ok);
    copy->act = dup(&d->arena, c->act, &ok);
    copy->reference = dup(&d->arena, c->reference, &ok);
    copy->document = dup(&d->arena, c->document, &ok);
    copy->seen_in = dup(&d->arena, c->seen_in, &ok);
    copy->note = dup(&d->arena, c->note, &ok);
    copy->certainty = c->certainty;
    for (int lang = 0; lang < 3; lang++) {
        copy->act_in[lang] = dup(&d->arena, c->act_in[lang], &ok);
        copy->reference_in[lang] = dup(&d->arena, c->reference_in[lang], &ok);
    }
    if (!ok) {
        return NULL;
    }
    d->extras[d->extra_count++] = copy;
    return copy;
}

/* An update's file name as receipts show it: a byte that is not part of a UTF-8 character, and a
 * control character (a line break, an escape), become '?', so a name cannot forge a receipt line
 * or break a document's encoding. */
static char *shown_source(kzp_arena *a, const char *path, bool *ok)
{
    char *p = dup(a, path, ok);
    size_t n = strlen(p);
    for (size_t i = 0; i < n;) {
        size_t k = kzp_utf8_char_len(p + i, n - i);
        if (k == 0 || (k == 1 && ((unsigned char)p[i] < 0x20 || p[i] == 0x7f))) {
            p[i] = '?';
            k = 1;
        }
        i += k;
    }
    return p;
}

/* The light context of an update: base's model with full's MCI table (full is the merged
 * dataset, loaded to validate it). */
static int light_update(kzp_ctx **out, const kzp_ctx *base, const kzp_ctx *full, const char *text, size_t len,
                        const origins *o, const char *source, kzp_error *err)
{
    kzp_ctx *d = derive_start(base);
    if (!d) {
        return kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
    }
    d->step = KZP_STEP_UPDATE;
    /* every citation of the merged dataset may be a copy at most once */
    size_t cap = full->citation_count + 1;
    char *copy = kzp_arena_alloc(&d->arena, len + 1);
    kzp_period_def *periods = kzp_arena_alloc(&d->arena, full->period_count * sizeof *periods);
    // NOLINTNEXTLINE(bugprone-sizeof-expression): extras is an array of pointers; one pointer is the element
    d->extras = kzp_arena_alloc(&d->arena, cap * sizeof *d->extras);
    // NOLINTNEXTLINE(bugprone-sizeof-expression): the list is an array of pointers
    const kzp_citation **list = kzp_arena_alloc(&d->arena, (full->citation_count + 1) * sizeof *list);
    bool ok = copy && periods && d->extras && list;
    for (size_t i = 0; ok && i < full->period_count; i++) {
        periods[i] = full->periods[i];
        ok = (periods[i].citation = map_citation(d, base, full->periods[i].citation, cap)) != NULL;
    }
    if (ok) {
        ok = (d->known_until_citation = map_citation(d, base, full->known_until_citation, cap)) != NULL;
    }
    /* the whole list, in the merged dataset's order, for kzp_citation_at */
    for (size_t i = 0; ok && i < full->citation_count; i++) {
        ok = (list[i] = map_citation(d, base, &full->citations[i], cap)) != NULL;
    }
    /* the periods the update brought, for receipts (kzp_update_at) */
    size_t *mine = ok && full->period_count ? kzp_arena_alloc(&d->arena, full->period_count * sizeof *mine) : NULL;
    ok = ok && (mine || !full->period_count);
    for (size_t k = 0; ok && k < full->period_count && k < o->periods; k++) {
        if (o->period[k] >= 0) {
            mine[d->update_count++] = k;
        }
    }
    char sha[65];
    kzp_sha256_hex(sha, text, len);
    d->update_periods = mine;
    d->update_source = ok ? shown_source(&d->arena, source, &ok) : "";
    d->update_sha256 = ok ? dup(&d->arena, sha, &ok) : "";
    if (!ok) {
        kzp_ctx_free(d);
        return kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    d->step_text = copy;
    d->step_len = len;
    d->citation_list = list;
    d->citation_count = full->citation_count;
    d->periods = periods;
    d->period_count = full->period_count;
    d->known_until = full->known_until;
    memcpy(d->known_until_iso, full->known_until_iso, sizeof d->known_until_iso);
    d->hypothetical = 0;
    for (size_t i = 0; i < d->period_count; i++) {
        d->hypothetical |= d->periods[i].citation->certainty == KZP_CERT_HYPOTHETICAL;
    }
    derived_fingerprint(d, base, text, len);
    *out = d;
    return KZP_OK;
}

/* The update's members: known ones only, each of its type, "periods" required. */
static int check_update_shape(json_t *ov, const char *json, size_t len, kzp_error *err)
{
    static const char *const KEYS[] = {"citations", "known_until", "known_until_citation", "periods"};
    if (!json_is_object(ov)) {
        return kzp_fail(err, KZP_E_SCHEMA, "$", "$: an MCI update must be a JSON object with 'periods'");
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
        if (!known || (is_array && !json_is_array(val)) || (!is_array && !json_is_string(val))) {
            char path[128];
            snprintf(path, sizeof path, "$.%.100s", key);
            return update_fail(err, json, len, KZP_E_SCHEMA, path,
                               known ? (is_array ? "must be an array" : "must be a string") : "unknown member");
        }
    }
    if (!json_object_get(ov, "periods")) {
        return kzp_fail(err, KZP_E_SCHEMA, "$", "$: required member 'periods' is missing");
    }
    return KZP_OK;
}

/* Where a problem found in the merged dataset lies in the update's own text: a period or a
 * citation the update brought is at its place in the update; the table's end is the update's
 * known_until. Anything else (the base) is not in the update. */
static bool update_path(const kzp_path_map *m, const char *path, char out[128])
{
    const origins *o = m->data;
    static const struct {
        const char *merged, *update;
        int which; /* 0: periods, 1: citations */
    } LISTS[] = {{"$.mci.periods[", "periods", 0}, {"$.citations[", "citations", 1}};
    for (size_t i = 0; i < sizeof LISTS / sizeof LISTS[0]; i++) {
        size_t plen = strlen(LISTS[i].merged);
        if (strncmp(path, LISTS[i].merged, plen) != 0) {
            continue;
        }
        char *end;
        long k = strtol(path + plen, &end, 10);
        const int *origin = LISTS[i].which ? o->citation : o->period;
        size_t n = LISTS[i].which ? o->citations : o->periods;
        if (k < 0 || (size_t)k >= n || origin[k] < 0 || *end != ']') {
            return false;
        }
        snprintf(out, 128, "$.%s[%d]%.80s", LISTS[i].update, origin[k], end + 1);
        return true;
    }
    if (strncmp(path, "$.mci.known_until", 17) == 0) {
        snprintf(out, 128, "$.%.100s", path + 6); /* $.mci.known_until... is $.known_until... */
        return true;
    }
    return false;
}

/* An update from json, read from source ("" for a caller's buffer). */
int kzp_ctx_update(kzp_ctx **out, const kzp_ctx *base, const char *json, size_t len, const char *source, kzp_error *err)
{
    json_t *ov = NULL, *root = NULL;
    kzp_ctx *full = NULL;
    origins o = {0};
    int rc = kzp_parse_json(&ov, json, len, err);
    if (rc || (rc = check_update_shape(ov, json, len, err)) || (rc = ctx_root(&root, base, err)) ||
        (rc = check_update_entries(ov, root, json, len, err))) {
        goto done;
    }
    if (merge_update(root, ov, &o)) {
        rc = kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
        goto done;
    }
    kzp_path_map map = {.map = update_path, .text = json, .len = len, .data = &o};
    if ((rc = kzp_ctx_build_model(&full, root, &map, err))) {
        goto done;
    }
    rc = light_update(out, base, full, json, len, &o, source, err);
    if (rc == KZP_OK) {
        kzp_error_clear(err);
    }
done:
    kzp_ctx_free(full);
    origins_free(&o);
    json_decref(root);
    json_decref(ov);
    return rc;
}

kzp_status kzp_ctx_new_with_mci(kzp_ctx **out, const kzp_ctx *base, const char *json, size_t len, kzp_error *err)
{
    if (!out || !base || (!json && len > 0)) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_ctx_new_with_mci");
    }
    return kzp_ctx_update(out, base, json ? json : "", len, "", err);
}
