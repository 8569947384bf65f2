/* kzpenalty.node: the Node-API addon over the public C API. It translates JavaScript values
 * in (ISO date strings, amounts as integer numbers, bigints or decimal strings) and the
 * library's results out (frozen plain objects, money as bigint tiyn, quantities as exact
 * decimal strings). No rule of law is computed here. State lives in the instance data of each
 * environment, so the addon works in worker threads. */
#define NAPI_VERSION 8
#include <node_api.h>

#include <kzpenalty.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uchar.h>

/* Result classes defined in index.js: JS builds and freezes the objects, which V8 does far
 * faster than property-by-property creation from C. Without them (not registered), plain
 * frozen objects with the same fields are made. */
enum {
    R_CITATION,
    R_RECEIPT,
    R_MCI,
    R_BOUND,
    R_RESTRICTION,
    R_SANCTION,
    R_PAYMENT,
    R_RANGE,
    R_FINE,
    R_CHECK,
    R_CONVERSION,
    R_COUNT
};
/* Text to hundredths with the library's parser (a point or a comma) and its message. */
static kzp_status parse_centi(int64_t *centi, const char *text, kzp_error *err)
{
    kzp_qty q;
    kzp_status rc = kzp_qty_parse(&q, text, err);
    if (rc == KZP_OK) {
        *centi = q.centi;
    }
    return rc;
}

static const char *const RESULT_NAMES[R_COUNT] = {"Citation", "Receipt", "Mci",  "Bound", "Restriction", "Sanction",
                                                  "Payment",  "Range",   "Fine", "Check", "Conversion"};

typedef struct addon_state {
    napi_ref context_ctor;
    int n_errors;     /* kzp_status_count(): the library says how many statuses it has */
    napi_ref *errors; /* [n_errors], by -status; [0] is the base class KzpError */
    napi_ref results[R_COUNT];
    napi_ref scratch; /* ArrayBuffer the fine fast path writes its numbers to (see m_fine_fast) */
} addon_state;

#define MAX_CACHED 64
#define MAX_RANGES 16

typedef struct cached_citation {
    const kzp_citation *key;
    napi_ref ref;
} cached_citation;

/* A range's sanctions and basis arrays, shared by the answers the library says are the same
 * (kzp_range's valid_from..valid_until): the same call (range or check) on the same article with
 * the same flags, whose interval is the same. Nothing about the law is assumed. */
enum { FROM_RANGE, FROM_CHECK };
typedef struct cached_range {
    const char *article; /* borrowed from the context, as the library gives it */
    unsigned flags;
    int call; /* FROM_RANGE or FROM_CHECK */
    char valid_from[11], valid_until[11];
    napi_ref sanctions, basis;
} cached_range;

/* The parts of a fine that index.js's fast path takes from an earlier Fine (its validity
 * interval, its MCI but the date, its basis); a slot is shared only by fines whose parts are all
 * equal, so reusing them assumes nothing. The slot's index goes to the scratch buffer. */
#define FINE_SLOT_BASIS 4 /* a fine cites Art. 41 part 1 and its MCI: a longer basis is not shared */
typedef struct fine_slot {
    char valid_from[11], valid_until[11];
    int64_t tenge;
    char mci_from[11], mci_valid_from[11], mci_valid_until[11];
    int purpose, stale, certainty;
    const kzp_citation *citation;
    size_t basis_count;
    const kzp_citation *basis[FINE_SLOT_BASIS];
    napi_ref basis_arr;
} fine_slot;

/* A Context's C data and the JS objects its results share. A JS object belongs to one
 * environment (a worker has its own Context objects), so these caches need no lock; they are
 * filled lazily and released by the finalizer. Each grows only as results are shared: Node
 * runs finalizers only when the event loop turns, so contexts made in a synchronous loop
 * (c.whatIf(n) a million times) are all held until it ends, and an unused one must cost little. */
typedef struct context_box {
    kzp_ctx *ctx;
    int64_t external; /* bytes told to V8 (napi_adjust_external_memory): the context's and the box's */
    napi_ref receipt;
    napi_ref updates; /* the array updates() returns, which every receipt holds */
    size_t n_cit, cap_cit;
    cached_citation *cit;
    size_t n_ranges, cap_ranges, next_range; /* when full, next_range is the entry replaced next */
    cached_range *ranges;
    size_t n_fines, cap_fines; /* never replaced: index.js keeps an earlier Fine by slot index */
    fine_slot *fines;
} context_box;

/* ---- Small helpers (every napi call is checked; a failure leaves a pending JS exception) ---- */

#define CHECK(call)                                                                                                    \
    do {                                                                                                               \
        if ((call) != napi_ok) {                                                                                       \
            return NULL;                                                                                               \
        }                                                                                                              \
    } while (0)

static addon_state *state_of(napi_env env)
{
    addon_state *st = NULL;
    napi_get_instance_data(env, (void **)&st);
    return st;
}

static napi_value throw_type(napi_env env, const char *msg)
{
    napi_throw_type_error(env, NULL, msg);
    return NULL;
}

/* Throw the error class for a status (registered from index.js), with code and details. */
static napi_value throw_status(napi_env env, int rc, const kzp_error *err)
{
    addon_state *st = state_of(env);
    int idx = st && -rc > 0 && -rc < st->n_errors ? -rc : 0;
    const char *msg = err && err->message[0] ? err->message : kzp_strerror(rc);
    napi_value cls = NULL, message, exc;
    if (st && st->errors[idx]) {
        napi_get_reference_value(env, st->errors[idx], &cls);
    }
    if (!cls && st && st->errors[0]) {
        napi_get_reference_value(env, st->errors[0], &cls);
    }
    CHECK(napi_create_string_utf8(env, msg, NAPI_AUTO_LENGTH, &message));
    if (cls) {
        CHECK(napi_new_instance(env, cls, 1, &message, &exc));
    } else {
        CHECK(napi_create_error(env, NULL, message, &exc));
    }
    napi_value code, status, path, line, column;
    napi_create_string_utf8(env, kzp_status_name(rc), NAPI_AUTO_LENGTH, &code);
    napi_create_int32(env, rc, &status);
    napi_create_string_utf8(env, err ? err->path : "", NAPI_AUTO_LENGTH, &path);
    napi_create_int32(env, err ? err->line : 0, &line);
    napi_create_int32(env, err ? err->column : 0, &column);
    napi_set_named_property(env, exc, "code", code);
    napi_set_named_property(env, exc, "status", status);
    napi_set_named_property(env, exc, "path", path);
    napi_set_named_property(env, exc, "line", line);
    napi_set_named_property(env, exc, "column", column);
    napi_throw(env, exc);
    return NULL;
}

static napi_value str(napi_env env, const char *s)
{
    napi_value v;
    return napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &v) == napi_ok ? v : NULL;
}

static napi_value boolean(napi_env env, bool b)
{
    napi_value v;
    return napi_get_boolean(env, b, &v) == napi_ok ? v : NULL;
}

static napi_value int64v(napi_env env, int64_t n)
{
    napi_value v;
    return napi_create_int64(env, n, &v) == napi_ok ? v : NULL;
}

static napi_value bigint(napi_env env, int64_t n)
{
    napi_value v;
    return napi_create_bigint_int64(env, n, &v) == napi_ok ? v : NULL;
}

static napi_value cached_value(napi_env env, napi_ref ref)
{
    napi_value v = NULL;
    return napi_get_reference_value(env, ref, &v) == napi_ok ? v : NULL;
}

static napi_value null_value(napi_env env)
{
    napi_value v;
    napi_get_null(env, &v);
    return v;
}

/* Exact decimal text of hundredths: "200", "0.2". */
static napi_value decimal_str(napi_env env, int64_t centi)
{
    char buf[40];
    kzp_qty_format(buf, sizeof buf, kzp_hundredths(centi), KZP_LANG_EN);
    return str(env, buf);
}

static napi_value money_text(napi_env env, int64_t tiyn)
{
    char buf[64];
    kzp_tenge_format(buf, sizeof buf, tiyn, KZP_MONEY_SIGN);
    return str(env, buf);
}

/* An object from parallel arrays of names and values, then frozen. NULL values fail. */
static napi_value frozen(napi_env env, const char *const *names, napi_value *values, size_t n)
{
    napi_value o;
    CHECK(napi_create_object(env, &o));
    for (size_t i = 0; i < n; i++) {
        if (!values[i]) {
            return NULL;
        }
        CHECK(napi_set_named_property(env, o, names[i], values[i]));
    }
    CHECK(napi_object_freeze(env, o));
    return o;
}

/* A result object of a registered class (positional constructor), else a frozen plain object. */
static napi_value result(napi_env env, int kind, const char *const *names, napi_value *values, size_t n)
{
    addon_state *st = state_of(env);
    napi_value cls = st && st->results[kind] ? cached_value(env, st->results[kind]) : NULL;
    if (!cls) {
        return frozen(env, names, values, n);
    }
    for (size_t i = 0; i < n; i++) {
        if (!values[i]) {
            return NULL;
        }
    }
    napi_value o;
    CHECK(napi_new_instance(env, cls, n, values, &o));
    return o;
}

static napi_value frozen_array(napi_env env, napi_value *items, size_t n)
{
    napi_value a;
    CHECK(napi_create_array_with_length(env, n, &a));
    for (size_t i = 0; i < n; i++) {
        if (!items[i]) {
            return NULL;
        }
        CHECK(napi_set_element(env, a, (uint32_t)i, items[i]));
    }
    CHECK(napi_object_freeze(env, a));
    return a;
}

/* ---- Arguments ---- */

static bool get_string(napi_env env, napi_value v, char *buf, size_t size, const char *what)
{
    napi_valuetype t;
    napi_typeof(env, v, &t);
    if (t != napi_string) {
        char msg[128];
        snprintf(msg, sizeof msg, "%s must be a string", what);
        throw_type(env, msg);
        return false;
    }
    size_t len, copied = 0;
    napi_get_value_string_utf8(env, v, NULL, 0, &len);
    /* copied never splits a character and buf[copied] is always the terminator */
    napi_get_value_string_utf8(env, v, buf, size, &copied);
    buf[copied] = '\0';
    if (len >= size || strlen(buf) != copied) {
        /* too long to be a date, a kind, an amount or an article id, or with an embedded NUL:
         * hand the library text that no valid value starts with, so it is rejected, not cut */
        buf[0] = '?';
    }
    return true;
}

/* An article id, whole: ids come from the dataset, which sets no length, so a fixed buffer would
 * turn a long one (40 Cyrillic letters are 80 bytes) into an unknown article. malloc'ed, for the
 * caller to free; NULL after throwing. A NUL inside is handled as get_string does. */
static char *get_article(napi_env env, napi_value v)
{
    napi_valuetype t;
    napi_typeof(env, v, &t);
    if (t != napi_string) {
        throw_type(env, "article must be a string");
        return NULL;
    }
    size_t len = 0, copied = 0;
    napi_get_value_string_utf8(env, v, NULL, 0, &len);
    char *buf = malloc(len + 1);
    if (!buf) {
        throw_status(env, KZP_E_NOMEM, NULL);
        return NULL;
    }
    napi_get_value_string_utf8(env, v, buf, len + 1, &copied);
    buf[copied] = '\0';
    if (strlen(buf) != copied) {
        buf[0] = '?'; /* an embedded NUL: rejected as no article, not cut to one */
    }
    return buf;
}

static napi_value throw_range(napi_env env, const char *msg)
{
    napi_throw_range_error(env, NULL, msg);
    return NULL;
}

/* The largest magnitude a JavaScript number holds with every integer below it: 2^53 - 1. */
#define MAX_SAFE_NUMBER 9007199254740991.0

/* A number that must be a whole number, exact as a double: NaN or a fraction is a TypeError, a
 * magnitude beyond 2^53 - 1 (Infinity included) a RangeError, since such a number may already
 * have been rounded before it got here. decimal_ok: the argument also takes decimal strings. */
static bool get_whole_number(napi_env env, napi_value v, int64_t *out, const char *what, bool decimal_ok)
{
    double d = 0;
    char msg[256];
    napi_get_value_double(env, v, &d);
    if (d != d) { /* NaN */
        snprintf(msg, sizeof msg, "%s must be a whole number, not NaN", what);
        throw_type(env, msg);
        return false;
    }
    if (d > MAX_SAFE_NUMBER || d < -MAX_SAFE_NUMBER) {
        snprintf(msg, sizeof msg, "%s is too large to be exact as a JavaScript number (beyond 2^53 - 1): pass %s", what,
                 decimal_ok ? "a bigint or a decimal string" : "a bigint");
        throw_range(env, msg);
        return false;
    }
    int64_t n = (int64_t)d; /* exact: |d| < 2^53 */
    if ((double)n != d) {
        snprintf(msg, sizeof msg, "%s must be a whole number%s", what,
                 decimal_ok ? ", a bigint or a decimal string such as '0.2' (a fractional number is not exact)" : "");
        throw_type(env, msg);
        return false;
    }
    *out = n;
    return true;
}

/* A bigint in int64; *negative tells its sign even when it does not fit (*lossless false). */
static void get_bigint(napi_env env, napi_value v, int64_t *out, bool *lossless, bool *negative)
{
    uint64_t word = 0;
    size_t count = 1;
    int sign = 0;
    napi_get_value_bigint_int64(env, v, out, lossless);
    napi_get_value_bigint_words(env, v, &sign, &count, &word);
    *negative = sign != 0;
}

/* An amount: a whole number or a bigint (whole units), or a decimal string ("0.2").
 * Returns false with a TypeError or RangeError pending; *rc receives a library status for a
 * bad value (negative, too large), reported after the other arguments are read. */
static bool get_amount(napi_env env, napi_value v, int64_t *centi, int *rc, kzp_error *err, const char *what)
{
    napi_valuetype t;
    napi_typeof(env, v, &t);
    *rc = KZP_OK;
    if (t == napi_number || t == napi_bigint) {
        int64_t n = 0;
        bool lossless = true, negative = false;
        if (t == napi_number) {
            if (!get_whole_number(env, v, &n, what, true)) {
                return false;
            }
            negative = n < 0;
        } else {
            get_bigint(env, v, &n, &lossless, &negative);
        }
        if (negative) {
            *rc = KZP_E_BAD_NUMBER;
            snprintf(err->message, sizeof err->message, "%s cannot be negative", what);
        } else if (!lossless || n > INT64_MAX / 100) {
            *rc = KZP_E_OVERFLOW;
            snprintf(err->message, sizeof err->message, "%s is too large: at most %lld whole units", what,
                     (long long)(INT64_MAX / 100));
        } else {
            *centi = n * 100;
        }
        return true;
    }
    if (t == napi_string) {
        /* the whole text goes to the library, however long: a long run of digits is too large
         * an amount (KZP_E_OVERFLOW), not an unreadable one */
        char small[64], *buf = small;
        size_t len = 0, copied = 0;
        napi_get_value_string_utf8(env, v, NULL, 0, &len);
        if (len >= sizeof small && !(buf = malloc(len + 1))) {
            throw_status(env, KZP_E_NOMEM, NULL);
            return false;
        }
        napi_get_value_string_utf8(env, v, buf, len + 1, &copied);
        buf[copied] = '\0';
        if (strlen(buf) != copied) {
            buf[0] = '?'; /* an embedded NUL: text that no amount starts with, so it is refused, not cut */
        }
        *rc = parse_centi(centi, buf, err);
        if (buf != small) {
            free(buf);
        }
        return true;
    }
    char msg[160];
    snprintf(msg, sizeof msg, "%s must be a whole number, a bigint or a decimal string", what);
    throw_type(env, msg);
    return false;
}

/* The query options each call takes, by name, with the library flag each sets. */
static const char *const OPTION_NAMES[] = {"mitigated", "accelerated", "orderProcedure", "allowStale", "strict"};
static const unsigned OPTION_BITS[] = {KZP_Q_MITIGATED, KZP_Q_ACCELERATED, KZP_Q_ORDER_PROCEDURE, KZP_Q_ALLOW_STALE,
                                       KZP_Q_STRICT};
#define N_OPTIONS (sizeof OPTION_NAMES / sizeof OPTION_NAMES[0])
/* range(), check(), sanctionTexts(): every query flag */
#define OPTIONS_RANGE (KZP_Q_MITIGATED | KZP_Q_ACCELERATED | KZP_Q_ORDER_PROCEDURE | KZP_Q_ALLOW_STALE | KZP_Q_STRICT)
/* mci(), fine(): the flags the library reads for them */
#define OPTIONS_PRICE (KZP_Q_ALLOW_STALE | KZP_Q_STRICT)

/* An options argument: undefined or null (none), or an object that is not an array. */
static bool options_object(napi_env env, napi_value opts, bool *present, const char *example)
{
    napi_valuetype t = napi_undefined;
    bool array = false;
    *present = false;
    if (!opts) {
        return true;
    }
    napi_typeof(env, opts, &t);
    if (t == napi_undefined || t == napi_null) {
        return true;
    }
    napi_is_array(env, opts, &array);
    if (t != napi_object || array) {
        char msg[128];
        snprintf(msg, sizeof msg, "options must be an object such as %s", example);
        throw_type(env, msg);
        return false;
    }
    *present = true;
    return true;
}

/* Every own enumerable key of opts must be one of names[0..n) whose bit is in allowed: a
 * misspelt option ({mitigate: true}) is a TypeError, never silently ignored. */
static bool known_keys(napi_env env, napi_value opts, const char *const *names, size_t n, unsigned allowed,
                       const unsigned *bits, const char *call)
{
    napi_value keys;
    uint32_t count = 0;
    if (napi_get_all_property_names(env, opts, napi_key_own_only, napi_key_enumerable | napi_key_skip_symbols,
                                    napi_key_numbers_to_strings, &keys) != napi_ok ||
        napi_get_array_length(env, keys, &count) != napi_ok) {
        return false; /* a throwing proxy: its exception is pending */
    }
    for (uint32_t i = 0; i < count; i++) {
        napi_value key;
        char name[64];
        size_t len = 0, copied = 0;
        if (napi_get_element(env, keys, i, &key) != napi_ok) {
            return false;
        }
        napi_get_value_string_utf8(env, key, NULL, 0, &len);
        napi_get_value_string_utf8(env, key, name, sizeof name, &copied);
        bool known = false;
        for (size_t k = 0; k < n && !known; k++) {
            known = len == strlen(names[k]) && strcmp(name, names[k]) == 0 && (!bits || (allowed & bits[k]));
        }
        if (!known) {
            char takes[160] = "";
            size_t used = 0;
            for (size_t k = 0; k < n; k++) {
                if (!bits || (allowed & bits[k])) {
                    used += (size_t)snprintf(takes + used, sizeof takes - used, "%s%s", used ? ", " : "", names[k]);
                }
            }
            char msg[320];
            snprintf(msg, sizeof msg, "options.%s%s is not an option of %s(); it takes %s", name,
                     len >= sizeof name ? "..." : "", call, takes);
            throw_type(env, msg);
            return false;
        }
    }
    return true;
}

/* Query options: {mitigated, accelerated, orderProcedure, allowStale, strict}, each a boolean
 * when given, only those in allowed for this call; undefined or null means none. */
static bool get_flags(napi_env env, napi_value opts, unsigned allowed, const char *call, unsigned *flags)
{
    bool present;
    *flags = 0;
    if (!options_object(env, opts, &present, "{ mitigated: true }")) {
        return false;
    }
    if (!present) {
        return true;
    }
    if (!known_keys(env, opts, OPTION_NAMES, N_OPTIONS, allowed, OPTION_BITS, call)) {
        return false;
    }
    for (size_t i = 0; i < N_OPTIONS; i++) {
        bool has = false;
        if (!(allowed & OPTION_BITS[i])) {
            continue;
        }
        if (napi_has_named_property(env, opts, OPTION_NAMES[i], &has) != napi_ok) {
            return false; /* a throwing proxy or getter: its exception is pending */
        }
        if (!has) {
            continue;
        }
        napi_value v;
        if (napi_get_named_property(env, opts, OPTION_NAMES[i], &v) != napi_ok) {
            return false;
        }
        napi_valuetype vt;
        napi_typeof(env, v, &vt);
        if (vt == napi_undefined) {
            continue;
        }
        if (vt != napi_boolean) {
            char msg[96];
            snprintf(msg, sizeof msg, "options.%s must be a boolean", OPTION_NAMES[i]);
            throw_type(env, msg);
            return false;
        }
        bool b;
        napi_get_value_bool(env, v, &b);
        *flags |= b ? OPTION_BITS[i] : 0;
    }
    return true;
}

/* The message for a word the library does not know ("kind must be one of 'fine', ..."), listing
 * the words it does know by asking it for each value's name until there is none. */
static void one_of_message(kzp_error *err, const char *what, const char *(*name)(int))
{
    size_t used = (size_t)snprintf(err->message, sizeof err->message, "%s must be one of", what);
    for (int v = 0; name(v) && used < sizeof err->message; v++) {
        used += (size_t)snprintf(err->message + used, sizeof err->message - used, "%s '%s'", v ? "," : "", name(v));
    }
}

/* convert()'s options: {rule}, a rule word the library parses ('unpaid-fine'); none means
 * aggregation (Art. 61, kzp_convert). *rc receives KZP_E_UNKNOWN_KIND for a word it does not know. */
static bool get_rule(napi_env env, napi_value opts, int *rule, int *rc, kzp_error *err)
{
    static const char *const NAMES[] = {"rule"};
    bool present, has = false;
    *rule = KZP_RULE_AGGREGATION;
    *rc = KZP_OK;
    if (!options_object(env, opts, &present, "{ rule: 'unpaid-fine' }")) {
        return false;
    }
    if (!present) {
        return true;
    }
    if (!known_keys(env, opts, NAMES, 1, 0, NULL, "convert") ||
        napi_has_named_property(env, opts, "rule", &has) != napi_ok) {
        return false;
    }
    napi_value v;
    napi_valuetype vt = napi_undefined;
    if (has) {
        if (napi_get_named_property(env, opts, "rule", &v) != napi_ok) {
            return false;
        }
        napi_typeof(env, v, &vt);
    }
    if (vt == napi_undefined) {
        return true;
    }
    char word[40];
    if (!get_string(env, v, word, sizeof word, "options.rule")) {
        return false;
    }
    if (kzp_conversion_rule_parse(rule, word) != KZP_OK) {
        one_of_message(err, "options.rule", kzp_conversion_rule_name);
        *rc = KZP_E_UNKNOWN_KIND;
    }
    return true;
}

/* A word of the library's vocabulary (a language, money style, gender or case) read by its own
 * parser; an unknown word is a TypeError (a wrong argument, as for a type) with the library's
 * message, which lists the words it knows. */
typedef kzp_status (*word_parser)(int *out, const char *word, kzp_error *err);

static bool parse_word(napi_env env, word_parser parse, const char *word, int *out, const char *what)
{
    kzp_error err = {0};
    if (parse(out, word, &err) == KZP_OK) {
        return true;
    }
    char msg[sizeof err.message + 64];
    snprintf(msg, sizeof msg, "%s: %s", what, err.message);
    throw_type(env, msg);
    return false;
}

/* this -> the box it wraps (NULL with a TypeError pending). */
static context_box *this_box(napi_env env, napi_callback_info info, size_t *argc, napi_value *argv)
{
    napi_value self;
    void *box = NULL;
    if (napi_get_cb_info(env, info, argc, argv, &self, NULL) != napi_ok || napi_unwrap(env, self, &box) != napi_ok ||
        !box) {
        throw_type(env, "not a kzpenalty Context");
        return NULL;
    }
    return box;
}

static kzp_ctx *this_ctx(napi_env env, napi_callback_info info, size_t *argc, napi_value *argv)
{
    context_box *box = this_box(env, info, argc, argv);
    return box ? box->ctx : NULL;
}

/* The value behind a cached reference, or NULL if none yet or it was collected. */
static napi_value cached(napi_env env, napi_ref ref)
{
    napi_value v = NULL;
    if (ref && napi_get_reference_value(env, ref, &v) != napi_ok) {
        return NULL;
    }
    return v;
}

/* Cache v in *slot, replacing a collected value. The reference is weak: results share the
 * object while any of them holds it, and nothing else keeps it alive, because a reference is
 * only released by the Context's finalizer, which Node runs when the event loop turns, and a
 * synchronous loop over many Contexts would hold every one's objects until then. */
static napi_value keep(napi_env env, napi_ref *slot, napi_value v)
{
    if (v) {
        if (*slot) {
            napi_delete_reference(env, *slot);
            *slot = NULL;
        }
        napi_create_reference(env, v, 0, slot);
    }
    return v;
}

static void external_add(napi_env env, context_box *box, int64_t bytes)
{
    int64_t now;
    if (napi_adjust_external_memory(env, bytes, &now) == napi_ok) {
        box->external += bytes;
    }
}

/* A cache array grown by doubling up to max entries; false when full or out of memory (the
 * caller then builds the object without caching it). */
static bool grow(napi_env env, context_box *box, void **items, size_t *cap, size_t n, size_t size, size_t max)
{
    if (n < *cap) {
        return true;
    }
    size_t ncap = *cap ? *cap * 2 : 4;
    ncap = ncap < max ? ncap : max;
    void *p = n < ncap ? realloc(*items, ncap * size) : NULL;
    if (!p) {
        return false;
    }
    memset((char *)p + *cap * size, 0, (ncap - *cap) * size);
    external_add(env, box, (int64_t)((ncap - *cap) * size));
    *items = p;
    *cap = ncap;
    return true;
}

/* ---- Result objects ---- */

/* A frozen object of one value per language, keyed by the library's codes (kzp_lang_name). */
static napi_value by_lang_values(napi_env env, napi_value *values)
{
    const char *names[KZP_LANG_COUNT];
    for (int l = 0; l < KZP_LANG_COUNT; l++) {
        names[l] = kzp_lang_name(l);
    }
    return frozen(env, names, values, KZP_LANG_COUNT);
}

/* A frozen {en, ru, kk} object of texts indexed by kzp_lang ("" for a missing one). */
static napi_value by_lang(napi_env env, const char *const *texts)
{
    napi_value v[KZP_LANG_COUNT];
    for (int l = 0; l < KZP_LANG_COUNT; l++) {
        v[l] = str(env, texts[l] ? texts[l] : "");
    }
    return by_lang_values(env, v);
}

static napi_value citation_obj(napi_env env, const kzp_citation *c)
{
    static const char *const N[] = {"id",       "act",    "reference", "actIn", "referenceIn",
                                    "document", "seenIn", "note",      "status"};
    napi_value v[] = {str(env, c->id),
                      str(env, c->act),
                      str(env, c->reference),
                      by_lang(env, c->act_in),
                      by_lang(env, c->reference_in),
                      str(env, c->document),
                      str(env, c->seen_in),
                      str(env, c->note),
                      str(env, kzp_certainty_name(c->certainty))};
    return result(env, R_CITATION, N, v, 9);
}

static napi_value citation_of(napi_env env, context_box *box, const kzp_citation *c)
{
    size_t i = 0;
    while (i < box->n_cit && box->cit[i].key != c) {
        i++;
    }
    napi_value v = i < box->n_cit ? cached(env, box->cit[i].ref) : NULL;
    if (v) {
        return v;
    }
    v = citation_obj(env, c);
    if (i < box->n_cit) {
        keep(env, &box->cit[i].ref, v); /* collected since: shared again from now on */
    } else if (v && grow(env, box, (void **)&box->cit, &box->cap_cit, box->n_cit, sizeof *box->cit, MAX_CACHED) &&
               keep(env, &box->cit[box->n_cit].ref, v) && box->cit[box->n_cit].ref) {
        box->cit[box->n_cit++].key = c;
    }
    return v;
}

/* A citation, or null where the library gives none. */
static napi_value citation_or_null(napi_env env, context_box *box, const kzp_citation *c)
{
    return c ? citation_of(env, box, c) : null_value(env);
}

static napi_value basis_arr(napi_env env, context_box *box, const kzp_citation *const *basis, size_t n)
{
    napi_value items[KZP_MAX_BASIS];
    for (size_t i = 0; i < n; i++) {
        items[i] = citation_of(env, box, basis[i]);
    }
    return frozen_array(env, items, n);
}

/* The MCI periods of every update applied to the Context, the first applied first, each with the
 * update's file and SHA-256 as the library kept them: a frozen array of frozen objects. */
static napi_value updates_new(napi_env env, context_box *box)
{
    size_t n = kzp_update_count(box->ctx);
    napi_value a;
    CHECK(napi_create_array_with_length(env, n, &a));
    for (size_t i = 0; i < n; i++) {
        kzp_update u;
        kzp_update_at(&u, box->ctx, i);
        static const char *const N[] = {"source", "sha256", "from", "tenge", "purpose", "citation"};
        napi_value v[] = {str(env, u.source),
                          str(env, u.sha256),
                          str(env, u.period.from),
                          int64v(env, u.period.tenge),
                          str(env, u.period.purpose_all ? "all" : kzp_purpose_name(u.period.purpose)),
                          citation_of(env, box, u.period.citation)};
        napi_value o = frozen(env, N, v, 6);
        if (!o) {
            return NULL;
        }
        CHECK(napi_set_element(env, a, (uint32_t)i, o));
    }
    CHECK(napi_object_freeze(env, a));
    return a;
}

/* The Context's updates array: ctx.updates() and every receipt share it while any holds it. */
static napi_value updates_of(napi_env env, context_box *box)
{
    napi_value v = cached(env, box->updates);
    return v ? v : keep(env, &box->updates, updates_new(env, box));
}

static napi_value receipt_new(napi_env env, context_box *box)
{
    kzp_dataset_info i;
    kzp_ctx_info(&i, box->ctx);
    static const char *const N[] = {"library",       "dataset", "datasetVersion", "datasetFingerprint",
                                    "datasetSha256", "updates", "hypothetical"};
    napi_value v[] = {
        str(env, kzp_version_string()),     str(env, i.id),       str(env, i.version),         str(env, i.fingerprint),
        str(env, kzp_ctx_sha256(box->ctx)), updates_of(env, box), boolean(env, i.hypothetical)};
    return result(env, R_RECEIPT, N, v, 7);
}

static napi_value receipt_of(napi_env env, context_box *box)
{
    napi_value v = cached(env, box->receipt);
    return v ? v : keep(env, &box->receipt, receipt_new(env, box));
}

/* An MCI as the library gives it, with the date asked about. The citation is shared. */
static napi_value mci_obj(napi_env env, context_box *box, const kzp_mci *m)
{
    static const char *const N[] = {"tenge",   "date",  "from",      "validFrom", "validUntil",
                                    "purpose", "stale", "certainty", "citation"};
    napi_value vals[] = {int64v(env, m->tenge),
                         str(env, m->date),
                         str(env, m->from),
                         str(env, m->valid_from),
                         str(env, m->valid_until),
                         str(env, kzp_purpose_name(m->purpose)),
                         boolean(env, m->stale),
                         str(env, kzp_certainty_name(m->certainty)),
                         citation_of(env, box, m->citation)};
    return result(env, R_MCI, N, vals, 9);
}

/* A bound of a sanction, or null when the library says there is none (set = 0). */
static napi_value bound_obj(napi_env env, context_box *box, const kzp_bound *b, int has_tiyn)
{
    if (!b->set) {
        return null_value(env);
    }
    static const char *const N[] = {"amount", "tiyn", "text", "source", "citation"};
    napi_value v[] = {decimal_str(env, b->centi), has_tiyn ? bigint(env, b->tiyn) : null_value(env),
                      has_tiyn ? money_text(env, b->tiyn) : null_value(env), str(env, kzp_bound_source_name(b->source)),
                      citation_or_null(env, box, b->citation)};
    return result(env, R_BOUND, N, v, 5);
}

/* A frozen array of n strings. */
static napi_value str_array(napi_env env, const char *const *texts, size_t n)
{
    napi_value a;
    CHECK(napi_create_array_with_length(env, n, &a));
    for (size_t i = 0; i < n; i++) {
        napi_value v = str(env, texts[i] ? texts[i] : "");
        if (!v) {
            return NULL;
        }
        CHECK(napi_set_element(env, a, (uint32_t)i, v));
    }
    CHECK(napi_object_freeze(env, a));
    return a;
}

/* Who may not receive a punishment, as the dataset lists them; null when it lists nobody. */
static napi_value restriction_obj(napi_env env, context_box *box, const kzp_restriction *r)
{
    if (!r) {
        return null_value(env);
    }
    napi_value lists[KZP_LANG_COUNT];
    for (int l = 0; l < KZP_LANG_COUNT; l++) {
        lists[l] = str_array(env, r->persons[l], r->person_count);
    }
    static const char *const N[] = {"id", "kind", "persons", "citation"};
    napi_value v[] = {str(env, r->id), str(env, kzp_kind_name(r->kind)), by_lang_values(env, lists),
                      citation_or_null(env, box, r->citation)};
    return result(env, R_RESTRICTION, N, v, 4);
}

static napi_value sanctions_arr(napi_env env, context_box *box, const kzp_range *r)
{
    napi_value items[KZP_MAX_SANCTIONS];
    for (size_t i = 0; i < r->sanction_count; i++) {
        const kzp_sanction *s = &r->sanctions[i];
        int t = s->has_tiyn;
        static const char *const N[] = {"kind",       "unit",           "min",         "max",         "articleMin",
                                        "articleMax", "generalMin",     "generalMax",  "minLiftedBy", "capped",
                                        "perDayMax",  "perDayCitation", "restriction", "citation"};
        napi_value v[] = {str(env, kzp_kind_name(s->kind)),
                          str(env, kzp_unit_name(s->unit)),
                          bound_obj(env, box, &s->min, t),
                          bound_obj(env, box, &s->max, t),
                          bound_obj(env, box, &s->article_min, t),
                          bound_obj(env, box, &s->article_max, t),
                          bound_obj(env, box, &s->general_min, t),
                          bound_obj(env, box, &s->general_max, t),
                          citation_or_null(env, box, s->min_lifted_by),
                          boolean(env, s->capped),
                          s->per_day_max_centi ? decimal_str(env, s->per_day_max_centi) : null_value(env),
                          citation_or_null(env, box, s->per_day_citation),
                          restriction_obj(env, box, s->restriction),
                          citation_of(env, box, s->citation)};
        items[i] = result(env, R_SANCTION, N, v, 14);
    }
    return frozen_array(env, items, r->sanction_count);
}

static napi_value omitted_arr(napi_env env, const kzp_range *r)
{
    napi_value items[KZP_MAX_SANCTIONS];
    for (size_t i = 0; i < r->omitted_count; i++) {
        items[i] = str(env, kzp_kind_name(r->omitted_kinds[i]));
    }
    return frozen_array(env, items, r->omitted_count);
}

static napi_value payments_arr(napi_env env, context_box *box, const kzp_range *r)
{
    napi_value items[KZP_MAX_PAYMENTS];
    for (size_t i = 0; i < r->payment_count; i++) {
        const kzp_payment *p = &r->payments[i];
        static const char *const N[] = {"id",         "name",      "mciCount", "priced",  "amountTiyn",
                                        "amountText", "certainty", "citation", "pricedBy"};
        napi_value v[] = {str(env, p->id),
                          by_lang(env, p->name),
                          decimal_str(env, p->mci_centi),
                          boolean(env, p->priced),
                          p->priced ? bigint(env, p->tiyn) : null_value(env),
                          p->priced ? money_text(env, p->tiyn) : null_value(env),
                          str(env, kzp_certainty_name(p->certainty)),
                          citation_or_null(env, box, p->citation),
                          citation_or_null(env, box, p->priced_by)};
        items[i] = result(env, R_PAYMENT, N, v, 9);
    }
    return frozen_array(env, items, r->payment_count);
}

static bool same_range(const cached_range *c, const kzp_range *r, int call)
{
    return c->call == call && c->flags == r->flags && strcmp(c->article, r->article) == 0 &&
           memcmp(c->valid_from, r->valid_from, sizeof c->valid_from) == 0 &&
           memcmp(c->valid_until, r->valid_until, sizeof c->valid_until) == 0;
}

/* A Range; its sanctions and basis arrays are shared with earlier answers that are the same (see
 * cached_range). Payments and omitted kinds are built per call. call: FROM_RANGE or FROM_CHECK. */
static napi_value range_obj(napi_env env, context_box *box, const kzp_range *r, int call)
{
    napi_value sanctions = NULL, basis = NULL;
    size_t slot = box->n_ranges;
    for (size_t i = 0; i < box->n_ranges && slot == box->n_ranges; i++) {
        if (same_range(&box->ranges[i], r, call)) {
            sanctions = cached(env, box->ranges[i].sanctions);
            basis = cached(env, box->ranges[i].basis);
            slot = i;
        }
    }
    if (!sanctions || !basis) {
        sanctions = sanctions_arr(env, box, r);
        basis = basis_arr(env, box, r->basis, r->basis_count);
        if (slot == box->n_ranges &&
            !grow(env, box, (void **)&box->ranges, &box->cap_ranges, slot, sizeof *box->ranges, MAX_RANGES)) {
            /* full: replace the entries in turn (none yet: out of memory, keep nothing) */
            slot = box->n_ranges > 0 ? box->next_range++ % box->n_ranges : box->cap_ranges;
        }
        if (sanctions && basis && slot < box->cap_ranges) {
            cached_range *c = &box->ranges[slot];
            c->article = r->article;
            c->flags = r->flags;
            c->call = call;
            memcpy(c->valid_from, r->valid_from, sizeof c->valid_from);
            memcpy(c->valid_until, r->valid_until, sizeof c->valid_until);
            keep(env, &c->sanctions, sanctions); /* keep() replaces what the slot held */
            keep(env, &c->basis, basis);
            box->n_ranges += slot == box->n_ranges;
        }
    }
    static const char *const N[] = {
        "article",   "offenceDate", "validFrom", "validUntil", "mitigated", "accelerated", "orderProcedure", "mci",
        "sanctions", "omitted",     "omittedBy", "payments",   "certainty", "stale",       "basis",          "receipt"};
    napi_value v[] = {str(env, r->article),
                      str(env, r->offence_date),
                      str(env, r->valid_from),
                      str(env, r->valid_until),
                      boolean(env, (r->flags & KZP_Q_MITIGATED) != 0),
                      boolean(env, (r->flags & KZP_Q_ACCELERATED) != 0),
                      citation_or_null(env, box, r->order_procedure),
                      r->has_mci ? mci_obj(env, box, &r->mci) : null_value(env),
                      sanctions,
                      omitted_arr(env, r),
                      citation_or_null(env, box, r->order_procedure_kinds),
                      payments_arr(env, box, r),
                      str(env, kzp_certainty_name(r->certainty)),
                      boolean(env, r->stale),
                      basis,
                      receipt_of(env, box)};
    return result(env, R_RANGE, N, v, 16);
}

/* ---- Context methods ---- */

static napi_value m_mci(napi_env env, napi_callback_info info)
{
    size_t argc = 3;
    napi_value argv[3];
    context_box *box = this_box(env, info, &argc, argv);
    kzp_ctx *ctx = box ? box->ctx : NULL;
    char date[32], purpose_s[32] = "fines";
    unsigned flags;
    int purpose;
    if (!ctx || argc < 1 || !get_string(env, argv[0], date, sizeof date, "date") ||
        (argc > 1 && !get_string(env, argv[1], purpose_s, sizeof purpose_s, "purpose")) ||
        !get_flags(env, argc > 2 ? argv[2] : NULL, OPTIONS_PRICE, "mci", &flags)) {
        return argc < 1 && ctx ? throw_type(env, "mci(date, purpose?, options?)") : NULL;
    }
    if (kzp_purpose_parse(&purpose, purpose_s) != KZP_OK) {
        kzp_error e = {.code = KZP_E_UNKNOWN_KIND};
        one_of_message(&e, "purpose", kzp_purpose_name);
        return throw_status(env, KZP_E_UNKNOWN_KIND, &e);
    }
    kzp_mci m;
    kzp_error err;
    int rc = kzp_mci_on(&m, ctx, date, purpose, flags & (KZP_Q_ALLOW_STALE | KZP_Q_STRICT), &err);
    if (rc) {
        return throw_status(env, rc, &err);
    }
    napi_value o = mci_obj(env, box, &m);
    return o;
}

static napi_value m_range(napi_env env, napi_callback_info info)
{
    size_t argc = 3;
    napi_value argv[3];
    context_box *box = this_box(env, info, &argc, argv);
    kzp_ctx *ctx = box ? box->ctx : NULL;
    char *article = NULL, date[32];
    unsigned flags;
    if (!ctx) {
        return NULL;
    }
    if (argc < 2) {
        return throw_type(env, "range(article, date, options?)");
    }
    if (!(article = get_article(env, argv[0])) || !get_string(env, argv[1], date, sizeof date, "date") ||
        !get_flags(env, argc > 2 ? argv[2] : NULL, OPTIONS_RANGE, "range", &flags)) {
        free(article);
        return NULL;
    }
    kzp_range r;
    kzp_error err;
    int rc = kzp_range_get(&r, ctx, article, date, flags, &err);
    free(article);
    return rc ? throw_status(env, rc, &err) : range_obj(env, box, &r, FROM_RANGE);
}

/* Does slot hold exactly the parts of f that fines share (see fine_slot)? */
static bool same_fine_parts(const fine_slot *slot, const kzp_fine *f)
{
    const kzp_mci *m = &f->mci;
    return memcmp(slot->valid_from, f->valid_from, 11) == 0 && memcmp(slot->valid_until, f->valid_until, 11) == 0 &&
           slot->tenge == m->tenge && memcmp(slot->mci_from, m->from, 11) == 0 &&
           memcmp(slot->mci_valid_from, m->valid_from, 11) == 0 &&
           memcmp(slot->mci_valid_until, m->valid_until, 11) == 0 && slot->purpose == m->purpose &&
           slot->stale == m->stale && slot->certainty == m->certainty && slot->citation == m->citation &&
           slot->basis_count == f->basis_count &&
           memcmp(slot->basis, f->basis, f->basis_count * sizeof f->basis[0]) == 0;
}

/* The slot whose parts are f's, made if there is none yet; -1 when there is no room (or the
 * basis is longer than a slot holds): then nothing is shared. */
static int fine_slot_of(napi_env env, context_box *box, const kzp_fine *f)
{
    if (f->basis_count > FINE_SLOT_BASIS) {
        return -1;
    }
    for (size_t i = 0; i < box->n_fines; i++) {
        if (same_fine_parts(&box->fines[i], f)) {
            return (int)i;
        }
    }
    if (!grow(env, box, (void **)&box->fines, &box->cap_fines, box->n_fines, sizeof *box->fines, MAX_CACHED)) {
        return -1;
    }
    fine_slot *slot = &box->fines[box->n_fines];
    const kzp_mci *m = &f->mci;
    memcpy(slot->valid_from, f->valid_from, 11);
    memcpy(slot->valid_until, f->valid_until, 11);
    slot->tenge = m->tenge;
    memcpy(slot->mci_from, m->from, 11);
    memcpy(slot->mci_valid_from, m->valid_from, 11);
    memcpy(slot->mci_valid_until, m->valid_until, 11);
    slot->purpose = m->purpose;
    slot->stale = m->stale;
    slot->certainty = m->certainty;
    slot->citation = m->citation;
    slot->basis_count = f->basis_count;
    memcpy(slot->basis, f->basis, f->basis_count * sizeof f->basis[0]);
    return (int)box->n_fines++;
}

/* A fine's basis: one array shared by the fines of a slot. */
static napi_value fine_basis_of(napi_env env, context_box *box, const kzp_fine *f)
{
    int i = fine_slot_of(env, box, f);
    napi_value v = i >= 0 ? cached(env, box->fines[i].basis_arr) : NULL;
    if (v) {
        return v;
    }
    v = basis_arr(env, box, f->basis, f->basis_count);
    return i >= 0 ? keep(env, &box->fines[i].basis_arr, v) : v;
}

static napi_value m_fine(napi_env env, napi_callback_info info)
{
    size_t argc = 3;
    napi_value argv[3];
    context_box *box = this_box(env, info, &argc, argv);
    kzp_ctx *ctx = box ? box->ctx : NULL;
    char date[32];
    unsigned flags;
    int64_t centi = 0;
    int rc;
    kzp_error err = {0};
    if (!ctx) {
        return NULL;
    }
    if (argc < 2) {
        return throw_type(env, "fine(mciCount, date, options?)");
    }
    if (!get_string(env, argv[1], date, sizeof date, "date") ||
        !get_amount(env, argv[0], &centi, &rc, &err, "mciCount") ||
        !get_flags(env, argc > 2 ? argv[2] : NULL, OPTIONS_PRICE, "fine", &flags)) {
        return NULL;
    }
    kzp_fine f;
    if (rc || (rc = kzp_fine_compute(&f, ctx, date, kzp_hundredths(centi), flags & (KZP_Q_ALLOW_STALE | KZP_Q_STRICT),
                                     &err))) {
        return throw_status(env, rc, &err);
    }
    static const char *const N[] = {"mciCount", "offenceDate", "validFrom", "validUntil", "amountTiyn", "amountText",
                                    "mci",      "certainty",   "stale",     "basis",      "receipt"};
    napi_value v[] = {decimal_str(env, f.mci_centi), str(env, f.mci.date),
                      str(env, f.valid_from),        str(env, f.valid_until),
                      bigint(env, f.amount_tiyn),    money_text(env, f.amount_tiyn),
                      mci_obj(env, box, &f.mci),     str(env, kzp_certainty_name(f.certainty)),
                      boolean(env, f.stale),         fine_basis_of(env, box, &f),
                      receipt_of(env, box)};
    return result(env, R_FINE, N, v, 11);
}

/* The fine fast path, used by index.js for the common call fine(integerNumber, 'YYYY-MM-DD').
 * It computes with the same library call as m_fine but creates only the amount text; the
 * numbers go to a small shared ArrayBuffer (tiyn as int64 at byte 0, the fine's slot (fine_slot)
 * and its certainty as int32 at bytes 8 and 12) and index.js builds the result around the parts of
 * an earlier Fine of the same slot. Anything unusual (an error, a stale value, a date spelled differently from its
 * canonical form, a full buffer) returns undefined and index.js asks m_fine, which reports it. */
static napi_value m_fine_fast(napi_env env, napi_callback_info info)
{
    size_t argc = 2;
    napi_value argv[2];
    context_box *box = this_box(env, info, &argc, argv);
    addon_state *st = state_of(env);
    napi_value buf = st ? cached(env, st->scratch) : NULL;
    void *data = NULL;
    size_t cap = 0, len = 0;
    int64_t n = 0;
    double d = 0;
    char date[16];
    if (!box || !buf || argc < 2 || napi_get_arraybuffer_info(env, buf, &data, &cap) != napi_ok || cap < 16 ||
        napi_get_value_double(env, argv[0], &d) != napi_ok || napi_get_value_int64(env, argv[0], &n) != napi_ok ||
        (double)n != d || n < 0 || d > 9007199254740991.0 || /* a safe integer only, as m_fine requires */
        napi_get_value_string_utf8(env, argv[1], date, sizeof date, &len) != napi_ok || len != 10) {
        /* UTF-8, not Latin-1: V8 writes Latin-1 by keeping the low byte, and U+0130 would
         * become a '0' and pass as a date */
        return NULL;
    }
    kzp_fine f;
    kzp_error err;
    if (kzp_fine_compute(&f, box->ctx, date, kzp_hundredths(n * 100), 0, &err) != KZP_OK || f.stale ||
        strcmp(f.mci.date, date) != 0) {
        return NULL;
    }
    int32_t slot = fine_slot_of(env, box, &f);
    if (slot < 0) {
        return NULL;
    }
    int32_t ints[2] = {slot, f.certainty};
    memcpy(data, &f.amount_tiyn, sizeof f.amount_tiyn);
    memcpy((char *)data + 8, ints, sizeof ints);
    /* The amount text is ASCII but for the tenge sign: hand V8 UTF-16 directly, which is
     * cheaper than having it decode UTF-8. */
    char text[64];
    char16_t wide[64];
    size_t units = 0;
    kzp_tenge_format(text, sizeof text, f.amount_tiyn, KZP_MONEY_SIGN);
    for (const unsigned char *p = (const unsigned char *)text; *p && units < 64; units++) {
        if (p[0] == 0xe2 && p[1] == 0x82 && p[2] == 0xb8) { /* U+20B8 TENGE SIGN in UTF-8 */
            wide[units] = 0x20b8;
            p += 3;
        } else if (*p < 0x80) {
            wide[units] = *p++;
        } else {
            return money_text(env, f.amount_tiyn); /* some other text: the general path */
        }
    }
    napi_value v;
    return napi_create_string_utf16(env, wide, units, &v) == napi_ok ? v : NULL;
}

static napi_value m_check(napi_env env, napi_callback_info info)
{
    size_t argc = 5;
    napi_value argv[5];
    context_box *box = this_box(env, info, &argc, argv);
    kzp_ctx *ctx = box ? box->ctx : NULL;
    char *article = NULL, date[32], kind_s[40];
    unsigned flags;
    int64_t centi = 0;
    int rc, kind;
    kzp_error err = {0};
    if (!ctx) {
        return NULL;
    }
    if (argc < 4) {
        return throw_type(env, "check(article, date, kind, amount, options?)");
    }
    if (!(article = get_article(env, argv[0])) || !get_string(env, argv[1], date, sizeof date, "date") ||
        !get_string(env, argv[2], kind_s, sizeof kind_s, "kind") ||
        !get_amount(env, argv[3], &centi, &rc, &err, "amount") ||
        !get_flags(env, argc > 4 ? argv[4] : NULL, OPTIONS_RANGE, "check", &flags)) {
        free(article);
        return NULL;
    }
    if (kzp_kind_parse(&kind, kind_s) != KZP_OK) {
        free(article);
        one_of_message(&err, "kind", kzp_kind_name);
        return throw_status(env, KZP_E_UNKNOWN_KIND, &err);
    }
    kzp_check c;
    if (!rc) {
        rc = kzp_check_sentence(&c, ctx, article, date, kind, kzp_hundredths(centi), flags, &err);
    }
    free(article);
    if (rc) {
        return throw_status(env, rc, &err);
    }
    static const char *const N[] = {"fits",       "violation",   "kind",          "unit",   "amount",
                                    "limit",      "limitSource", "limitCitation", "excess", "validFrom",
                                    "validUntil", "range",       "receipt"};
    napi_value v[] = {boolean(env, c.fits),
                      str(env, kzp_violation_name(c.violation)),
                      str(env, kzp_kind_name(c.kind)),
                      str(env, kzp_unit_name(c.unit)),
                      decimal_str(env, c.amount_centi),
                      decimal_str(env, c.limit_centi),
                      str(env, kzp_bound_source_name(c.limit_source)),
                      citation_or_null(env, box, c.limit_citation),
                      decimal_str(env, c.excess_centi),
                      str(env, c.valid_from),
                      str(env, c.valid_until),
                      range_obj(env, box, &c.range, FROM_CHECK),
                      receipt_of(env, box)};
    return result(env, R_CHECK, N, v, 13);
}

static napi_value m_convert(napi_env env, napi_callback_info info)
{
    size_t argc = 4;
    napi_value argv[4];
    context_box *box = this_box(env, info, &argc, argv);
    kzp_ctx *ctx = box ? box->ctx : NULL;
    char from_s[40], to_s[40];
    int64_t centi = 0;
    int rc, rule_rc, from, to, rule;
    kzp_error err = {0}, rule_err = {0};
    if (!ctx) {
        return NULL;
    }
    if (argc < 3) {
        return throw_type(env, "convert(amount, fromKind, toKind, options?)");
    }
    if (!get_amount(env, argv[0], &centi, &rc, &err, "amount") ||
        !get_string(env, argv[1], from_s, sizeof from_s, "fromKind") ||
        !get_string(env, argv[2], to_s, sizeof to_s, "toKind") ||
        !get_rule(env, argc > 3 ? argv[3] : NULL, &rule, &rule_rc, &rule_err)) {
        return NULL;
    }
    if (rule_rc) {
        return throw_status(env, rule_rc, &rule_err);
    }
    if (kzp_kind_parse(&from, from_s) != KZP_OK || kzp_kind_parse(&to, to_s) != KZP_OK) {
        one_of_message(&err, kzp_kind_parse(&from, from_s) != KZP_OK ? "fromKind" : "toKind", kzp_kind_name);
        return throw_status(env, KZP_E_UNKNOWN_KIND, &err);
    }
    kzp_conversion c;
    if (rc || (rc = kzp_convert_under(&c, ctx, rule, from, kzp_hundredths(centi), to, &err))) {
        return throw_status(env, rc, &err);
    }
    static const char *const N[] = {"fromKind", "amount", "toKind",    "whole", "remainder", "remainderUnit",
                                    "exact",    "rule",   "certainty", "scope", "citation",  "receipt"};
    napi_value v[] = {str(env, kzp_kind_name(c.from_kind)),
                      decimal_str(env, c.from_centi),
                      str(env, kzp_kind_name(c.to_kind)),
                      bigint(env, c.whole),
                      decimal_str(env, c.remainder_centi),
                      str(env, kzp_unit_name(c.from_unit)),
                      boolean(env, c.exact),
                      str(env, kzp_conversion_rule_name(c.rule)),
                      str(env, kzp_certainty_name(c.certainty)),
                      by_lang(env, c.scope),
                      citation_of(env, box, c.citation),
                      receipt_of(env, box)};
    return result(env, R_CONVERSION, N, v, 12);
}

static napi_value m_sanction_texts(napi_env env, napi_callback_info info)
{
    size_t argc = 4;
    napi_value argv[4];
    kzp_ctx *ctx = this_ctx(env, info, &argc, argv);
    char *article = NULL, date[32], lang_s[8] = "en";
    unsigned flags;
    if (!ctx) {
        return NULL;
    }
    if (argc < 2) {
        return throw_type(env, "sanctionTexts(article, date, lang?, options?)");
    }
    if (!(article = get_article(env, argv[0])) || !get_string(env, argv[1], date, sizeof date, "date") ||
        (argc > 2 && !get_string(env, argv[2], lang_s, sizeof lang_s, "lang")) ||
        !get_flags(env, argc > 3 ? argv[3] : NULL, OPTIONS_RANGE, "sanctionTexts", &flags)) {
        free(article);
        return NULL;
    }
    int lang;
    if (!parse_word(env, kzp_lang_parse, lang_s, &lang, "lang")) {
        free(article);
        return NULL;
    }
    kzp_range r;
    kzp_error err;
    int rc = kzp_range_get(&r, ctx, article, date, flags, &err);
    free(article);
    if (rc) {
        return throw_status(env, rc, &err);
    }
    napi_value items[KZP_MAX_SANCTIONS];
    for (size_t i = 0; i < r.sanction_count; i++) {
        char buf[2048];
        int n = kzp_sanction_text(buf, sizeof buf, &r, i, lang);
        if (n < 0) {
            return throw_status(env, n, NULL);
        }
        if ((size_t)n < sizeof buf) {
            items[i] = str(env, buf);
            continue;
        }
        char *big = malloc((size_t)n + 1); /* a longer sentence: never cut */
        if (!big) {
            return throw_status(env, KZP_E_NOMEM, NULL);
        }
        kzp_sanction_text(big, (size_t)n + 1, &r, i, lang);
        items[i] = str(env, big);
        free(big);
    }
    return frozen_array(env, items, r.sanction_count);
}

static napi_value m_mci_table(napi_env env, napi_callback_info info)
{
    size_t argc = 0;
    context_box *box = this_box(env, info, &argc, NULL);
    kzp_ctx *ctx = box ? box->ctx : NULL;
    if (!ctx) {
        return NULL;
    }
    kzp_dataset_info di;
    kzp_ctx_info(&di, ctx);
    napi_value a;
    CHECK(napi_create_array_with_length(env, di.mci_period_count, &a));
    for (size_t i = 0; i < di.mci_period_count; i++) {
        kzp_mci_period p;
        kzp_mci_period_at(&p, ctx, i);
        static const char *const N[] = {"from", "tenge", "purpose", "citation"};
        napi_value v[] = {str(env, p.from), int64v(env, p.tenge),
                          str(env, p.purpose_all ? "all" : kzp_purpose_name(p.purpose)),
                          citation_of(env, box, p.citation)};
        napi_value o = frozen(env, N, v, 4);
        if (!o) {
            return NULL;
        }
        CHECK(napi_set_element(env, a, (uint32_t)i, o));
    }
    CHECK(napi_object_freeze(env, a));
    return a;
}

static napi_value m_articles(napi_env env, napi_callback_info info)
{
    size_t argc = 0;
    context_box *box = this_box(env, info, &argc, NULL);
    kzp_ctx *ctx = box ? box->ctx : NULL;
    if (!ctx) {
        return NULL;
    }
    kzp_dataset_info di;
    kzp_ctx_info(&di, ctx);
    napi_value a;
    CHECK(napi_create_array_with_length(env, di.article_count, &a));
    for (size_t i = 0; i < di.article_count; i++) {
        kzp_article art;
        kzp_article_at(&art, ctx, i);
        static const char *const N[] = {"id", "title", "category", "inForceFrom", "citation"};
        napi_value v[] = {str(env, art.id), by_lang(env, art.title), str(env, kzp_category_name(art.category)),
                          str(env, art.in_force_from), citation_of(env, box, art.citation)};
        napi_value o = frozen(env, N, v, 5);
        if (!o) {
            return NULL;
        }
        CHECK(napi_set_element(env, a, (uint32_t)i, o));
    }
    CHECK(napi_object_freeze(env, a));
    return a;
}

/* The MCI periods the updates applied to this Context added or replaced, the first applied first:
 * the array every receipt of this Context holds. */
static napi_value m_updates(napi_env env, napi_callback_info info)
{
    size_t argc = 0;
    context_box *box = this_box(env, info, &argc, NULL);
    return box ? updates_of(env, box) : NULL;
}

static napi_value m_sha256(napi_env env, napi_callback_info info)
{
    size_t argc = 0;
    kzp_ctx *ctx = this_ctx(env, info, &argc, NULL);
    return ctx ? str(env, kzp_ctx_sha256(ctx)) : NULL;
}

static napi_value m_info(napi_env env, napi_callback_info info)
{
    size_t argc = 0;
    kzp_ctx *ctx = this_ctx(env, info, &argc, NULL);
    if (!ctx) {
        return NULL;
    }
    kzp_dataset_info i;
    kzp_ctx_info(&i, ctx);
    static const char *const N[] = {
        "id", "version", "verifiedOn", "fingerprint", "mciKnownUntil", "schemaVersion", "hypothetical", "articleCount"};
    napi_value v[] = {str(env, i.id),
                      str(env, i.version),
                      str(env, i.verified_on),
                      str(env, i.fingerprint),
                      str(env, i.mci_known_until),
                      int64v(env, i.schema_version),
                      boolean(env, i.hypothetical),
                      int64v(env, (int64_t)i.article_count)};
    return frozen(env, N, v, 8);
}

/* ---- Construction and finalization ---- */

static void delete_ref(napi_env env, napi_ref *r)
{
    if (*r) {
        napi_delete_reference(env, *r);
        *r = NULL;
    }
}

static void context_finalize(napi_env env, void *data, void *hint)
{
    (void)hint;
    context_box *box = data;
    delete_ref(env, &box->receipt);
    delete_ref(env, &box->updates);
    for (size_t i = 0; i < box->n_cit; i++) {
        delete_ref(env, &box->cit[i].ref);
    }
    for (size_t i = 0; i < box->n_fines; i++) {
        delete_ref(env, &box->fines[i].basis_arr);
    }
    for (size_t i = 0; i < box->n_ranges; i++) {
        delete_ref(env, &box->ranges[i].sanctions);
        delete_ref(env, &box->ranges[i].basis);
    }
    int64_t now;
    napi_adjust_external_memory(env, -box->external, &now);
    kzp_ctx_free(box->ctx);
    free(box->cit);
    free(box->ranges);
    free(box->fines);
    free(box);
}

/* new Context(): the embedded dataset. From JS: Context.fromFile()/fromJSON() and derivations
 * pass an internal external holding a ready kzp_ctx. */
static napi_value context_ctor(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1], self, target;
    CHECK(napi_get_cb_info(env, info, &argc, argv, &self, NULL));
    CHECK(napi_get_new_target(env, info, &target));
    if (!target) {
        return throw_type(env, "Context must be called with new");
    }
    kzp_ctx *ctx = NULL;
    bool ours = false; /* a context passed in by wrap_new stays the caller's to free on failure */
    napi_valuetype t = napi_undefined;
    if (argc > 0) {
        napi_typeof(env, argv[0], &t);
    }
    if (t == napi_external) {
        void *p;
        CHECK(napi_get_value_external(env, argv[0], &p));
        ctx = p;
    } else if (t != napi_undefined) {
        return throw_type(env, "new Context() takes no arguments; use Context.fromFile(), Context.fromJSON(), "
                               ".withMci() or .whatIf()");
    } else {
        kzp_error err;
        int rc = kzp_ctx_new(&ctx, &err);
        if (rc) {
            return throw_status(env, rc, &err);
        }
        ours = true;
    }
    context_box *box = malloc(sizeof *box);
    if (!box) {
        if (ours) {
            kzp_ctx_free(ctx);
        }
        return throw_status(env, KZP_E_NOMEM, NULL);
    }
    memset(box, 0, sizeof *box);
    box->ctx = ctx;
    if (napi_wrap(env, self, box, context_finalize, NULL, NULL) != napi_ok) {
        free(box);
        if (ours) {
            kzp_ctx_free(ctx);
        }
        return NULL;
    }
    /* what V8 cannot see behind this small object: the context's own memory (0 for the shared
     * embedded one; a what-if, only what it adds to its base) and the box */
    size_t held = 0;
    kzp_ctx_memory(&held, ctx);
    external_add(env, box, (int64_t)(held + sizeof *box));
    return self;
}

/* A new JS Context around a ready kzp_ctx (ownership passes to it). */
static napi_value wrap_new(napi_env env, kzp_ctx *ctx)
{
    addon_state *st = state_of(env);
    napi_value ctor, ext, obj;
    if (napi_get_reference_value(env, st->context_ctor, &ctor) != napi_ok ||
        napi_create_external(env, ctx, NULL, NULL, &ext) != napi_ok) {
        kzp_ctx_free(ctx);
        return NULL;
    }
    if (napi_new_instance(env, ctor, 1, &ext, &obj) != napi_ok) {
        kzp_ctx_free(ctx); /* the constructor did not take it */
        return NULL;
    }
    return obj;
}

/* Text from a string or a Buffer/Uint8Array. *owned is set when buf must be freed. */
static bool get_text(napi_env env, napi_value v, char **buf, size_t *len, bool *owned, const char *what)
{
    napi_valuetype t;
    napi_typeof(env, v, &t);
    bool is_typed = false;
    napi_is_typedarray(env, v, &is_typed);
    *owned = false;
    if (t == napi_string) {
        napi_get_value_string_utf8(env, v, NULL, 0, len);
        *buf = malloc(*len + 1);
        if (!*buf) {
            throw_status(env, KZP_E_NOMEM, NULL);
            return false;
        }
        napi_get_value_string_utf8(env, v, *buf, *len + 1, len);
        *owned = true;
        return true;
    }
    if (is_typed) {
        napi_typedarray_type tt;
        void *data;
        napi_get_typedarray_info(env, v, &tt, len, &data, NULL, NULL);
        if (tt == napi_uint8_array) {
            *buf = data;
            return true;
        }
    }
    char msg[96];
    snprintf(msg, sizeof msg, "%s must be a string or a Uint8Array", what);
    throw_type(env, msg);
    return false;
}

static napi_value s_from_file(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    char path[4096];
    size_t len = 0;
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    if (argc < 1 || !get_string(env, argv[0], path, sizeof path, "path")) {
        return argc < 1 ? throw_type(env, "fromFile(path)") : NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err = {.code = KZP_E_IO};
    napi_get_value_string_utf8(env, argv[0], NULL, 0, &len);
    if (len >= sizeof path || strlen(path) != len) {
        /* get_string made it "?...": say what is wrong with the path itself, never open another */
        snprintf(err.message, sizeof err.message, "cannot open the path: %s",
                 len >= sizeof path ? "it is longer than 4095 bytes" : "it contains a NUL character");
        return throw_status(env, KZP_E_IO, &err);
    }
    int rc = kzp_ctx_new_from_file(&ctx, path, &err);
    return rc ? throw_status(env, rc, &err) : wrap_new(env, ctx);
}

static napi_value s_from_json(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    char *text;
    size_t len;
    bool owned;
    if (argc < 1 || !get_text(env, argv[0], &text, &len, &owned, "text")) {
        return argc < 1 ? throw_type(env, "fromJSON(text)") : NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc = kzp_ctx_new_from_buffer(&ctx, text, len, &err);
    if (owned) {
        free(text);
    }
    return rc ? throw_status(env, rc, &err) : wrap_new(env, ctx);
}

static napi_value m_with_mci(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    kzp_ctx *base = this_ctx(env, info, &argc, argv);
    char *text;
    size_t len;
    bool owned;
    if (!base) {
        return NULL;
    }
    if (argc < 1 || !get_text(env, argv[0], &text, &len, &owned, "update")) {
        return argc < 1 ? throw_type(env, "withMci(update)") : NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc = kzp_ctx_new_with_mci(&ctx, base, text, len, &err);
    if (owned) {
        free(text);
    }
    return rc ? throw_status(env, rc, &err) : wrap_new(env, ctx);
}

/* A path, whole (malloc'ed, for the caller to free), or NULL after throwing: a TypeError for
 * another type, what's error class (with its message) for an embedded NUL, which would cut it to
 * another path. */
static char *get_path(napi_env env, napi_value v, const char *what, int nul_status)
{
    napi_valuetype t;
    napi_typeof(env, v, &t);
    if (t != napi_string) {
        char msg[96];
        snprintf(msg, sizeof msg, "%s must be a string", what);
        throw_type(env, msg);
        return NULL;
    }
    size_t len = 0, copied = 0;
    napi_get_value_string_utf8(env, v, NULL, 0, &len);
    char *buf = malloc(len + 1);
    if (!buf) {
        throw_status(env, KZP_E_NOMEM, NULL);
        return NULL;
    }
    napi_get_value_string_utf8(env, v, buf, len + 1, &copied);
    buf[copied] = '\0';
    if (strlen(buf) != copied) {
        kzp_error err = {.code = nul_status};
        snprintf(err.message, sizeof err.message, "%s: it contains a NUL character", what);
        free(buf);
        throw_status(env, nul_status, &err);
        return NULL;
    }
    return buf;
}

static napi_value m_with_mci_file(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    kzp_ctx *base = this_ctx(env, info, &argc, argv);
    if (!base) {
        return NULL;
    }
    if (argc < 1) {
        return throw_type(env, "withMciFile(path)");
    }
    char *path = get_path(env, argv[0], "path", KZP_E_IO);
    if (!path) {
        return NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc = kzp_ctx_new_with_mci_file(&ctx, base, path, &err);
    free(path);
    return rc ? throw_status(env, rc, &err) : wrap_new(env, ctx);
}

/* withUpdates' where as the text the library takes: a string as it is (a ':'-separated list, as
 * KZPENALTY_UPDATES is read); each string of an array as one path, joined with ':'. A path that
 * holds ':' cannot be one item of that list, and an empty one would be skipped without a word:
 * both are refused. malloc'ed, or NULL after throwing. */
static char *where_text(napi_env env, napi_value where)
{
    bool is_array = false;
    napi_is_array(env, where, &is_array);
    if (!is_array) {
        napi_valuetype t;
        napi_typeof(env, where, &t);
        if (t != napi_string) {
            throw_type(env, "where must be a string, an array of strings, null or undefined");
            return NULL;
        }
        return get_path(env, where, "where", KZP_E_INVALID_ARG);
    }
    uint32_t n = 0;
    napi_get_array_length(env, where, &n);
    char *text = calloc(1, 1);
    size_t used = 0;
    for (uint32_t i = 0; text && i < n; i++) {
        napi_value item;
        char what[48];
        snprintf(what, sizeof what, "where[%u]", (unsigned)i);
        if (napi_get_element(env, where, i, &item) != napi_ok) {
            free(text);
            return NULL; /* a throwing getter: its exception is pending */
        }
        char *path = get_path(env, item, what, KZP_E_INVALID_ARG);
        if (!path) {
            free(text);
            return NULL;
        }
        if (*path == '\0' || strchr(path, ':')) {
            kzp_error err = {.code = KZP_E_INVALID_ARG};
            if (*path) {
                snprintf(err.message, sizeof err.message,
                         "%.40s: '%.120s' cannot be one path of the list: a ':' separates its paths", what, path);
            } else {
                snprintf(err.message, sizeof err.message, "%.40s: an empty path names no file", what);
            }
            free(path);
            free(text);
            throw_status(env, KZP_E_INVALID_ARG, &err);
            return NULL;
        }
        size_t len = strlen(path);
        char *grown = realloc(text, used + len + 2);
        if (!grown) {
            free(path);
            free(text);
            throw_status(env, KZP_E_NOMEM, NULL);
            return NULL;
        }
        text = grown;
        if (used > 0) {
            text[used++] = ':';
        }
        memcpy(text + used, path, len + 1);
        used += len;
        free(path);
    }
    if (!text) {
        throw_status(env, KZP_E_NOMEM, NULL);
    }
    return text;
}

/* withUpdates(where): undefined or null reads the documented place (KZPENALTY_UPDATES, else the
 * XDG data directories), as the command does; the library finds and applies the files. */
static napi_value m_with_updates(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    kzp_ctx *base = this_ctx(env, info, &argc, argv);
    if (!base) {
        return NULL;
    }
    napi_valuetype t = napi_undefined;
    if (argc > 0) {
        napi_typeof(env, argv[0], &t);
    }
    char *where = NULL;
    if (t != napi_undefined && t != napi_null && !(where = where_text(env, argv[0]))) {
        return NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc = kzp_ctx_new_with_updates(&ctx, base, where, &err);
    free(where);
    return rc ? throw_status(env, rc, &err) : wrap_new(env, ctx);
}

static bool get_int64(napi_env env, napi_value v, int64_t *out, const char *what);

static napi_value m_what_if(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    kzp_ctx *base = this_ctx(env, info, &argc, argv);
    if (!base) {
        return NULL;
    }
    napi_valuetype t = napi_undefined;
    if (argc > 0) {
        napi_typeof(env, argv[0], &t);
    }
    int64_t tenge = -1;
    if (t != napi_number && t != napi_bigint) {
        return throw_type(env, "mciTenge must be a whole number or a bigint");
    }
    /* a bigint beyond 64 bits is an overflow (not a misleading "-1"), as for every amount */
    if (!get_int64(env, argv[0], &tenge, "mciTenge")) {
        return NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc = kzp_ctx_new_what_if(&ctx, base, tenge, &err);
    return rc ? throw_status(env, rc, &err) : wrap_new(env, ctx);
}

/* ---- Module functions ---- */

/* What the words functions spell (0..KZP_WORDS_MAX), said when a number is outside it. */
enum { WORDS_NONE, WORDS_N, WORDS_TIYN };

/* The text of a words or money function, which reports the length it needs (snprintf
 * semantics): from buf when it fitted, else written again into a buffer of that length. A
 * number outside what the words functions spell is said with range. */
typedef int (*text_fn)(char *buf, size_t size, int64_t n, int a, int b, int c);

static napi_value text_result(napi_env env, text_fn fn, int64_t n, int a, int b, int c, int range)
{
    char buf[1024];
    int len = fn(buf, sizeof buf, n, a, b, c);
    if (len == KZP_E_BAD_NUMBER && range != WORDS_NONE) {
        kzp_error err = {.code = len};
        if (range == WORDS_N) {
            snprintf(err.message, sizeof err.message, "n must be from 0 to %lld to be spelt in words, not %lld",
                     (long long)KZP_WORDS_MAX, (long long)n);
        } else {
            snprintf(err.message, sizeof err.message,
                     "tiyn must be from 0 to %lld99 (%lld tenge) to be spelt in words, not %lld",
                     (long long)KZP_WORDS_MAX, (long long)KZP_WORDS_MAX, (long long)n);
        }
        return throw_status(env, len, &err);
    }
    if (len < 0) {
        return throw_status(env, len, NULL);
    }
    if ((size_t)len < sizeof buf) {
        return str(env, buf);
    }
    char *big = malloc((size_t)len + 1);
    if (!big) {
        return throw_status(env, KZP_E_NOMEM, NULL);
    }
    fn(big, (size_t)len + 1, n, a, b, c);
    napi_value v = str(env, big);
    free(big);
    return v;
}

static int number_words_fn(char *buf, size_t size, int64_t n, int lang, int gender, int gcase)
{
    return kzp_number_words(buf, size, n, lang, gender, gcase);
}
static int tenge_words_fn(char *buf, size_t size, int64_t n, int lang, int unused1, int unused2)
{
    (void)unused1;
    (void)unused2;
    return kzp_tenge_words(buf, size, n, lang);
}
static int tenge_figures_words_fn(char *buf, size_t size, int64_t n, int lang, int unused1, int unused2)
{
    (void)unused1;
    (void)unused2;
    return kzp_tenge_figures_words(buf, size, n, lang);
}
static int format_tenge_fn(char *buf, size_t size, int64_t n, int style, int unused1, int unused2)
{
    (void)unused1;
    (void)unused2;
    return kzp_tenge_format(buf, size, n, style);
}

static bool get_int64(napi_env env, napi_value v, int64_t *out, const char *what)
{
    napi_valuetype t;
    napi_typeof(env, v, &t);
    if (t == napi_bigint) {
        bool lossless, negative;
        get_bigint(env, v, out, &lossless, &negative);
        if (!lossless) {
            kzp_error err = {.code = KZP_E_OVERFLOW};
            snprintf(err.message, sizeof err.message, "%s does not fit in 64 bits", what);
            throw_status(env, KZP_E_OVERFLOW, &err); /* beyond 64 bits: never clamp */
            return false;
        }
        return true;
    }
    if (t == napi_number) {
        return get_whole_number(env, v, out, what, false);
    }
    char msg[96];
    snprintf(msg, sizeof msg, "%s must be a whole number or a bigint", what);
    throw_type(env, msg);
    return false;
}

static napi_value f_number_words(napi_env env, napi_callback_info info)
{
    size_t argc = 4;
    napi_value argv[4];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    int64_t n;
    char lang_s[8] = "en", gender_s[16] = "masculine", case_s[16] = "nominative";
    if (argc < 1 || !get_int64(env, argv[0], &n, "n") ||
        (argc > 1 && !get_string(env, argv[1], lang_s, sizeof lang_s, "lang")) ||
        (argc > 2 && !get_string(env, argv[2], gender_s, sizeof gender_s, "gender")) ||
        (argc > 3 && !get_string(env, argv[3], case_s, sizeof case_s, "grammaticalCase"))) {
        return argc < 1 ? throw_type(env, "numberWords(n, lang?, gender?, grammaticalCase?)") : NULL;
    }
    int lang, gender, gcase;
    if (!parse_word(env, kzp_lang_parse, lang_s, &lang, "lang") ||
        !parse_word(env, kzp_gender_parse, gender_s, &gender, "gender") ||
        !parse_word(env, kzp_gcase_parse, case_s, &gcase, "grammaticalCase")) {
        return NULL;
    }
    return text_result(env, number_words_fn, n, lang, gender, gcase, WORDS_N);
}

static napi_value money_words_fn(napi_env env, napi_callback_info info, int which)
{
    size_t argc = 2;
    napi_value argv[2];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    int64_t tiyn;
    char lang_s[8] = "en";
    if (argc < 1 || !get_int64(env, argv[0], &tiyn, "tiyn") ||
        (argc > 1 && !get_string(env, argv[1], lang_s, sizeof lang_s, "lang"))) {
        return argc < 1 ? throw_type(env, "(tiyn, lang?)") : NULL;
    }
    int lang;
    if (!parse_word(env, kzp_lang_parse, lang_s, &lang, "lang")) {
        return NULL;
    }
    return text_result(env, which == 0 ? tenge_words_fn : tenge_figures_words_fn, tiyn, lang, 0, 0, WORDS_TIYN);
}

static napi_value f_tenge_words(napi_env env, napi_callback_info info)
{
    return money_words_fn(env, info, 0);
}
static napi_value f_tenge_figures_words(napi_env env, napi_callback_info info)
{
    return money_words_fn(env, info, 1);
}

static napi_value f_format_tenge(napi_env env, napi_callback_info info)
{
    size_t argc = 2;
    napi_value argv[2];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    int64_t tiyn;
    char style_s[8] = "sign";
    if (argc < 1 || !get_int64(env, argv[0], &tiyn, "tiyn") ||
        (argc > 1 && !get_string(env, argv[1], style_s, sizeof style_s, "style"))) {
        return argc < 1 ? throw_type(env, "formatTenge(tiyn, style?)") : NULL;
    }
    int style;
    if (!parse_word(env, kzp_money_style_parse, style_s, &style, "style")) {
        return NULL;
    }
    return text_result(env, format_tenge_fn, tiyn, style, 0, 0, WORDS_NONE);
}

static napi_value f_validate_dataset(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    char *text;
    size_t len;
    bool owned;
    if (argc < 1 || !get_text(env, argv[0], &text, &len, &owned, "text")) {
        return argc < 1 ? throw_type(env, "validateDataset(text)") : NULL;
    }
    enum { CAP = 200 };
    kzp_error *errs = calloc(CAP, sizeof *errs);
    size_t count = 0;
    /* out of memory before a list could be made is an error, not "no problems" */
    int rc = errs ? kzp_dataset_validate(errs, CAP, &count, text, len) : KZP_E_NOMEM;
    if (owned) {
        free(text);
    }
    if (rc == KZP_E_NOMEM) {
        free(errs);
        return throw_status(env, KZP_E_NOMEM, NULL);
    }
    size_t shown = count < CAP ? count : CAP;
    napi_value a;
    napi_create_array_with_length(env, shown, &a);
    for (size_t i = 0; i < shown; i++) {
        static const char *const N[] = {"code", "path", "line", "column", "message"};
        napi_value v[] = {str(env, kzp_status_name(errs[i].code)), str(env, errs[i].path), int64v(env, errs[i].line),
                          int64v(env, errs[i].column), str(env, errs[i].message)};
        napi_set_element(env, a, (uint32_t)i, frozen(env, N, v, 5));
    }
    free(errs);
    napi_object_freeze(env, a);
    return a;
}

/* For index.js's range fast path: is this a date the library reads as the same text
 * (kzp_date_check: exactly "YYYY-MM-DD", a real calendar date)? Read as UTF-8, as m_fine_fast
 * reads it, so that no other string passes for one. */
static napi_value f_date_ok(napi_env env, napi_callback_info info)
{
    size_t argc = 1, len = 0;
    napi_value argv[1];
    char date[16];
    bool ok = napi_get_cb_info(env, info, &argc, argv, NULL, NULL) == napi_ok && argc == 1 &&
              napi_get_value_string_utf8(env, argv[0], date, sizeof date, &len) == napi_ok && len == 10 &&
              kzp_date_check(date, NULL) == KZP_OK;
    return boolean(env, ok);
}

/* setErrorClasses({ KzpError, KZP_E_BAD_DATE: BadDateError, ... }): index.js hands over its classes. */
static napi_value f_set_error_classes(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    addon_state *st = state_of(env);
    if (argc < 1 || !st) {
        return throw_type(env, "setErrorClasses(classes)");
    }
    for (int i = 0; i < st->n_errors; i++) {
        napi_value cls;
        const char *key = i == 0 ? "KzpError" : kzp_status_name(-i);
        if (napi_get_named_property(env, argv[0], key, &cls) != napi_ok) {
            return NULL;
        }
        napi_valuetype t;
        napi_typeof(env, cls, &t);
        if (t != napi_function) {
            continue;
        }
        if (st->errors[i]) {
            napi_delete_reference(env, st->errors[i]);
        }
        CHECK(napi_create_reference(env, cls, 1, &st->errors[i]));
    }
    return NULL;
}

/* setResultClasses({ Fine, Range, ... }): index.js hands over its result classes. */
static napi_value f_set_result_classes(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    addon_state *st = state_of(env);
    if (argc < 1 || !st) {
        return throw_type(env, "setResultClasses(classes)");
    }
    for (int i = 0; i < R_COUNT; i++) {
        napi_value cls;
        napi_valuetype t;
        CHECK(napi_get_named_property(env, argv[0], RESULT_NAMES[i], &cls));
        napi_typeof(env, cls, &t);
        if (t != napi_function) {
            continue;
        }
        if (st->results[i]) {
            napi_delete_reference(env, st->results[i]);
        }
        CHECK(napi_create_reference(env, cls, 1, &st->results[i]));
    }
    return NULL;
}

static void state_finalize(napi_env env, void *data, void *hint)
{
    (void)hint;
    addon_state *st = data;
    for (int i = 0; i < R_COUNT; i++) {
        if (st->results[i]) {
            napi_delete_reference(env, st->results[i]);
        }
    }
    napi_delete_reference(env, st->context_ctor);
    if (st->scratch) {
        napi_delete_reference(env, st->scratch);
    }
    for (int i = 0; st->errors && i < st->n_errors; i++) {
        if (st->errors[i]) {
            napi_delete_reference(env, st->errors[i]);
        }
    }
    free(st->errors);
    free(st);
}

NAPI_MODULE_INIT()
{
    addon_state *st = calloc(1, sizeof *st);
    int n_status = kzp_status_count();
    napi_ref *errors = n_status > 0 ? calloc((size_t)n_status, sizeof *errors) : NULL;
    if (!st || !errors || napi_set_instance_data(env, st, state_finalize, NULL) != napi_ok) {
        free(st);
        free(errors);
        return NULL;
    }
    st->n_errors = n_status;
    st->errors = errors;
    napi_property_descriptor methods[] = {
        {"mci", NULL, m_mci, NULL, NULL, NULL, napi_default_method, NULL},
        {"range", NULL, m_range, NULL, NULL, NULL, napi_default_method, NULL},
        {"fine", NULL, m_fine, NULL, NULL, NULL, napi_default_method, NULL},
        {"_fineFast", NULL, m_fine_fast, NULL, NULL, NULL, napi_writable | napi_configurable, NULL},
        {"check", NULL, m_check, NULL, NULL, NULL, napi_default_method, NULL},
        {"convert", NULL, m_convert, NULL, NULL, NULL, napi_default_method, NULL},
        {"sanctionTexts", NULL, m_sanction_texts, NULL, NULL, NULL, napi_default_method, NULL},
        {"mciTable", NULL, m_mci_table, NULL, NULL, NULL, napi_default_method, NULL},
        {"articles", NULL, m_articles, NULL, NULL, NULL, napi_default_method, NULL},
        {"withMci", NULL, m_with_mci, NULL, NULL, NULL, napi_default_method, NULL},
        {"withMciFile", NULL, m_with_mci_file, NULL, NULL, NULL, napi_default_method, NULL},
        {"withUpdates", NULL, m_with_updates, NULL, NULL, NULL, napi_default_method, NULL},
        {"whatIf", NULL, m_what_if, NULL, NULL, NULL, napi_default_method, NULL},
        {"updates", NULL, m_updates, NULL, NULL, NULL, napi_default_method, NULL},
        {"info", NULL, NULL, m_info, NULL, NULL, napi_enumerable, NULL},
        {"sha256", NULL, NULL, m_sha256, NULL, NULL, napi_enumerable, NULL},
        {"fromFile", NULL, s_from_file, NULL, NULL, NULL, napi_static, NULL},
        {"fromJSON", NULL, s_from_json, NULL, NULL, NULL, napi_static, NULL},
    };
    napi_value ctor;
    CHECK(napi_define_class(env, "Context", NAPI_AUTO_LENGTH, context_ctor, NULL, sizeof methods / sizeof methods[0],
                            methods, &ctor));
    CHECK(napi_create_reference(env, ctor, 1, &st->context_ctor));
    napi_value scratch, certainties, classes;
    void *scratch_data;
    CHECK(napi_create_arraybuffer(env, 16, &scratch_data, &scratch));
    CHECK(napi_create_reference(env, scratch, 1, &st->scratch));
    CHECK(napi_create_array(env, &certainties));
    for (int c = 0; kzp_certainty_name(c); c++) {
        CHECK(napi_set_element(env, certainties, (uint32_t)c, str(env, kzp_certainty_name(c))));
    }
    /* { KZP_E_IO: 'DataFileError', ... }: the error class of each status, named by the library */
    CHECK(napi_create_object(env, &classes));
    for (int i = 1; i < n_status; i++) {
        const char *name = kzp_status_class(-i);
        if (name) {
            CHECK(napi_set_named_property(env, classes, kzp_status_name(-i), str(env, name)));
        }
    }
    CHECK(napi_object_freeze(env, classes));
    napi_property_descriptor fns[] = {
        {"fineScratch", NULL, NULL, NULL, NULL, scratch, napi_default, NULL},
        {"certaintyNames", NULL, NULL, NULL, NULL, certainties, napi_default, NULL},
        {"statusClasses", NULL, NULL, NULL, NULL, classes, napi_enumerable, NULL},
        {"dateOk", NULL, f_date_ok, NULL, NULL, NULL, napi_default, NULL},
        {"Context", NULL, NULL, NULL, NULL, ctor, napi_enumerable, NULL},
        {"numberWords", NULL, f_number_words, NULL, NULL, NULL, napi_enumerable, NULL},
        {"tengeWords", NULL, f_tenge_words, NULL, NULL, NULL, napi_enumerable, NULL},
        {"tengeFiguresWords", NULL, f_tenge_figures_words, NULL, NULL, NULL, napi_enumerable, NULL},
        {"formatTenge", NULL, f_format_tenge, NULL, NULL, NULL, napi_enumerable, NULL},
        {"validateDataset", NULL, f_validate_dataset, NULL, NULL, NULL, napi_enumerable, NULL},
        {"setErrorClasses", NULL, f_set_error_classes, NULL, NULL, NULL, napi_enumerable, NULL},
        {"setResultClasses", NULL, f_set_result_classes, NULL, NULL, NULL, napi_enumerable, NULL},
        {"libraryVersion", NULL, NULL, NULL, NULL, str(env, kzp_version_string()), napi_enumerable, NULL},
    };
    CHECK(napi_define_properties(env, exports, sizeof fns / sizeof fns[0], fns));
    return exports;
}
