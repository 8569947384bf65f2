/* The WebAssembly face of the library: a few exported functions that kzpenalty.mjs calls. A
 * request is a small JSON object ({"op": "range", "article": "115-1", ...}); the answer is
 * JSON text, {"ok": result} or {"error": {...}}, whose fields are named as the Node binding
 * names them. Every 64-bit integer (tiyn, whole units) and every exact quantity travels as a
 * string, because a JavaScript number cannot hold them all; kzpenalty.mjs turns *Tiyn and whole
 * into bigint. No rule of law is computed here: this file only translates. */
#include <emscripten/emscripten.h>
#include <jansson.h>
#include <kzpenalty.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Building answers ---- */

/* Text to hundredths with the library's parser (a point or a comma) and its message. */
static kzp_status parse_centi(int64_t *centi, const char *text, kzp_error *err)
{
    kzp_qty q;
    kzp_status rc = kzp_qty_parse(&q, text, err);
    if (rc == KZP_OK) {
        *centi = q.centi;
    }
    return rc;
}

static json_t *decimal(int64_t centi)
{
    char buf[40];
    kzp_qty_format(buf, sizeof buf, kzp_hundredths(centi), KZP_LANG_EN);
    return json_string(buf);
}

static json_t *int64_text(int64_t n)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%lld", (long long)n);
    return json_string(buf);
}

static json_t *money_text(int64_t tiyn)
{
    char buf[64];
    kzp_tenge_format(buf, sizeof buf, tiyn, KZP_MONEY_SIGN);
    return json_string(buf);
}

/* A {en, ru, kk} object of texts indexed by kzp_lang, keyed by the library's language codes. */
static json_t *by_lang(const char *const *texts)
{
    json_t *o = json_object();
    for (int lang = 0; lang < KZP_LANG_COUNT; lang++) {
        json_object_set_new(o, kzp_lang_name(lang), json_string(texts[lang] ? texts[lang] : ""));
    }
    return o;
}

static json_t *citation(const kzp_citation *c)
{
    return json_pack("{s:s, s:s, s:s, s:o, s:o, s:s, s:s, s:s, s:s}", "id", c->id, "act", c->act, "reference",
                     c->reference, "actIn", by_lang(c->act_in), "referenceIn", by_lang(c->reference_in), "document",
                     c->document, "seenIn", c->seen_in, "note", c->note, "status", kzp_certainty_name(c->certainty));
}

/* A citation, or null where the library gives none. */
static json_t *citation_or_null(const kzp_citation *c)
{
    return c ? citation(c) : json_null();
}

static json_t *basis(const kzp_citation *const *items, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(a, citation(items[i]));
    }
    return a;
}

static json_t *receipt(const kzp_ctx *ctx)
{
    kzp_dataset_info i;
    kzp_ctx_info(&i, ctx);
    return json_pack("{s:s, s:s, s:s, s:s, s:b}", "library", kzp_version_string(), "dataset", i.id, "datasetVersion",
                     i.version, "datasetFingerprint", i.fingerprint, "hypothetical", i.hypothetical);
}

static json_t *mci(const kzp_mci *m)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:b, s:s, s:o, s:s, s:s}", "tenge", (json_int_t)m->tenge, "date", m->date,
                     "from", m->from, "purpose", kzp_purpose_name(m->purpose), "stale", m->stale, "certainty",
                     kzp_certainty_name(m->certainty), "citation", citation(m->citation), "validFrom", m->valid_from,
                     "validUntil", m->valid_until);
}

/* A bound of a sanction, or null when the library says there is none (set = 0). */
static json_t *bound(const kzp_bound *b, int has_tiyn)
{
    if (!b->set) {
        return json_null();
    }
    return json_pack("{s:o, s:o, s:o, s:s, s:o}", "amount", decimal(b->centi), "tiyn",
                     has_tiyn ? int64_text(b->tiyn) : json_null(), "text", has_tiyn ? money_text(b->tiyn) : json_null(),
                     "source", kzp_bound_source_name(b->source), "citation", citation_or_null(b->citation));
}

static json_t *restriction(const kzp_restriction *r)
{
    if (!r) {
        return json_null();
    }
    json_t *persons = json_object();
    for (int lang = 0; lang < KZP_LANG_COUNT; lang++) {
        json_t *a = json_array();
        for (size_t i = 0; i < r->person_count; i++) {
            json_array_append_new(a, json_string(r->persons[lang][i] ? r->persons[lang][i] : ""));
        }
        json_object_set_new(persons, kzp_lang_name(lang), a);
    }
    return json_pack("{s:s, s:s, s:o, s:o}", "id", r->id, "kind", kzp_kind_name(r->kind), "persons", persons,
                     "citation", citation_or_null(r->citation));
}

static json_t *sanction(const kzp_sanction *s)
{
    int t = s->has_tiyn;
    json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o}", "kind", kzp_kind_name(s->kind), "unit",
                          kzp_unit_name(s->unit), "min", bound(&s->min, t), "max", bound(&s->max, t), "articleMin",
                          bound(&s->article_min, t), "articleMax", bound(&s->article_max, t), "generalMin",
                          bound(&s->general_min, t), "generalMax", bound(&s->general_max, t));
    json_t *more =
        json_pack("{s:o, s:b, s:o, s:o, s:o, s:o}", "minLiftedBy", citation_or_null(s->min_lifted_by), "capped",
                  s->capped, "perDayMax", s->per_day_max_centi ? decimal(s->per_day_max_centi) : json_null(),
                  "perDayCitation", citation_or_null(s->per_day_citation), "restriction", restriction(s->restriction),
                  "citation", citation(s->citation));
    if (!o || !more || json_object_update(o, more) != 0) {
        json_decref(o);
        o = NULL;
    }
    json_decref(more);
    return o;
}

static json_t *payment(const kzp_payment *p)
{
    return json_pack("{s:s, s:o, s:o, s:b, s:o, s:o, s:s, s:o, s:o}", "id", p->id, "name", by_lang(p->name), "mciCount",
                     decimal(p->mci_centi), "priced", p->priced, "amountTiyn",
                     p->priced ? int64_text(p->tiyn) : json_null(), "amountText",
                     p->priced ? money_text(p->tiyn) : json_null(), "certainty", kzp_certainty_name(p->certainty),
                     "citation", citation_or_null(p->citation), "pricedBy", citation_or_null(p->priced_by));
}

static json_t *range(const kzp_ctx *ctx, const kzp_range *r)
{
    json_t *sanctions = json_array(), *omitted = json_array(), *payments = json_array();
    for (size_t i = 0; i < r->sanction_count; i++) {
        json_array_append_new(sanctions, sanction(&r->sanctions[i]));
    }
    for (size_t i = 0; i < r->omitted_count; i++) {
        json_array_append_new(omitted, json_string(kzp_kind_name(r->omitted_kinds[i])));
    }
    for (size_t i = 0; i < r->payment_count; i++) {
        json_array_append_new(payments, payment(&r->payments[i]));
    }
    json_t *o = json_pack("{s:s, s:s, s:b, s:b, s:o, s:o, s:o}", "article", r->article, "offenceDate", r->offence_date,
                          "mitigated", (r->flags & KZP_Q_MITIGATED) != 0, "accelerated",
                          (r->flags & KZP_Q_ACCELERATED) != 0, "orderProcedure", citation_or_null(r->order_procedure),
                          "mci", r->has_mci ? mci(&r->mci) : json_null(), "sanctions", sanctions);
    json_t *more =
        json_pack("{s:o, s:o, s:o, s:s, s:b, s:o, s:o, s:s, s:s}", "omitted", omitted, "omittedBy",
                  citation_or_null(r->order_procedure_kinds), "payments", payments, "certainty",
                  kzp_certainty_name(r->certainty), "stale", r->stale, "basis", basis(r->basis, r->basis_count),
                  "receipt", receipt(ctx), "validFrom", r->valid_from, "validUntil", r->valid_until);
    if (!o || !more || json_object_update(o, more) != 0) {
        json_decref(o);
        o = NULL;
    }
    json_decref(more);
    return o;
}

/* ---- Reading requests ---- */

/* A wrong kind of argument (an unknown language, style, gender or case): the Node binding
 * throws TypeError for these, so the answer says "typeError" and the wrapper does the same. */
#define TYPE_ERROR 1

static int fail(kzp_error *err, int code, const char *message)
{
    memset(err, 0, sizeof *err);
    err->code = code;
    snprintf(err->message, sizeof err->message, "%s", message);
    return code;
}

static const char *text_of(const json_t *req, const char *key, const char *fallback)
{
    const json_t *v = json_object_get(req, key);
    const char *s = json_string_value(v);
    /* a text with a NUL inside is not cut short: "?" starts no valid value, so the library
     * refuses it (BadDateError for a date, as the Node binding does) */
    return !s ? fallback : strlen(s) != json_string_length(v) ? "?" : s;
}

typedef kzp_status (*word_parser)(int *out, const char *word, kzp_error *err);

/* A word of the library's vocabulary (a language, gender, case or money style), read by the
 * library's parser: an unknown one is a TypeError, as in the Node binding, with the library's
 * message (which lists the words it knows) after the argument's name. */
static int word_of(const json_t *req, const char *key, const char *fallback, const char *what, word_parser parse,
                   int *out, kzp_error *err)
{
    kzp_error e = {0};
    if (parse(out, text_of(req, key, fallback), &e) == KZP_OK) {
        return KZP_OK;
    }
    char message[sizeof e.message + 32];
    snprintf(message, sizeof message, "%s: %s", what, e.message);
    return fail(err, TYPE_ERROR, message);
}

static int lang_of(const json_t *req, int *lang, kzp_error *err)
{
    return word_of(req, "lang", kzp_lang_name(KZP_LANG_EN), "lang", kzp_lang_parse, lang, err);
}

/* A whole number the wrapper sent as text (tiyn, n, a whole amount): optional minus and
 * digits, in int64. what names the argument in messages, as the Node binding names it. */
static int whole_of(const json_t *req, const char *key, const char *what, int64_t *out, kzp_error *err)
{
    const char *s = text_of(req, key, "");
    char *end = NULL;
    errno = 0;
    long long n = strtoll(s, &end, 10);
    if (!*s || *end || (*s != '-' && (*s < '0' || *s > '9'))) {
        return fail(err, KZP_E_BAD_NUMBER, "expected a whole number");
    }
    if (errno == ERANGE) {
        kzp_error e = {.code = KZP_E_OVERFLOW};
        snprintf(e.message, sizeof e.message, "%s does not fit in 64 bits", what);
        *err = e;
        return KZP_E_OVERFLOW;
    }
    *out = n;
    return KZP_OK;
}

/* An amount in hundredths. The wrapper sends a decimal string as it was given ("0.2"), which
 * the library parses; a whole number or bigint as digits with "amountWhole": true, judged as
 * the Node binding judges it (negative, or more whole units than int64 hundredths hold). */
static int amount_of(const json_t *req, const char *key, int64_t *centi, kzp_error *err)
{
    if (!json_is_true(json_object_get(req, "amountWhole"))) {
        return parse_centi(centi, text_of(req, key, ""), err);
    }
    const char *what = text_of(req, "amountName", "amount"), *s = text_of(req, key, "");
    int64_t n = 0;
    int rc = whole_of(req, key, what, &n, err);
    kzp_error e = {0};
    if (*s == '-') {
        e.code = KZP_E_BAD_NUMBER;
        snprintf(e.message, sizeof e.message, "%s cannot be negative", what);
    } else if (rc == KZP_E_OVERFLOW || (rc == KZP_OK && n > INT64_MAX / 100)) {
        e.code = KZP_E_OVERFLOW;
        snprintf(e.message, sizeof e.message, "%s is too large: at most %lld whole units", what,
                 (long long)(INT64_MAX / 100));
    } else if (rc) {
        return rc;
    }
    if (e.code) {
        *err = e;
        return e.code;
    }
    *centi = n * 100;
    return KZP_OK;
}

static int kind_of(const json_t *req, const char *key, int *kind, kzp_error *err)
{
    if (kzp_kind_parse(kind, text_of(req, key, "")) == KZP_OK) {
        return KZP_OK;
    }
    /* the kinds the library knows, named as the Node binding names the argument */
    const char *what = strcmp(key, "from") == 0 ? "fromKind" : strcmp(key, "to") == 0 ? "toKind" : key;
    kzp_error e = {.code = KZP_E_UNKNOWN_KIND};
    size_t used = (size_t)snprintf(e.message, sizeof e.message, "%s must be one of", what);
    for (int k = 0; k < KZP_KIND_COUNT && used < sizeof e.message; k++) {
        used += (size_t)snprintf(e.message + used, sizeof e.message - used, "%s '%s'", k ? "," : "", kzp_kind_name(k));
    }
    *err = e;
    return KZP_E_UNKNOWN_KIND;
}

/* {"rule": "unpaid-fine"}: the rule a conversion is made under; aggregation when absent. */
static int rule_of(const json_t *req, int *rule, kzp_error *err)
{
    *rule = KZP_RULE_AGGREGATION;
    if (!json_object_get(req, "rule") || kzp_conversion_rule_parse(rule, text_of(req, "rule", "")) == KZP_OK) {
        return KZP_OK;
    }
    kzp_error e = {.code = KZP_E_UNKNOWN_KIND};
    size_t used = (size_t)snprintf(e.message, sizeof e.message, "options.rule must be one of");
    for (int r = 0; r < KZP_RULE_COUNT && used < sizeof e.message; r++) {
        used += (size_t)snprintf(e.message + used, sizeof e.message - used, "%s '%s'", r ? "," : "",
                                 kzp_conversion_rule_name(r));
    }
    *err = e;
    return KZP_E_UNKNOWN_KIND;
}

/* {"options": {"mitigated": true, ...}}: the wrapper has checked every key and value. */
static unsigned flags_of(const json_t *req)
{
    const json_t *o = json_object_get(req, "options");
    return (json_is_true(json_object_get(o, "mitigated")) ? KZP_Q_MITIGATED : 0u) |
           (json_is_true(json_object_get(o, "accelerated")) ? KZP_Q_ACCELERATED : 0u) |
           (json_is_true(json_object_get(o, "orderProcedure")) ? KZP_Q_ORDER_PROCEDURE : 0u) |
           (json_is_true(json_object_get(o, "allowStale")) ? KZP_Q_ALLOW_STALE : 0u) |
           (json_is_true(json_object_get(o, "strict")) ? KZP_Q_STRICT : 0u);
}

/* The library's text functions this file calls, by what they write. */
enum text_op { NUMBER_WORDS, TENGE_WORDS, TENGE_FIGURES_WORDS, TENGE_FORMAT, QTY_FORMAT };

/* One text function with snprintf semantics: the length the text needs, or a status. arg is
 * the language (the money style for TENGE_FORMAT); gender and gcase only shape numbers. */
static int write_text(enum text_op op, char *buf, size_t size, int64_t n, int arg, int gender, int gcase)
{
    switch (op) {
    case NUMBER_WORDS: return kzp_number_words(buf, size, n, arg, gender, gcase);
    case TENGE_WORDS: return kzp_tenge_words(buf, size, n, arg);
    case TENGE_FIGURES_WORDS: return kzp_tenge_figures_words(buf, size, n, arg);
    case TENGE_FORMAT: return kzp_tenge_format(buf, size, n, arg);
    default: return kzp_qty_format(buf, size, kzp_hundredths(n), arg);
    }
}

/* The text of write_text written into a buffer of the length it needs, so nothing is ever
 * cut. The words functions' out-of-range message is the Node binding's (what is n or tiyn). */
static int text_answer(json_t **out, kzp_error *err, enum text_op op, int64_t n, int arg, int gender, int gcase)
{
    int len = write_text(op, NULL, 0, n, arg, gender, gcase);
    if (len == KZP_E_BAD_NUMBER && op <= TENGE_FIGURES_WORDS) {
        kzp_error e = {.code = len};
        char most[64]; /* KZP_WORDS_MAX, in tiyn for the tenge functions */
        if (op == NUMBER_WORDS) {
            snprintf(most, sizeof most, "%lld", (long long)KZP_WORDS_MAX);
        } else {
            snprintf(most, sizeof most, "%lld99 (%lld tenge)", (long long)KZP_WORDS_MAX, (long long)KZP_WORDS_MAX);
        }
        snprintf(e.message, sizeof e.message, "%s must be from 0 to %s to be spelt in words, not %lld",
                 op == NUMBER_WORDS ? "n" : "tiyn", most, (long long)n);
        *err = e;
        return len;
    }
    if (len < 0) {
        return fail(err, len, kzp_strerror(len));
    }
    char *buf = malloc((size_t)len + 1);
    if (!buf) {
        return fail(err, KZP_E_NOMEM, kzp_strerror(KZP_E_NOMEM));
    }
    write_text(op, buf, (size_t)len + 1, n, arg, gender, gcase);
    *out = json_string(buf);
    free(buf);
    return KZP_OK;
}

/* ---- Operations ---- */

static int op_words(const json_t *req, const char *op, json_t **out, kzp_error *err)
{
    int lang, rc, gender = KZP_GENDER_MASCULINE, gcase = KZP_CASE_NOMINATIVE;
    int64_t n;
    if ((rc = lang_of(req, &lang, err)) || (rc = whole_of(req, "n", text_of(req, "what", "n"), &n, err))) {
        return rc;
    }
    if (strcmp(op, "numberWords") == 0) {
        if ((rc = word_of(req, "gender", kzp_gender_name(gender), "gender", kzp_gender_parse, &gender, err)) ||
            (rc = word_of(req, "case", kzp_gcase_name(gcase), "grammaticalCase", kzp_gcase_parse, &gcase, err))) {
            return rc;
        }
        return text_answer(out, err, NUMBER_WORDS, n, lang, gender, gcase);
    }
    return text_answer(out, err, strcmp(op, "tengeWords") == 0 ? TENGE_WORDS : TENGE_FIGURES_WORDS, n, lang, 0, 0);
}

static int op_format(const json_t *req, json_t **out, kzp_error *err)
{
    int64_t tiyn;
    int rc, style;
    if ((rc = word_of(req, "style", kzp_money_style_name(KZP_MONEY_SIGN), "style", kzp_money_style_parse, &style,
                      err)) ||
        (rc = whole_of(req, "n", "tiyn", &tiyn, err))) {
        return rc;
    }
    return text_answer(out, err, TENGE_FORMAT, tiyn, style, 0, 0);
}

/* A quantity as a language writes it ("12,5" in ru and kk), and the money style a language's
 * text uses: the page asks the library rather than keep its own copy of either rule. */
static int op_lang_style(const json_t *req, const char *op, json_t **out, kzp_error *err)
{
    int lang, rc;
    int64_t centi;
    if ((rc = lang_of(req, &lang, err))) {
        return rc;
    }
    if (strcmp(op, "moneyStyleOf") == 0) {
        *out = json_string(kzp_money_style_name(kzp_lang_money_style(lang)));
        return KZP_OK;
    }
    if ((rc = amount_of(req, "amount", &centi, err))) {
        return rc;
    }
    return text_answer(out, err, QTY_FORMAT, centi, lang, 0, 0);
}

static int op_label(const json_t *req, const char *op, json_t **out, kzp_error *err)
{
    int lang, rc, value = -1;
    if ((rc = lang_of(req, &lang, err))) {
        return rc;
    }
    const char *name = text_of(req, "name", ""), *label = NULL;
    if (strcmp(op, "kindLabel") == 0) {
        label = kzp_kind_parse(&value, name) == KZP_OK ? kzp_kind_label(value, lang) : NULL;
    } else if (strcmp(op, "unitLabel") == 0) {
        int64_t centi = 0;
        for (int u = KZP_UNIT_MCI; u <= KZP_UNIT_DAYS; u++) {
            value = strcmp(name, kzp_unit_name(u)) == 0 ? u : value;
        }
        if (value >= 0 && (rc = amount_of(req, "amount", &centi, err))) {
            return rc;
        }
        label = value >= 0 ? kzp_unit_label(value, lang, kzp_hundredths(centi)) : NULL;
    } else {
        for (int c = KZP_CATEGORY_CRIMINAL_OFFENCE; c <= KZP_CATEGORY_CRIME; c++) {
            value = strcmp(name, kzp_category_name(c)) == 0 ? c : value;
        }
        label = value >= 0 ? kzp_category_label(value, lang) : NULL;
    }
    if (!label) {
        return fail(err, KZP_E_INVALID_ARG, "unknown name for this label");
    }
    *out = json_string(label);
    return KZP_OK;
}

static int op_sanction_texts(const kzp_ctx *ctx, const json_t *req, json_t **out, kzp_error *err)
{
    int lang, rc;
    kzp_range r;
    if ((rc = lang_of(req, &lang, err)) ||
        (rc = kzp_range_get(&r, ctx, text_of(req, "article", ""), text_of(req, "date", ""), flags_of(req), err))) {
        return rc;
    }
    json_t *a = json_array();
    for (size_t i = 0; i < r.sanction_count; i++) {
        int len = kzp_sanction_text(NULL, 0, &r, i, lang);
        char *buf = len >= 0 ? malloc((size_t)len + 1) : NULL; /* the whole sentence, never cut */
        if (!buf) {
            json_decref(a);
            return len < 0 ? fail(err, len, kzp_strerror(len)) : fail(err, KZP_E_NOMEM, kzp_strerror(KZP_E_NOMEM));
        }
        kzp_sanction_text(buf, (size_t)len + 1, &r, i, lang);
        json_array_append_new(a, json_string(buf));
        free(buf);
    }
    *out = a;
    return KZP_OK;
}

static int op_tables(const kzp_ctx *ctx, const char *op, json_t **out)
{
    kzp_dataset_info di;
    kzp_ctx_info(&di, ctx);
    if (strcmp(op, "info") == 0) {
        *out = json_pack("{s:s, s:s, s:s, s:s, s:s, s:i, s:b, s:I}", "id", di.id, "version", di.version, "verifiedOn",
                         di.verified_on, "fingerprint", di.fingerprint, "mciKnownUntil", di.mci_known_until,
                         "schemaVersion", di.schema_version, "hypothetical", di.hypothetical, "articleCount",
                         (json_int_t)di.article_count);
        return KZP_OK;
    }
    json_t *a = json_array();
    if (strcmp(op, "mciTable") == 0) {
        for (size_t i = 0; i < di.mci_period_count; i++) {
            kzp_mci_period p;
            kzp_mci_period_at(&p, ctx, i);
            json_array_append_new(a, json_pack("{s:s, s:I, s:s, s:o}", "from", p.from, "tenge", (json_int_t)p.tenge,
                                               "purpose", p.purpose_all ? "all" : kzp_purpose_name(p.purpose),
                                               "citation", citation(p.citation)));
        }
    } else {
        for (size_t i = 0; i < di.article_count; i++) {
            kzp_article art;
            kzp_article_at(&art, ctx, i);
            json_array_append_new(a, json_pack("{s:s, s:o, s:s, s:s, s:o}", "id", art.id, "title", by_lang(art.title),
                                               "category", kzp_category_name(art.category), "inForceFrom",
                                               art.in_force_from, "citation", citation(art.citation)));
        }
    }
    *out = a;
    return KZP_OK;
}

static int op_query(const kzp_ctx *ctx, const json_t *req, const char *op, json_t **out, kzp_error *err)
{
    const char *date = text_of(req, "date", ""), *article = text_of(req, "article", "");
    unsigned flags = flags_of(req);
    int64_t centi = 0;
    int rc, kind, to;
    if (strcmp(op, "mci") == 0) {
        int purpose;
        kzp_mci m;
        if (kzp_purpose_parse(&purpose, text_of(req, "purpose", kzp_purpose_name(KZP_PURPOSE_FINES))) != KZP_OK) {
            kzp_error e = {.code = KZP_E_UNKNOWN_KIND};
            snprintf(e.message, sizeof e.message, "purpose must be '%s' or '%s'", kzp_purpose_name(KZP_PURPOSE_FINES),
                     kzp_purpose_name(KZP_PURPOSE_BENEFITS));
            *err = e;
            return KZP_E_UNKNOWN_KIND;
        }
        if ((rc = kzp_mci_on(&m, ctx, date, purpose, flags & (KZP_Q_ALLOW_STALE | KZP_Q_STRICT), err))) {
            return rc;
        }
        *out = mci(&m);
    } else if (strcmp(op, "range") == 0) {
        kzp_range r;
        if ((rc = kzp_range_get(&r, ctx, article, date, flags, err))) {
            return rc;
        }
        *out = range(ctx, &r);
    } else if (strcmp(op, "fine") == 0) {
        kzp_fine f;
        if ((rc = amount_of(req, "amount", &centi, err)) ||
            (rc = kzp_fine_compute(&f, ctx, date, kzp_hundredths(centi), flags & (KZP_Q_ALLOW_STALE | KZP_Q_STRICT),
                                   err))) {
            return rc;
        }
        *out = json_pack("{s:o, s:s, s:o, s:o, s:o, s:s, s:b, s:o, s:o, s:s, s:s}", "mciCount", decimal(f.mci_centi),
                         "offenceDate", f.mci.date, "amountTiyn", int64_text(f.amount_tiyn), "amountText",
                         money_text(f.amount_tiyn), "mci", mci(&f.mci), "certainty", kzp_certainty_name(f.certainty),
                         "stale", f.stale, "basis", basis(f.basis, f.basis_count), "receipt", receipt(ctx), "validFrom",
                         f.valid_from, "validUntil", f.valid_until);
    } else if (strcmp(op, "check") == 0) {
        kzp_check c;
        if ((rc = kind_of(req, "kind", &kind, err)) || (rc = amount_of(req, "amount", &centi, err)) ||
            (rc = kzp_check_sentence(&c, ctx, article, date, kind, kzp_hundredths(centi), flags, err))) {
            return rc;
        }
        *out =
            json_pack("{s:b, s:s, s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:s, s:s}", "fits", c.fits, "violation",
                      kzp_violation_name(c.violation), "kind", kzp_kind_name(c.kind), "unit", kzp_unit_name(c.unit),
                      "amount", decimal(c.amount_centi), "limit", decimal(c.limit_centi), "limitSource",
                      kzp_bound_source_name(c.limit_source), "limitCitation", citation_or_null(c.limit_citation),
                      "excess", decimal(c.excess_centi), "range", range(ctx, &c.range), "receipt", receipt(ctx),
                      "validFrom", c.valid_from, "validUntil", c.valid_until);
    } else {
        /* in the Node binding's order: the rule, the kinds, the amount, then the conversion */
        kzp_conversion c;
        int rule;
        if ((rc = rule_of(req, &rule, err)) || (rc = kind_of(req, "from", &kind, err)) ||
            (rc = kind_of(req, "to", &to, err)) || (rc = amount_of(req, "amount", &centi, err)) ||
            (rc = kzp_convert_under(&c, ctx, rule, kind, kzp_hundredths(centi), to, err))) {
            return rc;
        }
        *out = json_pack("{s:s, s:o, s:s, s:o, s:o, s:s, s:b, s:s, s:s, s:o, s:o, s:o}", "fromKind",
                         kzp_kind_name(c.from_kind), "amount", decimal(c.from_centi), "toKind",
                         kzp_kind_name(c.to_kind), "whole", int64_text(c.whole), "remainder",
                         decimal(c.remainder_centi), "remainderUnit", kzp_unit_name(c.from_unit), "exact", c.exact,
                         "rule", kzp_conversion_rule_name(c.rule), "certainty", kzp_certainty_name(c.certainty),
                         "scope", by_lang(c.scope), "citation", citation(c.citation), "receipt", receipt(ctx));
    }
    return KZP_OK;
}

static char *answer(json_t *result, int rc, const kzp_error *err)
{
    json_t *doc;
    if (rc == KZP_OK && result) {
        doc = json_pack("{s:o}", "ok", result);
    } else if (rc == TYPE_ERROR) {
        json_decref(result);
        doc = json_pack("{s:{s:b, s:s}}", "error", "typeError", 1, "message", err->message);
    } else {
        json_decref(result);
        if (rc == KZP_OK) {
            rc = KZP_E_NOMEM; /* a builder above could not allocate */
        }
        const char *msg = err->code == rc && err->message[0] ? err->message : kzp_strerror(rc);
        doc = json_pack("{s:{s:s, s:i, s:s, s:i, s:i, s:s}}", "error", "code", kzp_status_name(rc), "status", rc,
                        "path", err->code == rc ? err->path : "", "line", err->code == rc ? err->line : 0, "column",
                        err->code == rc ? err->column : 0, "message", msg);
    }
    char *text = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
    json_decref(doc);
    return text;
}

/* ---- Exported functions ---- */

/* Answer one request about ctx (NULL for the operations that need no context). The text is
 * the caller's to release with kzpw_free; NULL only when memory ran out. */
EMSCRIPTEN_KEEPALIVE char *kzpw_call(const kzp_ctx *ctx, const char *request)
{
    kzp_error err = {0};
    json_t *result = NULL;
    json_error_t jerr;
    json_t *req = json_loads(request, JSON_ALLOW_NUL, &jerr);
    const char *op = text_of(req, "op", "");
    int rc = KZP_OK;
    static const char *const QUERIES[] = {"mci", "range", "fine", "check", "convert"};
    int query = 0;
    for (int i = 0; i < 5; i++) {
        query |= strcmp(op, QUERIES[i]) == 0;
    }
    if (!json_is_object(req)) {
        rc = fail(&err, KZP_E_INVALID_ARG, "the request is not a JSON object");
    } else if (strcmp(op, "numberWords") == 0 || strcmp(op, "tengeWords") == 0 ||
               strcmp(op, "tengeFiguresWords") == 0) {
        rc = op_words(req, op, &result, &err);
    } else if (strcmp(op, "formatTenge") == 0) {
        rc = op_format(req, &result, &err);
    } else if (strcmp(op, "formatQty") == 0 || strcmp(op, "moneyStyleOf") == 0) {
        rc = op_lang_style(req, op, &result, &err);
    } else if (strcmp(op, "kindLabel") == 0 || strcmp(op, "unitLabel") == 0 || strcmp(op, "categoryLabel") == 0) {
        rc = op_label(req, op, &result, &err);
    } else if (!ctx && (query || strcmp(op, "sanctionTexts") == 0)) {
        rc = fail(&err, KZP_E_INVALID_ARG, "this operation needs a context");
    } else if (query) {
        rc = op_query(ctx, req, op, &result, &err);
    } else if (strcmp(op, "sanctionTexts") == 0) {
        rc = op_sanction_texts(ctx, req, &result, &err);
    } else if (ctx && (strcmp(op, "info") == 0 || strcmp(op, "mciTable") == 0 || strcmp(op, "articles") == 0)) {
        rc = op_tables(ctx, op, &result);
    } else {
        rc = fail(&err, KZP_E_INVALID_ARG, "unknown operation");
    }
    json_decref(req);
    return answer(result, rc, &err);
}

/* Contexts. Each returns the new context, or NULL with the error as JSON text in *error
 * (released with kzpw_free). base is borrowed; the result is the caller's (kzpw_ctx_free). */
static kzp_ctx *made(kzp_ctx *ctx, int rc, const kzp_error *err, char **error)
{
    *error = rc ? answer(NULL, rc, err) : NULL;
    return rc ? NULL : ctx;
}

EMSCRIPTEN_KEEPALIVE kzp_ctx *kzpw_ctx_new(char **error)
{
    kzp_ctx *ctx = NULL;
    kzp_error err = {0};
    int rc = kzp_ctx_new(&ctx, &err);
    return made(ctx, rc, &err, error);
}

EMSCRIPTEN_KEEPALIVE kzp_ctx *kzpw_ctx_from_json(const char *text, size_t len, char **error)
{
    kzp_ctx *ctx = NULL;
    kzp_error err = {0};
    int rc = kzp_ctx_new_from_buffer(&ctx, text, len, &err);
    return made(ctx, rc, &err, error);
}

EMSCRIPTEN_KEEPALIVE kzp_ctx *kzpw_ctx_with_mci(const kzp_ctx *base, const char *text, size_t len, char **error)
{
    kzp_ctx *ctx = NULL;
    kzp_error err = {0};
    int rc = kzp_ctx_new_with_mci(&ctx, base, text, len, &err);
    return made(ctx, rc, &err, error);
}

/* tenge: whole tenge as decimal text (a wasm32 call cannot pass an int64 from a JS number). */
EMSCRIPTEN_KEEPALIVE kzp_ctx *kzpw_ctx_what_if(const kzp_ctx *base, const char *tenge, char **error)
{
    kzp_ctx *ctx = NULL;
    kzp_error err = {0};
    int64_t n = 0;
    json_t *req = json_pack("{s:s}", "n", tenge);
    int rc = req ? whole_of(req, "n", "mciTenge", &n, &err) : KZP_E_NOMEM;
    json_decref(req);
    if (rc == KZP_OK) {
        rc = kzp_ctx_new_what_if(&ctx, base, n, &err);
    }
    return made(ctx, rc, &err, error);
}

EMSCRIPTEN_KEEPALIVE void kzpw_ctx_free(kzp_ctx *ctx)
{
    kzp_ctx_free(ctx);
}

/* Every problem of a dataset text, as a JSON array of errors; NULL when memory ran out. */
EMSCRIPTEN_KEEPALIVE char *kzpw_validate(const char *text, size_t len)
{
    enum { CAP = 200 };
    kzp_error *errs = calloc(CAP, sizeof *errs);
    size_t count = 0;
    if (!errs) {
        return NULL;
    }
    if (kzp_dataset_validate(errs, CAP, &count, text, len) == KZP_E_NOMEM) {
        free(errs); /* out of memory before a list could be made: not "no problems" */
        return NULL;
    }
    json_t *a = json_array();
    for (size_t i = 0; i < count && i < CAP; i++) {
        json_array_append_new(a, json_pack("{s:s, s:s, s:i, s:i, s:s}", "code", kzp_status_name(errs[i].code), "path",
                                           errs[i].path, "line", errs[i].line, "column", errs[i].column, "message",
                                           errs[i].message));
    }
    free(errs);
    char *out = json_dumps(a, JSON_COMPACT);
    json_decref(a);
    return out;
}

EMSCRIPTEN_KEEPALIVE void kzpw_free(void *p)
{
    free(p);
}

/* {"KZP_E_INVALID_ARG": "InvalidArgumentError", ...}: the error class of every status, from the
 * library's own table, so the wrapper keeps no list of them. Released with kzpw_free. */
EMSCRIPTEN_KEEPALIVE char *kzpw_status_classes(void)
{
    json_t *o = json_object();
    for (int code = -1; code > -kzp_status_count(); code--) {
        json_object_set_new(o, kzp_status_name(code), json_string(kzp_status_class(code)));
    }
    char *out = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return out;
}

EMSCRIPTEN_KEEPALIVE const char *kzpw_version(void)
{
    return kzp_version_string();
}
