/* Validating a dataset (parsed JSON) and building the immutable model of a context.
 * Every member is checked for presence, type and range; unknown members are refused,
 * so a misspelt key is an error instead of a silently ignored value. The format is
 * described in docs/dataset.md and docs/dataset.schema.json. */
#include "dataset.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCHEMA_VERSION 1
#define MAX_MCI_TENGE 1000000000LL /* a sanity bound: far above any real MCI, far below overflow */

/* The reader, and the context the dataset is read into. */
typedef struct loader {
    jr r;
    kzp_ctx *ctx;
} loader;

static const kzp_citation *citation_find(const kzp_ctx *ctx, const char *id)
{
    long i = kzp_index_get(&ctx->citation_index, id);
    return i >= 0 ? &ctx->citations[i] : NULL;
}

static int get_citation_ref(loader *L, const json_t *obj, const char *key, const kzp_citation **out)
{
    json_t *v = json_object_get(obj, key);
    size_t m = jr_push_key(&L->r, key);
    int rc = KZP_OK;
    if (!v || json_is_null(v)) {
        rc = jr_fail(&L->r, KZP_E_DATA_REF, "missing citation: every value must name the source it comes from");
    } else if (!json_is_string(v)) {
        rc = jr_fail(&L->r, KZP_E_SCHEMA, "must be a citation id (a string), found %s", jr_type_word(json_typeof(v)));
    } else if (!(*out = citation_find(L->ctx, json_string_value(v)))) {
        rc = jr_fail(&L->r, KZP_E_DATA_REF, "citation '%.60s' is not defined in $.citations", json_string_value(v));
    }
    jr_pop(&L->r, m);
    return rc;
}

static int load_header(loader *L, const json_t *root)
{
    static const char *const ROOT_KEYS[] = {"schema_version", "dataset", "citations", "mci", "rules", "articles", NULL};
    static const char *const DATASET_KEYS[] = {"id", "version", "verified_on", "description", NULL};
    int rc = jr_object(&L->r, root, ROOT_KEYS);
    if (rc) {
        return rc;
    }
    json_t *v = NULL;
    if ((rc = jr_member(&L->r, root, "schema_version", JSON_INTEGER, true, &v))) {
        return rc;
    }
    if (json_integer_value(v) != SCHEMA_VERSION) {
        rc = jr_fail_at(&L->r, "schema_version", KZP_E_SCHEMA_VERSION,
                        "schema version %lld is not supported; this library reads version %d",
                        (long long)json_integer_value(v), SCHEMA_VERSION);
        return rc;
    }
    L->ctx->schema_version = SCHEMA_VERSION;
    json_t *ds = NULL;
    if ((rc = jr_member(&L->r, root, "dataset", JSON_OBJECT, true, &ds))) {
        return rc;
    }
    size_t m = jr_push_key(&L->r, "dataset");
    int32_t day = 0;
    char iso[11];
    const char *desc;
    if (!(rc = jr_object(&L->r, ds, DATASET_KEYS)) && !(rc = jr_string(&L->r, ds, "id", true, true, &L->ctx->id)) &&
        !(rc = jr_string(&L->r, ds, "version", true, true, &L->ctx->version)) &&
        !(rc = jr_date(&L->r, ds, "verified_on", &day, iso)) &&
        !(rc = jr_string(&L->r, ds, "description", false, false, &desc))) {
        L->ctx->verified_on = kzp_arena_strdup(&L->ctx->arena, iso);
        rc = L->ctx->verified_on ? KZP_OK : jr_fail(&L->r, KZP_E_NOMEM, "out of memory");
    }
    jr_pop(&L->r, m);
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
    int rc = jr_member(&L->r, c, "translations", JSON_OBJECT, false, &tr);
    if (rc || !tr) {
        return rc;
    }
    size_t m = jr_push_key(&L->r, "translations");
    rc = jr_object(&L->r, tr, KEYS);
    for (int lang = KZP_LANG_RU; lang <= KZP_LANG_KK && !rc; lang++) {
        json_t *one = NULL;
        if ((rc = jr_member(&L->r, tr, LANGS[lang], JSON_OBJECT, false, &one)) || !one) {
            continue;
        }
        size_t ml = jr_push_key(&L->r, LANGS[lang]);
        if (!(rc = jr_object(&L->r, one, ITEM_KEYS)) &&
            !(rc = jr_string(&L->r, one, "act", true, true, &out->act_in[lang]))) {
            rc = jr_string(&L->r, one, "reference", true, false, &out->reference_in[lang]);
        }
        jr_pop(&L->r, ml);
    }
    jr_pop(&L->r, m);
    return rc;
}

static int load_citations(loader *L, const json_t *root)
{
    static const char *const KEYS[] = {"id",   "act",    "reference",    "document", "seen_in",
                                       "note", "status", "translations", NULL};
    json_t *arr = NULL;
    int rc = jr_member(&L->r, root, "citations", JSON_ARRAY, true, &arr);
    if (rc) {
        return rc;
    }
    size_t n = json_array_size(arr);
    L->ctx->citations = kzp_arena_alloc(&L->ctx->arena, (n ? n : 1) * sizeof(kzp_citation));
    if (!L->ctx->citations || !kzp_index_init(&L->ctx->citation_index, &L->ctx->arena, n)) {
        return jr_fail(&L->r, KZP_E_NOMEM, "out of memory");
    }
    size_t m0 = jr_push_key(&L->r, "citations");
    int first = KZP_OK;
    for (size_t i = 0; i < n && jr_go_on(&L->r, first); i++) {
        json_t *c = json_array_get(arr, i);
        kzp_citation *out = &L->ctx->citations[L->ctx->citation_count];
        size_t m = jr_push_index(&L->r, i);
        if (!(rc = jr_object(&L->r, c, KEYS)) && !(rc = jr_string(&L->r, c, "id", true, true, &out->id)) &&
            !(rc = jr_string(&L->r, c, "act", true, true, &out->act)) &&
            !(rc = jr_string(&L->r, c, "reference", false, false, &out->reference)) &&
            !(rc = jr_string(&L->r, c, "document", false, false, &out->document)) &&
            !(rc = jr_string(&L->r, c, "seen_in", true, true, &out->seen_in)) &&
            !(rc = jr_string(&L->r, c, "note", false, false, &out->note)) &&
            !(rc = jr_word(&L->r, c, "status", kzp_certainty_parse, "official, statement, unverified, hypothetical",
                           &out->certainty)) &&
            !(rc = load_translations(L, c, out))) {
            if (!kzp_index_put(&L->ctx->citation_index, out->id, L->ctx->citation_count)) {
                rc = jr_fail_at(&L->r, "id", KZP_E_DATA_DUPLICATE, "citation id '%.60s' is used twice", out->id);
            } else {
                L->ctx->citation_count++;
            }
        }
        first = jr_first(first, rc);
        jr_pop(&L->r, m);
    }
    jr_pop(&L->r, m0);
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
    int rc = jr_member(&L->r, root, "mci", JSON_OBJECT, true, &mci);
    if (rc) {
        return rc;
    }
    size_t m0 = jr_push_key(&L->r, "mci");
    int first = jr_object(&L->r, mci, MCI_KEYS);
    if (first && !L->r.collect) {
        jr_pop(&L->r, m0);
        return first;
    }
    /* In collect mode a bad known_until must not make every period "after" it. */
    bool known_until_ok = (rc = jr_date(&L->r, mci, "known_until", &ctx->known_until, ctx->known_until_iso)) == KZP_OK;
    first = jr_first(first, rc);
    if (jr_go_on(&L->r, first)) {
        rc = get_citation_ref(L, mci, "known_until_citation", &ctx->known_until_citation);
        first = jr_first(first, rc);
    }
    if ((first && !L->r.collect) || (rc = jr_member(&L->r, mci, "periods", JSON_ARRAY, true, &arr))) {
        jr_pop(&L->r, m0);
        return jr_first(first, rc);
    }
    size_t m1 = jr_push_key(&L->r, "periods");
    size_t n = json_array_size(arr);
    if (n == 0) {
        rc = jr_fail(&L->r, KZP_E_SCHEMA, "the MCI table needs at least one period");
    }
    ctx->periods = kzp_arena_alloc(&ctx->arena, (n ? n : 1) * sizeof(kzp_period_def));
    if (!rc && !ctx->periods) {
        rc = jr_fail(&L->r, KZP_E_NOMEM, "out of memory");
    }
    first = jr_first(first, rc);
    /* ctx->periods is NULL only when out of memory; collect mode must stop there too */
    for (size_t i = 0; i < n && ctx->periods && jr_go_on(&L->r, first); i++) {
        json_t *p = json_array_get(arr, i);
        kzp_period_def *d = &ctx->periods[ctx->period_count];
        size_t m = jr_push_index(&L->r, i);
        json_t *tv = NULL;
        int purpose = 0;
        if (!(rc = jr_object(&L->r, p, PERIOD_KEYS)) && !(rc = jr_date(&L->r, p, "from", &d->from, d->from_iso)) &&
            !(rc = jr_member(&L->r, p, "tenge", JSON_INTEGER, true, &tv)) &&
            !(rc = jr_word(&L->r, p, "purpose", parse_period_purpose, "all, fines, benefits", &purpose)) &&
            !(rc = get_citation_ref(L, p, "citation", &d->citation))) {
            d->tenge = json_integer_value(tv);
            d->purpose_all = purpose < 0;
            d->purpose = purpose < 0 ? KZP_PURPOSE_FINES : purpose;
            size_t mk = jr_push_key(&L->r, "tenge");
            if (d->tenge <= 0 || d->tenge > MAX_MCI_TENGE) {
                rc = jr_fail(&L->r, KZP_E_DATA_VALUE,
                             "%lld is not a valid MCI; it must be a whole number of tenge from 1 to %lld",
                             (long long)d->tenge, MAX_MCI_TENGE);
            }
            jr_pop(&L->r, mk);
        }
        if (!rc && known_until_ok && d->from > ctx->known_until) {
            rc =
                jr_fail_at(&L->r, "from", KZP_E_DATA_ORDER, "the period starts on %s, after the table's known_until %s",
                           d->from_iso, ctx->known_until_iso);
        }
        for (size_t j = ctx->period_count; j-- > 0 && !rc;) {
            const kzp_period_def *prev = &ctx->periods[j];
            size_t mk = jr_push_key(&L->r, "from");
            if (prev->from > d->from) {
                rc = jr_fail(&L->r, KZP_E_DATA_ORDER, "periods must be in ascending order of 'from': %s comes after %s",
                             d->from_iso, prev->from_iso);
            } else if (prev->from == d->from && purposes_overlap(prev, d)) {
                rc = jr_fail(&L->r, KZP_E_DATA_ORDER,
                             "overlaps an earlier period: both start on %s for the same purpose", d->from_iso);
            }
            jr_pop(&L->r, mk);
            if (prev->from < d->from) {
                break; /* earlier ones are older still: already checked against prev */
            }
        }
        ctx->period_count += rc ? 0 : 1;
        first = jr_first(first, rc);
        jr_pop(&L->r, m);
    }
    jr_pop(&L->r, m1);
    jr_pop(&L->r, m0);
    return first;
}

static int load_equivalence(loader *L, const json_t *rules)
{
    static const char *const KEYS[] = {"citation", "one_day_of_arrest", "scope", NULL};
    static const char *const ITEM_KEYS[] = {"kind", "unit", "amount", NULL};
    json_t *eq, *arr;
    int rc = jr_member(&L->r, rules, "equivalence", JSON_OBJECT, false, &eq);
    if (rc || !eq) {
        return rc;
    }
    size_t m0 = jr_push_key(&L->r, "equivalence");
    kzp_rule_def *agg = &L->ctx->rules[KZP_RULE_AGGREGATION];
    if ((rc = jr_object(&L->r, eq, KEYS)) || (rc = get_citation_ref(L, eq, "citation", &L->ctx->equiv_citation)) ||
        (rc = jr_texts(&L->r, eq, "scope", false, agg->scope)) ||
        (rc = jr_member(&L->r, eq, "one_day_of_arrest", JSON_ARRAY, true, &arr))) {
        jr_pop(&L->r, m0);
        return rc;
    }
    agg->present = 1;
    agg->citation = L->ctx->equiv_citation;
    size_t m1 = jr_push_key(&L->r, "one_day_of_arrest");
    int first = KZP_OK;
    for (size_t i = 0; i < json_array_size(arr) && jr_go_on(&L->r, first); i++) {
        json_t *it = json_array_get(arr, i);
        size_t m = jr_push_index(&L->r, i);
        int kind, unit;
        bool present = false;
        int64_t centi = 0;
        if (!(rc = jr_object(&L->r, it, ITEM_KEYS)) &&
            !(rc = jr_word(&L->r, it, "kind", kzp_kind_parse, "fine, community_service, arrest, correctional_work",
                           &kind)) &&
            !(rc = jr_word(&L->r, it, "unit", kzp_unit_parse, "mci, hours, days", &unit)) &&
            !(rc = jr_amount(&L->r, it, "amount", true, &present, &centi))) {
            /* each problem is reported at the member that has it */
            bool wrong_unit = unit != kzp_kind_unit(kind), not_whole = centi == 0 || centi % 100 != 0;
            size_t mk = jr_push_key(&L->r, wrong_unit ? "unit" : not_whole ? "amount" : "kind");
            if (wrong_unit) {
                rc = jr_fail(&L->r, KZP_E_DATA_VALUE, "%s is measured in %s, not %s", kzp_kind_name(kind),
                             kzp_unit_name(kzp_kind_unit(kind)), kzp_unit_name(unit));
            } else if (not_whole) {
                rc = jr_fail(&L->r, KZP_E_DATA_VALUE,
                             "an equivalence must be a whole number of units greater than zero");
            } else if (L->ctx->equiv_centi[kind] != 0) {
                rc = jr_fail(&L->r, KZP_E_DATA_DUPLICATE, "%s is listed twice", kzp_kind_name(kind));
            } else {
                L->ctx->equiv_centi[kind] = centi;
            }
            jr_pop(&L->r, mk);
        }
        first = jr_first(first, rc);
        jr_pop(&L->r, m);
    }
    jr_pop(&L->r, m1);
    jr_pop(&L->r, m0);
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
    int rc = jr_member(&L->r, rules, "half_cap", JSON_ARRAY, false, &arr);
    if (rc || !arr) {
        return rc;
    }
    size_t m0 = jr_push_key(&L->r, "half_cap");
    if (json_array_size(arr) > KZP_MAX_CAPS) {
        rc = jr_fail(&L->r, KZP_E_DATA_VALUE, "at most %d caps are supported", KZP_MAX_CAPS);
        jr_pop(&L->r, m0);
        return rc;
    }
    int first = KZP_OK;
    for (size_t i = 0; i < json_array_size(arr) && jr_go_on(&L->r, first); i++) {
        json_t *it = json_array_get(arr, i), *num, *den;
        kzp_cap_def *c = &ctx->caps[ctx->cap_count];
        int flag = 0;
        size_t m = jr_push_index(&L->r, i);
        if (!(rc = jr_object(&L->r, it, KEYS)) && !(rc = jr_string(&L->r, it, "id", true, true, &c->id)) &&
            !(rc = jr_word(&L->r, it, "flag", parse_cap_flag, "mitigated, accelerated", &flag)) &&
            !(rc = jr_word(&L->r, it, "category", kzp_category_parse, "criminal_offence, crime", &c->category)) &&
            !(rc = jr_member(&L->r, it, "numerator", JSON_INTEGER, true, &num)) &&
            !(rc = jr_member(&L->r, it, "denominator", JSON_INTEGER, true, &den)) &&
            !(rc = get_citation_ref(L, it, "citation", &c->citation))) {
            c->flag = (unsigned)flag;
            c->numerator = json_integer_value(num);
            c->denominator = json_integer_value(den);
            size_t mk = jr_push_key(&L->r, "numerator");
            if (c->numerator <= 0 || c->denominator <= 0 || c->numerator >= c->denominator || c->denominator > 1000) {
                rc = jr_fail(&L->r, KZP_E_DATA_VALUE,
                             "a cap is a fraction numerator/denominator with 0 < numerator < "
                             "denominator <= 1000");
            }
            jr_pop(&L->r, mk);
            for (size_t j = 0; j < ctx->cap_count && !rc; j++) {
                if (ctx->caps[j].flag == c->flag && ctx->caps[j].category == c->category) {
                    rc = jr_fail(&L->r, KZP_E_DATA_DUPLICATE, "a cap for this flag and category is already defined");
                }
            }
            ctx->cap_count += rc ? 0 : 1;
        }
        first = jr_first(first, rc);
        jr_pop(&L->r, m);
    }
    jr_pop(&L->r, m0);
    return first;
}

/* {"kind": ..., "unit": ..., "amount": N}: a whole, positive number of the kind's unit. */
static int get_quantity(loader *L, const json_t *obj, const char *key, int *kind, int64_t *centi)
{
    static const char *const KEYS[] = {"kind", "unit", "amount", NULL};
    json_t *q = NULL;
    int rc = jr_member(&L->r, obj, key, JSON_OBJECT, true, &q);
    if (rc) {
        return rc;
    }
    size_t m = jr_push_key(&L->r, key);
    int unit = 0;
    bool present = false;
    if (!(rc = jr_object(&L->r, q, KEYS)) &&
        !(rc = jr_word(&L->r, q, "kind", kzp_kind_parse, "fine, community_service, arrest, correctional_work", kind)) &&
        !(rc = jr_word(&L->r, q, "unit", kzp_unit_parse, "mci, hours, days", &unit)) &&
        !(rc = jr_amount(&L->r, q, "amount", true, &present, centi))) {
        bool wrong_unit = unit != kzp_kind_unit(*kind);
        size_t mk = jr_push_key(&L->r, wrong_unit ? "unit" : "amount");
        if (wrong_unit) {
            rc = jr_fail(&L->r, KZP_E_DATA_VALUE, "%s is measured in %s, not %s", kzp_kind_name(*kind),
                         kzp_unit_name(kzp_kind_unit(*kind)), kzp_unit_name(unit));
        } else if (*centi == 0 || *centi % 100 != 0) {
            rc =
                jr_fail(&L->r, KZP_E_DATA_VALUE, "a conversion rate must be a whole number of units greater than zero");
        }
        jr_pop(&L->r, mk);
    }
    jr_pop(&L->r, m);
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
    if ((rc = jr_object(&L->r, it, KEYS)) ||
        (rc = jr_word(&L->r, it, "rule", kzp_conversion_rule_parse, "unpaid-fine, evaded-service", &rule)) ||
        (rc = jr_texts(&L->r, it, "scope", true, scope)) || (rc = get_citation_ref(L, it, "citation", &cit)) ||
        (rc = jr_member(&L->r, it, "pairs", JSON_ARRAY, true, &arr))) {
        return rc;
    }
    kzp_rule_def *d = &ctx->rules[rule];
    if (rule == KZP_RULE_AGGREGATION || d->present) {
        rc = jr_fail_at(&L->r, "rule", rule == KZP_RULE_AGGREGATION ? KZP_E_DATA_VALUE : KZP_E_DATA_DUPLICATE,
                        rule == KZP_RULE_AGGREGATION ? "aggregation is given by rules.equivalence, not here"
                                                     : "this rule is defined twice");
        return rc;
    }
    size_t n = json_array_size(arr);
    kzp_pair_def *pairs = kzp_arena_alloc(&ctx->arena, (n ? n : 1) * sizeof *pairs);
    if (!pairs) {
        return jr_fail(&L->r, KZP_E_NOMEM, "out of memory");
    }
    if (n == 0) {
        rc = jr_fail_at(&L->r, "pairs", KZP_E_SCHEMA, "a rule needs at least one pair of kinds");
        return rc;
    }
    size_t m0 = jr_push_key(&L->r, "pairs");
    for (size_t i = 0; i < n && !rc; i++) {
        kzp_pair_def *p = &pairs[i];
        json_t *pj = json_array_get(arr, i);
        size_t m = jr_push_index(&L->r, i);
        if (!(rc = jr_object(&L->r, pj, PAIR_KEYS)) &&
            !(rc = get_quantity(L, pj, "from", &p->from_kind, &p->from_centi)) &&
            !(rc = get_quantity(L, pj, "to", &p->to_kind, &p->to_centi))) {
            for (size_t j = 0; j < i && !rc; j++) {
                if (pairs[j].from_kind == p->from_kind && pairs[j].to_kind == p->to_kind) {
                    rc = jr_fail(&L->r, KZP_E_DATA_DUPLICATE, "the pair %s to %s is listed twice",
                                 kzp_kind_name(p->from_kind), kzp_kind_name(p->to_kind));
                }
            }
            if (!rc && p->from_kind == p->to_kind) {
                rc = jr_fail(&L->r, KZP_E_DATA_VALUE, "a rule converts one kind into another, not into itself");
            }
        }
        jr_pop(&L->r, m);
    }
    jr_pop(&L->r, m0);
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
    int rc = jr_member(&L->r, obj, key, JSON_ARRAY, true, &arr);
    *out = 0;
    if (rc) {
        return rc;
    }
    size_t m0 = jr_push_key(&L->r, key);
    if (json_array_size(arr) == 0) {
        rc = jr_fail(&L->r, KZP_E_SCHEMA, "name at least one flag");
    }
    for (size_t i = 0; i < json_array_size(arr) && !rc; i++) {
        json_t *w = json_array_get(arr, i);
        size_t m = jr_push_index(&L->r, i);
        int flag = 0;
        if (!json_is_string(w)) {
            rc = jr_fail(&L->r, KZP_E_SCHEMA, "must be a string, found %s", jr_type_word(json_typeof(w)));
        } else if (parse_cap_flag(&flag, json_string_value(w)) != KZP_OK) {
            rc = jr_fail(&L->r, KZP_E_UNKNOWN_KIND, "'%.40s' is not known; expected one of: mitigated, accelerated",
                         json_string_value(w));
        } else if (*out & (unsigned)flag) {
            rc = jr_fail(&L->r, KZP_E_DATA_DUPLICATE, "'%s' is listed twice", json_string_value(w));
        } else {
            *out |= (unsigned)flag;
        }
        jr_pop(&L->r, m);
    }
    jr_pop(&L->r, m0);
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
    if ((rc = jr_object(&L->r, it, KEYS)) || (rc = jr_string(&L->r, it, "id", true, true, &d->id)) ||
        (rc = jr_word(&L->r, it, "category", kzp_category_parse, "criminal_offence, crime", &d->category)) ||
        (rc = jr_word(&L->r, it, "kind", kzp_kind_parse, "fine, community_service, arrest, correctional_work",
                      &d->kind)) ||
        (rc = jr_amount(&L->r, it, "min", false, &has_min, &d->min_centi)) ||
        (rc = jr_amount(&L->r, it, "max", false, &has_max, &d->max_centi)) ||
        (rc = jr_amount(&L->r, it, "max_per_day", false, &has_day, &d->per_day_centi)) ||
        (rc = jr_member(&L->r, it, "min_lifted_by", JSON_OBJECT, false, &lift)) ||
        (rc = get_citation_ref(L, it, "citation", &d->citation))) {
        return rc;
    }
    d->has_min = has_min;
    d->has_max = has_max;
    if (lift) {
        size_t m = jr_push_key(&L->r, "min_lifted_by");
        if (!(rc = jr_object(&L->r, lift, LIFT_KEYS)) && !(rc = get_flags(L, lift, "flags", &d->lift_flags))) {
            rc = get_citation_ref(L, lift, "citation", &d->lift_citation);
        }
        jr_pop(&L->r, m);
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
        rc = jr_fail_at(&L->r, bad, KZP_E_DATA_VALUE, "%s",
                        !has_min && !has_max                ? "a General Part bound needs a min, a max or both"
                        : strcmp(bad, "min_lifted_by") == 0 ? "only a minimum can be lifted: give min"
                        : strcmp(bad, "min") == 0           ? "the lower bound is above the upper bound"
                                                            : "must be greater than zero");
    }
    return rc;
}

/* rules.restrictions[]: persons on whom a kind may not be imposed, in three languages. */
static int load_restriction(loader *L, const json_t *it, kzp_restriction *d)
{
    static const char *const KEYS[] = {"id", "kind", "persons", "citation", NULL};
    json_t *arr = NULL;
    int rc;
    if ((rc = jr_object(&L->r, it, KEYS)) || (rc = jr_string(&L->r, it, "id", true, true, &d->id)) ||
        (rc = jr_word(&L->r, it, "kind", kzp_kind_parse, "fine, community_service, arrest, correctional_work",
                      &d->kind)) ||
        (rc = jr_member(&L->r, it, "persons", JSON_ARRAY, true, &arr)) ||
        (rc = get_citation_ref(L, it, "citation", &d->citation))) {
        return rc;
    }
    size_t n = json_array_size(arr);
    const char **lists[3];
    for (int lang = 0; lang < 3; lang++) {
        lists[lang] = kzp_arena_alloc(&L->ctx->arena, (n ? n : 1) * sizeof(const char *));
        if (!lists[lang]) {
            return jr_fail(&L->r, KZP_E_NOMEM, "out of memory");
        }
    }
    size_t m0 = jr_push_key(&L->r, "persons");
    if (n == 0) {
        rc = jr_fail(&L->r, KZP_E_SCHEMA, "list at least one group of persons");
    }
    for (size_t i = 0; i < n && !rc; i++) {
        const char *t[3];
        size_t m = jr_push_index(&L->r, i);
        rc = jr_texts_value(&L->r, json_array_get(arr, i), t);
        for (int lang = 0; lang < 3 && !rc; lang++) {
            lists[lang][i] = t[lang];
        }
        jr_pop(&L->r, m);
    }
    jr_pop(&L->r, m0);
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
    if ((rc = jr_object(&L->r, it, KEYS)) ||
        (rc = jr_word(&L->r, it, "category", kzp_category_parse, "criminal_offence, crime", &d->category)) ||
        (rc = jr_word(&L->r, it, "kind", kzp_kind_parse, "fine, community_service, arrest, correctional_work",
                      &d->kind)) ||
        (rc = jr_amount(&L->r, it, "min", false, &has_min, &d->min_centi)) ||
        (rc = jr_amount(&L->r, it, "max", true, &has_max, &d->max_centi)) ||
        (rc = get_citation_ref(L, it, "citation", &d->citation))) {
        return rc;
    }
    d->has_min = has_min;
    if (d->max_centi == 0 || (has_min && d->min_centi > d->max_centi)) {
        rc = jr_fail_at(&L->r, d->max_centi == 0 ? "max" : "min", KZP_E_DATA_VALUE, "%s",
                        d->max_centi == 0 ? "an upper bound must be greater than zero"
                                          : "the lower bound is above the upper bound");
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
    if ((rc = jr_object(&L->r, it, KEYS)) || (rc = jr_string(&L->r, it, "id", true, true, &d->id)) ||
        (rc = jr_texts(&L->r, it, "name", true, d->name)) ||
        (rc = jr_word(&L->r, it, "category", kzp_category_parse, "criminal_offence, crime", &d->category)) ||
        (rc = jr_amount(&L->r, it, "mci", true, &present, &d->mci_centi)) ||
        (rc = get_citation_ref(L, it, "citation", &d->citation))) {
        return rc;
    }
    if (json_object_get(it, "priced_at_offence_day_citation")) {
        rc = get_citation_ref(L, it, "priced_at_offence_day_citation", &d->priced_by);
    }
    if (!rc && d->mci_centi == 0) {
        rc = jr_fail_at(&L->r, "mci", KZP_E_DATA_VALUE, "a payment must be greater than zero");
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
    int rc = jr_member(&L->r, rules, key, JSON_ARRAY, false, &arr);
    if (rc || !arr) {
        return rc;
    }
    size_t n = json_array_size(arr), *count = NULL;
    size_t size = SIZES[k];
    void *items = k == LIST_REPLACEMENT ? NULL : kzp_arena_alloc(&ctx->arena, (n ? n : 1) * size);
    if (k != LIST_REPLACEMENT && !items) {
        return jr_fail(&L->r, KZP_E_NOMEM, "out of memory");
    }
    switch (k) {
    case LIST_GENERAL: ctx->generals = items, count = &ctx->general_count; break;
    case LIST_RESTRICTION: ctx->restrictions = items, count = &ctx->restriction_count; break;
    case LIST_ORDER: ctx->orders = items, count = &ctx->order_count; break;
    case LIST_PAYMENT: ctx->payments = items, count = &ctx->payment_count; break;
    default: break;
    }
    size_t m0 = jr_push_key(&L->r, key);
    int first = KZP_OK;
    if (k == LIST_PAYMENT && n > KZP_MAX_PAYMENTS) {
        /* a range lists at most KZP_MAX_PAYMENTS: more would be dropped, so refuse them here */
        first = jr_fail(&L->r, KZP_E_DATA_VALUE, "at most %d payments are supported", KZP_MAX_PAYMENTS);
        n = 0;
    }
    for (size_t i = 0; i < n && jr_go_on(&L->r, first); i++) {
        json_t *it = json_array_get(arr, i);
        size_t m = jr_push_index(&L->r, i);
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
                rc = jr_fail_at(&L->r, k == LIST_PAYMENT ? "id" : "kind", KZP_E_DATA_DUPLICATE, "%s",
                                k == LIST_RESTRICTION ? "this kind already has its restrictions"
                                : k == LIST_PAYMENT   ? "this payment id is already defined"
                                                      : "this kind and category are already defined");
            }
        }
        if (count && !rc) {
            (*count)++;
        }
        first = jr_first(first, rc);
        jr_pop(&L->r, m);
    }
    jr_pop(&L->r, m0);
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
    int rc = jr_member(&L->r, rules, key, JSON_OBJECT, fine, &fd);
    if (rc || !fd) {
        return rc;
    }
    size_t m = jr_push_key(&L->r, key);
    if (!(rc = jr_object(&L->r, fd, fine ? FINE_KEYS : DAY_KEYS)) &&
        !(rc = jr_word(&L->r, fd, "day", parse_fine_day, "offence", &day)) &&
        !(rc = get_citation_ref(L, fd, "citation", fine ? &ctx->fine_day_citation : &ctx->cw_day_citation)) && fine &&
        json_object_get(fd, "applies_from")) {
        if (!(rc = jr_date(&L->r, fd, "applies_from", &ctx->pricing_from, ctx->pricing_from_iso))) {
            rc = get_citation_ref(L, fd, "applies_from_citation", &ctx->pricing_from_citation);
        }
    } else if (!rc && fine && json_object_get(fd, "applies_from_citation")) {
        rc = jr_fail_at(&L->r, "applies_from_citation", KZP_E_SCHEMA, "given without applies_from");
    }
    jr_pop(&L->r, m);
    return rc;
}

/* rules.article_min_lifted_by: {"flags": [...], "citation": ...}: under those flags an article's
 * own lower bound does not bind (Art. 55 part 6). */
static int load_article_lift(loader *L, const json_t *rules)
{
    static const char *const KEYS[] = {"flags", "citation", NULL};
    json_t *lift = NULL;
    int rc = jr_member(&L->r, rules, "article_min_lifted_by", JSON_OBJECT, false, &lift);
    if (rc || !lift) {
        return rc;
    }
    size_t m = jr_push_key(&L->r, "article_min_lifted_by");
    if (!(rc = jr_object(&L->r, lift, KEYS)) && !(rc = get_flags(L, lift, "flags", &L->ctx->article_lift_flags))) {
        rc = get_citation_ref(L, lift, "citation", &L->ctx->article_lift_citation);
    }
    jr_pop(&L->r, m);
    return rc;
}

/* rules.order_procedure: {"kinds_citation": why only these kinds, "bounds": [...]}. */
static int load_order_procedure(loader *L, const json_t *rules)
{
    static const char *const KEYS[] = {"kinds_citation", "bounds", NULL};
    json_t *op = NULL;
    int rc = jr_member(&L->r, rules, "order_procedure", JSON_OBJECT, false, &op);
    if (rc || !op) {
        return rc;
    }
    size_t m = jr_push_key(&L->r, "order_procedure");
    if (!(rc = jr_object(&L->r, op, KEYS)) &&
        !(rc = get_citation_ref(L, op, "kinds_citation", &L->ctx->order_kinds_citation))) {
        if (!json_is_array(json_object_get(op, "bounds"))) {
            json_t *unused = NULL;
            rc = jr_member(&L->r, op, "bounds", JSON_ARRAY, true, &unused); /* missing or not an array */
        } else {
            rc = load_rule_list(L, op, "bounds", LIST_ORDER);
        }
    }
    jr_pop(&L->r, m);
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
    int rc = jr_member(&L->r, root, "rules", JSON_OBJECT, true, &rules);
    if (rc) {
        return rc;
    }
    size_t m0 = jr_push_key(&L->r, "rules");
    int first = jr_object(&L->r, rules, KEYS);
    L->ctx->pricing_from = INT32_MIN;
    for (int stage = 0; stage < 10 && jr_go_on(&L->r, first); stage++) {
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
        first = jr_first(first, rc);
    }
    jr_pop(&L->r, m0);
    return first;
}

static int load_sanction(loader *L, const json_t *s, kzp_sanction_def *d)
{
    static const char *const KEYS[] = {"kind", "unit", "min", "max", "citation", NULL};
    bool has_max, has_min;
    int rc;
    if ((rc = jr_object(&L->r, s, KEYS)) ||
        (rc = jr_word(&L->r, s, "kind", kzp_kind_parse, "fine, community_service, arrest, correctional_work",
                      &d->kind)) ||
        (rc = jr_word(&L->r, s, "unit", kzp_unit_parse, "mci, hours, days", &d->unit)) ||
        (rc = jr_amount(&L->r, s, "min", false, &has_min, &d->min_centi)) ||
        (rc = jr_amount(&L->r, s, "max", true, &has_max, &d->max_centi)) ||
        (rc = get_citation_ref(L, s, "citation", &d->citation))) {
        return rc;
    }
    d->has_min = has_min;
    if (d->kind == KZP_KIND_CORRECTIONAL_WORK && !L->ctx->cw_day_citation) {
        rc = jr_fail_at(
            &L->r, "kind", KZP_E_DATA_REF,
            "correctional work is priced at an MCI: the dataset needs rules.correctional_work_mci_day to say "
            "which day's");
    } else if (d->unit != kzp_kind_unit(d->kind)) {
        rc = jr_fail_at(&L->r, "unit", KZP_E_DATA_VALUE, "%s is measured in %s, not %s", kzp_kind_name(d->kind),
                        kzp_unit_name(kzp_kind_unit(d->kind)), kzp_unit_name(d->unit));
    } else if (d->max_centi == 0) {
        rc = jr_fail_at(&L->r, "max", KZP_E_DATA_VALUE, "an upper bound must be greater than zero");
    } else if (has_min && d->min_centi > d->max_centi) {
        rc = jr_fail_at(&L->r, "min", KZP_E_DATA_VALUE, "the lower bound is above the upper bound");
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
    if ((rc = jr_object(&L->r, a, KEYS)) || (rc = jr_string(&L->r, a, "id", true, true, &d->id)) ||
        (rc = jr_member(&L->r, a, "title", JSON_OBJECT, true, &title))) {
        return rc;
    }
    size_t m = jr_push_key(&L->r, "title");
    if (!(rc = jr_object(&L->r, title, TITLE_KEYS))) {
        for (int lang = 0; lang < 3 && !rc; lang++) {
            rc = jr_string(&L->r, title, TITLE_KEYS[lang], true, true, &d->title[lang]);
        }
    }
    jr_pop(&L->r, m);
    if (rc || (rc = jr_word(&L->r, a, "category", kzp_category_parse, "criminal_offence, crime", &d->category)) ||
        (rc = get_citation_ref(L, a, "category_citation", &d->category_citation)) ||
        (rc = jr_date(&L->r, a, "in_force_from", &d->in_force_from, d->in_force_iso)) ||
        (rc = get_citation_ref(L, a, "in_force_citation", &d->in_force_citation)) ||
        (rc = get_citation_ref(L, a, "citation", &d->citation)) ||
        (rc = jr_member(&L->r, a, "sanctions", JSON_ARRAY, true, &arr))) {
        return rc;
    }
    m = jr_push_key(&L->r, "sanctions");
    size_t n = json_array_size(arr);
    if (n == 0 || n > KZP_MAX_SANCTIONS) {
        rc = jr_fail(&L->r, KZP_E_SCHEMA, "an article needs 1 to %d alternative sanctions, found %zu",
                     KZP_MAX_SANCTIONS, n);
    } else if (!(d->sanctions = kzp_arena_alloc(&L->ctx->arena, n * sizeof *d->sanctions))) {
        rc = jr_fail(&L->r, KZP_E_NOMEM, "out of memory");
    }
    int first = rc;
    for (size_t i = 0; i < n && d->sanctions && jr_go_on(&L->r, first); i++) {
        size_t mi = jr_push_index(&L->r, i);
        kzp_sanction_def *sd = &d->sanctions[d->sanction_count];
        rc = load_sanction(L, json_array_get(arr, i), sd);
        for (size_t j = 0; j < d->sanction_count && !rc; j++) {
            if (d->sanctions[j].kind == sd->kind) {
                rc = jr_fail(&L->r, KZP_E_DATA_DUPLICATE, "%s is listed twice in one article", kzp_kind_name(sd->kind));
            }
        }
        d->sanction_count += rc ? 0 : 1;
        first = jr_first(first, rc);
        jr_pop(&L->r, mi);
    }
    jr_pop(&L->r, m);
    return first;
}

static int load_articles(loader *L, const json_t *root)
{
    json_t *arr = NULL;
    int rc = jr_member(&L->r, root, "articles", JSON_ARRAY, true, &arr);
    if (rc) {
        return rc;
    }
    size_t n = json_array_size(arr);
    kzp_ctx *ctx = L->ctx;
    if (!(ctx->articles = kzp_arena_alloc(&ctx->arena, (n ? n : 1) * sizeof *ctx->articles)) ||
        !kzp_index_init(&ctx->article_index, &ctx->arena, n)) {
        return jr_fail(&L->r, KZP_E_NOMEM, "out of memory");
    }
    size_t m0 = jr_push_key(&L->r, "articles");
    int first = KZP_OK;
    for (size_t i = 0; i < n && jr_go_on(&L->r, first); i++) {
        size_t m = jr_push_index(&L->r, i);
        kzp_article_def *ad = &ctx->articles[ctx->article_count];
        memset(ad, 0, sizeof *ad);
        rc = load_article(L, json_array_get(arr, i), ad);
        if (!rc && !kzp_index_put(&ctx->article_index, ad->id, ctx->article_count)) {
            rc = jr_fail_at(&L->r, "id", KZP_E_DATA_DUPLICATE, "article '%.40s' is defined twice", ad->id);
        }
        ctx->article_count += rc ? 0 : 1;
        first = jr_first(first, rc);
        jr_pop(&L->r, m);
    }
    jr_pop(&L->r, m0);
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
    for (size_t i = 0; i < sizeof stages / sizeof stages[0] && jr_go_on(&L->r, first); i++) {
        rc = stages[i](L, root);
        first = jr_first(first, rc);
    }
    return first;
}

static int build(kzp_ctx **out, json_t *root, const char *text, size_t len, bool text_is_static, bool keep_text,
                 const kzp_path_map *map, kzp_error *err)
{
    kzp_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) {
        return kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
    }
    atomic_init(&ctx->refs, 1);
    loader L = {.ctx = ctx};
    jr_init(&L.r, &ctx->arena, text, len, err);
    L.r.map = map;
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
    if (text == kzp_embedded_dataset) {
        snprintf(ctx->sha256, sizeof ctx->sha256, "%s", kzp_embedded_sha256); /* computed when it was embedded */
    } else if (text) {
        kzp_sha256_hex(ctx->sha256, text, len); /* the bytes as loaded, as `sha256sum FILE` gives */
    }
    for (size_t i = 0; i < ctx->period_count; i++) {
        ctx->hypothetical |= ctx->periods[i].citation->certainty == KZP_CERT_HYPOTHETICAL;
    }
    kzp_error_clear(err);
    *out = ctx;
    return KZP_OK;
}

int kzp_ctx_build(kzp_ctx **out, json_t *root, const char *text, size_t len, bool text_is_static,
                  const kzp_path_map *map, kzp_error *err)
{
    return build(out, root, text, len, text_is_static, true, map, err);
}

int kzp_ctx_build_model(kzp_ctx **out, json_t *root, const kzp_path_map *map, kzp_error *err)
{
    return build(out, root, NULL, 0, false, false, map, err);
}

kzp_status kzp_dataset_validate(kzp_error *errors, size_t cap, size_t *count, const char *json, size_t len)
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
    json_t *root = kzp_json_load(json ? json : "", len, &jerr);
    if (!root && kzp_json_out_of_memory(&jerr)) {
        return KZP_E_NOMEM; /* not a problem of the text: nothing to list */
    }
    if (!root) {
        /* A syntax error hides everything after it: that one problem is all there is to say. */
        kzp_error e;
        kzp_json_syntax_error(&e, json, len, &jerr);
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
    loader L = {.ctx = ctx};
    jr_init(&L.r, &ctx->arena, json, len, NULL);
    L.r.collect = true;
    L.r.list = errors;
    L.r.list_cap = cap;
    load_all(&L, root);
    kzp_ctx_free(ctx);
    json_decref(root);
    *count = L.r.found;
    return L.r.found ? L.r.first : KZP_OK;
}
