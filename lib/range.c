/* The sanction range of an article on an offence date, and checking a proposed sentence
 * against it. Each bound that applies names the rule that sets it: the article's own words,
 * the General Part's bounds for the kind and category (Arts. 41-43, whose minimum a cited rule
 * may lift under mitigation), an Art. 55 half cap of the article's maximum (parts 2 and 3 do
 * not stack), or the order procedure's range (Art. 55 part 3). All of it is dataset rules. */
#include "kzp_internal.h"

#include <string.h>

/* What one query needs to know while it builds its sanctions. */
typedef struct range_job {
    const kzp_ctx *ctx;
    const kzp_article_def *a;
    unsigned flags;
    int64_t cap_num, cap_den;         /* 1/1 without a cap */
    const kzp_citation *cap_citation; /* the first cap applied */
    bool price_optional;              /* a check: bounds in MCI need no MCI, so an unknown one is no error */
    kzp_error *err;
} range_job;

static int basis_full(kzp_error *err)
{
    return kzp_fail(err, KZP_E_OVERFLOW, NULL, "the answer cites more than %d sources", KZP_MAX_BASIS);
}

static int add_basis(kzp_range *r, const kzp_citation *c, kzp_error *err)
{
    return kzp_basis_add(r->basis, &r->basis_count, &r->certainty, c) ? KZP_OK : basis_full(err);
}

/* The cap fraction for the flags asked, or 1/1 when none. */
static int find_cap(range_job *job, kzp_range *r)
{
    const unsigned asked[] = {KZP_Q_MITIGATED, KZP_Q_ACCELERATED};
    for (size_t k = 0; k < 2; k++) {
        if (!(job->flags & asked[k])) {
            continue;
        }
        const kzp_cap_def *cap = NULL;
        for (size_t i = 0; i < job->ctx->cap_count; i++) {
            if (job->ctx->caps[i].flag == asked[k] && job->ctx->caps[i].category == job->a->category) {
                cap = &job->ctx->caps[i];
            }
        }
        if (!cap) {
            return kzp_fail(job->err, KZP_E_NO_RULE, NULL, "the dataset has no %s cap for a %s (article %s)",
                            asked[k] == KZP_Q_MITIGATED ? "mitigation (Art. 55 part 2)"
                                                        : "accelerated-procedure (Art. 55 part 3)",
                            kzp_category_name(job->a->category), job->a->id);
        }
        int rc = add_basis(r, cap->citation, job->err);
        if (rc) {
            return rc;
        }
        r->caps[k] = cap->citation;
        job->cap_citation = job->cap_citation ? job->cap_citation : cap->citation;
        /* Keep the lower fraction: cap->numerator/cap->denominator < num/den. Small numbers, no overflow. */
        if (cap->numerator * job->cap_den < job->cap_num * cap->denominator) {
            job->cap_num = cap->numerator;
            job->cap_den = cap->denominator;
        }
    }
    return KZP_OK;
}

static const kzp_general_def *general_for(const kzp_ctx *ctx, int category, int kind)
{
    for (size_t i = 0; i < ctx->general_count; i++) {
        if (ctx->generals[i].category == category && ctx->generals[i].kind == kind) {
            return &ctx->generals[i];
        }
    }
    return NULL;
}

static const kzp_order_def *order_for(const kzp_ctx *ctx, int category, int kind)
{
    for (size_t i = 0; i < ctx->order_count; i++) {
        if (ctx->orders[i].category == category && ctx->orders[i].kind == kind) {
            return &ctx->orders[i];
        }
    }
    return NULL;
}

static const kzp_restriction *restriction_for(const kzp_ctx *ctx, int kind)
{
    for (size_t i = 0; i < ctx->restriction_count; i++) {
        if (ctx->restrictions[i].kind == kind) {
            return &ctx->restrictions[i];
        }
    }
    return NULL;
}

static kzp_bound bound(int64_t centi, int source, const kzp_citation *citation)
{
    kzp_bound b = {.set = 1, .centi = centi, .tiyn = 0, .source = source, .citation = citation};
    return b;
}

static const kzp_bound NO_BOUND = {0, 0, 0, KZP_BOUND_NONE, NULL};

/* Price a bound in MCI at the offence day's MCI: hundredths of an MCI x whole tenge = tiyn. */
static int price(kzp_bound *b, int64_t tenge, kzp_error *err)
{
    if (b->set && !kzp_mul_i64(&b->tiyn, b->centi, tenge)) {
        return kzp_fail(err, KZP_E_OVERFLOW, NULL, "the amount in tiyn does not fit in 64 bits");
    }
    return KZP_OK;
}

/* The upper bound that applies: the article's, a lower General Part maximum, or the order
 * procedure's range; then an Art. 55 cap of the article's maximum if it is lower still. */
static int upper_bound(kzp_sanction *s, const range_job *job, const kzp_order_def *op)
{
    if (op) {
        s->max = bound(op->max_centi, KZP_BOUND_ORDER_PROCEDURE, op->citation);
    } else if (s->general_max.set && s->general_max.centi < s->article_max.centi) {
        s->max = s->general_max;
    } else {
        s->max = s->article_max;
    }
    /* The largest amount in hundredths not above article max x num/den: exact, since an amount
     * fits the cap exactly when amount x den <= max x num. */
    int64_t scaled;
    if (!kzp_mul_i64(&scaled, s->article_max.centi, job->cap_num)) {
        return kzp_fail(job->err, KZP_E_OVERFLOW, NULL, "the capped bound does not fit in 64 bits");
    }
    if (scaled / job->cap_den < s->max.centi) {
        s->max = bound(scaled / job->cap_den, KZP_BOUND_HALF_CAP, job->cap_citation);
        s->capped = 1;
    }
    return KZP_OK;
}

/* The lower bound that applies: the order procedure's own, or the higher of the article's and
 * the General Part's, each unless a cited rule lifts it under the flags asked (the article's:
 * Art. 55 part 6; the General Part's: per kind, e.g. Art. 41 part 7 for a fine). */
static void lower_bound(kzp_sanction *s, const range_job *job, const kzp_general_def *g, const kzp_order_def *op)
{
    if (op) {
        s->min = op->has_min ? bound(op->min_centi, KZP_BOUND_ORDER_PROCEDURE, op->citation) : NO_BOUND;
        return;
    }
    kzp_bound article = s->article_min, general = s->general_min;
    if (article.set && (job->ctx->article_lift_flags & job->flags)) {
        s->min_lifted_by = job->ctx->article_lift_citation;
        article = NO_BOUND;
    }
    if (general.set && (g->lift_flags & job->flags)) {
        s->min_lifted_by = g->lift_citation;
        general = NO_BOUND;
    }
    s->min = article;
    if (general.set && (!s->min.set || general.centi > s->min.centi)) {
        s->min = general;
    }
}

static int build_sanction(kzp_sanction *s, kzp_range *r, const range_job *job, const kzp_sanction_def *d,
                          const kzp_order_def *op)
{
    const kzp_ctx *ctx = job->ctx;
    const kzp_general_def *g = general_for(ctx, job->a->category, d->kind);
    memset(s, 0, sizeof *s);
    s->kind = d->kind;
    s->unit = d->unit;
    s->has_tiyn = d->unit == KZP_UNIT_MCI && r->has_mci;
    s->citation = d->citation;
    s->article_max = bound(d->max_centi, KZP_BOUND_ARTICLE, d->citation);
    s->article_min = d->has_min ? bound(d->min_centi, KZP_BOUND_ARTICLE, d->citation) : NO_BOUND;
    if (g) {
        s->general_min = g->has_min ? bound(g->min_centi, KZP_BOUND_GENERAL_PART, g->citation) : NO_BOUND;
        s->general_max = g->has_max ? bound(g->max_centi, KZP_BOUND_GENERAL_PART, g->citation) : NO_BOUND;
        s->per_day_max_centi = g->per_day_centi;
        s->per_day_citation = g->per_day_centi ? g->citation : NULL;
    }
    s->restriction = restriction_for(ctx, d->kind);
    int rc = upper_bound(s, job, op);
    if (rc) {
        return rc;
    }
    lower_bound(s, job, g, op);
    const kzp_citation *article_lift =
        s->article_min.set && (job->ctx->article_lift_flags & job->flags) ? job->ctx->article_lift_citation : NULL;
    const kzp_citation *cited[] = {d->citation,
                                   g ? g->citation : NULL,
                                   s->min_lifted_by,
                                   article_lift,
                                   s->restriction ? s->restriction->citation : NULL,
                                   op ? op->citation : NULL};
    for (size_t i = 0; i < sizeof cited / sizeof cited[0] && !rc; i++) {
        rc = add_basis(r, cited[i], job->err);
    }
    if (!rc && s->has_tiyn) {
        kzp_bound *priced[] = {&s->min, &s->max, &s->article_min, &s->article_max, &s->general_min, &s->general_max};
        for (size_t i = 0; i < sizeof priced / sizeof priced[0] && !rc; i++) {
            rc = price(priced[i], r->mci.tenge, job->err);
        }
    }
    return rc;
}

/* The MCI in force on the offence day, with the rule of each kind priced by it (Art. 41 part 1
 * for a fine, Art. 42 part 1 for correctional work), when any alternative is in MCI. */
static int price_day(kzp_range *r, const range_job *job, int32_t day, const char *date, const bool *included)
{
    const kzp_article_def *a = job->a;
    int rc = KZP_OK;
    for (size_t i = 0; i < a->sanction_count && !rc; i++) {
        const kzp_sanction_def *d = &a->sanctions[i];
        if (!included[i] || d->unit != KZP_UNIT_MCI) {
            continue;
        }
        if (!r->has_mci) {
            rc = kzp_mci_lookup(&r->mci, job->ctx, day, date, KZP_PURPOSE_FINES, job->flags, job->err);
            if (job->price_optional && (rc == KZP_E_MCI_STALE || rc == KZP_E_MCI_BEFORE_FIRST)) {
                return KZP_OK; /* a check of amounts in MCI, hours or days: the range is given unpriced */
            }
            if (rc || (rc = add_basis(r, r->mci.citation, job->err))) {
                return rc;
            }
            r->has_mci = 1;
            r->stale = r->mci.stale;
            if (r->mci.certainty > r->certainty) {
                r->certainty = r->mci.certainty;
            }
        }
        rc = add_basis(r, d->kind == KZP_KIND_FINE ? job->ctx->fine_day_citation : job->ctx->cw_day_citation, job->err);
    }
    return rc;
}

/* The payments collected beside the punishment for the article's category (Art. 98-2). Each
 * carries its own citations and certainty, so an estimate in pricing one (which day's MCI)
 * does not weaken the range; in strict mode such an estimate is not made. */
static void add_payments(kzp_range *r, const range_job *job, int32_t day, const char *date)
{
    const kzp_ctx *ctx = job->ctx;
    for (size_t i = 0; i < ctx->payment_count && r->payment_count < KZP_MAX_PAYMENTS; i++) {
        const kzp_payment_def *d = &ctx->payments[i];
        if (d->category != job->a->category) {
            continue;
        }
        kzp_payment *p = &r->payments[r->payment_count++];
        memset(p, 0, sizeof *p);
        p->id = d->id;
        memcpy(p->name, d->name, sizeof p->name);
        p->mci_centi = d->mci_centi;
        p->citation = d->citation;
        p->certainty = d->citation->certainty;
        bool estimate = d->priced_by && d->priced_by->certainty >= KZP_CERT_UNVERIFIED;
        if (!d->priced_by || (estimate && (job->flags & KZP_Q_STRICT))) {
            continue;
        }
        kzp_mci m = r->mci;
        if (!r->has_mci && kzp_mci_lookup(&m, ctx, day, date, KZP_PURPOSE_FINES, job->flags, NULL) != KZP_OK) {
            continue; /* no MCI for the day: the payment stays in MCI only */
        }
        if (!kzp_mul_i64(&p->tiyn, d->mci_centi, m.tenge)) {
            p->tiyn = 0;
            continue;
        }
        p->priced = 1;
        p->priced_by = d->priced_by;
        p->certainty = p->certainty > d->priced_by->certainty ? p->certainty : d->priced_by->certainty;
        p->certainty = p->certainty > m.certainty ? p->certainty : m.certainty;
    }
}

/* The offence dates with the same range: from the article's entry into force and the pricing
 * rule's start, within the dates the day's MCI lookup answers alike (it decides the amounts, the
 * payments, and whether the range is priced at all). Conservative where the range has nothing in
 * MCI: still narrowed by the MCI's dates, never wider than the truth. */
static void set_validity(kzp_range *r, const kzp_ctx *ctx, const kzp_article_def *a, int32_t day)
{
    int32_t from, until;
    kzp_mci_interval(ctx, day, KZP_PURPOSE_FINES, &from, &until);
    from = a->in_force_from > from ? a->in_force_from : from;
    from = ctx->pricing_from > from ? ctx->pricing_from : from;
    kzp_date_format_days(r->valid_from, from);
    kzp_date_format_days(r->valid_until, until);
}

/* Copy a range's set fields and the used part of its arrays (a kzp_range is a few KB, most of
 * it unused slots). */
static void range_copy(kzp_range *dst, const kzp_range *src)
{
    dst->article = src->article;
    memcpy(dst->offence_date, src->offence_date, sizeof dst->offence_date);
    dst->flags = src->flags;
    dst->has_mci = src->has_mci;
    if (src->has_mci) {
        dst->mci = src->mci;
    }
    dst->sanction_count = src->sanction_count;
    memcpy(dst->sanctions, src->sanctions, src->sanction_count * sizeof src->sanctions[0]);
    dst->certainty = src->certainty;
    dst->stale = src->stale;
    dst->basis_count = src->basis_count;
    // NOLINTNEXTLINE(bugprone-sizeof-expression): basis is an array of pointers; one pointer is the element
    memcpy(dst->basis, src->basis, src->basis_count * sizeof src->basis[0]);
    dst->caps[0] = src->caps[0];
    dst->caps[1] = src->caps[1];
    dst->order_procedure = src->order_procedure;
    dst->order_procedure_kinds = src->order_procedure_kinds;
    dst->omitted_count = src->omitted_count;
    memcpy(dst->omitted_kinds, src->omitted_kinds, src->omitted_count * sizeof src->omitted_kinds[0]);
    dst->payment_count = src->payment_count;
    memcpy(dst->payments, src->payments, src->payment_count * sizeof src->payments[0]);
    memcpy(dst->valid_from, src->valid_from, sizeof dst->valid_from);
    memcpy(dst->valid_until, src->valid_until, sizeof dst->valid_until);
}

/* Which alternatives the query keeps: all, or under the order procedure those it has a rule for. */
static int select_alternatives(kzp_range *r, const range_job *job, const kzp_order_def **ops, bool *included)
{
    const kzp_article_def *a = job->a;
    bool any = false;
    for (size_t i = 0; i < a->sanction_count; i++) {
        ops[i] = job->flags & KZP_Q_ORDER_PROCEDURE ? order_for(job->ctx, a->category, a->sanctions[i].kind) : NULL;
        included[i] = !(job->flags & KZP_Q_ORDER_PROCEDURE) || ops[i];
        any = any || included[i];
        if (!included[i]) {
            r->omitted_kinds[r->omitted_count++] = a->sanctions[i].kind;
        } else if (ops[i]) {
            r->order_procedure = r->order_procedure ? r->order_procedure : ops[i]->citation;
        }
    }
    if ((job->flags & KZP_Q_ORDER_PROCEDURE) && any) {
        r->order_procedure_kinds = job->ctx->order_kinds_citation;
        return add_basis(r, r->order_procedure_kinds, job->err);
    }
    if (!any) {
        return kzp_fail(job->err, KZP_E_NO_RULE, NULL,
                        "the dataset has no order-procedure rule (Art. 55 part 3) for any alternative of Article %s, "
                        "a %s",
                        a->id, kzp_category_name(a->category));
    }
    return KZP_OK;
}

static int range_get(kzp_range *out, const kzp_ctx *ctx, const char *article, const char *offence_date, unsigned flags,
                     bool price_optional, kzp_error *err)
{
    if (!out || !ctx || !article || !offence_date) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_range_get");
    }
    if (flags & ~KZP_Q_KNOWN) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "unknown query flags 0x%x", flags & ~KZP_Q_KNOWN);
    }
    int32_t day;
    if (!kzp_date_parse_days(&day, offence_date)) {
        return kzp_date_check(offence_date, err);
    }
    const kzp_article_def *a = kzp_article_find(ctx, article);
    if (!a) {
        return kzp_article_unknown(ctx, article, err);
    }
    if (day < a->in_force_from) {
        return kzp_fail(
            err, KZP_E_NOT_IN_FORCE, NULL,
            "Article %s applies to offences committed on or after %s; an offence on %s is not covered by it", a->id,
            a->in_force_iso, offence_date);
    }
    int rc = kzp_pricing_covers(ctx, day, offence_date, err);
    if (rc) {
        return rc;
    }
    kzp_range r; /* the scalar fields are set here; the arrays are filled up to their counts */
    r.has_mci = 0;
    r.stale = 0;
    r.certainty = KZP_CERT_OFFICIAL;
    r.sanction_count = 0;
    r.basis_count = 0;
    r.caps[0] = r.caps[1] = NULL;
    r.order_procedure = NULL;
    r.order_procedure_kinds = NULL;
    r.omitted_count = 0;
    r.payment_count = 0;
    r.article = a->id;
    r.flags = flags;
    memcpy(r.offence_date, offence_date, sizeof r.offence_date);
    range_job job = {
        .ctx = ctx, .a = a, .flags = flags, .cap_num = 1, .cap_den = 1, .price_optional = price_optional, .err = err};
    const kzp_order_def *ops[KZP_MAX_SANCTIONS] = {NULL};
    bool included[KZP_MAX_SANCTIONS] = {false};
    if ((rc = add_basis(&r, a->citation, err)) || (rc = add_basis(&r, a->in_force_citation, err)) ||
        (rc = add_basis(&r, a->category_citation, err)) || (rc = find_cap(&job, &r)) ||
        (rc = select_alternatives(&r, &job, ops, included)) ||
        (rc = price_day(&r, &job, day, offence_date, included))) {
        return rc;
    }
    for (size_t i = 0; i < a->sanction_count; i++) {
        if (included[i] &&
            (rc = build_sanction(&r.sanctions[r.sanction_count++], &r, &job, &a->sanctions[i], ops[i]))) {
            return rc;
        }
    }
    if ((flags & KZP_Q_STRICT) && (r.stale || kzp_basis_unverified(r.basis, r.basis_count))) {
        return kzp_fail(err, KZP_E_UNVERIFIED, NULL,
                        "strict mode: the range of Article %s on %s relies on an unverified fact", a->id, offence_date);
    }
    add_payments(&r, &job, day, offence_date);
    set_validity(&r, ctx, a, day);
    range_copy(out, &r);
    kzp_error_clear(err);
    return KZP_OK;
}

kzp_status kzp_range_get(kzp_range *out, const kzp_ctx *ctx, const char *article, const char *offence_date,
                         unsigned flags, kzp_error *err)
{
    return range_get(out, ctx, article, offence_date, flags, false, err);
}

/* Article X has no alternative of this kind, or the order procedure leaves it out. */
static int no_sanction(const kzp_range *r, const char *article, int kind, kzp_error *err)
{
    for (size_t i = 0; i < r->omitted_count; i++) {
        if (r->omitted_kinds[i] == kind) {
            return kzp_fail(err, KZP_E_NO_SANCTION, NULL,
                            "the order procedure gives Article %s no %s: the dataset's order-procedure rules (%s; "
                            "citation %s) allow only the alternatives they list",
                            article, kzp_kind_name(kind),
                            r->order_procedure ? r->order_procedure->reference : "Art. 55 part 3",
                            r->order_procedure_kinds ? r->order_procedure_kinds->id : "none");
        }
    }
    return kzp_fail(err, KZP_E_NO_SANCTION, NULL, "Article %s provides no %s", article, kzp_kind_name(kind));
}

kzp_status kzp_check_sentence(kzp_check *out, const kzp_ctx *ctx, const char *article, const char *offence_date,
                              int kind, kzp_qty amount, unsigned flags, kzp_error *err)
{
    int64_t amount_centi = amount.centi;
    if (!out || !ctx || !article || !offence_date) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_check_sentence");
    }
    if (!kzp_kind_name(kind)) {
        return kzp_fail(err, KZP_E_UNKNOWN_KIND, NULL, "sanction kind %d is not known", kind);
    }
    int unit = kzp_kind_unit(kind);
    if (amount_centi == KZP_QTY_INVALID) {
        return kzp_fail(err, KZP_E_OVERFLOW, NULL, "the amount is too large to hold in hundredths");
    }
    if (amount_centi < 0) {
        return kzp_fail(err, KZP_E_BAD_NUMBER, NULL, "a sentence cannot be negative");
    }
    if (unit != KZP_UNIT_MCI && amount_centi % 100 != 0) {
        return kzp_fail(err, KZP_E_BAD_NUMBER, NULL, "%s is imposed in whole %s", kzp_kind_name(kind),
                        kzp_unit_name(unit));
    }
    /* kzp_check embeds a kzp_range: build it in a local and copy only on success. */
    kzp_check c;
    /* the bounds are in the sentence's own unit: a check needs no MCI, and gives the range unpriced
     * when the MCI of the day is not known (a date after the table) */
    int rc = range_get(&c.range, ctx, article, offence_date, flags, true, err);
    if (rc) {
        return rc;
    }
    const kzp_sanction *s = NULL;
    // kzp_range_get set the range on success (the analyzer does not follow rc)
    for (size_t i = 0; i < c.range.sanction_count; i++) { // NOLINT(clang-analyzer-core.UndefinedBinaryOperatorResult)
        if (c.range.sanctions[i].kind == kind) {
            s = &c.range.sanctions[i];
        }
    }
    if (!s) {
        return no_sanction(&c.range, article, kind, err);
    }
    const kzp_bound *limit = &s->max;
    c.violation = KZP_VIOLATION_NONE;
    c.excess_centi = 0;
    if (amount_centi == 0) {
        c.violation = KZP_VIOLATION_NOT_POSITIVE;
        limit = NULL;
    } else if (s->min.set && amount_centi < s->min.centi) {
        c.violation = KZP_VIOLATION_BELOW_MIN;
        limit = &s->min;
        c.excess_centi = s->min.centi - amount_centi;
    } else if (amount_centi > s->max.centi) {
        c.violation = KZP_VIOLATION_ABOVE_MAX;
        c.excess_centi = amount_centi - s->max.centi;
    }
    out->fits = c.violation == KZP_VIOLATION_NONE;
    out->violation = c.violation;
    out->kind = kind;
    out->unit = unit;
    out->amount_centi = amount_centi;
    out->limit_centi = limit ? limit->centi : 0;
    out->excess_centi = c.excess_centi;
    out->limit_source = limit ? limit->source : KZP_BOUND_NONE;
    out->limit_citation = limit ? limit->citation : NULL;
    range_copy(&out->range, &c.range);
    memcpy(out->valid_from, c.range.valid_from, sizeof out->valid_from);
    memcpy(out->valid_until, c.range.valid_until, sizeof out->valid_until);
    kzp_error_clear(err);
    return KZP_OK;
}
