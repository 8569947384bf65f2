/* The sanction range of an article on an offence date, and checking a proposed sentence
 * against it. The half cap of Art. 55 parts 2-3 lowers every alternative's upper bound;
 * when both parts apply the caps do not stack (the dataset's rules hold the fractions). */
#include "kzp_internal.h"

#include <string.h>

/* The cap fraction for the flags asked, or 1/1 when none. */
static int find_cap(int64_t *num, int64_t *den, kzp_range *r, const kzp_ctx *ctx, const kzp_article_def *a,
                    unsigned flags, kzp_error *err)
{
    *num = 1;
    *den = 1;
    const unsigned asked[] = {KZP_Q_MITIGATED, KZP_Q_ACCELERATED};
    for (size_t k = 0; k < 2; k++) {
        if (!(flags & asked[k])) {
            continue;
        }
        const kzp_cap_def *cap = NULL;
        for (size_t i = 0; i < ctx->cap_count; i++) {
            if (ctx->caps[i].flag == asked[k] && ctx->caps[i].category == a->category) {
                cap = &ctx->caps[i];
            }
        }
        if (!cap) {
            return kzp_fail(err, KZP_E_NO_RULE, NULL, "the dataset has no %s cap for a %s (article %s)",
                            asked[k] == KZP_Q_MITIGATED ? "mitigation (Art. 55 part 2)"
                                                        : "accelerated-procedure (Art. 55 part 3)",
                            kzp_category_name(a->category), a->id);
        }
        kzp_basis_add(r->basis, &r->basis_count, &r->certainty, cap->citation);
        r->caps[k] = cap->citation;
        /* Keep the lower fraction: cap->numerator/cap->denominator < num/den. Small numbers, no overflow. */
        if (cap->numerator * *den < *num * cap->denominator) {
            *num = cap->numerator;
            *den = cap->denominator;
        }
    }
    return KZP_OK;
}

/* Copy a range's set fields and the used part of its arrays (a kzp_range is about 1 KB, most
 * of it unused slots). */
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
}

static int price(int64_t *tiyn, int64_t centi, int64_t tenge, kzp_error *err)
{
    /* hundredths of an MCI x whole tenge = tiyn, exactly. */
    if (!kzp_mul_i64(tiyn, centi, tenge)) {
        return kzp_fail(err, KZP_E_OVERFLOW, NULL, "the amount in tiyn does not fit in 64 bits");
    }
    return KZP_OK;
}

int kzp_range_get(kzp_range *out, const kzp_ctx *ctx, const char *article, const char *offence_date, unsigned flags,
                  kzp_error *err)
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
    kzp_range r; /* the scalar fields are set here; the arrays are filled up to their counts */
    r.has_mci = 0;
    r.stale = 0;
    r.certainty = KZP_CERT_OFFICIAL;
    r.sanction_count = 0;
    r.basis_count = 0;
    r.caps[0] = r.caps[1] = NULL;
    r.article = a->id;
    r.flags = flags;
    memcpy(r.offence_date, offence_date, sizeof r.offence_date);
    kzp_basis_add(r.basis, &r.basis_count, &r.certainty, a->citation);
    kzp_basis_add(r.basis, &r.basis_count, &r.certainty, a->in_force_citation);
    kzp_basis_add(r.basis, &r.basis_count, &r.certainty, a->category_citation);

    int64_t num, den;
    int rc = find_cap(&num, &den, &r, ctx, a, flags, err);
    if (rc) {
        return rc;
    }
    for (size_t i = 0; i < a->sanction_count && !r.has_mci; i++) {
        if (a->sanctions[i].unit == KZP_UNIT_MCI) {
            /* Art. 41 part 1: the MCI in force on the day of the offence. */
            if ((rc = kzp_mci_lookup(&r.mci, ctx, day, offence_date, KZP_PURPOSE_FINES, flags, err))) {
                return rc;
            }
            r.has_mci = 1;
            r.stale = r.mci.stale;
            kzp_basis_add(r.basis, &r.basis_count, &r.certainty, ctx->fine_day_citation);
            kzp_basis_add(r.basis, &r.basis_count, &r.certainty, r.mci.citation);
            if (r.mci.certainty > r.certainty) {
                r.certainty = r.mci.certainty;
            }
        }
    }
    r.sanction_count = a->sanction_count;
    for (size_t i = 0; i < a->sanction_count; i++) {
        const kzp_sanction_def *d = &a->sanctions[i];
        kzp_sanction *s = &r.sanctions[i];
        s->has_tiyn = 0;
        s->max_tiyn = s->min_tiyn = 0;
        s->kind = d->kind;
        s->unit = d->unit;
        s->has_min = d->has_min;
        s->min_centi = d->min_centi;
        s->article_max_centi = d->max_centi;
        s->citation = d->citation;
        /* The largest amount in hundredths not above max x num/den: exact, since an amount
         * fits the cap exactly when amount x den <= max x num. */
        int64_t scaled;
        if (!kzp_mul_i64(&scaled, d->max_centi, num)) {
            return kzp_fail(err, KZP_E_OVERFLOW, NULL, "the capped bound does not fit in 64 bits");
        }
        s->max_centi = scaled / den;
        s->capped = s->max_centi < d->max_centi;
        kzp_basis_add(r.basis, &r.basis_count, &r.certainty, d->citation);
        if (d->unit == KZP_UNIT_MCI) {
            s->has_tiyn = 1;
            if ((rc = price(&s->max_tiyn, s->max_centi, r.mci.tenge, err)) ||
                (d->has_min && (rc = price(&s->min_tiyn, s->min_centi, r.mci.tenge, err)))) {
                return rc;
            }
        }
    }
    if ((flags & KZP_Q_STRICT) && (r.stale || kzp_basis_unverified(r.basis, r.basis_count))) {
        return kzp_fail(err, KZP_E_UNVERIFIED, NULL,
                        "strict mode: the range of Article %s on %s relies on an "
                        "unverified fact",
                        a->id, offence_date);
    }
    range_copy(out, &r);
    kzp_error_clear(err);
    return KZP_OK;
}

int kzp_check_sentence(kzp_check *out, const kzp_ctx *ctx, const char *article, const char *offence_date, int kind,
                       int64_t amount_centi, unsigned flags, kzp_error *err)
{
    if (!out || !ctx || !article || !offence_date) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_check_sentence");
    }
    if (!kzp_kind_name(kind)) {
        return kzp_fail(err, KZP_E_UNKNOWN_KIND, NULL, "sanction kind %d is not known", kind);
    }
    int unit = kzp_kind_unit(kind);
    if (amount_centi < 0) {
        return kzp_fail(err, KZP_E_BAD_NUMBER, NULL, "a sentence cannot be negative");
    }
    if (unit != KZP_UNIT_MCI && amount_centi % 100 != 0) {
        return kzp_fail(err, KZP_E_BAD_NUMBER, NULL, "%s is imposed in whole %s", kzp_kind_name(kind),
                        kzp_unit_name(unit));
    }
    /* kzp_check embeds a kzp_range: build it in a local and copy only on success. */
    kzp_check c;
    c.violation = KZP_FITS;
    c.excess_centi = 0;
    int rc = kzp_range_get(&c.range, ctx, article, offence_date, flags, err);
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
        return kzp_fail(err, KZP_E_NO_SANCTION, NULL, "Article %s provides no %s", article, kzp_kind_name(kind));
    }
    c.kind = kind;
    c.unit = unit;
    c.amount_centi = amount_centi;
    c.limit_centi = s->max_centi;
    if (amount_centi == 0) {
        c.violation = KZP_NOT_POSITIVE;
        c.limit_centi = 0;
    } else if (s->has_min && amount_centi < s->min_centi) {
        c.violation = KZP_BELOW_MIN;
        c.limit_centi = s->min_centi;
        c.excess_centi = s->min_centi - amount_centi;
    } else if (amount_centi > s->max_centi) {
        c.violation = KZP_ABOVE_MAX;
        c.excess_centi = amount_centi - s->max_centi;
    }
    c.fits = c.violation == KZP_FITS;
    out->fits = c.fits;
    out->violation = c.violation;
    out->kind = c.kind;
    out->unit = c.unit;
    out->amount_centi = c.amount_centi;
    out->limit_centi = c.limit_centi;
    out->excess_centi = c.excess_centi;
    range_copy(&out->range, &c.range);
    kzp_error_clear(err);
    return KZP_OK;
}
