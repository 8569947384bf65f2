/* A printable record of one answer (--format html): a self-contained HTML document in the
 * output's language that prints on one A4 page. Its words are the human output's own (text_out.c
 * writes them, this file only lays them out), so the printed record and the terminal never
 * differ; only the receipt's headings live here. Its writes are not checked one by one: a
 * stream's error is sticky, and every caller checks it before it can exit 0 (cli_out_finish
 * after one document; html_written after each page of a batch, which then stops reading). */
#define _GNU_SOURCE /* open_memstream */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *title, *request, *made, *record, *not_answered;
} HTML_UI[3] = {
    [KZP_LANG_EN] = {"kzpenalty: calculation", "Request", "Made", "Record", "Not answered"},
    [KZP_LANG_RU] = {"kzpenalty: расчёт", "Запрос", "Составлено", "Сведения о расчёте", "Ответа нет"},
    [KZP_LANG_KK] = {"kzpenalty: есеп", "Сұрау", "Жасалған уақыты", "Есеп туралы мәліметтер", "Жауап жоқ"},
};
static const char *const LANG_TAG[3] = {[KZP_LANG_EN] = "en", [KZP_LANG_RU] = "ru", [KZP_LANG_KK] = "kk"};

/* The text with &, <, > and " written as entities; the bytes are the data's, whole. */
static void escaped(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(s[i], f);
        }
    }
}

static size_t indent_of(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] == ' ') {
        i++;
    }
    return i;
}

/* The human output laid out: its first line as the heading (when heading), a line ending in ':'
 * that opens a block as a block heading, "  - " lines as list items, deeper lines as their details. */
static void text_as_html(FILE *f, const char *text, size_t len, bool heading)
{
    bool first = heading, in_list = false, block_start = true;
    for (size_t at = 0; at < len;) {
        const char *line = text + at;
        const char *nl = memchr(line, '\n', len - at);
        size_t n = nl ? (size_t)(nl - line) : len - at;
        at += n + (nl ? 1 : 0);
        size_t ind = indent_of(line, n);
        bool item = n >= ind + 2 && line[ind] == '-' && line[ind + 1] == ' ';
        if (in_list && (n == 0 || !(item || ind >= 4))) {
            fputs("</ul>\n", f);
            in_list = false;
        }
        if (n == 0) {
            block_start = true;
            continue;
        }
        if (first) {
            fputs("<h1>", f);
            escaped(f, line, n);
            fputs("</h1>\n", f);
            first = false;
        } else if (item) {
            fputs(in_list ? "" : "<ul>\n", f);
            in_list = true;
            fputs("<li>", f);
            escaped(f, line + ind + 2, n - ind - 2);
            fputs("</li>\n", f);
        } else if (block_start && ind == 0 && line[n - 1] == ':') {
            fputs("<h2>", f);
            escaped(f, line, n - 1);
            fputs("</h2>\n", f);
        } else {
            fprintf(f, "<p class=\"d%zu\">", ind > 8 ? 8 : ind);
            escaped(f, line + ind, n - ind);
            fputs("</p>\n", f);
        }
        block_start = false;
    }
    if (in_list) {
        fputs("</ul>\n", f);
    }
}

/* A4 with 10-12 mm margins, small type for the sources; a range with all its citations fits one
 * page (tests/cli/html_pdf.py prints it with Chromium and counts the pages). */
static const char STYLE[] =
    "@page{size:A4;margin:10mm 12mm}"
    "body{font:8.5pt/1.22 'DejaVu Sans',Arial,sans-serif;color:#000;margin:0 auto;max-width:186mm}"
    "h1{font-size:12pt;margin:0 0 2mm}h2{font-size:9.5pt;margin:2.5mm 0 1mm}"
    "p{margin:0}p.d2{margin-left:4mm}p.d4,p.d5,p.d6,p.d7,p.d8{margin-left:8mm}"
    "ul{margin:0;padding-left:4mm}li{margin:0}"
    "header{border-bottom:0.3mm solid #000;padding-bottom:1.5mm;margin-bottom:2mm;font-size:8pt}"
    "main ul li{font-size:7.2pt;line-height:1.18}"
    "footer{border-top:0.3mm solid #000;margin-top:2.5mm;padding-top:1.5mm;font-size:7pt;overflow-wrap:anywhere}"
    "footer h2{font-size:8pt;margin:0 0 1mm}"
    "section.page{break-after:page}section.page:last-of-type{break-after:auto}";

/* A longer answer (a Russian or Kazakh range with every exclusion and source) can run past one
 * page at that size: before printing, each page is scaled down to the printable height of A4
 * (297 mm less the 20 mm of margins), so every record is one sheet. No data is read here. */
static const char FIT_SCRIPT[] = "(function(){function fit(){var room=(297-20)*96/25.4-4;"
                                 "document.querySelectorAll('section.page').forEach(function(p){p.style.zoom='';"
                                 "var h=p.scrollHeight;"
                                 "if(h>room){p.style.zoom=String(Math.floor(room/h*1000)/1000);}});}"
                                 "addEventListener('beforeprint',fit);fit();})();";

void cli_html_begin(FILE *f, int lang)
{
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>", LANG_TAG[lang]);
    escaped(f, HTML_UI[lang].title, strlen(HTML_UI[lang].title));
    fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n", STYLE);
}

void cli_html_end(FILE *f)
{
    fprintf(f, "<script>%s</script>\n</body>\n</html>\n", FIT_SCRIPT);
}

/* A page's header: what it is, and the request it answers. */
static void page_header(FILE *f, const char *request, int lang)
{
    fputs("<section class=\"page\">\n<header><b>", f);
    escaped(f, HTML_UI[lang].title, strlen(HTML_UI[lang].title));
    fprintf(f, "</b> · %s: <code>", HTML_UI[lang].request);
    escaped(f, request, strlen(request));
    fputs("</code></header>\n<main>\n", f);
}

int cli_html_page(FILE *f, const cli_html *h, const kzp_ctx *ctx, const cli_style *st)
{
    int lang = st->lang;
    /* the answer and the receipt, in the human output's words */
    char *answer = NULL, *receipt = NULL;
    size_t answer_len = 0, receipt_len = 0;
    FILE *a = open_memstream(&answer, &answer_len);
    FILE *r = a ? open_memstream(&receipt, &receipt_len) : NULL;
    if (!a || !r) {
        if (a) {
            fclose(a);
        }
        free(answer);
        return -1; /* out of memory: nothing written */
    }
    cli_style brief = *st;
    brief.color = false;
    brief.brief = true;
    if (h->date_assumed) {
        cli_date_assumed_text(a, h->date, &brief);
    }
    cli_result_text(a, h->result, ctx, &brief);
    cli_receipt_text(r, ctx, lang);
    bool lost = fclose(a) != 0;
    lost = fclose(r) != 0 || lost;
    if (lost) { /* a memory stream fails only when memory runs out */
        free(answer);
        free(receipt);
        return -1;
    }
    page_header(f, h->request, lang);
    text_as_html(f, answer, answer_len, true);
    fprintf(f, "</main>\n<footer>\n<h2>%s</h2>\n", HTML_UI[lang].record);
    text_as_html(f, receipt, receipt_len, false);
    fprintf(f, "<p>%s: %s</p>\n</footer>\n</section>\n", HTML_UI[lang].made, h->made_at);
    free(answer);
    free(receipt);
    return 0;
}

void cli_html_error_page(FILE *f, const char *request, const cli_error *e, int lang, const char *made_at)
{
    page_header(f, request, lang);
    fprintf(f, "<h1>%s</h1>\n<p><code>%s</code></p>\n<p>", HTML_UI[lang].not_answered, cli_status_code(e->status));
    escaped(f, e->message, strlen(e->message));
    fprintf(f, "</p>\n</main>\n<footer>\n<p>%s: %s</p>\n</footer>\n</section>\n", HTML_UI[lang].made, made_at);
}

int cli_html_document(FILE *f, const cli_html *h, const kzp_ctx *ctx, const cli_style *st)
{
    cli_html_begin(f, st->lang);
    int rc = cli_html_page(f, h, ctx, st);
    cli_html_end(f);
    return rc;
}
