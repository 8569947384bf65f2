/* Status codes, their messages, error filling, the header's limits and the run-time version. */
#include "kzp_internal.h"

#include <stdio.h>
#include <string.h>

typedef struct status_entry {
    int code;
    const char *name;
    const char *message;
    const char *class_name; /* the bindings' error class */
} status_entry;

static const status_entry STATUSES[] = {
    {KZP_OK, "KZP_OK", "success", NULL},
    {KZP_E_INVALID_ARG, "KZP_E_INVALID_ARG", "invalid argument", "InvalidArgumentError"},
    {KZP_E_NOMEM, "KZP_E_NOMEM", "out of memory", "OutOfMemoryError"},
    {KZP_E_IO, "KZP_E_IO", "file could not be read", "DataFileError"},
    {KZP_E_JSON, "KZP_E_JSON", "malformed JSON", "JSONSyntaxError"},
    {KZP_E_SCHEMA, "KZP_E_SCHEMA", "dataset member missing, unknown or of the wrong type", "SchemaError"},
    {KZP_E_SCHEMA_VERSION, "KZP_E_SCHEMA_VERSION", "unsupported dataset schema version", "SchemaVersionError"},
    {KZP_E_BAD_DATE, "KZP_E_BAD_DATE", "not a real date in YYYY-MM-DD form", "BadDateError"},
    {KZP_E_BAD_NUMBER, "KZP_E_BAD_NUMBER", "not a valid amount", "BadNumberError"},
    {KZP_E_OVERFLOW, "KZP_E_OVERFLOW", "result too large", "AmountOverflowError"},
    {KZP_E_DATA_VALUE, "KZP_E_DATA_VALUE", "dataset value out of range", "DataValueError"},
    {KZP_E_DATA_ORDER, "KZP_E_DATA_ORDER", "MCI periods not ascending or overlapping", "DataOrderError"},
    {KZP_E_DATA_REF, "KZP_E_DATA_REF", "missing or unknown citation", "DataReferenceError"},
    {KZP_E_DATA_DUPLICATE, "KZP_E_DATA_DUPLICATE", "duplicate id in dataset", "DataDuplicateError"},
    {KZP_E_UNKNOWN_KIND, "KZP_E_UNKNOWN_KIND", "unknown kind, unit, category, purpose or status", "UnknownKindError"},
    {KZP_E_UNKNOWN_ARTICLE, "KZP_E_UNKNOWN_ARTICLE", "article not in the dataset", "UnknownArticleError"},
    {KZP_E_NOT_IN_FORCE, "KZP_E_NOT_IN_FORCE", "offence date before the article came into force", "NotInForceError"},
    {KZP_E_MCI_STALE, "KZP_E_MCI_STALE", "date after the last known MCI period: the data may be stale",
     "StaleMciError"},
    {KZP_E_MCI_BEFORE_FIRST, "KZP_E_MCI_BEFORE_FIRST", "date before the first known MCI period", "MciBeforeFirstError"},
    {KZP_E_NO_SANCTION, "KZP_E_NO_SANCTION", "article has no sanction of this kind", "NoSanctionError"},
    {KZP_E_NO_RULE, "KZP_E_NO_RULE", "dataset has no rule for this question", "NoRuleError"},
    {KZP_E_UNVERIFIED, "KZP_E_UNVERIFIED", "answer depends on an unverified fact (strict mode)", "UnverifiedError"},
};

static const status_entry *status_find(int code)
{
    for (size_t i = 0; i < sizeof STATUSES / sizeof STATUSES[0]; i++) {
        if (STATUSES[i].code == code) {
            return &STATUSES[i];
        }
    }
    return NULL;
}

const char *kzp_strerror(int code)
{
    const status_entry *e = status_find(code);
    return e ? e->message : "unknown status code";
}

const char *kzp_status_class(int code)
{
    const status_entry *e = status_find(code);
    return e ? e->class_name : NULL;
}

int kzp_status_count(void)
{
    return (int)(sizeof STATUSES / sizeof STATUSES[0]);
}

const char *kzp_status_name(int code)
{
    const status_entry *e = status_find(code);
    return e ? e->name : "KZP_E_UNKNOWN";
}

/* The limits of the header, for bindings that cannot read macros. */
size_t kzp_max_sanctions(void)
{
    return KZP_MAX_SANCTIONS;
}
size_t kzp_max_basis(void)
{
    return KZP_MAX_BASIS;
}
size_t kzp_max_payments(void)
{
    return KZP_MAX_PAYMENTS;
}
int64_t kzp_words_max(void)
{
    return KZP_WORDS_MAX;
}
size_t kzp_max_dataset_bytes(void)
{
    return KZP_MAX_DATASET_BYTES;
}

unsigned kzp_version_number(void)
{
    return KZP_VERSION_NUMBER;
}

const char *kzp_version_string(void)
{
    return KZP_VERSION_STRING;
}

/* Called on every successful query: reset what a reader looks at, not all 400 bytes. */
void kzp_error_clear(kzp_error *err)
{
    if (err) {
        err->code = KZP_OK;
        err->line = 0;
        err->column = 0;
        err->path[0] = '\0';
        err->message[0] = '\0';
    }
}

/* Length of the valid UTF-8 character at p, or 0. Strict, as Python's and JavaScript's decoders
 * are: no overlong forms (C0 80), no UTF-16 surrogates (ED A0 80), nothing above U+10FFFF. */
static int utf8_char_len(const unsigned char *p)
{
    if (*p < 0x80) {
        return 1;
    }
    int n = *p >= 0xC2 && *p <= 0xDF ? 2 : *p >= 0xE0 && *p <= 0xEF ? 3 : *p >= 0xF0 && *p <= 0xF4 ? 4 : 0;
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            return 0; /* also stops at the NUL: a NUL is not a continuation byte */
        }
    }
    if ((*p == 0xE0 && p[1] < 0xA0) || (*p == 0xED && p[1] >= 0xA0) || (*p == 0xF0 && p[1] < 0x90) ||
        (*p == 0xF4 && p[1] >= 0x90)) {
        return 0;
    }
    return n;
}

/* Replace bytes that do not form valid UTF-8 (a multi-byte character cut by a length limit,
 * or bytes from a caller's malformed input) with '?', so messages are always valid text. */
static void utf8_repair(char *s)
{
    unsigned char *p = (unsigned char *)s;
    while (*p) {
        int n = utf8_char_len(p);
        if (n == 0) {
            *p++ = '?';
            continue;
        }
        p += n;
    }
}

/* A text that did not fit a fixed field of kzp_error ends with "..." (U+2026) at a character
 * boundary, so a cut is visible and never splits a UTF-8 character. */
static void mark_cut(char *s, size_t size, int needed)
{
    if (needed < 0 || (size_t)needed < size) {
        return;
    }
    size_t end = size - 4; /* room for the three bytes of U+2026 and the NUL */
    while (end > 0 && ((unsigned char)s[end] & 0xC0) == 0x80) {
        end--; /* s[end] continues a character: cut before the character */
    }
    memcpy(s + end, "\xE2\x80\xA6", 4);
}

kzp_status kzp_fail(kzp_error *err, int code, const char *path, const char *fmt, ...)
{
    if (err) {
        memset(err, 0, sizeof *err);
        err->code = (kzp_status)code;
        if (path) {
            mark_cut(err->path, sizeof err->path, snprintf(err->path, sizeof err->path, "%s", path));
        }
        va_list ap;
        va_start(ap, fmt);
        // NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): a false report; va_start is just above
        int needed = vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        mark_cut(err->message, sizeof err->message, needed);
        utf8_repair(err->path);
        utf8_repair(err->message);
    }
    return (kzp_status)code;
}
