/**
 * @file kzpenalty.h
 * kzpenalty: sanctions of Kazakhstan's Criminal Code as exact, dated, cited numbers.
 *
 * This is the whole public API. Conventions (see docs/api.md):
 *  - Fallible functions return a kzp_status: KZP_OK (0) or a negative code. Status values
 *    are ABI: never renumbered, only appended. Where the compiler can, ignoring the status of
 *    a call that depends on its input (a date, an amount, a word, a dataset) is a warning
 *    (KZP_NODISCARD); the getters that fail only on a NULL argument or an index past a count
 *    the caller was given (kzp_ctx_info, kzp_*_at) are not marked. Text functions with
 *    snprintf semantics return an int: the length the text needs, or a negative kzp_status.
 *  - Out-parameters come first, inputs after. An out-parameter is written only when
 *    the call succeeds; on failure it is left exactly as it was.
 *  - Dates are ISO 8601 calendar dates "YYYY-MM-DD" (years 0001-9999), no time zone;
 *    kzp_date_parse also reads DD.MM.YYYY, as Kazakh and Russian documents write dates.
 *  - Money is int64_t tiyn (1 tenge = 100 tiyn). No floating point is used anywhere.
 *  - Quantities of a sanction unit (MCI, hours, days) go in as a kzp_qty, built with
 *    kzp_whole(150) (150 MCI), kzp_hundredths(20) (0.2 MCI) or kzp_qty_parse("150,5"), so a
 *    whole number cannot be read as hundredths by mistake; they come out as int64_t members
 *    named *_centi (hundredths: 200 MCI is 20000).
 *  - Strings handed out are borrowed: from the context (valid until kzp_ctx_free) or
 *    static (valid forever). The caller never frees them.
 *  - A kzp_ctx is immutable once built. Any number of threads may use one context at the
 *    same time. The library's only process-wide state is the context of the embedded
 *    dataset, built once on the first kzp_ctx_new (under a lock) and never changed.
 *  - Calls that may fail for a reason worth explaining take an optional caller-owned
 *    kzp_error (NULL is allowed) that receives the code, a message, and for data a
 *    JSON path with line and column.
 *  - Every dated answer (kzp_mci, kzp_fine, kzp_range, kzp_check) carries valid_from and
 *    valid_until: the offence dates, around the one asked, for which the library gives the
 *    same answer. A cache may key on them, and on nothing it assumes about the law.
 *
 * How result structs grow (the ABI policy):
 *  - Result structs are caller-allocated and their layout is part of the ABI. Every exported
 *    symbol carries the version node of abi/kzpenalty.map; a test compares each public
 *    struct's size and member offsets with abi/layout.txt.
 *  - Before 1.0, a minor release may change a layout; it then names a new node
 *    (KZPENALTY_0.2 for 0.2), so a program built against an older release refuses to start
 *    ("version KZPENALTY_0.1 not found") instead of misreading a struct.
 *  - From 1.0, a layout never changes within a major version. A result that must grow gets a
 *    new struct and function beside the old (as kzp_convert_under came beside kzp_convert),
 *    under a new node; the old ones keep working for programs built against them.
 */
#ifndef KZPENALTY_H
#define KZPENALTY_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Version ------------------------------------------------------------------ */

/* The build system reads these three lines; keep their form. */
#define KZP_VERSION_MAJOR 0 /**< incompatible API changes; also the SONAME */
#define KZP_VERSION_MINOR 2 /**< added features (before 1.0: also breaking changes) */
#define KZP_VERSION_PATCH 0 /**< fixes */

#define KZP_VERSION_STRING "0.2.0" /**< "MAJOR.MINOR.PATCH" */
/** MAJOR * 10000 + MINOR * 100 + PATCH, e.g. 100 for 0.1.0. */
#define KZP_VERSION_NUMBER (KZP_VERSION_MAJOR * 10000 + KZP_VERSION_MINOR * 100 + KZP_VERSION_PATCH)

/* ---- Symbol visibility ------------------------------------------------------------ */

/** @def KZP_API
 *  Marks the library's exported functions: symbols are hidden unless marked. Empty when
 *  KZP_STATIC is defined, dllexport/dllimport on Windows, default visibility with GCC and Clang. */
#if defined(KZP_STATIC)
#define KZP_API
#elif defined(_WIN32)
#if defined(KZP_BUILDING)
#define KZP_API __declspec(dllexport)
#else
#define KZP_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#define KZP_API __attribute__((visibility("default")))
#else
#define KZP_API
#endif

/** @def KZP_NODISCARD
 *  Marks a function whose returned status must not be ignored: a warning with GCC, Clang and
 *  C23 or C++17 compilers; empty elsewhere. Define KZP_NO_NODISCARD to turn it off. */
#if defined(KZP_NO_NODISCARD)
#define KZP_NODISCARD
#elif defined(__cplusplus) && __cplusplus >= 201703L
#define KZP_NODISCARD [[nodiscard]]
#elif defined(__GNUC__) && __GNUC__ >= 4
#define KZP_NODISCARD __attribute__((warn_unused_result))
#else
#define KZP_NODISCARD
#endif

/* ---- Status codes ------------------------------------------------------------------- */

/** Result of every fallible call. Values are ABI: never renumbered, only appended. */
typedef enum kzp_status {
    KZP_OK = 0,
    KZP_E_INVALID_ARG = -1,       /**< a NULL pointer or a value outside its domain */
    KZP_E_NOMEM = -2,             /**< memory allocation failed */
    KZP_E_IO = -3,                /**< a file could not be opened or read */
    KZP_E_JSON = -4,              /**< text is not well-formed JSON */
    KZP_E_SCHEMA = -5,            /**< JSON is well formed but a member is missing, unknown or of the wrong type */
    KZP_E_SCHEMA_VERSION = -6,    /**< the dataset's schema_version is not one this library reads */
    KZP_E_BAD_DATE = -7,          /**< not a real calendar date in YYYY-MM-DD form */
    KZP_E_BAD_NUMBER = -8,        /**< not a valid amount (syntax, sign, more than two decimals, not whole) */
    KZP_E_OVERFLOW = -9,          /**< a result would not fit in int64_t */
    KZP_E_DATA_VALUE = -10,       /**< a dataset value is out of range (e.g. an MCI that is not positive) */
    KZP_E_DATA_ORDER = -11,       /**< MCI periods are not ascending, or overlap within a purpose */
    KZP_E_DATA_REF = -12,         /**< a citation is missing, or refers to an id that does not exist */
    KZP_E_DATA_DUPLICATE = -13,   /**< two entries share an id that must be unique */
    KZP_E_UNKNOWN_KIND = -14,     /**< a sanction kind, unit, category, purpose or status word is not known */
    KZP_E_UNKNOWN_ARTICLE = -15,  /**< the dataset does not encode this article */
    KZP_E_NOT_IN_FORCE = -16,     /**< the offence date is before the article came into force */
    KZP_E_MCI_STALE = -17,        /**< the date is after the last date the MCI table is known for */
    KZP_E_MCI_BEFORE_FIRST = -18, /**< the date is before the first known MCI period */
    KZP_E_NO_SANCTION = -19,      /**< the article has no sanction of the requested kind */
    KZP_E_NO_RULE = -20,          /**< the dataset has no rule for this question (e.g. no equivalence for a kind) */
    KZP_E_UNVERIFIED = -21        /**< KZP_Q_STRICT was given and the answer depends on an unverified fact */
} kzp_status;

/** How many status values this library has: they are 0, -1, ... -(kzp_status_count() - 1), so
 *  a binding can make one error class per status without a list of its own. Thread-safe.
 *  Since 0.2.0. */
KZP_API int kzp_status_count(void);

/** The name of the error class a binding raises for a status, e.g. "DataFileError" for
 *  KZP_E_IO, "NotInForceError" for KZP_E_NOT_IN_FORCE: the Python, Node.js and WebAssembly
 *  bindings all take their class names from here, so the names are the same everywhere.
 *  Static; NULL for KZP_OK and for values this version does not know. Thread-safe.
 *  Since 0.2.0. */
KZP_API const char *kzp_status_class(int code);

/** A static English message for a status code; never NULL. Thread-safe. Since 0.1.0. */
KZP_API const char *kzp_strerror(int code);

/** A static symbolic name for a status code, e.g. "KZP_E_BAD_DATE"; "KZP_E_UNKNOWN" for
 *  values this version does not know. Bindings use it as an error code string.
 *  Thread-safe. Since 0.1.0. */
KZP_API const char *kzp_status_name(int code);

/** Details of a failure, filled by calls that take one. Caller-owned; may live on the stack. */
typedef struct kzp_error {
    kzp_status code;   /**< the status returned */
    int line;          /**< 1-based line in the JSON text, 0 when not about a text */
    int column;        /**< 1-based column (in bytes), 0 when not about a text */
    char path[128];    /**< JSON path of the offending value, e.g. "$.mci.periods[3].from"; "" if none */
    char message[256]; /**< what is wrong and what would be right, in English; valid UTF-8 (bytes of a caller's
                            text that are not are shown as '?'), ending in "…" when cut */
} kzp_error;

/* ---- Quantities ------------------------------------------------------------------------ */

/** An amount of a sanction unit (MCI, hours, days) as a function takes it: in hundredths, behind
 *  a type, so that kzp_fine_compute(&f, ctx, date, 150, ...) does not compile where 150 MCI was
 *  meant and 1.5 MCI would have been priced. Build one with kzp_whole, kzp_hundredths or
 *  kzp_qty_parse; 8 bytes, passed by value. Since 0.2.0. */
typedef struct kzp_qty {
    int64_t centi; /**< hundredths of the unit: 150 MCI is 15000, 0.2 MCI is 20 */
} kzp_qty;

/** The hundredths kzp_whole gives for a number it cannot hold; every function refuses it with
 *  KZP_E_OVERFLOW. */
#define KZP_QTY_INVALID INT64_MIN

/** A whole number of units: kzp_whole(150) is 150 MCI (hundredths 15000). A number whose
 *  hundredths do not fit in int64_t gives the invalid quantity (KZP_QTY_INVALID). */
static inline kzp_qty kzp_whole(int64_t n)
{
    kzp_qty q;
    q.centi = (n > INT64_MAX / 100 || n < INT64_MIN / 100) ? KZP_QTY_INVALID : n * 100;
    return q;
}

/** A number of hundredths of a unit: kzp_hundredths(20) is 0.2 MCI, kzp_hundredths(1250) is
 *  12.5 hours. */
static inline kzp_qty kzp_hundredths(int64_t centi)
{
    kzp_qty q;
    q.centi = centi;
    return q;
}

/* ---- Version at run time ------------------------------------------------------------ */

/** KZP_VERSION_NUMBER of the library actually linked. Thread-safe. Since 0.1.0. */
KZP_API unsigned kzp_version_number(void);
/** KZP_VERSION_STRING of the library actually linked (static). Thread-safe. Since 0.1.0. */
KZP_API const char *kzp_version_string(void);

/* ---- Vocabulary ------------------------------------------------------------------------ */

/** Kinds of punishment. Values are ABI. */
typedef enum kzp_kind {
    KZP_KIND_FINE = 0,
    KZP_KIND_COMMUNITY_SERVICE = 1,
    KZP_KIND_ARREST = 2,
    KZP_KIND_CORRECTIONAL_WORK = 3
} kzp_kind;
#define KZP_KIND_COUNT 4 /**< how many kzp_kind values there are */

/** Units in which a sanction is measured. Values are ABI. */
typedef enum kzp_unit { KZP_UNIT_MCI = 0, KZP_UNIT_HOURS = 1, KZP_UNIT_DAYS = 2 } kzp_unit;

/** Which MCI: the one for fines, taxes and other payments, or the one for benefits.
 *  They differ only in 2022 (benefits rose on 1 April, fines kept 3,063). Values are ABI. */
typedef enum kzp_purpose { KZP_PURPOSE_FINES = 0, KZP_PURPOSE_BENEFITS = 1 } kzp_purpose;

/** How sure the dataset is of a fact (the status words of the legal facts file).
 *  Ordered from most to least sure; a result carries the weakest certainty it used. Values are ABI. */
typedef enum kzp_certainty {
    KZP_CERT_OFFICIAL = 0,    /**< seen in the text of the act or on a state website */
    KZP_CERT_STATEMENT = 1,   /**< stated by a state body as reported; the act's text not seen */
    KZP_CERT_UNVERIFIED = 2,  /**< one weak source or conflicting sources: not law */
    KZP_CERT_HYPOTHETICAL = 3 /**< supplied by the user as a what-if, not law at all */
} kzp_certainty;

/** Category of an offence. Values are ABI. */
typedef enum kzp_category { KZP_CATEGORY_CRIMINAL_OFFENCE = 0, KZP_CATEGORY_CRIME = 1 } kzp_category;

/** Languages of the titles in the dataset. Values are ABI. */
typedef enum kzp_lang { KZP_LANG_EN = 0, KZP_LANG_RU = 1, KZP_LANG_KK = 2 } kzp_lang;
#define KZP_LANG_COUNT 3 /**< how many kzp_lang values there are */

/** The code of a kzp_lang ("en", "ru", "kk"). Static; NULL for an unknown value. Thread-safe.
 *  Since 0.2.0. */
KZP_API const char *kzp_lang_name(int lang);
/** Parse a language code ("ru" -> KZP_LANG_RU); exactly "en", "ru" or "kk". Errors:
 *  KZP_E_INVALID_ARG (NULL), KZP_E_UNKNOWN_KIND (with the codes known in err). *out is written
 *  only on success. Thread-safe. Since 0.2.0. */
KZP_API KZP_NODISCARD kzp_status kzp_lang_parse(int *out, const char *word, kzp_error *err);

/** The dataset word for a kzp_kind ("fine", "community_service", "arrest",
 *  "correctional_work"). Static string; NULL for an unknown value. Thread-safe. Since 0.1.0. */
KZP_API const char *kzp_kind_name(int kind);
/** The dataset word for a kzp_unit ("mci", "hours", "days"). Static; NULL for an unknown
 *  value. Thread-safe. Since 0.1.0. */
KZP_API const char *kzp_unit_name(int unit);
/** The dataset word for a kzp_purpose ("fines", "benefits"). Static; NULL for an unknown
 *  value. Thread-safe. Since 0.1.0. */
KZP_API const char *kzp_purpose_name(int purpose);
/** The dataset word for a kzp_certainty ("official", "statement", "unverified",
 *  "hypothetical"). Static; NULL for an unknown value. Thread-safe. Since 0.1.0. */
KZP_API const char *kzp_certainty_name(int certainty);
/** The dataset word for a kzp_category ("criminal_offence", "crime"). Static; NULL for an
 *  unknown value. Thread-safe. Since 0.1.0. */
KZP_API const char *kzp_category_name(int category);

/** The name of a sanction kind in a language (kzp_lang), as the Criminal Code words it:
 *  "штраф", "привлечение к общественным работам", "арест", "исправительные работы" (ru);
 *  "айыппұл", "қоғамдық жұмыстарға тарту", "қамаққа алу", "түзеу жұмыстары" (kk);
 *  "fine", "community service", "arrest", "correctional work" (en). Static UTF-8; NULL for an
 *  unknown kind or language. Thread-safe. Since 0.1.0. */
KZP_API const char *kzp_kind_label(int kind, int lang);

/** The noun for a unit in a language, in the form that agrees with an amount: ru "час" / "часа" / "часов" and "сутки" / "суток" by the Russian rules for
 *  numerals (1, 21 час; 2-4, 22 часа; 5-20, 25 часов; a fraction takes the genitive singular:
 *  12,5 часа, 12,5 суток); "МРП"; kk "сағат", "тәулік", "АЕК" (Kazakh nouns do not change
 *  after a numeral); en "hour"/"hours", "day"/"days", "MCI". Static UTF-8; NULL for an unknown
 *  unit or language. Thread-safe. Since 0.1.0. */
KZP_API const char *kzp_unit_label(int unit, int lang, kzp_qty amount);

/** The name of an offence category in a language: "уголовный проступок" / "преступление"
 *  (ru), "қылмыстық теріс қылық" / "қылмыс" (kk), "criminal offence" / "crime" (en).
 *  Static UTF-8; NULL for an unknown value. Thread-safe. Since 0.1.0. */
KZP_API const char *kzp_category_label(int category, int lang);

/** Parse a kind word ("arrest" -> KZP_KIND_ARREST). Returns KZP_OK, KZP_E_INVALID_ARG for
 *  NULL arguments, or KZP_E_UNKNOWN_KIND. *out is written only on success. Thread-safe.
 *  Since 0.1.0. */
KZP_API KZP_NODISCARD kzp_status kzp_kind_parse(int *out, const char *word);
/** Parse a purpose word ("fines", "benefits") as kzp_kind_parse does; same errors. Thread-safe.
 *  Since 0.1.0. */
KZP_API KZP_NODISCARD kzp_status kzp_purpose_parse(int *out, const char *word);

/* ---- Input helpers ------------------------------------------------------------------------ */

/** Check that text is a real calendar date "YYYY-MM-DD" (exactly ten characters,
 *  year 0001-9999; 2026-02-30 is rejected). Returns KZP_OK or KZP_E_BAD_DATE (with a
 *  message in err), KZP_E_INVALID_ARG for NULL. Thread-safe. Since 0.1.0. */
KZP_API KZP_NODISCARD kzp_status kzp_date_check(const char *text, kzp_error *err);

/** Read a date as people write it and give it as ISO "YYYY-MM-DD" in out (11 bytes with the
 *  NUL): "2026-02-10", or day.month.year as Kazakh and Russian documents write it,
 *  "10.02.2026" (also "1.2.2026"). Forms that could be read two ways are refused with the
 *  reason: "10/02/2026" (10 February or October 2), a two-digit year ("10.02.26"). Errors:
 *  KZP_E_BAD_DATE (with the reason in err), KZP_E_INVALID_ARG (NULL). out is written only on
 *  success. Thread-safe. Since 0.2.0. */
KZP_API KZP_NODISCARD kzp_status kzp_date_parse(char out[11], const char *text, kzp_error *err);

/** Parse a non-negative amount of a sanction unit with at most two decimals, the decimal
 *  separator a point or a comma ("150", "0.2", "12,50", "150,5"). No sign, exponent, spaces
 *  or digit grouping. Refused with the reason (KZP_E_BAD_NUMBER): more than two decimals (the
 *  library never rounds); "1.000" or "1,000", which may be a thousand with a group separator
 *  or 1 with three decimals; a value beyond int64_t hundredths is KZP_E_OVERFLOW. *out is
 *  written only on success. Thread-safe. Since 0.2.0. */
KZP_API KZP_NODISCARD kzp_status kzp_qty_parse(kzp_qty *out, const char *text, kzp_error *err);

/** Write a quantity as a plain decimal in a language: 150 MCI -> "150", 0.2 -> "0.2" (en) or
 *  "0,2" (ru, kk), 12.5 -> "12.5" / "12,5"; no digit grouping. snprintf semantics: returns the
 *  length the full text needs (not counting the terminating NUL) and writes at most size bytes,
 *  always NUL-terminated when size > 0; buf may be NULL when size is 0. Errors:
 *  KZP_E_INVALID_ARG (unknown lang, buf NULL with size > 0), KZP_E_OVERFLOW (an invalid
 *  quantity, see kzp_whole). Thread-safe. Since 0.2.0. */
KZP_API int kzp_qty_format(char *buf, size_t size, kzp_qty amount, int lang);

/** The length in bytes (1 to 4) of the UTF-8 character at s, of which n bytes may be read, or 0
 *  when the bytes there are not one: strict, as Python's and JavaScript's decoders are (no
 *  overlong forms, no UTF-16 surrogates, nothing above U+10FFFF). For front ends that must
 *  write valid UTF-8 (a JSON writer replacing a bad byte with U+FFFD). Thread-safe. Since 0.2.0. */
KZP_API size_t kzp_utf8_char_len(const char *s, size_t n);
/** Make a message written by snprintf into buf (size bytes; needed is what snprintf returned)
 *  valid text, as the library's own messages are: a cut text ends with "…" (U+2026) at a
 *  character boundary, and each byte that is not part of a valid UTF-8 character becomes '?'.
 *  Thread-safe. Since 0.2.0. */
KZP_API void kzp_message_mend(char *buf, size_t size, int needed);

/** Styles for kzp_tenge_format. Digits are grouped by threes in every style but plain; tiyn
 *  are shown (two digits) only when not zero. Values are ABI. */
typedef enum kzp_money_style {
    KZP_MONEY_SIGN = 0, /**< "865 000 ₸", "865 000,50 ₸" (plain spaces, so text stays searchable) */
    KZP_MONEY_RU = 1,   /**< "865 000 тенге", "865 000,50 тенге" */
    KZP_MONEY_KK = 2,   /**< "865 000 теңге", "865 000,50 теңге" */
    KZP_MONEY_EN = 3,   /**< "865,000 KZT", "865,000.50 KZT" */
    KZP_MONEY_PLAIN = 4 /**< "865000", "865000.50": machine-friendly, no grouping, no currency */
} kzp_money_style;
#define KZP_MONEY_STYLE_COUNT 5 /**< how many kzp_money_style values there are */

/** The word for a kzp_money_style ("sign", "ru", "kk", "en", "plain"). Static; NULL for an
 *  unknown value. Thread-safe. Since 0.2.0. */
KZP_API const char *kzp_money_style_name(int style);
/** Parse a money style word as kzp_lang_parse does. Errors: KZP_E_INVALID_ARG (NULL),
 *  KZP_E_UNKNOWN_KIND. Thread-safe. Since 0.2.0. */
KZP_API KZP_NODISCARD kzp_status kzp_money_style_parse(int *out, const char *word, kzp_error *err);
/** The style in which a language's text writes money: KZP_MONEY_EN, KZP_MONEY_RU or
 *  KZP_MONEY_KK; KZP_E_INVALID_ARG for an unknown language. Thread-safe. Since 0.2.0. */
KZP_API int kzp_lang_money_style(int lang);

/** Format an amount of tiyn for people (see kzp_money_style); negative amounts get a
 *  leading '-'. snprintf semantics as kzp_qty_format (UTF-8 bytes; a short buffer is cut
 *  before a character, never inside "₸" or a letter). Returns the length needed, or
 *  KZP_E_INVALID_ARG for an unknown style or buf NULL with size > 0.
 *  Thread-safe. Since 0.2.0 (kzp_format_tenge before). */
KZP_API int kzp_tenge_format(char *buf, size_t size, int64_t tiyn, int style);

/* ---- Limits, for bindings that cannot read the macros ------------------------------------------ */

/** KZP_MAX_SANCTIONS: the most alternatives a range holds. Thread-safe. Since 0.2.0. */
KZP_API size_t kzp_max_sanctions(void);
/** KZP_MAX_BASIS: the most citations a result lists. Thread-safe. Since 0.2.0. */
KZP_API size_t kzp_max_basis(void);
/** KZP_MAX_PAYMENTS: the most payments a range lists. Thread-safe. Since 0.2.0. */
KZP_API size_t kzp_max_payments(void);
/** KZP_WORDS_MAX: the largest whole number the words functions spell. Thread-safe. Since 0.2.0. */
KZP_API int64_t kzp_words_max(void);
/** KZP_MAX_DATASET_BYTES: the largest dataset file kzp_ctx_new_from_file reads. Thread-safe.
 *  Since 0.2.0. */
KZP_API size_t kzp_max_dataset_bytes(void);

/* ---- Context ------------------------------------------------------------------------------- */

/** The loaded, validated legal dataset. Opaque and immutable; share it between threads freely. */
typedef struct kzp_ctx kzp_ctx;

/** A context of the dataset embedded in the library (data/kzpenalty.json at build time).
 *  The embedded dataset is parsed on the first call in a process; that context is shared by
 *  every later call (a context is immutable, so sharing is safe), which makes this call cheap
 *  after the first. Pass it to kzp_ctx_free like any other context: for this one it does
 *  nothing, and the context lives until the process ends. Errors: KZP_E_INVALID_ARG,
 *  KZP_E_NOMEM (on the first call; a later call tries again). Thread-safe. Since 0.1.0. */
KZP_API KZP_NODISCARD kzp_status kzp_ctx_new(kzp_ctx **out, kzp_error *err);

/** Build a context from a dataset in a JSON buffer of len bytes (need not be
 *  NUL-terminated). Everything is validated (docs/dataset.md); the first problem is
 *  returned with its JSON path, line and column in err. *out is written only on
 *  success. Errors: KZP_E_INVALID_ARG, KZP_E_NOMEM, KZP_E_JSON, KZP_E_SCHEMA,
 *  KZP_E_SCHEMA_VERSION, KZP_E_BAD_DATE, KZP_E_BAD_NUMBER, KZP_E_DATA_*,
 *  KZP_E_UNKNOWN_KIND. Thread-safe. Since 0.1.0. */
KZP_API KZP_NODISCARD kzp_status kzp_ctx_new_from_buffer(kzp_ctx **out, const char *json, size_t len, kzp_error *err);

/** As kzp_ctx_new_from_buffer, reading the file at path: a regular file of at most 64 MiB
 *  (67108864 bytes). KZP_E_IO if it cannot be read, or is a FIFO, a directory or a device
 *  (refused at once, without waiting for a writer). The file is not kept open or referenced
 *  afterwards. Thread-safe. Since 0.1.0. */
KZP_API KZP_NODISCARD kzp_status kzp_ctx_new_from_file(kzp_ctx **out, const char *path, kzp_error *err);

/** Build a new context from base with MCI periods added or replaced, e.g. next
 *  January's value before a new release of the library. json is an object
 *  {"citations": [...], "known_until": "YYYY-MM-DD", "periods": [...]} in the dataset's
 *  format (docs/dataset.md); a period with the same "from" and "purpose" as an existing one
 *  replaces it, any other is added. The merged table is validated like a whole dataset.
 *  base is never changed; *out is written only on success. Errors as
 *  kzp_ctx_new_from_buffer. Thread-safe. Since 0.1.0. */
KZP_API KZP_NODISCARD kzp_status kzp_ctx_new_with_mci(kzp_ctx **out, const kzp_ctx *base, const char *json, size_t len,
                                                      kzp_error *err);

/** Build a what-if context from base in which the MCI is mci_tenge whole tenge on every
 *  date, for both purposes, with no staleness. Results computed with it carry
 *  KZP_CERT_HYPOTHETICAL. mci_tenge must be 1..1000000000 (KZP_E_BAD_NUMBER otherwise).
 *  base is never changed. Thread-safe. Since 0.1.0. */
KZP_API KZP_NODISCARD kzp_status kzp_ctx_new_what_if(kzp_ctx **out, const kzp_ctx *base, int64_t mci_tenge,
                                                     kzp_error *err);

/* ---- MCI update files (next year's MCI without a new release; docs/dataset.md) -------------- */

/** KZP_UPDATES_ENV: the environment variable naming MCI update files or directories, separated
 *  by ':'. Set (even empty), it alone says where updates are; unset, the XDG data directories
 *  are searched (kzp_ctx_new_with_updates). */
#define KZP_UPDATES_ENV "KZPENALTY_UPDATES"
/** KZP_MAX_UPDATE_FILES: the most update files one kzp_ctx_new_with_updates applies. */
#define KZP_MAX_UPDATE_FILES 64

/** As kzp_ctx_new_with_mci, with the update read from the file at path (read as
 *  kzp_ctx_new_from_file reads a dataset), and rules more, so that a file in a drop-in directory
 *  cannot change an answer without the receipt naming it: a file adds at least one period and
 *  gives known_until (KZP_E_SCHEMA otherwise); over a dataset (not a what-if), its periods start
 *  after the dataset's last one (KZP_E_DATA_ORDER) and it leaves the dataset's citations as they
 *  are (KZP_E_DATA_DUPLICATE); it may replace a period or citation an earlier update file brought. The file's name and
 *  SHA-256 are kept and listed by kzp_update_at. A problem is reported with its reason first,
 *  then the path, line and column. base is never changed; *out is written only on success.
 *  Thread-safe. Since 0.2.0. */
KZP_API KZP_NODISCARD kzp_status kzp_ctx_new_with_mci_file(kzp_ctx **out, const kzp_ctx *base, const char *path,
                                                           kzp_error *err);

/** Apply every MCI update file found at where, in order, each as kzp_ctx_new_with_mci_file.
 *  where is a ':'-separated list of files and directories; a directory gives its files named
 *  *.json (not hidden ones, starting with '.') in byte order of their names (nothing below it).
 *  where NULL means the documented place: the value of KZPENALTY_UPDATES when that variable is
 *  set; otherwise kzpenalty/updates under each absolute directory of XDG_DATA_DIRS (default
 *  /usr/local/share:/usr/share), the last first, then under XDG_DATA_HOME (one absolute
 *  directory; default $HOME/.local/share), so the user's own file is applied last and wins. A
 *  named file or directory that cannot be read is an error (KZP_E_IO); an XDG place that does
 *  not exist, is not a directory or may not be read is skipped. With no file found, *out is base
 *  itself, held once more: the caller frees *out and base alike in every case. One broken file
 *  fails the whole call (its path in the message) and nothing is applied. More than
 *  KZP_MAX_UPDATE_FILES files: KZP_E_INVALID_ARG. Thread-safe if nothing changes the environment
 *  meanwhile. Since 0.2.0. */
KZP_API KZP_NODISCARD kzp_status kzp_ctx_new_with_updates(kzp_ctx **out, const kzp_ctx *base, const char *where,
                                                          kzp_error *err);

/** Validate a dataset in a JSON buffer and report every problem found, not only the first,
 *  for tools that check a file before it is used ("kzpenalty dataset check"). Up to cap
 *  problems are written to errors[] in document order, each with its code, JSON path, line,
 *  column and message; *count receives how many were found (it may exceed cap). After a
 *  problem in one entry (a citation, a period, an article...) checking goes on with the
 *  next entry, so each entry reports its first problem; an entry with a problem is left out
 *  of later checks, which can add a follow-on problem (a period citing a broken citation).
 *  A JSON syntax error is the only problem reported for a text that is not JSON.
 *  Returns KZP_OK when the dataset is valid, otherwise the code of the first problem;
 *  KZP_E_INVALID_ARG for NULL count, NULL errors with cap > 0, or NULL json with len > 0;
 *  KZP_E_NOMEM when memory ran out before the text could be checked (then *count may be 0:
 *  the text was not judged, so check the return value, not only the count).
 *  Nothing is kept. Thread-safe. Since 0.1.0. */
KZP_API KZP_NODISCARD kzp_status kzp_dataset_validate(kzp_error *errors, size_t cap, size_t *count, const char *json,
                                                      size_t len);

/** kzp_dataset_validate on the file at path, read as kzp_ctx_new_from_file reads it (a regular
 *  file of at most 64 MiB; a FIFO, a directory or a device is refused without blocking). When the
 *  file cannot be read, returns KZP_E_IO (or KZP_E_NOMEM) with *count 1 and the reason in
 *  errors[0] when cap > 0. Arguments as kzp_dataset_validate; KZP_E_INVALID_ARG for a NULL path.
 *  Nothing is kept. Thread-safe. Since 0.2.0. */
KZP_API KZP_NODISCARD kzp_status kzp_dataset_validate_file(kzp_error *errors, size_t cap, size_t *count,
                                                           const char *path);

/** Free a context and everything borrowed from it (citations, titles, dataset info). NULL
 *  and the shared embedded context (kzp_ctx_new) are no-ops. Never fails. Thread-safety:
 *  the only call that is not safe to overlap with others on the same context: no other
 *  thread may still be using ctx. Since 0.1.0. */
KZP_API void kzp_ctx_free(kzp_ctx *ctx);

/** The bytes of heap memory ctx holds on its own: what kzp_ctx_free gives back when ctx is the
 *  last holder of them. A derived context (kzp_ctx_new_with_mci, kzp_ctx_new_what_if) counts only
 *  what it adds, not the base it shares; the shared embedded context (kzp_ctx_new) counts 0, as
 *  freeing it gives nothing back. For bindings, which tell their garbage collector what an object
 *  holds outside its heap. Errors: KZP_E_INVALID_ARG (a NULL argument). Thread-safe. Since 0.2.0. */
KZP_API kzp_status kzp_ctx_memory(size_t *bytes, const kzp_ctx *ctx);

/** A source that backs a value. All strings are borrowed from the context. */
typedef struct kzp_citation {
    const char *id;        /**< dataset id, e.g. "cc-115-1" */
    const char *act;       /**< the act, e.g. "Criminal Code of the Republic of Kazakhstan No. 226-V of 3 July 2014" */
    const char *reference; /**< where in the act or document, e.g. "Art. 115-1"; "" if none */
    const char *act_in[3]; /**< the act by kzp_lang (the English act where the dataset has no translation) */
    const char *reference_in[3]; /**< the reference by kzp_lang ("ч. 2 ст. 55", "55-баптың 2-бөлігі"), likewise */
    const char *document; /**< official document identifier, e.g. "adilet K1400000226"; "" if none */
    const char *seen_in;  /**< where the dataset's authors saw it */
    const char *note;     /**< what this citation supports, in English; "" if none */
    int certainty;        /**< a kzp_certainty */
} kzp_citation;

/** Identity of a context's dataset, for receipts. Strings borrowed from the context. */
typedef struct kzp_dataset_info {
    const char *id;              /**< e.g. "kz-criminal-code" */
    const char *version;         /**< e.g. "2026.11.28" */
    const char *verified_on;     /**< ISO date the data was last checked against its sources */
    const char *fingerprint;     /**< 16 hex digits: FNV-1a 64 of the dataset's JSON text as loaded (a derived
                                  context: of the merged dataset, written compactly); not a security hash */
    const char *mci_known_until; /**< last ISO date the MCI table is known for */
    int schema_version;          /**< the dataset format's version (1) */
    int hypothetical;            /**< 1 for a what-if context */
    size_t article_count;        /**< articles encoded (see kzp_article_at) */
    size_t mci_period_count;     /**< periods of the MCI table (see kzp_mci_period_at) */
    size_t citation_count;       /**< citations of the dataset (see kzp_citation_at). Since 0.2.0 */
} kzp_dataset_info;

/** Describe the dataset of ctx; strings in *out are borrowed from the context. Errors:
 *  KZP_E_INVALID_ARG. Thread-safe. Since 0.1.0. */
KZP_API kzp_status kzp_ctx_info(kzp_dataset_info *out, const kzp_ctx *ctx);

/** How many citations the dataset of ctx has (a derived context: its base's, with those its MCI
 *  update added or replaced, and a what-if's own); 0 for NULL. Thread-safe. Since 0.2.0. */
KZP_API size_t kzp_citation_count(const kzp_ctx *ctx);
/** The citation at index 0..kzp_citation_count-1, borrowed from the context, for listing every
 *  source once (the command's `dataset citations`). Errors: KZP_E_INVALID_ARG (NULL, or index
 *  out of range). *out is written only on success. Thread-safe. Since 0.2.0. */
KZP_API kzp_status kzp_citation_at(const kzp_citation **out, const kzp_ctx *ctx, size_t index);

/* ---- Query flags --------------------------------------------------------------------------- */

/** Art. 55 part 2: a mitigating circumstance and no aggravating one. Caps the upper bound
 *  of every alternative at half for a criminal offence, and lifts the General Part minimums
 *  that a cited rule lifts (the fine's: Art. 41 part 7, Art. 55 part 6). */
#define KZP_Q_MITIGATED 0x1u
/** Art. 55 part 3: accelerated pre-trial investigation or a fulfilled procedural
 *  agreement. Also half, and lifts the same minimums as KZP_Q_MITIGATED. Given together with
 *  KZP_Q_MITIGATED the caps do NOT stack (whether they do is not verified; see
 *  docs/legal-basis.md). */
#define KZP_Q_ACCELERATED 0x2u
/** Price a date after the MCI table's known_until with the last known value instead of
 *  failing with KZP_E_MCI_STALE; the result then has stale = 1. */
#define KZP_Q_ALLOW_STALE 0x4u
/** Refuse (KZP_E_UNVERIFIED) any answer that depends on a fact marked unverified. */
#define KZP_Q_STRICT 0x8u
/** A verdict in the order procedure (приказное производство, Art. 55 part 3): the range lists
 *  only the alternatives the dataset's order-procedure rules give (for a criminal offence: a
 *  fine of 10 to 20 MCI), with those bounds. An article of a category without such a rule is
 *  KZP_E_NO_RULE. Since 0.2.0. */
#define KZP_Q_ORDER_PROCEDURE 0x10u

/** The most citations a result lists (16 before 0.2.0). A range cites at most 33: the article, its
 *  entry into force and category, two caps, the order procedure's kinds, the MCI, the two pricing
 *  rules, and for each of the four kinds its sanction, General Part bound, two lifting rules, its
 *  restriction and its order-procedure bound. */
#define KZP_MAX_BASIS 40
#define KZP_MAX_SANCTIONS 8            /**< the most alternative sanctions an article may have */
#define KZP_MAX_DATASET_BYTES 67108864 /**< the largest dataset file read: 64 MiB */

/* ---- MCI --------------------------------------------------------------------------------- */

/** The MCI that applies on a date. */
typedef struct kzp_mci {
    int64_t tenge;                /**< whole tenge per MCI */
    int64_t tiyn;                 /**< the same in tiyn (tenge x 100), for formatting as money. Since 0.2.0 */
    char date[11];                /**< the date asked about */
    char from[11];                /**< first day of the period that applies */
    char valid_from[11];          /**< first date with this answer: the period's first day for the purpose (the
                                       day after known_until when stale; 0001-01-01 in a what-if). Since 0.2.0 */
    char valid_until[11];         /**< last date with this answer: the day before the purpose's next period, or
                                       known_until (9999-12-31 when stale, and in a what-if). Since 0.2.0 */
    int purpose;                  /**< kzp_purpose asked about */
    int stale;                    /**< 1 if the date is after known_until (only with KZP_Q_ALLOW_STALE) */
    int certainty;                /**< kzp_certainty of the value */
    const kzp_citation *citation; /**< source of the value (borrowed from the context) */
} kzp_mci;

/** The MCI for purpose on date (ISO). flags: KZP_Q_ALLOW_STALE, KZP_Q_STRICT.
 *  Errors: KZP_E_INVALID_ARG, KZP_E_BAD_DATE, KZP_E_MCI_BEFORE_FIRST, KZP_E_MCI_STALE,
 *  KZP_E_UNVERIFIED. Thread-safe. Since 0.1.0. */
KZP_API KZP_NODISCARD kzp_status kzp_mci_on(kzp_mci *out, const kzp_ctx *ctx, const char *date, int purpose,
                                            unsigned flags, kzp_error *err);

/** One period of the MCI table. */
typedef struct kzp_mci_period {
    char from[11];                /**< first day it applies */
    int64_t tenge;                /**< whole tenge per MCI */
    int64_t tiyn;                 /**< the same in tiyn (tenge x 100). Since 0.2.0 */
    int purpose_all;              /**< 1 when it applies to fines and benefits alike */
    int purpose;                  /**< kzp_purpose it applies to when purpose_all is 0 */
    const kzp_citation *citation; /**< borrowed from the context */
} kzp_mci_period;

/** The period at index 0..mci_period_count-1 (see kzp_ctx_info), in ascending order of
 *  "from": for listing the whole table with its sources. Errors: KZP_E_INVALID_ARG (NULL
 *  or index out of range). Thread-safe. Since 0.1.0. */
KZP_API kzp_status kzp_mci_period_at(kzp_mci_period *out, const kzp_ctx *ctx, size_t index);

/** One MCI period an update added or replaced, for receipts. Strings borrowed from the context. */
typedef struct kzp_update {
    const char *source;    /**< the update's file as it was found, with control characters and bytes that are not
                                UTF-8 shown as '?'; "" for a buffer (kzp_ctx_new_with_mci) */
    const char *sha256;    /**< SHA-256 of the update's text, 64 lower-case hex digits; "" in a build without
                                nettle (the WebAssembly module and the bundled bindings) */
    kzp_mci_period period; /**< the period, with its citation (whose certainty is the update's status) */
} kzp_update;

/** How many update periods ctx prices with: those of every update applied to it and to the
 *  contexts it was derived from, less those a later update replaced (same first day and purpose)
 *  and those under a what-if (kzp_ctx_new_what_if: its one MCI holds on every date), so a
 *  receipt names only values in use; 0 for NULL. Thread-safe. Since 0.2.0. */
KZP_API size_t kzp_update_count(const kzp_ctx *ctx);
/** The update period at index 0..kzp_update_count-1, the first applied first. Errors:
 *  KZP_E_INVALID_ARG (NULL, or index out of range). Thread-safe. Since 0.2.0. */
KZP_API kzp_status kzp_update_at(kzp_update *out, const kzp_ctx *ctx, size_t index);

/** The SHA-256 of the dataset's JSON text ctx was built from, as 64 lower-case hex digits
 *  (a derived context: its base dataset's; what was added is listed by kzp_update_at and
 *  flagged by kzp_dataset_info.hypothetical). The embedded dataset's is computed when the library
 *  is built; a file's or buffer's when it is loaded, with nettle. "" for a loaded dataset in a
 *  build without nettle, and for NULL. Borrowed from ctx. Thread-safe. Since 0.2.0. */
KZP_API const char *kzp_ctx_sha256(const kzp_ctx *ctx);

/* ---- Articles and ranges ------------------------------------------------------------------- */

/** An article as the dataset encodes it. Strings borrowed from the context. */
typedef struct kzp_article {
    const char *id;               /**< "115-1" */
    const char *title[3];         /**< indexed by kzp_lang */
    int category;                 /**< kzp_category */
    char in_force_from[11];       /**< first offence date it applies to */
    size_t sanction_count;        /**< how many alternative sanctions it has */
    const kzp_citation *citation; /**< the article's text (borrowed) */
} kzp_article;

/** Look up an article by id ("115-1"). Strings in *out are borrowed from the context.
 *  Errors: KZP_E_INVALID_ARG, KZP_E_UNKNOWN_ARTICLE (the message lists the articles the
 *  dataset encodes). Thread-safe. Since 0.1.0. */
KZP_API KZP_NODISCARD kzp_status kzp_article_get(kzp_article *out, const kzp_ctx *ctx, const char *id, kzp_error *err);
/** The article at index 0..article_count-1 (see kzp_ctx_info), for listing what the dataset
 *  encodes. Strings borrowed from the context. Errors: KZP_E_INVALID_ARG (NULL or index out
 *  of range). Thread-safe. Since 0.1.0. */
KZP_API kzp_status kzp_article_at(kzp_article *out, const kzp_ctx *ctx, size_t index);

/** Where a bound of a sanction comes from. Values are ABI. Since 0.2.0. */
typedef enum kzp_bound_source {
    KZP_BOUND_NONE = 0,           /**< there is no such bound */
    KZP_BOUND_ARTICLE = 1,        /**< the article's sanction ("up to 200 MCI") */
    KZP_BOUND_GENERAL_PART = 2,   /**< the General Part's bound for the kind and the category (Arts. 41-43) */
    KZP_BOUND_HALF_CAP = 3,       /**< an Art. 55 half cap of the article's maximum */
    KZP_BOUND_ORDER_PROCEDURE = 4 /**< the order-procedure range (Art. 55 part 3, KZP_Q_ORDER_PROCEDURE) */
} kzp_bound_source;

/** The dataset word for a kzp_bound_source: "none", "article", "general_part", "half_cap",
 *  "order_procedure". Static; NULL for an unknown value. Thread-safe. Since 0.2.0. */
KZP_API const char *kzp_bound_source_name(int source);

/** One bound (lower or upper) of a sanction, with the rule that sets it. Since 0.2.0. */
typedef struct kzp_bound {
    int set;                      /**< 1 when there is such a bound; otherwise every other member is 0/NULL */
    int64_t centi;                /**< the bound in hundredths of the sanction's unit */
    int64_t tiyn;                 /**< centi priced at the offence day's MCI when the sanction has_tiyn, else 0 */
    int source;                   /**< kzp_bound_source */
    const kzp_citation *citation; /**< the article, rule or cap that sets it (borrowed) */
} kzp_bound;

/** Persons on whom a kind of punishment may not be imposed (Art. 42, Art. 43 part 3), as the
 *  dataset lists them. The library has no model of the person: it lists, it does not judge.
 *  Everything is borrowed from the context. Since 0.2.0. */
typedef struct kzp_restriction {
    const char *id;                /**< dataset id, e.g. "art-43-3" */
    int kind;                      /**< the kzp_kind it restricts */
    size_t person_count;           /**< how many groups of persons */
    const char *const *persons[3]; /**< persons[lang][0..person_count-1], by kzp_lang, e.g. "pregnant women" */
    const kzp_citation *citation;  /**< the rule */
} kzp_restriction;

/** One alternative sanction of an article, as it applies on an offence date.
 *  min and max are the bounds that apply, after the General Part, a half cap or the order
 *  procedure; article_min / article_max are the article's own words ("up to": no minimum);
 *  general_min / general_max are the General Part's bounds for the kind and the offence's
 *  category, whether or not they apply. Changed in 0.2.0 (bounds as kzp_bound). */
typedef struct kzp_sanction {
    int kind;     /**< kzp_kind */
    int unit;     /**< kzp_unit */
    int has_tiyn; /**< 1 when the unit is MCI (fine, correctional work) and the day's MCI is known: bounds carry tiyn */
    kzp_bound min;                        /**< the lower bound that applies (set = 0: none applies) */
    kzp_bound max;                        /**< the upper bound that applies (always set) */
    kzp_bound article_min;                /**< the article's lower bound (set = 0: "up to", none) */
    kzp_bound article_max;                /**< the article's upper bound */
    kzp_bound general_min;                /**< the General Part's minimum for the kind and category, if encoded */
    kzp_bound general_max;                /**< the General Part's maximum for the kind and category, if encoded */
    const kzp_citation *min_lifted_by;    /**< the rule that lifted a minimum (general_min, or article_min under
                                             Art. 55 part 6) under the flags asked, or NULL */
    int capped;                           /**< 1 if an Art. 55 half cap lowered max */
    int64_t per_day_max_centi;            /**< the most that may be served a day (community service), 0 if none */
    const kzp_citation *per_day_citation; /**< the rule for per_day_max_centi, or NULL */
    const kzp_restriction *restriction;   /**< persons it may not be imposed on, or NULL (borrowed) */
    const kzp_citation *citation;         /**< the article's text for this alternative */
} kzp_sanction;

/** A payment collected on a guilty verdict beside the punishment, such as the compulsory
 *  payment to the Victims' Compensation Fund (Arts. 98-1 and 98-2). Not an alternative
 *  sanction; its certainty is its own and does not lower the range's. Since 0.2.0. */
typedef struct kzp_payment {
    const char *id;                /**< dataset id, e.g. "victims-fund" (borrowed) */
    const char *name[3];           /**< what it is, by kzp_lang (borrowed) */
    int64_t mci_centi;             /**< its amount in hundredths of an MCI (500: 5 MCI) */
    int priced;                    /**< 1 when tiyn is set (not in strict mode when pricing it is unverified) */
    int64_t tiyn;                  /**< mci_centi at the MCI the dataset prices it with, when priced */
    int certainty;                 /**< the weakest of its citations and, when priced, of the MCI */
    const kzp_citation *citation;  /**< the rule that sets it (Art. 98-2) */
    const kzp_citation *priced_by; /**< what says which day's MCI prices it, when priced (borrowed) */
} kzp_payment;

#define KZP_MAX_PAYMENTS 4 /**< the most additional payments a range lists. Since 0.2.0 */

/** The sanction range of an article for an offence date. */
typedef struct kzp_range {
    const char *article;                       /**< borrowed from the context */
    char offence_date[11];                     /**< the offence date asked about */
    unsigned flags;                            /**< the KZP_Q_* flags applied */
    int has_mci;                               /**< 1 when an alternative in MCI was priced (then mci is set) */
    kzp_mci mci;                               /**< the MCI in force on the offence day (Arts. 41 and 42 part 1) */
    size_t sanction_count;                     /**< how many of sanctions[] are set */
    kzp_sanction sanctions[KZP_MAX_SANCTIONS]; /**< the alternatives, in the article's order */
    int certainty;                             /**< the weakest certainty among the facts used */
    int stale;                                 /**< 1 if priced with a stale MCI (KZP_Q_ALLOW_STALE) */
    size_t basis_count;                        /**< how many of basis[] are set */
    const kzp_citation *basis[KZP_MAX_BASIS];  /**< every rule and value used, borrowed */
    const kzp_citation *caps[2];               /**< the Art. 55 parts applied (part 2, part 3); NULL when not */
    const kzp_citation *order_procedure;       /**< the order-procedure rule applied, or NULL. Since 0.2.0 */
    const kzp_citation *order_procedure_kinds; /**< why the order procedure leaves alternatives out, or NULL */
    size_t omitted_count;                      /**< alternatives of the article the order procedure leaves out */
    int omitted_kinds[KZP_MAX_SANCTIONS];      /**< their kzp_kind, in the article's order. Since 0.2.0 */
    size_t payment_count;                      /**< how many of payments[] are set. Since 0.2.0 */
    kzp_payment payments[KZP_MAX_PAYMENTS];    /**< payments collected beside the punishment. Since 0.2.0 */
    char valid_from[11];  /**< first offence date with the same range: the latest of the article's entry into force,
                               the pricing rule's start and the MCI's valid_from (when priced). Since 0.2.0 */
    char valid_until[11]; /**< last offence date with the same range: the MCI's valid_until when priced, else the
                               day before the MCI table would price it (9999-12-31 when nothing bounds it) */
} kzp_range;

/** The alternatives of article for an offence on offence_date, with their bounds and the
 *  rule behind each, and the amounts in MCI (fine, correctional work) in tiyn at the MCI in
 *  force on the offence day. flags: any KZP_Q_*. Errors: KZP_E_INVALID_ARG, KZP_E_BAD_DATE,
 *  KZP_E_UNKNOWN_ARTICLE, KZP_E_NOT_IN_FORCE (before the article, or before the Code whose
 *  pricing rule the dataset holds), KZP_E_MCI_*, KZP_E_NO_RULE (a half cap or the order
 *  procedure asked for a category the dataset has no rule for), KZP_E_OVERFLOW,
 *  KZP_E_UNVERIFIED. Thread-safe. Since 0.1.0; General Part bounds, restrictions and the
 *  order procedure since 0.2.0. */
KZP_API KZP_NODISCARD kzp_status kzp_range_get(kzp_range *out, const kzp_ctx *ctx, const char *article,
                                               const char *offence_date, unsigned flags, kzp_error *err);

/* ---- Fines --------------------------------------------------------------------------------- */

/** A fine of a number of MCI priced for an offence date. */
typedef struct kzp_fine {
    int64_t mci_centi;                        /**< the number of MCI, in hundredths */
    int64_t amount_tiyn;                      /**< mci_centi * MCI tenge (exact: hundredths x tenge = tiyn) */
    kzp_mci mci;                              /**< the MCI used: the one in force on the offence day */
    int certainty;                            /**< the weakest certainty among the facts used */
    int stale;                                /**< 1 if priced with a stale MCI (KZP_Q_ALLOW_STALE) */
    size_t basis_count;                       /**< how many of basis[] are set */
    const kzp_citation *basis[KZP_MAX_BASIS]; /**< Art. 41 part 1 and the MCI period used, borrowed */
    char valid_from[11];                      /**< first offence date priced the same (see kzp_mci). Since 0.2.0 */
    char valid_until[11];                     /**< last offence date priced the same. Since 0.2.0 */
} kzp_fine;

/** Price a fine of mci MCI (>= 0; kzp_whole(150) for 150 MCI) for an offence on offence_date,
 *  with the MCI for fines in force that day (Art. 41 part 1). flags: KZP_Q_ALLOW_STALE,
 *  KZP_Q_STRICT. Errors: KZP_E_INVALID_ARG, KZP_E_BAD_DATE, KZP_E_BAD_NUMBER (negative),
 *  KZP_E_NOT_IN_FORCE (an offence before the dataset's pricing rule applies: before
 *  2015-01-01 the 1997 Code priced a fine at the MCI of the sentencing day), KZP_E_MCI_*,
 *  KZP_E_OVERFLOW, KZP_E_UNVERIFIED. Thread-safe. Since 0.1.0. */
KZP_API KZP_NODISCARD kzp_status kzp_fine_compute(kzp_fine *out, const kzp_ctx *ctx, const char *offence_date,
                                                  kzp_qty mci, unsigned flags, kzp_error *err);

/* ---- Checking a proposed sentence ------------------------------------------------------------ */

/** Which bound a proposed sentence breaks. Values are ABI. */
typedef enum kzp_violation {
    KZP_VIOLATION_NONE = 0,        /**< it fits (KZP_FITS before 0.2.0) */
    KZP_VIOLATION_ABOVE_MAX = 1,   /**< above the upper bound that applies */
    KZP_VIOLATION_BELOW_MIN = 2,   /**< below the lower bound that applies (the article's or the General Part's) */
    KZP_VIOLATION_NOT_POSITIVE = 3 /**< zero: not a sentence */
} kzp_violation;

/** The dataset word for a kzp_violation: "fits", "above_max", "below_min", "not_positive";
 *  NULL for an unknown value. Static. Thread-safe. Since 0.1.0. */
KZP_API const char *kzp_violation_name(int violation);

/** A proposed sentence checked against the range of an article. */
typedef struct kzp_check {
    int fits;                           /**< 1 when the sentence is within the range */
    int violation;                      /**< kzp_violation */
    int kind;                           /**< kzp_kind checked */
    int unit;                           /**< its unit */
    int64_t amount_centi;               /**< the proposed amount */
    int64_t limit_centi;                /**< the bound broken (or the upper bound when it fits) */
    int64_t excess_centi;               /**< by how much the bound is broken; 0 when it fits */
    int limit_source;                   /**< kzp_bound_source of limit_centi. Since 0.2.0 */
    const kzp_citation *limit_citation; /**< the rule that sets limit_centi, or NULL. Since 0.2.0 */
    kzp_range range;                    /**< the full range it was checked against */
    char valid_from[11];                /**< first offence date with the same answer (range.valid_from). Since 0.2.0 */
    char valid_until[11];               /**< last offence date with the same answer. Since 0.2.0 */
} kzp_check;

/** Check a proposed sentence: kind (kzp_kind) and amount in the kind's unit (kzp_whole(30) for
 *  30 days of arrest).
 *  Community service and arrest are imposed in whole hours and days: a fraction of either
 *  is KZP_E_BAD_NUMBER. flags as kzp_range_get. Not fitting is not an error: the call
 *  returns KZP_OK with fits = 0 and the bound broken, with the rule that sets it. The bounds are in
 *  the sentence's unit, so no MCI is needed: on a date past the MCI table the check is made and
 *  its range is given unpriced (has_mci = 0, has_tiyn = 0). Errors: those of kzp_range_get but
 *  KZP_E_MCI_*, and KZP_E_UNKNOWN_KIND, KZP_E_NO_SANCTION (the article has no such
 *  alternative, or the order procedure leaves it out), KZP_E_BAD_NUMBER (negative or
 *  fractional). Thread-safe. Since 0.1.0. */
KZP_API KZP_NODISCARD kzp_status kzp_check_sentence(kzp_check *out, const kzp_ctx *ctx, const char *article,
                                                    const char *offence_date, int kind, kzp_qty amount, unsigned flags,
                                                    kzp_error *err);

/* ---- Conversions between punishments --------------------------------------------------------- */

/** The rule a conversion is made under. Each holds only for its own purpose, and the dataset
 *  lists the pairs of kinds each allows. Values are ABI. Since 0.2.0. */
typedef enum kzp_conversion_rule {
    KZP_RULE_AGGREGATION = 0,   /**< Art. 61: adding up punishments for several offences or several verdicts */
    KZP_RULE_UNPAID_FINE = 1,   /**< Art. 41 part 6: replacing the unpaid part of a fine */
    KZP_RULE_EVADED_SERVICE = 2 /**< Art. 43 part 2-1: replacing community service the convict evades */
} kzp_conversion_rule;
#define KZP_RULE_COUNT 3 /**< how many kzp_conversion_rule values there are */

/** The word for a kzp_conversion_rule: "aggregation", "unpaid-fine", "evaded-service".
 *  Static; NULL for an unknown value. Thread-safe. Since 0.2.0. */
KZP_API const char *kzp_conversion_rule_name(int rule);
/** Parse a conversion rule word as kzp_kind_parse does ("unpaid-fine" ->
 *  KZP_RULE_UNPAID_FINE); KZP_E_INVALID_ARG for NULL, KZP_E_UNKNOWN_KIND for another word.
 *  Thread-safe. Since 0.2.0. */
KZP_API KZP_NODISCARD kzp_status kzp_conversion_rule_parse(int *out, const char *word);

/** An amount of one kind of punishment converted into another under a rule. */
typedef struct kzp_conversion {
    int from_kind;                /**< kzp_kind converted from */
    int from_unit;                /**< its unit */
    int64_t from_centi;           /**< the amount converted */
    int to_kind;                  /**< kzp_kind converted to */
    int to_unit;                  /**< its unit */
    int64_t whole;                /**< whole units of to_kind it is worth (days, hours, or MCI) */
    int64_t whole_centi;          /**< the same in hundredths of to_unit (whole x 100), as every quantity. Since
                                       0.2.0 */
    int64_t remainder_centi;      /**< what is left over, in hundredths of from_unit; 0 if exact */
    int exact;                    /**< 1 when remainder_centi is 0 */
    int certainty;                /**< the rule's certainty */
    const kzp_citation *citation; /**< the rule (Art. 61, Art. 41 part 6, Art. 43 part 2-1) */
    int rule;                     /**< kzp_conversion_rule applied. Since 0.2.0 */
    const char *scope[3];         /**< what the rule is for, by kzp_lang ("" if the dataset does not say).
                                       Borrowed. Since 0.2.0 */
} kzp_conversion;

/** Convert an amount of one kind into another under a rule (kzp_conversion_rule), with the
 *  rates the dataset gives for it: Art. 61 (aggregation: 1 day of arrest = 4 MCI of fine = 4
 *  MCI of correctional work = 4 hours of community service), Art. 41 part 6 (unpaid fine:
 *  1 MCI = 1 hour of community service, 4 MCI = 1 day of arrest), Art. 43 part 2-1 (evaded
 *  community service: 4 hours = 1 day of arrest). The result is the whole number of to_kind
 *  units and the remainder in from_kind's unit; nothing is rounded (150 MCI -> 37 days, 2 MCI
 *  left over). A pair the rule does not allow is KZP_E_NO_RULE, whose message names the
 *  rules that do allow it. Errors: KZP_E_INVALID_ARG (NULL, unknown rule), KZP_E_UNKNOWN_KIND,
 *  KZP_E_BAD_NUMBER (negative), KZP_E_NO_RULE, KZP_E_OVERFLOW. Thread-safe. Since 0.2.0. */
KZP_API KZP_NODISCARD kzp_status kzp_convert_under(kzp_conversion *out, const kzp_ctx *ctx, int rule, int from_kind,
                                                   kzp_qty amount, int to_kind, kzp_error *err);

/** kzp_convert_under with KZP_RULE_AGGREGATION (Art. 61). Thread-safe. Since 0.1.0. */
KZP_API KZP_NODISCARD kzp_status kzp_convert(kzp_conversion *out, const kzp_ctx *ctx, int from_kind, kzp_qty amount,
                                             int to_kind, kzp_error *err);

/* ---- Words: amounts and sanctions spelled out for verdicts (docs/words.md) --------------------- */

/** Grammatical gender of the counted noun, for Russian numerals: "один миллион",
 *  "одна тысяча", "одно", and "одни сутки" (plural-only nouns). Values are ABI. */
typedef enum kzp_gender {
    KZP_GENDER_MASCULINE = 0,
    KZP_GENDER_FEMININE = 1,
    KZP_GENDER_NEUTER = 2,
    KZP_GENDER_PLURAL = 3
} kzp_gender;

/** Grammatical case of a Russian numeral: nominative ("двести") or genitive, as after "до"
 *  ("до двухсот"). Values are ABI. */
typedef enum kzp_gcase { KZP_CASE_NOMINATIVE = 0, KZP_CASE_GENITIVE = 1 } kzp_gcase;

#define KZP_GENDER_COUNT 4 /**< how many kzp_gender values there are */
#define KZP_CASE_COUNT 2   /**< how many kzp_gcase values there are */

/** The word for a kzp_gender ("masculine", "feminine", "neuter", "plural"). Static; NULL for
 *  an unknown value. Thread-safe. Since 0.2.0. */
KZP_API const char *kzp_gender_name(int gender);
/** The word for a kzp_gcase ("nominative", "genitive"). Static; NULL for an unknown value.
 *  Thread-safe. Since 0.2.0. */
KZP_API const char *kzp_gcase_name(int gcase);
/** Parse a gender word (kzp_gender_name's) as kzp_lang_parse does. Errors: KZP_E_INVALID_ARG
 *  (NULL), KZP_E_UNKNOWN_KIND (another word; the message lists the words known).
 *  Thread-safe. Since 0.2.0. */
KZP_API KZP_NODISCARD kzp_status kzp_gender_parse(int *out, const char *word, kzp_error *err);
/** Parse a case word (kzp_gcase_name's) as kzp_gender_parse does. Thread-safe. Since 0.2.0. */
KZP_API KZP_NODISCARD kzp_status kzp_gcase_parse(int *out, const char *word, kzp_error *err);

/** The largest whole number the words functions spell: 999 999 999 999. */
#define KZP_WORDS_MAX 999999999999LL

/** Spell a whole number 0..KZP_WORDS_MAX in words in a language (kzp_lang): "восемьсот
 *  шестьдесят пять тысяч", "сегіз жүз алпыс бес мың", "eight hundred sixty-five thousand".
 *  gender and gcase shape the Russian words ("двадцать одна тысяча", "до двухсот"); Kazakh
 *  and English numerals do not change and ignore them. A scale word always has its number
 *  ("одна тысяча", "бір мың", "one thousand"). snprintf semantics (UTF-8): returns the
 *  length the text needs. Errors: KZP_E_BAD_NUMBER (n outside 0..KZP_WORDS_MAX),
 *  KZP_E_INVALID_ARG (unknown lang, gender or case; buf NULL with size > 0).
 *  Thread-safe. Since 0.1.0. */
KZP_API int kzp_number_words(char *buf, size_t size, int64_t n, int lang, int gender, int gcase);

/** Spell an amount of tiyn as tenge in words: "восемьсот шестьдесят пять тысяч тенге",
 *  "сегіз жүз алпыс бес мың теңге", "eight hundred sixty-five thousand tenge"; tiyn, when
 *  not zero, follow in figures: "... тенге 50 тиын", "... tenge 50 tiyn". snprintf semantics.
 *  Errors: KZP_E_BAD_NUMBER (negative, or more than KZP_WORDS_MAX tenge), KZP_E_INVALID_ARG.
 *  Thread-safe. Since 0.1.0. */
KZP_API int kzp_tenge_words(char *buf, size_t size, int64_t tiyn, int lang);

/** An amount as verdicts write it, in figures and again in words: "865 000 (восемьсот
 *  шестьдесят пять тысяч) тенге", "865 000 (сегіз жүз алпыс бес мың) теңге", "865,000
 *  (eight hundred sixty-five thousand) tenge"; tiyn follow in figures ("... тенге 50 тиын").
 *  snprintf semantics. Errors as kzp_tenge_words. Thread-safe. Since 0.1.0. */
KZP_API int kzp_tenge_figures_words(char *buf, size_t size, int64_t tiyn, int lang);

/** One alternative of a range (range->sanctions[index]) as a sentence ready to paste, in a
 *  language: "штраф в размере до 200 (двухсот) МРП, что составляет 865 000 (восемьсот
 *  шестьдесят пять тысяч) тенге", "арест на срок до 50 (пятидесяти) суток"; with a half cap,
 *  the capped bound and the parts of Art. 55 applied. Whole amounts are also written in words;
 *  a fractional one (12,5 суток) only in figures. snprintf semantics. Errors:
 *  KZP_E_INVALID_ARG (NULL range, index out of range, unknown lang). Thread-safe (the range's
 *  citations must come from a context still alive). Since 0.1.0. */
KZP_API int kzp_sanction_text(char *buf, size_t size, const kzp_range *range, size_t index, int lang);

#ifdef __cplusplus
}
#endif

#endif /* KZPENALTY_H */
