/* Pricing a fine of N MCI: N x the MCI for fines in force on the offence day (Art. 41 part 1). */
#include "kzp_internal.h"

#include <string.h>

kzp_status kzp_fine_compute(kzp_fine *out, const kzp_ctx *ctx, const char *offence_date, kzp_qty mci, unsigned flags,
                            kzp_error *err)
{
    int64_t mci_centi = mci.centi;
    if (!out || !ctx || !offence_date) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_fine_compute");
    }
    if (flags & ~KZP_Q_KNOWN) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "unknown query flags 0x%x", flags & ~KZP_Q_KNOWN);
    }
    int32_t day;
    if (!kzp_date_parse_days(&day, offence_date)) {
        return kzp_date_check(offence_date, err);
    }
    if (mci_centi == KZP_QTY_INVALID) {
        return kzp_fail(err, KZP_E_OVERFLOW, NULL, "the number of MCI is too large to hold in hundredths");
    }
    if (mci_centi < 0) {
        return kzp_fail(err, KZP_E_BAD_NUMBER, NULL, "a fine cannot be a negative number of MCI");
    }
    kzp_fine f; /* every field is set below; the unused basis slots are never read */
    f.basis_count = 0;
    int rc = kzp_pricing_covers(ctx, day, offence_date, err);
    if (rc || (rc = kzp_mci_lookup(&f.mci, ctx, day, offence_date, KZP_PURPOSE_FINES, flags, err))) {
        return rc;
    }
    /* hundredths of an MCI x whole tenge = tiyn. */
    if (!kzp_mul_i64(&f.amount_tiyn, mci_centi, f.mci.tenge)) {
        return kzp_fail(err, KZP_E_OVERFLOW, NULL, "a fine of that many MCI does not fit in 64 bits of tiyn");
    }
    f.mci_centi = mci_centi;
    f.stale = f.mci.stale;
    f.certainty = f.mci.certainty;
    /* two citations: the list cannot be full */
    (void)kzp_basis_add(f.basis, &f.basis_count, &f.certainty, ctx->fine_day_citation);
    (void)kzp_basis_add(f.basis, &f.basis_count, &f.certainty, f.mci.citation);
    if ((flags & KZP_Q_STRICT) && kzp_basis_unverified(f.basis, f.basis_count)) {
        return kzp_fail(err, KZP_E_UNVERIFIED, NULL, "strict mode: the fine for %s relies on an unverified fact",
                        offence_date);
    }
    /* copy what was set: the basis slots in use, not the whole array */
    out->mci_centi = f.mci_centi;
    out->amount_tiyn = f.amount_tiyn;
    out->mci = f.mci;
    out->certainty = f.certainty;
    out->stale = f.stale;
    out->basis_count = f.basis_count;
    /* the same fine for the MCI's dates, from the first day the pricing rule covers */
    memcpy(out->valid_from, f.mci.valid_from, sizeof out->valid_from);
    memcpy(out->valid_until, f.mci.valid_until, sizeof out->valid_until);
    if (ctx->pricing_from > KZP_DAY_MIN && strcmp(out->valid_from, ctx->pricing_from_iso) < 0) {
        memcpy(out->valid_from, ctx->pricing_from_iso, sizeof out->valid_from);
    }
    // NOLINTNEXTLINE(bugprone-sizeof-expression): basis is an array of pointers; one pointer is the element
    memcpy(out->basis, f.basis, f.basis_count * sizeof f.basis[0]);
    kzp_error_clear(err);
    return KZP_OK;
}
