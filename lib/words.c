/* Whole numbers and tenge amounts in words: Russian (with gender and the genitive after
 * "до"), Kazakh and English. Conventions and their reasons are in docs/words.md. */
#include "kzp_internal.h"

#include <stdio.h>
#include <string.h>

/* ---- Russian ---- */

/* [case][digit] for units by gender; index 0 unused. */
static const char *const RU_UNITS[2][4][10] = {
    {/* nominative */
     {"", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"},
     {"", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"},
     {"", "одно", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"},
     {"", "одни", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"}},
    {/* genitive */
     {"", "одного", "двух", "трех", "четырех", "пяти", "шести", "семи", "восьми", "девяти"},
     {"", "одной", "двух", "трех", "четырех", "пяти", "шести", "семи", "восьми", "девяти"},
     {"", "одного", "двух", "трех", "четырех", "пяти", "шести", "семи", "восьми", "девяти"},
     {"", "одних", "двух", "трех", "четырех", "пяти", "шести", "семи", "восьми", "девяти"}},
};
static const char *const RU_TEENS[2][10] = {
    {"десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать",
     "восемнадцать", "девятнадцать"},
    {"десяти", "одиннадцати", "двенадцати", "тринадцати", "четырнадцати", "пятнадцати", "шестнадцати", "семнадцати",
     "восемнадцати", "девятнадцати"},
};
static const char *const RU_TENS[2][10] = {
    {"", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"},
    {"", "", "двадцати", "тридцати", "сорока", "пятидесяти", "шестидесяти", "семидесяти", "восьмидесяти", "девяноста"},
};
static const char *const RU_HUNDREDS[2][10] = {
    {"", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"},
    {"", "ста", "двухсот", "трехсот", "четырехсот", "пятисот", "шестисот", "семисот", "восьмисот", "девятисот"},
};
/* Scale nouns: [scale][case][form]; form 0 after 1, 1 after 2-4, 2 otherwise. In the genitive
 * the noun is genitive singular after 1 and genitive plural after anything else. */
static const char *const RU_SCALES[3][2][3] = {
    {{"тысяча", "тысячи", "тысяч"}, {"тысячи", "тысяч", "тысяч"}},
    {{"миллион", "миллиона", "миллионов"}, {"миллиона", "миллионов", "миллионов"}},
    {{"миллиард", "миллиарда", "миллиардов"}, {"миллиарда", "миллиардов", "миллиардов"}},
};
static const int RU_SCALE_GENDER[3] = {KZP_GENDER_FEMININE, KZP_GENDER_MASCULINE, KZP_GENDER_MASCULINE};

static void ru_triple(kzp_text *o, int n, int gender, int gcase)
{
    if (n >= 100) {
        kzp_text_word(o, RU_HUNDREDS[gcase][n / 100]);
    }
    int t = n % 100;
    if (t >= 10 && t < 20) {
        kzp_text_word(o, RU_TEENS[gcase][t - 10]);
        return;
    }
    if (t >= 20) {
        kzp_text_word(o, RU_TENS[gcase][t / 10]);
    }
    if (t % 10) {
        kzp_text_word(o, RU_UNITS[gcase][gender][t % 10]);
    }
}

/* ---- Kazakh and English: numerals do not change ---- */

static const char *const KK_UNITS[10] = {"", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"};
static const char *const KK_TENS[10] = {"",    "он",    "жиырма", "отыз",   "қырық",
                                        "елу", "алпыс", "жетпіс", "сексен", "тоқсан"};
static const char *const KK_SCALES[3] = {"мың", "миллион", "миллиард"};

static void kk_triple(kzp_text *o, int n)
{
    if (n >= 100) {
        /* "бір жүз", "екі жүз": as the Code writes them, and as "бір мың" (docs/words.md). */
        kzp_text_word(o, KK_UNITS[n / 100]);
        kzp_text_word(o, "жүз");
    }
    if (n % 100 >= 10) {
        kzp_text_word(o, KK_TENS[n % 100 / 10]);
    }
    if (n % 10) {
        kzp_text_word(o, KK_UNITS[n % 10]);
    }
}

static const char *const EN_SMALL[20] = {
    "",    "one",    "two",    "three",    "four",     "five",    "six",     "seven",     "eight",    "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
static const char *const EN_TENS[10] = {"",      "",      "twenty",  "thirty", "forty",
                                        "fifty", "sixty", "seventy", "eighty", "ninety"};
static const char *const EN_SCALES[3] = {"thousand", "million", "billion"};

static void en_triple(kzp_text *o, int n)
{
    if (n >= 100) {
        kzp_text_word(o, EN_SMALL[n / 100]);
        kzp_text_word(o, "hundred");
    }
    int t = n % 100;
    if (t >= 20) {
        char w[32];
        snprintf(w, sizeof w, "%s%s%s", EN_TENS[t / 10], t % 10 ? "-" : "", EN_SMALL[t % 10]);
        kzp_text_word(o, w);
    } else if (t > 0) {
        kzp_text_word(o, EN_SMALL[t]);
    }
}

/* ---- The number ---- */

void kzp_text_number(kzp_text *o, int64_t n, int lang, int gender, int gcase)
{
    if (n == 0) {
        static const char *const ZERO[3][2] = {{"zero", "zero"}, {"ноль", "ноля"}, {"нөл", "нөл"}};
        kzp_text_word(o, ZERO[lang][gcase]);
        return;
    }
    int groups[4]; /* units, thousands, millions, billions */
    for (int i = 0; i < 4; i++) {
        groups[i] = (int)(n % 1000);
        n /= 1000;
    }
    for (int g = 3; g >= 0; g--) {
        int v = groups[g];
        if (v == 0) {
            continue;
        }
        if (lang == KZP_LANG_RU) {
            ru_triple(o, v, g > 0 ? RU_SCALE_GENDER[g - 1] : gender, gcase);
            if (g > 0) {
                kzp_text_word(o, RU_SCALES[g - 1][gcase][kzp_ru_plural((uint64_t)v)]);
            }
        } else if (lang == KZP_LANG_KK) {
            kk_triple(o, v);
            if (g > 0) {
                kzp_text_word(o, KK_SCALES[g - 1]);
            }
        } else {
            en_triple(o, v);
            if (g > 0) {
                kzp_text_word(o, EN_SCALES[g - 1]);
            }
        }
    }
}

static bool words_args_ok(const char *buf, size_t size, int lang, int gender, int gcase)
{
    return (buf || size == 0) && lang >= KZP_LANG_EN && lang <= KZP_LANG_KK && gender >= KZP_GENDER_MASCULINE &&
           gender <= KZP_GENDER_PLURAL && (gcase == KZP_CASE_NOMINATIVE || gcase == KZP_CASE_GENITIVE);
}

int kzp_number_words(char *buf, size_t size, int64_t n, int lang, int gender, int gcase)
{
    if (!words_args_ok(buf, size, lang, gender, gcase)) {
        return KZP_E_INVALID_ARG;
    }
    if (n < 0 || n > KZP_WORDS_MAX) {
        return KZP_E_BAD_NUMBER;
    }
    kzp_text o;
    kzp_text_init(&o, buf, size);
    kzp_text_number(&o, n, lang, gender, gcase);
    return kzp_text_result(&o);
}

/* Russian "тенге" is counted as a masculine noun ("двадцать один тенге"); it does not change. */
static const char *const CURRENCY[3] = {"tenge", "тенге", "теңге"};
static const char *const TIYN[3] = {"tiyn", "тиын", "тиын"};

/* The caller has checked 0 <= tiyn and tiyn / 100 <= KZP_WORDS_MAX. gcase shapes the Russian
 * words: genitive after "от" and "до". Without the currency, tiyn are not written either (the
 * caller leaves it out only for whole tenge). */
void kzp_text_money(kzp_text *o, int64_t tiyn, int lang, bool figures, int gcase, bool currency)
{
    if (figures) {
        /* the whole tenge grouped as the language groups them, without the currency word */
        char fig[64];
        kzp_tenge_format(fig, sizeof fig, tiyn / 100 * 100, kzp_lang_money_style(lang));
        char *space = strrchr(fig, ' ');
        if (space) {
            *space = '\0'; /* drop " KZT" / " тенге" / " теңге": the currency follows the words */
        }
        kzp_text_word(o, fig);
        kzp_text_put(o, " (");
        kzp_text_number(o, tiyn / 100, lang, KZP_GENDER_MASCULINE, gcase);
        kzp_text_put(o, ")");
    } else {
        kzp_text_number(o, tiyn / 100, lang, KZP_GENDER_MASCULINE, gcase);
    }
    if (!currency) {
        return;
    }
    kzp_text_word(o, CURRENCY[lang]);
    if (tiyn % 100) {
        char t[8];
        snprintf(t, sizeof t, "%02d", (int)(tiyn % 100));
        kzp_text_word(o, t);
        kzp_text_word(o, TIYN[lang]);
    }
}

static int money_entry(char *buf, size_t size, int64_t tiyn, int lang, bool figures)
{
    if (!words_args_ok(buf, size, lang, 0, 0)) {
        return KZP_E_INVALID_ARG;
    }
    if (tiyn < 0 || tiyn / 100 > KZP_WORDS_MAX) {
        return KZP_E_BAD_NUMBER;
    }
    kzp_text o;
    kzp_text_init(&o, buf, size);
    kzp_text_money(&o, tiyn, lang, figures, KZP_CASE_NOMINATIVE, true);
    return kzp_text_result(&o);
}

int kzp_tenge_words(char *buf, size_t size, int64_t tiyn, int lang)
{
    return money_entry(buf, size, tiyn, lang, false);
}

int kzp_tenge_figures_words(char *buf, size_t size, int64_t tiyn, int lang)
{
    return money_entry(buf, size, tiyn, lang, true);
}
