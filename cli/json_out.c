/* Results as JSON (the shapes are documented in docs/cli.md and docs/cli.schema.json).
 * Money is integer tiyn in *_tiyn fields next to a formatted *_text. Quantities are JSON
 * numbers written exactly: jansson only writes reals through a double, so a fractional
 * quantity is carried as a marked string and written out as a bare decimal by
 * cli_json_dumps. No floating point touches a value. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#define DECIMAL_MARK '\x01'

static size_t fragment_count;
static char *splice_fragments(char *text);

/* True if the quote at q opens a JSON string: a quote inside a string is escaped (\"), and a
 * closing quote is never followed by a marker. */
static bool opens_string(const char *text, const char *q)
{
    return q == text || q[-1] != '\\';
}

json_t *cli_decimal_json(int64_t centi)
{
    if (centi % 100 == 0) {
        return json_integer(centi / 100);
    }
    char buf[40];
    buf[0] = DECIMAL_MARK;
    kzp_decimal_format(buf + 1, sizeof buf - 1, centi);
    return json_string(buf);
}

char *cli_json_dumps(const json_t *v, size_t flags)
{
    char *text = json_dumps(v, flags | JSON_PRESERVE_ORDER);
    if (!text) {
        return NULL;
    }
    /* "\u0001<decimal>" -> <decimal>. Only our marked strings begin with U+0001: input that
     * could be echoed (a batch id) is refused if it does (batch.c), and U+0001 inside echoed
     * text follows an escaped quote (\"), which is not a string's opening quote. */
    static const char marker[] = "\"\\u0001";
    const size_t mlen = sizeof marker - 1;
    char *w = text;
    const char *r = text;
    for (const char *hit; (hit = strstr(r, marker)) != NULL;) {
        size_t chunk = (size_t)(hit - r);
        memmove(w, r, chunk); /* the text shrinks, so writing never overtakes reading */
        w += chunk;
        if (!opens_string(text, hit)) {
            memmove(w, hit, mlen); /* inside a string: keep it as it is */
            w += mlen;
            r = hit + mlen;
            continue;
        }
        r = hit + mlen;
        while (*r && *r != '"') {
            *w++ = *r++;
        }
        if (*r == '"') {
            r++;
        }
    }
    size_t rest = strlen(r);
    memmove(w, r, rest);
    w += rest;
    *w = '\0';
    return fragment_count ? splice_fragments(text) : text;
}

void cli_json_print(FILE *f, const json_t *v, bool compact)
{
    char *text = cli_json_dumps(v, compact ? JSON_COMPACT : JSON_INDENT(2));
    if (text) {
        fputs(text, f);
        fputc('\n', f);
        free(text);
    }
}

json_t *cli_money_text_json(int64_t tiyn)
{
    char buf[64];
    kzp_format_tenge(buf, sizeof buf, tiyn, KZP_MONEY_SIGN);
    return json_string(buf);
}

static json_t *citation_object(const kzp_citation *c)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "id", c->id, "act", c->act, "reference", c->reference,
                     "document", c->document, "seen_in", c->seen_in, "note", c->note, "status",
                     kzp_certainty_name(c->certainty));
}

/* Fragments: a batch writes thousands of lines that cite the same few citations, and building
 * and escaping each citation object again is most of its work. With fragments on, a citation
 * is written to compact JSON text once; a line carries a marked string ("\x02" and the
 * fragment's number) that cli_json_dumps replaces with that text. A fragment is matched by
 * the citation's content, not its address (a what-if context's citations live elsewhere). */
#define FRAGMENT_MARK '\x02'
#define MAX_FRAGMENTS 64
enum { CIT_FIELDS = 7 };
typedef struct fragment {
    char *field[CIT_FIELDS];
    char *text;
} fragment;
static fragment fragments[MAX_FRAGMENTS];
static size_t fragment_count;
static bool fragments_on;

static void citation_fields(const kzp_citation *c, const char *f[CIT_FIELDS])
{
    f[0] = c->id, f[1] = c->act, f[2] = c->reference, f[3] = c->document, f[4] = c->seen_in, f[5] = c->note;
    f[6] = kzp_certainty_name(c->certainty);
}

static long fragment_of(const kzp_citation *c)
{
    const char *f[CIT_FIELDS];
    citation_fields(c, f);
    for (size_t i = 0; i < fragment_count; i++) {
        size_t k = 0;
        while (k < CIT_FIELDS && strcmp(fragments[i].field[k], f[k]) == 0) {
            k++;
        }
        if (k == CIT_FIELDS) {
            return (long)i;
        }
    }
    if (fragment_count == MAX_FRAGMENTS) {
        return -1;
    }
    json_t *o = citation_object(c);
    fragment *fr = &fragments[fragment_count];
    fr->text = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(o);
    bool ok = fr->text != NULL;
    for (size_t k = 0; k < CIT_FIELDS; k++) {
        fr->field[k] = ok ? strdup(f[k]) : NULL;
        ok = ok && fr->field[k];
    }
    if (!ok) {
        free(fr->text);
        for (size_t k = 0; k < CIT_FIELDS; k++) {
            free(fr->field[k]);
        }
        memset(fr, 0, sizeof *fr);
        return -1;
    }
    return (long)fragment_count++;
}

void cli_json_fragments(bool on)
{
    fragments_on = on;
    if (!on) {
        for (size_t i = 0; i < fragment_count; i++) {
            free(fragments[i].text);
            for (size_t k = 0; k < CIT_FIELDS; k++) {
                free(fragments[i].field[k]);
            }
        }
        fragment_count = 0;
    }
}

json_t *cli_citation_json(const kzp_citation *c)
{
    long n = fragments_on ? fragment_of(c) : -1;
    if (n < 0) {
        return citation_object(c);
    }
    char mark[24];
    snprintf(mark, sizeof mark, "%c%ld", FRAGMENT_MARK, n);
    return json_string(mark);
}

/* Replace each "\u0002<n>" (a marked string, quotes included) in text with fragment n. */
static char *splice_fragments(char *text)
{
    static const char marker[] = "\"\\u0002";
    const size_t mlen = sizeof marker - 1;
    size_t extra = 0;
    for (const char *hit = text; (hit = strstr(hit, marker)) != NULL; hit += mlen) {
        unsigned long n = strtoul(hit + mlen, NULL, 10);
        extra += opens_string(text, hit) && n < fragment_count ? strlen(fragments[n].text) : 0;
    }
    if (extra == 0) {
        return text;
    }
    char *out = malloc(strlen(text) + extra + 1);
    if (!out) {
        free(text);
        return NULL;
    }
    char *w = out;
    const char *r = text;
    for (const char *hit; (hit = strstr(r, marker)) != NULL;) {
        memcpy(w, r, (size_t)(hit - r));
        w += hit - r;
        char *end;
        unsigned long n = strtoul(hit + mlen, &end, 10);
        if (!opens_string(text, hit) || n >= fragment_count) {
            memcpy(w, hit, mlen); /* echoed text, not a mark: keep it */
            w += mlen;
            r = hit + mlen;
            continue;
        }
        size_t flen = strlen(fragments[n].text);
        memcpy(w, fragments[n].text, flen);
        w += flen;
        r = *end == '"' ? end + 1 : end;
    }
    strcpy(w, r);
    free(text);
    return out;
}

static json_t *basis_json(const kzp_citation *const *basis, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(a, cli_citation_json(basis[i]));
    }
    return a;
}

json_t *cli_receipt_json(const kzp_ctx *ctx)
{
    kzp_dataset_info info;
    kzp_ctx_info(&info, ctx);
    return json_pack("{s:s, s:s, s:s, s:s, s:b}", "library", kzp_version_string(), "dataset", info.id,
                     "dataset_version", info.version, "dataset_fingerprint", info.fingerprint, "hypothetical",
                     info.hypothetical);
}

/* "source": the act and where in it, for a reader; the full citation is beside it. */
static json_t *source_json(const kzp_citation *c)
{
    size_t a = strlen(c->act), r = strlen(c->reference);
    char *buf = malloc(a + r + 3); /* sized from the data: a long act is not cut */
    if (!buf) {
        return NULL;
    }
    memcpy(buf, c->act, a);
    if (r) {
        memcpy(buf + a, ", ", 2);
        memcpy(buf + a + 2, c->reference, r);
        a += r + 2;
    }
    buf[a] = '\0';
    json_t *s = json_string(buf);
    free(buf);
    return s;
}

static json_t *mci_json(const kzp_mci *m)
{
    return json_pack("{s:s, s:s, s:I, s:s, s:o, s:b, s:s, s:o}", "date", m->date, "purpose",
                     kzp_purpose_name(m->purpose), "tenge", (json_int_t)m->tenge, "from", m->from, "source",
                     source_json(m->citation), "stale", m->stale, "certainty", kzp_certainty_name(m->certainty),
                     "citation", cli_citation_json(m->citation));
}

/* A text from the library's words functions (snprintf-style) as a JSON string. */
static json_t *sanction_text_json(const kzp_range *r, size_t i, int lang)
{
    char *text = cli_sanction_text(r, i, lang);
    json_t *s = text ? json_string(text) : json_null();
    free(text);
    return s;
}

static const char *lang_code(int lang)
{
    return lang == KZP_LANG_RU ? "ru" : lang == KZP_LANG_KK ? "kk" : "en";
}

static json_t *citation_id_json(const kzp_citation *c)
{
    return c ? json_string(c->id) : json_null();
}

/* A bound as "<prefix>", "<prefix>_tiyn" and "<prefix>_text" (money only when the sanction is
 * in MCI and the bound is set), "<prefix>_source" and "<prefix>_citation". */
static void bound_json(json_t *o, const char *prefix, const kzp_bound *b, bool money)
{
    char key[40];
    json_object_set_new(o, prefix, b->set ? cli_decimal_json(b->centi) : json_null());
    if (money && b->set) {
        snprintf(key, sizeof key, "%s_tiyn", prefix);
        json_object_set_new(o, key, json_integer(b->tiyn));
        snprintf(key, sizeof key, "%s_text", prefix);
        json_object_set_new(o, key, cli_money_text_json(b->tiyn));
    }
    snprintf(key, sizeof key, "%s_source", prefix);
    json_object_set_new(o, key, json_string(kzp_bound_source_name(b->source)));
    snprintf(key, sizeof key, "%s_citation", prefix);
    json_object_set_new(o, key, citation_id_json(b->citation));
}

static json_t *restriction_json(const kzp_restriction *x, int lang)
{
    if (!x) {
        return json_null();
    }
    json_t *persons = json_array();
    for (size_t i = 0; i < x->person_count; i++) {
        json_array_append_new(persons, json_string(x->persons[lang][i]));
    }
    return json_pack("{s:s, s:s, s:o}", "id", x->id, "citation", x->citation->id, "persons", persons);
}

static json_t *optional_decimal(int set, int64_t centi)
{
    return set ? cli_decimal_json(centi) : json_null();
}

static json_t *sanction_json(const kzp_range *r, size_t i, int lang)
{
    const kzp_sanction *s = &r->sanctions[i];
    const kzp_citation *general = s->general_min.set ? s->general_min.citation : s->general_max.citation;
    json_t *o = json_pack("{s:s, s:s}", "kind", kzp_kind_name(s->kind), "unit", kzp_unit_name(s->unit));
    bound_json(o, "min", &s->min, s->has_tiyn);
    bound_json(o, "max", &s->max, s->has_tiyn);
    json_object_set_new(o, "article_min", optional_decimal(s->article_min.set, s->article_min.centi));
    json_object_set_new(o, "article_max", cli_decimal_json(s->article_max.centi));
    json_object_set_new(o, "general_min", optional_decimal(s->general_min.set, s->general_min.centi));
    json_object_set_new(o, "general_max", optional_decimal(s->general_max.set, s->general_max.centi));
    json_object_set_new(o, "general_citation", citation_id_json(general));
    json_object_set_new(o, "min_lifted_by", citation_id_json(s->min_lifted_by));
    json_object_set_new(o, "capped", json_boolean(s->capped));
    json_object_set_new(o, "max_per_day", optional_decimal(s->per_day_max_centi != 0, s->per_day_max_centi));
    json_object_set_new(o, "max_per_day_citation", citation_id_json(s->per_day_citation));
    json_object_set_new(o, "not_for", restriction_json(s->restriction, lang));
    json_object_set_new(o, "citation", json_string(s->citation->id));
    json_object_set_new(o, "text", sanction_text_json(r, i, lang));
    return o;
}

static json_t *payments_json(const kzp_range *r, int lang)
{
    json_t *a = json_array();
    for (size_t i = 0; i < r->payment_count; i++) {
        const kzp_payment *p = &r->payments[i];
        json_t *o = json_pack("{s:s, s:s, s:o, s:b}", "id", p->id, "name", p->name[lang], "mci",
                              cli_decimal_json(p->mci_centi), "priced", p->priced);
        json_object_set_new(o, "amount_tiyn", p->priced ? json_integer(p->tiyn) : json_null());
        json_object_set_new(o, "amount_text", p->priced ? cli_money_text_json(p->tiyn) : json_null());
        json_object_set_new(o, "certainty", json_string(kzp_certainty_name(p->certainty)));
        json_object_set_new(o, "citation", cli_citation_json(p->citation));
        json_object_set_new(o, "priced_by", p->priced_by ? cli_citation_json(p->priced_by) : json_null());
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *range_json(const kzp_range *r, const kzp_ctx *ctx, int lang)
{
    kzp_article a;
    kzp_article_get(&a, ctx, r->article, NULL);
    json_t *sanctions = json_array(), *omitted = json_array();
    for (size_t i = 0; i < r->sanction_count; i++) {
        json_array_append_new(sanctions, sanction_json(r, i, lang));
    }
    for (size_t i = 0; i < r->omitted_count; i++) {
        json_array_append_new(omitted, json_string(kzp_kind_name(r->omitted_kinds[i])));
    }
    json_t *o =
        json_pack("{s:s, s:{s:s, s:s, s:s}, s:s, s:s, s:s, s:b, s:b, s:b}", "article", r->article, "title", "en",
                  a.title[KZP_LANG_EN], "ru", a.title[KZP_LANG_RU], "kk", a.title[KZP_LANG_KK], "category",
                  kzp_category_name(a.category), "in_force_from", a.in_force_from, "offence_date", r->offence_date,
                  "mitigated", (r->flags & KZP_Q_MITIGATED) != 0, "accelerated", (r->flags & KZP_Q_ACCELERATED) != 0,
                  "order_procedure", (r->flags & KZP_Q_ORDER_PROCEDURE) != 0);
    json_object_set_new(o, "mci", r->has_mci ? mci_json(&r->mci) : json_null());
    json_object_set_new(o, "sanctions", sanctions);
    json_object_set_new(o, "omitted", omitted);
    json_object_set_new(o, "omitted_because", citation_id_json(r->order_procedure_kinds));
    json_object_set_new(o, "payments", payments_json(r, lang));
    json_object_set_new(o, "text_lang", json_string(lang_code(lang)));
    json_object_set_new(o, "certainty", json_string(kzp_certainty_name(r->certainty)));
    json_object_set_new(o, "stale", json_boolean(r->stale));
    json_object_set_new(o, "basis", basis_json(r->basis, r->basis_count));
    return o;
}

static json_t *fine_json(const kzp_fine *f, const char *date, int lang)
{
    char count[40];
    kzp_decimal_format(count, sizeof count, f->mci_centi);
    /* beyond 999 999 999 999 tenge there are no words: null */
    char *words = cli_tenge_words(f->amount_tiyn, lang);
    json_t *amount_words = words ? json_string(words) : json_null();
    free(words);
    return json_pack("{s:s, s:s, s:o, s:I, s:o, s:o, s:s, s:s, s:b, s:o}", "mci_count", count, "offence_date", date,
                     "mci", mci_json(&f->mci), "amount_tiyn", (json_int_t)f->amount_tiyn, "amount_text",
                     cli_money_text_json(f->amount_tiyn), "amount_words", amount_words, "words_lang", lang_code(lang),
                     "certainty", kzp_certainty_name(f->certainty), "stale", f->stale, "basis",
                     basis_json(f->basis, f->basis_count));
}

static json_t *check_json(const kzp_check *c)
{
    const kzp_range *r = &c->range;
    return json_pack("{s:s, s:s, s:s, s:s, s:o, s:b, s:s, s:o, s:s, s:o, s:o, s:b, s:b, s:b, s:s, s:b, s:o}", "article",
                     r->article, "offence_date", r->offence_date, "kind", kzp_kind_name(c->kind), "unit",
                     kzp_unit_name(c->unit), "amount", cli_decimal_json(c->amount_centi), "fits", c->fits, "violation",
                     kzp_violation_name(c->violation), "limit", cli_decimal_json(c->limit_centi), "limit_source",
                     kzp_bound_source_name(c->limit_source), "limit_citation", citation_id_json(c->limit_citation),
                     "excess", cli_decimal_json(c->excess_centi), "mitigated", (r->flags & KZP_Q_MITIGATED) != 0,
                     "accelerated", (r->flags & KZP_Q_ACCELERATED) != 0, "order_procedure",
                     (r->flags & KZP_Q_ORDER_PROCEDURE) != 0, "certainty", kzp_certainty_name(r->certainty), "stale",
                     r->stale, "basis", basis_json(r->basis, r->basis_count));
}

static json_t *convert_json(const kzp_conversion *c, int lang)
{
    return json_pack(
        "{s:s, s:s, s:{s:s, s:s, s:o}, s:{s:s, s:s, s:I, s:o, s:s}, s:b, s:s, s:o}", "rule",
        kzp_conversion_rule_name(c->rule), "scope", c->scope[lang], "from", "kind", kzp_kind_name(c->from_kind), "unit",
        kzp_unit_name(c->from_unit), "amount", cli_decimal_json(c->from_centi), "to", "kind", kzp_kind_name(c->to_kind),
        "unit", kzp_unit_name(c->to_unit), "whole", (json_int_t)c->whole, "remainder",
        cli_decimal_json(c->remainder_centi), "remainder_unit", kzp_unit_name(c->from_unit), "exact", c->exact,
        "certainty", kzp_certainty_name(c->certainty), "citation", cli_citation_json(c->citation));
}

json_t *cli_result_json(const cli_result *r, const kzp_ctx *ctx, int lang)
{
    const char *op = r->rq.op;
    json_t *o;
    if (strcmp(op, "range") == 0) {
        o = range_json(&r->range, ctx, lang);
    } else if (strcmp(op, "fine") == 0) {
        o = fine_json(&r->fine, r->rq.date, lang);
    } else if (strcmp(op, "check") == 0) {
        o = check_json(&r->check);
    } else if (strcmp(op, "convert") == 0) {
        o = convert_json(&r->conv, lang);
    } else {
        o = mci_json(&r->mci);
    }
    json_object_set_new(o, "receipt", cli_receipt_json(ctx));
    return o;
}

json_t *cli_error_json(const cli_error *e)
{
    return json_pack("{s:{s:s, s:s}}", "error", "code", cli_status_code(e->status), "message", e->message);
}
