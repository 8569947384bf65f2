/* Conversions between punishments: an amount of one kind in whole units of another, with the
 * remainder in the first kind's unit, under a rule that holds only for its own purpose:
 * Art. 61 (adding up punishments), Art. 41 part 6 (an unpaid fine), Art. 43 part 2-1 (evaded
 * community service). The rates and the pairs each rule allows are dataset data. Nothing is
 * rounded. */
#include "kzp_internal.h"

#include <stdio.h>
#include <string.h>

/* The rate of a rule for a pair: from_centi of from's unit are worth to_centi of to's unit.
 * False when the rule does not convert that pair. */
static bool rate(const kzp_ctx *ctx, int rule, int from_kind, int to_kind, int64_t *from_centi, int64_t *to_centi)
{
    const kzp_rule_def *d = &ctx->rules[rule];
    if (!d->present) {
        return false;
    }
    if (rule == KZP_RULE_AGGREGATION) {
        /* both worth one day of arrest (a kind against itself: whole units and the fraction left) */
        *from_centi = ctx->equiv_centi[from_kind];
        *to_centi = ctx->equiv_centi[to_kind];
        return *from_centi != 0 && *to_centi != 0;
    }
    for (size_t i = 0; i < d->pair_count; i++) {
        if (d->pairs[i].from_kind == from_kind && d->pairs[i].to_kind == to_kind) {
            *from_centi = d->pairs[i].from_centi;
            *to_centi = d->pairs[i].to_centi;
            return true;
        }
    }
    return false;
}

/* KZP_E_NO_RULE, naming the rules that do convert the pair (or saying none does). */
static int pair_refused(const kzp_ctx *ctx, int rule, int from_kind, int to_kind, kzp_error *err)
{
    char others[96] = "";
    size_t o = 0;
    for (int k = 0; k < KZP_RULE_COUNT; k++) {
        int64_t f, t;
        if (k != rule && rate(ctx, k, from_kind, to_kind, &f, &t) && o < sizeof others) {
            o += (size_t)snprintf(others + o, sizeof others - o, "%s%s", o ? ", " : "", kzp_conversion_rule_name(k));
        }
    }
    const kzp_rule_def *d = &ctx->rules[rule];
    return kzp_fail(err, KZP_E_NO_RULE, NULL, "%s%s%s%s%s does not convert %s into %s; %s%s",
                    d->present ? "the rule " : "the dataset has no rule ", kzp_conversion_rule_name(rule),
                    d->present ? " (" : "", d->present ? d->citation->reference : "", d->present ? ")" : "",
                    kzp_kind_name(from_kind), kzp_kind_name(to_kind),
                    o ? "rules that do: " : "no rule in the dataset does", others);
}

kzp_status kzp_convert_under(kzp_conversion *out, const kzp_ctx *ctx, int rule, int from_kind, kzp_qty amount,
                             int to_kind, kzp_error *err)
{
    int64_t amount_centi = amount.centi;
    if (!out || !ctx) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_convert_under");
    }
    if (!kzp_conversion_rule_name(rule)) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "conversion rule %d is not known", rule);
    }
    if (!kzp_kind_name(from_kind) || !kzp_kind_name(to_kind)) {
        return kzp_fail(err, KZP_E_UNKNOWN_KIND, NULL, "sanction kind %d is not known",
                        kzp_kind_name(from_kind) ? to_kind : from_kind);
    }
    if (amount_centi == KZP_QTY_INVALID) {
        return kzp_fail(err, KZP_E_OVERFLOW, NULL, "the amount is too large to hold in hundredths");
    }
    if (amount_centi < 0) {
        return kzp_fail(err, KZP_E_BAD_NUMBER, NULL, "an amount to convert cannot be negative");
    }
    /* rf centi of from's unit are worth rt centi of to's unit (both multiples of 100). */
    int64_t rf, rt;
    if (!rate(ctx, rule, from_kind, to_kind, &rf, &rt)) {
        return pair_refused(ctx, rule, from_kind, to_kind, err);
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
    const kzp_rule_def *d = &ctx->rules[rule];
    kzp_conversion c;
    memset(&c, 0, sizeof c);
    c.from_kind = from_kind;
    c.from_unit = kzp_kind_unit(from_kind);
    c.from_centi = amount_centi;
    c.to_kind = to_kind;
    c.to_unit = kzp_kind_unit(to_kind);
    c.whole = whole;
    c.whole_centi = whole * 100; /* whole <= amount x rt / (rf x 100), so x 100 cannot overflow */
    c.remainder_centi = rest / rt;
    c.exact = c.remainder_centi == 0;
    c.certainty = d->citation->certainty;
    c.citation = d->citation;
    c.rule = rule;
    memcpy(c.scope, d->scope, sizeof c.scope);
    *out = c;
    kzp_error_clear(err);
    return KZP_OK;
}

kzp_status kzp_convert(kzp_conversion *out, const kzp_ctx *ctx, int from_kind, kzp_qty amount, int to_kind,
                       kzp_error *err)
{
    return kzp_convert_under(out, ctx, KZP_RULE_AGGREGATION, from_kind, amount, to_kind, err);
}
