/* Which MCI applies on a date, and over which dates that answer holds. Periods are ascending;
 * the last one starting on or before the date, for the purpose asked (or for all purposes),
 * applies. */
#include "kzp_internal.h"

#include <string.h>

void kzp_mci_interval(const kzp_ctx *ctx, int32_t day, int purpose, int32_t *from, int32_t *until)
{
    const kzp_period_def *hit = NULL, *next = NULL;
    for (size_t i = 0; i < ctx->period_count; i++) {
        const kzp_period_def *p = &ctx->periods[i];
        if (!(p->purpose_all || p->purpose == purpose)) {
            continue;
        }
        if (p->from <= day) {
            hit = p;
        } else {
            next = p;
            break;
        }
    }
    if (day > ctx->known_until) { /* stale: the last value, an estimate, for every later day */
        *from = ctx->known_until + 1;
        *until = KZP_DAY_MAX;
    } else if (!hit) { /* before the table: no answer until its first period */
        *from = KZP_DAY_MIN;
        *until = next ? next->from - 1 : ctx->known_until;
    } else {
        *from = hit->from;
        *until = next && next->from - 1 < ctx->known_until ? next->from - 1 : ctx->known_until;
    }
}

int kzp_mci_lookup(kzp_mci *out, const kzp_ctx *ctx, int32_t day, const char *date_iso, int purpose, unsigned flags,
                   kzp_error *err)
{
    if (purpose != KZP_PURPOSE_FINES && purpose != KZP_PURPOSE_BENEFITS) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "purpose %d is not KZP_PURPOSE_FINES or KZP_PURPOSE_BENEFITS",
                        purpose);
    }
    const kzp_period_def *hit = NULL;
    for (size_t i = ctx->period_count; i-- > 0;) {
        const kzp_period_def *p = &ctx->periods[i];
        if (p->from <= day && (p->purpose_all || p->purpose == purpose)) {
            hit = p;
            break;
        }
    }
    if (!hit) {
        return kzp_fail(err, KZP_E_MCI_BEFORE_FIRST, NULL,
                        "no MCI is known for %s: the dataset's MCI table starts on %s", date_iso,
                        ctx->periods[0].from_iso);
    }
    int stale = day > ctx->known_until;
    if (stale && !(flags & KZP_Q_ALLOW_STALE)) {
        return kzp_fail(err, KZP_E_MCI_STALE, NULL,
                        "the MCI table is known until %s and %s is later: the MCI for it is set by a budget law "
                        "this dataset does not have yet; add the new period, or allow stale pricing to use %lld "
                        "tenge as an estimate",
                        ctx->known_until_iso, date_iso, (long long)hit->tenge);
    }
    /* A value used beyond the period it is known for is an estimate, not law. */
    int certainty = hit->citation->certainty;
    if (stale && certainty < KZP_CERT_UNVERIFIED) {
        certainty = KZP_CERT_UNVERIFIED;
    }
    if ((flags & KZP_Q_STRICT) && certainty == KZP_CERT_UNVERIFIED) {
        return kzp_fail(err, KZP_E_UNVERIFIED, NULL,
                        stale ? "strict mode: %s is after the MCI table's known period (%s)"
                              : "strict mode: the MCI for %s (%s) is unverified",
                        date_iso, stale ? ctx->known_until_iso : hit->citation->id);
    }
    kzp_mci m = {.tenge = hit->tenge,
                 .tiyn = hit->tenge * 100, /* at most 10^9 tenge (the loader's limit): no overflow */
                 .purpose = purpose,
                 .stale = stale,
                 .certainty = certainty,
                 .citation = hit->citation};
    memcpy(m.from, hit->from_iso, sizeof m.from);
    int32_t vf, vu;
    kzp_mci_interval(ctx, day, purpose, &vf, &vu);
    kzp_date_format_days(m.valid_from, vf);
    kzp_date_format_days(m.valid_until, vu);
    /* date_iso was validated as YYYY-MM-DD: echo it instead of formatting day again */
    memcpy(m.date, date_iso, KZP_ISO_LEN);
    m.date[KZP_ISO_LEN] = '\0';
    *out = m;
    return KZP_OK;
}

int kzp_pricing_covers(const kzp_ctx *ctx, int32_t day, const char *date_iso, kzp_error *err)
{
    if (day >= ctx->pricing_from) {
        return KZP_OK;
    }
    const kzp_citation *c = ctx->pricing_from_citation;
    /* the reason is the citation's note: data, not a rule written here */
    return kzp_fail(err, KZP_E_NOT_IN_FORCE, NULL, "offence on %s, before %s (citation %s): %s", date_iso,
                    ctx->pricing_from_iso, c->id, c->note);
}

kzp_status kzp_mci_on(kzp_mci *out, const kzp_ctx *ctx, const char *date, int purpose, unsigned flags, kzp_error *err)
{
    int32_t day;
    if (!out || !ctx || !date) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_mci_on");
    }
    if (flags & ~KZP_Q_KNOWN) { /* as every query: a flag this version does not know is refused */
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "unknown query flags 0x%x", flags & ~KZP_Q_KNOWN);
    }
    if (!kzp_date_parse_days(&day, date)) {
        return kzp_date_check(date, err);
    }
    int rc = kzp_mci_lookup(out, ctx, day, date, purpose, flags, err);
    if (rc == KZP_OK) {
        kzp_error_clear(err);
    }
    return rc;
}

kzp_status kzp_mci_period_at(kzp_mci_period *out, const kzp_ctx *ctx, size_t index)
{
    if (!out || !ctx || index >= ctx->period_count) {
        return KZP_E_INVALID_ARG;
    }
    const kzp_period_def *p = &ctx->periods[index];
    kzp_mci_period r = {.tenge = p->tenge,
                        .tiyn = p->tenge * 100,
                        .purpose_all = p->purpose_all,
                        .purpose = p->purpose,
                        .citation = p->citation};
    memcpy(r.from, p->from_iso, sizeof r.from);
    *out = r;
    return KZP_OK;
}
