/* Hostile inputs for the C API (issue 13 item 9): runs every entry of tests/hostile/capi.json
 * through the public header only, and fails on the first mismatch of each entry, naming it.
 *
 * An entry calls one public function with its arguments and states the status it must return
 * (by name), a fragment of err.message, err.path where one applies, and on success the values
 * it must give. What every entry checks besides, without being told:
 *  - an out-parameter (struct, int, context pointer, text buffer) filled with a sentinel byte
 *    pattern before a failing call is byte for byte the same after it;
 *  - err.code equals the status; err.message and err.path are terminated inside their arrays
 *    and are valid UTF-8 (no overlong forms, no surrogates);
 *  - a text function returns the length the whole text needs, writes no byte past size, and
 *    what it writes is the longest prefix of the whole text that ends on a character boundary;
 *  - afterwards the embedded context still prices 200 MCI on 2026-02-10 at 86,500,000 tiyn.
 * Unknown keys (of the table, of an entry, of its arguments, of the values it expects) are
 * refused, so a misspelt expectation cannot pass by being ignored.
 *
 * Usage: run_capi TABLE.json DATASET.json (the shipped data/kzpenalty.json, which the
 * "dataset" text form edits). POSIX: temporary files, a directory and a FIFO for the file
 * functions. With KZP_CAPI_SHOW set it prints each call's status and values, to help write
 * an entry (whose expected values still come from the law, not from this output). */
#define _POSIX_C_SOURCE 200809L

#include <jansson.h>
#include <kzpenalty.h>

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SENTINEL 0xA5 /* fills every out-parameter before a call */
#define GUARD 16      /* sentinel bytes past a text buffer's size, which must stay untouched */

static char *g_dataset; /* the shipped dataset's text */
static size_t g_dataset_len;
static char g_tmpdir[64]; /* temporary files of the file entries */
static kzp_ctx *g_base;   /* the embedded context */

/* ---- One entry's run: its arguments, what it allocated, and the first problem ---- */

#define MAX_USED 32
#define MAX_ALLOCS 64

typedef struct run {
    const char *id;
    json_t *args;
    const char *used[MAX_USED]; /* argument keys read, to refuse the others */
    size_t nused;
    void *allocs[MAX_ALLOCS]; /* freed after the entry */
    size_t nallocs;
    kzp_ctx *owned[4]; /* contexts built for the entry */
    size_t nowned;
    bool bad; /* a problem was reported */
} run;

static void fail(run *r, const char *fmt, ...)
{
    if (r->bad) {
        return; /* the first problem says enough; later ones follow from it */
    }
    r->bad = true;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL %s: ", r->id);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static void *keep(run *r, void *p)
{
    if (!p || r->nallocs == MAX_ALLOCS) {
        fprintf(stderr, "out of memory or too many allocations in %s\n", r->id);
        exit(2);
    }
    r->allocs[r->nallocs++] = p;
    return p;
}

static void *xmalloc(run *r, size_t n)
{
    return keep(r, malloc(n ? n : 1));
}

static bool has_arg(run *r, const char *key)
{
    if (r->nused < MAX_USED) {
        r->used[r->nused++] = key;
    }
    return r->args && json_object_get(r->args, key) != NULL;
}

/* ---- UTF-8 ---- */

/* Length of the valid UTF-8 character at s (n bytes available), or 0 when it is not one:
 * strict, as Python and JavaScript decoders are (no overlong forms, surrogates or > U+10FFFF). */
static size_t utf8_char(const unsigned char *s, size_t n)
{
    if (n == 0) {
        return 0;
    }
    if (s[0] < 0x80) {
        return 1;
    }
    size_t len = s[0] >= 0xC2 && s[0] <= 0xDF   ? 2
                 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
                 : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4
                                                : 0;
    if (len == 0 || len > n) {
        return 0;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
    }
    if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0) || (s[0] == 0xF0 && s[1] < 0x90) ||
        (s[0] == 0xF4 && s[1] >= 0x90)) {
        return 0;
    }
    return len;
}

static bool utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_char(p + i, n - i);
        if (k == 0) {
            return false;
        }
        i += k;
    }
    return true;
}

/* The longest prefix of a valid text of len bytes that ends on a character boundary and has
 * at most limit bytes. */
static size_t boundary_at_most(const char *s, size_t len, size_t limit)
{
    size_t i = 0;
    while (i < len) {
        size_t k = utf8_char((const unsigned char *)s + i, len - i);
        if (k == 0 || i + k > limit) {
            break;
        }
        i += k;
    }
    return i;
}

/* ---- Text forms: how the table writes texts JSON cannot hold plainly ---- */

typedef struct text {
    char *s; /* NUL-terminated; may hold NULs before len */
    size_t len;
} text;

static bool text_form(run *r, const json_t *v, text *out);

static bool text_cat(run *r, text *acc, const text *more)
{
    char *s = xmalloc(r, acc->len + more->len + 1);
    memcpy(s, acc->s, acc->len);
    memcpy(s + acc->len, more->s, more->len);
    s[acc->len + more->len] = '\0';
    acc->s = s;
    acc->len += more->len;
    return true;
}

static const char *only_keys(const json_t *o, const char *const *keys, size_t n)
{
    const char *k;
    const json_t *v;
    json_object_foreach((json_t *)o, k, v)
    {
        bool known = false;
        for (size_t i = 0; i < n; i++) {
            known = known || strcmp(k, keys[i]) == 0;
        }
        if (!known) {
            return k;
        }
    }
    return NULL;
}

/* The shipped dataset with each [old, new] replacement made; old must occur exactly once. */
static bool dataset_form(run *r, const json_t *edits, text *out)
{
    if (!json_is_array(edits)) {
        fail(r, "table: dataset wants a list of [old, new] pairs");
        return false;
    }
    text cur = {g_dataset, g_dataset_len};
    size_t i;
    const json_t *pair;
    json_array_foreach(edits, i, pair)
    {
        text old, rep;
        if (!json_is_array(pair) || json_array_size(pair) != 2 || !text_form(r, json_array_get(pair, 0), &old) ||
            !text_form(r, json_array_get(pair, 1), &rep) || old.len == 0) {
            fail(r, "table: dataset edit %zu is not a pair of texts", i);
            return false;
        }
        const char *at = NULL;
        size_t hits = 0;
        for (size_t p = 0; p + old.len <= cur.len; p++) {
            if (memcmp(cur.s + p, old.s, old.len) == 0) {
                at = at ? at : cur.s + p;
                hits++;
            }
        }
        if (hits != 1) {
            fail(r, "table: dataset edit %zu: the old text occurs %zu times, not once: %s", i, hits, old.s);
            return false;
        }
        size_t pre = (size_t)(at - cur.s);
        text head = {xmalloc(r, pre + 1), pre};
        memcpy(head.s, cur.s, pre);
        head.s[pre] = '\0';
        text tail = {(char *)at + old.len, cur.len - pre - old.len};
        text_cat(r, &head, &rep);
        text_cat(r, &head, &tail);
        cur = head;
    }
    *out = cur;
    return true;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* A JSON string (NULs allowed), or {"hex": "ed a0 80"}, {"repeat": TEXT, "times": N},
 * {"concat": [TEXT...]}, {"dataset": [[old, new]...]}. */
static bool text_form(run *r, const json_t *v, text *out)
{
    if (json_is_string(v)) {
        out->len = json_string_length(v);
        out->s = xmalloc(r, out->len + 1);
        memcpy(out->s, json_string_value(v), out->len + 1);
        return true;
    }
    static const char *const FORMS[] = {"hex", "repeat", "times", "concat", "dataset"};
    const char *unknown = json_is_object(v) ? only_keys(v, FORMS, 5) : "(not an object)";
    if (unknown) {
        fail(r, "table: unknown text form key '%s'", unknown);
        return false;
    }
    const json_t *h = json_object_get(v, "hex"), *rep = json_object_get(v, "repeat"),
                 *cat = json_object_get(v, "concat"), *ds = json_object_get(v, "dataset");
    if (h && json_is_string(h)) {
        const char *p = json_string_value(h);
        out->s = xmalloc(r, strlen(p) / 2 + 1);
        out->len = 0;
        while (*p) {
            if (*p == ' ') {
                p++;
                continue;
            }
            int a = hexval(p[0]), b = a < 0 ? -1 : hexval(p[1]);
            if (b < 0) {
                fail(r, "table: bad hex text");
                return false;
            }
            out->s[out->len++] = (char)(a * 16 + b);
            p += 2;
        }
        out->s[out->len] = '\0';
        return true;
    }
    if (rep) {
        text unit;
        json_int_t times = json_integer_value(json_object_get(v, "times"));
        if (!text_form(r, rep, &unit) || times < 0 || times > 100000000) {
            fail(r, "table: repeat wants a text and times");
            return false;
        }
        size_t n = unit.len * (size_t)times;
        out->s = xmalloc(r, n + 1);
        for (json_int_t i = 0; i < times; i++) {
            memcpy(out->s + (size_t)i * unit.len, unit.s, unit.len);
        }
        out->s[n] = '\0';
        out->len = n;
        return true;
    }
    if (cat && json_is_array(cat)) {
        text acc = {"", 0};
        size_t i;
        const json_t *part;
        json_array_foreach(cat, i, part)
        {
            text t;
            if (!text_form(r, part, &t)) {
                return false;
            }
            text_cat(r, &acc, &t);
        }
        *out = acc;
        return true;
    }
    if (ds) {
        return dataset_form(r, ds, out);
    }
    fail(r, "table: unreadable text form");
    return false;
}

/* ---- Arguments ---- */

/* A text argument: absent gives dflt, null gives NULL. */
static const char *arg_text(run *r, const char *key, const char *dflt, size_t *len)
{
    const json_t *v = has_arg(r, key) ? json_object_get(r->args, key) : NULL;
    text t = {(char *)dflt, dflt ? strlen(dflt) : 0};
    if (v && json_is_null(v)) {
        t.s = NULL;
        t.len = 0;
    } else if (v && !text_form(r, v, &t)) {
        t.s = NULL;
    }
    if (len) {
        *len = t.len;
    }
    return t.s;
}

typedef struct named_value {
    const char *name;
    long long value;
} named_value;

/* Limits by name, for values JSON integers cannot write or readers would miscount. */
static const named_value LIMITS[] = {
    {"INT64_MAX", INT64_MAX}, {"INT64_MIN", INT64_MIN}, {"INT_MAX", INT_MAX},
    {"INT_MIN", INT_MIN},     {"UINT_MAX", UINT_MAX},   {"KZP_WORDS_MAX", KZP_WORDS_MAX},
};

/* Words the table may use for enum arguments; integers pass through unchanged, so values
 * outside an enum can be given too. The runner's own table, not the library's parsers. */
static const named_value WORDS[] = {
    {"fine", KZP_KIND_FINE},
    {"community_service", KZP_KIND_COMMUNITY_SERVICE},
    {"arrest", KZP_KIND_ARREST},
    {"correctional_work", KZP_KIND_CORRECTIONAL_WORK},
    {"fines", KZP_PURPOSE_FINES},
    {"benefits", KZP_PURPOSE_BENEFITS},
    {"en", KZP_LANG_EN},
    {"ru", KZP_LANG_RU},
    {"kk", KZP_LANG_KK},
    {"aggregation", KZP_RULE_AGGREGATION},
    {"unpaid-fine", KZP_RULE_UNPAID_FINE},
    {"evaded-service", KZP_RULE_EVADED_SERVICE},
    {"sign", KZP_MONEY_SIGN},
    {"money-ru", KZP_MONEY_RU},
    {"money-kk", KZP_MONEY_KK},
    {"money-en", KZP_MONEY_EN},
    {"plain", KZP_MONEY_PLAIN},
    {"masculine", KZP_GENDER_MASCULINE},
    {"feminine", KZP_GENDER_FEMININE},
    {"neuter", KZP_GENDER_NEUTER},
    {"plural", KZP_GENDER_PLURAL},
    {"nominative", KZP_CASE_NOMINATIVE},
    {"genitive", KZP_CASE_GENITIVE},
    {"mci", KZP_UNIT_MCI},
    {"hours", KZP_UNIT_HOURS},
    {"days", KZP_UNIT_DAYS},
    {"mitigated", KZP_Q_MITIGATED},
    {"accelerated", KZP_Q_ACCELERATED},
    {"allow_stale", KZP_Q_ALLOW_STALE},
    {"strict", KZP_Q_STRICT},
    {"order_procedure", KZP_Q_ORDER_PROCEDURE},
};

static bool lookup(const named_value *t, size_t n, const char *name, long long *out)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(t[i].name, name) == 0) {
            *out = t[i].value;
            return true;
        }
    }
    return false;
}

/* An integer argument: a JSON integer, a limit's name, or an enum word. */
static long long arg_int(run *r, const char *key, long long dflt)
{
    const json_t *v = has_arg(r, key) ? json_object_get(r->args, key) : NULL;
    long long n = dflt;
    if (!v) {
        return dflt;
    }
    if (json_is_integer(v)) {
        return json_integer_value(v);
    }
    if (json_is_string(v) && (lookup(LIMITS, sizeof LIMITS / sizeof LIMITS[0], json_string_value(v), &n) ||
                              lookup(WORDS, sizeof WORDS / sizeof WORDS[0], json_string_value(v), &n))) {
        return n;
    }
    fail(r, "table: argument %s is not an integer or a known word", key);
    return dflt;
}

/* Flags: an integer, or a list of flag words and integers, or'ed. */
static unsigned arg_flags(run *r)
{
    const json_t *v = has_arg(r, "flags") ? json_object_get(r->args, "flags") : NULL;
    if (!v || !json_is_array(v)) {
        return (unsigned)arg_int(r, "flags", 0);
    }
    unsigned f = 0;
    size_t i;
    const json_t *x;
    json_array_foreach(v, i, x)
    {
        long long n = 0;
        if (json_is_integer(x)) {
            n = json_integer_value(x);
        } else if (!json_is_string(x) || !lookup(WORDS, sizeof WORDS / sizeof WORDS[0], json_string_value(x), &n)) {
            fail(r, "table: unknown flag");
        }
        f |= (unsigned)n;
    }
    return f;
}

/* A size or index: an integer, or "SIZE_MAX". */
static size_t arg_size(run *r, const char *key, size_t dflt)
{
    const json_t *v = has_arg(r, key) ? json_object_get(r->args, key) : NULL;
    if (v && json_is_string(v) && strcmp(json_string_value(v), "SIZE_MAX") == 0) {
        return SIZE_MAX;
    }
    long long n = arg_int(r, key, (long long)dflt);
    if (n < 0) {
        fail(r, "table: %s must not be negative", key);
        return dflt;
    }
    return (size_t)n;
}

/* Whether a pointer argument is passed: absent or true passes it, null leaves it NULL. */
static bool arg_pointer(run *r, const char *key)
{
    const json_t *v = has_arg(r, key) ? json_object_get(r->args, key) : NULL;
    return !v || !json_is_null(v);
}

static kzp_ctx *own(run *r, kzp_ctx *c)
{
    r->owned[r->nowned++] = c;
    return c;
}

/* The context an entry queries: absent is the embedded one, null is NULL, {"what_if": N},
 * {"with_mci": TEXT} or {"dataset": [[old, new]...]}. One that cannot be built is a table error. */
static kzp_ctx *arg_ctx(run *r, const char *key)
{
    const json_t *v = has_arg(r, key) ? json_object_get(r->args, key) : NULL;
    if (!v) {
        return g_base;
    }
    if (json_is_null(v)) {
        return NULL;
    }
    static const char *const FORMS[] = {"what_if", "with_mci", "dataset"};
    const char *unknown = json_is_object(v) ? only_keys(v, FORMS, 3) : "(not an object)";
    if (unknown || json_object_size(v) != 1) {
        fail(r, "table: %s must be null or one of what_if, with_mci, dataset", key);
        return NULL;
    }
    kzp_ctx *c = NULL;
    kzp_error e;
    int rc;
    text t;
    if (json_object_get(v, "what_if")) {
        rc = kzp_ctx_new_what_if(&c, g_base, json_integer_value(json_object_get(v, "what_if")), &e);
    } else if (json_object_get(v, "with_mci")) {
        rc = text_form(r, json_object_get(v, "with_mci"), &t) ? kzp_ctx_new_with_mci(&c, g_base, t.s, t.len, &e)
                                                              : KZP_E_INVALID_ARG;
    } else {
        rc = text_form(r, v, &t) ? kzp_ctx_new_from_buffer(&c, t.s, t.len, &e) : KZP_E_INVALID_ARG;
    }
    if (rc != KZP_OK) {
        fail(r, "table: the %s cannot be built: %s %s", key, kzp_status_name(rc), e.message);
        return NULL;
    }
    return own(r, c);
}

/* A file path: a text, or {"temp": "missing" | "dir" | "fifo" | "empty" | "file", "text": TEXT}
 * made in the run's temporary directory. */
static const char *arg_path(run *r, const char *key)
{
    const json_t *v = has_arg(r, key) ? json_object_get(r->args, key) : NULL;
    if (!v || !json_is_object(v) || !json_object_get(v, "temp")) {
        return arg_text(r, key, NULL, NULL);
    }
    static const char *const FORMS[] = {"temp", "text"};
    const char *kind = json_string_value(json_object_get(v, "temp"));
    if (only_keys(v, FORMS, 2) || !kind) {
        fail(r, "table: a temp path wants temp and text");
        return NULL;
    }
    char *path = xmalloc(r, sizeof g_tmpdir + 32);
    snprintf(path, sizeof g_tmpdir + 32, "%s/%s", g_tmpdir, kind);
    int ok = 0;
    if (strcmp(kind, "missing") == 0) {
        ok = 1;
    } else if (strcmp(kind, "dir") == 0) {
        ok = mkdir(path, 0700) == 0;
    } else if (strcmp(kind, "fifo") == 0) {
        ok = mkfifo(path, 0600) == 0; /* no writer: a reader that opens it blocks */
    } else if (strcmp(kind, "empty") == 0 || strcmp(kind, "file") == 0) {
        text t = {"", 0};
        const json_t *tv = json_object_get(v, "text");
        FILE *f = fopen(path, "wb");
        ok = f && (!tv || text_form(r, tv, &t)) && fwrite(t.s, 1, t.len, f) == t.len;
        ok = f && fclose(f) == 0 && ok;
    }
    if (!ok) {
        fail(r, "table: cannot make the temp path %s", path);
    }
    return path;
}

/* Remove what arg_path made. */
static void clear_tmp(void)
{
    static const char *const NAMES[] = {"dir", "fifo", "empty", "file"};
    char path[sizeof g_tmpdir + 32];
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", g_tmpdir, NAMES[i]);
        if (strcmp(NAMES[i], "dir") == 0) {
            rmdir(path);
        } else {
            unlink(path);
        }
    }
}

/* ---- Views: results as JSON, compared with what an entry expects ---- */

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *cit(const kzp_citation *c)
{
    return c ? json_string(c->id) : json_null();
}

/* An enum value by its name where the library names it, else the number. */
static json_t *named(const char *(*name)(int), int v)
{
    const char *n = name(v);
    return n ? json_string(n) : json_integer(v);
}

static json_t *cit_list(const kzp_citation *const *items, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(a, cit(items[i]));
    }
    return a;
}

static json_t *mci_view(const kzp_mci *m)
{
    return json_pack("{s:I, s:s, s:s, s:o, s:i, s:o, s:o}", "tenge", (json_int_t)m->tenge, "date", m->date, "from",
                     m->from, "purpose", named(kzp_purpose_name, m->purpose), "stale", m->stale, "certainty",
                     named(kzp_certainty_name, m->certainty), "citation", cit(m->citation));
}

static json_t *bound_view(const kzp_bound *b)
{
    return json_pack("{s:i, s:I, s:I, s:o, s:o}", "set", b->set, "centi", (json_int_t)b->centi, "tiyn",
                     (json_int_t)b->tiyn, "source", named(kzp_bound_source_name, b->source), "citation",
                     cit(b->citation));
}

static json_t *sanction_view(const kzp_sanction *s)
{
    json_t *o = json_pack("{s:o, s:o, s:i, s:o, s:o, s:o, s:o, s:o, s:o}", "kind", named(kzp_kind_name, s->kind),
                          "unit", named(kzp_unit_name, s->unit), "has_tiyn", s->has_tiyn, "min", bound_view(&s->min),
                          "max", bound_view(&s->max), "article_min", bound_view(&s->article_min), "article_max",
                          bound_view(&s->article_max), "general_min", bound_view(&s->general_min), "general_max",
                          bound_view(&s->general_max));
    json_object_set_new(o, "min_lifted_by", cit(s->min_lifted_by));
    json_object_set_new(o, "capped", json_integer(s->capped));
    json_object_set_new(o, "per_day_max_centi", json_integer(s->per_day_max_centi));
    json_object_set_new(o, "per_day_citation", cit(s->per_day_citation));
    json_object_set_new(o, "restriction", s->restriction ? json_string(s->restriction->id) : json_null());
    json_object_set_new(o, "citation", cit(s->citation));
    return o;
}

static json_t *range_view(const kzp_range *g)
{
    json_t *sanctions = json_array(), *omitted = json_array(), *payments = json_array();
    for (size_t i = 0; i < g->sanction_count && i < KZP_MAX_SANCTIONS; i++) {
        json_array_append_new(sanctions, sanction_view(&g->sanctions[i]));
    }
    for (size_t i = 0; i < g->omitted_count && i < KZP_MAX_SANCTIONS; i++) {
        json_array_append_new(omitted, named(kzp_kind_name, g->omitted_kinds[i]));
    }
    for (size_t i = 0; i < g->payment_count && i < KZP_MAX_PAYMENTS; i++) {
        const kzp_payment *p = &g->payments[i];
        json_array_append_new(payments,
                              json_pack("{s:s, s:I, s:i, s:I, s:o, s:o, s:o}", "id", p->id, "mci_centi",
                                        (json_int_t)p->mci_centi, "priced", p->priced, "tiyn", (json_int_t)p->tiyn,
                                        "certainty", named(kzp_certainty_name, p->certainty), "citation",
                                        cit(p->citation), "priced_by", cit(p->priced_by)));
    }
    json_t *o = json_pack("{s:s, s:s, s:I, s:i, s:o, s:o, s:i}", "article", g->article, "offence_date", g->offence_date,
                          "flags", (json_int_t)g->flags, "has_mci", g->has_mci, "sanctions", sanctions, "certainty",
                          named(kzp_certainty_name, g->certainty), "stale", g->stale);
    if (g->has_mci) {
        json_object_set_new(o, "mci", mci_view(&g->mci));
    }
    json_object_set_new(o, "basis", cit_list(g->basis, g->basis_count < KZP_MAX_BASIS ? g->basis_count : 0));
    json_object_set_new(o, "caps", cit_list(g->caps, 2));
    json_object_set_new(o, "order_procedure", cit(g->order_procedure));
    json_object_set_new(o, "order_procedure_kinds", cit(g->order_procedure_kinds));
    json_object_set_new(o, "omitted_kinds", omitted);
    json_object_set_new(o, "payments", payments);
    return o;
}

static json_t *fine_view(const kzp_fine *f)
{
    return json_pack("{s:I, s:I, s:o, s:o, s:i, s:o}", "mci_centi", (json_int_t)f->mci_centi, "amount_tiyn",
                     (json_int_t)f->amount_tiyn, "mci", mci_view(&f->mci), "certainty",
                     named(kzp_certainty_name, f->certainty), "stale", f->stale, "basis",
                     cit_list(f->basis, f->basis_count < KZP_MAX_BASIS ? f->basis_count : 0));
}

static json_t *check_view(const kzp_check *c)
{
    json_t *o = json_pack("{s:i, s:o, s:o, s:o, s:I, s:I, s:I, s:o, s:o}", "fits", c->fits, "violation",
                          named(kzp_violation_name, c->violation), "kind", named(kzp_kind_name, c->kind), "unit",
                          named(kzp_unit_name, c->unit), "amount_centi", (json_int_t)c->amount_centi, "limit_centi",
                          (json_int_t)c->limit_centi, "excess_centi", (json_int_t)c->excess_centi, "limit_source",
                          named(kzp_bound_source_name, c->limit_source), "limit_citation", cit(c->limit_citation));
    json_object_set_new(o, "range", range_view(&c->range));
    return o;
}

static json_t *conversion_view(const kzp_conversion *c)
{
    json_t *o = json_pack("{s:o, s:o, s:I, s:o, s:o, s:I, s:I, s:i, s:o, s:o, s:o}", "from_kind",
                          named(kzp_kind_name, c->from_kind), "from_unit", named(kzp_unit_name, c->from_unit),
                          "from_centi", (json_int_t)c->from_centi, "to_kind", named(kzp_kind_name, c->to_kind),
                          "to_unit", named(kzp_unit_name, c->to_unit), "whole", (json_int_t)c->whole, "remainder_centi",
                          (json_int_t)c->remainder_centi, "exact", c->exact, "certainty",
                          named(kzp_certainty_name, c->certainty), "citation", cit(c->citation), "rule",
                          named(kzp_conversion_rule_name, c->rule));
    json_object_set_new(
        o, "scope",
        json_pack("[o, o, o]", str_or_null(c->scope[0]), str_or_null(c->scope[1]), str_or_null(c->scope[2])));
    return o;
}

static json_t *article_view(const kzp_article *a)
{
    return json_pack("{s:s, s:[o, o, o], s:o, s:s, s:I, s:o}", "id", a->id, "title", str_or_null(a->title[0]),
                     str_or_null(a->title[1]), str_or_null(a->title[2]), "category",
                     named(kzp_category_name, a->category), "in_force_from", a->in_force_from, "sanction_count",
                     (json_int_t)a->sanction_count, "citation", cit(a->citation));
}

static json_t *info_view(const kzp_ctx *c)
{
    kzp_dataset_info i;
    if (kzp_ctx_info(&i, c) != KZP_OK) {
        return json_null();
    }
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:i, s:i, s:I, s:I}", "id", i.id, "version", i.version, "verified_on",
                     i.verified_on, "fingerprint", i.fingerprint, "mci_known_until", i.mci_known_until,
                     "schema_version", i.schema_version, "hypothetical", i.hypothetical, "article_count",
                     (json_int_t)i.article_count, "mci_period_count", (json_int_t)i.mci_period_count);
}

static json_t *error_view(const kzp_error *e)
{
    return json_pack("{s:o, s:s, s:i, s:i, s:s}", "code", named(kzp_status_name, e->code), "path", e->path, "line",
                     e->line, "column", e->column, "message", e->message);
}

/* Does actual hold what expected states? Objects: every expected key, recursively (a key the
 * view lacks is refused as unknown); arrays: the same length, element by element; a "message"
 * is a fragment; other values: equal. */
static bool matches(run *r, const json_t *want, const json_t *got, const char *where)
{
    char sub[512];
    if (json_is_object(want) && !json_object_get(want, "repeat") && !json_object_get(want, "concat") &&
        !json_object_get(want, "hex")) {
        if (!json_is_object(got)) {
            fail(r, "%s: not an object in the result", where);
            return false;
        }
        const char *k;
        const json_t *v;
        json_object_foreach((json_t *)want, k, v)
        {
            snprintf(sub, sizeof sub, "%s.%s", where, k);
            const json_t *g = json_object_get(got, k);
            if (!g) {
                fail(r, "%s: unknown key (the result has no such value)", sub);
                return false;
            }
            if (strcmp(k, "message") == 0 && json_is_string(v)) {
                if (!json_is_string(g) || !strstr(json_string_value(g), json_string_value(v))) {
                    fail(r, "%s: '%s' does not contain '%s'", sub, json_string_value(g), json_string_value(v));
                    return false;
                }
            } else if (!matches(r, v, g, sub)) {
                return false;
            }
        }
        return true;
    }
    if (json_is_array(want)) {
        if (!json_is_array(got) || json_array_size(got) != json_array_size(want)) {
            char *s = json_dumps(got, JSON_ENCODE_ANY | JSON_COMPACT);
            fail(r, "%s: got %s, want %zu items", where, s ? s : "?", json_array_size(want));
            free(s);
            return false;
        }
        for (size_t i = 0; i < json_array_size(want); i++) {
            snprintf(sub, sizeof sub, "%s[%zu]", where, i);
            if (!matches(r, json_array_get(want, i), json_array_get(got, i), sub)) {
                return false;
            }
        }
        return true;
    }
    bool same;
    if (json_is_object(want)) {
        text t;
        if (!text_form(r, want, &t)) {
            return false;
        }
        same =
            json_is_string(got) && json_string_length(got) == t.len && memcmp(json_string_value(got), t.s, t.len) == 0;
    } else {
        same = json_equal((json_t *)want, (json_t *)got);
    }
    if (!same) {
        char *a = json_dumps(got, JSON_ENCODE_ANY | JSON_COMPACT);
        char *b = json_dumps(want, JSON_ENCODE_ANY | JSON_COMPACT);
        fail(r, "%s: got %s, want %s", where, a ? a : "?", b ? b : "?");
        free(a);
        free(b);
    }
    return same;
}

/* ---- Calls ---- */

/* What a call did: its status, its view on success, and whether it takes a kzp_error. */
typedef struct outcome {
    int rc;
    json_t *view;      /* the values on success (or, for the validate functions, always) */
    bool takes_err;    /* the function has a kzp_error parameter */
    bool status_call;  /* it returns a kzp_status (the *_name functions do not) */
    bool untouched_ok; /* on failure the out-parameter was left as it was */
} outcome;

/* A sentinel-filled out-parameter, and whether it is still all sentinel. */
static void fill(void *p, size_t n)
{
    memset(p, SENTINEL, n);
}

static bool untouched(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        if (b[i] != SENTINEL) {
            return false;
        }
    }
    return true;
}

/* For the struct-out functions: the out struct (or NULL), checked after the call. */
#define STRUCT_CALL(type, view_fn, call_expr)                                                                          \
    do {                                                                                                               \
        type *buf_ = xmalloc(r, sizeof(type));                                                                         \
        fill(buf_, sizeof(type));                                                                                      \
        type *out = arg_pointer(r, "out") ? buf_ : NULL;                                                               \
        o->rc = (call_expr);                                                                                           \
        o->untouched_ok = untouched(buf_, sizeof(type));                                                               \
        if (o->rc == KZP_OK && out) {                                                                                  \
            o->view = view_fn(out);                                                                                    \
        }                                                                                                              \
    } while (0)

static kzp_error *err_arg(run *r, kzp_error *e)
{
    fill(e, sizeof *e);
    return arg_pointer(r, "err") ? e : NULL;
}

static void c_range_get(run *r, outcome *o, kzp_error *e)
{
    kzp_ctx *ctx = arg_ctx(r, "ctx");
    const char *article = arg_text(r, "article", "115-1", NULL), *date = arg_text(r, "date", "2026-02-10", NULL);
    unsigned flags = arg_flags(r);
    STRUCT_CALL(kzp_range, range_view, kzp_range_get(out, ctx, article, date, flags, err_arg(r, e)));
}

static void c_fine_compute(run *r, outcome *o, kzp_error *e)
{
    kzp_ctx *ctx = arg_ctx(r, "ctx");
    const char *date = arg_text(r, "date", "2026-02-10", NULL);
    int64_t centi = arg_int(r, "centi", 20000);
    unsigned flags = arg_flags(r);
    STRUCT_CALL(kzp_fine, fine_view, kzp_fine_compute(out, ctx, date, kzp_hundredths(centi), flags, err_arg(r, e)));
}

static void c_check_sentence(run *r, outcome *o, kzp_error *e)
{
    kzp_ctx *ctx = arg_ctx(r, "ctx");
    const char *article = arg_text(r, "article", "115-1", NULL), *date = arg_text(r, "date", "2026-02-10", NULL);
    int kind = (int)arg_int(r, "kind", KZP_KIND_FINE);
    int64_t centi = arg_int(r, "centi", 10000);
    unsigned flags = arg_flags(r);
    STRUCT_CALL(kzp_check, check_view,
                kzp_check_sentence(out, ctx, article, date, kind, kzp_hundredths(centi), flags, err_arg(r, e)));
}

static void c_convert(run *r, outcome *o, kzp_error *e)
{
    kzp_ctx *ctx = arg_ctx(r, "ctx");
    int from = (int)arg_int(r, "from", KZP_KIND_FINE), to = (int)arg_int(r, "to", KZP_KIND_ARREST);
    int64_t centi = arg_int(r, "centi", 15000);
    STRUCT_CALL(kzp_conversion, conversion_view, kzp_convert(out, ctx, from, kzp_hundredths(centi), to, err_arg(r, e)));
}

static void c_convert_under(run *r, outcome *o, kzp_error *e)
{
    kzp_ctx *ctx = arg_ctx(r, "ctx");
    int rule = (int)arg_int(r, "rule", KZP_RULE_AGGREGATION);
    int from = (int)arg_int(r, "from", KZP_KIND_FINE), to = (int)arg_int(r, "to", KZP_KIND_ARREST);
    int64_t centi = arg_int(r, "centi", 15000);
    STRUCT_CALL(kzp_conversion, conversion_view,
                kzp_convert_under(out, ctx, rule, from, kzp_hundredths(centi), to, err_arg(r, e)));
}

static void c_mci_on(run *r, outcome *o, kzp_error *e)
{
    kzp_ctx *ctx = arg_ctx(r, "ctx");
    const char *date = arg_text(r, "date", "2026-02-10", NULL);
    int purpose = (int)arg_int(r, "purpose", KZP_PURPOSE_FINES);
    unsigned flags = arg_flags(r);
    STRUCT_CALL(kzp_mci, mci_view, kzp_mci_on(out, ctx, date, purpose, flags, err_arg(r, e)));
}

static json_t *period_view(const kzp_mci_period *p)
{
    return json_pack("{s:s, s:I, s:i, s:o, s:o}", "from", p->from, "tenge", (json_int_t)p->tenge, "purpose_all",
                     p->purpose_all, "purpose", named(kzp_purpose_name, p->purpose), "citation", cit(p->citation));
}

static void c_mci_period_at(run *r, outcome *o, kzp_error *e)
{
    (void)e;
    o->takes_err = false;
    kzp_ctx *ctx = arg_ctx(r, "ctx");
    size_t index = arg_size(r, "index", 0);
    STRUCT_CALL(kzp_mci_period, period_view, kzp_mci_period_at(out, ctx, index));
}

static void c_article_get(run *r, outcome *o, kzp_error *e)
{
    kzp_ctx *ctx = arg_ctx(r, "ctx");
    const char *id = arg_text(r, "id", "115-1", NULL);
    STRUCT_CALL(kzp_article, article_view, kzp_article_get(out, ctx, id, err_arg(r, e)));
}

static void c_article_at(run *r, outcome *o, kzp_error *e)
{
    (void)e;
    o->takes_err = false;
    kzp_ctx *ctx = arg_ctx(r, "ctx");
    size_t index = arg_size(r, "index", 0);
    STRUCT_CALL(kzp_article, article_view, kzp_article_at(out, ctx, index));
}

static json_t *info_of(const kzp_dataset_info *i)
{
    return json_pack("{s:s, s:s, s:i, s:i, s:I, s:I}", "id", i->id, "mci_known_until", i->mci_known_until,
                     "schema_version", i->schema_version, "hypothetical", i->hypothetical, "article_count",
                     (json_int_t)i->article_count, "mci_period_count", (json_int_t)i->mci_period_count);
}

static void c_ctx_info(run *r, outcome *o, kzp_error *e)
{
    (void)e;
    o->takes_err = false;
    kzp_ctx *ctx = arg_ctx(r, "ctx");
    STRUCT_CALL(kzp_dataset_info, info_of, kzp_ctx_info(out, ctx));
}

/* A context a constructor made: its dataset, and the MCI for fines on probe_date. */
static json_t *made_ctx_view(run *r, kzp_ctx *c, const char *probe)
{
    json_t *v = json_pack("{s:o}", "info", info_view(c));
    if (probe) {
        kzp_mci m;
        kzp_error pe;
        int rc = kzp_mci_on(&m, c, probe, KZP_PURPOSE_FINES, 0, &pe);
        json_object_set_new(v, "probe",
                            rc == KZP_OK ? mci_view(&m) : json_pack("{s:s}", "status", kzp_status_name(rc)));
    }
    (void)r;
    return v;
}

/* The constructors: *out starts as a sentinel pointer and must keep it on failure. */
typedef enum { FROM_BUFFER, FROM_FILE, WITH_MCI, WHAT_IF } ctor;

static void constructor(run *r, outcome *o, kzp_error *e, ctor which)
{
    static char sentinel_target;
    kzp_ctx *const sentinel = (kzp_ctx *)(void *)&sentinel_target;
    kzp_ctx *made = sentinel;
    kzp_ctx **out = arg_pointer(r, "out") ? &made : NULL;
    const char *probe = arg_text(r, "probe_date", NULL, NULL);
    size_t len = 0;
    const char *json;
    switch (which) {
    case FROM_BUFFER:
        json = arg_text(r, "json", NULL, &len);
        len = arg_size(r, "len", len);
        o->rc = kzp_ctx_new_from_buffer(out, json, len, err_arg(r, e));
        break;
    case FROM_FILE:
        json = arg_path(r, "path");
        o->rc = kzp_ctx_new_from_file(out, json, err_arg(r, e));
        break;
    case WITH_MCI: {
        kzp_ctx *base = arg_ctx(r, "base");
        json = arg_text(r, "json", NULL, &len);
        len = arg_size(r, "len", len);
        o->rc = kzp_ctx_new_with_mci(out, base, json, len, err_arg(r, e));
        break;
    }
    case WHAT_IF: {
        kzp_ctx *base = arg_ctx(r, "base");
        o->rc = kzp_ctx_new_what_if(out, base, arg_int(r, "mci_tenge", 5000), err_arg(r, e));
        break;
    }
    }
    o->untouched_ok = made == sentinel;
    if (o->rc == KZP_OK && out && made != sentinel) {
        own(r, made);
        o->view = made_ctx_view(r, made, probe);
    }
}

static void c_from_buffer(run *r, outcome *o, kzp_error *e)
{
    constructor(r, o, e, FROM_BUFFER);
}
static void c_from_file(run *r, outcome *o, kzp_error *e)
{
    constructor(r, o, e, FROM_FILE);
}
static void c_with_mci(run *r, outcome *o, kzp_error *e)
{
    constructor(r, o, e, WITH_MCI);
}
static void c_what_if(run *r, outcome *o, kzp_error *e)
{
    constructor(r, o, e, WHAT_IF);
}

/* The validate functions report through errors[] and *count, on failure too: errors past the
 * ones written must stay sentinel, and so must *count when the call refuses its arguments. */
static void validate(run *r, outcome *o, bool file)
{
    o->takes_err = false;
    size_t cap = arg_size(r, "cap", 8);
    kzp_error *errs = xmalloc(r, (cap > 64 ? 64 : cap) * sizeof *errs + sizeof *errs);
    size_t slots = cap > 64 ? 64 : cap;
    fill(errs, (slots + 1) * sizeof *errs);
    size_t count;
    fill(&count, sizeof count);
    kzp_error *ep = arg_pointer(r, "errors") ? errs : NULL;
    size_t *cp = arg_pointer(r, "count") ? &count : NULL;
    if (cap > 64 && ep) {
        fail(r, "table: cap above 64 needs errors null");
        return;
    }
    size_t len = 0;
    const char *json;
    if (file) {
        json = arg_path(r, "path");
        o->rc = kzp_dataset_validate_file(ep, cap, cp, json);
    } else {
        json = arg_text(r, "json", NULL, &len);
        len = arg_size(r, "len", len);
        o->rc = kzp_dataset_validate(ep, cap, cp, json, len);
    }
    if (o->rc == KZP_E_INVALID_ARG) {
        o->untouched_ok = untouched(&count, sizeof count) && untouched(errs, (slots + 1) * sizeof *errs);
        return;
    }
    size_t written = count < slots ? count : slots;
    o->untouched_ok = untouched(errs + written, (slots + 1 - written) * sizeof *errs);
    json_t *problems = json_array();
    for (size_t i = 0; i < written; i++) {
        if (!utf8_valid(errs[i].message, strnlen(errs[i].message, sizeof errs[i].message))) {
            fail(r, "problem %zu: message is not valid UTF-8", i);
        }
        json_array_append_new(problems, error_view(&errs[i]));
    }
    o->view = json_pack("{s:I, s:o}", "count", (json_int_t)count, "problems", problems);
}

static void c_validate(run *r, outcome *o, kzp_error *e)
{
    (void)e;
    validate(r, o, false);
}
static void c_validate_file(run *r, outcome *o, kzp_error *e)
{
    (void)e;
    validate(r, o, true);
}

static void c_date_check(run *r, outcome *o, kzp_error *e)
{
    const char *t = arg_text(r, "text", "2026-02-10", NULL);
    o->rc = kzp_date_check(t, err_arg(r, e));
    o->untouched_ok = true;
    o->view = o->rc == KZP_OK ? json_object() : NULL;
}

static void c_qty_parse(run *r, outcome *o, kzp_error *e)
{
    const char *t = arg_text(r, "text", "0", NULL);
    kzp_qty v;
    fill(&v, sizeof v);
    o->rc = kzp_qty_parse(arg_pointer(r, "out") ? &v : NULL, t, err_arg(r, e));
    o->untouched_ok = untouched(&v, sizeof v);
    if (o->rc == KZP_OK && arg_pointer(r, "out")) {
        o->view = json_pack("{s:I}", "centi", (json_int_t)v.centi);
    }
}

/* The parse functions: int out, no kzp_error. */
static void parse_call(run *r, outcome *o, int (*fn)(int *, const char *))
{
    o->takes_err = false;
    const char *word = arg_text(r, "word", NULL, NULL);
    int v;
    fill(&v, sizeof v);
    o->rc = fn(arg_pointer(r, "out") ? &v : NULL, word);
    o->untouched_ok = untouched(&v, sizeof v);
    if (o->rc == KZP_OK && arg_pointer(r, "out")) {
        o->view = json_pack("{s:i}", "value", v);
    }
}

static void c_kind_parse(run *r, outcome *o, kzp_error *e)
{
    (void)e;
    parse_call(r, o, kzp_kind_parse);
}
static void c_purpose_parse(run *r, outcome *o, kzp_error *e)
{
    (void)e;
    parse_call(r, o, kzp_purpose_parse);
}
static void c_rule_parse(run *r, outcome *o, kzp_error *e)
{
    (void)e;
    parse_call(r, o, kzp_conversion_rule_parse);
}

/* ---- Text functions (snprintf semantics) ---- */

typedef struct text_args {
    int64_t n;
    int a, b, c;
    const kzp_range *range;
    size_t index;
} text_args;

typedef int (*text_call)(char *buf, size_t size, const text_args *x);

static int t_qty(char *buf, size_t size, const text_args *x)
{
    return kzp_qty_format(buf, size, kzp_hundredths(x->n), x->a);
}
static int t_tenge(char *buf, size_t size, const text_args *x)
{
    return kzp_tenge_format(buf, size, x->n, x->a);
}
static int t_number_words(char *buf, size_t size, const text_args *x)
{
    return kzp_number_words(buf, size, x->n, x->a, x->b, x->c);
}
static int t_tenge_words(char *buf, size_t size, const text_args *x)
{
    return kzp_tenge_words(buf, size, x->n, x->a);
}
static int t_figures_words(char *buf, size_t size, const text_args *x)
{
    return kzp_tenge_figures_words(buf, size, x->n, x->a);
}
static int t_sanction(char *buf, size_t size, const text_args *x)
{
    return kzp_sanction_text(buf, size, x->range, x->index, x->a);
}

/* Ask for the length (NULL, 0), then write into a buffer of "size" bytes (default: the whole
 * text) followed by guard bytes. "buf": null passes NULL with that size. */
static void text_run(run *r, outcome *o, text_call fn, const text_args *x)
{
    o->takes_err = false;
    bool pass_buf = arg_pointer(r, "buf");
    bool size_given = has_arg(r, "size");
    size_t size = arg_size(r, "size", 0);
    if (!pass_buf) {
        o->rc = fn(NULL, size, x);
        o->untouched_ok = true;
        o->view = o->rc >= 0 ? json_pack("{s:i}", "len", o->rc) : NULL;
        o->rc = o->rc > 0 ? KZP_OK : o->rc;
        return;
    }
    int need = fn(NULL, 0, x);
    if (!size_given) {
        size = need >= 0 ? (size_t)need + 1 : 64;
    }
    if (size > 1u << 24) {
        fail(r, "table: size too large for a real buffer");
        return;
    }
    char *buf = xmalloc(r, size + GUARD);
    fill(buf, size + GUARD);
    int rc = fn(buf, size, x);
    if (rc != need) {
        fail(r, "the call returned %d, but %d when asked for the length", rc, need);
        return;
    }
    if (rc < 0) {
        o->rc = rc;
        o->untouched_ok = untouched(buf, size + GUARD);
        return;
    }
    o->rc = KZP_OK;
    o->untouched_ok = true;
    if (!untouched(buf + size, GUARD)) {
        fail(r, "bytes past size %zu were written", size);
        return;
    }
    char *whole = xmalloc(r, (size_t)need + 1);
    if (fn(whole, (size_t)need + 1, x) != need || strlen(whole) != (size_t)need || !utf8_valid(whole, (size_t)need)) {
        fail(r, "the whole text (%d bytes) is not %d bytes of valid UTF-8", need, need);
        return;
    }
    json_t *view = json_pack("{s:i, s:s%}", "len", need, "text", whole, (size_t)need);
    if (size == 0) {
        if (!untouched(buf, GUARD)) {
            fail(r, "size 0 but the buffer was written");
        }
    } else {
        size_t wlen = strnlen(buf, size);
        size_t want = boundary_at_most(whole, (size_t)need, size - 1);
        if (wlen == size) {
            fail(r, "the buffer of %zu bytes is not terminated", size);
        } else if (wlen != want || memcmp(buf, whole, wlen) != 0) {
            fail(r, "wrote %zu bytes '%.*s', want the %zu bytes up to a character boundary", wlen, (int)wlen, buf,
                 want);
        }
        json_object_set_new(view, "written", json_stringn(buf, wlen));
    }
    o->view = view;
}

static void c_qty_format(run *r, outcome *o, kzp_error *e)
{
    (void)e;
    text_args x = {.n = arg_int(r, "centi", 0), .a = (int)arg_int(r, "lang", KZP_LANG_EN)};
    text_run(r, o, t_qty, &x);
}

static void c_tenge_format(run *r, outcome *o, kzp_error *e)
{
    (void)e;
    text_args x = {.n = arg_int(r, "tiyn", 0), .a = (int)arg_int(r, "style", KZP_MONEY_SIGN)};
    text_run(r, o, t_tenge, &x);
}

static void c_number_words(run *r, outcome *o, kzp_error *e)
{
    (void)e;
    text_args x = {.n = arg_int(r, "n", 0),
                   .a = (int)arg_int(r, "lang", KZP_LANG_EN),
                   .b = (int)arg_int(r, "gender", KZP_GENDER_MASCULINE),
                   .c = (int)arg_int(r, "case", KZP_CASE_NOMINATIVE)};
    text_run(r, o, t_number_words, &x);
}

static void c_tenge_words(run *r, outcome *o, kzp_error *e)
{
    (void)e;
    text_args x = {.n = arg_int(r, "tiyn", 0), .a = (int)arg_int(r, "lang", KZP_LANG_EN)};
    text_run(r, o, t_tenge_words, &x);
}

static void c_figures_words(run *r, outcome *o, kzp_error *e)
{
    (void)e;
    text_args x = {.n = arg_int(r, "tiyn", 0), .a = (int)arg_int(r, "lang", KZP_LANG_EN)};
    text_run(r, o, t_figures_words, &x);
}

/* kzp_sanction_text on the range of article on date with flags; "range": null passes NULL,
 * and "tamper" changes the range's first sanction (kind, unit) or its sanction_count. */
static void c_sanction_text(run *r, outcome *o, kzp_error *e)
{
    (void)e;
    kzp_ctx *ctx = arg_ctx(r, "ctx");
    const char *article = arg_text(r, "article", "115-1", NULL), *date = arg_text(r, "date", "2026-02-10", NULL);
    unsigned flags = arg_flags(r);
    kzp_range *g = xmalloc(r, sizeof *g);
    kzp_error ge;
    int rc = kzp_range_get(g, ctx, article, date, flags, &ge);
    if (rc != KZP_OK) {
        fail(r, "table: the range cannot be made: %s %s", kzp_status_name(rc), ge.message);
        return;
    }
    if (has_arg(r, "tamper")) {
        const json_t *t = json_object_get(r->args, "tamper");
        static const char *const KEYS[] = {"kind", "unit", "sanction_count"};
        if (!json_is_object(t) || only_keys(t, KEYS, 3)) {
            fail(r, "table: tamper takes kind, unit, sanction_count");
            return;
        }
        if (json_object_get(t, "kind")) {
            g->sanctions[0].kind = (int)json_integer_value(json_object_get(t, "kind"));
        }
        if (json_object_get(t, "unit")) {
            g->sanctions[0].unit = (int)json_integer_value(json_object_get(t, "unit"));
        }
        if (json_object_get(t, "sanction_count")) {
            g->sanction_count = (size_t)json_integer_value(json_object_get(t, "sanction_count"));
        }
    }
    text_args x = {.range = arg_pointer(r, "range") ? g : NULL,
                   .index = arg_size(r, "index", 0),
                   .a = (int)arg_int(r, "lang", KZP_LANG_EN)};
    text_run(r, o, t_sanction, &x);
}

/* ---- Functions that return a static string (or NULL) ---- */

static void c_string(run *r, outcome *o, const char *s)
{
    o->takes_err = false;
    o->status_call = false;
    o->rc = KZP_OK;
    o->untouched_ok = true;
    if (s && !utf8_valid(s, strlen(s))) {
        fail(r, "the string is not valid UTF-8");
    }
    o->view = json_pack("{s:o}", "value", str_or_null(s));
}

#define NAME_CALL(fname, expr)                                                                                         \
    static void fname(run *r, outcome *o, kzp_error *e)                                                                \
    {                                                                                                                  \
        (void)e;                                                                                                       \
        c_string(r, o, (expr));                                                                                        \
    }

NAME_CALL(c_kind_name, kzp_kind_name((int)arg_int(r, "value", 0)))
NAME_CALL(c_unit_name, kzp_unit_name((int)arg_int(r, "value", 0)))
NAME_CALL(c_purpose_name, kzp_purpose_name((int)arg_int(r, "value", 0)))
NAME_CALL(c_certainty_name, kzp_certainty_name((int)arg_int(r, "value", 0)))
NAME_CALL(c_category_name, kzp_category_name((int)arg_int(r, "value", 0)))
NAME_CALL(c_violation_name, kzp_violation_name((int)arg_int(r, "value", 0)))
NAME_CALL(c_bound_source_name, kzp_bound_source_name((int)arg_int(r, "value", 0)))
NAME_CALL(c_rule_name, kzp_conversion_rule_name((int)arg_int(r, "value", 0)))
NAME_CALL(c_status_name, kzp_status_name((int)arg_int(r, "value", 0)))
NAME_CALL(c_strerror, kzp_strerror((int)arg_int(r, "value", 0)))
NAME_CALL(c_kind_label, kzp_kind_label((int)arg_int(r, "kind", 0), (int)arg_int(r, "lang", 0)))
NAME_CALL(c_category_label, kzp_category_label((int)arg_int(r, "category", 0), (int)arg_int(r, "lang", 0)))
NAME_CALL(c_unit_label, kzp_unit_label((int)arg_int(r, "unit", 0), (int)arg_int(r, "lang", 0),
                                       kzp_hundredths(arg_int(r, "centi", 100))))

typedef struct call {
    const char *name;
    void (*fn)(run *r, outcome *o, kzp_error *e);
} call;

static const call CALLS[] = {
    {"kzp_range_get", c_range_get},
    {"kzp_fine_compute", c_fine_compute},
    {"kzp_check_sentence", c_check_sentence},
    {"kzp_convert", c_convert},
    {"kzp_convert_under", c_convert_under},
    {"kzp_mci_on", c_mci_on},
    {"kzp_mci_period_at", c_mci_period_at},
    {"kzp_article_get", c_article_get},
    {"kzp_article_at", c_article_at},
    {"kzp_ctx_info", c_ctx_info},
    {"kzp_ctx_new_from_buffer", c_from_buffer},
    {"kzp_ctx_new_from_file", c_from_file},
    {"kzp_ctx_new_with_mci", c_with_mci},
    {"kzp_ctx_new_what_if", c_what_if},
    {"kzp_dataset_validate", c_validate},
    {"kzp_dataset_validate_file", c_validate_file},
    {"kzp_date_check", c_date_check},
    {"kzp_qty_parse", c_qty_parse},
    {"kzp_qty_format", c_qty_format},
    {"kzp_tenge_format", c_tenge_format},
    {"kzp_number_words", c_number_words},
    {"kzp_tenge_words", c_tenge_words},
    {"kzp_tenge_figures_words", c_figures_words},
    {"kzp_sanction_text", c_sanction_text},
    {"kzp_kind_parse", c_kind_parse},
    {"kzp_purpose_parse", c_purpose_parse},
    {"kzp_conversion_rule_parse", c_rule_parse},
    {"kzp_kind_name", c_kind_name},
    {"kzp_unit_name", c_unit_name},
    {"kzp_purpose_name", c_purpose_name},
    {"kzp_certainty_name", c_certainty_name},
    {"kzp_category_name", c_category_name},
    {"kzp_violation_name", c_violation_name},
    {"kzp_bound_source_name", c_bound_source_name},
    {"kzp_conversion_rule_name", c_rule_name},
    {"kzp_status_name", c_status_name},
    {"kzp_strerror", c_strerror},
    {"kzp_kind_label", c_kind_label},
    {"kzp_category_label", c_category_label},
    {"kzp_unit_label", c_unit_label},
};

/* ---- Entries ---- */

static int status_of(const char *name)
{
    for (int c = 0; c >= -64; c--) {
        if (strcmp(kzp_status_name(c), name) == 0) {
            return c;
        }
    }
    return 1; /* no status has this name */
}

/* Checks of err after a failure: its code, terminated valid texts, the fragment and path. */
static void check_err(run *r, const json_t *entry, const kzp_error *e, int rc)
{
    if (e->code != rc) {
        fail(r, "err.code is %d, not the status %d", e->code, rc);
    }
    size_t ml = strnlen(e->message, sizeof e->message), pl = strnlen(e->path, sizeof e->path);
    if (ml == sizeof e->message || pl == sizeof e->path) {
        fail(r, "err.message or err.path is not terminated");
        return;
    }
    if (!utf8_valid(e->message, ml) || !utf8_valid(e->path, pl)) {
        fail(r, "err.message or err.path is not valid UTF-8: '%s' '%s'", e->message, e->path);
    }
    const json_t *m = json_object_get(entry, "message"), *p = json_object_get(entry, "path");
    if (m && !strstr(e->message, json_string_value(m))) {
        fail(r, "err.message '%s' does not contain '%s'", e->message, json_string_value(m));
    }
    if (p && strcmp(e->path, json_string_value(p)) != 0) {
        fail(r, "err.path is '%s', not '%s'", e->path, json_string_value(p));
    }
    const json_t *l = json_object_get(entry, "line"), *c = json_object_get(entry, "column");
    if ((l && e->line != json_integer_value(l)) || (c && e->column != json_integer_value(c))) {
        fail(r, "err at line %d column %d, not %lld:%lld", e->line, e->column, l ? json_integer_value(l) : 0LL,
             c ? json_integer_value(c) : 0LL);
    }
}

static bool run_entry(const json_t *entry, size_t index)
{
    static const char *const KEYS[] = {"id",   "call", "args",   "status", "message",
                                       "path", "line", "column", "expect", "why"};
    run r = {.id = json_string_value(json_object_get(entry, "id"))};
    char fallback[32];
    if (!r.id) {
        snprintf(fallback, sizeof fallback, "entry %zu", index);
        r.id = fallback;
    }
    const char *unknown =
        json_is_object(entry) ? only_keys(entry, KEYS, sizeof KEYS / sizeof KEYS[0]) : "(not an object)";
    const char *why = json_string_value(json_object_get(entry, "why"));
    const char *name = json_string_value(json_object_get(entry, "call"));
    const json_t *status = json_object_get(entry, "status"), *expect = json_object_get(entry, "expect");
    r.args = json_object_get(entry, "args");
    if (unknown) {
        fail(&r, "table: unknown key '%s'", unknown);
    } else if (r.id == fallback || !why || strlen(why) < 10) {
        fail(&r, "table: an entry needs an id and a why");
    } else if (r.args && !json_is_object(r.args)) {
        fail(&r, "table: args must be an object");
    }
    const call *c = NULL;
    for (size_t i = 0; name && i < sizeof CALLS / sizeof CALLS[0]; i++) {
        c = strcmp(CALLS[i].name, name) == 0 ? &CALLS[i] : c;
    }
    if (!c) {
        fail(&r, "table: unknown call '%s'", name ? name : "(none)");
    }
    if (r.bad) {
        return false;
    }
    outcome o = {.takes_err = true, .status_call = true};
    kzp_error e;
    fill(&e, sizeof e);
    c->fn(&r, &o, &e);
    const char *k;
    const json_t *v;
    json_object_foreach(r.args, k, v)
    {
        bool used = false;
        for (size_t i = 0; i < r.nused; i++) {
            used = used || strcmp(r.used[i], k) == 0;
        }
        if (!used) {
            fail(&r, "table: unknown argument '%s' for %s", k, name);
        }
    }
    int want = status ? status_of(json_string_value(status) ? json_string_value(status) : "") : KZP_OK;
    if (o.status_call && !status) {
        fail(&r, "table: a status is needed");
    } else if (!o.status_call && status) {
        fail(&r, "table: %s returns no status", name);
    } else if (want == 1) {
        fail(&r, "table: unknown status name");
    } else if ((json_object_get(entry, "message") || json_object_get(entry, "path") || json_object_get(entry, "line") ||
                json_object_get(entry, "column")) &&
               (!o.takes_err || want == KZP_OK || !arg_pointer(&r, "err"))) {
        /* a fragment nobody compares would pass whatever the message said */
        fail(&r, "table: message, path, line and column are for failures of calls given a kzp_error");
    } else if (!r.bad && o.rc != want) {
        fail(&r, "returned %s, want %s (message '%.256s')", kzp_status_name(o.rc), kzp_status_name(want),
             o.takes_err && o.rc != KZP_OK && arg_pointer(&r, "err") ? e.message : "");
    } else if (!r.bad && o.rc != KZP_OK) {
        if (!o.untouched_ok) {
            fail(&r, "the call failed but changed its output");
        }
        if (o.takes_err && arg_pointer(&r, "err")) {
            check_err(&r, entry, &e, o.rc);
        }
    }
    if (getenv("KZP_CAPI_SHOW")) {
        /* for writing entries: what the call gave (the expectation still comes from the law) */
        char *shown = o.view ? json_dumps(o.view, JSON_COMPACT | JSON_ENSURE_ASCII) : NULL;
        fprintf(stderr, "%s: %s %s\n", r.id, kzp_status_name(o.rc), shown ? shown : "");
        free(shown);
    }
    if (!r.bad && expect) {
        if (!o.view) {
            fail(&r, "table: expect given, but the call leaves no values to compare");
        } else {
            matches(&r, expect, o.view, "expect");
        }
    } else if (!r.bad && o.rc == KZP_OK && o.view && !expect) {
        fail(&r, "table: a success must state the values it gives (expect)");
    }
    json_decref(o.view);
    for (size_t i = 0; i < r.nowned; i++) {
        kzp_ctx_free(r.owned[i]);
    }
    for (size_t i = 0; i < r.nallocs; i++) {
        free(r.allocs[i]);
    }
    clear_tmp();

    /* the entry did not disturb the embedded context: 200 MCI x 4,325 = 865,000 tenge */
    kzp_fine f;
    if (!r.bad &&
        (kzp_fine_compute(&f, g_base, "2026-02-10", kzp_whole(200), 0, NULL) != KZP_OK || f.amount_tiyn != 86500000)) {
        fail(&r, "afterwards the embedded context no longer prices 200 MCI at 86,500,000 tiyn");
    }
    return !r.bad;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap + 1);
    size_t got;
    while (b && (got = fread(b + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(b, cap * 2 + 1);
            if (!bigger) {
                free(b);
                b = NULL;
                break;
            }
            b = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (b) {
        b[n] = '\0';
        *len = n;
    }
    return b;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s capi.json kzpenalty.json\n", argv[0]);
        return 2;
    }
    json_error_t jerr;
    json_t *doc = json_load_file(argv[1], JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
    g_dataset = read_all(argv[2], &g_dataset_len);
    kzp_error e;
    snprintf(g_tmpdir, sizeof g_tmpdir, "/tmp/kzp-capi-XXXXXX");
    if (!doc || !g_dataset || kzp_ctx_new(&g_base, &e) != KZP_OK || !mkdtemp(g_tmpdir)) {
        fprintf(stderr, "cannot start: %s (line %d) or %s unreadable\n", jerr.text, jerr.line, argv[2]);
        json_decref(doc);
        free(g_dataset);
        return 2;
    }
    static const char *const TOP[] = {"about", "arguments", "entries"};
    const json_t *entries = json_object_get(doc, "entries");
    const char *unknown = only_keys(doc, TOP, 3);
    int status = 0;
    size_t failed = 0, n = json_array_size(entries);
    if (unknown || !json_is_array(entries)) {
        fprintf(stderr, "the table has an unknown key '%s' or no entries\n", unknown ? unknown : "");
        status = 1;
    }
    /* ids are unique, so a failure names one entry */
    for (size_t i = 0; i < n && status == 0; i++) {
        for (size_t j = 0; j < i; j++) {
            const char *a = json_string_value(json_object_get(json_array_get(entries, i), "id"));
            const char *b = json_string_value(json_object_get(json_array_get(entries, j), "id"));
            if (a && b && strcmp(a, b) == 0) {
                fprintf(stderr, "two entries are named %s\n", a);
                status = 1;
            }
        }
    }
    for (size_t i = 0; i < n && status == 0; i++) {
        failed += run_entry(json_array_get(entries, i), i) ? 0 : 1;
    }
    if (status == 0) {
        printf("hostile.capi: %zu entries, %zu failed\n", n, failed);
        status = failed ? 1 : 0;
    }
    rmdir(g_tmpdir);
    kzp_ctx_free(g_base);
    json_decref(doc);
    free(g_dataset);
    return status;
}
