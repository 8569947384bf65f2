/* Art. 61 equivalences: an amount of one kind in whole units of another, with the
 * remainder in the first kind's unit. Nothing is rounded. */
#include "kzp_internal.h"

#include <string.h>

int kzp_convert(kzp_conversion *out, const kzp_ctx *ctx, int from_kind, int64_t amount_centi, int to_kind,
                kzp_error *err)
{
    if (!out || !ctx) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_convert");
    }
    if (!kzp_kind_name(from_kind) || !kzp_kind_name(to_kind)) {
        return kzp_fail(err, KZP_E_UNKNOWN_KIND, NULL, "sanction kind %d is not known",
                        kzp_kind_name(from_kind) ? to_kind : from_kind);
    }
    if (amount_centi < 0) {
        return kzp_fail(err, KZP_E_BAD_NUMBER, NULL, "an amount to convert cannot be negative");
    }
    /* rf, rt: hundredths of each kind's unit worth one day of arrest (multiples of 100). */
    int64_t rf = ctx->equiv_centi[from_kind], rt = ctx->equiv_centi[to_kind];
    if (!ctx->equiv_citation || rf == 0 || rt == 0) {
        return kzp_fail(err, KZP_E_NO_RULE, NULL, "the dataset has no equivalence between %s and %s",
                        kzp_kind_name(from_kind), kzp_kind_name(to_kind));
    }
    /* amount (centi of from) is worth amount x rt / rf centi of to; whole units = that / 100. */
    int64_t scaled, unit_from, used, rest;
    if (!kzp_mul_i64(&scaled, amount_centi, rt) || !kzp_mul_i64(&unit_from, rf, 100)) {
        return kzp_fail(err, KZP_E_OVERFLOW, NULL, "the amount is too large to convert");
    }
    int64_t whole = scaled / unit_from;
    /* remainder in centi of from = amount - whole x 100 x rf / rt; computed times rt to stay exact. */
    if (!kzp_mul_i64(&used, whole, unit_from)) {
        return kzp_fail(err, KZP_E_OVERFLOW, NULL, "the amount is too large to convert");
    }
    rest = scaled - used;
    if (rest % rt != 0) {
        return kzp_fail(err, KZP_E_NO_RULE, NULL,
                        "the dataset's rates for %s and %s leave a remainder that is not a whole number of "
                        "hundredths; the library does not round",
                        kzp_kind_name(from_kind), kzp_kind_name(to_kind));
    }
    kzp_conversion c;
    memset(&c, 0, sizeof c);
    c.from_kind = from_kind;
    c.from_unit = kzp_kind_unit(from_kind);
    c.from_centi = amount_centi;
    c.to_kind = to_kind;
    c.to_unit = kzp_kind_unit(to_kind);
    c.whole = whole;
    c.remainder_centi = rest / rt;
    c.exact = c.remainder_centi == 0;
    c.certainty = ctx->equiv_citation->certainty;
    c.citation = ctx->equiv_citation;
    *out = c;
    kzp_error_clear(err);
    return KZP_OK;
}
