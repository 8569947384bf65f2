/* Reading JSON text into checked values (see json_read.h): the text's own problems, the path of
 * each value read, and one way to report a problem at it. */
#include "json_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LOAD_FLAGS (JSON_REJECT_DUPLICATES)

/* ---- JSON text ---- */

bool kzp_json_out_of_memory(const json_error_t *jerr)
{
    return json_error_code(jerr) == json_error_out_of_memory || jerr->text[0] == '\0';
}

/* A NUL byte inside the text: JSON has none, and jansson would only say "end of file". */
int kzp_json_nul(const char *json, size_t len, kzp_error *err)
{
    const char *nul = len ? memchr(json, '\0', len) : NULL;
    if (!nul) {
        return KZP_OK;
    }
    int line, column;
    kzp_text_position(json, len, (size_t)(nul - json), &line, &column);
    kzp_fail(err, KZP_E_JSON, "$", "line %d, column %d: a NUL byte; JSON text has none (is this a binary file?)", line,
             column);
    if (err) {
        err->line = line;
        err->column = column;
    }
    return KZP_E_JSON;
}

json_t *kzp_json_load(const char *json, size_t len, json_error_t *jerr)
{
    json_t *root = json_loadb(json, len, LOAD_FLAGS, jerr);
    if (!root && !kzp_json_out_of_memory(jerr)) {
        /* Well-formed JSON that is neither an object nor an array (42, "x", null) is not a
         * syntax error: hand it on, so the caller's shape check names what it is. jansson's
         * own message ("'[' or '{' expected") is kept for text that is not JSON at all. */
        json_error_t any;
        root = json_loadb(json, len, LOAD_FLAGS | JSON_DECODE_ANY, &any);
    }
    return root;
}

int kzp_json_syntax_error(kzp_error *err, const char *json, size_t len, const json_error_t *jerr)
{
    /* jansson counts columns in characters; report bytes, as for every other problem. */
    int line, column;
    kzp_text_position(json, len, (size_t)jerr->position, &line, &column);
    kzp_fail(err, KZP_E_JSON, "$", "line %d, column %d: %s", line, column, jerr->text);
    if (err) {
        err->line = line;
        err->column = column;
    }
    return KZP_E_JSON;
}

int kzp_parse_json(json_t **out, const char *json, size_t len, kzp_error *err)
{
    if (kzp_json_nul(json, len, err)) {
        return KZP_E_JSON;
    }
    json_error_t jerr;
    json_t *root = kzp_json_load(json, len, &jerr);
    if (!root && kzp_json_out_of_memory(&jerr)) {
        return kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory reading the JSON text");
    }
    if (!root) {
        return kzp_json_syntax_error(err, json, len, &jerr);
    }
    *out = root;
    return KZP_OK;
}

/* ---- The reader ---- */

void jr_init(jr *r, kzp_arena *arena, const char *text, size_t len, kzp_error *err)
{
    memset(r, 0, sizeof *r);
    r->arena = arena;
    r->err = err;
    r->text = text;
    r->len = len;
    r->path[0] = '$';
    r->plen = 1;
}

static int fail_v(jr *r, int code, const char *fmt, va_list ap)
{
    char msg[256];
    vsnprintf(msg, sizeof msg, fmt, ap); // NOLINT(clang-analyzer-valist.Uninitialized): the callers va_start it
    /* the path the user will look for: in the text they gave, when a map says where that is */
    char mapped[128];
    bool in_map = r->map && r->map->map(r->map, r->path, mapped);
    const char *path = in_map ? mapped : r->path;
    kzp_error e;
    kzp_fail(&e, code, path, "%s: %.200s", path, msg);
    /* a position costs a walk through the text: only for the problems that are kept */
    bool kept = (r->found == 0 && r->err) || (r->list && r->found < r->list_cap);
    if (kept && in_map) {
        kzp_json_locate(r->map->text, r->map->len, path, &e.line, &e.column);
    } else if (kept && r->text && !r->truncated) {
        kzp_json_locate(r->text, r->len, path, &e.line, &e.column);
    }
    if (r->found == 0 && r->err) {
        *r->err = e;
    }
    if (r->found == 0) {
        r->first = code;
    }
    if (r->list && r->found < r->list_cap) {
        r->list[r->found] = e;
    }
    r->found++;
    return code;
}

int jr_fail(jr *r, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = fail_v(r, code, fmt, ap); // NOLINT(clang-analyzer-valist.Uninitialized): va_start is just above
    va_end(ap);
    return rc;
}

int jr_fail_at(jr *r, const char *key, int code, const char *fmt, ...)
{
    size_t mark = jr_push_key(r, key);
    va_list ap;
    va_start(ap, fmt);
    int rc = fail_v(r, code, fmt, ap); // NOLINT(clang-analyzer-valist.Uninitialized): va_start is just above
    va_end(ap);
    jr_pop(r, mark);
    return rc;
}

size_t jr_push_key(jr *r, const char *key)
{
    size_t mark = r->plen;
    bool plain = key[0] != '\0';
    for (const char *k = key; *k; k++) {
        plain = plain && ((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || (*k >= '0' && *k <= '9') ||
                          *k == '_' || *k == '-');
    }
    char buf[sizeof r->path];
    size_t o = 0;
    if (plain) {
        o = (size_t)snprintf(buf, sizeof buf, ".%s", key);
    } else {
        buf[o++] = '[';
        buf[o++] = '"';
        for (const char *k = key; *k && o < sizeof buf - 4; k++) {
            if (*k == '"' || *k == '\\') {
                buf[o++] = '\\';
            }
            buf[o++] = *k;
        }
        buf[o++] = '"';
        buf[o++] = ']';
        buf[o] = '\0';
    }
    if (o >= sizeof r->path - r->plen) {
        r->truncated = true; /* too deep or too long to name: report without a position */
        o = sizeof r->path - r->plen - 1;
    }
    memcpy(r->path + r->plen, buf, o);
    r->plen += o;
    r->path[r->plen] = '\0';
    return mark;
}

size_t jr_push_index(jr *r, size_t i)
{
    size_t mark = r->plen;
    int n = snprintf(r->path + r->plen, sizeof r->path - r->plen, "[%zu]", i);
    if (n > 0) {
        r->plen += (size_t)n < sizeof r->path - r->plen ? (size_t)n : sizeof r->path - r->plen - 1;
    }
    return mark;
}

void jr_pop(jr *r, size_t mark)
{
    r->truncated = false;
    r->plen = mark;
    r->path[mark] = '\0';
}

const char *jr_type_word(json_type t)
{
    switch (t) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a floating-point number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

int jr_object(jr *r, const json_t *v, const char *const *allowed)
{
    if (!json_is_object(v)) {
        return jr_fail(r, KZP_E_SCHEMA, "expected an object, found %s", jr_type_word(v ? json_typeof(v) : JSON_NULL));
    }
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)v, key, val)
    {
        bool ok = false;
        for (const char *const *a = allowed; *a; a++) {
            ok = ok || strcmp(*a, key) == 0;
        }
        if (!ok) {
            return jr_fail_at(r, key, KZP_E_SCHEMA, "unknown member '%s'", key);
        }
    }
    return KZP_OK;
}

int jr_member(jr *r, const json_t *obj, const char *key, json_type type, bool required, json_t **out)
{
    json_t *v = json_object_get(obj, key);
    if (!v || (json_is_null(v) && !required && type != JSON_NULL)) {
        *out = NULL;
        return required ? jr_fail_at(r, key, KZP_E_SCHEMA, "required member '%s' is missing", key) : KZP_OK;
    }
    if (json_typeof(v) != type) {
        return jr_fail_at(r, key, KZP_E_SCHEMA, "must be %s, found %s", jr_type_word(type),
                          jr_type_word(json_typeof(v)));
    }
    *out = v;
    return KZP_OK;
}

int jr_string(jr *r, const json_t *obj, const char *key, bool required, bool nonempty, const char **out)
{
    json_t *v = NULL;
    int rc = jr_member(r, obj, key, JSON_STRING, required, &v);
    if (rc) {
        return rc;
    }
    const char *s = v ? json_string_value(v) : "";
    for (const char *c = s; *c; c++) {
        if ((unsigned char)*c < 0x20 || *c == 0x7f) {
            return jr_fail_at(r, key, KZP_E_SCHEMA,
                              "control characters (line breaks, tabs...) are not allowed in dataset text");
        }
    }
    if (nonempty && s[0] == '\0') {
        return jr_fail_at(r, key, KZP_E_SCHEMA, "must not be empty");
    }
    const char *copy = kzp_arena_strdup(r->arena, s);
    if (!copy) {
        return jr_fail(r, KZP_E_NOMEM, "out of memory");
    }
    *out = copy;
    return KZP_OK;
}

int jr_date(jr *r, const json_t *obj, const char *key, int32_t *days, char iso[11])
{
    json_t *v = NULL;
    int rc = jr_member(r, obj, key, JSON_STRING, true, &v);
    if (rc) {
        return rc;
    }
    if (!kzp_date_parse_days(days, json_string_value(v))) {
        return jr_fail_at(r, key, KZP_E_BAD_DATE, "'%.40s' is not a real calendar date in YYYY-MM-DD form",
                          json_string_value(v));
    }
    if (iso) {
        kzp_date_format_days(iso, *days);
    }
    return KZP_OK;
}

int jr_word(jr *r, const json_t *obj, const char *key, int (*parse)(int *, const char *), const char *expected,
            int *out)
{
    json_t *v = NULL;
    int rc = jr_member(r, obj, key, JSON_STRING, true, &v);
    if (rc) {
        return rc;
    }
    if (parse(out, json_string_value(v)) != KZP_OK) {
        return jr_fail_at(r, key, KZP_E_UNKNOWN_KIND, "'%.40s' is not known; expected one of: %s", json_string_value(v),
                          expected);
    }
    return KZP_OK;
}

int jr_amount(jr *r, const json_t *obj, const char *key, bool required, bool *present, int64_t *centi)
{
    json_t *v = json_object_get(obj, key);
    *present = false;
    if (!v || json_is_null(v)) {
        return required ? jr_fail_at(r, key, KZP_E_SCHEMA, "required member '%s' is missing", key) : KZP_OK;
    }
    if (json_is_integer(v)) {
        json_int_t n = json_integer_value(v);
        if (n < 0) {
            return jr_fail_at(r, key, KZP_E_DATA_VALUE, "%lld is negative; amounts are zero or more", (long long)n);
        }
        if (!kzp_mul_i64(centi, (int64_t)n, 100)) {
            return jr_fail_at(r, key, KZP_E_OVERFLOW, "%lld is too large", (long long)n);
        }
        *present = true;
        return KZP_OK;
    }
    if (json_is_string(v)) {
        kzp_error sub;
        kzp_qty q;
        const char *text = json_string_value(v);
        if (strchr(text, ',')) { /* a dataset is written for machines: one decimal separator */
            return jr_fail_at(r, key, KZP_E_BAD_NUMBER, "'%.40s': a dataset writes decimals with a point, e.g. \"0.2\"",
                              text);
        }
        int rc = kzp_qty_parse(&q, text, &sub);
        if (rc) {
            return jr_fail_at(r, key, rc, "%s", sub.message);
        }
        *centi = q.centi;
        *present = true;
        return KZP_OK;
    }
    if (json_is_real(v)) {
        return jr_fail_at(r, key, KZP_E_SCHEMA,
                          "floating-point numbers are not accepted; write an integer or a decimal string such as "
                          "\"0.2\"");
    }
    return jr_fail_at(r, key, KZP_E_SCHEMA, "must be an integer or a decimal string, found %s",
                      jr_type_word(json_typeof(v)));
}

int jr_texts_value(jr *r, const json_t *t, const char *out[KZP_LANG_COUNT])
{
    const char *const langs[] = {kzp_lang_name(KZP_LANG_EN), kzp_lang_name(KZP_LANG_RU), kzp_lang_name(KZP_LANG_KK),
                                 NULL}; /* the members are the languages' codes */
    int rc = jr_object(r, t, langs);
    for (int lang = 0; lang < KZP_LANG_COUNT && !rc; lang++) {
        rc = jr_string(r, t, langs[lang], true, true, &out[lang]);
    }
    return rc;
}

int jr_texts(jr *r, const json_t *obj, const char *key, bool required, const char *out[KZP_LANG_COUNT])
{
    json_t *t = NULL;
    out[0] = out[1] = out[2] = "";
    int rc = jr_member(r, obj, key, JSON_OBJECT, required, &t);
    if (rc || !t) {
        return rc;
    }
    size_t m = jr_push_key(r, key);
    rc = jr_texts_value(r, t, out);
    jr_pop(r, m);
    return rc;
}
