/* The words of the vocabulary: kinds, units, purposes, certainties, categories, languages and
 * money styles, by their enum value. */
#include "kzp_internal.h"

#include <stdio.h>
#include <string.h>

static const char *const KINDS[] = {"fine", "community_service", "arrest", "correctional_work"};
static const char *const UNITS[] = {"mci", "hours", "days"};
static const char *const PURPOSES[] = {"fines", "benefits"};
static const char *const CERTAINTIES[] = {"official", "statement", "unverified", "hypothetical"};
static const char *const CATEGORIES[] = {"criminal_offence", "crime"};
static const char *const VIOLATIONS[] = {"fits", "above_max", "below_min", "not_positive"};
static const char *const BOUND_SOURCES[] = {"none", "article", "general_part", "half_cap", "order_procedure"};
static const char *const RULES[KZP_RULE_COUNT] = {"aggregation", "unpaid-fine", "evaded-service"};
static const char *const LANGS[KZP_LANG_COUNT] = {"en", "ru", "kk"};
static const char *const MONEY_STYLES[KZP_MONEY_STYLE_COUNT] = {"sign", "ru", "kk", "en", "plain"};
static const char *const GENDERS[KZP_GENDER_COUNT] = {"masculine", "feminine", "neuter", "plural"};
static const char *const GCASES[KZP_CASE_COUNT] = {"nominative", "genitive"};
/* how each language's text writes money, by kzp_lang */
static const int LANG_MONEY[KZP_LANG_COUNT] = {KZP_MONEY_EN, KZP_MONEY_RU, KZP_MONEY_KK};
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
const char *kzp_lang_name(int lang)
{
    return NAME_AT(LANGS, lang);
}
const char *kzp_money_style_name(int style)
{
    return NAME_AT(MONEY_STYLES, style);
}
const char *kzp_gender_name(int gender)
{
    return NAME_AT(GENDERS, gender);
}
const char *kzp_gcase_name(int gcase)
{
    return NAME_AT(GCASES, gcase);
}
int kzp_lang_money_style(int lang)
{
    return lang >= 0 && lang < KZP_LANG_COUNT ? LANG_MONEY[lang] : KZP_E_INVALID_ARG;
}

int kzp_kind_unit(int kind)
{
    return kind >= 0 && kind < KZP_KIND_COUNT ? KIND_UNITS[kind] : -1;
}

static kzp_status word_find(int *out, const char *word, const char *const *table, size_t n)
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

/* word_find, with a message that lists the words known (what is asked for is named by what). */
static kzp_status word_find_said(int *out, const char *word, const char *const *table, size_t n, const char *what,
                                 kzp_error *err)
{
    kzp_status rc = word_find(out, word, table, n);
    if (rc == KZP_E_INVALID_ARG) {
        return kzp_fail(err, rc, NULL, "NULL argument: no %s given", what);
    }
    if (rc == KZP_E_UNKNOWN_KIND) {
        char known[96] = "";
        for (size_t i = 0; i < n; i++) {
            size_t o = strlen(known);
            snprintf(known + o, sizeof known - o, "%s%s", i ? ", " : "", table[i]);
        }
        return kzp_fail(err, rc, NULL, "'%.40s' is not a %s; expected one of: %s", word, what, known);
    }
    kzp_error_clear(err);
    return rc;
}

kzp_status kzp_kind_parse(int *out, const char *word)
{
    return word_find(out, word, KINDS, KZP_KIND_COUNT);
}
kzp_status kzp_conversion_rule_parse(int *out, const char *word)
{
    return word_find(out, word, RULES, KZP_RULE_COUNT);
}
kzp_status kzp_purpose_parse(int *out, const char *word)
{
    return word_find(out, word, PURPOSES, 2);
}
kzp_status kzp_lang_parse(int *out, const char *word, kzp_error *err)
{
    return word_find_said(out, word, LANGS, KZP_LANG_COUNT, "language", err);
}
kzp_status kzp_money_style_parse(int *out, const char *word, kzp_error *err)
{
    return word_find_said(out, word, MONEY_STYLES, KZP_MONEY_STYLE_COUNT, "money style", err);
}
kzp_status kzp_gender_parse(int *out, const char *word, kzp_error *err)
{
    return word_find_said(out, word, GENDERS, KZP_GENDER_COUNT, "gender", err);
}
kzp_status kzp_gcase_parse(int *out, const char *word, kzp_error *err)
{
    return word_find_said(out, word, GCASES, KZP_CASE_COUNT, "case", err);
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
