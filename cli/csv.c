/* CSV for batch: rows read with Debian's libcsv (strict RFC 4180 quoting) and cells written with
 * its quoting helper. This file is the only one that includes <csv.h>: the command links libcsv,
 * the library does not. What a row means (the header, the fields) is batch.c's business. */
#include "cli.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define CSV_MAX_ROW (1024 * 1024) /* bytes of a row's cells, as for a JSON Lines line */
#define CSV_BLOCK (64 * 1024)     /* bytes read at a time, and libcsv's buffer growth step */

/* libcsv grows a cell's buffer with realloc and has no limit of its own: a quote left open would
 * take the rest of the input into one cell. This realloc refuses to grow past a row's limit; the
 * parser then stops with CSV_ENOMEM, and the flag says it was the limit, not the memory. A
 * process-wide flag, because libcsv passes its realloc no user data (the command is one thread). */
static bool cell_refused;

static void *limited_realloc(void *p, size_t size)
{
    if (size > CSV_MAX_ROW + CSV_BLOCK) {
        cell_refused = true;
        return NULL;
    }
    return realloc(p, size);
}

typedef struct reader {
    struct csv_parser p;
    cli_csv_row row;
    char *buf; /* the row's cells, each NUL-terminated, at offs[] */
    size_t len;
    size_t offs[CLI_CSV_MAX_CELLS];
    bool too_long;
    cli_csv_row_fn fn;
    void *data;
    bool stop; /* the caller asked to read no more */
} reader;

/* libcsv's end-of-cell callback: keep the cell (the first CLI_CSV_MAX_CELLS of a row, within the
 * row's size limit) and count it. */
static void on_cell(void *s, size_t n, void *data)
{
    reader *r = data;
    if (r->row.count < CLI_CSV_MAX_CELLS && !r->too_long) {
        if (r->len + n + 1 > CSV_MAX_ROW) {
            r->too_long = true;
        } else {
            memcpy(r->buf + r->len, s, n);
            r->buf[r->len + n] = '\0';
            r->offs[r->row.count] = r->len;
            r->row.len[r->row.count] = n;
            r->len += n + 1;
            r->row.stored = r->row.count + 1;
        }
    }
    r->row.count++;
}

/* Hand the row read so far to the caller, with why it is not whole (problem) or NULL, then
 * start the next one. */
static void deliver(reader *r, const char *problem)
{
    r->row.number++;
    for (size_t i = 0; i < r->row.stored; i++) {
        r->row.cell[i] = r->buf + r->offs[i];
    }
    r->row.problem = problem ? problem : r->too_long ? "the row is longer than 1 MiB" : NULL;
    if (!r->stop && !r->fn(r->data, &r->row)) {
        r->stop = true;
    }
    r->row.count = r->row.stored = 0;
    r->len = 0;
    r->too_long = false;
}

/* libcsv's end-of-row callback. */
static void on_row(int c, void *data)
{
    (void)c;
    deliver(data, NULL);
}

/* The delimiter: the first ',' or ';' on the header line (field names hold neither); ',' when
 * the line has none (a header of one column). */
static char detect_delimiter(const char *text, size_t n)
{
    for (size_t i = 0; i < n && text[i] != '\n'; i++) {
        if (text[i] == ',' || text[i] == ';') {
            return text[i];
        }
    }
    return ',';
}

int cli_csv_read(FILE *in, cli_csv_input *info, cli_csv_row_fn fn, void *data, cli_error *e)
{
    static const char bom[] = "\xEF\xBB\xBF";
    reader r = {.fn = fn, .data = data};
    char *block = malloc(CSV_BLOCK);
    r.buf = malloc(CSV_MAX_ROW);
    if (!block || !r.buf || csv_init(&r.p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        free(block);
        free(r.buf);
        return cli_fail(e, KZP_E_NOMEM, "out of memory");
    }
    info->bom = false;
    info->delimiter = ',';
    csv_set_realloc_func(&r.p, limited_realloc);
    csv_set_blk_size(&r.p, CSV_BLOCK);
    cell_refused = false;
    int status = KZP_OK;
    bool first = true, skipping = false;
    size_t n;
    while (!r.stop && status == KZP_OK && (n = fread(block, 1, CSV_BLOCK, in)) > 0) {
        size_t pos = 0;
        if (first) {
            first = false;
            info->bom = n >= 3 && memcmp(block, bom, 3) == 0;
            pos = info->bom ? 3 : 0;
            info->delimiter = detect_delimiter(block + pos, n - pos);
            csv_set_delim(&r.p, (unsigned char)info->delimiter);
        }
        while (pos < n && !r.stop && status == KZP_OK) {
            if (skipping) { /* after a malformed row: on from the next line */
                const char *nl = memchr(block + pos, '\n', n - pos);
                pos = nl ? (size_t)(nl - block) + 1 : n;
                skipping = !nl;
                continue;
            }
            size_t done = csv_parse(&r.p, block + pos, n - pos, on_cell, on_row, &r);
            pos += done;
            if (pos == n) {
                break;
            }
            if (csv_error(&r.p) == CSV_EPARSE) {
                /* a quote inside an unquoted cell, or text after a closing quote: the row is an
                 * error, and reading goes on at the next line (the parser starts afresh) */
                deliver(&r, "a quote stands inside a cell or after a closing quote; a cell with quotes must be "
                            "quoted whole, each of its quotes doubled");
                csv_fini(&r.p, NULL, NULL, NULL);
                skipping = true;
            } else if (cell_refused) {
                deliver(&r, "a cell is longer than 1 MiB");
                status = cli_fail(e, CLI_E_CSV,
                                  "row %lu: a cell is longer than 1 MiB (is a quote left open?); the rows after it "
                                  "were not read",
                                  r.row.number);
            } else {
                status = cli_fail(e, KZP_E_NOMEM, "out of memory reading row %lu", r.row.number + 1);
            }
        }
    }
    if (status == KZP_OK && !r.stop && ferror(in)) {
        status =
            cli_fail(e, KZP_E_IO, "error reading input after row %lu: %s", r.row.number, strerror(errno ? errno : EIO));
    }
    if (status == KZP_OK && !r.stop && csv_fini(&r.p, on_cell, on_row, &r) != 0) {
        /* only a quoted cell still open at the end of the input fails here */
        deliver(&r, "a quote opened in this row is not closed before the end of the input");
        status = cli_fail(e, CLI_E_CSV,
                          "row %lu: a quote opened in this row is not closed before the end of the input; every "
                          "line after it was read as part of that cell",
                          r.row.number);
    }
    csv_free(&r.p);
    free(r.buf);
    free(block);
    return status;
}

/* ---- Writing ---- */

/* Room for n more bytes; false (and failed set) when memory runs out. */
static bool reserve(cli_csv_writer *w, size_t n)
{
    if (w->len + n <= w->cap) {
        return true;
    }
    size_t cap = w->cap ? w->cap : 256;
    while (cap < w->len + n) {
        cap *= 2;
    }
    char *nb = realloc(w->buf, cap);
    if (!nb) {
        w->failed = true;
        return false;
    }
    w->buf = nb;
    w->cap = cap;
    return true;
}

/* A cell is quoted when it must be: it holds the delimiter, a quote or a line break, or begins or
 * ends with a space or a tab (libcsv, like many readers, trims those from an unquoted cell). */
static bool needs_quotes(const char *s, size_t n, char delimiter)
{
    if (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')) {
        return true;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] == delimiter || s[i] == '"' || s[i] == '\n' || s[i] == '\r') {
            return true;
        }
    }
    return false;
}

/* Append bytes as they are, each byte that is not UTF-8 (and a NUL) as U+FFFD: the output stays text. */
static void append_text(cli_csv_writer *w, const char *s, size_t n)
{
    if (!reserve(w, 3 * n)) {
        return;
    }
    for (size_t i = 0; i < n;) {
        size_t k = s[i] == '\0' ? 0 : (unsigned char)s[i] < 0x80 ? 1 : kzp_utf8_char_len(s + i, n - i);
        if (k == 0) {
            memcpy(w->buf + w->len, "\xEF\xBF\xBD", 3);
            w->len += 3;
            i++;
        } else {
            memcpy(w->buf + w->len, s + i, k);
            w->len += k;
            i += k;
        }
    }
}

/* A plain number, as a spreadsheet reads one: an optional '-', digits, at most one '.' or ','. */
static bool plain_number(const char *s, size_t n)
{
    size_t i = n > 0 && s[0] == '-' ? 1 : 0, digits = 0, marks = 0;
    for (; i < n; i++) {
        digits += s[i] >= '0' && s[i] <= '9';
        marks += s[i] == '.' || s[i] == ',';
        if (!(s[i] >= '0' && s[i] <= '9') && s[i] != '.' && s[i] != ',') {
            return false;
        }
    }
    return digits > 0 && marks <= 1;
}

/* A cell a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first; not a
 * plain number such as -5): echoed input and error messages quoting it are written with a ' first,
 * which spreadsheets show as text (docs/cli.md, CSV). */
static bool formula_like(const char *s, size_t n)
{
    return n > 0 && s[0] != '\0' && strchr("=+-@\t\r", s[0]) && !plain_number(s, n);
}

void cli_csv_cell(cli_csv_writer *w, const char *s, size_t n)
{
    if (w->cells++ > 0 && reserve(w, 1)) {
        w->buf[w->len++] = w->delimiter;
    }
    cli_csv_writer mended = {0};
    if (formula_like(s, n) && reserve(&mended, 1)) {
        mended.buf[mended.len++] = '\'';
    }
    append_text(&mended, s, n);
    const char *text = mended.buf ? mended.buf : "";
    if (mended.failed) {
        w->failed = true;
    } else if (!needs_quotes(text, mended.len, w->delimiter)) {
        if (reserve(w, mended.len)) {
            memcpy(w->buf + w->len, text, mended.len);
            w->len += mended.len;
        }
    } else {
        /* libcsv's csv_write quotes the cell and doubles its quotes (RFC 4180); it is given valid text */
        size_t need = csv_write(NULL, 0, text, mended.len);
        if (need == SIZE_MAX || !reserve(w, need)) {
            w->failed = true;
        } else {
            w->len += csv_write(w->buf + w->len, need, text, mended.len);
        }
    }
    free(mended.buf);
}

void cli_csv_text(cli_csv_writer *w, const char *s)
{
    cli_csv_cell(w, s ? s : "", s ? strlen(s) : 0);
}

bool cli_csv_end_row(cli_csv_writer *w, cli_out *out)
{
    bool ok = false;
    if (reserve(w, 2)) {
        memcpy(w->buf + w->len, "\r\n", 2); /* RFC 4180's line break */
        w->len += 2;
    }
    if (w->failed) {
        out->err = out->err ? out->err : ENOMEM; /* the row could not be built: say so, print no half row */
    } else {
        ok = cli_out_write(out, w->buf, w->len);
    }
    w->len = 0;
    w->cells = 0;
    w->failed = false;
    return ok;
}
