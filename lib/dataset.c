/* Validating a dataset (parsed JSON) and building the immutable model of a context.
 * Every member is checked for presence, type and range; unknown members are refused,
 * so a misspelt key is an error instead of a silently ignored value. The format is
 * described in docs/dataset.md and docs/dataset.schema.json. */
#include "kzp_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCHEMA_VERSION 1
#define MAX_MCI_TENGE 1000000000LL /* a sanity bound: far above any real MCI, far below overflow */

typedef struct loader {
    kzp_ctx *ctx;
    kzp_error *err;
    const char *text; /* for line/column; may be NULL */
    size_t len;
    char path[128];
    size_t plen;
    bool truncated;
    /* Collect mode (kzp_dataset_validate): every problem is recorded and loading goes on
     * with the next entry; only entries without problems enter the model. */
    bool collect;
    kzp_error *list;
    size_t list_cap, found;
    int first;
} loader;

static int fail(loader *L, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int fail(loader *L, int code, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap); // NOLINT(clang-analyzer-valist.Uninitialized): va_start is just above
    va_end(ap);
    kzp_error e;
    kzp_fail(&e, code, L->path, "%s: %.200s", L->path, msg);
    /* a position costs a walk through the text: only for the problems that are kept */
    bool kept = (L->found == 0 && L->err) || (L->list && L->found < L->list_cap);
    if (L->text && !L->truncated && kept) {
        kzp_json_locate(L->text, L->len, L->path, &e.line, &e.column);
    }
    if (L->found == 0 && L->err) {
        *L->err = e;
    }
    if (L->found == 0) {
        L->first = code;
    }
    if (L->list && L->found < L->list_cap) {
        L->list[L->found] = e;
    }
    L->found++;
    return code;
}

/* Path building: push returns the mark to pop back to. A key that a dotted path cannot
 * carry unambiguously (anything but letters, digits, '_' and '-') is written ["key"]. */
static size_t push_key(loader *L, const char *key)
{
    size_t mark = L->plen;
    bool plain = key[0] != '\0';
    for (const char *k = key; *k; k++) {
        plain = plain && ((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || (*k >= '0' && *k <= '9') ||
                          *k == '_' || *k == '-');
    }
    char buf[sizeof L->path];
    size_t o = 0;
    if (plain) {
        o = (size_t)snprintf(buf, sizeof buf, ".%s", key);
    } else {
        buf[o++] = '[';
        buf[o++] = '"';
        for (const char *k = key; *k && o < sizeof buf - 4; k++) {
            if (*k == '"' || *k == '\\') {
                buf[o++] = '\\';
            }
            buf[o++] = *k;
        }
        buf[o++] = '"';
        buf[o++] = ']';
        buf[o] = '\0';
    }
    if (o >= sizeof L->path - L->plen) {
        L->truncated = true; /* too deep or too long to name: report without a position */
        o = sizeof L->path - L->plen - 1;
    }
    memcpy(L->path + L->plen, buf, o);
    L->plen += o;
    L->path[L->plen] = '\0';
    return mark;
}

static size_t push_index(loader *L, size_t i)
{
    size_t mark = L->plen;
    int n = snprintf(L->path + L->plen, sizeof L->path - L->plen, "[%zu]", i);
    if (n > 0) {
        L->plen += (size_t)n < sizeof L->path - L->plen ? (size_t)n : sizeof L->path - L->plen - 1;
    }
    return mark;
}

static void pop(loader *L, size_t mark)
{
    L->truncated = false;
    L->plen = mark;
    L->path[mark] = '\0';
}

static const char *type_word(json_type t)
{
    switch (t) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a floating-point number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

/* An object that has only the allowed keys. */
static int check_object(loader *L, const json_t *v, const char *const *allowed)
{
    if (!json_is_object(v)) {
        return fail(L, KZP_E_SCHEMA, "expected an object, found %s", type_word(v ? json_typeof(v) : JSON_NULL));
    }
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)v, key, val)
    {
        bool ok = false;
        for (const char *const *a = allowed; *a; a++) {
            ok = ok || strcmp(*a, key) == 0;
        }
        if (!ok) {
            size_t m = push_key(L, key);
            int rc = fail(L, KZP_E_SCHEMA, "unknown member '%s'", key);
            pop(L, m);
            return rc;
        }
    }
    return KZP_OK;
}

/* Member key of obj with the given type; *out NULL if absent and optional. The path is
 * left pushed to the member on success so callers can report on the value itself. */
static int member(loader *L, const json_t *obj, const char *key, json_type type, bool required, json_t **out)
{
    json_t *v = json_object_get(obj, key);
    size_t m = push_key(L, key);
    if (!v || (json_is_null(v) && !required && type != JSON_NULL)) {
        int rc = required ? fail(L, KZP_E_SCHEMA, "required member '%s' is missing", key) : KZP_OK;
        pop(L, m);
        *out = NULL;
        return rc;
    }
    if (json_typeof(v) != type) {
        int rc = fail(L, KZP_E_SCHEMA, "must be %s, found %s", type_word(type), type_word(json_typeof(v)));
        pop(L, m);
        return rc;
    }
    pop(L, m);
    *out = v;
    return KZP_OK;
}

static int get_string(loader *L, const json_t *obj, const char *key, bool required, bool nonempty, const char **out)
{
    json_t *v = NULL;
    int rc = member(L, obj, key, JSON_STRING, required, &v);
    if (rc) {
        return rc;
    }
    const char *s = v ? json_string_value(v) : "";
    for (const char *c = s; *c; c++) {
        if ((unsigned char)*c < 0x20 || *c == 0x7f) {
            size_t m = push_key(L, key);
            rc = fail(L, KZP_E_SCHEMA, "control characters (line breaks, tabs...) are not allowed in dataset text");
            pop(L, m);
            return rc;
        }
    }
    if (nonempty && s[0] == '\0') {
        size_t m = push_key(L, key);
        rc = fail(L, KZP_E_SCHEMA, "must not be empty");
        pop(L, m);
        return rc;
    }
    const char *copy = kzp_arena_strdup(&L->ctx->arena, s);
    if (!copy) {
        return fail(L, KZP_E_NOMEM, "out of memory");
    }
    *out = copy;
    return KZP_OK;
}

static int get_date(loader *L, const json_t *obj, const char *key, int32_t *days, char iso[11])
{
    json_t *v = NULL;
    int rc = member(L, obj, key, JSON_STRING, true, &v);
    if (rc) {
        return rc;
    }
    if (!kzp_date_parse_days(days, json_string_value(v))) {
        size_t m = push_key(L, key);
        rc = fail(L, KZP_E_BAD_DATE, "'%.40s' is not a real calendar date in YYYY-MM-DD form", json_string_value(v));
        pop(L, m);
        return rc;
    }
    if (iso) {
        kzp_date_format_days(iso, *days);
    }
    return KZP_OK;
}

/* A word from a fixed vocabulary. */
static int get_word(loader *L, const json_t *obj, const char *key, int (*parse)(int *, const char *),
                    const char *expected, int *out)
{
    json_t *v = NULL;
    int rc = member(L, obj, key, JSON_STRING, true, &v);
    if (rc) {
        return rc;
    }
    if (parse(out, json_string_value(v)) != KZP_OK) {
        size_t m = push_key(L, key);
        rc = fail(L, KZP_E_UNKNOWN_KIND, "'%.40s' is not known; expected one of: %s", json_string_value(v), expected);
        pop(L, m);
        return rc;
    }
    return KZP_OK;
}

/* A non-negative amount: a JSON integer (whole units) or a decimal string ("0.2"). */
static int get_amount(loader *L, const json_t *obj, const char *key, bool required, bool *present, int64_t *centi)
{
    json_t *v = json_object_get(obj, key);
    size_t m = push_key(L, key);
    int rc = KZP_OK;
    *present = false;
    if (!v || json_is_null(v)) {
        if (required) {
            rc = fail(L, KZP_E_SCHEMA, "required member '%s' is missing", key);
        }
    } else if (json_is_integer(v)) {
        json_int_t n = json_integer_value(v);
        if (n < 0) {
            rc = fail(L, KZP_E_DATA_VALUE, "%lld is negative; amounts are zero or more", (long long)n);
        } else if (!kzp_mul_i64(centi, (int64_t)n, 100)) {
            rc = fail(L, KZP_E_OVERFLOW, "%lld is too large", (long long)n);
        } else {
            *present = true;
        }
    } else if (json_is_string(v)) {
        kzp_error sub;
        rc = kzp_decimal_parse(centi, json_string_value(v), &sub);
        if (rc) {
            rc = fail(L, rc, "%s", sub.message);
        } else {
            *present = true;
        }
    } else if (json_is_real(v)) {
        rc = fail(L, KZP_E_SCHEMA,
                  "floating-point numbers are not accepted; write an integer or a decimal string such as \"0.2\"");
    } else {
        rc = fail(L, KZP_E_SCHEMA, "must be an integer or a decimal string, found %s", type_word(json_typeof(v)));
    }
    pop(L, m);
    return rc;
}

static const kzp_citation *citation_find(const kzp_ctx *ctx, const char *id)
{
    long i = kzp_index_get(&ctx->citation_index, id);
    return i >= 0 ? &ctx->citations[i] : NULL;
}

static int get_citation_ref(loader *L, const json_t *obj, const char *key, const kzp_citation **out)
{
    json_t *v = json_object_get(obj, key);
    size_t m = push_key(L, key);
    int rc = KZP_OK;
    if (!v || json_is_null(v)) {
        rc = fail(L, KZP_E_DATA_REF, "missing citation: every value must name the source it comes from");
    } else if (!json_is_string(v)) {
        rc = fail(L, KZP_E_SCHEMA, "must be a citation id (a string), found %s", type_word(json_typeof(v)));
    } else if (!(*out = citation_find(L->ctx, json_string_value(v)))) {
        rc = fail(L, KZP_E_DATA_REF, "citation '%.60s' is not defined in $.citations", json_string_value(v));
    }
    pop(L, m);
    return rc;
}

static int load_header(loader *L, const json_t *root)
{
    static const char *const ROOT_KEYS[] = {"schema_version", "dataset", "citations", "mci", "rules", "articles", NULL};
    static const char *const DATASET_KEYS[] = {"id", "version", "verified_on", "description", NULL};
    int rc = check_object(L, root, ROOT_KEYS);
    if (rc) {
        return rc;
    }
    json_t *v = NULL;
    if ((rc = member(L, root, "schema_version", JSON_INTEGER, true, &v))) {
        return rc;
    }
    if (json_integer_value(v) != SCHEMA_VERSION) {
        size_t m = push_key(L, "schema_version");
        rc = fail(L, KZP_E_SCHEMA_VERSION, "schema version %lld is not supported; this library reads version %d",
                  (long long)json_integer_value(v), SCHEMA_VERSION);
        pop(L, m);
        return rc;
    }
    L->ctx->schema_version = SCHEMA_VERSION;
    json_t *ds = NULL;
    if ((rc = member(L, root, "dataset", JSON_OBJECT, true, &ds))) {
        return rc;
    }
    size_t m = push_key(L, "dataset");
    int32_t day = 0;
    char iso[11];
    const char *desc;
    if (!(rc = check_object(L, ds, DATASET_KEYS)) && !(rc = get_string(L, ds, "id", true, true, &L->ctx->id)) &&
        !(rc = get_string(L, ds, "version", true, true, &L->ctx->version)) &&
        !(rc = get_date(L, ds, "verified_on", &day, iso)) &&
        !(rc = get_string(L, ds, "description", false, false, &desc))) {
        L->ctx->verified_on = kzp_arena_strdup(&L->ctx->arena, iso);
        rc = L->ctx->verified_on ? KZP_OK : fail(L, KZP_E_NOMEM, "out of memory");
    }
    pop(L, m);
    return rc;
}

/* Optional "translations": {"ru": {"act", "reference"}, "kk": {...}}; English where absent. */
static int load_translations(loader *L, const json_t *c, kzp_citation *out)
{
    static const char *const KEYS[] = {"ru", "kk", NULL};
    static const char *const ITEM_KEYS[] = {"act", "reference", NULL};
    static const char *const LANGS[] = {"en", "ru", "kk"};
    for (int lang = 0; lang < 3; lang++) {
        out->act_in[lang] = out->act;
        out->reference_in[lang] = out->reference;
    }
    json_t *tr = NULL;
    int rc = member(L, c, "translations", JSON_OBJECT, false, &tr);
    if (rc || !tr) {
        return rc;
    }
    size_t m = push_key(L, "translations");
    rc = check_object(L, tr, KEYS);
    for (int lang = KZP_LANG_RU; lang <= KZP_LANG_KK && !rc; lang++) {
        json_t *one = NULL;
        if ((rc = member(L, tr, LANGS[lang], JSON_OBJECT, false, &one)) || !one) {
            continue;
        }
        size_t ml = push_key(L, LANGS[lang]);
        if (!(rc = check_object(L, one, ITEM_KEYS)) &&
            !(rc = get_string(L, one, "act", true, true, &out->act_in[lang]))) {
            rc = get_string(L, one, "reference", true, false, &out->reference_in[lang]);
        }
        pop(L, ml);
    }
    pop(L, m);
    return rc;
}

static int load_citations(loader *L, const json_t *root)
{
    static const char *const KEYS[] = {"id",   "act",    "reference",    "document", "seen_in",
                                       "note", "status", "translations", NULL};
    json_t *arr = NULL;
    int rc = member(L, root, "citations", JSON_ARRAY, true, &arr);
    if (rc) {
        return rc;
    }
    size_t n = json_array_size(arr);
    L->ctx->citations = kzp_arena_alloc(&L->ctx->arena, (n ? n : 1) * sizeof(kzp_citation));
    if (!L->ctx->citations || !kzp_index_init(&L->ctx->citation_index, &L->ctx->arena, n)) {
        return fail(L, KZP_E_NOMEM, "out of memory");
    }
    size_t m0 = push_key(L, "citations");
    int first = KZP_OK;
    for (size_t i = 0; i < n && (first == KZP_OK || L->collect); i++) {
        json_t *c = json_array_get(arr, i);
        kzp_citation *out = &L->ctx->citations[L->ctx->citation_count];
        size_t m = push_index(L, i);
        if (!(rc = check_object(L, c, KEYS)) && !(rc = get_string(L, c, "id", true, true, &out->id)) &&
            !(rc = get_string(L, c, "act", true, true, &out->act)) &&
            !(rc = get_string(L, c, "reference", false, false, &out->reference)) &&
            !(rc = get_string(L, c, "document", false, false, &out->document)) &&
            !(rc = get_string(L, c, "seen_in", true, true, &out->seen_in)) &&
            !(rc = get_string(L, c, "note", false, false, &out->note)) &&
            !(rc = get_word(L, c, "status", kzp_certainty_parse, "official, statement, unverified, hypothetical",
                            &out->certainty)) &&
            !(rc = load_translations(L, c, out))) {
            if (!kzp_index_put(&L->ctx->citation_index, out->id, L->ctx->citation_count)) {
                size_t mk = push_key(L, "id");
                rc = fail(L, KZP_E_DATA_DUPLICATE, "citation id '%.60s' is used twice", out->id);
                pop(L, mk);
            } else {
                L->ctx->citation_count++;
            }
        }
        first = first ? first : rc;
        pop(L, m);
    }
    pop(L, m0);
    return first;
}

static bool purposes_overlap(const kzp_period_def *a, const kzp_period_def *b)
{
    return a->purpose_all || b->purpose_all || a->purpose == b->purpose;
}

static int parse_period_purpose(int *out, const char *word)
{
    if (strcmp(word, "all") == 0) {
        *out = -1;
        return KZP_OK;
    }
    return kzp_purpose_parse(out, word);
}

static int load_mci(loader *L, const json_t *root)
{
    static const char *const MCI_KEYS[] = {"known_until", "known_until_citation", "periods", NULL};
    static const char *const PERIOD_KEYS[] = {"from", "tenge", "purpose", "citation", NULL};
    kzp_ctx *ctx = L->ctx;
    json_t *mci = NULL, *arr = NULL;
    int rc = member(L, root, "mci", JSON_OBJECT, true, &mci);
    if (rc) {
        return rc;
    }
    size_t m0 = push_key(L, "mci");
    int first = check_object(L, mci, MCI_KEYS);
    if (first && !L->collect) {
        pop(L, m0);
        return first;
    }
    /* In collect mode a bad known_until must not make every period "after" it. */
    bool known_until_ok = (rc = get_date(L, mci, "known_until", &ctx->known_until, ctx->known_until_iso)) == KZP_OK;
    first = first ? first : rc;
    if (first == KZP_OK || L->collect) {
        rc = get_citation_ref(L, mci, "known_until_citation", &ctx->known_until_citation);
        first = first ? first : rc;
    }
    if ((first && !L->collect) || (rc = member(L, mci, "periods", JSON_ARRAY, true, &arr))) {
        pop(L, m0);
        return first ? first : rc;
    }
    size_t m1 = push_key(L, "periods");
    size_t n = json_array_size(arr);
    if (n == 0) {
        rc = fail(L, KZP_E_SCHEMA, "the MCI table needs at least one period");
    }
    ctx->periods = kzp_arena_alloc(&ctx->arena, (n ? n : 1) * sizeof(kzp_period_def));
    if (!rc && !ctx->periods) {
        rc = fail(L, KZP_E_NOMEM, "out of memory");
    }
    first = first ? first : rc;
    /* ctx->periods is NULL only when out of memory; collect mode must stop there too */
    for (size_t i = 0; i < n && ctx->periods && (first == KZP_OK || L->collect); i++) {
        json_t *p = json_array_get(arr, i);
        kzp_period_def *d = &ctx->periods[ctx->period_count];
        size_t m = push_index(L, i);
        json_t *tv = NULL;
        int purpose = 0;
        if (!(rc = check_object(L, p, PERIOD_KEYS)) && !(rc = get_date(L, p, "from", &d->from, d->from_iso)) &&
            !(rc = member(L, p, "tenge", JSON_INTEGER, true, &tv)) &&
            !(rc = get_word(L, p, "purpose", parse_period_purpose, "all, fines, benefits", &purpose)) &&
            !(rc = get_citation_ref(L, p, "citation", &d->citation))) {
            d->tenge = json_integer_value(tv);
            d->purpose_all = purpose < 0;
            d->purpose = purpose < 0 ? KZP_PURPOSE_FINES : purpose;
            size_t mk = push_key(L, "tenge");
            if (d->tenge <= 0 || d->tenge > MAX_MCI_TENGE) {
                rc = fail(L, KZP_E_DATA_VALUE,
                          "%lld is not a valid MCI; it must be a whole number of tenge from 1 to %lld",
                          (long long)d->tenge, MAX_MCI_TENGE);
            }
            pop(L, mk);
        }
        if (!rc && known_until_ok && d->from > ctx->known_until) {
            size_t mk = push_key(L, "from");
            rc = fail(L, KZP_E_DATA_ORDER, "the period starts on %s, after the table's known_until %s", d->from_iso,
                      ctx->known_until_iso);
            pop(L, mk);
        }
        for (size_t j = ctx->period_count; j-- > 0 && !rc;) {
            const kzp_period_def *prev = &ctx->periods[j];
            size_t mk = push_key(L, "from");
            if (prev->from > d->from) {
                rc = fail(L, KZP_E_DATA_ORDER, "periods must be in ascending order of 'from': %s comes after %s",
                          d->from_iso, prev->from_iso);
            } else if (prev->from == d->from && purposes_overlap(prev, d)) {
                rc = fail(L, KZP_E_DATA_ORDER, "overlaps an earlier period: both start on %s for the same purpose",
                          d->from_iso);
            }
            pop(L, mk);
            if (prev->from < d->from) {
                break; /* earlier ones are older still: already checked against prev */
            }
        }
        ctx->period_count += rc ? 0 : 1;
        first = first ? first : rc;
        pop(L, m);
    }
    pop(L, m1);
    pop(L, m0);
    return first;
}

/* A text in the three languages, {"en": ..., "ru": ..., "kk": ...}, each required and not
 * empty; the path is at t. */
static int texts_value(loader *L, const json_t *t, const char *out[3])
{
    static const char *const LANGS[] = {"en", "ru", "kk", NULL};
    int rc = check_object(L, t, LANGS);
    for (int lang = 0; lang < 3 && !rc; lang++) {
        rc = get_string(L, t, LANGS[lang], true, true, &out[lang]);
    }
    return rc;
}

/* The member key as texts_value; absent and optional: three empty strings. */
static int get_texts(loader *L, const json_t *obj, const char *key, bool required, const char *out[3])
{
    json_t *t = NULL;
    out[0] = out[1] = out[2] = "";
    int rc = member(L, obj, key, JSON_OBJECT, required, &t);
    if (rc || !t) {
        return rc;
    }
    size_t m = push_key(L, key);
    rc = texts_value(L, t, out);
    pop(L, m);
    return rc;
}

static int load_equivalence(loader *L, const json_t *rules)
{
    static const char *const KEYS[] = {"citation", "one_day_of_arrest", "scope", NULL};
    static const char *const ITEM_KEYS[] = {"kind", "unit", "amount", NULL};
    json_t *eq, *arr;
    int rc = member(L, rules, "equivalence", JSON_OBJECT, false, &eq);
    if (rc || !eq) {
        return rc;
    }
    size_t m0 = push_key(L, "equivalence");
    kzp_rule_def *agg = &L->ctx->rules[KZP_RULE_AGGREGATION];
    if ((rc = check_object(L, eq, KEYS)) || (rc = get_citation_ref(L, eq, "citation", &L->ctx->equiv_citation)) ||
        (rc = get_texts(L, eq, "scope", false, agg->scope)) ||
        (rc = member(L, eq, "one_day_of_arrest", JSON_ARRAY, true, &arr))) {
        pop(L, m0);
        return rc;
    }
    agg->present = 1;
    agg->citation = L->ctx->equiv_citation;
    size_t m1 = push_key(L, "one_day_of_arrest");
    int first = KZP_OK;
    for (size_t i = 0; i < json_array_size(arr) && (first == KZP_OK || L->collect); i++) {
        json_t *it = json_array_get(arr, i);
        size_t m = push_index(L, i);
        int kind, unit;
        bool present = false;
        int64_t centi = 0;
        if (!(rc = check_object(L, it, ITEM_KEYS)) &&
            !(rc = get_word(L, it, "kind", kzp_kind_parse, "fine, community_service, arrest, correctional_work",
                            &kind)) &&
            !(rc = get_word(L, it, "unit", kzp_unit_parse, "mci, hours, days", &unit)) &&
            !(rc = get_amount(L, it, "amount", true, &present, &centi))) {
            /* each problem is reported at the member that has it */
            bool wrong_unit = unit != kzp_kind_unit(kind), not_whole = centi == 0 || centi % 100 != 0;
            size_t mk = push_key(L, wrong_unit ? "unit" : not_whole ? "amount" : "kind");
            if (wrong_unit) {
                rc = fail(L, KZP_E_DATA_VALUE, "%s is measured in %s, not %s", kzp_kind_name(kind),
                          kzp_unit_name(kzp_kind_unit(kind)), kzp_unit_name(unit));
            } else if (not_whole) {
                rc = fail(L, KZP_E_DATA_VALUE, "an equivalence must be a whole number of units greater than zero");
            } else if (L->ctx->equiv_centi[kind] != 0) {
                rc = fail(L, KZP_E_DATA_DUPLICATE, "%s is listed twice", kzp_kind_name(kind));
            } else {
                L->ctx->equiv_centi[kind] = centi;
            }
            pop(L, mk);
        }
        first = first ? first : rc;
        pop(L, m);
    }
    pop(L, m1);
    pop(L, m0);
    return first;
}

static int parse_cap_flag(int *out, const char *word)
{
    if (strcmp(word, "mitigated") == 0) {
        *out = (int)KZP_Q_MITIGATED;
    } else if (strcmp(word, "accelerated") == 0) {
        *out = (int)KZP_Q_ACCELERATED;
    } else {
        return KZP_E_UNKNOWN_KIND;
    }
    return KZP_OK;
}

static int load_caps(loader *L, const json_t *rules)
{
    static const char *const KEYS[] = {"id", "flag", "category", "numerator", "denominator", "citation", NULL};
    kzp_ctx *ctx = L->ctx;
    json_t *arr = NULL;
    int rc = member(L, rules, "half_cap", JSON_ARRAY, false, &arr);
    if (rc || !arr) {
        return rc;
    }
    size_t m0 = push_key(L, "half_cap");
    if (json_array_size(arr) > KZP_MAX_CAPS) {
        rc = fail(L, KZP_E_DATA_VALUE, "at most %d caps are supported", KZP_MAX_CAPS);
        pop(L, m0);
        return rc;
    }
    int first = KZP_OK;
    for (size_t i = 0; i < json_array_size(arr) && (first == KZP_OK || L->collect); i++) {
        json_t *it = json_array_get(arr, i), *num, *den;
        kzp_cap_def *c = &ctx->caps[ctx->cap_count];
        int flag = 0;
        size_t m = push_index(L, i);
        if (!(rc = check_object(L, it, KEYS)) && !(rc = get_string(L, it, "id", true, true, &c->id)) &&
            !(rc = get_word(L, it, "flag", parse_cap_flag, "mitigated, accelerated", &flag)) &&
            !(rc = get_word(L, it, "category", kzp_category_parse, "criminal_offence, crime", &c->category)) &&
            !(rc = member(L, it, "numerator", JSON_INTEGER, true, &num)) &&
            !(rc = member(L, it, "denominator", JSON_INTEGER, true, &den)) &&
            !(rc = get_citation_ref(L, it, "citation", &c->citation))) {
            c->flag = (unsigned)flag;
            c->numerator = json_integer_value(num);
            c->denominator = json_integer_value(den);
            size_t mk = push_key(L, "numerator");
            if (c->numerator <= 0 || c->denominator <= 0 || c->numerator >= c->denominator || c->denominator > 1000) {
                rc = fail(L, KZP_E_DATA_VALUE,
                          "a cap is a fraction numerator/denominator with 0 < numerator < "
                          "denominator <= 1000");
            }
            pop(L, mk);
            for (size_t j = 0; j < ctx->cap_count && !rc; j++) {
                if (ctx->caps[j].flag == c->flag && ctx->caps[j].category == c->category) {
                    rc = fail(L, KZP_E_DATA_DUPLICATE, "a cap for this flag and category is already defined");
                }
            }
            ctx->cap_count += rc ? 0 : 1;
        }
        first = first ? first : rc;
        pop(L, m);
    }
    pop(L, m0);
    return first;
}

/* {"kind": ..., "unit": ..., "amount": N}: a whole, positive number of the kind's unit. */
static int get_quantity(loader *L, const json_t *obj, const char *key, int *kind, int64_t *centi)
{
    static const char *const KEYS[] = {"kind", "unit", "amount", NULL};
    json_t *q = NULL;
    int rc = member(L, obj, key, JSON_OBJECT, true, &q);
    if (rc) {
        return rc;
    }
    size_t m = push_key(L, key);
    int unit = 0;
    bool present = false;
    if (!(rc = check_object(L, q, KEYS)) &&
        !(rc = get_word(L, q, "kind", kzp_kind_parse, "fine, community_service, arrest, correctional_work", kind)) &&
        !(rc = get_word(L, q, "unit", kzp_unit_parse, "mci, hours, days", &unit)) &&
        !(rc = get_amount(L, q, "amount", true, &present, centi))) {
        bool wrong_unit = unit != kzp_kind_unit(*kind);
        size_t mk = push_key(L, wrong_unit ? "unit" : "amount");
        if (wrong_unit) {
            rc = fail(L, KZP_E_DATA_VALUE, "%s is measured in %s, not %s", kzp_kind_name(*kind),
                      kzp_unit_name(kzp_kind_unit(*kind)), kzp_unit_name(unit));
        } else if (*centi == 0 || *centi % 100 != 0) {
            rc = fail(L, KZP_E_DATA_VALUE, "a conversion rate must be a whole number of units greater than zero");
        }
        pop(L, mk);
    }
    pop(L, m);
    return rc;
}

/* rules.replacements[]: the rules that replace one punishment by another (Art. 41 part 6,
 * Art. 43 part 2-1), each with the pairs of kinds it allows and their rates. */
static int load_replacement(loader *L, const json_t *it)
{
    static const char *const KEYS[] = {"rule", "scope", "citation", "pairs", NULL};
    static const char *const PAIR_KEYS[] = {"from", "to", NULL};
    kzp_ctx *ctx = L->ctx;
    int rule = 0;
    json_t *arr = NULL;
    const kzp_citation *cit = NULL;
    const char *scope[3];
    int rc;
    if ((rc = check_object(L, it, KEYS)) ||
        (rc = get_word(L, it, "rule", kzp_conversion_rule_parse, "unpaid-fine, evaded-service", &rule)) ||
        (rc = get_texts(L, it, "scope", true, scope)) || (rc = get_citation_ref(L, it, "citation", &cit)) ||
        (rc = member(L, it, "pairs", JSON_ARRAY, true, &arr))) {
        return rc;
    }
    kzp_rule_def *d = &ctx->rules[rule];
    if (rule == KZP_RULE_AGGREGATION || d->present) {
        size_t mk = push_key(L, "rule");
        rc = fail(L, rule == KZP_RULE_AGGREGATION ? KZP_E_DATA_VALUE : KZP_E_DATA_DUPLICATE,
                  rule == KZP_RULE_AGGREGATION ? "aggregation is given by rules.equivalence, not here"
                                               : "this rule is defined twice");
        pop(L, mk);
        return rc;
    }
    size_t n = json_array_size(arr);
    kzp_pair_def *pairs = kzp_arena_alloc(&ctx->arena, (n ? n : 1) * sizeof *pairs);
    if (!pairs) {
        return fail(L, KZP_E_NOMEM, "out of memory");
    }
    if (n == 0) {
        size_t mk = push_key(L, "pairs");
        rc = fail(L, KZP_E_SCHEMA, "a rule needs at least one pair of kinds");
        pop(L, mk);
        return rc;
    }
    size_t m0 = push_key(L, "pairs");
    for (size_t i = 0; i < n && !rc; i++) {
        kzp_pair_def *p = &pairs[i];
        json_t *pj = json_array_get(arr, i);
        size_t m = push_index(L, i);
        if (!(rc = check_object(L, pj, PAIR_KEYS)) &&
            !(rc = get_quantity(L, pj, "from", &p->from_kind, &p->from_centi)) &&
            !(rc = get_quantity(L, pj, "to", &p->to_kind, &p->to_centi))) {
            for (size_t j = 0; j < i && !rc; j++) {
                if (pairs[j].from_kind == p->from_kind && pairs[j].to_kind == p->to_kind) {
                    rc = fail(L, KZP_E_DATA_DUPLICATE, "the pair %s to %s is listed twice", kzp_kind_name(p->from_kind),
                              kzp_kind_name(p->to_kind));
                }
            }
            if (!rc && p->from_kind == p->to_kind) {
                rc = fail(L, KZP_E_DATA_VALUE, "a rule converts one kind into another, not into itself");
            }
        }
        pop(L, m);
    }
    pop(L, m0);
    if (!rc) {
        d->present = 1;
        d->citation = cit;
        d->pair_count = n;
        d->pairs = pairs;
        memcpy(d->scope, scope, sizeof d->scope);
    }
    return rc;
}

/* Flags words in a list: ["mitigated", "accelerated"]. */
static int get_flags(loader *L, const json_t *obj, const char *key, unsigned *out)
{
    json_t *arr = NULL;
    int rc = member(L, obj, key, JSON_ARRAY, true, &arr);
    *out = 0;
    if (rc) {
        return rc;
    }
    size_t m0 = push_key(L, key);
    if (json_array_size(arr) == 0) {
        rc = fail(L, KZP_E_SCHEMA, "name at least one flag");
    }
    for (size_t i = 0; i < json_array_size(arr) && !rc; i++) {
        json_t *w = json_array_get(arr, i);
        size_t m = push_index(L, i);
        int flag = 0;
        if (!json_is_string(w)) {
            rc = fail(L, KZP_E_SCHEMA, "must be a string, found %s", type_word(json_typeof(w)));
        } else if (parse_cap_flag(&flag, json_string_value(w)) != KZP_OK) {
            rc = fail(L, KZP_E_UNKNOWN_KIND, "'%.40s' is not known; expected one of: mitigated, accelerated",
                      json_string_value(w));
        } else if (*out & (unsigned)flag) {
            rc = fail(L, KZP_E_DATA_DUPLICATE, "'%s' is listed twice", json_string_value(w));
        } else {
            *out |= (unsigned)flag;
        }
        pop(L, m);
    }
    pop(L, m0);
    return rc;
}

/* rules.general_bounds[]: the General Part's bounds of a kind for a category (Arts. 41-43). */
static int load_general(loader *L, const json_t *it, kzp_general_def *d)
{
    static const char *const KEYS[] = {"id",          "category",      "kind",     "min", "max",
                                       "max_per_day", "min_lifted_by", "citation", NULL};
    static const char *const LIFT_KEYS[] = {"flags", "citation", NULL};
    bool has_min = false, has_max = false, has_day = false;
    json_t *lift = NULL;
    int rc;
    if ((rc = check_object(L, it, KEYS)) || (rc = get_string(L, it, "id", true, true, &d->id)) ||
        (rc = get_word(L, it, "category", kzp_category_parse, "criminal_offence, crime", &d->category)) ||
        (rc =
             get_word(L, it, "kind", kzp_kind_parse, "fine, community_service, arrest, correctional_work", &d->kind)) ||
        (rc = get_amount(L, it, "min", false, &has_min, &d->min_centi)) ||
        (rc = get_amount(L, it, "max", false, &has_max, &d->max_centi)) ||
        (rc = get_amount(L, it, "max_per_day", false, &has_day, &d->per_day_centi)) ||
        (rc = member(L, it, "min_lifted_by", JSON_OBJECT, false, &lift)) ||
        (rc = get_citation_ref(L, it, "citation", &d->citation))) {
        return rc;
    }
    d->has_min = has_min;
    d->has_max = has_max;
    if (lift) {
        size_t m = push_key(L, "min_lifted_by");
        if (!(rc = check_object(L, lift, LIFT_KEYS)) && !(rc = get_flags(L, lift, "flags", &d->lift_flags))) {
            rc = get_citation_ref(L, lift, "citation", &d->lift_citation);
        }
        pop(L, m);
        if (rc) {
            return rc;
        }
    }
    const char *bad = !has_min && !has_max                                ? "min"
                      : has_max && d->max_centi == 0                      ? "max"
                      : has_min && has_max && d->min_centi > d->max_centi ? "min"
                      : has_day && d->per_day_centi == 0                  ? "max_per_day"
                      : lift && !has_min                                  ? "min_lifted_by"
                                                                          : NULL;
    if (bad) {
        size_t m = push_key(L, bad);
        rc = fail(L, KZP_E_DATA_VALUE, "%s",
                  !has_min && !has_max                ? "a General Part bound needs a min, a max or both"
                  : strcmp(bad, "min_lifted_by") == 0 ? "only a minimum can be lifted: give min"
                  : strcmp(bad, "min") == 0           ? "the lower bound is above the upper bound"
                                                      : "must be greater than zero");
        pop(L, m);
    }
    return rc;
}

/* rules.restrictions[]: persons on whom a kind may not be imposed, in three languages. */
static int load_restriction(loader *L, const json_t *it, kzp_restriction *d)
{
    static const char *const KEYS[] = {"id", "kind", "persons", "citation", NULL};
    json_t *arr = NULL;
    int rc;
    if ((rc = check_object(L, it, KEYS)) || (rc = get_string(L, it, "id", true, true, &d->id)) ||
        (rc =
             get_word(L, it, "kind", kzp_kind_parse, "fine, community_service, arrest, correctional_work", &d->kind)) ||
        (rc = member(L, it, "persons", JSON_ARRAY, true, &arr)) ||
        (rc = get_citation_ref(L, it, "citation", &d->citation))) {
        return rc;
    }
    size_t n = json_array_size(arr);
    const char **lists[3];
    for (int lang = 0; lang < 3; lang++) {
        lists[lang] = kzp_arena_alloc(&L->ctx->arena, (n ? n : 1) * sizeof(const char *));
        if (!lists[lang]) {
            return fail(L, KZP_E_NOMEM, "out of memory");
        }
    }
    size_t m0 = push_key(L, "persons");
    if (n == 0) {
        rc = fail(L, KZP_E_SCHEMA, "list at least one group of persons");
    }
    for (size_t i = 0; i < n && !rc; i++) {
        const char *t[3];
        size_t m = push_index(L, i);
        rc = texts_value(L, json_array_get(arr, i), t);
        for (int lang = 0; lang < 3 && !rc; lang++) {
            lists[lang][i] = t[lang];
        }
        pop(L, m);
    }
    pop(L, m0);
    if (!rc) {
        d->person_count = n;
        for (int lang = 0; lang < 3; lang++) {
            d->persons[lang] = lists[lang];
        }
    }
    return rc;
}

/* rules.order_procedure[]: the bounds of a kind in a verdict in the order procedure. */
static int load_order(loader *L, const json_t *it, kzp_order_def *d)
{
    static const char *const KEYS[] = {"category", "kind", "min", "max", "citation", NULL};
    bool has_min = false, has_max = false;
    int rc;
    if ((rc = check_object(L, it, KEYS)) ||
        (rc = get_word(L, it, "category", kzp_category_parse, "criminal_offence, crime", &d->category)) ||
        (rc =
             get_word(L, it, "kind", kzp_kind_parse, "fine, community_service, arrest, correctional_work", &d->kind)) ||
        (rc = get_amount(L, it, "min", false, &has_min, &d->min_centi)) ||
        (rc = get_amount(L, it, "max", true, &has_max, &d->max_centi)) ||
        (rc = get_citation_ref(L, it, "citation", &d->citation))) {
        return rc;
    }
    d->has_min = has_min;
    if (d->max_centi == 0 || (has_min && d->min_centi > d->max_centi)) {
        size_t m = push_key(L, d->max_centi == 0 ? "max" : "min");
        rc = fail(L, KZP_E_DATA_VALUE, "%s",
                  d->max_centi == 0 ? "an upper bound must be greater than zero"
                                    : "the lower bound is above the upper bound");
        pop(L, m);
    }
    return rc;
}

/* rules.additional_payments[]: a payment collected on a guilty verdict (Art. 98-2), in MCI. */
static int load_payment(loader *L, const json_t *it, kzp_payment_def *d)
{
    static const char *const KEYS[] = {"id", "name", "category", "mci", "citation", "priced_at_offence_day_citation",
                                       NULL};
    bool present = false;
    int rc;
    if ((rc = check_object(L, it, KEYS)) || (rc = get_string(L, it, "id", true, true, &d->id)) ||
        (rc = get_texts(L, it, "name", true, d->name)) ||
        (rc = get_word(L, it, "category", kzp_category_parse, "criminal_offence, crime", &d->category)) ||
        (rc = get_amount(L, it, "mci", true, &present, &d->mci_centi)) ||
        (rc = get_citation_ref(L, it, "citation", &d->citation))) {
        return rc;
    }
    if (json_object_get(it, "priced_at_offence_day_citation")) {
        rc = get_citation_ref(L, it, "priced_at_offence_day_citation", &d->priced_by);
    }
    if (!rc && d->mci_centi == 0) {
        size_t m = push_key(L, "mci");
        rc = fail(L, KZP_E_DATA_VALUE, "a payment must be greater than zero");
        pop(L, m);
    }
    return rc;
}

/* Load each element of the optional array rules.<key> with one of the loaders above; an
 * element whose kind and category (and, for restrictions, kind) repeat an earlier one is a
 * duplicate. */
typedef enum list_kind { LIST_GENERAL, LIST_RESTRICTION, LIST_ORDER, LIST_PAYMENT, LIST_REPLACEMENT } list_kind;

static bool same_entry(const kzp_ctx *ctx, list_kind k, size_t a, size_t b)
{
    switch (k) {
    case LIST_GENERAL:
        return ctx->generals[a].kind == ctx->generals[b].kind && ctx->generals[a].category == ctx->generals[b].category;
    case LIST_RESTRICTION: return ctx->restrictions[a].kind == ctx->restrictions[b].kind;
    case LIST_ORDER:
        return ctx->orders[a].kind == ctx->orders[b].kind && ctx->orders[a].category == ctx->orders[b].category;
    case LIST_PAYMENT: return strcmp(ctx->payments[a].id, ctx->payments[b].id) == 0;
    default: return false;
    }
}

static int load_rule_list(loader *L, const json_t *rules, const char *key, list_kind k)
{
    static const size_t SIZES[] = {sizeof(kzp_general_def), sizeof(kzp_restriction), sizeof(kzp_order_def),
                                   sizeof(kzp_payment_def), 0};
    kzp_ctx *ctx = L->ctx;
    json_t *arr = NULL;
    int rc = member(L, rules, key, JSON_ARRAY, false, &arr);
    if (rc || !arr) {
        return rc;
    }
    size_t n = json_array_size(arr), *count = NULL;
    size_t size = SIZES[k];
    void *items = k == LIST_REPLACEMENT ? NULL : kzp_arena_alloc(&ctx->arena, (n ? n : 1) * size);
    if (k != LIST_REPLACEMENT && !items) {
        return fail(L, KZP_E_NOMEM, "out of memory");
    }
    switch (k) {
    case LIST_GENERAL: ctx->generals = items, count = &ctx->general_count; break;
    case LIST_RESTRICTION: ctx->restrictions = items, count = &ctx->restriction_count; break;
    case LIST_ORDER: ctx->orders = items, count = &ctx->order_count; break;
    case LIST_PAYMENT: ctx->payments = items, count = &ctx->payment_count; break;
    default: break;
    }
    size_t m0 = push_key(L, key);
    int first = KZP_OK;
    if (k == LIST_PAYMENT && n > KZP_MAX_PAYMENTS) {
        /* a range lists at most KZP_MAX_PAYMENTS: more would be dropped, so refuse them here */
        first = fail(L, KZP_E_DATA_VALUE, "at most %d payments are supported", KZP_MAX_PAYMENTS);
        n = 0;
    }
    for (size_t i = 0; i < n && (first == KZP_OK || L->collect); i++) {
        json_t *it = json_array_get(arr, i);
        size_t m = push_index(L, i);
        size_t at = count ? *count : 0;
        switch (k) {
        case LIST_GENERAL: rc = load_general(L, it, &ctx->generals[at]); break;
        case LIST_RESTRICTION: rc = load_restriction(L, it, &ctx->restrictions[at]); break;
        case LIST_ORDER: rc = load_order(L, it, &ctx->orders[at]); break;
        case LIST_PAYMENT: rc = load_payment(L, it, &ctx->payments[at]); break;
        default: rc = load_replacement(L, it); break;
        }
        for (size_t j = 0; count && j < at && !rc; j++) {
            if (same_entry(ctx, k, j, at)) {
                size_t mk = push_key(L, k == LIST_PAYMENT ? "id" : "kind");
                rc = fail(L, KZP_E_DATA_DUPLICATE, "%s",
                          k == LIST_RESTRICTION ? "this kind already has its restrictions"
                          : k == LIST_PAYMENT   ? "this payment id is already defined"
                                                : "this kind and category are already defined");
                pop(L, mk);
            }
        }
        if (count && !rc) {
            (*count)++;
        }
        first = first ? first : rc;
        pop(L, m);
    }
    pop(L, m0);
    return first;
}

static int parse_fine_day(int *out, const char *word)
{
    /* The library implements Art. 41 part 1 of the 2014 Code only: the offence day. */
    *out = 0;
    return strcmp(word, "offence") == 0 ? KZP_OK : KZP_E_UNKNOWN_KIND;
}

/* rules.fine_mci_day (required) and rules.correctional_work_mci_day (optional): which day's
 * MCI prices the kind. The fine's may say from which offence day the rule applies (Code
 * 226-V from 2015-01-01: the 1997 Code priced a fine at the sentencing day's MCI). */
static int load_mci_day(loader *L, const json_t *rules, const char *key, bool fine)
{
    static const char *const FINE_KEYS[] = {"day", "citation", "applies_from", "applies_from_citation", NULL};
    static const char *const DAY_KEYS[] = {"day", "citation", NULL};
    kzp_ctx *ctx = L->ctx;
    json_t *fd = NULL;
    int day = 0;
    int rc = member(L, rules, key, JSON_OBJECT, fine, &fd);
    if (rc || !fd) {
        return rc;
    }
    size_t m = push_key(L, key);
    if (!(rc = check_object(L, fd, fine ? FINE_KEYS : DAY_KEYS)) &&
        !(rc = get_word(L, fd, "day", parse_fine_day, "offence", &day)) &&
        !(rc = get_citation_ref(L, fd, "citation", fine ? &ctx->fine_day_citation : &ctx->cw_day_citation)) && fine &&
        json_object_get(fd, "applies_from")) {
        if (!(rc = get_date(L, fd, "applies_from", &ctx->pricing_from, ctx->pricing_from_iso))) {
            rc = get_citation_ref(L, fd, "applies_from_citation", &ctx->pricing_from_citation);
        }
    } else if (!rc && fine && json_object_get(fd, "applies_from_citation")) {
        size_t mk = push_key(L, "applies_from_citation");
        rc = fail(L, KZP_E_SCHEMA, "given without applies_from");
        pop(L, mk);
    }
    pop(L, m);
    return rc;
}

/* rules.article_min_lifted_by: {"flags": [...], "citation": ...}: under those flags an article's
 * own lower bound does not bind (Art. 55 part 6). */
static int load_article_lift(loader *L, const json_t *rules)
{
    static const char *const KEYS[] = {"flags", "citation", NULL};
    json_t *lift = NULL;
    int rc = member(L, rules, "article_min_lifted_by", JSON_OBJECT, false, &lift);
    if (rc || !lift) {
        return rc;
    }
    size_t m = push_key(L, "article_min_lifted_by");
    if (!(rc = check_object(L, lift, KEYS)) && !(rc = get_flags(L, lift, "flags", &L->ctx->article_lift_flags))) {
        rc = get_citation_ref(L, lift, "citation", &L->ctx->article_lift_citation);
    }
    pop(L, m);
    return rc;
}

/* rules.order_procedure: {"kinds_citation": why only these kinds, "bounds": [...]}. */
static int load_order_procedure(loader *L, const json_t *rules)
{
    static const char *const KEYS[] = {"kinds_citation", "bounds", NULL};
    json_t *op = NULL;
    int rc = member(L, rules, "order_procedure", JSON_OBJECT, false, &op);
    if (rc || !op) {
        return rc;
    }
    size_t m = push_key(L, "order_procedure");
    if (!(rc = check_object(L, op, KEYS)) &&
        !(rc = get_citation_ref(L, op, "kinds_citation", &L->ctx->order_kinds_citation))) {
        if (!json_is_array(json_object_get(op, "bounds"))) {
            json_t *unused = NULL;
            rc = member(L, op, "bounds", JSON_ARRAY, true, &unused); /* missing or not an array */
        } else {
            rc = load_rule_list(L, op, "bounds", LIST_ORDER);
        }
    }
    pop(L, m);
    return rc;
}

static int load_rules(loader *L, const json_t *root)
{
    static const char *const KEYS[] = {"fine_mci_day",
                                       "correctional_work_mci_day",
                                       "equivalence",
                                       "replacements",
                                       "half_cap",
                                       "general_bounds",
                                       "restrictions",
                                       "order_procedure",
                                       "additional_payments",
                                       "article_min_lifted_by",
                                       NULL};
    json_t *rules;
    int rc = member(L, root, "rules", JSON_OBJECT, true, &rules);
    if (rc) {
        return rc;
    }
    size_t m0 = push_key(L, "rules");
    int first = check_object(L, rules, KEYS);
    L->ctx->pricing_from = INT32_MIN;
    for (int stage = 0; stage < 10 && (first == KZP_OK || L->collect); stage++) {
        switch (stage) {
        case 0: rc = load_mci_day(L, rules, "fine_mci_day", true); break;
        case 1: rc = load_mci_day(L, rules, "correctional_work_mci_day", false); break;
        case 2: rc = load_equivalence(L, rules); break;
        case 3: rc = load_rule_list(L, rules, "replacements", LIST_REPLACEMENT); break;
        case 4: rc = load_caps(L, rules); break;
        case 5: rc = load_rule_list(L, rules, "general_bounds", LIST_GENERAL); break;
        case 6: rc = load_rule_list(L, rules, "restrictions", LIST_RESTRICTION); break;
        case 7: rc = load_order_procedure(L, rules); break;
        case 8: rc = load_article_lift(L, rules); break;
        default: rc = load_rule_list(L, rules, "additional_payments", LIST_PAYMENT); break;
        }
        first = first ? first : rc;
    }
    pop(L, m0);
    return first;
}

static int load_sanction(loader *L, const json_t *s, kzp_sanction_def *d)
{
    static const char *const KEYS[] = {"kind", "unit", "min", "max", "citation", NULL};
    bool has_max, has_min;
    int rc;
    if ((rc = check_object(L, s, KEYS)) ||
        (rc = get_word(L, s, "kind", kzp_kind_parse, "fine, community_service, arrest, correctional_work", &d->kind)) ||
        (rc = get_word(L, s, "unit", kzp_unit_parse, "mci, hours, days", &d->unit)) ||
        (rc = get_amount(L, s, "min", false, &has_min, &d->min_centi)) ||
        (rc = get_amount(L, s, "max", true, &has_max, &d->max_centi)) ||
        (rc = get_citation_ref(L, s, "citation", &d->citation))) {
        return rc;
    }
    d->has_min = has_min;
    if (d->kind == KZP_KIND_CORRECTIONAL_WORK && !L->ctx->cw_day_citation) {
        size_t m = push_key(L, "kind");
        rc = fail(L, KZP_E_DATA_REF,
                  "correctional work is priced at an MCI: the dataset needs rules.correctional_work_mci_day to say "
                  "which day's");
        pop(L, m);
    } else if (d->unit != kzp_kind_unit(d->kind)) {
        size_t m = push_key(L, "unit");
        rc = fail(L, KZP_E_DATA_VALUE, "%s is measured in %s, not %s", kzp_kind_name(d->kind),
                  kzp_unit_name(kzp_kind_unit(d->kind)), kzp_unit_name(d->unit));
        pop(L, m);
    } else if (d->max_centi == 0) {
        size_t m = push_key(L, "max");
        rc = fail(L, KZP_E_DATA_VALUE, "an upper bound must be greater than zero");
        pop(L, m);
    } else if (has_min && d->min_centi > d->max_centi) {
        size_t m = push_key(L, "min");
        rc = fail(L, KZP_E_DATA_VALUE, "the lower bound is above the upper bound");
        pop(L, m);
    }
    return rc;
}

static int load_article(loader *L, const json_t *a, kzp_article_def *d)
{
    static const char *const KEYS[] = {
        "id",       "title",     "category", "category_citation", "in_force_from", "in_force_citation",
        "citation", "sanctions", NULL};
    static const char *const TITLE_KEYS[] = {"en", "ru", "kk", NULL};
    json_t *title, *arr;
    int rc;
    if ((rc = check_object(L, a, KEYS)) || (rc = get_string(L, a, "id", true, true, &d->id)) ||
        (rc = member(L, a, "title", JSON_OBJECT, true, &title))) {
        return rc;
    }
    size_t m = push_key(L, "title");
    if (!(rc = check_object(L, title, TITLE_KEYS))) {
        for (int lang = 0; lang < 3 && !rc; lang++) {
            rc = get_string(L, title, TITLE_KEYS[lang], true, true, &d->title[lang]);
        }
    }
    pop(L, m);
    if (rc || (rc = get_word(L, a, "category", kzp_category_parse, "criminal_offence, crime", &d->category)) ||
        (rc = get_citation_ref(L, a, "category_citation", &d->category_citation)) ||
        (rc = get_date(L, a, "in_force_from", &d->in_force_from, d->in_force_iso)) ||
        (rc = get_citation_ref(L, a, "in_force_citation", &d->in_force_citation)) ||
        (rc = get_citation_ref(L, a, "citation", &d->citation)) ||
        (rc = member(L, a, "sanctions", JSON_ARRAY, true, &arr))) {
        return rc;
    }
    m = push_key(L, "sanctions");
    size_t n = json_array_size(arr);
    if (n == 0 || n > KZP_MAX_SANCTIONS) {
        rc = fail(L, KZP_E_SCHEMA, "an article needs 1 to %d alternative sanctions, found %zu", KZP_MAX_SANCTIONS, n);
    } else if (!(d->sanctions = kzp_arena_alloc(&L->ctx->arena, n * sizeof *d->sanctions))) {
        rc = fail(L, KZP_E_NOMEM, "out of memory");
    }
    int first = rc;
    for (size_t i = 0; i < n && d->sanctions && (first == KZP_OK || L->collect); i++) {
        size_t mi = push_index(L, i);
        kzp_sanction_def *sd = &d->sanctions[d->sanction_count];
        rc = load_sanction(L, json_array_get(arr, i), sd);
        for (size_t j = 0; j < d->sanction_count && !rc; j++) {
            if (d->sanctions[j].kind == sd->kind) {
                rc = fail(L, KZP_E_DATA_DUPLICATE, "%s is listed twice in one article", kzp_kind_name(sd->kind));
            }
        }
        d->sanction_count += rc ? 0 : 1;
        first = first ? first : rc;
        pop(L, mi);
    }
    pop(L, m);
    return first;
}

static int load_articles(loader *L, const json_t *root)
{
    json_t *arr = NULL;
    int rc = member(L, root, "articles", JSON_ARRAY, true, &arr);
    if (rc) {
        return rc;
    }
    size_t n = json_array_size(arr);
    kzp_ctx *ctx = L->ctx;
    if (!(ctx->articles = kzp_arena_alloc(&ctx->arena, (n ? n : 1) * sizeof *ctx->articles)) ||
        !kzp_index_init(&ctx->article_index, &ctx->arena, n)) {
        return fail(L, KZP_E_NOMEM, "out of memory");
    }
    size_t m0 = push_key(L, "articles");
    int first = KZP_OK;
    for (size_t i = 0; i < n && (first == KZP_OK || L->collect); i++) {
        size_t m = push_index(L, i);
        kzp_article_def *ad = &ctx->articles[ctx->article_count];
        memset(ad, 0, sizeof *ad);
        rc = load_article(L, json_array_get(arr, i), ad);
        if (!rc && !kzp_index_put(&ctx->article_index, ad->id, ctx->article_count)) {
            size_t mk = push_key(L, "id");
            rc = fail(L, KZP_E_DATA_DUPLICATE, "article '%.40s' is defined twice", ad->id);
            pop(L, mk);
        }
        ctx->article_count += rc ? 0 : 1;
        first = first ? first : rc;
        pop(L, m);
    }
    pop(L, m0);
    return first;
}

/* FNV-1a 64 of the dataset text: a cheap identity for receipts, not a security hash. */
static void fingerprint(char out[17], const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* Run every stage; the header must be right for the rest to mean anything. */
static int load_all(loader *L, json_t *root)
{
    int rc = load_header(L, root);
    if (rc) {
        return rc;
    }
    int (*const stages[])(loader *, const json_t *) = {load_citations, load_mci, load_rules, load_articles};
    int first = KZP_OK;
    for (size_t i = 0; i < sizeof stages / sizeof stages[0] && (first == KZP_OK || L->collect); i++) {
        rc = stages[i](L, root);
        first = first ? first : rc;
    }
    return first;
}

static int build(kzp_ctx **out, json_t *root, const char *text, size_t len, bool text_is_static, bool keep_text,
                 kzp_error *err)
{
    kzp_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) {
        return kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
    }
    atomic_init(&ctx->refs, 1);
    loader L = {.ctx = ctx, .err = err, .text = text, .len = len, .path = "$", .plen = 1};
    int rc = load_all(&L, root);
    if (rc) {
        kzp_ctx_free(ctx);
        return rc;
    }
    if (!keep_text) {
        /* a model only read and freed by its builder: writing its JSON would be a third of the work */
    } else if (text && text_is_static) {
        ctx->canonical = text;
        ctx->canonical_len = len;
    } else {
        /* a text of the caller's, or a dataset built in memory (an update, a what-if): keep a copy */
        char *dumped = text ? NULL : json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS);
        const char *src = text ? text : dumped;
        size_t n = text ? len : (dumped ? strlen(dumped) : 0);
        char *copy = src ? kzp_arena_alloc(&ctx->arena, n + 1) : NULL;
        if (copy) {
            memcpy(copy, src, n);
            copy[n] = '\0';
        }
        free(dumped);
        if (!copy) {
            kzp_ctx_free(ctx);
            return kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
        }
        ctx->canonical = copy;
        ctx->canonical_len = n;
    }
    fingerprint(ctx->fingerprint, ctx->canonical ? ctx->canonical : "", ctx->canonical_len);
    for (size_t i = 0; i < ctx->period_count; i++) {
        ctx->hypothetical |= ctx->periods[i].citation->certainty == KZP_CERT_HYPOTHETICAL;
    }
    kzp_error_clear(err);
    *out = ctx;
    return KZP_OK;
}

int kzp_ctx_build(kzp_ctx **out, json_t *root, const char *text, size_t len, bool text_is_static, kzp_error *err)
{
    return build(out, root, text, len, text_is_static, true, err);
}

int kzp_ctx_build_model(kzp_ctx **out, json_t *root, kzp_error *err)
{
    return build(out, root, NULL, 0, false, false, err);
}

int kzp_dataset_validate(kzp_error *errors, size_t cap, size_t *count, const char *json, size_t len)
{
    if (!count || (!errors && cap > 0) || (!json && len > 0)) {
        return KZP_E_INVALID_ARG;
    }
    kzp_error nul;
    if (kzp_json_nul(json, len, &nul)) {
        if (cap > 0) {
            errors[0] = nul;
        }
        *count = 1;
        return KZP_E_JSON;
    }
    json_error_t jerr;
    json_t *root = json_loadb(json ? json : "", len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root && kzp_json_out_of_memory(&jerr)) {
        return KZP_E_NOMEM; /* not a problem of the text: nothing to list */
    }
    if (!root) {
        /* A syntax error hides everything after it: that one problem is all there is to say. */
        kzp_error e;
        kzp_text_position(json, len, (size_t)jerr.position, &e.line, &e.column);
        int line = e.line, column = e.column;
        kzp_fail(&e, KZP_E_JSON, "$", "line %d, column %d: %s", line, column, jerr.text);
        e.line = line;
        e.column = column;
        if (cap > 0) {
            errors[0] = e;
        }
        *count = 1;
        return KZP_E_JSON;
    }
    kzp_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) {
        json_decref(root);
        return KZP_E_NOMEM;
    }
    atomic_init(&ctx->refs, 1);
    loader L = {
        .ctx = ctx, .text = json, .len = len, .path = "$", .plen = 1, .collect = true, .list = errors, .list_cap = cap};
    load_all(&L, root);
    kzp_ctx_free(ctx);
    json_decref(root);
    *count = L.found;
    return L.found ? L.first : KZP_OK;
}
