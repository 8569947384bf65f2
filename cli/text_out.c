/* Results for people: a readable table in English, Russian or Kazakh, amounts grouped by
 * spaces, each line with its legal basis and the MCI period used. Only words live here;
 * every number and legal term comes from the library. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct ui_text {
    const char *offence_date, *alternatives, *col_kind, *col_min, *col_max, *col_basis, *no_min;
    const char *mci_used, *from, *half_cap, *basis, *certainty, *stale_before, *stale_after;
    const char *fits, *above, *below, *not_positive, *left_before, *left_after, *fine_for;
    const char *mci_for, *fines, *benefits, *col_from, *col_tenge, *col_purpose, *col_status, *col_source;
    const char *all_purposes, *known_until, *in_force, *in_words, *cert[4];
    const char *article_before, *article_after; /* "Article 115-1", "Статья 115-1", "115-1-бап" */
    const char *none, *general_part, *article_sets_none, *lifted_by, *not_lifted, *half_cap_word, *order_word;
    const char *the_article, *per_day_before, *per_day_after, *not_for, *not_in_order, *payments, *rule;
    const char *date_assumed_before, *date_assumed_after; /* around today's date, when no --date was given */
} ui_text;

static const ui_text UI[3] = {
    [KZP_LANG_EN] = {"Offence date",
                     "Alternative punishments (one of)",
                     "punishment",
                     "lower bound",
                     "upper bound",
                     "basis",
                     "none in the article",
                     "MCI on the offence day",
                     "in force from",
                     "Half cap applied",
                     "Legal basis",
                     "Certainty",
                     "WARNING: the MCI table is known until ",
                     "; the last known value was used and may be wrong",
                     "fits",
                     "does not fit: above the upper bound by",
                     "does not fit: below the lower bound by",
                     "does not fit: a sentence must be more than zero",
                     "",
                     " left over",
                     "Fine for an offence on",
                     "MCI",
                     "for fines",
                     "for benefits",
                     "from",
                     "tenge",
                     "purpose",
                     "status",
                     "source",
                     "fines and benefits",
                     "Known until",
                     "in force for offences from",
                     "In words",
                     {"official text", "statement of a state body", "unverified", "hypothetical"},
                     "Article ",
                     "",
                     "none",
                     "General Part",
                     "the article sets none",
                     "not applied under",
                     "no cited rule lifts it",
                     "half cap",
                     "order procedure",
                     "the article",
                     "at most ",
                     " a day",
                     "not imposed on",
                     "Not in the order procedure",
                     "Also collected on a guilty verdict",
                     "Rule",
                     "No date given (--date): the offence date is taken to be today, ",
                     "; the amounts depend on it"},
    [KZP_LANG_RU] = {"Дата совершения",
                     "Альтернативные виды наказания (одно из)",
                     "вид наказания",
                     "нижний предел",
                     "верхний предел",
                     "основание",
                     "статьёй не установлен",
                     "МРП на день совершения",
                     "действует с",
                     "Применено ограничение половиной",
                     "Правовое основание",
                     "Достоверность",
                     "ВНИМАНИЕ: таблица МРП известна до ",
                     "; использовано последнее известное значение, оно может быть неверным",
                     "соответствует",
                     "не соответствует: превышает верхний предел на",
                     "не соответствует: ниже нижнего предела на",
                     "не соответствует: наказание должно быть больше нуля",
                     "остаток ",
                     "",
                     "Штраф за деяние, совершённое",
                     "МРП",
                     "для штрафов",
                     "для пособий",
                     "с",
                     "тенге",
                     "назначение",
                     "статус",
                     "источник",
                     "штрафы и пособия",
                     "Известно до",
                     "применяется к деяниям с",
                     "Прописью",
                     {"официальный текст", "заявление госоргана", "не проверено", "гипотетическое значение"},
                     "Статья ",
                     "",
                     "нет",
                     "Общая часть",
                     "статьей не установлен",
                     "не применяется в силу",
                     "ни одна приведенная норма его не снимает",
                     "ограничение половиной",
                     "приказное производство",
                     "статья",
                     "максимум ",
                     " в день",
                     "не назначается",
                     "В порядке приказного производства не назначаются",
                     "Также взыскивается по обвинительному приговору",
                     "Правило",
                     "Дата не указана (--date): датой совершения считается сегодняшний день, ",
                     "; от неё зависят суммы"},
    [KZP_LANG_KK] = {"Жасалған күні",
                     "Балама жазалар (біреуі)",
                     "жаза түрі",
                     "төменгі шегі",
                     "жоғарғы шегі",
                     "негіз",
                     "бапта белгіленбеген",
                     "Жасалған күнгі АЕК",
                     "қолданылу басы",
                     "Жартысына дейін шектеу қолданылды",
                     "Құқықтық негіз",
                     "Сенімділік",
                     "НАЗАР АУДАРЫҢЫЗ: АЕК кестесі ",
                     " дейін белгілі; соңғы белгілі мән қолданылды, ол қате болуы мүмкін",
                     "сәйкес келеді",
                     "сәйкес келмейді: жоғарғы шектен асатын мөлшер",
                     "сәйкес келмейді: төменгі шектен кем мөлшер",
                     "сәйкес келмейді: жаза нөлден үлкен болуы керек",
                     "қалдық ",
                     "",
                     "Құқық бұзушылық жасалған күні:",
                     "АЕК",
                     "айыппұлдар үшін",
                     "жәрдемақылар үшін",
                     "бастап",
                     "теңге",
                     "мақсаты",
                     "мәртебесі",
                     "дереккөз",
                     "айыппұлдар мен жәрдемақылар",
                     "Белгілі мерзімі",
                     "қолданылу басталған күні",
                     "Жазбаша",
                     {"ресми мәтін", "мемлекеттік органның мәлімдемесі", "тексерілмеген", "болжамды мән"},
                     "",
                     "-бап",
                     "жоқ",
                     "Жалпы бөлім",
                     "бапта белгіленбеген",
                     "қолданылмайды:",
                     "оны ешбір келтірілген норма алып тастамайды",
                     "жартысына дейін шектеу",
                     "бұйрықты іс жүргізу",
                     "бап",
                     "күніне ең көбі ",
                     "",
                     "тағайындалмайды",
                     "Бұйрықты іс жүргізу тәртібімен тағайындалмайды",
                     "Айыптау үкімі бойынша сондай-ақ өндіріп алынады",
                     "Ереже",
                     "Күні көрсетілмеген (--date): жасалған күні ретінде бүгінгі күн алынды, ",
                     "; сомалар соған байланысты"},
};

static void bold(FILE *f, const cli_style *st, const char *s)
{
    fprintf(f, st->color ? "\033[1m%s\033[0m" : "%s", s);
}

static void colored(FILE *f, const cli_style *st, const char *code, const char *s)
{
    if (st->color) {
        fprintf(f, "\033[%sm%s\033[0m", code, s);
    } else {
        fputs(s, f);
    }
}

/* Print s padded to width display columns (UTF-8 aware: continuation bytes take no column). */
static void pad(FILE *f, const char *s, int width)
{
    int cols = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        cols += (*p & 0xC0) != 0x80;
    }
    fputs(s, f);
    for (; cols < width; cols++) {
        fputc(' ', f);
    }
}

/* A quantity with the decimal separator of the language: 12.5 (en), 12,5 (ru, kk). */
static void qty(char *buf, size_t n, int64_t centi, int lang)
{
    (void)kzp_qty_format(buf, n, kzp_hundredths(centi), lang); /* 40 bytes hold any int64 */
}

/* "200 MCI", "50 суток", "12,5 часа" */
static void qty_unit(char *buf, size_t n, int64_t centi, int unit, int lang)
{
    char q[40];
    qty(q, sizeof q, centi, lang);
    snprintf(buf, n, "%s %s", q, kzp_unit_label(unit, lang, kzp_hundredths(centi)));
}

/* Money as the language writes it: "865 000,50 тенге", "865 000,50 теңге", "865,000.50 KZT". */
static void money(char *buf, size_t n, int64_t tiyn, int lang)
{
    kzp_tenge_format(buf, n, tiyn, kzp_lang_money_style(lang));
}

/* "- Act, reference (certainty)" and what it supports; who said it when it is not the text itself. */
static void citation_line(FILE *f, const kzp_citation *c, int lang, bool brief)
{
    fprintf(f, "  - %s%s%s (%s", c->act_in[lang], c->reference_in[lang][0] ? ", " : "", c->reference_in[lang],
            UI[lang].cert[c->certainty]);
    if (c->certainty != KZP_CERT_OFFICIAL) {
        fprintf(f, ": %s", c->seen_in);
    }
    fputs(")\n", f);
    /* Notes are the dataset's English commentary: shown in English output only. */
    if (c->note[0] && lang == KZP_LANG_EN && !brief) {
        fprintf(f, "    %s\n", c->note);
    }
}

/* The legal basis: the result's citations, then any more (a range's payments, which carry their
 * own certainty), then the result's certainty. */
static void basis_block_with(FILE *f, const kzp_citation *const *basis, size_t n, const kzp_range *more, int certainty,
                             const cli_style *st)
{
    const ui_text *t = &UI[st->lang];
    fputc('\n', f);
    bold(f, st, t->basis);
    fputs(":\n", f);
    for (size_t i = 0; i < n; i++) {
        citation_line(f, basis[i], st->lang, st->brief);
    }
    for (size_t i = 0; more && i < more->payment_count; i++) {
        citation_line(f, more->payments[i].citation, st->lang, st->brief);
        if (more->payments[i].priced_by) {
            citation_line(f, more->payments[i].priced_by, st->lang, st->brief);
        }
    }
    fprintf(f, "%s: %s\n", t->certainty, t->cert[certainty]);
}

static void basis_block(FILE *f, const kzp_citation *const *basis, size_t n, int certainty, const cli_style *st)
{
    basis_block_with(f, basis, n, NULL, certainty, st);
}

static void mci_line(FILE *f, const kzp_mci *m, const ui_text *t, int lang)
{
    char tenge[64];
    money(tenge, sizeof tenge, m->tiyn, lang);
    fprintf(f, "%s: %s (%s %s; %s)\n", t->mci_used, tenge, t->from, m->from, m->citation->act_in[lang]);
}

static void stale_warning(FILE *f, const kzp_ctx *ctx, const cli_style *st)
{
    kzp_dataset_info info;
    kzp_ctx_info(&info, ctx);
    char line[400];
    snprintf(line, sizeof line, "%s%s%s", UI[st->lang].stale_before, info.mci_known_until, UI[st->lang].stale_after);
    colored(f, st, "33", line);
    fputc('\n', f);
}

/* "Article 115-1" / "Статья 115-1" / "115-1-бап" */
static void article_name(FILE *f, const ui_text *t, const char *id)
{
    fprintf(f, "%s%s%s", t->article_before, id, t->article_after);
}

/* "20 MCI = 86 500 ₸", "20 hours" */
static void bound_amount(FILE *f, const kzp_sanction *s, const kzp_bound *b, int lang)
{
    char q[96], m[64];
    qty_unit(q, sizeof q, b->centi, s->unit, lang);
    fputs(q, f);
    if (s->has_tiyn) {
        money(m, sizeof m, b->tiyn, lang);
        fprintf(f, " = %s", m);
    }
}

static void ref(FILE *f, const kzp_citation *c, int lang)
{
    fputs(c->reference_in[lang][0] ? c->reference_in[lang] : c->act_in[lang], f);
}

/* The lower bound and the rule behind it, or why there is none. */
static void lower_line(FILE *f, const kzp_range *r, const kzp_sanction *s, const ui_text *t, int lang)
{
    fprintf(f, "     %s: ", t->col_min);
    const kzp_bound *b = &s->min;
    if (!b->set) {
        fputs(t->none, f);
        if (s->min_lifted_by && s->general_min.set) {
            char q[96];
            qty_unit(q, sizeof q, s->general_min.centi, s->unit, lang);
            fprintf(f, " (%s %s, ", t->general_part, q);
            ref(f, s->general_min.citation, lang);
            fprintf(f, ": %s ", t->lifted_by);
            ref(f, s->min_lifted_by, lang);
            fputs(")\n", f);
        } else {
            fprintf(f, " (%s)\n", t->article_sets_none);
        }
        return;
    }
    bound_amount(f, s, b, lang);
    fputs(" (", f);
    if (b->source == KZP_BOUND_GENERAL_PART) {
        fprintf(f, "%s, ", t->general_part);
    } else if (b->source == KZP_BOUND_ORDER_PROCEDURE) {
        fprintf(f, "%s, ", t->order_word);
    }
    ref(f, b->citation, lang);
    if (b->source == KZP_BOUND_GENERAL_PART) {
        fprintf(f, "; %s", t->article_sets_none);
        if (r->flags & (KZP_Q_MITIGATED | KZP_Q_ACCELERATED)) {
            fprintf(f, "; %s", t->not_lifted); /* a half cap was asked, yet this minimum stays */
        }
    }
    fputs(")\n", f);
}

static void upper_line(FILE *f, const kzp_sanction *s, const ui_text *t, int lang)
{
    const kzp_bound *b = &s->max;
    fprintf(f, "     %s: ", t->col_max);
    bound_amount(f, s, b, lang);
    fputs(" (", f);
    if (b->source == KZP_BOUND_GENERAL_PART) {
        fprintf(f, "%s, ", t->general_part);
    } else if (b->source == KZP_BOUND_ORDER_PROCEDURE) {
        fprintf(f, "%s, ", t->order_word);
    } else if (b->source == KZP_BOUND_HALF_CAP) {
        fprintf(f, "%s, ", t->half_cap_word);
    }
    ref(f, b->citation, lang);
    if (b->source == KZP_BOUND_HALF_CAP) {
        char q[96];
        qty_unit(q, sizeof q, s->article_max.centi, s->unit, lang);
        fprintf(f, "; %s: %s", t->the_article, q);
    }
    fputs(")\n", f);
}

static void notes_lines(FILE *f, const kzp_sanction *s, const ui_text *t, int lang)
{
    if (s->per_day_max_centi) {
        char q[96];
        qty_unit(q, sizeof q, s->per_day_max_centi, s->unit, lang);
        fprintf(f, "     %s%s%s (", t->per_day_before, q, t->per_day_after);
        ref(f, s->per_day_citation, lang);
        fputs(")\n", f);
    }
    if (s->restriction) {
        fprintf(f, "     %s: ", t->not_for);
        for (size_t i = 0; i < s->restriction->person_count; i++) {
            fprintf(f, "%s%s", i ? "; " : "", s->restriction->persons[lang][i]);
        }
        fputs(" (", f);
        ref(f, s->restriction->citation, lang);
        fputs(")\n", f);
    }
}

static void omitted_line(FILE *f, const kzp_range *r, const ui_text *t, int lang)
{
    if (r->omitted_count == 0) {
        return;
    }
    fprintf(f, "  %s: ", t->not_in_order);
    for (size_t i = 0; i < r->omitted_count; i++) {
        fprintf(f, "%s%s", i ? ", " : "", kzp_kind_label(r->omitted_kinds[i], lang));
    }
    if (r->order_procedure_kinds) {
        fprintf(f, " (%s, ", r->order_procedure_kinds->act_in[lang]);
        ref(f, r->order_procedure_kinds, lang);
        fputc(')', f);
    }
    fputc('\n', f);
}

static void payments_block(FILE *f, const kzp_range *r, const ui_text *t, int lang)
{
    if (r->payment_count == 0) {
        return;
    }
    fprintf(f, "\n%s:\n", t->payments);
    for (size_t i = 0; i < r->payment_count; i++) {
        const kzp_payment *p = &r->payments[i];
        char q[96], m[64];
        qty_unit(q, sizeof q, p->mci_centi, KZP_UNIT_MCI, lang);
        fprintf(f, "  - %s: %s", p->name[lang], q);
        if (p->priced) {
            money(m, sizeof m, p->tiyn, lang);
            fprintf(f, " = %s", m);
        }
        fputs(" (", f);
        ref(f, p->citation, lang);
        fprintf(f, "; %s)\n", t->cert[p->certainty]);
    }
}

static void range_text(FILE *f, const kzp_range *r, const kzp_ctx *ctx, const cli_style *st)
{
    const ui_text *t = &UI[st->lang];
    int lang = st->lang;
    kzp_article a;
    if (st->color) {
        fputs("\033[1m", f);
    }
    article_name(f, t, r->article);
    /* the range came from this context, so its article is there; the title is the one part of it used */
    if (kzp_article_get(&a, ctx, r->article, NULL) == KZP_OK) {
        fprintf(f, ". %s (%s)", a.title[lang], kzp_category_label(a.category, lang));
    }
    if (st->color) {
        fputs("\033[0m", f);
    }
    fprintf(f, "\n%s: %s\n", t->offence_date, r->offence_date);
    if (r->has_mci) {
        mci_line(f, &r->mci, t, lang);
    }
    if (r->caps[0] || r->caps[1]) {
        /* which parts of the Code: from the dataset's citations, in the language */
        fprintf(f, "%s:", t->half_cap);
        for (int k = 0, n = 0; k < 2; k++) {
            if (r->caps[k]) {
                fprintf(f, "%s %s", n++ ? "," : "", r->caps[k]->reference_in[lang]);
            }
        }
        fputc('\n', f);
    }
    fprintf(f, "\n%s:\n", t->alternatives);
    for (size_t i = 0; i < r->sanction_count; i++) {
        const kzp_sanction *s = &r->sanctions[i];
        fprintf(f, "  %zu. %s\n", i + 1, kzp_kind_label(s->kind, lang));
        lower_line(f, r, s, t, lang);
        upper_line(f, s, t, lang);
        notes_lines(f, s, t, lang);
    }
    omitted_line(f, r, t, lang);
    payments_block(f, r, t, lang);
    /* The same, as sentences ready to paste into a verdict. */
    fprintf(f, "\n%s:\n", t->in_words);
    for (size_t i = 0; i < r->sanction_count; i++) {
        char *text = cli_sanction_text(r, i, lang);
        if (text) {
            fprintf(f, "  - %s\n", text);
            free(text);
        }
    }
    if (r->stale) {
        stale_warning(f, ctx, st);
    }
    basis_block_with(f, r->basis, r->basis_count, r, r->certainty, st);
}

static void fine_text(FILE *f, const kzp_fine *fi, const kzp_ctx *ctx, const cli_style *st)
{
    const ui_text *t = &UI[st->lang];
    int lang = st->lang;
    char count[64], tenge[64], amount[64], head[256];
    qty_unit(count, sizeof count, fi->mci_centi, KZP_UNIT_MCI, lang);
    money(tenge, sizeof tenge, fi->mci.tiyn, lang);
    money(amount, sizeof amount, fi->amount_tiyn, lang);
    snprintf(head, sizeof head, "%s × %s = %s", count, tenge, amount);
    bold(f, st, head);
    char *words = cli_tenge_figures_words(fi->amount_tiyn, lang);
    if (words) {
        fprintf(f, "\n%s", words);
        free(words);
    }
    fprintf(f, "\n%s %s\n", t->fine_for, fi->mci.date);
    mci_line(f, &fi->mci, t, lang);
    if (fi->stale) {
        stale_warning(f, ctx, st);
    }
    basis_block(f, fi->basis, fi->basis_count, fi->certainty, st);
}

static void check_text(FILE *f, const kzp_check *c, const kzp_ctx *ctx, const cli_style *st)
{
    const ui_text *t = &UI[st->lang];
    int lang = st->lang;
    char amount[64], limit[64], excess[64], line[512];
    qty_unit(amount, sizeof amount, c->amount_centi, c->unit, lang);
    qty_unit(limit, sizeof limit, c->limit_centi, c->unit, lang);
    qty_unit(excess, sizeof excess, c->excess_centi, c->unit, lang);
    const char *why = c->fits                                   ? t->fits
                      : c->violation == KZP_VIOLATION_ABOVE_MAX ? t->above
                      : c->violation == KZP_VIOLATION_BELOW_MIN ? t->below
                                                                : t->not_positive;
    if (c->violation == KZP_VIOLATION_NOT_POSITIVE) {
        snprintf(line, sizeof line, "%s, %s: %s", kzp_kind_label(c->kind, lang), amount, why);
    } else {
        snprintf(line, sizeof line, "%s, %s: %s%s%s (%s: %s", kzp_kind_label(c->kind, lang), amount, why,
                 c->fits ? "" : " ", c->fits ? "" : excess,
                 c->violation == KZP_VIOLATION_BELOW_MIN ? t->col_min : t->col_max, limit);
    }
    if (st->color) {
        fprintf(f, "\033[%sm", c->fits ? "32" : "31");
    }
    fputs(line, f);
    if (c->violation != KZP_VIOLATION_NOT_POSITIVE) {
        /* the rule that sets the bound, as the dataset words it in the language */
        if (c->limit_citation) {
            fputs(", ", f);
            ref(f, c->limit_citation, lang);
        }
        fputc(')', f);
    }
    if (st->color) {
        fputs("\033[0m", f);
    }
    fputs("\n\n", f);
    range_text(f, &c->range, ctx, st);
}

static void convert_text(FILE *f, const kzp_conversion *c, const cli_style *st)
{
    const ui_text *t = &UI[st->lang];
    int lang = st->lang;
    char from[64], to[64], rest[64], line[400];
    qty_unit(from, sizeof from, c->from_centi, c->from_unit, lang);
    qty_unit(to, sizeof to, c->whole_centi, c->to_unit, lang);
    qty_unit(rest, sizeof rest, c->remainder_centi, c->from_unit, lang);
    snprintf(line, sizeof line, "%s (%s) = %s (%s)", from, kzp_kind_label(c->from_kind, lang), to,
             kzp_kind_label(c->to_kind, lang));
    bold(f, st, line);
    if (!c->exact) {
        fprintf(f, ", %s%s%s", t->left_before, rest, t->left_after);
    }
    /* which rule, and what it is for: the rates hold only for their own purpose */
    fprintf(f, "\n%s: %s (", t->rule, kzp_conversion_rule_name(c->rule));
    ref(f, c->citation, lang);
    fprintf(f, ")%s%s\n", c->scope[lang][0] ? ": " : "", c->scope[lang]);
    basis_block(f, &c->citation, 1, c->certainty, st);
}

static void mci_text(FILE *f, const kzp_mci *m, const kzp_ctx *ctx, const cli_style *st)
{
    const ui_text *t = &UI[st->lang];
    char tenge[64], head[200];
    money(tenge, sizeof tenge, m->tiyn, st->lang);
    snprintf(head, sizeof head, "%s %s, %s: %s", t->mci_for, m->purpose == KZP_PURPOSE_FINES ? t->fines : t->benefits,
             m->date, tenge);
    bold(f, st, head);
    fprintf(f, " (%s %s)\n", t->from, m->from);
    if (m->stale) {
        stale_warning(f, ctx, st);
    }
    basis_block(f, &m->citation, 1, m->certainty, st);
}

void cli_result_text(FILE *f, const cli_result *r, const kzp_ctx *ctx, const cli_style *st)
{
    const char *op = r->rq.op;
    if (strcmp(op, "range") == 0) {
        range_text(f, &r->range, ctx, st);
    } else if (strcmp(op, "fine") == 0) {
        fine_text(f, &r->fine, ctx, st);
    } else if (strcmp(op, "check") == 0) {
        check_text(f, &r->check, ctx, st);
    } else if (strcmp(op, "convert") == 0) {
        convert_text(f, &r->conv, st);
    } else {
        mci_text(f, &r->mci, ctx, st);
    }
}

static const char *period_purpose(const kzp_mci_period *p, const ui_text *t)
{
    return p->purpose_all ? t->all_purposes : p->purpose == KZP_PURPOSE_FINES ? t->fines : t->benefits;
}

void cli_mci_history_text(FILE *f, const kzp_ctx *ctx, int purpose_filter, const cli_style *st)
{
    const ui_text *t = &UI[st->lang];
    kzp_dataset_info info;
    kzp_ctx_info(&info, ctx);
    fputs("  ", f);
    pad(f, t->col_from, 12);
    pad(f, t->col_tenge, 10);
    pad(f, t->col_purpose, 30);
    pad(f, t->col_status, 34);
    fprintf(f, "%s\n", t->col_source);
    for (size_t i = 0; i < info.mci_period_count; i++) {
        kzp_mci_period p;
        kzp_mci_period_at(&p, ctx, i);
        if (purpose_filter >= 0 && !p.purpose_all && p.purpose != purpose_filter) {
            continue;
        }
        char tenge[32];
        kzp_tenge_format(tenge, sizeof tenge, p.tiyn, KZP_MONEY_PLAIN);
        fputs("  ", f);
        pad(f, p.from, 12);
        pad(f, tenge, 10);
        pad(f, period_purpose(&p, t), 30);
        pad(f, t->cert[p.citation->certainty], 34);
        fprintf(f, "%s (%s)\n", p.citation->act, p.citation->seen_in);
    }
    fprintf(f, "%s: %s\n", t->known_until, info.mci_known_until);
}

void cli_articles_text(FILE *f, const kzp_ctx *ctx, const cli_style *st)
{
    const ui_text *t = &UI[st->lang];
    kzp_dataset_info info;
    kzp_ctx_info(&info, ctx);
    for (size_t i = 0; i < info.article_count; i++) {
        kzp_article a;
        kzp_article_at(&a, ctx, i);
        if (st->color) {
            fputs("\033[1m", f);
        }
        article_name(f, t, a.id);
        if (st->color) {
            fputs("\033[0m", f);
        }
        fprintf(f, "  %s (%s); %s %s\n", a.title[st->lang], kzp_category_label(a.category, st->lang), t->in_force,
                a.in_force_from);
    }
}

/* dataset citations: one line a citation, its id first (what --citations ids writes). */
void cli_citations_text(FILE *f, const kzp_ctx *ctx, const cli_style *st)
{
    size_t n = kzp_citation_count(ctx);
    for (size_t i = 0; i < n; i++) {
        const kzp_citation *c = NULL;
        if (kzp_citation_at(&c, ctx, i) != KZP_OK) {
            continue; /* i < count: it never fails */
        }
        if (st->color) {
            fputs("\033[1m", f);
        }
        fputs(c->id, f);
        if (st->color) {
            fputs("\033[0m", f);
        }
        const char *ref = c->reference_in[st->lang];
        fprintf(f, "  %s%s%s [%s]\n", c->act_in[st->lang], ref[0] ? ", " : "", ref, kzp_certainty_name(c->certainty));
    }
}

/* The first line of a command that took today for the date the user did not give. */
void cli_date_assumed_text(FILE *f, const char *date, const cli_style *st)
{
    const ui_text *t = &UI[st->lang];
    fprintf(f, "%s%s%s%s%s\n", st->color ? "\033[1m" : "", t->date_assumed_before, date, t->date_assumed_after,
            st->color ? "\033[0m" : "");
}

/* The words of the receipt line, kept apart from UI: they are only the receipt's. */
static const struct {
    const char *library, *dataset, *update, *from_before, *from_after, *none;
} RECEIPT_UI[3] = {
    [KZP_LANG_EN] = {"library", "dataset", "MCI update", "from ", "", "MCI updates: none"},
    [KZP_LANG_RU] = {"библиотека", "набор данных", "Обновление МРП", "с ", "", "Обновления МРП: нет"},
    [KZP_LANG_KK] = {"кітапхана", "деректер жиынтығы", "АЕК жаңартуы", "", " бастап", "АЕК жаңартулары: жоқ"},
};

/* What made the answer, last in every answer for people and in --version: the versions, the
 * dataset's SHA-256 and each MCI update applied (its file, period, citation and status), so a
 * printed answer can be traced to its data. */
void cli_receipt_text(FILE *f, const kzp_ctx *ctx, int lang)
{
    fputc('\n', f);
    kzp_dataset_info info;
    kzp_ctx_info(&info, ctx);
    const char *sha = kzp_ctx_sha256(ctx);
    fprintf(f, "kzpenalty %s (%s %s); %s %s %s, SHA-256 %s\n", KZP_VERSION_STRING, RECEIPT_UI[lang].library,
            kzp_version_string(), RECEIPT_UI[lang].dataset, info.id, info.version, sha[0] ? sha : "-");
    cli_updates_text(f, ctx, lang);
}

/* One line per MCI update period applied, or a line saying there is none. */
void cli_updates_text(FILE *f, const kzp_ctx *ctx, int lang)
{
    size_t n = kzp_update_count(ctx);
    if (n == 0) {
        fprintf(f, "%s\n", RECEIPT_UI[lang].none);
    }
    for (size_t i = 0; i < n; i++) {
        kzp_update u;
        kzp_update_at(&u, ctx, i);
        char m[64];
        money(m, sizeof m, u.period.tiyn, lang);
        const ui_text *t = &UI[lang];
        fprintf(f, "%s: %s (SHA-256 %s): %s %s%s%s, %s; %s (%s)\n", RECEIPT_UI[lang].update,
                u.source[0] ? u.source : "-", u.sha256[0] ? u.sha256 : "-", m, RECEIPT_UI[lang].from_before,
                u.period.from, RECEIPT_UI[lang].from_after, period_purpose(&u.period, t), u.period.citation->id,
                t->cert[u.period.citation->certainty]);
    }
}
