/* Names of kinds, units and categories in English, Russian and Kazakh, for people.
 * The words are those of the project's legal facts file ("Words"), as the Code uses them. */
#include "kzp_internal.h"

static const char *const KIND_LABELS[KZP_KIND_COUNT][3] = {
    /*                            en                    ru                                      kk */
    [KZP_KIND_FINE] = {"fine", "штраф", "айыппұл"},
    [KZP_KIND_COMMUNITY_SERVICE] = {"community service", "привлечение к общественным работам",
                                    "қоғамдық жұмыстарға тарту"},
    [KZP_KIND_ARREST] = {"arrest", "арест", "қамаққа алу"},
    [KZP_KIND_CORRECTIONAL_WORK] = {"correctional work", "исправительные работы", "түзеу жұмыстары"},
};

static const char *const CATEGORY_LABELS[2][3] = {
    [KZP_CATEGORY_CRIMINAL_OFFENCE] = {"criminal offence", "уголовный проступок", "қылмыстық теріс қылық"},
    [KZP_CATEGORY_CRIME] = {"crime", "преступление", "қылмыс"},
};

/* Per unit: en singular, en plural, ru one, ru few (2-4), ru many (5-20, 0), kk. */
static const char *const UNIT_FORMS[3][6] = {
    [KZP_UNIT_MCI] = {"MCI", "MCI", "МРП", "МРП", "МРП", "АЕК"},
    [KZP_UNIT_HOURS] = {"hour", "hours", "час", "часа", "часов", "сағат"},
    [KZP_UNIT_DAYS] = {"day", "days", "сутки", "суток", "суток", "тәулік"},
};

static bool lang_ok(int lang)
{
    return lang >= KZP_LANG_EN && lang <= KZP_LANG_KK;
}

/* dataset languages are ordered en, ru, kk in kzp_lang */
const char *kzp_kind_label(int kind, int lang)
{
    return kind >= 0 && kind < KZP_KIND_COUNT && lang_ok(lang) ? KIND_LABELS[kind][lang] : NULL;
}

const char *kzp_category_label(int category, int lang)
{
    return category >= 0 && category < 2 && lang_ok(lang) ? CATEGORY_LABELS[category][lang] : NULL;
}

int kzp_ru_plural(uint64_t n)
{
    uint64_t t = n % 100, u = n % 10;
    if (t >= 11 && t <= 14) {
        return KZP_RU_MANY;
    }
    return u == 1 ? KZP_RU_ONE : (u >= 2 && u <= 4) ? KZP_RU_FEW : KZP_RU_MANY;
}

const char *kzp_unit_label(int unit, int lang, kzp_qty amount)
{
    if (unit < 0 || unit > 2 || !lang_ok(lang)) {
        return NULL;
    }
    const char *const *f = UNIT_FORMS[unit];
    int64_t centi = amount.centi;
    uint64_t mag = centi < 0 ? (uint64_t)0 - (uint64_t)centi : (uint64_t)centi;
    bool fraction = mag % 100 != 0;
    uint64_t n = mag / 100;
    if (lang == KZP_LANG_KK) {
        return f[5];
    }
    if (lang == KZP_LANG_EN) {
        return n == 1 && !fraction ? f[0] : f[1];
    }
    /* Russian: a fractional amount takes the genitive singular ("12,5 часа"). */
    return fraction ? f[3] : f[2 + kzp_ru_plural(n)];
}
