/* The WebAssembly face of the library: a few exported functions that kzpenalty.mjs calls. A
 * request is a small JSON object ({"op": "range", "article": "115-1", ...}); the answer is
 * JSON text, {"ok": result} or {"error": {...}}, whose fields are named as the Node binding
 * names them. Every 64-bit integer (tiyn, whole units) and every exact quantity travels as a
 * string, because a JavaScript number cannot hold them all; kzpenalty.mjs turns *Tiyn and whole
 * into bigint. Requests are read with jansson, answers written with jsonw. No rule of law is
 * computed here: this file only translates. */
#include <emscripten/emscripten.h>
#include <jansson.h>
#include <kzpenalty.h>

#include "jsonw.h"

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

/* A string the library promises; a NULL makes the answer "out of memory" rather than a crash. */
static void str(jw *w, const char *s)
{
    if (s) {
        jw_string(w, s);
    } else {
        w->failed = true;
    }
}

static void kstr(jw *w, const char *k, const char *s)
{
    jw_key(w, k);
    str(w, s);
}

/* A member's key, or none for a value in an array or at the top of an answer (k NULL). */
static void maybe_key(jw *w, const char *k)
{
    if (k) {
        jw_key(w, k);
    }
}

/* An exact quantity as text ("12.5"). */
static void decimal(jw *w, const char *k, int64_t centi)
{
    char buf[40];
    kzp_qty_format(buf, sizeof buf, kzp_hundredths(centi), KZP_LANG_EN);
    maybe_key(w, k);
    jw_string(w, buf);
}

/* A 64-bit integer as text. */
static void int64_text(jw *w, const char *k, int64_t n)
{
    maybe_key(w, k);
    w->int64_as_string = true;
    jw_int(w, n);
    w->int64_as_string = false;
}

static void money_text(jw *w, const char *k, int64_t tiyn)
{
    char buf[64];
    kzp_tenge_format(buf, sizeof buf, tiyn, KZP_MONEY_SIGN);
    maybe_key(w, k);
    jw_string(w, buf);
}

/* A {en, ru, kk} object of texts indexed by kzp_lang, keyed by the library's language codes. */
static void by_lang(jw *w, const char *k, const char *const *texts)
{
    maybe_key(w, k);
    jw_begin_object(w);
    for (int lang = 0; lang < KZP_LANG_COUNT; lang++) {
        kstr(w, kzp_lang_name(lang), texts[lang] ? texts[lang] : "");
    }
    jw_end_object(w);
}

static void citation(jw *w, const char *k, const kzp_citation *c)
{
    maybe_key(w, k);
    jw_begin_object(w);
    kstr(w, "id", c->id);
    kstr(w, "act", c->act);
    kstr(w, "reference", c->reference);
    by_lang(w, "actIn", c->act_in);
    by_lang(w, "referenceIn", c->reference_in);
    kstr(w, "document", c->document);
    kstr(w, "seenIn", c->seen_in);
    kstr(w, "note", c->note);
    kstr(w, "status", kzp_certainty_name(c->certainty));
    jw_end_object(w);
}

/* A citation, or null where the library gives none. */
static void citation_or_null(jw *w, const char *k, const kzp_citation *c)
{
    if (c) {
        citation(w, k, c);
    } else {
        maybe_key(w, k);
        jw_null(w);
    }
}

static void basis(jw *w, const char *k, const kzp_citation *const *items, size_t n)
{
    maybe_key(w, k);
    jw_begin_array(w);
    for (size_t i = 0; i < n; i++) {
        citation(w, NULL, items[i]);
    }
    jw_end_array(w);
}

/* The MCI periods of every update applied to the context, the first applied first, as ctx.updates()
 * and every receipt give them. Only updates given as text (withMci): the module has no file system
 * to read update files from, so each source is "". */
static void updates(jw *w, const char *k, const kzp_ctx *ctx)
{
    maybe_key(w, k);
    jw_begin_array(w);
    for (size_t i = 0, n = kzp_update_count(ctx); i < n; i++) {
        kzp_update u;
        kzp_update_at(&u, ctx, i);
        jw_begin_object(w);
        kstr(w, "source", u.source);
        kstr(w, "sha256", u.sha256);
        kstr(w, "from", u.period.from);
        jw_kint(w, "tenge", u.period.tenge);
        kstr(w, "purpose", u.period.purpose_all ? "all" : kzp_purpose_name(u.period.purpose));
        citation(w, "citation", u.period.citation);
        jw_end_object(w);
    }
    jw_end_array(w);
}

/* What priced an answer, as the Node binding's receipt: the dataset's SHA-256 (the embedded one's is
 * computed at build time; a loaded one's is "", no nettle here) and the updates applied. */
static void receipt(jw *w, const char *k, const kzp_ctx *ctx)
{
    kzp_dataset_info i;
    kzp_ctx_info(&i, ctx);
    maybe_key(w, k);
    jw_begin_object(w);
    kstr(w, "library", kzp_version_string());
    kstr(w, "dataset", i.id);
    kstr(w, "datasetVersion", i.version);
    kstr(w, "datasetFingerprint", i.fingerprint);
    kstr(w, "datasetSha256", kzp_ctx_sha256(ctx));
    updates(w, "updates", ctx);
    jw_kbool(w, "hypothetical", i.hypothetical);
    jw_end_object(w);
}

static void mci(jw *w, const char *k, const kzp_mci *m)
{
    maybe_key(w, k);
    jw_begin_object(w);
    jw_kint(w, "tenge", m->tenge);
    kstr(w, "date", m->date);
    kstr(w, "from", m->from);
    kstr(w, "purpose", kzp_purpose_name(m->purpose));
    jw_kbool(w, "stale", m->stale);
    kstr(w, "certainty", kzp_certainty_name(m->certainty));
    citation(w, "citation", m->citation);
    kstr(w, "validFrom", m->valid_from);
    kstr(w, "validUntil", m->valid_until);
    jw_end_object(w);
}

/* A bound of a sanction, or null when the library says there is none (set = 0). */
static void bound(jw *w, const char *k, const kzp_bound *b, int has_tiyn)
{
    jw_key(w, k);
    if (!b->set) {
        jw_null(w);
        return;
    }
    jw_begin_object(w);
    decimal(w, "amount", b->centi);
    has_tiyn ? int64_text(w, "tiyn", b->tiyn) : jw_knull(w, "tiyn");
    has_tiyn ? money_text(w, "text", b->tiyn) : jw_knull(w, "text");
    kstr(w, "source", kzp_bound_source_name(b->source));
    citation_or_null(w, "citation", b->citation);
    jw_end_object(w);
}

static void restriction(jw *w, const char *k, const kzp_restriction *r)
{
    maybe_key(w, k);
    if (!r) {
        jw_null(w);
        return;
    }
    jw_begin_object(w);
    kstr(w, "id", r->id);
    kstr(w, "kind", kzp_kind_name(r->kind));
    jw_key(w, "persons");
    jw_begin_object(w);
    for (int lang = 0; lang < KZP_LANG_COUNT; lang++) {
        jw_key(w, kzp_lang_name(lang));
        jw_begin_array(w);
        for (size_t i = 0; i < r->person_count; i++) {
            str(w, r->persons[lang][i] ? r->persons[lang][i] : "");
        }
        jw_end_array(w);
    }
    jw_end_object(w);
    citation_or_null(w, "citation", r->citation);
    jw_end_object(w);
}

static void sanction(jw *w, const kzp_sanction *s)
{
    int t = s->has_tiyn;
    jw_begin_object(w);
    kstr(w, "kind", kzp_kind_name(s->kind));
    kstr(w, "unit", kzp_unit_name(s->unit));
    bound(w, "min", &s->min, t);
    bound(w, "max", &s->max, t);
    bound(w, "articleMin", &s->article_min, t);
    bound(w, "articleMax", &s->article_max, t);
    bound(w, "generalMin", &s->general_min, t);
    bound(w, "generalMax", &s->general_max, t);
    citation_or_null(w, "minLiftedBy", s->min_lifted_by);
    jw_kbool(w, "capped", s->capped);
    s->per_day_max_centi ? decimal(w, "perDayMax", s->per_day_max_centi) : jw_knull(w, "perDayMax");
    citation_or_null(w, "perDayCitation", s->per_day_citation);
    restriction(w, "restriction", s->restriction);
    citation(w, "citation", s->citation);
    jw_end_object(w);
}

static void payment(jw *w, const kzp_payment *p)
{
    jw_begin_object(w);
    kstr(w, "id", p->id);
    by_lang(w, "name", p->name);
    decimal(w, "mciCount", p->mci_centi);
    jw_kbool(w, "priced", p->priced);
    p->priced ? int64_text(w, "amountTiyn", p->tiyn) : jw_knull(w, "amountTiyn");
    p->priced ? money_text(w, "amountText", p->tiyn) : jw_knull(w, "amountText");
    kstr(w, "certainty", kzp_certainty_name(p->certainty));
    citation_or_null(w, "citation", p->citation);
    citation_or_null(w, "pricedBy", p->priced_by);
    jw_end_object(w);
}

static void range(jw *w, const char *k, const kzp_ctx *ctx, const kzp_range *r)
{
    maybe_key(w, k);
    jw_begin_object(w);
    kstr(w, "article", r->article);
    kstr(w, "offenceDate", r->offence_date);
    jw_kbool(w, "mitigated", (r->flags & KZP_Q_MITIGATED) != 0);
    jw_kbool(w, "accelerated", (r->flags & KZP_Q_ACCELERATED) != 0);
    citation_or_null(w, "orderProcedure", r->order_procedure);
    r->has_mci ? mci(w, "mci", &r->mci) : jw_knull(w, "mci");
    jw_key(w, "sanctions");
    jw_begin_array(w);
    for (size_t i = 0; i < r->sanction_count; i++) {
        sanction(w, &r->sanctions[i]);
    }
    jw_end_array(w);
    jw_key(w, "omitted");
    jw_begin_array(w);
    for (size_t i = 0; i < r->omitted_count; i++) {
        str(w, kzp_kind_name(r->omitted_kinds[i]));
    }
    jw_end_array(w);
    citation_or_null(w, "omittedBy", r->order_procedure_kinds);
    jw_key(w, "payments");
    jw_begin_array(w);
    for (size_t i = 0; i < r->payment_count; i++) {
        payment(w, &r->payments[i]);
    }
    jw_end_array(w);
    kstr(w, "certainty", kzp_certainty_name(r->certainty));
    jw_kbool(w, "stale", r->stale);
    basis(w, "basis", r->basis, r->basis_count);
    receipt(w, "receipt", ctx);
    kstr(w, "validFrom", r->valid_from);
    kstr(w, "validUntil", r->valid_until);
    jw_end_object(w);
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
static int whole_of(const char *s, const char *what, int64_t *out, kzp_error *err)
{
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
    int rc = whole_of(s, what, &n, err);
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
static int text_answer(jw *w, kzp_error *err, enum text_op op, int64_t n, int arg, int gender, int gcase)
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
    jw_string(w, buf);
    free(buf);
    return KZP_OK;
}

/* ---- Operations ---- */

static int op_words(const json_t *req, const char *op, jw *w, kzp_error *err)
{
    int lang, rc, gender = KZP_GENDER_MASCULINE, gcase = KZP_CASE_NOMINATIVE;
    int64_t n;
    if ((rc = lang_of(req, &lang, err)) || (rc = whole_of(text_of(req, "n", ""), text_of(req, "what", "n"), &n, err))) {
        return rc;
    }
    if (strcmp(op, "numberWords") == 0) {
        if ((rc = word_of(req, "gender", kzp_gender_name(gender), "gender", kzp_gender_parse, &gender, err)) ||
            (rc = word_of(req, "case", kzp_gcase_name(gcase), "grammaticalCase", kzp_gcase_parse, &gcase, err))) {
            return rc;
        }
        return text_answer(w, err, NUMBER_WORDS, n, lang, gender, gcase);
    }
    return text_answer(w, err, strcmp(op, "tengeWords") == 0 ? TENGE_WORDS : TENGE_FIGURES_WORDS, n, lang, 0, 0);
}

static int op_format(const json_t *req, jw *w, kzp_error *err)
{
    int64_t tiyn;
    int rc, style;
    if ((rc = word_of(req, "style", kzp_money_style_name(KZP_MONEY_SIGN), "style", kzp_money_style_parse, &style,
                      err)) ||
        (rc = whole_of(text_of(req, "n", ""), "tiyn", &tiyn, err))) {
        return rc;
    }
    return text_answer(w, err, TENGE_FORMAT, tiyn, style, 0, 0);
}

/* A quantity as a language writes it ("12,5" in ru and kk), and the money style a language's
 * text uses: the page asks the library rather than keep its own copy of either rule. */
static int op_lang_style(const json_t *req, const char *op, jw *w, kzp_error *err)
{
    int lang, rc;
    int64_t centi;
    if ((rc = lang_of(req, &lang, err))) {
        return rc;
    }
    if (strcmp(op, "moneyStyleOf") == 0) {
        str(w, kzp_money_style_name(kzp_lang_money_style(lang)));
        return KZP_OK;
    }
    if ((rc = amount_of(req, "amount", &centi, err))) {
        return rc;
    }
    return text_answer(w, err, QTY_FORMAT, centi, lang, 0, 0);
}

static int op_label(const json_t *req, const char *op, jw *w, kzp_error *err)
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
    jw_string(w, label);
    return KZP_OK;
}

static int op_sanction_texts(const kzp_ctx *ctx, const json_t *req, jw *w, kzp_error *err)
{
    int lang, rc;
    kzp_range r;
    if ((rc = lang_of(req, &lang, err)) ||
        (rc = kzp_range_get(&r, ctx, text_of(req, "article", ""), text_of(req, "date", ""), flags_of(req), err))) {
        return rc;
    }
    jw_begin_array(w);
    for (size_t i = 0; i < r.sanction_count; i++) {
        int len = kzp_sanction_text(NULL, 0, &r, i, lang);
        char *buf = len >= 0 ? malloc((size_t)len + 1) : NULL; /* the whole sentence, never cut */
        if (!buf) {
            return len < 0 ? fail(err, len, kzp_strerror(len)) : fail(err, KZP_E_NOMEM, kzp_strerror(KZP_E_NOMEM));
        }
        kzp_sanction_text(buf, (size_t)len + 1, &r, i, lang);
        jw_string(w, buf);
        free(buf);
    }
    jw_end_array(w);
    return KZP_OK;
}

static int op_tables(const kzp_ctx *ctx, const char *op, jw *w)
{
    kzp_dataset_info di;
    kzp_ctx_info(&di, ctx);
    if (strcmp(op, "info") == 0) {
        jw_begin_object(w);
        kstr(w, "id", di.id);
        kstr(w, "version", di.version);
        kstr(w, "verifiedOn", di.verified_on);
        kstr(w, "fingerprint", di.fingerprint);
        kstr(w, "mciKnownUntil", di.mci_known_until);
        jw_kint(w, "schemaVersion", di.schema_version);
        jw_kbool(w, "hypothetical", di.hypothetical);
        jw_kint(w, "articleCount", (int64_t)di.article_count);
        jw_end_object(w);
        return KZP_OK;
    }
    if (strcmp(op, "sha256") == 0) {
        str(w, kzp_ctx_sha256(ctx)); /* the embedded dataset's is computed at build time; a loaded one's is "" */
        return KZP_OK;
    }
    if (strcmp(op, "updates") == 0) {
        updates(w, NULL, ctx);
        return KZP_OK;
    }
    jw_begin_array(w);
    if (strcmp(op, "mciTable") == 0) {
        for (size_t i = 0; i < di.mci_period_count; i++) {
            kzp_mci_period p;
            kzp_mci_period_at(&p, ctx, i);
            jw_begin_object(w);
            kstr(w, "from", p.from);
            jw_kint(w, "tenge", p.tenge);
            kstr(w, "purpose", p.purpose_all ? "all" : kzp_purpose_name(p.purpose));
            citation(w, "citation", p.citation);
            jw_end_object(w);
        }
    } else {
        for (size_t i = 0; i < di.article_count; i++) {
            kzp_article art;
            kzp_article_at(&art, ctx, i);
            jw_begin_object(w);
            kstr(w, "id", art.id);
            by_lang(w, "title", art.title);
            kstr(w, "category", kzp_category_name(art.category));
            kstr(w, "inForceFrom", art.in_force_from);
            citation(w, "citation", art.citation);
            jw_end_object(w);
        }
    }
    jw_end_array(w);
    return KZP_OK;
}

static int op_query(const kzp_ctx *ctx, const json_t *req, const char *op, jw *w, kzp_error *err)
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
        mci(w, NULL, &m);
    } else if (strcmp(op, "range") == 0) {
        kzp_range r;
        if ((rc = kzp_range_get(&r, ctx, article, date, flags, err))) {
            return rc;
        }
        range(w, NULL, ctx, &r);
    } else if (strcmp(op, "fine") == 0) {
        kzp_fine f;
        if ((rc = amount_of(req, "amount", &centi, err)) ||
            (rc = kzp_fine_compute(&f, ctx, date, kzp_hundredths(centi), flags & (KZP_Q_ALLOW_STALE | KZP_Q_STRICT),
                                   err))) {
            return rc;
        }
        jw_begin_object(w);
        decimal(w, "mciCount", f.mci_centi);
        kstr(w, "offenceDate", f.mci.date);
        int64_text(w, "amountTiyn", f.amount_tiyn);
        money_text(w, "amountText", f.amount_tiyn);
        mci(w, "mci", &f.mci);
        kstr(w, "certainty", kzp_certainty_name(f.certainty));
        jw_kbool(w, "stale", f.stale);
        basis(w, "basis", f.basis, f.basis_count);
        receipt(w, "receipt", ctx);
        kstr(w, "validFrom", f.valid_from);
        kstr(w, "validUntil", f.valid_until);
        jw_end_object(w);
    } else if (strcmp(op, "check") == 0) {
        kzp_check c;
        if ((rc = kind_of(req, "kind", &kind, err)) || (rc = amount_of(req, "amount", &centi, err)) ||
            (rc = kzp_check_sentence(&c, ctx, article, date, kind, kzp_hundredths(centi), flags, err))) {
            return rc;
        }
        jw_begin_object(w);
        jw_kbool(w, "fits", c.fits);
        kstr(w, "violation", kzp_violation_name(c.violation));
        kstr(w, "kind", kzp_kind_name(c.kind));
        kstr(w, "unit", kzp_unit_name(c.unit));
        decimal(w, "amount", c.amount_centi);
        decimal(w, "limit", c.limit_centi);
        kstr(w, "limitSource", kzp_bound_source_name(c.limit_source));
        citation_or_null(w, "limitCitation", c.limit_citation);
        decimal(w, "excess", c.excess_centi);
        range(w, "range", ctx, &c.range);
        receipt(w, "receipt", ctx);
        kstr(w, "validFrom", c.valid_from);
        kstr(w, "validUntil", c.valid_until);
        jw_end_object(w);
    } else {
        /* in the Node binding's order: the rule, the kinds, the amount, then the conversion */
        kzp_conversion c;
        int rule;
        if ((rc = rule_of(req, &rule, err)) || (rc = kind_of(req, "from", &kind, err)) ||
            (rc = kind_of(req, "to", &to, err)) || (rc = amount_of(req, "amount", &centi, err)) ||
            (rc = kzp_convert_under(&c, ctx, rule, kind, kzp_hundredths(centi), to, err))) {
            return rc;
        }
        jw_begin_object(w);
        kstr(w, "fromKind", kzp_kind_name(c.from_kind));
        decimal(w, "amount", c.from_centi);
        kstr(w, "toKind", kzp_kind_name(c.to_kind));
        int64_text(w, "whole", c.whole);
        decimal(w, "remainder", c.remainder_centi);
        kstr(w, "remainderUnit", kzp_unit_name(c.from_unit));
        jw_kbool(w, "exact", c.exact);
        kstr(w, "rule", kzp_conversion_rule_name(c.rule));
        kstr(w, "certainty", kzp_certainty_name(c.certainty));
        by_lang(w, "scope", c.scope);
        citation(w, "citation", c.citation);
        receipt(w, "receipt", ctx);
        jw_end_object(w);
    }
    return KZP_OK;
}

/* The writer's text as a NUL-terminated string for the caller (kzpw_free), or NULL when it
 * failed. */
static char *finish(jw *w)
{
    if (w->failed || !w->buf) {
        jw_free(w);
        return NULL;
    }
    w->buf[w->len] = '\0'; /* the writer always keeps a byte for it */
    return w->buf;
}

/* The document of a call: {"ok": ...} around what the operation wrote after "ok" (rc KZP_OK),
 * or, written anew, {"error": {...}}. */
static char *answer(jw *w, int rc, const kzp_error *err)
{
    if (rc == KZP_OK) {
        jw_end_object(w);
        if (!w->failed) {
            return finish(w);
        }
    }
    jw_reset(w);
    jw_begin_object(w);
    jw_key(w, "error");
    jw_begin_object(w);
    if (rc == TYPE_ERROR) {
        jw_kbool(w, "typeError", true);
        jw_kstring(w, "message", err->message);
    } else {
        if (rc == KZP_OK) {
            rc = KZP_E_NOMEM; /* a builder above could not allocate */
        }
        const char *msg = err->code == rc && err->message[0] ? err->message : kzp_strerror(rc);
        kstr(w, "code", kzp_status_name(rc));
        jw_kint(w, "status", rc);
        jw_kstring(w, "path", err->code == rc ? err->path : "");
        jw_kint(w, "line", err->code == rc ? err->line : 0);
        jw_kint(w, "column", err->code == rc ? err->column : 0);
        jw_kstring(w, "message", msg);
    }
    jw_end_object(w);
    jw_end_object(w);
    return finish(w);
}

/* ---- Exported functions ---- */

/* Answer one request about ctx (NULL for the operations that need no context). The text is
 * the caller's to release with kzpw_free; NULL only when memory ran out. */
EMSCRIPTEN_KEEPALIVE char *kzpw_call(const kzp_ctx *ctx, const char *request)
{
    kzp_error err = {0};
    jw w;
    jw_init(&w, 0);
    jw_begin_object(&w);
    jw_key(&w, "ok");
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
        rc = op_words(req, op, &w, &err);
    } else if (strcmp(op, "formatTenge") == 0) {
        rc = op_format(req, &w, &err);
    } else if (strcmp(op, "formatQty") == 0 || strcmp(op, "moneyStyleOf") == 0) {
        rc = op_lang_style(req, op, &w, &err);
    } else if (strcmp(op, "kindLabel") == 0 || strcmp(op, "unitLabel") == 0 || strcmp(op, "categoryLabel") == 0) {
        rc = op_label(req, op, &w, &err);
    } else if (!ctx && (query || strcmp(op, "sanctionTexts") == 0)) {
        rc = fail(&err, KZP_E_INVALID_ARG, "this operation needs a context");
    } else if (query) {
        rc = op_query(ctx, req, op, &w, &err);
    } else if (strcmp(op, "sanctionTexts") == 0) {
        rc = op_sanction_texts(ctx, req, &w, &err);
    } else if (ctx && (strcmp(op, "info") == 0 || strcmp(op, "mciTable") == 0 || strcmp(op, "articles") == 0 ||
                       strcmp(op, "updates") == 0 || strcmp(op, "sha256") == 0)) {
        rc = op_tables(ctx, op, &w);
    } else {
        rc = fail(&err, KZP_E_INVALID_ARG, "unknown operation");
    }
    json_decref(req);
    return answer(&w, rc, &err);
}

/* Contexts. Each returns the new context, or NULL with the error as JSON text in *error
 * (released with kzpw_free). base is borrowed; the result is the caller's (kzpw_ctx_free). */
static kzp_ctx *made(kzp_ctx *ctx, int rc, const kzp_error *err, char **error)
{
    jw w;
    jw_init(&w, 0);
    *error = rc ? answer(&w, rc, err) : NULL;
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
    int rc = whole_of(tenge ? tenge : "", "mciTenge", &n, &err);
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
    jw w;
    jw_init(&w, 0);
    jw_begin_array(&w);
    for (size_t i = 0; i < count && i < CAP; i++) {
        jw_begin_object(&w);
        kstr(&w, "code", kzp_status_name(errs[i].code));
        jw_kstring(&w, "path", errs[i].path);
        jw_kint(&w, "line", errs[i].line);
        jw_kint(&w, "column", errs[i].column);
        jw_kstring(&w, "message", errs[i].message);
        jw_end_object(&w);
    }
    jw_end_array(&w);
    free(errs);
    return finish(&w);
}

EMSCRIPTEN_KEEPALIVE void kzpw_free(void *p)
{
    free(p);
}

/* {"KZP_E_INVALID_ARG": "InvalidArgumentError", ...}: the error class of every status, from the
 * library's own table, so the wrapper keeps no list of them. Released with kzpw_free. */
EMSCRIPTEN_KEEPALIVE char *kzpw_status_classes(void)
{
    jw w;
    jw_init(&w, 0);
    jw_begin_object(&w);
    for (int code = -1; code > -kzp_status_count(); code--) {
        kstr(&w, kzp_status_name(code), kzp_status_class(code));
    }
    jw_end_object(&w);
    return finish(&w);
}

EMSCRIPTEN_KEEPALIVE const char *kzpw_version(void)
{
    return kzp_version_string();
}
