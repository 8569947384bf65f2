/* kzpenalty.node: the Node-API addon over the public C API. It translates JavaScript values
 * in (ISO date strings, amounts as integer numbers, bigints or decimal strings) and the
 * library's results out (frozen plain objects, money as bigint tiyn, quantities as exact
 * decimal strings). No rule of law is computed here. State lives in the instance data of each
 * environment, so the addon works in worker threads. */
#define NAPI_VERSION 8
#include <node_api.h>

#include <kzpenalty.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uchar.h>

#define N_STATUS 22

/* Result classes defined in index.js: JS builds and freezes the objects, which V8 does far
 * faster than property-by-property creation from C. Without them (not registered), plain
 * frozen objects with the same fields are made. */
enum { R_CITATION, R_RECEIPT, R_MCI, R_SANCTION, R_RANGE, R_FINE, R_CHECK, R_CONVERSION, R_COUNT };
static const char *const RESULT_NAMES[R_COUNT] = {"Citation", "Receipt", "Mci",   "Sanction",
                                                  "Range",    "Fine",    "Check", "Conversion"};

typedef struct addon_state {
    napi_ref context_ctor;
    napi_ref errors[N_STATUS]; /* by -status; [0] is the base class KzpError */
    napi_ref results[R_COUNT];
    napi_ref scratch; /* ArrayBuffer the fine fast path writes its numbers to (see m_fine_fast) */
} addon_state;

#define MAX_CACHED 64

/* A Context's C data and the JS objects its results share. A JS object belongs to one
 * environment (a worker has its own Context objects), so these caches need no lock; they are
 * filled lazily and released by the finalizer. */
typedef struct context_box {
    kzp_ctx *ctx;
    napi_ref receipt;
    size_t n_cit;
    const kzp_citation *cit_key[MAX_CACHED];
    napi_ref cit_ref[MAX_CACHED];
    size_t n_periods;
    char period_iso[MAX_CACHED][11];
    napi_ref mci_ref[MAX_CACHED][2][2]; /* [period][purpose][stale] */
    napi_ref fine_basis[MAX_CACHED];    /* [period] */
    /* a range's sanctions and basis by (article, period, caps): a few keys are ever used */
    size_t n_ranges;
    struct {
        const char *article;
        int period, caps;
        napi_ref sanctions, basis;
    } ranges[16];
} context_box;

/* ---- Small helpers (every napi call is checked; a failure leaves a pending JS exception) ---- */

#define CHECK(call)                                                                                                    \
    do {                                                                                                               \
        if ((call) != napi_ok) {                                                                                       \
            return NULL;                                                                                               \
        }                                                                                                              \
    } while (0)

static addon_state *state_of(napi_env env)
{
    addon_state *st = NULL;
    napi_get_instance_data(env, (void **)&st);
    return st;
}

static napi_value throw_type(napi_env env, const char *msg)
{
    napi_throw_type_error(env, NULL, msg);
    return NULL;
}

/* Throw the error class for a status (registered from index.js), with code and details. */
static napi_value throw_status(napi_env env, int rc, const kzp_error *err)
{
    addon_state *st = state_of(env);
    int idx = -rc > 0 && -rc < N_STATUS ? -rc : 0;
    const char *msg = err && err->message[0] ? err->message : kzp_strerror(rc);
    napi_value cls = NULL, message, exc;
    if (st && st->errors[idx]) {
        napi_get_reference_value(env, st->errors[idx], &cls);
    }
    if (!cls && st && st->errors[0]) {
        napi_get_reference_value(env, st->errors[0], &cls);
    }
    CHECK(napi_create_string_utf8(env, msg, NAPI_AUTO_LENGTH, &message));
    if (cls) {
        CHECK(napi_new_instance(env, cls, 1, &message, &exc));
    } else {
        CHECK(napi_create_error(env, NULL, message, &exc));
    }
    napi_value code, status, path, line, column;
    napi_create_string_utf8(env, kzp_status_name(rc), NAPI_AUTO_LENGTH, &code);
    napi_create_int32(env, rc, &status);
    napi_create_string_utf8(env, err ? err->path : "", NAPI_AUTO_LENGTH, &path);
    napi_create_int32(env, err ? err->line : 0, &line);
    napi_create_int32(env, err ? err->column : 0, &column);
    napi_set_named_property(env, exc, "code", code);
    napi_set_named_property(env, exc, "status", status);
    napi_set_named_property(env, exc, "path", path);
    napi_set_named_property(env, exc, "line", line);
    napi_set_named_property(env, exc, "column", column);
    napi_throw(env, exc);
    return NULL;
}

static napi_value str(napi_env env, const char *s)
{
    napi_value v;
    return napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &v) == napi_ok ? v : NULL;
}

static napi_value boolean(napi_env env, bool b)
{
    napi_value v;
    return napi_get_boolean(env, b, &v) == napi_ok ? v : NULL;
}

static napi_value int64v(napi_env env, int64_t n)
{
    napi_value v;
    return napi_create_int64(env, n, &v) == napi_ok ? v : NULL;
}

static napi_value bigint(napi_env env, int64_t n)
{
    napi_value v;
    return napi_create_bigint_int64(env, n, &v) == napi_ok ? v : NULL;
}

static napi_value cached_value(napi_env env, napi_ref ref)
{
    napi_value v = NULL;
    return napi_get_reference_value(env, ref, &v) == napi_ok ? v : NULL;
}

static napi_value null_value(napi_env env)
{
    napi_value v;
    napi_get_null(env, &v);
    return v;
}

/* Exact decimal text of hundredths: "200", "0.2". */
static napi_value decimal_str(napi_env env, int64_t centi)
{
    char buf[40];
    kzp_decimal_format(buf, sizeof buf, centi);
    return str(env, buf);
}

static napi_value money_text(napi_env env, int64_t tiyn)
{
    char buf[64];
    kzp_format_tenge(buf, sizeof buf, tiyn, KZP_MONEY_SIGN);
    return str(env, buf);
}

/* An object from parallel arrays of names and values, then frozen. NULL values fail. */
static napi_value frozen(napi_env env, const char *const *names, napi_value *values, size_t n)
{
    napi_value o;
    CHECK(napi_create_object(env, &o));
    for (size_t i = 0; i < n; i++) {
        if (!values[i]) {
            return NULL;
        }
        CHECK(napi_set_named_property(env, o, names[i], values[i]));
    }
    CHECK(napi_object_freeze(env, o));
    return o;
}

/* A result object of a registered class (positional constructor), else a frozen plain object. */
static napi_value result(napi_env env, int kind, const char *const *names, napi_value *values, size_t n)
{
    addon_state *st = state_of(env);
    napi_value cls = st && st->results[kind] ? cached_value(env, st->results[kind]) : NULL;
    if (!cls) {
        return frozen(env, names, values, n);
    }
    for (size_t i = 0; i < n; i++) {
        if (!values[i]) {
            return NULL;
        }
    }
    napi_value o;
    CHECK(napi_new_instance(env, cls, n, values, &o));
    return o;
}

static napi_value frozen_array(napi_env env, napi_value *items, size_t n)
{
    napi_value a;
    CHECK(napi_create_array_with_length(env, n, &a));
    for (size_t i = 0; i < n; i++) {
        if (!items[i]) {
            return NULL;
        }
        CHECK(napi_set_element(env, a, (uint32_t)i, items[i]));
    }
    CHECK(napi_object_freeze(env, a));
    return a;
}

/* ---- Arguments ---- */

static bool get_string(napi_env env, napi_value v, char *buf, size_t size, const char *what)
{
    napi_valuetype t;
    napi_typeof(env, v, &t);
    if (t != napi_string) {
        char msg[128];
        snprintf(msg, sizeof msg, "%s must be a string", what);
        throw_type(env, msg);
        return false;
    }
    size_t len, copied = 0;
    napi_get_value_string_utf8(env, v, NULL, 0, &len);
    /* copied never splits a character and buf[copied] is always the terminator */
    napi_get_value_string_utf8(env, v, buf, size, &copied);
    buf[copied] = '\0';
    if (len >= size || strlen(buf) != copied) {
        /* too long to be a date, a kind, an amount or an article id, or with an embedded NUL:
         * hand the library text that no valid value starts with, so it is rejected, not cut */
        buf[0] = '?';
    }
    return true;
}

/* An amount: a safe integer number or a bigint (whole units), or a decimal string ("0.2").
 * Returns false with a TypeError pending; *rc receives a library status for a bad value. */
static bool get_amount(napi_env env, napi_value v, int64_t *centi, int *rc, kzp_error *err, const char *what)
{
    napi_valuetype t;
    napi_typeof(env, v, &t);
    *rc = KZP_OK;
    char msg[160];
    if (t == napi_number) {
        double d;
        napi_get_value_double(env, v, &d);
        int64_t n;
        napi_get_value_int64(env, v, &n);
        if ((double)n != d || d > 9007199254740991.0 || d < -9007199254740991.0) {
            snprintf(msg, sizeof msg,
                     "%s must be an integer number, a bigint or a decimal string such as '0.2' "
                     "(a fractional number is not exact)",
                     what);
            throw_type(env, msg);
            return false;
        }
        if (n < 0) {
            *rc = KZP_E_BAD_NUMBER;
            snprintf(err->message, sizeof err->message, "%s cannot be negative", what);
        } else if (n > INT64_MAX / 100) {
            *rc = KZP_E_OVERFLOW;
            snprintf(err->message, sizeof err->message, "%s is too large", what);
        } else {
            *centi = n * 100;
        }
        return true;
    }
    if (t == napi_bigint) {
        int64_t n;
        bool lossless;
        napi_get_value_bigint_int64(env, v, &n, &lossless);
        if (!lossless || n > INT64_MAX / 100 || n < 0) {
            *rc = n < 0 && lossless ? KZP_E_BAD_NUMBER : KZP_E_OVERFLOW;
            snprintf(err->message, sizeof err->message, "%s is %s", what,
                     *rc == KZP_E_BAD_NUMBER ? "negative" : "too large");
        } else {
            *centi = n * 100;
        }
        return true;
    }
    if (t == napi_string) {
        char buf[64];
        if (!get_string(env, v, buf, sizeof buf, what)) {
            return false;
        }
        *rc = kzp_decimal_parse(centi, buf, err);
        return true;
    }
    snprintf(msg, sizeof msg, "%s must be an integer number, a bigint or a decimal string", what);
    throw_type(env, msg);
    return false;
}

/* Options object: {mitigated, accelerated, allowStale, strict}; undefined means none. */
static bool get_flags(napi_env env, napi_value opts, unsigned *flags)
{
    *flags = 0;
    if (!opts) {
        return true;
    }
    napi_valuetype t = napi_undefined;
    napi_typeof(env, opts, &t);
    if (t == napi_undefined || t == napi_null) {
        return true;
    }
    if (t != napi_object) {
        throw_type(env, "options must be an object such as { mitigated: true }");
        return false;
    }
    static const char *const NAMES[] = {"mitigated", "accelerated", "allowStale", "strict"};
    static const unsigned BITS[] = {KZP_Q_MITIGATED, KZP_Q_ACCELERATED, KZP_Q_ALLOW_STALE, KZP_Q_STRICT};
    for (int i = 0; i < 4; i++) {
        bool has = false;
        if (napi_has_named_property(env, opts, NAMES[i], &has) != napi_ok) {
            return false; /* a throwing proxy or getter: its exception is pending */
        }
        if (!has) {
            continue;
        }
        napi_value v;
        if (napi_get_named_property(env, opts, NAMES[i], &v) != napi_ok) {
            return false;
        }
        napi_valuetype vt;
        napi_typeof(env, v, &vt);
        if (vt == napi_undefined) {
            continue;
        }
        if (vt != napi_boolean) {
            char msg[96];
            snprintf(msg, sizeof msg, "options.%s must be a boolean", NAMES[i]);
            throw_type(env, msg);
            return false;
        }
        bool b;
        napi_get_value_bool(env, v, &b);
        *flags |= b ? BITS[i] : 0;
    }
    return true;
}

static int lang_of(const char *s)
{
    return strcmp(s, "en") == 0   ? KZP_LANG_EN
           : strcmp(s, "ru") == 0 ? KZP_LANG_RU
           : strcmp(s, "kk") == 0 ? KZP_LANG_KK
                                  : -1;
}

/* this -> the box it wraps (NULL with a TypeError pending). */
static context_box *this_box(napi_env env, napi_callback_info info, size_t *argc, napi_value *argv)
{
    napi_value self;
    void *box = NULL;
    if (napi_get_cb_info(env, info, argc, argv, &self, NULL) != napi_ok || napi_unwrap(env, self, &box) != napi_ok ||
        !box) {
        throw_type(env, "not a kzpenalty Context");
        return NULL;
    }
    return box;
}

static kzp_ctx *this_ctx(napi_env env, napi_callback_info info, size_t *argc, napi_value *argv)
{
    context_box *box = this_box(env, info, argc, argv);
    return box ? box->ctx : NULL;
}

/* The value behind a cached reference, or NULL if none yet. */
static napi_value cached(napi_env env, napi_ref ref)
{
    napi_value v = NULL;
    if (ref && napi_get_reference_value(env, ref, &v) != napi_ok) {
        return NULL;
    }
    return v;
}

static napi_value keep(napi_env env, napi_ref *slot, napi_value v)
{
    if (v && !*slot) {
        napi_create_reference(env, v, 1, slot);
    }
    return v;
}

static int period_index(const context_box *box, const char *from)
{
    for (size_t i = box->n_periods; i-- > 0;) {
        if (memcmp(box->period_iso[i], from, 10) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/* ---- Result objects ---- */

static napi_value citation_obj(napi_env env, const kzp_citation *c)
{
    static const char *const N[] = {"id", "act", "reference", "document", "seenIn", "note", "status"};
    napi_value v[] = {str(env, c->id),
                      str(env, c->act),
                      str(env, c->reference),
                      str(env, c->document),
                      str(env, c->seen_in),
                      str(env, c->note),
                      str(env, kzp_certainty_name(c->certainty))};
    return result(env, R_CITATION, N, v, 7);
}

static napi_value citation_of(napi_env env, context_box *box, const kzp_citation *c)
{
    for (size_t i = 0; i < box->n_cit; i++) {
        if (box->cit_key[i] == c) {
            return cached(env, box->cit_ref[i]);
        }
    }
    napi_value v = citation_obj(env, c);
    if (v && box->n_cit < MAX_CACHED && napi_create_reference(env, v, 1, &box->cit_ref[box->n_cit]) == napi_ok) {
        box->cit_key[box->n_cit++] = c;
    }
    return v;
}

static napi_value basis_arr(napi_env env, context_box *box, const kzp_citation *const *basis, size_t n)
{
    napi_value items[KZP_MAX_BASIS];
    for (size_t i = 0; i < n; i++) {
        items[i] = citation_of(env, box, basis[i]);
    }
    return frozen_array(env, items, n);
}

static napi_value receipt_new(napi_env env, const kzp_ctx *ctx)
{
    kzp_dataset_info i;
    kzp_ctx_info(&i, ctx);
    static const char *const N[] = {"library", "dataset", "datasetVersion", "datasetFingerprint", "hypothetical"};
    napi_value v[] = {str(env, kzp_version_string()), str(env, i.id), str(env, i.version), str(env, i.fingerprint),
                      boolean(env, i.hypothetical)};
    return result(env, R_RECEIPT, N, v, 5);
}

static napi_value receipt_of(napi_env env, context_box *box)
{
    napi_value v = cached(env, box->receipt);
    return v ? v : keep(env, &box->receipt, receipt_new(env, box->ctx));
}

/* An MCI depends only on its period, the purpose and staleness: shared objects. */
static napi_value mci_obj(napi_env env, context_box *box, const kzp_mci *m)
{
    int pi = period_index(box, m->from), purpose = m->purpose == KZP_PURPOSE_BENEFITS, stale = m->stale != 0;
    napi_value v = pi >= 0 ? cached(env, box->mci_ref[pi][purpose][stale]) : NULL;
    if (v) {
        return v;
    }
    static const char *const N[] = {"tenge", "from", "purpose", "stale", "certainty", "citation"};
    napi_value vals[] = {int64v(env, m->tenge),
                         str(env, m->from),
                         str(env, kzp_purpose_name(m->purpose)),
                         boolean(env, m->stale),
                         str(env, kzp_certainty_name(m->certainty)),
                         citation_of(env, box, m->citation)};
    v = result(env, R_MCI, N, vals, 6);
    return pi >= 0 ? keep(env, &box->mci_ref[pi][purpose][stale], v) : v;
}

static napi_value sanctions_arr(napi_env env, const kzp_range *r)
{
    napi_value items[KZP_MAX_SANCTIONS];
    for (size_t i = 0; i < r->sanction_count; i++) {
        const kzp_sanction *s = &r->sanctions[i];
        static const char *const N[] = {"kind",   "unit",    "min",     "max",     "articleMax",
                                        "capped", "minTiyn", "maxTiyn", "maxText", "citation"};
        napi_value v[] = {str(env, kzp_kind_name(s->kind)),
                          str(env, kzp_unit_name(s->unit)),
                          s->has_min ? decimal_str(env, s->min_centi) : null_value(env),
                          decimal_str(env, s->max_centi),
                          decimal_str(env, s->article_max_centi),
                          boolean(env, s->capped),
                          s->has_tiyn && s->has_min ? bigint(env, s->min_tiyn) : null_value(env),
                          s->has_tiyn ? bigint(env, s->max_tiyn) : null_value(env),
                          s->has_tiyn ? money_text(env, s->max_tiyn) : null_value(env),
                          str(env, s->citation->id)};
        items[i] = result(env, R_SANCTION, N, v, 10);
    }
    return frozen_array(env, items, r->sanction_count);
}

/* A range's sanctions and basis are the same for every date of an MCI period (same article,
 * same caps, not stale): shared arrays. */
static napi_value range_obj(napi_env env, context_box *box, const kzp_range *r)
{
    int pi = r->has_mci ? period_index(box, r->mci.from) : -2;
    int caps = ((r->flags & KZP_Q_MITIGATED) ? 1 : 0) | ((r->flags & KZP_Q_ACCELERATED) ? 2 : 0);
    napi_value sanctions = NULL, basis = NULL;
    size_t slot = box->n_ranges;
    if (pi != -1 && !r->stale) {
        for (size_t i = 0; i < box->n_ranges; i++) {
            if (box->ranges[i].article == r->article && box->ranges[i].period == pi && box->ranges[i].caps == caps) {
                sanctions = cached(env, box->ranges[i].sanctions);
                basis = cached(env, box->ranges[i].basis);
                slot = i;
            }
        }
    }
    if (!sanctions || !basis) {
        sanctions = sanctions_arr(env, r);
        basis = basis_arr(env, box, r->basis, r->basis_count);
        if (pi != -1 && !r->stale && slot == box->n_ranges && slot < 16 && sanctions && basis) {
            box->ranges[slot].article = r->article;
            box->ranges[slot].period = pi;
            box->ranges[slot].caps = caps;
            keep(env, &box->ranges[slot].sanctions, sanctions);
            keep(env, &box->ranges[slot].basis, basis);
            box->n_ranges++;
        }
    }
    static const char *const N[] = {"article",   "offenceDate", "mitigated", "accelerated", "mci",
                                    "sanctions", "certainty",   "stale",     "basis",       "receipt"};
    napi_value v[] = {str(env, r->article),
                      str(env, r->offence_date),
                      boolean(env, (r->flags & KZP_Q_MITIGATED) != 0),
                      boolean(env, (r->flags & KZP_Q_ACCELERATED) != 0),
                      r->has_mci ? mci_obj(env, box, &r->mci) : null_value(env),
                      sanctions,
                      str(env, kzp_certainty_name(r->certainty)),
                      boolean(env, r->stale),
                      basis,
                      receipt_of(env, box)};
    return result(env, R_RANGE, N, v, 10);
}

/* ---- Context methods ---- */

static napi_value m_mci(napi_env env, napi_callback_info info)
{
    size_t argc = 3;
    napi_value argv[3];
    context_box *box = this_box(env, info, &argc, argv);
    kzp_ctx *ctx = box ? box->ctx : NULL;
    char date[32], purpose_s[32] = "fines";
    unsigned flags;
    int purpose;
    if (!ctx || argc < 1 || !get_string(env, argv[0], date, sizeof date, "date") ||
        (argc > 1 && !get_string(env, argv[1], purpose_s, sizeof purpose_s, "purpose")) ||
        !get_flags(env, argc > 2 ? argv[2] : NULL, &flags)) {
        return argc < 1 && ctx ? throw_type(env, "mci(date, purpose?, options?)") : NULL;
    }
    if (kzp_purpose_parse(&purpose, purpose_s) != KZP_OK) {
        kzp_error e = {.code = KZP_E_UNKNOWN_KIND};
        snprintf(e.message, sizeof e.message, "purpose must be 'fines' or 'benefits'");
        return throw_status(env, KZP_E_UNKNOWN_KIND, &e);
    }
    kzp_mci m;
    kzp_error err;
    int rc = kzp_mci_on(&m, ctx, date, purpose, flags & (KZP_Q_ALLOW_STALE | KZP_Q_STRICT), &err);
    if (rc) {
        return throw_status(env, rc, &err);
    }
    napi_value o = mci_obj(env, box, &m);
    return o;
}

static napi_value m_range(napi_env env, napi_callback_info info)
{
    size_t argc = 3;
    napi_value argv[3];
    context_box *box = this_box(env, info, &argc, argv);
    kzp_ctx *ctx = box ? box->ctx : NULL;
    char article[64], date[32];
    unsigned flags;
    if (!ctx) {
        return NULL;
    }
    if (argc < 2) {
        return throw_type(env, "range(article, date, options?)");
    }
    if (!get_string(env, argv[0], article, sizeof article, "article") ||
        !get_string(env, argv[1], date, sizeof date, "date") || !get_flags(env, argc > 2 ? argv[2] : NULL, &flags)) {
        return NULL;
    }
    kzp_range r;
    kzp_error err;
    int rc = kzp_range_get(&r, ctx, article, date, flags, &err);
    return rc ? throw_status(env, rc, &err) : range_obj(env, box, &r);
}

/* A fine's basis is the same two citations for every date of a period: a shared array. */
static napi_value fine_basis_of(napi_env env, context_box *box, const kzp_fine *f)
{
    int pi = period_index(box, f->mci.from);
    napi_value v = pi >= 0 && !f->stale ? cached(env, box->fine_basis[pi]) : NULL;
    if (v) {
        return v;
    }
    v = basis_arr(env, box, f->basis, f->basis_count);
    return pi >= 0 && !f->stale ? keep(env, &box->fine_basis[pi], v) : v;
}

static napi_value m_fine(napi_env env, napi_callback_info info)
{
    size_t argc = 3;
    napi_value argv[3];
    context_box *box = this_box(env, info, &argc, argv);
    kzp_ctx *ctx = box ? box->ctx : NULL;
    char date[32];
    unsigned flags;
    int64_t centi = 0;
    int rc;
    kzp_error err = {0};
    if (!ctx) {
        return NULL;
    }
    if (argc < 2) {
        return throw_type(env, "fine(mciCount, date, options?)");
    }
    if (!get_string(env, argv[1], date, sizeof date, "date") ||
        !get_amount(env, argv[0], &centi, &rc, &err, "mciCount") ||
        !get_flags(env, argc > 2 ? argv[2] : NULL, &flags)) {
        return NULL;
    }
    kzp_fine f;
    if (rc || (rc = kzp_fine_compute(&f, ctx, date, centi, flags & (KZP_Q_ALLOW_STALE | KZP_Q_STRICT), &err))) {
        return throw_status(env, rc, &err);
    }
    static const char *const N[] = {"mciCount",  "offenceDate", "amountTiyn", "amountText", "mci",
                                    "certainty", "stale",       "basis",      "receipt"};
    napi_value v[] = {
        decimal_str(env, f.mci_centi),  str(env, f.mci.date),        bigint(env, f.amount_tiyn),
        money_text(env, f.amount_tiyn), mci_obj(env, box, &f.mci),   str(env, kzp_certainty_name(f.certainty)),
        boolean(env, f.stale),          fine_basis_of(env, box, &f), receipt_of(env, box)};
    return result(env, R_FINE, N, v, 9);
}

/* The fine fast path, used by index.js for the common call fine(integerNumber, 'YYYY-MM-DD').
 * It computes with the same library call as m_fine but creates only the amount text; the
 * numbers go to a small shared ArrayBuffer (tiyn as int64 at byte 0, the MCI period index and
 * the certainty as int32 at bytes 8 and 12) and index.js builds the result with its shared
 * objects. Anything unusual (an error, a stale value, a date spelled differently from its
 * canonical form, a full buffer) returns undefined and index.js asks m_fine, which reports it. */
static napi_value m_fine_fast(napi_env env, napi_callback_info info)
{
    size_t argc = 2;
    napi_value argv[2];
    context_box *box = this_box(env, info, &argc, argv);
    addon_state *st = state_of(env);
    napi_value buf = st ? cached(env, st->scratch) : NULL;
    void *data = NULL;
    size_t cap = 0, len = 0;
    int64_t n = 0;
    double d = 0;
    char date[16];
    if (!box || !buf || argc < 2 || napi_get_arraybuffer_info(env, buf, &data, &cap) != napi_ok || cap < 16 ||
        napi_get_value_double(env, argv[0], &d) != napi_ok || napi_get_value_int64(env, argv[0], &n) != napi_ok ||
        (double)n != d || n < 0 || d > 9007199254740991.0 || /* a safe integer only, as m_fine requires */
        napi_get_value_string_utf8(env, argv[1], date, sizeof date, &len) != napi_ok || len != 10) {
        /* UTF-8, not Latin-1: V8 writes Latin-1 by keeping the low byte, and U+0130 would
         * become a '0' and pass as a date */
        return NULL;
    }
    kzp_fine f;
    kzp_error err;
    if (kzp_fine_compute(&f, box->ctx, date, n * 100, 0, &err) != KZP_OK || f.stale || strcmp(f.mci.date, date) != 0) {
        return NULL;
    }
    int32_t period = period_index(box, f.mci.from);
    if (period < 0) {
        return NULL;
    }
    int32_t ints[2] = {period, f.certainty};
    memcpy(data, &f.amount_tiyn, sizeof f.amount_tiyn);
    memcpy((char *)data + 8, ints, sizeof ints);
    /* The amount text is ASCII but for the tenge sign: hand V8 UTF-16 directly, which is
     * cheaper than having it decode UTF-8. */
    char text[64];
    char16_t wide[64];
    size_t units = 0;
    kzp_format_tenge(text, sizeof text, f.amount_tiyn, KZP_MONEY_SIGN);
    for (const unsigned char *p = (const unsigned char *)text; *p && units < 64; units++) {
        if (p[0] == 0xe2 && p[1] == 0x82 && p[2] == 0xb8) { /* U+20B8 TENGE SIGN in UTF-8 */
            wide[units] = 0x20b8;
            p += 3;
        } else if (*p < 0x80) {
            wide[units] = *p++;
        } else {
            return money_text(env, f.amount_tiyn); /* some other text: the general path */
        }
    }
    napi_value v;
    return napi_create_string_utf16(env, wide, units, &v) == napi_ok ? v : NULL;
}

static napi_value m_check(napi_env env, napi_callback_info info)
{
    size_t argc = 5;
    napi_value argv[5];
    context_box *box = this_box(env, info, &argc, argv);
    kzp_ctx *ctx = box ? box->ctx : NULL;
    char article[64], date[32], kind_s[40];
    unsigned flags;
    int64_t centi = 0;
    int rc, kind;
    kzp_error err = {0};
    if (!ctx) {
        return NULL;
    }
    if (argc < 4) {
        return throw_type(env, "check(article, date, kind, amount, options?)");
    }
    if (!get_string(env, argv[0], article, sizeof article, "article") ||
        !get_string(env, argv[1], date, sizeof date, "date") ||
        !get_string(env, argv[2], kind_s, sizeof kind_s, "kind") ||
        !get_amount(env, argv[3], &centi, &rc, &err, "amount") || !get_flags(env, argc > 4 ? argv[4] : NULL, &flags)) {
        return NULL;
    }
    if (kzp_kind_parse(&kind, kind_s) != KZP_OK) {
        snprintf(err.message, sizeof err.message, "kind must be 'fine', 'community_service' or 'arrest'");
        return throw_status(env, KZP_E_UNKNOWN_KIND, &err);
    }
    kzp_check c;
    if (rc || (rc = kzp_check_sentence(&c, ctx, article, date, kind, centi, flags, &err))) {
        return throw_status(env, rc, &err);
    }
    static const char *const N[] = {"fits",  "violation", "kind",  "unit",   "amount",
                                    "limit", "excess",    "range", "receipt"};
    napi_value v[] = {boolean(env, c.fits),
                      str(env, kzp_violation_name(c.violation)),
                      str(env, kzp_kind_name(c.kind)),
                      str(env, kzp_unit_name(c.unit)),
                      decimal_str(env, c.amount_centi),
                      decimal_str(env, c.limit_centi),
                      decimal_str(env, c.excess_centi),
                      range_obj(env, box, &c.range),
                      receipt_of(env, box)};
    return result(env, R_CHECK, N, v, 9);
}

static napi_value m_convert(napi_env env, napi_callback_info info)
{
    size_t argc = 3;
    napi_value argv[3];
    context_box *box = this_box(env, info, &argc, argv);
    kzp_ctx *ctx = box ? box->ctx : NULL;
    char from_s[40], to_s[40];
    int64_t centi = 0;
    int rc, from, to;
    kzp_error err = {0};
    if (!ctx) {
        return NULL;
    }
    if (argc < 3) {
        return throw_type(env, "convert(amount, fromKind, toKind)");
    }
    if (!get_amount(env, argv[0], &centi, &rc, &err, "amount") ||
        !get_string(env, argv[1], from_s, sizeof from_s, "fromKind") ||
        !get_string(env, argv[2], to_s, sizeof to_s, "toKind")) {
        return NULL;
    }
    if (kzp_kind_parse(&from, from_s) != KZP_OK || kzp_kind_parse(&to, to_s) != KZP_OK) {
        snprintf(err.message, sizeof err.message,
                 "kinds are 'fine', 'community_service', 'arrest', 'correctional_work'");
        return throw_status(env, KZP_E_UNKNOWN_KIND, &err);
    }
    kzp_conversion c;
    if (rc || (rc = kzp_convert(&c, ctx, from, centi, to, &err))) {
        return throw_status(env, rc, &err);
    }
    static const char *const N[] = {"fromKind",      "amount", "toKind",   "whole",  "remainder",
                                    "remainderUnit", "exact",  "citation", "receipt"};
    napi_value v[] = {str(env, kzp_kind_name(c.from_kind)),
                      decimal_str(env, c.from_centi),
                      str(env, kzp_kind_name(c.to_kind)),
                      bigint(env, c.whole),
                      decimal_str(env, c.remainder_centi),
                      str(env, kzp_unit_name(c.from_unit)),
                      boolean(env, c.exact),
                      citation_of(env, box, c.citation),
                      receipt_of(env, box)};
    return result(env, R_CONVERSION, N, v, 9);
}

static napi_value m_sanction_texts(napi_env env, napi_callback_info info)
{
    size_t argc = 4;
    napi_value argv[4];
    kzp_ctx *ctx = this_ctx(env, info, &argc, argv);
    char article[64], date[32], lang_s[8] = "en";
    unsigned flags;
    if (!ctx) {
        return NULL;
    }
    if (argc < 2) {
        return throw_type(env, "sanctionTexts(article, date, lang?, options?)");
    }
    if (!get_string(env, argv[0], article, sizeof article, "article") ||
        !get_string(env, argv[1], date, sizeof date, "date") ||
        (argc > 2 && !get_string(env, argv[2], lang_s, sizeof lang_s, "lang")) ||
        !get_flags(env, argc > 3 ? argv[3] : NULL, &flags)) {
        return NULL;
    }
    int lang = lang_of(lang_s);
    if (lang < 0) {
        return throw_type(env, "lang must be 'en', 'ru' or 'kk'");
    }
    kzp_range r;
    kzp_error err;
    int rc = kzp_range_get(&r, ctx, article, date, flags, &err);
    if (rc) {
        return throw_status(env, rc, &err);
    }
    napi_value items[KZP_MAX_SANCTIONS];
    for (size_t i = 0; i < r.sanction_count; i++) {
        char buf[2048];
        kzp_sanction_text(buf, sizeof buf, &r, i, lang);
        items[i] = str(env, buf);
    }
    return frozen_array(env, items, r.sanction_count);
}

static napi_value m_mci_table(napi_env env, napi_callback_info info)
{
    size_t argc = 0;
    context_box *box = this_box(env, info, &argc, NULL);
    kzp_ctx *ctx = box ? box->ctx : NULL;
    if (!ctx) {
        return NULL;
    }
    kzp_dataset_info di;
    kzp_ctx_info(&di, ctx);
    napi_value a;
    CHECK(napi_create_array_with_length(env, di.mci_period_count, &a));
    for (size_t i = 0; i < di.mci_period_count; i++) {
        kzp_mci_period p;
        kzp_mci_period_at(&p, ctx, i);
        static const char *const N[] = {"from", "tenge", "purpose", "citation"};
        napi_value v[] = {str(env, p.from), int64v(env, p.tenge),
                          str(env, p.purpose_all ? "all" : kzp_purpose_name(p.purpose)),
                          citation_of(env, box, p.citation)};
        napi_value o = frozen(env, N, v, 4);
        if (!o) {
            return NULL;
        }
        CHECK(napi_set_element(env, a, (uint32_t)i, o));
    }
    CHECK(napi_object_freeze(env, a));
    return a;
}

static napi_value m_articles(napi_env env, napi_callback_info info)
{
    size_t argc = 0;
    context_box *box = this_box(env, info, &argc, NULL);
    kzp_ctx *ctx = box ? box->ctx : NULL;
    if (!ctx) {
        return NULL;
    }
    kzp_dataset_info di;
    kzp_ctx_info(&di, ctx);
    napi_value a;
    CHECK(napi_create_array_with_length(env, di.article_count, &a));
    for (size_t i = 0; i < di.article_count; i++) {
        kzp_article art;
        kzp_article_at(&art, ctx, i);
        static const char *const TN[] = {"en", "ru", "kk"};
        napi_value tv[] = {str(env, art.title[0]), str(env, art.title[1]), str(env, art.title[2])};
        static const char *const N[] = {"id", "title", "category", "inForceFrom", "citation"};
        napi_value v[] = {str(env, art.id), frozen(env, TN, tv, 3), str(env, kzp_category_name(art.category)),
                          str(env, art.in_force_from), citation_of(env, box, art.citation)};
        napi_value o = frozen(env, N, v, 5);
        if (!o) {
            return NULL;
        }
        CHECK(napi_set_element(env, a, (uint32_t)i, o));
    }
    CHECK(napi_object_freeze(env, a));
    return a;
}

static napi_value m_info(napi_env env, napi_callback_info info)
{
    size_t argc = 0;
    kzp_ctx *ctx = this_ctx(env, info, &argc, NULL);
    if (!ctx) {
        return NULL;
    }
    kzp_dataset_info i;
    kzp_ctx_info(&i, ctx);
    static const char *const N[] = {
        "id", "version", "verifiedOn", "fingerprint", "mciKnownUntil", "schemaVersion", "hypothetical", "articleCount"};
    napi_value v[] = {str(env, i.id),
                      str(env, i.version),
                      str(env, i.verified_on),
                      str(env, i.fingerprint),
                      str(env, i.mci_known_until),
                      int64v(env, i.schema_version),
                      boolean(env, i.hypothetical),
                      int64v(env, (int64_t)i.article_count)};
    return frozen(env, N, v, 8);
}

/* ---- Construction and finalization ---- */

/* What a context holds in C memory, told to V8 so that it collects unused contexts when they
 * add up (it cannot see malloc'ed memory): about the canonical dataset text and its model. */
#define CONTEXT_EXTERNAL_BYTES (64 * 1024)

static void delete_ref(napi_env env, napi_ref *r)
{
    if (*r) {
        napi_delete_reference(env, *r);
        *r = NULL;
    }
}

static void context_finalize(napi_env env, void *data, void *hint)
{
    (void)hint;
    context_box *box = data;
    delete_ref(env, &box->receipt);
    for (size_t i = 0; i < MAX_CACHED; i++) {
        delete_ref(env, &box->cit_ref[i]);
        delete_ref(env, &box->fine_basis[i]);
        for (int p = 0; p < 2; p++) {
            delete_ref(env, &box->mci_ref[i][p][0]);
            delete_ref(env, &box->mci_ref[i][p][1]);
        }
    }
    for (size_t i = 0; i < box->n_ranges; i++) {
        delete_ref(env, &box->ranges[i].sanctions);
        delete_ref(env, &box->ranges[i].basis);
    }
    kzp_ctx_free(box->ctx);
    free(box);
    int64_t now;
    napi_adjust_external_memory(env, -CONTEXT_EXTERNAL_BYTES, &now);
}

/* new Context(): the embedded dataset. From JS: Context.fromFile()/fromJSON() and derivations
 * pass an internal external holding a ready kzp_ctx. */
static napi_value context_ctor(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1], self, target;
    CHECK(napi_get_cb_info(env, info, &argc, argv, &self, NULL));
    CHECK(napi_get_new_target(env, info, &target));
    if (!target) {
        return throw_type(env, "Context must be called with new");
    }
    kzp_ctx *ctx = NULL;
    bool ours = false; /* a context passed in by wrap_new stays the caller's to free on failure */
    napi_valuetype t = napi_undefined;
    if (argc > 0) {
        napi_typeof(env, argv[0], &t);
    }
    if (t == napi_external) {
        void *p;
        CHECK(napi_get_value_external(env, argv[0], &p));
        ctx = p;
    } else if (t != napi_undefined) {
        return throw_type(env, "new Context() takes no arguments; use Context.fromFile(), Context.fromJSON(), "
                               ".withMci() or .whatIf()");
    } else {
        kzp_error err;
        int rc = kzp_ctx_new(&ctx, &err);
        if (rc) {
            return throw_status(env, rc, &err);
        }
        ours = true;
    }
    context_box *box = malloc(sizeof *box);
    if (!box) {
        if (ours) {
            kzp_ctx_free(ctx);
        }
        return throw_status(env, KZP_E_NOMEM, NULL);
    }
    memset(box, 0, sizeof *box);
    box->ctx = ctx;
    kzp_dataset_info di;
    kzp_ctx_info(&di, ctx);
    box->n_periods = di.mci_period_count < MAX_CACHED ? di.mci_period_count : MAX_CACHED;
    for (size_t i = 0; i < box->n_periods; i++) {
        kzp_mci_period p;
        kzp_mci_period_at(&p, ctx, i);
        memcpy(box->period_iso[i], p.from, sizeof box->period_iso[i]);
    }
    if (napi_wrap(env, self, box, context_finalize, NULL, NULL) != napi_ok) {
        free(box);
        if (ours) {
            kzp_ctx_free(ctx);
        }
        return NULL;
    }
    int64_t now;
    napi_adjust_external_memory(env, CONTEXT_EXTERNAL_BYTES, &now);
    return self;
}

/* A new JS Context around a ready kzp_ctx (ownership passes to it). */
static napi_value wrap_new(napi_env env, kzp_ctx *ctx)
{
    addon_state *st = state_of(env);
    napi_value ctor, ext, obj;
    if (napi_get_reference_value(env, st->context_ctor, &ctor) != napi_ok ||
        napi_create_external(env, ctx, NULL, NULL, &ext) != napi_ok) {
        kzp_ctx_free(ctx);
        return NULL;
    }
    if (napi_new_instance(env, ctor, 1, &ext, &obj) != napi_ok) {
        kzp_ctx_free(ctx); /* the constructor did not take it */
        return NULL;
    }
    return obj;
}

/* Text from a string or a Buffer/Uint8Array. *owned is set when buf must be freed. */
static bool get_text(napi_env env, napi_value v, char **buf, size_t *len, bool *owned, const char *what)
{
    napi_valuetype t;
    napi_typeof(env, v, &t);
    bool is_typed = false;
    napi_is_typedarray(env, v, &is_typed);
    *owned = false;
    if (t == napi_string) {
        napi_get_value_string_utf8(env, v, NULL, 0, len);
        *buf = malloc(*len + 1);
        if (!*buf) {
            throw_status(env, KZP_E_NOMEM, NULL);
            return false;
        }
        napi_get_value_string_utf8(env, v, *buf, *len + 1, len);
        *owned = true;
        return true;
    }
    if (is_typed) {
        napi_typedarray_type tt;
        void *data;
        napi_get_typedarray_info(env, v, &tt, len, &data, NULL, NULL);
        if (tt == napi_uint8_array) {
            *buf = data;
            return true;
        }
    }
    char msg[96];
    snprintf(msg, sizeof msg, "%s must be a string or a Uint8Array", what);
    throw_type(env, msg);
    return false;
}

static napi_value s_from_file(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    char path[4096];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    if (argc < 1 || !get_string(env, argv[0], path, sizeof path, "path")) {
        return argc < 1 ? throw_type(env, "fromFile(path)") : NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc = kzp_ctx_new_from_file(&ctx, path, &err);
    return rc ? throw_status(env, rc, &err) : wrap_new(env, ctx);
}

static napi_value s_from_json(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    char *text;
    size_t len;
    bool owned;
    if (argc < 1 || !get_text(env, argv[0], &text, &len, &owned, "text")) {
        return argc < 1 ? throw_type(env, "fromJSON(text)") : NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc = kzp_ctx_new_from_buffer(&ctx, text, len, &err);
    if (owned) {
        free(text);
    }
    return rc ? throw_status(env, rc, &err) : wrap_new(env, ctx);
}

static napi_value m_with_mci(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    kzp_ctx *base = this_ctx(env, info, &argc, argv);
    char *text;
    size_t len;
    bool owned;
    if (!base) {
        return NULL;
    }
    if (argc < 1 || !get_text(env, argv[0], &text, &len, &owned, "update")) {
        return argc < 1 ? throw_type(env, "withMci(update)") : NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc = kzp_ctx_new_with_mci(&ctx, base, text, len, &err);
    if (owned) {
        free(text);
    }
    return rc ? throw_status(env, rc, &err) : wrap_new(env, ctx);
}

static bool get_int64(napi_env env, napi_value v, int64_t *out, const char *what);

static napi_value m_what_if(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    kzp_ctx *base = this_ctx(env, info, &argc, argv);
    if (!base) {
        return NULL;
    }
    napi_valuetype t = napi_undefined;
    if (argc > 0) {
        napi_typeof(env, argv[0], &t);
    }
    int64_t tenge = -1;
    if (t != napi_number && t != napi_bigint) {
        return throw_type(env, "whatIf takes the MCI as an integer number (or bigint) of whole tenge");
    }
    /* a bigint beyond 64 bits is an overflow (not a misleading "-1"), as for every amount */
    if (!get_int64(env, argv[0], &tenge, "mciTenge")) {
        return NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc = kzp_ctx_new_what_if(&ctx, base, tenge, &err);
    return rc ? throw_status(env, rc, &err) : wrap_new(env, ctx);
}

/* ---- Module functions ---- */

static napi_value words_result(napi_env env, int n, const char *buf)
{
    return n < 0 ? throw_status(env, n, NULL) : str(env, buf);
}

static bool get_int64(napi_env env, napi_value v, int64_t *out, const char *what)
{
    napi_valuetype t;
    napi_typeof(env, v, &t);
    if (t == napi_bigint) {
        bool lossless;
        napi_get_value_bigint_int64(env, v, out, &lossless);
        if (!lossless) {
            throw_status(env, KZP_E_OVERFLOW, NULL); /* beyond 64 bits: never clamp */
            return false;
        }
        return true;
    }
    if (t == napi_number) {
        double d;
        napi_get_value_double(env, v, &d);
        napi_get_value_int64(env, v, out);
        if ((double)*out == d) {
            return true;
        }
    }
    char msg[96];
    snprintf(msg, sizeof msg, "%s must be an integer number or a bigint", what);
    throw_type(env, msg);
    return false;
}

static napi_value f_number_words(napi_env env, napi_callback_info info)
{
    size_t argc = 4;
    napi_value argv[4];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    int64_t n;
    char lang_s[8] = "en", gender_s[16] = "masculine", case_s[16] = "nominative";
    if (argc < 1 || !get_int64(env, argv[0], &n, "n") ||
        (argc > 1 && !get_string(env, argv[1], lang_s, sizeof lang_s, "lang")) ||
        (argc > 2 && !get_string(env, argv[2], gender_s, sizeof gender_s, "gender")) ||
        (argc > 3 && !get_string(env, argv[3], case_s, sizeof case_s, "grammaticalCase"))) {
        return argc < 1 ? throw_type(env, "numberWords(n, lang?, gender?, grammaticalCase?)") : NULL;
    }
    static const char *const G[] = {"masculine", "feminine", "neuter", "plural"};
    int gender = -1;
    for (int i = 0; i < 4; i++) {
        gender = strcmp(gender_s, G[i]) == 0 ? i : gender;
    }
    int gcase = strcmp(case_s, "nominative") == 0 ? 0 : strcmp(case_s, "genitive") == 0 ? 1 : -1;
    int lang = lang_of(lang_s);
    if (lang < 0 || gender < 0 || gcase < 0) {
        return throw_type(env,
                          "lang must be en/ru/kk, gender masculine/feminine/neuter/plural, case nominative/genitive");
    }
    char buf[1024];
    return words_result(env, kzp_number_words(buf, sizeof buf, n, lang, gender, gcase), buf);
}

static napi_value money_words_fn(napi_env env, napi_callback_info info, int which)
{
    size_t argc = 2;
    napi_value argv[2];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    int64_t tiyn;
    char lang_s[8] = "en";
    if (argc < 1 || !get_int64(env, argv[0], &tiyn, "tiyn") ||
        (argc > 1 && !get_string(env, argv[1], lang_s, sizeof lang_s, "lang"))) {
        return argc < 1 ? throw_type(env, "(tiyn, lang?)") : NULL;
    }
    int lang = lang_of(lang_s);
    if (lang < 0) {
        return throw_type(env, "lang must be 'en', 'ru' or 'kk'");
    }
    char buf[1024];
    int n = which == 0 ? kzp_tenge_words(buf, sizeof buf, tiyn, lang)
                       : kzp_tenge_figures_words(buf, sizeof buf, tiyn, lang);
    return words_result(env, n, buf);
}

static napi_value f_tenge_words(napi_env env, napi_callback_info info)
{
    return money_words_fn(env, info, 0);
}
static napi_value f_tenge_figures_words(napi_env env, napi_callback_info info)
{
    return money_words_fn(env, info, 1);
}

static napi_value f_format_tenge(napi_env env, napi_callback_info info)
{
    size_t argc = 2;
    napi_value argv[2];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    int64_t tiyn;
    char style_s[8] = "sign";
    if (argc < 1 || !get_int64(env, argv[0], &tiyn, "tiyn") ||
        (argc > 1 && !get_string(env, argv[1], style_s, sizeof style_s, "style"))) {
        return argc < 1 ? throw_type(env, "formatTenge(tiyn, style?)") : NULL;
    }
    static const char *const S[] = {"sign", "ru", "kk", "en", "plain"};
    int style = -1;
    for (int i = 0; i < 5; i++) {
        style = strcmp(style_s, S[i]) == 0 ? i : style;
    }
    if (style < 0) {
        return throw_type(env, "style must be sign, ru, kk, en or plain");
    }
    char buf[96];
    kzp_format_tenge(buf, sizeof buf, tiyn, style);
    return str(env, buf);
}

static napi_value f_validate_dataset(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    char *text;
    size_t len;
    bool owned;
    if (argc < 1 || !get_text(env, argv[0], &text, &len, &owned, "text")) {
        return argc < 1 ? throw_type(env, "validateDataset(text)") : NULL;
    }
    enum { CAP = 200 };
    kzp_error *errs = calloc(CAP, sizeof *errs);
    size_t count = 0;
    /* out of memory before a list could be made is an error, not "no problems" */
    int rc = errs ? kzp_dataset_validate(errs, CAP, &count, text, len) : KZP_E_NOMEM;
    if (owned) {
        free(text);
    }
    if (rc == KZP_E_NOMEM) {
        free(errs);
        return throw_status(env, KZP_E_NOMEM, NULL);
    }
    size_t shown = count < CAP ? count : CAP;
    napi_value a;
    napi_create_array_with_length(env, shown, &a);
    for (size_t i = 0; i < shown; i++) {
        static const char *const N[] = {"code", "path", "line", "column", "message"};
        napi_value v[] = {str(env, kzp_status_name(errs[i].code)), str(env, errs[i].path), int64v(env, errs[i].line),
                          int64v(env, errs[i].column), str(env, errs[i].message)};
        napi_set_element(env, a, (uint32_t)i, frozen(env, N, v, 5));
    }
    free(errs);
    napi_object_freeze(env, a);
    return a;
}

/* setErrorClasses({ KzpError, KZP_E_BAD_DATE: BadDateError, ... }): index.js hands over its classes. */
static napi_value f_set_error_classes(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    addon_state *st = state_of(env);
    if (argc < 1 || !st) {
        return throw_type(env, "setErrorClasses(classes)");
    }
    for (int i = 0; i < N_STATUS; i++) {
        napi_value cls;
        const char *key = i == 0 ? "KzpError" : kzp_status_name(-i);
        if (napi_get_named_property(env, argv[0], key, &cls) != napi_ok) {
            return NULL;
        }
        napi_valuetype t;
        napi_typeof(env, cls, &t);
        if (t != napi_function) {
            continue;
        }
        if (st->errors[i]) {
            napi_delete_reference(env, st->errors[i]);
        }
        CHECK(napi_create_reference(env, cls, 1, &st->errors[i]));
    }
    return NULL;
}

/* setResultClasses({ Fine, Range, ... }): index.js hands over its result classes. */
static napi_value f_set_result_classes(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    addon_state *st = state_of(env);
    if (argc < 1 || !st) {
        return throw_type(env, "setResultClasses(classes)");
    }
    for (int i = 0; i < R_COUNT; i++) {
        napi_value cls;
        napi_valuetype t;
        CHECK(napi_get_named_property(env, argv[0], RESULT_NAMES[i], &cls));
        napi_typeof(env, cls, &t);
        if (t != napi_function) {
            continue;
        }
        if (st->results[i]) {
            napi_delete_reference(env, st->results[i]);
        }
        CHECK(napi_create_reference(env, cls, 1, &st->results[i]));
    }
    return NULL;
}

static void state_finalize(napi_env env, void *data, void *hint)
{
    (void)hint;
    addon_state *st = data;
    for (int i = 0; i < R_COUNT; i++) {
        if (st->results[i]) {
            napi_delete_reference(env, st->results[i]);
        }
    }
    napi_delete_reference(env, st->context_ctor);
    if (st->scratch) {
        napi_delete_reference(env, st->scratch);
    }
    for (int i = 0; i < N_STATUS; i++) {
        if (st->errors[i]) {
            napi_delete_reference(env, st->errors[i]);
        }
    }
    free(st);
}

NAPI_MODULE_INIT()
{
    addon_state *st = calloc(1, sizeof *st);
    if (!st || napi_set_instance_data(env, st, state_finalize, NULL) != napi_ok) {
        free(st);
        return NULL;
    }
    napi_property_descriptor methods[] = {
        {"mci", NULL, m_mci, NULL, NULL, NULL, napi_default_method, NULL},
        {"range", NULL, m_range, NULL, NULL, NULL, napi_default_method, NULL},
        {"fine", NULL, m_fine, NULL, NULL, NULL, napi_default_method, NULL},
        {"_fineFast", NULL, m_fine_fast, NULL, NULL, NULL, napi_writable | napi_configurable, NULL},
        {"check", NULL, m_check, NULL, NULL, NULL, napi_default_method, NULL},
        {"convert", NULL, m_convert, NULL, NULL, NULL, napi_default_method, NULL},
        {"sanctionTexts", NULL, m_sanction_texts, NULL, NULL, NULL, napi_default_method, NULL},
        {"mciTable", NULL, m_mci_table, NULL, NULL, NULL, napi_default_method, NULL},
        {"articles", NULL, m_articles, NULL, NULL, NULL, napi_default_method, NULL},
        {"withMci", NULL, m_with_mci, NULL, NULL, NULL, napi_default_method, NULL},
        {"whatIf", NULL, m_what_if, NULL, NULL, NULL, napi_default_method, NULL},
        {"info", NULL, NULL, m_info, NULL, NULL, napi_enumerable, NULL},
        {"fromFile", NULL, s_from_file, NULL, NULL, NULL, napi_static, NULL},
        {"fromJSON", NULL, s_from_json, NULL, NULL, NULL, napi_static, NULL},
    };
    napi_value ctor;
    CHECK(napi_define_class(env, "Context", NAPI_AUTO_LENGTH, context_ctor, NULL, sizeof methods / sizeof methods[0],
                            methods, &ctor));
    CHECK(napi_create_reference(env, ctor, 1, &st->context_ctor));
    napi_value scratch, certainties;
    void *scratch_data;
    CHECK(napi_create_arraybuffer(env, 16, &scratch_data, &scratch));
    CHECK(napi_create_reference(env, scratch, 1, &st->scratch));
    CHECK(napi_create_array(env, &certainties));
    for (int c = KZP_CERT_OFFICIAL; c <= KZP_CERT_HYPOTHETICAL; c++) {
        CHECK(napi_set_element(env, certainties, (uint32_t)c, str(env, kzp_certainty_name(c))));
    }
    napi_property_descriptor fns[] = {
        {"fineScratch", NULL, NULL, NULL, NULL, scratch, napi_default, NULL},
        {"certaintyNames", NULL, NULL, NULL, NULL, certainties, napi_default, NULL},
        {"Context", NULL, NULL, NULL, NULL, ctor, napi_enumerable, NULL},
        {"numberWords", NULL, f_number_words, NULL, NULL, NULL, napi_enumerable, NULL},
        {"tengeWords", NULL, f_tenge_words, NULL, NULL, NULL, napi_enumerable, NULL},
        {"tengeFiguresWords", NULL, f_tenge_figures_words, NULL, NULL, NULL, napi_enumerable, NULL},
        {"formatTenge", NULL, f_format_tenge, NULL, NULL, NULL, napi_enumerable, NULL},
        {"validateDataset", NULL, f_validate_dataset, NULL, NULL, NULL, napi_enumerable, NULL},
        {"setErrorClasses", NULL, f_set_error_classes, NULL, NULL, NULL, napi_enumerable, NULL},
        {"setResultClasses", NULL, f_set_result_classes, NULL, NULL, NULL, napi_enumerable, NULL},
        {"libraryVersion", NULL, NULL, NULL, NULL, str(env, kzp_version_string()), napi_enumerable, NULL},
    };
    CHECK(napi_define_properties(env, exports, sizeof fns / sizeof fns[0], fns));
    return exports;
}
