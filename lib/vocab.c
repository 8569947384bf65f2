/* The dataset's words for kinds, units, purposes, certainties and categories. */
#include "kzp_internal.h"

#include <string.h>

static const char *const KINDS[] = {"fine", "community_service", "arrest", "correctional_work"};
static const char *const UNITS[] = {"mci", "hours", "days"};
static const char *const PURPOSES[] = {"fines", "benefits"};
static const char *const CERTAINTIES[] = {"official", "statement", "unverified", "hypothetical"};
static const char *const CATEGORIES[] = {"criminal_offence", "crime"};
static const char *const VIOLATIONS[] = {"fits", "above_max", "below_min", "not_positive"};
static const char *const BOUND_SOURCES[] = {"none", "article", "general_part", "half_cap", "order_procedure"};
static const char *const RULES[KZP_RULE_COUNT] = {"aggregation", "unpaid-fine", "evaded-service"};
/* The unit each kind is counted in (Criminal Code: fines and correctional work in MCI,
 * community service in hours, arrest in days). */
static const int KIND_UNITS[] = {KZP_UNIT_MCI, KZP_UNIT_HOURS, KZP_UNIT_DAYS, KZP_UNIT_MCI};

#define NAME_AT(table, i) ((i) >= 0 && (size_t)(i) < sizeof(table) / sizeof((table)[0]) ? (table)[i] : NULL)

const char *kzp_kind_name(int kind)
{
    return NAME_AT(KINDS, kind);
}
const char *kzp_unit_name(int unit)
{
    return NAME_AT(UNITS, unit);
}
const char *kzp_purpose_name(int purpose)
{
    return NAME_AT(PURPOSES, purpose);
}
const char *kzp_certainty_name(int certainty)
{
    return NAME_AT(CERTAINTIES, certainty);
}
const char *kzp_category_name(int category)
{
    return NAME_AT(CATEGORIES, category);
}
const char *kzp_violation_name(int violation)
{
    return NAME_AT(VIOLATIONS, violation);
}

const char *kzp_bound_source_name(int source)
{
    return NAME_AT(BOUND_SOURCES, source);
}
const char *kzp_conversion_rule_name(int rule)
{
    return NAME_AT(RULES, rule);
}

int kzp_kind_unit(int kind)
{
    return kind >= 0 && kind < KZP_KIND_COUNT ? KIND_UNITS[kind] : -1;
}

static int word_find(int *out, const char *word, const char *const *table, size_t n)
{
    if (!out || !word) {
        return KZP_E_INVALID_ARG;
    }
    for (size_t i = 0; i < n; i++) {
        if (strcmp(word, table[i]) == 0) {
            *out = (int)i;
            return KZP_OK;
        }
    }
    return KZP_E_UNKNOWN_KIND;
}

int kzp_kind_parse(int *out, const char *word)
{
    return word_find(out, word, KINDS, KZP_KIND_COUNT);
}
int kzp_conversion_rule_parse(int *out, const char *word)
{
    return word_find(out, word, RULES, KZP_RULE_COUNT);
}
int kzp_purpose_parse(int *out, const char *word)
{
    return word_find(out, word, PURPOSES, 2);
}

int kzp_unit_parse(int *out, const char *word)
{
    return word_find(out, word, UNITS, 3);
}
int kzp_certainty_parse(int *out, const char *word)
{
    return word_find(out, word, CERTAINTIES, 4);
}
int kzp_category_parse(int *out, const char *word)
{
    return word_find(out, word, CATEGORIES, 2);
}
