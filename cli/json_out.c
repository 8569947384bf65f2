/* Results as JSON (the shapes are documented in docs/cli.md and docs/cli.schema.json), written
 * with the streaming writer (support/jsonw.h). Money is integer tiyn in *_tiyn fields next to a
 * formatted *_text; quantities are exact JSON numbers written from hundredths. In compact output
 * (batch) each citation is written once and its text reused on every line that cites it. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* ---- Citations written once ---- */

#define CACHE_SLOTS 256 /* open addressing by pointer; a dataset has a few dozen citations */

typedef struct cached_citation {
    const kzp_citation *c;
    char *text;
    size_t len;
} cached_citation;

#define RECEIPT_SLOTS 8 /* a batch's base context and its few what-if contexts */

typedef struct cached_receipt {
    const kzp_ctx *ctx;
    char *text; /* the "receipt" member, compact */
    size_t len;
} cached_receipt;

#define MCI_SLOTS 16 /* a batch prices dates of a few MCI periods at a time */

/* An MCI object's members but its date: keyed on every value they are written from. */
typedef struct cached_mci {
    kzp_mci key; /* date cleared */
    char *text;
    size_t len;
} cached_mci;

struct cli_json_cache {
    cached_citation slot[CACHE_SLOTS];
    size_t used;
    cached_receipt receipt[RECEIPT_SLOTS];
    size_t next_receipt;
    cached_mci mci[MCI_SLOTS];
    size_t next_mci;
};

cli_json_cache *cli_json_cache_new(void)
{
    return calloc(1, sizeof(cli_json_cache));
}

/* Forget every entry: a context whose citations were cached is about to be freed, and a new
 * one could reuse their addresses. */
void cli_json_cache_clear(cli_json_cache *cache)
{
    if (cache) {
        for (size_t i = 0; i < CACHE_SLOTS; i++) {
            free(cache->slot[i].text);
        }
        for (size_t i = 0; i < RECEIPT_SLOTS; i++) {
            free(cache->receipt[i].text);
        }
        for (size_t i = 0; i < MCI_SLOTS; i++) {
            free(cache->mci[i].text);
        }
        memset(cache, 0, sizeof *cache);
    }
}

static size_t home(const kzp_citation *c)
{
    return ((uintptr_t)c >> 4) % CACHE_SLOTS;
}

/* Forget one citation: the context that holds it is about to be freed, and a new one could
 * reuse its address; the base's citations stay written. The entries after it in its run of
 * occupied slots are put back where a lookup probing from their home slot finds them. */
void cli_json_cache_forget(cli_json_cache *cache, const kzp_citation *c)
{
    for (size_t i = 0; cache && i < MCI_SLOTS; i++) {
        if (cache->mci[i].key.citation == c) { /* its text quotes the citation */
            free(cache->mci[i].text);
            cache->mci[i] = (cached_mci){0};
        }
    }
    size_t h = home(c);
    for (size_t probe = 0; cache && probe < CACHE_SLOTS; probe++, h = (h + 1) % CACHE_SLOTS) {
        if (!cache->slot[h].c) {
            return; /* not cached */
        }
        if (cache->slot[h].c != c) {
            continue;
        }
        free(cache->slot[h].text);
        cache->slot[h] = (cached_citation){0};
        cache->used--;
        for (size_t j = (h + 1) % CACHE_SLOTS; cache->slot[j].c; j = (j + 1) % CACHE_SLOTS) {
            cached_citation moved = cache->slot[j];
            cache->slot[j] = (cached_citation){0};
            size_t k = home(moved.c);
            while (cache->slot[k].c) {
                k = (k + 1) % CACHE_SLOTS;
            }
            cache->slot[k] = moved;
        }
        return;
    }
}

void cli_json_cache_forget_ctx(cli_json_cache *cache, const kzp_ctx *ctx)
{
    for (size_t i = 0; cache && i < RECEIPT_SLOTS; i++) {
        if (cache->receipt[i].ctx == ctx) {
            free(cache->receipt[i].text);
            cache->receipt[i] = (cached_receipt){0};
        }
    }
}

void cli_json_cache_free(cli_json_cache *cache)
{
    cli_json_cache_clear(cache);
    free(cache);
}

static void citation_object(jw *w, const kzp_citation *c)
{
    jw_begin_object(w);
    jw_kstring(w, "id", c->id);
    jw_kstring(w, "act", c->act);
    jw_kstring(w, "reference", c->reference);
    jw_kstring(w, "document", c->document);
    jw_kstring(w, "seen_in", c->seen_in);
    jw_kstring(w, "note", c->note);
    jw_kstring(w, "status", kzp_certainty_name(c->certainty));
    jw_end_object(w);
}

/* The compact text of a citation, written the first time it is asked for. A context's citations
 * live as long as the context, and the cache as long as the batch that uses one context (a
 * what-if context derived from it shares its citations). NULL when the cache is full or memory
 * runs out: the caller writes the citation itself. */
static const cached_citation *cached(cli_json_cache *cache, const kzp_citation *c)
{
    size_t h = home(c);
    for (size_t probe = 0; probe < CACHE_SLOTS; probe++, h = (h + 1) % CACHE_SLOTS) {
        cached_citation *s = &cache->slot[h];
        if (s->c == c) {
            return s;
        }
        if (!s->c) {
            if (cache->used >= CACHE_SLOTS / 2) {
                return NULL;
            }
            jw tmp;
            jw_init(&tmp, 0);
            citation_object(&tmp, c);
            if (tmp.failed) {
                jw_free(&tmp);
                return NULL;
            }
            s->c = c;
            s->text = tmp.buf;
            s->len = tmp.len;
            cache->used++;
            return s;
        }
    }
    return NULL;
}

void cli_json_citation(cli_json *j, const kzp_citation *c)
{
    if (j->citation_ids) {
        jw_string(&j->w, c->id);
        return;
    }
    const cached_citation *s = j->cache && j->w.indent == 0 ? cached(j->cache, c) : NULL;
    if (s) {
        jw_raw(&j->w, s->text, s->len);
    } else {
        citation_object(&j->w, c);
    }
}

/* ---- Small pieces ---- */

static void money_text(jw *w, int64_t tiyn)
{
    char buf[64];
    kzp_tenge_format(buf, sizeof buf, tiyn, KZP_MONEY_SIGN);
    jw_string(w, buf);
}

/* "title": {"en": ..., "ru": ..., "kk": ...}, in kzp_lang order; null for a missing one */
static void title_object(jw *w, const char *const title[KZP_LANG_COUNT])
{
    jw_key(w, "title");
    jw_begin_object(w);
    for (int lang = 0; lang < KZP_LANG_COUNT; lang++) {
        jw_kstring_or_null(w, kzp_lang_name(lang), title[lang]);
    }
    jw_end_object(w);
}

static void kcitation_id(jw *w, const char *key, const kzp_citation *c)
{
    jw_kstring_or_null(w, key, c ? c->id : NULL);
}

static void koptional_decimal(jw *w, const char *key, int set, int64_t centi)
{
    jw_key(w, key);
    if (set) {
        jw_decimal(w, centi);
    } else {
        jw_null(w);
    }
}

static void basis(cli_json *j, const kzp_citation *const *list, size_t n)
{
    jw_key(&j->w, "basis");
    jw_begin_array(&j->w);
    for (size_t i = 0; i < n; i++) {
        cli_json_citation(j, list[i]);
    }
    jw_end_array(&j->w);
}

/* "updates": every MCI update period applied to ctx, with the file it came from (the library
 * keeps the list; kzp_update_at). */
static void updates_member(jw *w, const kzp_ctx *ctx)
{
    jw_key(w, "updates");
    jw_begin_array(w);
    for (size_t i = 0, n = kzp_update_count(ctx); i < n; i++) {
        kzp_update u;
        kzp_update_at(&u, ctx, i);
        jw_begin_object(w);
        jw_kstring(w, "file", u.source);
        jw_kstring(w, "sha256", u.sha256);
        jw_kstring(w, "from", u.period.from);
        jw_kint(w, "tenge", u.period.tenge);
        jw_kstring(w, "purpose", u.period.purpose_all ? "all" : kzp_purpose_name(u.period.purpose));
        jw_kstring(w, "citation", u.period.citation->id);
        jw_kstring(w, "status", kzp_certainty_name(u.period.citation->certainty));
        jw_end_object(w);
    }
    jw_end_array(w);
}

static void receipt_member(jw *w, const kzp_ctx *ctx)
{
    kzp_dataset_info info;
    kzp_ctx_info(&info, ctx);
    jw_key(w, "receipt");
    jw_begin_object(w);
    jw_kstring(w, "library", kzp_version_string());
    jw_kstring(w, "dataset", info.id);
    jw_kstring(w, "dataset_version", info.version);
    jw_kstring(w, "dataset_fingerprint", info.fingerprint);
    jw_kstring(w, "dataset_sha256", kzp_ctx_sha256(ctx));
    updates_member(w, ctx);
    jw_kbool(w, "hypothetical", info.hypothetical);
    jw_end_object(w);
}

/* The receipt is the same on every answer from one context: in a batch it is written once. */
void cli_json_receipt(cli_json *j, const kzp_ctx *ctx)
{
    cli_json_cache *cache = j->w.indent == 0 ? j->cache : NULL;
    for (size_t i = 0; cache && i < RECEIPT_SLOTS; i++) {
        if (cache->receipt[i].ctx == ctx) {
            jw_raw_members(&j->w, cache->receipt[i].text, cache->receipt[i].len);
            return;
        }
    }
    size_t start = jw_next_member_at(&j->w);
    receipt_member(&j->w, ctx);
    if (cache && !j->w.failed) {
        cached_receipt *slot = &cache->receipt[cache->next_receipt++ % RECEIPT_SLOTS];
        char *text = malloc(j->w.len - start);
        if (text) { /* without memory the receipt is only not reused */
            memcpy(text, j->w.buf + start, j->w.len - start);
            free(slot->text);
            *slot = (cached_receipt){ctx, text, j->w.len - start};
        }
    }
}

/* "source": the act and where in it, for a reader; the full citation is beside it. */
static void source(jw *w, const kzp_citation *c)
{
    size_t a = strlen(c->act), r = strlen(c->reference);
    char *buf = malloc(a + r + 3); /* sized from the data: a long act is not cut */
    if (!buf) {
        w->failed = true;
        return;
    }
    memcpy(buf, c->act, a);
    if (r) {
        memcpy(buf + a, ", ", 2);
        memcpy(buf + a + 2, c->reference, r);
        a += r + 2;
    }
    buf[a] = '\0';
    jw_kstring(w, "source", buf);
    free(buf);
}

/* date_at, when given, receives where the asked date's ten bytes stand in the writer's buffer. */
static void mci_members(cli_json *j, const kzp_mci *m, size_t *date_at)
{
    jw *w = &j->w;
    jw_kstring(w, "date", m->date);
    if (date_at) {
        *date_at = w->len - 11; /* before the closing quote of "YYYY-MM-DD" */
    }
    jw_kstring(w, "purpose", kzp_purpose_name(m->purpose));
    jw_kint(w, "tenge", m->tenge);
    jw_kstring(w, "from", m->from);
    jw_kstring(w, "valid_from", m->valid_from);
    jw_kstring(w, "valid_until", m->valid_until);
    source(w, m->citation);
    jw_kbool(w, "stale", m->stale);
    jw_kstring(w, "certainty", kzp_certainty_name(m->certainty));
    jw_key(w, "citation");
    cli_json_citation(j, m->citation);
}

static bool same_mci_but_date(const kzp_mci *a, const kzp_mci *b)
{
    return a->citation == b->citation && a->tenge == b->tenge && a->tiyn == b->tiyn && a->purpose == b->purpose &&
           a->stale == b->stale && a->certainty == b->certainty && strcmp(a->from, b->from) == 0 &&
           strcmp(a->valid_from, b->valid_from) == 0 && strcmp(a->valid_until, b->valid_until) == 0;
}

/* In a batch an MCI object is written once for the values it is written from, and its date set
 * on each line; date_at as mci_members. */
static void mci_object(cli_json *j, const char *key, const kzp_mci *m, size_t *date_at)
{
    jw *w = &j->w;
    cli_json_cache *cache = w->indent == 0 ? j->cache : NULL;
    jw_key(w, key);
    jw_begin_object(w);
    for (size_t i = 0; cache && strlen(m->date) == 10 && i < MCI_SLOTS; i++) {
        const cached_mci *c = &cache->mci[i];
        if (c->text && same_mci_but_date(&c->key, m)) {
            size_t start = jw_next_member_at(w);
            jw_raw_members(w, c->text, c->len);
            if (!w->failed) {
                memcpy(w->buf + start + 8, m->date, 10); /* after "date":" */
            }
            if (date_at) {
                *date_at = start + 8;
            }
            jw_end_object(w);
            return;
        }
    }
    size_t start = jw_next_member_at(w);
    mci_members(j, m, date_at);
    if (cache && !w->failed && strlen(m->date) == 10 && memcmp(w->buf + start, "\"date\":\"", 8) == 0) {
        cached_mci *slot = &cache->mci[cache->next_mci++ % MCI_SLOTS];
        char *text = malloc(w->len - start);
        if (text) { /* without memory the object is only not reused */
            memcpy(text, w->buf + start, w->len - start);
            free(slot->text);
            slot->key = *m;
            memset(slot->key.date, 0, sizeof slot->key.date);
            slot->text = text;
            slot->len = w->len - start;
        }
    }
    jw_end_object(&j->w);
}

/* ---- Ranges ---- */

/* A bound as "<prefix>", "<prefix>_tiyn" and "<prefix>_text" (money only when the sanction is in
 * MCI and the bound is set), "<prefix>_source" and "<prefix>_citation". */
static void bound(jw *w, const char *prefix, const kzp_bound *b, bool money)
{
    char key[40];
    koptional_decimal(w, prefix, b->set, b->centi);
    if (money && b->set) {
        snprintf(key, sizeof key, "%s_tiyn", prefix);
        jw_kint(w, key, b->tiyn);
        snprintf(key, sizeof key, "%s_text", prefix);
        jw_key(w, key);
        money_text(w, b->tiyn);
    }
    snprintf(key, sizeof key, "%s_source", prefix);
    jw_kstring(w, key, kzp_bound_source_name(b->source));
    snprintf(key, sizeof key, "%s_citation", prefix);
    kcitation_id(w, key, b->citation);
}

static void restriction(jw *w, const kzp_restriction *x, int lang)
{
    jw_key(w, "not_for");
    if (!x) {
        jw_null(w);
        return;
    }
    jw_begin_object(w);
    jw_kstring(w, "id", x->id);
    jw_kstring(w, "citation", x->citation->id);
    jw_key(w, "persons");
    jw_begin_array(w);
    for (size_t i = 0; i < x->person_count; i++) {
        jw_string(w, x->persons[lang][i]);
    }
    jw_end_array(w);
    jw_end_object(w);
}

static void sanction(jw *w, const kzp_range *r, size_t i, int lang)
{
    const kzp_sanction *s = &r->sanctions[i];
    jw_begin_object(w);
    jw_kstring(w, "kind", kzp_kind_name(s->kind));
    jw_kstring(w, "unit", kzp_unit_name(s->unit));
    bound(w, "min", &s->min, s->has_tiyn);
    bound(w, "max", &s->max, s->has_tiyn);
    koptional_decimal(w, "article_min", s->article_min.set, s->article_min.centi);
    jw_kdecimal(w, "article_max", s->article_max.centi);
    koptional_decimal(w, "general_min", s->general_min.set, s->general_min.centi);
    koptional_decimal(w, "general_max", s->general_max.set, s->general_max.centi);
    kcitation_id(w, "general_citation", s->general_min.set ? s->general_min.citation : s->general_max.citation);
    kcitation_id(w, "min_lifted_by", s->min_lifted_by);
    jw_kbool(w, "capped", s->capped);
    koptional_decimal(w, "max_per_day", s->per_day_max_centi != 0, s->per_day_max_centi);
    kcitation_id(w, "max_per_day_citation", s->per_day_citation);
    restriction(w, s->restriction, lang);
    jw_kstring(w, "citation", s->citation->id);
    char *text = cli_sanction_text(r, i, lang);
    jw_kstring_or_null(w, "text", text);
    free(text);
    jw_end_object(w);
}

static void payments(cli_json *j, const kzp_range *r, int lang)
{
    jw *w = &j->w;
    jw_key(w, "payments");
    jw_begin_array(w);
    for (size_t i = 0; i < r->payment_count; i++) {
        const kzp_payment *p = &r->payments[i];
        jw_begin_object(w);
        jw_kstring(w, "id", p->id);
        jw_kstring(w, "name", p->name[lang]);
        jw_kdecimal(w, "mci", p->mci_centi);
        jw_kbool(w, "priced", p->priced);
        jw_key(w, "amount_tiyn");
        if (p->priced) {
            jw_int(w, p->tiyn);
        } else {
            jw_null(w);
        }
        jw_key(w, "amount_text");
        if (p->priced) {
            money_text(w, p->tiyn);
        } else {
            jw_null(w);
        }
        jw_kstring(w, "certainty", kzp_certainty_name(p->certainty));
        jw_key(w, "citation");
        cli_json_citation(j, p->citation);
        jw_key(w, "priced_by");
        if (p->priced_by) {
            cli_json_citation(j, p->priced_by);
        } else {
            jw_null(w);
        }
        jw_end_object(w);
    }
    jw_end_array(w);
}

static void flags(jw *w, unsigned f)
{
    jw_kbool(w, "mitigated", (f & KZP_Q_MITIGATED) != 0);
    jw_kbool(w, "accelerated", (f & KZP_Q_ACCELERATED) != 0);
    jw_kbool(w, "order_procedure", (f & KZP_Q_ORDER_PROCEDURE) != 0);
}

static void range_members(cli_json *j, const kzp_range *r, const kzp_ctx *ctx, int lang)
{
    jw *w = &j->w;
    kzp_article a;
    jw_kstring(w, "article", r->article);
    /* the range came from ctx, so its article is there; were it not, the JSON stays whole */
    bool known = kzp_article_get(&a, ctx, r->article, NULL) == KZP_OK;
    static const char *const none[KZP_LANG_COUNT] = {NULL};
    title_object(w, known ? a.title : none);
    jw_kstring_or_null(w, "category", known ? kzp_category_name(a.category) : NULL);
    jw_kstring_or_null(w, "in_force_from", known ? a.in_force_from : NULL);
    jw_kstring(w, "offence_date", r->offence_date);
    /* where the two dates that differ between answers of one validity interval stand */
    j->date_at[0] = w->len - 11;
    j->date_count = 1;
    jw_kstring(w, "valid_from", r->valid_from);
    jw_kstring(w, "valid_until", r->valid_until);
    flags(w, r->flags);
    if (r->has_mci) {
        mci_object(j, "mci", &r->mci, &j->date_at[1]);
        j->date_count = 2;
    } else {
        jw_knull(w, "mci");
    }
    jw_key(w, "sanctions");
    jw_begin_array(w);
    for (size_t i = 0; i < r->sanction_count; i++) {
        sanction(w, r, i, lang);
    }
    jw_end_array(w);
    jw_key(w, "omitted");
    jw_begin_array(w);
    for (size_t i = 0; i < r->omitted_count; i++) {
        jw_string(w, kzp_kind_name(r->omitted_kinds[i]));
    }
    jw_end_array(w);
    kcitation_id(w, "omitted_because", r->order_procedure_kinds);
    payments(j, r, lang);
    jw_kstring(w, "text_lang", kzp_lang_name(lang));
    jw_kstring(w, "certainty", kzp_certainty_name(r->certainty));
    jw_kbool(w, "stale", r->stale);
    basis(j, r->basis, r->basis_count);
}

/* ---- Fines, checks, conversions ---- */

static void fine_members(cli_json *j, const kzp_fine *f, const char *date, int lang)
{
    jw *w = &j->w;
    char count[40];
    (void)kzp_qty_format(count, sizeof count, kzp_hundredths(f->mci_centi), KZP_LANG_EN); /* fits 40 bytes */
    jw_kstring(w, "mci_count", count);
    jw_kstring(w, "offence_date", date);
    /* where the two dates that differ between answers of one validity interval stand */
    j->date_at[0] = w->len - 11;
    jw_kstring(w, "valid_from", f->valid_from);
    jw_kstring(w, "valid_until", f->valid_until);
    mci_object(j, "mci", &f->mci, &j->date_at[1]);
    j->date_count = strlen(date) == 10 ? 2 : 0;
    jw_kint(w, "amount_tiyn", f->amount_tiyn);
    jw_key(w, "amount_text");
    money_text(w, f->amount_tiyn);
    /* beyond 999 999 999 999 tenge there are no words: null */
    char *words = cli_tenge_words(f->amount_tiyn, lang);
    jw_kstring_or_null(w, "amount_words", words);
    free(words);
    jw_kstring(w, "words_lang", kzp_lang_name(lang));
    jw_kstring(w, "certainty", kzp_certainty_name(f->certainty));
    jw_kbool(w, "stale", f->stale);
    basis(j, f->basis, f->basis_count);
}

static void check_members(cli_json *j, const kzp_check *c)
{
    jw *w = &j->w;
    const kzp_range *r = &c->range;
    jw_kstring(w, "article", r->article);
    jw_kstring(w, "offence_date", r->offence_date);
    jw_kstring(w, "valid_from", c->valid_from);
    jw_kstring(w, "valid_until", c->valid_until);
    jw_kstring(w, "kind", kzp_kind_name(c->kind));
    jw_kstring(w, "unit", kzp_unit_name(c->unit));
    jw_kdecimal(w, "amount", c->amount_centi);
    jw_kbool(w, "fits", c->fits);
    jw_kstring(w, "violation", kzp_violation_name(c->violation));
    jw_kdecimal(w, "limit", c->limit_centi);
    jw_kstring(w, "limit_source", kzp_bound_source_name(c->limit_source));
    kcitation_id(w, "limit_citation", c->limit_citation);
    jw_kdecimal(w, "excess", c->excess_centi);
    flags(w, r->flags);
    jw_kstring(w, "certainty", kzp_certainty_name(r->certainty));
    jw_kbool(w, "stale", r->stale);
    basis(j, r->basis, r->basis_count);
}

static void convert_members(cli_json *j, const kzp_conversion *c, int lang)
{
    jw *w = &j->w;
    jw_kstring(w, "rule", kzp_conversion_rule_name(c->rule));
    jw_kstring(w, "scope", c->scope[lang]);
    jw_key(w, "from");
    jw_begin_object(w);
    jw_kstring(w, "kind", kzp_kind_name(c->from_kind));
    jw_kstring(w, "unit", kzp_unit_name(c->from_unit));
    jw_kdecimal(w, "amount", c->from_centi);
    jw_end_object(w);
    jw_key(w, "to");
    jw_begin_object(w);
    jw_kstring(w, "kind", kzp_kind_name(c->to_kind));
    jw_kstring(w, "unit", kzp_unit_name(c->to_unit));
    jw_kint(w, "whole", c->whole);
    jw_kdecimal(w, "remainder", c->remainder_centi);
    jw_kstring(w, "remainder_unit", kzp_unit_name(c->from_unit));
    jw_end_object(w);
    jw_kbool(w, "exact", c->exact);
    jw_kstring(w, "certainty", kzp_certainty_name(c->certainty));
    jw_key(w, "citation");
    cli_json_citation(j, c->citation);
}

void cli_json_result_members(cli_json *j, const cli_result *r, const kzp_ctx *ctx, int lang)
{
    const char *op = r->rq.op;
    if (strcmp(op, "range") == 0) {
        range_members(j, &r->range, ctx, lang);
    } else if (strcmp(op, "fine") == 0) {
        fine_members(j, &r->fine, r->rq.date, lang);
    } else if (strcmp(op, "check") == 0) {
        check_members(j, &r->check);
    } else if (strcmp(op, "convert") == 0) {
        convert_members(j, &r->conv, lang);
    } else {
        mci_members(j, &r->mci, NULL);
    }
    cli_json_receipt(j, ctx);
}

void cli_json_error_members(cli_json *j, const cli_error *e)
{
    jw *w = &j->w;
    jw_key(w, "error");
    jw_begin_object(w);
    jw_kstring(w, "code", cli_status_code(e->status));
    jw_kstring(w, "message", e->message);
    jw_end_object(w);
}

/* ---- Listings ---- */

void cli_json_mci_history(cli_json *j, const kzp_ctx *ctx, int purpose_filter)
{
    jw *w = &j->w;
    kzp_dataset_info info;
    kzp_ctx_info(&info, ctx);
    jw_begin_object(w);
    jw_kstring_or_null(w, "purpose", purpose_filter >= 0 ? kzp_purpose_name(purpose_filter) : NULL);
    jw_kstring(w, "known_until", info.mci_known_until);
    jw_key(w, "periods");
    jw_begin_array(w);
    for (size_t i = 0; i < info.mci_period_count; i++) {
        kzp_mci_period p;
        kzp_mci_period_at(&p, ctx, i);
        if (purpose_filter >= 0 && !p.purpose_all && p.purpose != purpose_filter) {
            continue;
        }
        jw_begin_object(w);
        jw_kstring(w, "from", p.from);
        jw_kint(w, "tenge", p.tenge);
        jw_kstring(w, "purpose", p.purpose_all ? "all" : kzp_purpose_name(p.purpose));
        jw_kstring(w, "certainty", kzp_certainty_name(p.citation->certainty));
        jw_key(w, "citation");
        cli_json_citation(j, p.citation);
        jw_end_object(w);
    }
    jw_end_array(w);
    cli_json_receipt(j, ctx);
    jw_end_object(w);
}

void cli_json_articles(cli_json *j, const kzp_ctx *ctx)
{
    jw *w = &j->w;
    kzp_dataset_info info;
    kzp_ctx_info(&info, ctx);
    jw_begin_object(w);
    jw_key(w, "articles");
    jw_begin_array(w);
    for (size_t i = 0; i < info.article_count; i++) {
        kzp_article a;
        kzp_article_at(&a, ctx, i);
        jw_begin_object(w);
        jw_kstring(w, "id", a.id);
        title_object(w, a.title);
        jw_kstring(w, "category", kzp_category_name(a.category));
        jw_kstring(w, "in_force_from", a.in_force_from);
        jw_kint(w, "alternatives", (int64_t)a.sanction_count);
        jw_key(w, "citation");
        cli_json_citation(j, a.citation);
        jw_end_object(w);
    }
    jw_end_array(w);
    cli_json_receipt(j, ctx);
    jw_end_object(w);
}

/* Every citation of the context, in its order: the table that --citations ids refers to. */
void cli_json_citations(cli_json *j, const kzp_ctx *ctx)
{
    jw *w = &j->w;
    size_t n = kzp_citation_count(ctx);
    jw_begin_object(w);
    jw_kint(w, "citation_count", (int64_t)n);
    jw_key(w, "citations");
    jw_begin_array(w);
    for (size_t i = 0; i < n; i++) {
        const kzp_citation *c = NULL;
        if (kzp_citation_at(&c, ctx, i) == KZP_OK) { /* i < count: it always is */
            citation_object(w, c);
        }
    }
    jw_end_array(w);
    cli_json_receipt(j, ctx);
    jw_end_object(w);
}

void cli_json_version(cli_json *j, const kzp_ctx *ctx)
{
    jw *w = &j->w;
    kzp_dataset_info info;
    kzp_ctx_info(&info, ctx);
    jw_begin_object(w);
    jw_kstring(w, "program", KZP_VERSION_STRING);
    jw_kstring(w, "library", kzp_version_string());
    jw_kstring(w, "dataset", info.id);
    jw_kstring(w, "dataset_version", info.version);
    jw_kstring(w, "dataset_verified_on", info.verified_on);
    jw_kstring(w, "dataset_fingerprint", info.fingerprint);
    jw_kstring(w, "dataset_sha256", kzp_ctx_sha256(ctx));
    jw_kstring(w, "mci_known_until", info.mci_known_until);
    updates_member(w, ctx);
    jw_end_object(w);
}
