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

size_t kzp_utf8_char_len(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (!p || n == 0) {
        return 0;
    }
    if (*p < 0x80) {
        return 1;
    }
    size_t len = *p >= 0xC2 && *p <= 0xDF ? 2 : *p >= 0xE0 && *p <= 0xEF ? 3 : *p >= 0xF0 && *p <= 0xF4 ? 4 : 0;
    if (len == 0 || len > n) {
        return 0;
    }
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            return 0;
        }
    }
    /* overlong three- and four-byte forms, surrogates, and values beyond U+10FFFF */
    if ((*p == 0xE0 && p[1] < 0xA0) || (*p == 0xED && p[1] >= 0xA0) || (*p == 0xF0 && p[1] < 0x90) ||
        (*p == 0xF4 && p[1] >= 0x90)) {
        return 0;
    }
    return len;
}

void kzp_message_mend(char *buf, size_t size, int needed)
{
    if (!buf || size < 4) {
        return;
    }
    if (needed >= 0 && (size_t)needed >= size) {
        /* cut: end with U+2026 at a character boundary, so the cut is visible and splits nothing */
        size_t end = size - 4; /* room for the three bytes of U+2026 and the NUL */
        while (end > 0 && ((unsigned char)buf[end] & 0xC0) == 0x80) {
            end--;
        }
        memcpy(buf + end, "\xE2\x80\xA6", 4);
    }
    size_t n = 0;
    while (n < size && buf[n]) {
        n++;
    }
    for (size_t i = 0; i < n;) {
        size_t k = kzp_utf8_char_len(buf + i, n - i);
        if (k == 0) {
            buf[i++] = '?';
        } else {
            i += k;
        }
    }
}

kzp_status kzp_fail(kzp_error *err, int code, const char *path, const char *fmt, ...)
{
    if (err) {
        memset(err, 0, sizeof *err);
        err->code = (kzp_status)code;
        if (path) {
            kzp_message_mend(err->path, sizeof err->path, snprintf(err->path, sizeof err->path, "%s", path));
        }
        va_list ap;
        va_start(ap, fmt);
        // NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): a false report; va_start is just above
        int needed = vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        kzp_message_mend(err->message, sizeof err->message, needed);
    }
    return (kzp_status)code;
}
