/* One alternative of a range as a sentence for a verdict, in Russian, Kazakh or English: the
 * bounds the article (or the order procedure) states, in figures and in words, for an amount in
 * MCI the tenge too, and the rule that changed the bound (an Art. 55 half cap, the order
 * procedure). Wording choices are explained in docs/words.md. The text is built into the
 * caller's buffer (kzp_text), so no text from the dataset is cut by a buffer of ours. */
#include "kzp_internal.h"

#include <string.h>

/* "200 (двухсот)": figures, then words when the amount is whole (a fraction stays in figures).
 * Russian takes the genitive after "до"/"от"; the gender is the unit's. */
static void amount_phrase(kzp_text *o, int64_t centi, int unit, int lang)
{
    kzp_text_qty(o, centi, lang);
    if (centi % 100 != 0 || centi / 100 > KZP_WORDS_MAX) {
        return;
    }
    int gender = unit == KZP_UNIT_DAYS ? KZP_GENDER_PLURAL : KZP_GENDER_MASCULINE; /* сутки; МРП, час */
    kzp_text_put(o, " (");
    kzp_text_number(o, centi / 100, lang, gender, lang == KZP_LANG_RU ? KZP_CASE_GENITIVE : KZP_CASE_NOMINATIVE);
    kzp_text_put(o, ")");
}

/* Tenge in figures and words; the currency word is left out after a lower bound without tiyn,
 * where the upper bound's follows ("от 43 250 (...) до 86 500 (...) тенге"). */
static void money_phrase(kzp_text *o, int64_t tiyn, int lang, int gcase, bool currency)
{
    if (tiyn < 0 || tiyn / 100 > KZP_WORDS_MAX) {
        char fig[64]; /* too large for words: figures only */
        kzp_tenge_format(fig, sizeof fig, tiyn, kzp_lang_money_style(lang));
        kzp_text_word(o, fig);
        return;
    }
    kzp_text_money(o, tiyn, lang, true, gcase, currency || tiyn % 100 != 0);
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
    /* after "до": the genitive singular for one (до 21 часа) and for a fraction, else plural */
    bool one = centi % 100 == 0 && kzp_ru_plural((uint64_t)(centi / 100)) == KZP_RU_ONE;
    return one || centi % 100 != 0 ? "часа" : "часов";
}

/* The parts of Art. 55 applied, as the dataset words them in the language: "ч. 2 ст. 55". */
static void cap_refs(kzp_text *o, const kzp_range *r, int lang)
{
    static const char *const AND[3] = {" and ", " и ", " және "};
    bool any = false;
    for (int k = 0; k < 2; k++) {
        if (r->caps[k]) {
            kzp_text_put(o, any ? AND[lang] : "");
            kzp_text_put(o, r->caps[k]->reference_in[lang]);
            any = true;
        }
    }
}

/* The clause that names what changed the bounds: the half cap, or the order procedure. */
static void rule_clause(kzp_text *o, const kzp_range *r, const kzp_sanction *s, bool order, int lang)
{
    static const char *const CAP_OPEN[3] = {" (", " (с учетом ", " (ҚР ҚК "};
    static const char *const CAP_CLOSE[3] = {" applied: at most half of the maximum)",
                                             " УК РК: не более половины максимума)",
                                             " ескеріле отырып: ең жоғарғы мөлшердің жартысынан аспайды)"};
    static const char *const ORDER_OPEN[3] = {" (order procedure, ", " (приказное производство, ",
                                              " (бұйрықты іс жүргізу, ҚР ҚК "};
    static const char *const ORDER_CLOSE[3] = {")", " УК РК)", ")"};
    if (s->capped) {
        kzp_text_put(o, CAP_OPEN[lang]);
        cap_refs(o, r, lang);
        kzp_text_put(o, CAP_CLOSE[lang]);
    }
    if (order && r->order_procedure) {
        kzp_text_put(o, ORDER_OPEN[lang]);
        kzp_text_put(o, r->order_procedure->reference_in[lang]);
        kzp_text_put(o, ORDER_CLOSE[lang]);
    }
}

static void russian(kzp_text *o, const kzp_sanction *s, const kzp_bound *lo)
{
    static const char *const HEAD[KZP_KIND_COUNT] = {"штраф в размере", "привлечение к общественным работам на срок",
                                                     "арест на срок", "исправительные работы в размере"};
    kzp_text_put(o, HEAD[s->kind]);
    if (lo) {
        kzp_text_put(o, " от ");
        amount_phrase(o, lo->centi, s->unit, KZP_LANG_RU);
    }
    kzp_text_put(o, " до ");
    amount_phrase(o, s->max.centi, s->unit, KZP_LANG_RU);
    kzp_text_word(o, ru_unit_genitive(s->unit, s->max.centi));
    if (s->has_tiyn) {
        kzp_text_put(o, ", что составляет");
        if (lo) {
            kzp_text_word(o, "от");
            money_phrase(o, lo->tiyn, KZP_LANG_RU, KZP_CASE_GENITIVE, false);
            kzp_text_word(o, "до");
        }
        money_phrase(o, s->max.tiyn, KZP_LANG_RU, lo ? KZP_CASE_GENITIVE : KZP_CASE_NOMINATIVE, true);
    }
}

/* The Code's Kazakh formula: "... айлық есептік көрсеткішке дейінгі мөлшерде айыппұл",
 * "... сағатқа дейінгі мерзімге ...", "... тәулікке дейінгі мерзімге ...". */
static void kazakh(kzp_text *o, const kzp_sanction *s, const kzp_bound *lo)
{
    static const char *const UPTO[3] = {"айлық есептік көрсеткішке дейінгі мөлшерде", "сағатқа дейінгі мерзімге",
                                        "тәулікке дейінгі мерзімге"};
    static const char *const WITHIN[3] = {"айлық есептік көрсеткіш мөлшерінде", "сағат мерзімге", "тәулік мерзімге"};
    static const char *const TAIL[KZP_KIND_COUNT] = {"айыппұл", "қоғамдық жұмыстарға тарту", "қамаққа алу",
                                                     "түзеу жұмыстары"};
    if (lo) {
        amount_phrase(o, lo->centi, s->unit, KZP_LANG_KK);
        kzp_text_put(o, " – ");
    }
    amount_phrase(o, s->max.centi, s->unit, KZP_LANG_KK);
    kzp_text_word(o, lo ? WITHIN[s->unit] : UPTO[s->unit]);
    kzp_text_word(o, TAIL[s->kind]);
    if (s->has_tiyn) {
        kzp_text_put(o, ", бұл");
        if (lo) {
            money_phrase(o, lo->tiyn, KZP_LANG_KK, KZP_CASE_NOMINATIVE, false);
            kzp_text_put(o, " –");
        }
        money_phrase(o, s->max.tiyn, KZP_LANG_KK, KZP_CASE_NOMINATIVE, true);
        /* "бұл ... теңгені құрайды": the accusative ending follows the last word */
        kzp_text_put(o, s->max.tiyn % 100 != 0 ? "ды құрайды" : "ні құрайды");
    }
}

static void english(kzp_text *o, const kzp_sanction *s, const kzp_bound *lo)
{
    static const char *const HEAD[KZP_KIND_COUNT] = {"a fine of", "community service of", "arrest of",
                                                     "correctional work of"};
    kzp_text_put(o, HEAD[s->kind]);
    kzp_text_put(o, lo ? " " : " up to ");
    if (lo) {
        amount_phrase(o, lo->centi, s->unit, KZP_LANG_EN);
        kzp_text_put(o, " to ");
    }
    amount_phrase(o, s->max.centi, s->unit, KZP_LANG_EN);
    kzp_text_word(o, kzp_unit_label(s->unit, KZP_LANG_EN, kzp_hundredths(s->max.centi)));
    if (s->has_tiyn) {
        kzp_text_put(o, ", which is");
        if (lo) {
            money_phrase(o, lo->tiyn, KZP_LANG_EN, KZP_CASE_NOMINATIVE, false);
            kzp_text_word(o, "to");
        }
        money_phrase(o, s->max.tiyn, KZP_LANG_EN, KZP_CASE_NOMINATIVE, true);
    }
}

int kzp_sanction_text(char *buf, size_t size, const kzp_range *r, size_t index, int lang)
{
    if (!r || index >= r->sanction_count || index >= KZP_MAX_SANCTIONS || lang < KZP_LANG_EN || lang > KZP_LANG_KK ||
        (!buf && size > 0)) {
        return KZP_E_INVALID_ARG;
    }
    const kzp_sanction *s = &r->sanctions[index];
    if (!kzp_kind_name(s->kind) || s->unit != kzp_kind_unit(s->kind) || !s->max.set) {
        return KZP_E_INVALID_ARG;
    }
    /* The sentence states the bounds as the article does (or the order procedure): a General
     * Part minimum is a rule of the Code, not words of the article's sanction. */
    bool order = s->max.source == KZP_BOUND_ORDER_PROCEDURE || s->min.source == KZP_BOUND_ORDER_PROCEDURE;
    const kzp_bound *lo = s->min.set && (s->min.source == KZP_BOUND_ARTICLE || order) ? &s->min : NULL;
    kzp_text o;
    kzp_text_init(&o, buf, size);
    if (lang == KZP_LANG_RU) {
        russian(&o, s, lo);
    } else if (lang == KZP_LANG_KK) {
        kazakh(&o, s, lo);
    } else {
        english(&o, s, lo);
    }
    rule_clause(&o, r, s, order, lang);
    return kzp_text_result(&o);
}
