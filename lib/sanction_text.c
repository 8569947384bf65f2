/* One alternative of a range as a sentence for a verdict, in Russian, Kazakh or English:
 * the bound in figures and in words, for a fine the tenge amount too, and the parts of
 * Art. 55 applied. Wording choices are explained in docs/words.md. */
#include "kzp_internal.h"

#include <stdio.h>
#include <string.h>

/* "200 (двухсот)": figures, then words when the amount is whole (a fraction stays in figures).
 * Russian takes the genitive after "до"/"от"; the gender is the unit's. */
static void amount_phrase(char *out, size_t n, int64_t centi, int unit, int lang)
{
    char fig[40], words[512];
    kzp_decimal_format(fig, sizeof fig, centi);
    if (lang != KZP_LANG_EN) {
        char *dot = strchr(fig, '.');
        if (dot) {
            *dot = ',';
        }
    }
    if (centi % 100 != 0 || centi / 100 > KZP_WORDS_MAX) {
        snprintf(out, n, "%s", fig);
        return;
    }
    int gender = unit == KZP_UNIT_DAYS ? KZP_GENDER_PLURAL : KZP_GENDER_MASCULINE; /* сутки; МРП, час */
    kzp_number_words(words, sizeof words, centi / 100, lang, gender,
                     lang == KZP_LANG_RU ? KZP_CASE_GENITIVE : KZP_CASE_NOMINATIVE);
    snprintf(out, n, "%s (%s)", fig, words);
}

/* Russian noun after "до N" (genitive): 1 час -> "до одного часа", 200 -> "до двухсот часов". */
static const char *ru_unit_genitive(int unit, int64_t centi)
{
    if (unit == KZP_UNIT_MCI) {
        return "МРП";
    }
    if (unit == KZP_UNIT_DAYS) {
        return "суток";
    }
    int64_t n = centi / 100;
    bool one = centi % 100 == 0 && n % 10 == 1 && n % 100 != 11;
    return one || centi % 100 != 0 ? "часа" : "часов";
}

/* The parts of Art. 55 applied, as the dataset words them in the language: "ч. 2 ст. 55". */
static void cap_refs(char *out, size_t n, const kzp_range *r, int lang)
{
    out[0] = '\0';
    for (int k = 0; k < 2; k++) {
        if (r->caps[k]) {
            size_t len = strlen(out);
            snprintf(out + len, n - len, "%s%s",
                     len ? (lang == KZP_LANG_EN   ? " and "
                            : lang == KZP_LANG_RU ? " и "
                                                  : " және ")
                         : "",
                     r->caps[k]->reference_in[lang]);
        }
    }
}

int kzp_sanction_text(char *buf, size_t size, const kzp_range *r, size_t index, int lang)
{
    if (!r || index >= r->sanction_count || index >= KZP_MAX_SANCTIONS || lang < KZP_LANG_EN || lang > KZP_LANG_KK ||
        (!buf && size > 0)) {
        return KZP_E_INVALID_ARG;
    }
    const kzp_sanction *s = &r->sanctions[index];
    if (!kzp_kind_name(s->kind) || s->unit != kzp_kind_unit(s->kind)) {
        return KZP_E_INVALID_ARG;
    }
    char hi[600], lo[600] = "", bound[1300], money[700] = "", caps[256], text[2400];
    amount_phrase(hi, sizeof hi, s->max_centi, s->unit, lang);
    if (s->has_min) {
        amount_phrase(lo, sizeof lo, s->min_centi, s->unit, lang);
    }
    if (s->has_tiyn) {
        kzp_tenge_figures_words(money, sizeof money, s->max_tiyn, lang);
    }
    cap_refs(caps, sizeof caps, r, lang);

    if (lang == KZP_LANG_RU) {
        const char *noun = ru_unit_genitive(s->unit, s->max_centi);
        if (s->has_min) {
            snprintf(bound, sizeof bound, "от %s до %s %s", lo, hi, noun);
        } else {
            snprintf(bound, sizeof bound, "до %s %s", hi, noun);
        }
        static const char *const HEAD[KZP_KIND_COUNT] = {"штраф в размере",
                                                         "привлечение к общественным работам на срок", "арест на срок",
                                                         "исправительные работы в размере"};
        snprintf(text, sizeof text, "%s %s%s%s%s%s%s", HEAD[s->kind], bound, money[0] ? ", что составляет " : "", money,
                 caps[0] ? " (с учетом " : "", caps, caps[0] ? " УК РК: не более половины максимума)" : "");
    } else if (lang == KZP_LANG_KK) {
        /* The Code's Kazakh formula: "... айлық есептік көрсеткішке дейінгі мөлшерде айыппұл",
         * "... сағатқа дейінгі мерзімге ...", "... тәулікке дейінгі мерзімге ...". */
        static const char *const UPTO[3] = {"айлық есептік көрсеткішке дейінгі мөлшерде", "сағатқа дейінгі мерзімге",
                                            "тәулікке дейінгі мерзімге"};
        static const char *const WITHIN[3] = {"айлық есептік көрсеткіш мөлшерінде", "сағат мерзімге",
                                              "тәулік мерзімге"};
        static const char *const TAIL[KZP_KIND_COUNT] = {"айыппұл", "қоғамдық жұмыстарға тарту", "қамаққа алу",
                                                         "түзеу жұмыстары"};
        if (s->has_min) {
            snprintf(bound, sizeof bound, "%s – %s %s", lo, hi, WITHIN[s->unit]);
        } else {
            snprintf(bound, sizeof bound, "%s %s", hi, UPTO[s->unit]);
        }
        /* "бұл ... теңгені құрайды": the accusative ending follows the last word. */
        const char *acc = "";
        size_t ml = strlen(money);
        if (ml) {
            acc = ml >= 8 && strcmp(money + ml - 8, "тиын") == 0 ? "ды" : "ні";
        }
        snprintf(text, sizeof text, "%s %s%s%s%s%s%s%s%s", bound, TAIL[s->kind], money[0] ? ", бұл " : "", money, acc,
                 money[0] ? " құрайды" : "", caps[0] ? " (ҚР ҚК " : "", caps,
                 caps[0] ? " ескеріле отырып: ең жоғарғы мөлшердің жартысынан аспайды)" : "");
    } else {
        const char *unit_word = kzp_unit_label(s->unit, KZP_LANG_EN, s->max_centi);
        if (s->has_min) {
            snprintf(bound, sizeof bound, "%s to %s %s", lo, hi, unit_word);
        } else {
            snprintf(bound, sizeof bound, "up to %s %s", hi, unit_word);
        }
        static const char *const HEAD[KZP_KIND_COUNT] = {"a fine of", "community service of", "arrest of",
                                                         "correctional work of"};
        snprintf(text, sizeof text, "%s %s%s%s%s%s%s", HEAD[s->kind], bound, money[0] ? ", which is " : "", money,
                 caps[0] ? " (" : "", caps, caps[0] ? " applied: at most half of the maximum)" : "");
    }
    if (size > 0) {
        snprintf(buf, size, "%s", text);
    }
    return (int)strlen(text);
}
