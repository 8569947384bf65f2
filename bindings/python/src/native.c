/* kzpenalty._native: the CPython extension over the public C API. It only translates:
 * Python values in (dates, Decimal/int/str amounts, keyword flags), library results out as
 * immutable struct sequences, library errors as exceptions of one class per status. No rule
 * of law is computed here. All state lives in the module state (multi-phase init), and a
 * Context is immutable after construction, so one Context may be shared by threads. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <structmember.h>

#include <kzpenalty.h>
#include <stdbool.h>
#include <string.h>

/* ---- Module state ---- */

#define MAX_WORDS 64 /* the library's static words kept as str objects */
#define MAX_CERTAINTY 8

typedef struct module_state {
    PyObject *context_type;
    PyTypeObject *citation_t, *receipt_t, *info_t, *mci_t, *period_t, *article_t, *sanction_t, *range_t, *fine_t,
        *check_t, *conversion_t, *problem_t, *bound_t, *restriction_t, *payment_t, *update_t;
    PyObject *error_base;
    int n_status;      /* kzp_status_count() */
    PyObject **errors; /* by -status, n_status of them: the library's classes, not a list of ours */
    PyObject *decimal_type;
    PyObject *certainty[MAX_CERTAINTY]; /* interned kzp_certainty_name(i) */
    /* The library's static words (kinds, units, sources...) as shared str objects, by pointer;
     * filled lazily under the GIL. */
    size_t n_words;
    const char *word_key[MAX_WORDS];
    PyObject *word_obj[MAX_WORDS];
} module_state;

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

static module_state *state_of_module(PyObject *m)
{
    return (module_state *)PyModule_GetState(m);
}

/* One of the library's static words (a kind, unit, source... name) as a str shared by every
 * result; NULL (a value the library does not name) is a SystemError, never a crash. */
static PyObject *word_of(module_state *st, const char *w)
{
    if (!w) {
        PyErr_SetString(PyExc_SystemError, "the library returned a value it has no name for");
        return NULL;
    }
    for (size_t i = 0; i < st->n_words; i++) {
        if (st->word_key[i] == w) {
            return Py_NewRef(st->word_obj[i]);
        }
    }
    PyObject *o = PyUnicode_InternFromString(w);
    if (o && st->n_words < MAX_WORDS) {
        st->word_key[st->n_words] = w;
        st->word_obj[st->n_words++] = Py_NewRef(o);
    }
    return o;
}

/* ---- Context object ---- */

#define MAX_CACHED 64       /* Decimal objects kept per Context */
#define CIT_SLOTS 128       /* Citation objects kept per Context, by the library's pointer */
#define DATE_SLOTS 64       /* date objects kept per Context, by their ISO text */
#define MAX_RESTRICTIONS 16 /* restriction objects kept per Context; more are built on each call */
#define MAX_RULES 8         /* conversion rules whose scope is kept per Context */
#define MAX_TEXTS 16        /* the context's own texts (article ids) kept as str objects */

/* Result objects a Context keeps, by what they were built from, so that a call that gives
 * the same answer as an earlier one shares its objects (all immutable) instead of building
 * them again: a hash table per kind of object, probed CACHE_PROBES deep; a key that finds
 * no room gets an object of its own. The keys hold the library's pointers, which live as
 * long as the context. Allocated on first use; filled under the GIL. */
#define CACHE_PROBES 8
#define BOUND_SLOTS 512
#define SANCTION_SLOTS 128
#define PAYMENT_SLOTS 16
#define BASIS_SLOTS 64
#define MCI_SLOTS 64
#define DATED_SLOTS 64
#define DATED_KEY_MAX 32 /* a question whose text is longer is never kept */

typedef struct bound_key {
    kzp_bound bound;
    int has_tiyn;
} bound_key;

typedef struct basis_key {
    size_t count;
    const kzp_citation *items[KZP_MAX_BASIS];
} basis_key;

/* A dated answer the library gave (a range, a fine), by the question as the caller asked it
 * (which call, the article's text or the amount, the flags) and the offence dates the library
 * said give the same answer (valid_from..valid_until). */
typedef enum dated_call { DATED_RANGE = 1, DATED_FINE = 2 } dated_call;

typedef struct dated_key {
    char text[DATED_KEY_MAX];
    size_t len;
    int call;
    unsigned flags;
    char valid_from[10], valid_until[10];
} dated_key;

typedef struct result_cache {
    bound_key bound_key[BOUND_SLOTS];
    PyObject *bound_obj[BOUND_SLOTS];
    kzp_sanction sanction_key[SANCTION_SLOTS];
    PyObject *sanction_obj[SANCTION_SLOTS];
    kzp_payment payment_key[PAYMENT_SLOTS];
    PyObject *payment_obj[PAYMENT_SLOTS];
    basis_key basis_key[BASIS_SLOTS];
    PyObject *basis_obj[BASIS_SLOTS];
    kzp_mci mci_key[MCI_SLOTS]; /* keyed on every member but date, as the library returned them */
    PyObject *mci_obj[MCI_SLOTS];
    dated_key dated_key[DATED_SLOTS]; /* one answer per slot: a newer one replaces an older */
    PyObject *dated_obj[DATED_SLOTS];
} result_cache;

typedef struct context_object {
    PyObject_HEAD kzp_ctx *ctx;
    PyObject *receipt; /* Receipt, built once */
    PyObject *updates; /* the Update records of updates(), built once; the receipt holds the same tuple */
    module_state *st;
    /* Citation objects by the library's pointer and date objects by their text, so results
     * share them; hash tables probed CACHE_PROBES deep, filled lazily under the GIL, owned. */
    const kzp_citation *cit_key[CIT_SLOTS];
    PyObject *cit_obj[CIT_SLOTS];
    char date_key[DATE_SLOTS][10];
    PyObject *date_obj[DATE_SLOTS];
    /* Decimal objects for the few distinct bounds a dataset has, filled lazily under the GIL. */
    size_t n_dec;
    int64_t dec_key[MAX_CACHED];
    PyObject *dec_obj[MAX_CACHED]; /* owned */
    /* Restriction objects by the library's pointer, and a conversion rule's scope by rule:
     * both depend only on the dataset; filled lazily under the GIL, owned. */
    size_t n_restr;
    const kzp_restriction *restr_key[MAX_RESTRICTIONS];
    PyObject *restr_obj[MAX_RESTRICTIONS];
    const char *scope_key[MAX_RULES];
    PyObject *scope_obj[MAX_RULES];
    size_t n_texts;
    const char *text_key[MAX_TEXTS];
    PyObject *text_obj[MAX_TEXTS];
    result_cache *cache; /* NULL until first used */
} context_object;

/* ---- Errors ---- */

/* The class the library names for a status; KzpError for one this build does not know. */
static PyObject *error_class(module_state *st, int rc)
{
    return rc < 0 && -rc < st->n_status && st->errors[-rc] ? st->errors[-rc] : st->error_base;
}

/* Raise the exception class for rc, with the details of err (may be NULL). Returns NULL. */
static PyObject *raise_status(module_state *st, int rc, const kzp_error *err)
{
    PyObject *cls = error_class(st, rc);
    const char *msg = err && err->message[0] ? err->message : kzp_strerror(rc);
    PyObject *exc = PyObject_CallFunction(cls, "s", msg);
    if (!exc) {
        return NULL;
    }
    PyObject *code = PyUnicode_FromString(kzp_status_name(rc));
    PyObject *status = PyLong_FromLong(rc);
    PyObject *path = PyUnicode_FromString(err ? err->path : "");
    PyObject *line = PyLong_FromLong(err ? err->line : 0);
    PyObject *column = PyLong_FromLong(err ? err->column : 0);
    PyObject *message = PyUnicode_FromString(msg);
    if (code && status && path && line && column && message) {
        PyObject_SetAttrString(exc, "code", code);
        PyObject_SetAttrString(exc, "status", status);
        PyObject_SetAttrString(exc, "path", path);
        PyObject_SetAttrString(exc, "line", line);
        PyObject_SetAttrString(exc, "column", column);
        PyObject_SetAttrString(exc, "message", message);
        PyErr_SetObject(cls, exc);
    }
    Py_XDECREF(code);
    Py_XDECREF(status);
    Py_XDECREF(path);
    Py_XDECREF(line);
    Py_XDECREF(column);
    Py_XDECREF(message);
    Py_DECREF(exc);
    return NULL;
}

/* ---- Converting arguments ---- */

/* The UTF-8 of a str argument; an embedded NUL is a ValueError (it would cut the text). */
static const char *utf8_arg(PyObject *o, const char *what)
{
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(o, &n);
    if (s && (Py_ssize_t)strlen(s) != n) {
        PyErr_Format(PyExc_ValueError, "%s must not contain NUL characters", what);
        return NULL;
    }
    return s;
}

/* A str argument as UTF-8 (TypeError for another type, ValueError for a NUL). */
static const char *str_arg(PyObject *o, const char *what)
{
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s must be a str, not %.80s", what, Py_TYPE(o)->tp_name);
        return NULL;
    }
    return utf8_arg(o, what);
}

/* A date: datetime.date (not datetime) or an ISO string. Returns the text to give the library:
 * the str's own UTF-8 as it is (the library judges it, and quotes it in its message), or buf
 * filled with the date's "YYYY-MM-DD"; NULL with an error set. */
static const char *date_arg(module_state *st, PyObject *o, char buf[11], const char *what)
{
    if (PyDateTime_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s must be a datetime.date or an ISO string, not a datetime", what);
        return NULL;
    }
    if (PyDate_Check(o)) {
        int y = PyDateTime_GET_YEAR(o), m = PyDateTime_GET_MONTH(o), d = PyDateTime_GET_DAY(o);
        const char t[11] = {(char)('0' + y / 1000 % 10),
                            (char)('0' + y / 100 % 10),
                            (char)('0' + y / 10 % 10),
                            (char)('0' + y % 10),
                            '-',
                            (char)('0' + m / 10),
                            (char)('0' + m % 10),
                            '-',
                            (char)('0' + d / 10),
                            (char)('0' + d % 10),
                            '\0'};
        memcpy(buf, t, sizeof t);
        return buf;
    }
    if (PyUnicode_Check(o)) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(o, &n);
        if (s && memchr(s, '\0', (size_t)n)) {
            /* "2026-02-10\0x" must not pass as 2026-02-10, nor be quoted as if it were another text */
            kzp_error e = {.code = KZP_E_BAD_DATE};
            snprintf(e.message, sizeof e.message,
                     "%s contains a NUL character, so it is not a date; expected YYYY-MM-DD, e.g. 2026-02-10", what);
            raise_status(st, KZP_E_BAD_DATE, &e);
            return NULL;
        }
        return s;
    }
    PyErr_Format(PyExc_TypeError, "%s must be a datetime.date or an ISO string, not %.80s", what, Py_TYPE(o)->tp_name);
    return NULL;
}

/* An amount the binding refuses itself: the status and message go to *rc and err. */
static int amount_refused(int *rc, kzp_error *err, int code, const char *what, const char *why)
{
    *rc = code;
    snprintf(err->message, sizeof err->message, "%s %s", what, why);
    return 0;
}

#define NOT_HUNDREDTHS "is not a whole number of hundredths: amounts are exact to hundredths and nothing is rounded"

/* decimal.Decimal.<name>(o), the Decimal class's own method even for a subclass that
 * overrides it: the value is read, never what a subclass says about it. */
static PyObject *decimal_call(module_state *st, const char *name, PyObject *o)
{
    return PyObject_CallMethod(st->decimal_type, name, "O", o);
}

/* 1 if decimal.Decimal.<name>(o) is true, 0 if false, -1 with an error set. */
static int decimal_test(module_state *st, const char *name, PyObject *o)
{
    PyObject *r = decimal_call(st, name, o);
    int t = r ? PyObject_IsTrue(r) : -1;
    Py_XDECREF(r);
    return t;
}

/* A Decimal's exact value in hundredths, whatever its form: 15.000, 1.5E+1 and 150E-1 are all
 * 1500, 0E+100 and 0E-100 are 0. A value that is not a whole number of hundredths is refused,
 * and no text as long as an exponent is ever built (Decimal('1E+999999999') is refused from its
 * adjusted exponent alone). */
static int decimal_centi(module_state *st, PyObject *o, int64_t *centi, int *rc, kzp_error *err, const char *what)
{
    /* the plain form of an ordinary amount ("150", "0.2"): the library's own parser */
    PyObject *text = Py_IS_TYPE(o, (PyTypeObject *)st->decimal_type) ? PyObject_Str(o) : decimal_call(st, "__str__", o);
    if (!text) {
        return -1;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(text, &len);
    bool parsed = s && len < 64 && parse_centi(centi, s, NULL) == KZP_OK;
    Py_DECREF(text);
    if (!s) {
        return -1;
    }
    if (parsed) {
        return 0;
    }
    /* any other form: the value, from the Decimal's sign, digits and exponent */
    int finite = decimal_test(st, "is_finite", o);
    int zero = finite > 0 ? decimal_test(st, "is_zero", o) : 0;
    int negative = finite > 0 && !zero ? decimal_test(st, "is_signed", o) : 0;
    if (finite < 0 || zero < 0 || negative < 0) {
        return -1;
    }
    if (!finite) {
        return amount_refused(rc, err, KZP_E_BAD_NUMBER, what, "must be a finite number, not NaN or infinity");
    }
    if (zero) {
        *centi = 0; /* 0E+100, 0E-100, -0: zero in any form */
        return 0;
    }
    if (negative) {
        return amount_refused(rc, err, KZP_E_BAD_NUMBER, what, "cannot be negative");
    }
    PyObject *adj_o = decimal_call(st, "adjusted", o); /* the exponent of the first digit */
    int overflow = 0;
    long long adjusted = adj_o ? PyLong_AsLongLongAndOverflow(adj_o, &overflow) : -1;
    Py_XDECREF(adj_o);
    if (PyErr_Occurred()) {
        return -1;
    }
    if (overflow > 0 || adjusted > 20) {
        return amount_refused(rc, err, KZP_E_OVERFLOW, what, "is too large"); /* at least 10^21 */
    }
    if (overflow < 0 || adjusted < -2) {
        return amount_refused(rc, err, KZP_E_BAD_NUMBER, what, NOT_HUNDREDTHS); /* a digit below 0.01 */
    }
    PyObject *parts = decimal_call(st, "as_tuple", o); /* (sign, digits, exponent) */
    PyObject *digits =
        parts && PyTuple_Check(parts) && PyTuple_GET_SIZE(parts) == 3 ? PyTuple_GET_ITEM(parts, 1) : NULL;
    if (!digits || !PyTuple_Check(digits) || PyTuple_GET_SIZE(digits) == 0) {
        Py_XDECREF(parts);
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "Decimal.as_tuple() did not give (sign, digits, exponent)");
        }
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(digits), trailing = 0;
    while (trailing < n - 1 && PyLong_AsLong(PyTuple_GET_ITEM(digits, n - 1 - trailing)) == 0) {
        trailing++;
    }
    /* value = digits[0 .. n - trailing) x 10^(adjusted - (n - trailing) + 1); in hundredths: + 2 */
    long long scale = adjusted - (long long)(n - trailing) + 1 + 2;
    if (scale < 0) {
        Py_DECREF(parts);
        return amount_refused(rc, err, KZP_E_BAD_NUMBER, what, NOT_HUNDREDTHS);
    }
    uint64_t v = 0;
    bool too_large = false;
    for (Py_ssize_t i = 0; i < n - trailing && !too_large; i++) {
        long d = PyLong_AsLong(PyTuple_GET_ITEM(digits, i));
        too_large = v > (UINT64_MAX - 9) / 10;
        v = v * 10 + (uint64_t)(d >= 0 && d <= 9 ? d : 0);
    }
    for (long long i = 0; i < scale && !too_large; i++) {
        too_large = v > UINT64_MAX / 10;
        v *= 10;
    }
    Py_DECREF(parts);
    if (PyErr_Occurred()) {
        return -1;
    }
    if (too_large || v > (uint64_t)INT64_MAX) {
        return amount_refused(rc, err, KZP_E_OVERFLOW, what, "is too large");
    }
    *centi = (int64_t)v;
    return 0;
}

/* An amount: int (whole units), decimal.Decimal or str ("0.2"); never float or bool.
 * Returns 0, -1 with a Python error set, or a negative kzp status in *rc. */
static int amount_arg(module_state *st, PyObject *o, int64_t *centi, int *rc, kzp_error *err, const char *what)
{
    *rc = KZP_OK;
    if (PyBool_Check(o) || PyFloat_Check(o)) {
        PyErr_Format(PyExc_TypeError,
                     "%s must be an int, a decimal.Decimal or a str such as '0.2', not %.40s (no floating point "
                     "near money)",
                     what, Py_TYPE(o)->tp_name);
        return -1;
    }
    if (PyLong_Check(o)) {
        int overflow = 0;
        long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        /* on overflow v is -1: the sign is overflow's */
        if (overflow > 0 || (!overflow && v > INT64_MAX / 100)) {
            return amount_refused(rc, err, KZP_E_OVERFLOW, what, "is too large");
        }
        if (overflow < 0 || v < 0) {
            return amount_refused(rc, err, KZP_E_BAD_NUMBER, what, "cannot be negative");
        }
        *centi = (int64_t)v * 100;
        return 0;
    }
    if (PyObject_TypeCheck(o, (PyTypeObject *)st->decimal_type)) {
        return decimal_centi(st, o, centi, rc, err, what);
    }
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s must be an int, a decimal.Decimal or a str, not %.80s", what,
                     Py_TYPE(o)->tp_name);
        return -1;
    }
    const char *s = utf8_arg(o, what);
    if (!s) {
        return -1;
    }
    *rc = parse_centi(centi, s, err); /* text: the library's parser and its message */
    return 0;
}

static int word_arg(PyObject *o, int (*parse)(int *, const char *), int *out, const char *what)
{
    const char *s = str_arg(o, what);
    return s ? (parse(out, s) == KZP_OK ? 0 : 1) : -1;
}

/* A word the library parses and explains (a language, money style, gender, case): TypeError for
 * another type; an unknown word is the ValueError the binding documents, with the library's
 * message, which lists the words it knows. */
typedef kzp_status (*said_parse_fn)(int *out, const char *word, kzp_error *err);

static int said_word_arg(PyObject *o, said_parse_fn parse, int *out, const char *what)
{
    const char *s = str_arg(o, what);
    if (!s) {
        return -1;
    }
    kzp_error err;
    kzp_status rc = parse(out, s, &err);
    if (rc != KZP_OK) {
        PyErr_SetString(PyExc_ValueError, err.message[0] ? err.message : kzp_strerror(rc));
        return -1;
    }
    return 0;
}

static int lang_arg(PyObject *o, int *lang)
{
    return said_word_arg(o, kzp_lang_parse, lang, "lang");
}

/* ---- Building results ---- */

/* ---- Records: immutable results with named fields ----
 * A record is an object header followed by its field values. It holds only immutable values
 * (str, int, bool, exact date and Decimal objects, tuples, read-only mappings and other
 * records), so it cannot be part of a reference cycle and is not tracked by the garbage
 * collector: cheaper to make and free than a struct sequence, which looks its size up in a
 * dict on every creation and deallocation. */
typedef struct record_object {
    PyObject_HEAD PyObject *fields[1]; /* really n, the type's field count */
} record_object;

static Py_ssize_t record_count(PyTypeObject *t)
{
    return (t->tp_basicsize - (Py_ssize_t)offsetof(record_object, fields)) / (Py_ssize_t)sizeof(PyObject *);
}

/* Steals refs of values; returns NULL if any is NULL (all released). */
static PyObject *make_struct(PyTypeObject *t, PyObject **values, int n)
{
    for (int i = 0; i < n; i++) {
        if (!values[i]) {
            for (int k = 0; k < n; k++) {
                Py_XDECREF(values[k]);
            }
            return NULL;
        }
    }
    record_object *o = (record_object *)PyObject_Malloc((size_t)t->tp_basicsize);
    if (!o) {
        for (int k = 0; k < n; k++) {
            Py_DECREF(values[k]);
        }
        return PyErr_NoMemory();
    }
    PyObject_Init((PyObject *)o, t);
    memcpy(o->fields, values, (size_t)n * sizeof(PyObject *));
    return (PyObject *)o;
}

static void record_dealloc(PyObject *self)
{
    PyTypeObject *t = Py_TYPE(self);
    Py_ssize_t n = record_count(t);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_XDECREF(((record_object *)self)->fields[i]);
    }
    PyObject_Free(self);
    Py_DECREF(t);
}

static PyObject *record_repr(PyObject *self)
{
    PyTypeObject *t = Py_TYPE(self);
    PyObject *names = PyObject_GetAttrString((PyObject *)t, "_fields");
    if (!names) {
        return NULL;
    }
    PyObject *parts = PyList_New(0);
    Py_ssize_t n = record_count(t);
    for (Py_ssize_t i = 0; parts && i < n; i++) {
        PyObject *one = PyUnicode_FromFormat("%U=%R", PyTuple_GET_ITEM(names, i), ((record_object *)self)->fields[i]);
        if (!one || PyList_Append(parts, one) < 0) {
            Py_XDECREF(one);
            Py_CLEAR(parts);
            break;
        }
        Py_DECREF(one);
    }
    Py_DECREF(names);
    if (!parts) {
        return NULL;
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (!joined) {
        return NULL;
    }
    PyObject *r = PyUnicode_FromFormat("%s(%U)", t->tp_name, joined); /* tp_name: "kzpenalty.Fine" */
    Py_DECREF(joined);
    return r;
}

static PyObject *record_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(a) != Py_TYPE(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t n = record_count(Py_TYPE(a));
    for (Py_ssize_t i = 0; i < n; i++) {
        int eq = PyObject_RichCompareBool(((record_object *)a)->fields[i], ((record_object *)b)->fields[i], Py_EQ);
        if (eq < 0) {
            return NULL;
        }
        if (!eq) {
            return PyBool_FromLong(op == Py_NE);
        }
    }
    return PyBool_FromLong(op == Py_EQ);
}

static Py_hash_t record_hash(PyObject *self)
{
    Py_ssize_t n = record_count(Py_TYPE(self));
    PyObject *t = PyTuple_New(n);
    if (!t) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(t, i, Py_NewRef(((record_object *)self)->fields[i]));
    }
    Py_hash_t h = PyObject_Hash(t);
    Py_DECREF(t);
    return h;
}

static PyObject *record_asdict(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *names = PyObject_GetAttrString((PyObject *)Py_TYPE(self), "_fields");
    PyObject *d = names ? PyDict_New() : NULL;
    Py_ssize_t n = record_count(Py_TYPE(self));
    for (Py_ssize_t i = 0; d && i < n; i++) {
        if (PyDict_SetItem(d, PyTuple_GET_ITEM(names, i), ((record_object *)self)->fields[i]) < 0) {
            Py_CLEAR(d);
        }
    }
    Py_XDECREF(names);
    return d;
}

/* A value a record may hold, as the record keeps it; NULL with TypeError for any other. A
 * record holds only immutable values (None, bool, int, str, date, Decimal, other records, tuples
 * of these and read-only mappings of str to these), so it can never be part of a reference
 * cycle and needs no garbage collector. A mapping (a dict, as pickled) becomes a read-only
 * mapping of a dict of its own. */
static PyObject *record_value(PyObject *decimal_type, PyObject *v, int depth)
{
    if (depth > 8) {
        PyErr_SetString(PyExc_TypeError, "a record's values nest at most 8 deep");
        return NULL;
    }
    if (v == Py_None || PyBool_Check(v) || PyLong_CheckExact(v) || PyUnicode_CheckExact(v) ||
        Py_TYPE(v)->tp_dealloc == record_dealloc) {
        return Py_NewRef(v);
    }
    if (PyDate_CheckExact(v)) {
        return Py_NewRef(v);
    }
    if (Py_IS_TYPE(v, (PyTypeObject *)decimal_type)) {
        return Py_NewRef(v);
    }
    if (PyTuple_CheckExact(v)) {
        Py_ssize_t n = PyTuple_GET_SIZE(v);
        PyObject *t = PyTuple_New(n);
        for (Py_ssize_t i = 0; t && i < n; i++) {
            PyObject *x = record_value(decimal_type, PyTuple_GET_ITEM(v, i), depth + 1);
            if (!x) {
                Py_CLEAR(t);
                break;
            }
            PyTuple_SET_ITEM(t, i, x);
        }
        return t;
    }
    if (PyDict_CheckExact(v) || Py_IS_TYPE(v, &PyDictProxy_Type)) {
        PyObject *items = PyMapping_Items(v), *d = items ? PyDict_New() : NULL;
        for (Py_ssize_t i = 0; d && i < PyList_GET_SIZE(items); i++) {
            PyObject *kv = PyList_GET_ITEM(items, i);
            PyObject *key = PyTuple_GET_ITEM(kv, 0);
            PyObject *x =
                PyUnicode_CheckExact(key) ? record_value(decimal_type, PyTuple_GET_ITEM(kv, 1), depth + 1) : NULL;
            if (!x || PyDict_SetItem(d, key, x) < 0) {
                if (!PyErr_Occurred()) {
                    PyErr_SetString(PyExc_TypeError, "a record's mapping has str keys");
                }
                Py_XDECREF(x);
                Py_CLEAR(d);
                break;
            }
            Py_DECREF(x);
        }
        Py_XDECREF(items);
        PyObject *proxy = d ? PyDictProxy_New(d) : NULL;
        Py_XDECREF(d);
        return proxy;
    }
    PyErr_Format(PyExc_TypeError,
                 "a record holds only None, bool, int, str, date, Decimal, records, tuples and mappings of "
                 "these, not %.80s",
                 Py_TYPE(v)->tp_name);
    return NULL;
}

static PyObject *record_make(PyObject *cls, PyObject *iterable)
{
    PyTypeObject *t = (PyTypeObject *)cls;
    module_state *st = PyType_GetModuleState(t);
    if (!st) {
        return NULL;
    }
    PyObject *given = PySequence_Tuple(iterable);
    if (!given) {
        return NULL;
    }
    Py_ssize_t n = record_count(t);
    if (PyTuple_GET_SIZE(given) != n) {
        PyErr_Format(PyExc_TypeError, "%s._make() takes %zd values, not %zd", t->tp_name, n, PyTuple_GET_SIZE(given));
        Py_DECREF(given);
        return NULL;
    }
    PyObject **values = PyMem_Calloc((size_t)n, sizeof *values);
    if (!values) {
        Py_DECREF(given);
        return PyErr_NoMemory();
    }
    bool ok = true;
    for (Py_ssize_t i = 0; i < n && ok; i++) {
        ok = (values[i] = record_value(st->decimal_type, PyTuple_GET_ITEM(given, i), 0)) != NULL;
    }
    Py_DECREF(given);
    PyObject *o = ok ? make_struct(t, values, (int)n) : NULL; /* make_struct releases the values */
    if (!ok) {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_XDECREF(values[i]);
        }
    }
    PyMem_Free(values);
    return o;
}

/* For copy and pickle: the record is rebuilt by its type's _make from its values, a read-only
 * mapping given as a dict (a mappingproxy does not pickle). */
static PyObject *record_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n = record_count(Py_TYPE(self));
    PyObject *values = PyTuple_New(n);
    for (Py_ssize_t i = 0; values && i < n; i++) {
        PyObject *v = ((record_object *)self)->fields[i];
        PyObject *x = Py_IS_TYPE(v, &PyDictProxy_Type) ? PyDict_New() : Py_NewRef(v);
        if (x && Py_IS_TYPE(v, &PyDictProxy_Type) && PyDict_Update(x, v) < 0) {
            Py_CLEAR(x);
        }
        if (!x) {
            Py_CLEAR(values);
            break;
        }
        PyTuple_SET_ITEM(values, i, x);
    }
    PyObject *make = values ? PyObject_GetAttrString((PyObject *)Py_TYPE(self), "_make") : NULL;
    PyObject *r = make ? Py_BuildValue("(O(O))", make, values) : NULL;
    Py_XDECREF(make);
    Py_XDECREF(values);
    return r;
}

static PyMethodDef record_methods[] = {
    {"_asdict", record_asdict, METH_NOARGS, "_asdict() -> dict\n\nThe fields as a new dict."},
    {"_make", record_make, METH_O | METH_CLASS,
     "_make($type, values, /)\n--\n\n-> record\n\nA record of this type from its field values in order (as copy and "
     "pickle rebuild "
     "one). Only immutable values are taken: None, bool, int, str, date, Decimal, records, tuples and mappings of "
     "str to these; a mapping is kept read-only."},
    {"__reduce__", record_reduce, METH_NOARGS, "Rebuild with _make: copy, deepcopy and pickle."},
    {NULL, NULL, 0, NULL},
};

static PyObject *citation_new(module_state *st, const kzp_citation *c)
{
    PyObject *v[7] = {PyUnicode_FromString(c->id),           PyUnicode_FromString(c->act),
                      PyUnicode_FromString(c->reference),    PyUnicode_FromString(c->document),
                      PyUnicode_FromString(c->seen_in),      PyUnicode_FromString(c->note),
                      Py_NewRef(st->certainty[c->certainty])};
    return make_struct(st->citation_t, v, 7);
}

static PyObject *citation_of(context_object *self, const kzp_citation *c)
{
    uint64_t h = (uint64_t)(uintptr_t)c * 0x9E3779B97F4A7C15u;
    for (size_t probe = 0; probe < CACHE_PROBES; probe++) {
        size_t i = (size_t)((h >> 40) + probe) % CIT_SLOTS;
        if (self->cit_obj[i] && self->cit_key[i] == c) {
            return Py_NewRef(self->cit_obj[i]);
        }
        if (!self->cit_obj[i]) {
            PyObject *o = citation_new(self->st, c);
            if (o) {
                self->cit_key[i] = c;
                self->cit_obj[i] = Py_NewRef(o);
            }
            return o;
        }
    }
    return citation_new(self->st, c); /* every slot probed is taken: an object of its own */
}

static PyObject *basis_build(context_object *self, const kzp_citation *const *basis, size_t n)
{
    PyObject *t = PyTuple_New((Py_ssize_t)n);
    for (size_t i = 0; t && i < n; i++) {
        PyObject *c = citation_of(self, basis[i]);
        if (!c) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, c);
    }
    return t;
}

/* The library hands out only valid "YYYY-MM-DD" dates. */
static PyObject *date_from_iso(const char *iso)
{
#define DIG(i) (iso[i] - '0')
    return PyDate_FromDate(DIG(0) * 1000 + DIG(1) * 100 + DIG(2) * 10 + DIG(3), DIG(5) * 10 + DIG(6),
                           DIG(8) * 10 + DIG(9));
#undef DIG
}

/* A quantity in hundredths as decimal.Decimal. */
static PyObject *decimal_new(module_state *st, int64_t centi)
{
    char buf[40];
    kzp_qty_format(buf, sizeof buf, kzp_hundredths(centi), KZP_LANG_EN);
    return PyObject_CallFunction(st->decimal_type, "s", buf);
}

/* The same, shared from the context's small cache (bounds repeat: 200, 100, 50, 25...).
 * Decimal objects are immutable, so sharing them is safe; the cache only grows, under the GIL. */
static PyObject *decimal_of_ctx(context_object *self, int64_t centi)
{
    for (size_t i = 0; i < self->n_dec; i++) {
        if (self->dec_key[i] == centi) {
            return Py_NewRef(self->dec_obj[i]);
        }
    }
    PyObject *d = decimal_new(self->st, centi);
    if (d && self->n_dec < MAX_CACHED) {
        self->dec_key[self->n_dec] = centi;
        self->dec_obj[self->n_dec] = Py_NewRef(d);
        self->n_dec++;
    }
    return d;
}

/* A date the library gave as "YYYY-MM-DD", shared by the results that hold the same text. */
static PyObject *date_of(context_object *self, const char *iso)
{
    uint64_t h = 14695981039346656037u; /* FNV-1a of the ten characters */
    for (int k = 0; k < 10; k++) {
        h = (h ^ (unsigned char)iso[k]) * 1099511628211u;
    }
    for (size_t probe = 0; probe < CACHE_PROBES; probe++) {
        size_t i = (size_t)(h + probe) % DATE_SLOTS;
        if (self->date_obj[i] && memcmp(self->date_key[i], iso, 10) == 0) {
            return Py_NewRef(self->date_obj[i]);
        }
        if (!self->date_obj[i]) {
            PyObject *d = date_from_iso(iso);
            if (d) {
                memcpy(self->date_key[i], iso, 10);
                self->date_obj[i] = Py_NewRef(d);
            }
            return d;
        }
    }
    return date_from_iso(iso);
}

static PyObject *mci_build(context_object *self, const kzp_mci *m)
{
    module_state *st = self->st;
    PyObject *v[8] = {PyLong_FromLongLong(m->tenge),
                      date_of(self, m->from),
                      date_of(self, m->valid_from),
                      date_of(self, m->valid_until),
                      word_of(self->st, kzp_purpose_name(m->purpose)),
                      PyBool_FromLong(m->stale),
                      Py_NewRef(st->certainty[m->certainty]),
                      citation_of(self, m->citation)};
    return make_struct(st->mci_t, v, 8);
}

/* The date to put in a result: the caller's date object when given one, else a new date. */
static PyObject *result_date(PyObject *arg, const char *iso)
{
    /* only an exact date is shared: a subclass could hold a reference back to the result */
    return PyDate_CheckExact(arg) ? Py_NewRef(arg) : date_from_iso(iso);
}

/* A citation, or None for NULL (an optional rule the library may not name). */
static PyObject *opt_citation(context_object *self, const kzp_citation *c)
{
    return c ? citation_of(self, c) : Py_NewRef(Py_None);
}

/* A read-only mapping {'en': ..., 'ru': ..., 'kk': ...} keyed by the library's language codes;
 * steals the values (NULL-safe). */
static PyObject *lang_mapping(PyObject *by_lang[KZP_LANG_COUNT])
{
    PyObject *d = PyDict_New();
    for (int i = 0; i < KZP_LANG_COUNT; i++) {
        if (d && (!by_lang[i] || PyDict_SetItemString(d, kzp_lang_name(i), by_lang[i]) < 0)) {
            Py_CLEAR(d);
        }
        Py_XDECREF(by_lang[i]);
    }
    /* read-only, so a record (not tracked by the GC) can never be part of a cycle */
    PyObject *proxy = d ? PyDictProxy_New(d) : NULL;
    Py_XDECREF(d);
    return proxy;
}

/* A text the library gives by language (a NULL entry becomes ""). */
static PyObject *texts_by_lang(const char *const texts[KZP_LANG_COUNT])
{
    PyObject *v[KZP_LANG_COUNT];
    for (int i = 0; i < KZP_LANG_COUNT; i++) {
        v[i] = PyUnicode_FromString(texts[i] ? texts[i] : "");
    }
    return lang_mapping(v);
}

/* ---- Shared result objects (see result_cache) ---- */

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9E3779B97F4A7C15u + (h << 6) + (h >> 2);
    return h;
}

static bool bound_same(const kzp_bound *a, const kzp_bound *b)
{
    return a->set == b->set && a->centi == b->centi && a->tiyn == b->tiyn && a->source == b->source &&
           a->citation == b->citation;
}

static uint64_t bound_hash(uint64_t h, const kzp_bound *b)
{
    h = mix(h, (uint64_t)b->set);
    h = mix(h, (uint64_t)b->centi);
    h = mix(h, (uint64_t)b->tiyn);
    h = mix(h, (uint64_t)b->source);
    return mix(h, (uint64_t)(uintptr_t)b->citation);
}

static bool bound_key_same(const void *keys, size_t i, const void *key)
{
    const bound_key *a = &((const bound_key *)keys)[i], *b = key;
    return a->has_tiyn == b->has_tiyn && bound_same(&a->bound, &b->bound);
}

static bool sanction_same(const void *keys, size_t i, const void *key)
{
    const kzp_sanction *a = &((const kzp_sanction *)keys)[i], *b = key;
    return a->kind == b->kind && a->unit == b->unit && a->has_tiyn == b->has_tiyn && bound_same(&a->min, &b->min) &&
           bound_same(&a->max, &b->max) && bound_same(&a->article_min, &b->article_min) &&
           bound_same(&a->article_max, &b->article_max) && bound_same(&a->general_min, &b->general_min) &&
           bound_same(&a->general_max, &b->general_max) && a->min_lifted_by == b->min_lifted_by &&
           a->capped == b->capped && a->per_day_max_centi == b->per_day_max_centi &&
           a->per_day_citation == b->per_day_citation && a->restriction == b->restriction && a->citation == b->citation;
}

static uint64_t sanction_hash(const kzp_sanction *s)
{
    uint64_t h = mix((uint64_t)s->kind, (uint64_t)s->capped);
    h = bound_hash(h, &s->min);
    return bound_hash(h, &s->max);
}

static bool payment_same(const void *keys, size_t i, const void *key)
{
    const kzp_payment *a = &((const kzp_payment *)keys)[i], *b = key;
    return a->id == b->id && a->name[0] == b->name[0] && a->name[1] == b->name[1] && a->name[2] == b->name[2] &&
           a->mci_centi == b->mci_centi && a->priced == b->priced && a->tiyn == b->tiyn &&
           a->certainty == b->certainty && a->citation == b->citation && a->priced_by == b->priced_by;
}

static bool basis_same(const void *keys, size_t i, const void *key)
{
    const basis_key *a = &((const basis_key *)keys)[i], *b = key;
    // NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers; one pointer is the element
    return a->count == b->count && memcmp(a->items, b->items, a->count * sizeof a->items[0]) == 0;
}

/* The slot of a key in a table: the one that holds an equal key, else the first empty one
 * probed; -1 when every slot probed holds another key. */
static long cache_slot(PyObject *const *objs, size_t slots, uint64_t hash, const void *keys, const void *key,
                       bool (*same)(const void *, size_t, const void *))
{
    for (size_t probe = 0; probe < CACHE_PROBES; probe++) {
        size_t i = (size_t)((hash + probe) % slots);
        if (!objs[i] || same(keys, i, key)) {
            return (long)i;
        }
    }
    return -1;
}

static result_cache *cache_of(context_object *self)
{
    if (!self->cache) {
        self->cache = PyMem_Calloc(1, sizeof *self->cache); /* NULL: every object is built anew */
    }
    return self->cache;
}

/* Look a key up in one table of the cache; *slot receives where to keep a new object (-1:
 * nowhere). Returns a new reference to the kept object, or NULL when there is none. */
#define CACHE_FIND(self, table, key, hash, same, slot)                                                                 \
    (cache_of(self) ? ((*(slot) = cache_slot(self->cache->table##_obj,                                                 \
                                             sizeof self->cache->table##_obj / sizeof self->cache->table##_obj[0],     \
                                             (hash), self->cache->table##_key, (key), (same))) >= 0 &&                 \
                               self->cache->table##_obj[*(slot)]                                                       \
                           ? Py_NewRef(self->cache->table##_obj[*(slot)])                                              \
                           : NULL)                                                                                     \
                    : (*(slot) = -1, (PyObject *)NULL))

#define CACHE_KEEP(self, table, key, slot, obj)                                                                        \
    do {                                                                                                               \
        if ((obj) && (slot) >= 0) {                                                                                    \
            self->cache->table##_key[(slot)] = *(key);                                                                 \
            self->cache->table##_obj[(slot)] = Py_NewRef(obj);                                                         \
        }                                                                                                              \
    } while (0)

static void cache_free(result_cache *c)
{
    if (!c) {
        return;
    }
    PyObject **tables[] = {c->bound_obj, c->sanction_obj, c->payment_obj, c->basis_obj, c->mci_obj, c->dated_obj};
    size_t sizes[] = {BOUND_SLOTS, SANCTION_SLOTS, PAYMENT_SLOTS, BASIS_SLOTS, MCI_SLOTS, DATED_SLOTS};
    for (size_t t = 0; t < sizeof sizes / sizeof sizes[0]; t++) {
        for (size_t i = 0; i < sizes[t]; i++) {
            Py_CLEAR(tables[t][i]);
        }
    }
    PyMem_Free(c);
}

/* A text borrowed from the context (an article's id) as a str shared by the results. */
static PyObject *text_of(context_object *self, const char *text)
{
    for (size_t i = 0; i < self->n_texts; i++) {
        if (self->text_key[i] == text) {
            return Py_NewRef(self->text_obj[i]);
        }
    }
    PyObject *o = PyUnicode_FromString(text);
    if (o && self->n_texts < MAX_TEXTS) {
        self->text_key[self->n_texts] = text;
        self->text_obj[self->n_texts++] = Py_NewRef(o);
    }
    return o;
}

/* A result's citations as a tuple: the same list of citations gives the same tuple. */
static PyObject *basis_tuple(context_object *self, const kzp_citation *const *basis, size_t n)
{
    if (n > KZP_MAX_BASIS) {
        return basis_build(self, basis, n);
    }
    /* the key is filled only as far as it is used: same() compares count items */
    basis_key k;
    k.count = n;
    // NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers; one pointer is the element
    memcpy(k.items, basis, n * sizeof k.items[0]);
    uint64_t h = n;
    for (size_t i = 0; i < n; i++) {
        h = mix(h, (uint64_t)(uintptr_t)basis[i]);
    }
    long slot = -1;
    PyObject *o = CACHE_FIND(self, basis, &k, h, basis_same, &slot);
    if (!o) {
        o = basis_build(self, basis, n);
        CACHE_KEEP(self, basis, &k, slot, o);
    }
    return o;
}

/* A bound with the rule behind it, or None when there is no such bound. */
static PyObject *bound_build(context_object *self, const bound_key *k)
{
    const kzp_bound *b = &k->bound;
    PyObject *v[4] = {decimal_of_ctx(self, b->centi), k->has_tiyn ? PyLong_FromLongLong(b->tiyn) : Py_NewRef(Py_None),
                      word_of(self->st, kzp_bound_source_name(b->source)), opt_citation(self, b->citation)};
    return make_struct(self->st->bound_t, v, 4);
}

static PyObject *bound_new(context_object *self, const kzp_bound *b, int has_tiyn)
{
    if (!b->set) {
        return Py_NewRef(Py_None);
    }
    bound_key k = {*b, has_tiyn != 0};
    long slot;
    PyObject *o = CACHE_FIND(self, bound, &k, bound_hash((uint64_t)k.has_tiyn, b), bound_key_same, &slot);
    if (!o) {
        o = bound_build(self, &k);
        CACHE_KEEP(self, bound, &k, slot, o);
    }
    return o;
}

static PyObject *restriction_build(context_object *self, const kzp_restriction *x)
{
    PyObject *by_lang[KZP_LANG_COUNT];
    for (int l = 0; l < KZP_LANG_COUNT; l++) {
        PyObject *t = PyTuple_New((Py_ssize_t)x->person_count);
        for (size_t i = 0; t && i < x->person_count; i++) {
            PyObject *one = PyUnicode_FromString(x->persons[l][i]);
            if (!one) {
                Py_CLEAR(t);
                break;
            }
            PyTuple_SET_ITEM(t, (Py_ssize_t)i, one);
        }
        by_lang[l] = t;
    }
    PyObject *v[4] = {PyUnicode_FromString(x->id), word_of(self->st, kzp_kind_name(x->kind)), lang_mapping(by_lang),
                      opt_citation(self, x->citation)};
    return make_struct(self->st->restriction_t, v, 4);
}

/* Persons a punishment may not be imposed on: shared per Context (they are the dataset's). */
static PyObject *restriction_of(context_object *self, const kzp_restriction *x)
{
    if (!x) {
        return Py_NewRef(Py_None);
    }
    for (size_t i = 0; i < self->n_restr; i++) {
        if (self->restr_key[i] == x) {
            return Py_NewRef(self->restr_obj[i]);
        }
    }
    PyObject *o = restriction_build(self, x);
    if (o && self->n_restr < MAX_RESTRICTIONS) {
        self->restr_key[self->n_restr] = x;
        self->restr_obj[self->n_restr++] = Py_NewRef(o);
    }
    return o;
}

static PyObject *sanction_build(context_object *self, const kzp_sanction *s)
{
    module_state *st = self->st;
    PyObject *v[14] = {word_of(self->st, kzp_kind_name(s->kind)),
                       word_of(self->st, kzp_unit_name(s->unit)),
                       bound_new(self, &s->min, s->has_tiyn),
                       bound_new(self, &s->max, s->has_tiyn),
                       bound_new(self, &s->article_min, s->has_tiyn),
                       bound_new(self, &s->article_max, s->has_tiyn),
                       bound_new(self, &s->general_min, s->has_tiyn),
                       bound_new(self, &s->general_max, s->has_tiyn),
                       opt_citation(self, s->min_lifted_by),
                       PyBool_FromLong(s->capped),
                       s->per_day_max_centi ? decimal_of_ctx(self, s->per_day_max_centi) : Py_NewRef(Py_None),
                       opt_citation(self, s->per_day_citation),
                       restriction_of(self, s->restriction),
                       citation_of(self, s->citation)};
    return make_struct(st->sanction_t, v, 14);
}

static PyObject *sanction_new(context_object *self, const kzp_sanction *s)
{
    long slot;
    PyObject *o = CACHE_FIND(self, sanction, s, sanction_hash(s), sanction_same, &slot);
    if (!o) {
        o = sanction_build(self, s);
        CACHE_KEEP(self, sanction, s, slot, o);
    }
    return o;
}

static PyObject *payment_build(context_object *self, const kzp_payment *p)
{
    module_state *st = self->st;
    PyObject *v[8] = {PyUnicode_FromString(p->id),
                      texts_by_lang(p->name),
                      decimal_of_ctx(self, p->mci_centi),
                      PyBool_FromLong(p->priced),
                      p->priced ? PyLong_FromLongLong(p->tiyn) : Py_NewRef(Py_None),
                      Py_NewRef(st->certainty[p->certainty]),
                      opt_citation(self, p->citation),
                      p->priced ? opt_citation(self, p->priced_by) : Py_NewRef(Py_None)};
    return make_struct(st->payment_t, v, 8);
}

static PyObject *payment_new(context_object *self, const kzp_payment *p)
{
    long slot;
    uint64_t h = mix(mix((uint64_t)(uintptr_t)p->id, (uint64_t)p->tiyn), (uint64_t)p->priced);
    PyObject *o = CACHE_FIND(self, payment, p, h, payment_same, &slot);
    if (!o) {
        o = payment_build(self, p);
        CACHE_KEEP(self, payment, p, slot, o);
    }
    return o;
}

static bool mci_same(const void *keys, size_t i, const void *key)
{
    const kzp_mci *a = &((const kzp_mci *)keys)[i], *b = key;
    return a->tenge == b->tenge && a->tiyn == b->tiyn && memcmp(a->from, b->from, 10) == 0 &&
           memcmp(a->valid_from, b->valid_from, 10) == 0 && memcmp(a->valid_until, b->valid_until, 10) == 0 &&
           a->purpose == b->purpose && a->stale == b->stale && a->certainty == b->certainty &&
           a->citation == b->citation;
}

/* An Mci shared by the calls the library answered with the same MCI: keyed on all it
 * returned but the date asked, never on what the binding assumes makes two alike. */
static PyObject *mci_of(context_object *self, const kzp_mci *m)
{
    uint64_t h = mix(mix((uint64_t)m->tenge, (uint64_t)(uintptr_t)m->citation), (uint64_t)m->purpose);
    for (int k = 0; k < 10; k++) {
        h = mix(h, (uint64_t)(unsigned char)m->valid_from[k] << 8 | (unsigned char)m->valid_until[k]);
    }
    long slot;
    PyObject *o = CACHE_FIND(self, mci, m, h, mci_same, &slot);
    if (!o) {
        o = mci_build(self, m);
        CACHE_KEEP(self, mci, m, slot, o);
    }
    return o;
}

/* A tuple of n records made by one builder from the items of an array. */
static PyObject *tuple_of(context_object *self, const void *items, size_t size, size_t n,
                          PyObject *(*build)(context_object *, const void *))
{
    PyObject *t = PyTuple_New((Py_ssize_t)n);
    for (size_t i = 0; t && i < n; i++) {
        PyObject *o = build(self, (const char *)items + i * size);
        if (!o) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, o);
    }
    return t;
}

static PyObject *sanction_item(context_object *self, const void *p)
{
    return sanction_new(self, (const kzp_sanction *)p);
}

static PyObject *payment_item(context_object *self, const void *p)
{
    return payment_new(self, (const kzp_payment *)p);
}

static PyObject *kind_words(context_object *self, const int *kinds, size_t n)
{
    PyObject *t = PyTuple_New((Py_ssize_t)n);
    for (size_t i = 0; t && i < n; i++) {
        PyObject *w = word_of(self->st, kzp_kind_name(kinds[i]));
        if (!w) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, w);
    }
    return t;
}

static PyObject *range_new(context_object *self, const kzp_range *r, PyObject *date_arg_obj)
{
    module_state *st = self->st;
    PyObject *date = result_date(date_arg_obj, r->offence_date);
    PyObject *v[17] = {text_of(self, r->article),
                       date ? Py_NewRef(date) : NULL,
                       date_of(self, r->valid_from),
                       date_of(self, r->valid_until),
                       PyBool_FromLong((r->flags & KZP_Q_MITIGATED) != 0),
                       PyBool_FromLong((r->flags & KZP_Q_ACCELERATED) != 0),
                       PyBool_FromLong((r->flags & KZP_Q_ORDER_PROCEDURE) != 0),
                       r->has_mci ? mci_of(self, &r->mci) : Py_NewRef(Py_None),
                       tuple_of(self, r->sanctions, sizeof r->sanctions[0], r->sanction_count, sanction_item),
                       kind_words(self, r->omitted_kinds, r->omitted_count),
                       opt_citation(self, r->order_procedure),
                       opt_citation(self, r->order_procedure_kinds),
                       tuple_of(self, r->payments, sizeof r->payments[0], r->payment_count, payment_item),
                       Py_NewRef(st->certainty[r->certainty]),
                       PyBool_FromLong(r->stale),
                       basis_tuple(self, r->basis, r->basis_count),
                       Py_NewRef(self->receipt)};
    Py_XDECREF(date);
    return make_struct(st->range_t, v, 17);
}

/* ---- Fast argument parsing (vectorcall) for the hot methods ----
 * names: every parameter; the first npos may be given by position, the rest only by keyword;
 * the first nreq are required. out[] receives borrowed references (NULL when absent). */
static int fast_args(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                     const char *const *names, int nnames, int npos, int nreq, PyObject **out)
{
    for (int i = 0; i < nnames; i++) {
        out[i] = NULL;
    }
    if (nargs > npos) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %d positional arguments (%zd given)", fname, npos, nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        const char *key = PyUnicode_AsUTF8(PyTuple_GET_ITEM(kwnames, k));
        int found = -1;
        for (int i = 0; key && i < nnames; i++) {
            if (strcmp(key, names[i]) == 0) {
                found = i;
            }
        }
        if (found < 0) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, key ? key : "?");
            return -1;
        }
        if (out[found]) {
            PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'", fname, key);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < nreq; i++) {
        if (!out[i]) {
            PyErr_Format(PyExc_TypeError, "%s() missing required argument '%s'", fname, names[i]);
            return -1;
        }
    }
    return 0;
}

/* A keyword flag: absent is False; otherwise True or False and nothing else. Truthiness would
 * read mitigated='no' as a request to halve the sanction. */
static int flag_arg(PyObject *o, const char *name, int *out)
{
    if (!o || o == Py_False) {
        *out = 0;
        return 0;
    }
    if (o == Py_True) {
        *out = 1;
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "%s must be a bool (True or False), not %.80s", name, Py_TYPE(o)->tp_name);
    return -1;
}

/* ---- Flags from keywords ---- */

/* The query flags a method takes, by keyword, in the order of its parameters. */
typedef struct flag_def {
    const char *name;
    unsigned bit;
} flag_def;

static const flag_def RANGE_FLAGS[] = {
    {"mitigated", KZP_Q_MITIGATED},     {"accelerated", KZP_Q_ACCELERATED}, {"order_procedure", KZP_Q_ORDER_PROCEDURE},
    {"allow_stale", KZP_Q_ALLOW_STALE}, {"strict", KZP_Q_STRICT},
};
static const flag_def PRICE_FLAGS[] = {{"allow_stale", KZP_Q_ALLOW_STALE}, {"strict", KZP_Q_STRICT}};
#define N_RANGE_FLAGS ((int)(sizeof RANGE_FLAGS / sizeof RANGE_FLAGS[0]))
#define N_PRICE_FLAGS ((int)(sizeof PRICE_FLAGS / sizeof PRICE_FLAGS[0]))

/* The flags of values[0..n-1] (NULL when not given), named by defs. */
static int flags_arg(PyObject *const *values, const flag_def *defs, int n, unsigned *flags)
{
    *flags = 0;
    for (int i = 0; i < n; i++) {
        int on;
        if (flag_arg(values[i], defs[i].name, &on) < 0) {
            return -1;
        }
        *flags |= on ? defs[i].bit : 0;
    }
    return 0;
}

/* Parameter lists: the positional names first, then the flags' names. */
#define MAX_PARAMS 12
static int params_with_flags(const char **names, const char *const *positional, int npos, const flag_def *defs,
                             int nflags)
{
    for (int i = 0; i < npos; i++) {
        names[i] = positional[i];
    }
    for (int i = 0; i < nflags; i++) {
        names[npos + i] = defs[i].name;
    }
    return npos + nflags;
}

/* "'a', 'b' or 'c'": the words a name function of the library knows (0, 1, ... until NULL). */
static void known_words(char *buf, size_t size, const char *(*name)(int))
{
    size_t n = 0;
    buf[0] = '\0';
    for (int i = 0; name(i) && n < size; i++) {
        const char *sep = i == 0 ? "" : name(i + 1) ? ", " : " or ";
        n += (size_t)snprintf(buf + n, size - n, "%s'%s'", sep, name(i));
    }
}

/* An unknown word: the library's UnknownKindError, naming the words it knows. */
static PyObject *unknown_word(module_state *st, const char *what, const char *(*name)(int))
{
    kzp_error e = {.code = KZP_E_UNKNOWN_KIND};
    char words[200];
    known_words(words, sizeof words, name);
    snprintf(e.message, sizeof e.message, "%s must be %s", what, words);
    return raise_status(st, KZP_E_UNKNOWN_KIND, &e);
}

/* ---- Context methods ---- */

static PyObject *ctx_mci(context_object *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const pos[] = {"date", "purpose"};
    const char *names[MAX_PARAMS];
    int n = params_with_flags(names, pos, 2, PRICE_FLAGS, N_PRICE_FLAGS);
    PyObject *a[MAX_PARAMS];
    unsigned flags;
    if (fast_args("mci", args, nargs, kwnames, names, n, 2, 1, a) < 0 ||
        flags_arg(a + 2, PRICE_FLAGS, N_PRICE_FLAGS, &flags) < 0) {
        return NULL;
    }
    char iso[11];
    const char *day = NULL;
    int purpose = KZP_PURPOSE_FINES;
    if (!(day = date_arg(self->st, a[0], iso, "date"))) {
        return NULL;
    }
    if (a[1]) {
        int r = word_arg(a[1], kzp_purpose_parse, &purpose, "purpose");
        if (r < 0) {
            return NULL;
        }
        if (r > 0) {
            return unknown_word(self->st, "purpose", kzp_purpose_name);
        }
    }
    kzp_mci m;
    kzp_error err;
    int rc = kzp_mci_on(&m, self->ctx, day, purpose, flags, &err);
    return rc ? raise_status(self->st, rc, &err) : mci_of(self, &m);
}

/* The slot of a question in the table of dated answers. */
static size_t dated_slot(int call, const char *text, size_t len, unsigned flags)
{
    uint64_t h = 14695981039346656037u ^ ((uint64_t)call << 32 | flags);
    for (size_t k = 0; k < len; k++) {
        h = (h ^ (unsigned char)text[k]) * 1099511628211u;
    }
    return (size_t)(h ^ h >> 29) % DATED_SLOTS;
}

/* The answer to a question built from the one the library gave for the same question on another
 * date, when day lies in the interval it said gives the same answer: the same record but for
 * offence_date (field 1; an Mci holds no date) and, when first is given, field 0 (a fine's count
 * as the caller gave it). NULL when none applies, with no error set: then the library is asked.
 * day is judged by the library's own date check first, so a text it refuses (2026-02-30,
 * 10.02.2026) always goes to the library and is refused there. Steals first. */
static PyObject *dated_cached(context_object *self, int call, const char *text, size_t len, unsigned flags,
                              const char *day, PyObject *date_obj, PyObject *first)
{
    PyObject *hit = NULL;
    if (self->cache && len <= DATED_KEY_MAX) {
        size_t i = dated_slot(call, text, len, flags);
        const dated_key *k = &self->cache->dated_key[i];
        hit = self->cache->dated_obj[i];
        if (!hit || k->call != call || k->flags != flags || k->len != len || memcmp(k->text, text, len) != 0 ||
            (!PyDate_Check(date_obj) && kzp_date_check(day, NULL) != KZP_OK) || memcmp(day, k->valid_from, 10) < 0 ||
            memcmp(day, k->valid_until, 10) > 0) {
            hit = NULL;
        }
    }
    enum { MAX_FIELDS = 32, OFFENCE_DATE = 1 };
    int n = hit ? (int)record_count(Py_TYPE(hit)) : 0;
    if (!hit || n > MAX_FIELDS) {
        Py_XDECREF(first);
        return NULL;
    }
    PyObject *v[MAX_FIELDS];
    for (int f = 0; f < n; f++) {
        v[f] = f == OFFENCE_DATE ? result_date(date_obj, day)
               : f == 0 && first ? first
                                 : Py_NewRef(((const record_object *)hit)->fields[f]);
    }
    return make_struct(Py_TYPE(hit), v, n);
}

/* Keep a dated answer the library gave, with its interval, for dated_cached: a copy without the
 * fields dated_cached replaces (None in their place), so the cache holds none of the caller's
 * objects. */
static void dated_keep(context_object *self, int call, const char *text, size_t len, unsigned flags,
                       const char *valid_from, const char *valid_until, PyObject *o, bool replaces_first)
{
    enum { MAX_FIELDS = 32, OFFENCE_DATE = 1 };
    int n = o ? (int)record_count(Py_TYPE(o)) : 0;
    if (!o || n > MAX_FIELDS || len > DATED_KEY_MAX || !cache_of(self)) {
        return;
    }
    PyObject *v[MAX_FIELDS];
    for (int f = 0; f < n; f++) {
        bool replaced = f == OFFENCE_DATE || (f == 0 && replaces_first);
        v[f] = Py_NewRef(replaced ? Py_None : ((const record_object *)o)->fields[f]);
    }
    PyObject *kept = make_struct(Py_TYPE(o), v, n);
    if (!kept) {
        PyErr_Clear(); /* only a cache: the answer stands */
        return;
    }
    size_t i = dated_slot(call, text, len, flags);
    dated_key *k = &self->cache->dated_key[i];
    memcpy(k->text, text, len);
    k->len = len;
    k->call = call;
    k->flags = flags;
    memcpy(k->valid_from, valid_from, 10);
    memcpy(k->valid_until, valid_until, 10);
    Py_XSETREF(self->cache->dated_obj[i], kept);
}

static PyObject *ctx_range(context_object *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const pos[] = {"article", "date"};
    const char *names[MAX_PARAMS];
    int n = params_with_flags(names, pos, 2, RANGE_FLAGS, N_RANGE_FLAGS);
    PyObject *a[MAX_PARAMS];
    unsigned flags;
    if (fast_args("range", args, nargs, kwnames, names, n, 2, 2, a) < 0 ||
        flags_arg(a + 2, RANGE_FLAGS, N_RANGE_FLAGS, &flags) < 0) {
        return NULL;
    }
    if (!PyUnicode_Check(a[0])) {
        PyErr_Format(PyExc_TypeError, "article must be a str such as '115-1', not %.80s", Py_TYPE(a[0])->tp_name);
        return NULL;
    }
    const char *article = utf8_arg(a[0], "article");
    PyObject *date = a[1];
    if (!article) {
        return NULL;
    }
    char iso[11];
    const char *day = NULL;
    if (!(day = date_arg(self->st, date, iso, "date"))) {
        return NULL;
    }
    size_t article_len = strlen(article);
    PyObject *o = dated_cached(self, DATED_RANGE, article, article_len, flags, day, date, NULL);
    if (o || PyErr_Occurred()) {
        return o;
    }
    kzp_range r;
    kzp_error err;
    int rc = kzp_range_get(&r, self->ctx, article, day, flags, &err);
    if (rc) {
        return raise_status(self->st, rc, &err);
    }
    o = range_new(self, &r, date);
    dated_keep(self, DATED_RANGE, article, article_len, flags, r.valid_from, r.valid_until, o, false);
    return o;
}

static PyObject *ctx_fine(context_object *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const pos[] = {"mci_count", "date"};
    const char *names[MAX_PARAMS];
    int n = params_with_flags(names, pos, 2, PRICE_FLAGS, N_PRICE_FLAGS);
    PyObject *a[MAX_PARAMS];
    unsigned flags;
    if (fast_args("fine", args, nargs, kwnames, names, n, 2, 2, a) < 0 ||
        flags_arg(a + 2, PRICE_FLAGS, N_PRICE_FLAGS, &flags) < 0) {
        return NULL;
    }
    PyObject *count = a[0], *date = a[1];
    char iso[11];
    const char *day = NULL;
    int64_t centi = 0;
    int rc;
    kzp_error err = {0};
    if (!(day = date_arg(self->st, date, iso, "date")) ||
        amount_arg(self->st, count, &centi, &rc, &err, "mci_count") < 0) {
        return NULL;
    }
    module_state *st = self->st;
    /* the caller's Decimal (exactly Decimal: a subclass could refer back to the result) is the
     * count itself; other inputs get a (shared) Decimal */
    bool own_dec = Py_IS_TYPE(count, (PyTypeObject *)st->decimal_type);
    if (!rc) {
        PyObject *o = dated_cached(self, DATED_FINE, (const char *)&centi, sizeof centi, flags, day, date,
                                   own_dec ? Py_NewRef(count) : decimal_of_ctx(self, centi));
        if (o || PyErr_Occurred()) {
            return o;
        }
    }
    kzp_fine f;
    if (rc || (rc = kzp_fine_compute(&f, self->ctx, day, kzp_hundredths(centi), flags, &err))) {
        return raise_status(self->st, rc, &err);
    }
    PyObject *d = result_date(date, f.mci.date);
    PyObject *count_dec = own_dec ? Py_NewRef(count) : decimal_of_ctx(self, f.mci_centi);
    PyObject *v[10] = {count_dec,
                       d ? Py_NewRef(d) : NULL,
                       date_of(self, f.valid_from),
                       date_of(self, f.valid_until),
                       PyLong_FromLongLong(f.amount_tiyn),
                       mci_of(self, &f.mci),
                       Py_NewRef(st->certainty[f.certainty]),
                       PyBool_FromLong(f.stale),
                       basis_tuple(self, f.basis, f.basis_count),
                       Py_NewRef(self->receipt)};
    Py_XDECREF(d);
    PyObject *o = make_struct(st->fine_t, v, 10);
    dated_keep(self, DATED_FINE, (const char *)&centi, sizeof centi, flags, f.valid_from, f.valid_until, o, true);
    return o;
}

static PyObject *ctx_check(context_object *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const pos[] = {"article", "date", "kind", "amount"};
    const char *names[MAX_PARAMS];
    int n = params_with_flags(names, pos, 4, RANGE_FLAGS, N_RANGE_FLAGS);
    PyObject *a[MAX_PARAMS];
    unsigned flags;
    if (fast_args("check", args, nargs, kwnames, names, n, 4, 4, a) < 0 ||
        flags_arg(a + 4, RANGE_FLAGS, N_RANGE_FLAGS, &flags) < 0) {
        return NULL;
    }
    const char *article = str_arg(a[0], "article");
    PyObject *date = a[1];
    char iso[11];
    const char *day = NULL;
    int kind = 0, rc = KZP_OK;
    int64_t centi = 0;
    kzp_error err = {0};
    if (!article || !(day = date_arg(self->st, date, iso, "date"))) {
        return NULL;
    }
    int w = word_arg(a[2], kzp_kind_parse, &kind, "kind");
    if (w < 0 || amount_arg(self->st, a[3], &centi, &rc, &err, "amount") < 0) {
        return NULL;
    }
    if (w > 0) {
        return unknown_word(self->st, "kind", kzp_kind_name);
    }
    kzp_check c;
    if (rc || (rc = kzp_check_sentence(&c, self->ctx, article, day, kind, kzp_hundredths(centi), flags, &err))) {
        return raise_status(self->st, rc, &err);
    }
    module_state *st = self->st;
    PyObject *v[13] = {PyBool_FromLong(c.fits),
                       word_of(self->st, kzp_violation_name(c.violation)),
                       word_of(self->st, kzp_kind_name(c.kind)),
                       word_of(self->st, kzp_unit_name(c.unit)),
                       decimal_of_ctx(self, c.amount_centi),
                       decimal_of_ctx(self, c.limit_centi),
                       decimal_of_ctx(self, c.excess_centi),
                       word_of(self->st, kzp_bound_source_name(c.limit_source)),
                       opt_citation(self, c.limit_citation),
                       date_of(self, c.valid_from),
                       date_of(self, c.valid_until),
                       range_new(self, &c.range, date),
                       Py_NewRef(self->receipt)};
    return make_struct(st->check_t, v, 13);
}

/* What a conversion rule is for, by language: shared per Context and rule. */
static PyObject *scope_of(context_object *self, const kzp_conversion *c)
{
    bool cached = c->rule >= 0 && c->rule < MAX_RULES;
    if (cached && self->scope_obj[c->rule] && self->scope_key[c->rule] == c->scope[0]) {
        return Py_NewRef(self->scope_obj[c->rule]);
    }
    PyObject *o = texts_by_lang(c->scope);
    if (o && cached && !self->scope_obj[c->rule]) {
        self->scope_key[c->rule] = c->scope[0];
        self->scope_obj[c->rule] = Py_NewRef(o);
    }
    return o;
}

static PyObject *ctx_convert(context_object *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"amount", "from_kind", "to_kind", "rule"};
    PyObject *a[4];
    if (fast_args("convert", args, nargs, kwnames, names, 4, 3, 3, a) < 0) {
        return NULL;
    }
    int from = 0, to = 0, rule = 0, rc = KZP_OK;
    int64_t centi = 0;
    kzp_error err = {0};
    int wf = word_arg(a[1], kzp_kind_parse, &from, "from_kind");
    int wt = wf < 0 ? -1 : word_arg(a[2], kzp_kind_parse, &to, "to_kind");
    int wr = wt < 0 || !a[3] ? 0 : word_arg(a[3], kzp_conversion_rule_parse, &rule, "rule");
    if (wf < 0 || wt < 0 || wr < 0 || amount_arg(self->st, a[0], &centi, &rc, &err, "amount") < 0) {
        return NULL;
    }
    if (wf > 0 || wt > 0) {
        return unknown_word(self->st, wf > 0 ? "from_kind" : "to_kind", kzp_kind_name);
    }
    if (wr > 0) {
        return unknown_word(self->st, "rule", kzp_conversion_rule_name);
    }
    kzp_conversion c;
    /* without a rule: kzp_convert, the library's own default (Art. 61) */
    if (rc || (rc = a[3] ? kzp_convert_under(&c, self->ctx, rule, from, kzp_hundredths(centi), to, &err)
                         : kzp_convert(&c, self->ctx, from, kzp_hundredths(centi), to, &err))) {
        return raise_status(self->st, rc, &err);
    }
    module_state *st = self->st;
    PyObject *v[12] = {word_of(self->st, kzp_kind_name(c.from_kind)),
                       decimal_of_ctx(self, c.from_centi),
                       word_of(self->st, kzp_kind_name(c.to_kind)),
                       PyLong_FromLongLong(c.whole),
                       decimal_of_ctx(self, c.remainder_centi),
                       word_of(self->st, kzp_unit_name(c.from_unit)),
                       PyBool_FromLong(c.exact),
                       Py_NewRef(st->certainty[c.certainty]),
                       word_of(self->st, kzp_conversion_rule_name(c.rule)),
                       scope_of(self, &c),
                       opt_citation(self, c.citation),
                       Py_NewRef(self->receipt)};
    return make_struct(st->conversion_t, v, 12);
}

/* The text the library writes into a buffer (snprintf semantics), never cut: a longer text
 * is written again into a buffer of the size it needs. */
typedef int (*text_fn)(char *buf, size_t size, const void *arg);

static PyObject *whole_text(module_state *st, text_fn fn, const void *arg)
{
    char small[1024];
    int n = fn(small, sizeof small, arg);
    if (n < 0) {
        return raise_status(st, n, NULL);
    }
    if ((size_t)n < sizeof small) {
        return PyUnicode_FromStringAndSize(small, n);
    }
    char *big = PyMem_Malloc((size_t)n + 1);
    if (!big) {
        return PyErr_NoMemory();
    }
    int again = fn(big, (size_t)n + 1, arg);
    PyObject *s = again == n ? PyUnicode_FromStringAndSize(big, n)
                             : (again < 0 ? raise_status(st, again, NULL)
                                          : PyErr_Format(PyExc_RuntimeError, "the text changed size while written"));
    PyMem_Free(big);
    return s;
}

typedef struct sanction_text_arg {
    const kzp_range *range;
    size_t index;
    int lang;
} sanction_text_arg;

static int sanction_text_fn(char *buf, size_t size, const void *p)
{
    const sanction_text_arg *x = p;
    return kzp_sanction_text(buf, size, x->range, x->index, x->lang);
}

static PyObject *ctx_sanction_texts(context_object *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const pos[] = {"article", "date", "lang"};
    const char *names[MAX_PARAMS];
    int n = params_with_flags(names, pos, 3, RANGE_FLAGS, N_RANGE_FLAGS);
    PyObject *a[MAX_PARAMS];
    unsigned flags;
    if (fast_args("sanction_texts", args, nargs, kwnames, names, n, 3, 2, a) < 0 ||
        flags_arg(a + 3, RANGE_FLAGS, N_RANGE_FLAGS, &flags) < 0) {
        return NULL;
    }
    const char *article = str_arg(a[0], "article");
    char iso[11];
    const char *day = NULL;
    int lang = KZP_LANG_EN;
    if (!article || !(day = date_arg(self->st, a[1], iso, "date")) || (a[2] && lang_arg(a[2], &lang) < 0)) {
        return NULL;
    }
    kzp_range r;
    kzp_error err;
    int rc = kzp_range_get(&r, self->ctx, article, day, flags, &err);
    if (rc) {
        return raise_status(self->st, rc, &err);
    }
    PyObject *t = PyTuple_New((Py_ssize_t)r.sanction_count);
    for (size_t i = 0; t && i < r.sanction_count; i++) {
        sanction_text_arg x = {&r, i, lang};
        PyObject *s = whole_text(self->st, sanction_text_fn, &x);
        if (!s) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, s);
    }
    return t;
}

/* A tuple of the n items a context lists (periods, articles, citations), each built by item(). */
static PyObject *listing(context_object *self, size_t n, PyObject *(*item)(context_object *, size_t))
{
    PyObject *t = PyTuple_New((Py_ssize_t)n);
    for (size_t i = 0; t && i < n; i++) {
        PyObject *o = item(self, i);
        if (!o) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, o);
    }
    return t;
}

static PyObject *period_item(context_object *self, size_t i)
{
    kzp_mci_period p;
    kzp_mci_period_at(&p, self->ctx, i);
    PyObject *v[4] = {date_of(self, p.from), PyLong_FromLongLong(p.tenge),
                      PyUnicode_FromString(p.purpose_all ? "all" : kzp_purpose_name(p.purpose)),
                      citation_of(self, p.citation)};
    return make_struct(self->st->period_t, v, 4);
}

/* One MCI period an update added or replaced, with the update's file and SHA-256 as the library
 * kept them (the file's name as the file system spelt it, decoded as os.fsdecode does). */
static PyObject *update_item(context_object *self, size_t i)
{
    kzp_update u;
    if (kzp_update_at(&u, self->ctx, i) != KZP_OK) {
        return PyErr_Format(PyExc_SystemError, "the library lists no update at %zu", i);
    }
    const kzp_mci_period *p = &u.period;
    PyObject *v[6] = {PyUnicode_DecodeFSDefault(u.source),
                      PyUnicode_FromString(u.sha256),
                      date_of(self, p->from),
                      PyLong_FromLongLong(p->tenge),
                      PyUnicode_FromString(p->purpose_all ? "all" : kzp_purpose_name(p->purpose)),
                      citation_of(self, p->citation)};
    return make_struct(self->st->update_t, v, 6);
}

static PyObject *article_item(context_object *self, size_t i)
{
    kzp_article a;
    kzp_article_at(&a, self->ctx, i);
    PyObject *v[5] = {PyUnicode_FromString(a.id), texts_by_lang(a.title),
                      word_of(self->st, kzp_category_name(a.category)), date_from_iso(a.in_force_from),
                      citation_of(self, a.citation)};
    return make_struct(self->st->article_t, v, 5);
}

static PyObject *citation_item(context_object *self, size_t i)
{
    const kzp_citation *c = NULL;
    if (kzp_citation_at(&c, self->ctx, i) != KZP_OK) {
        return PyErr_Format(PyExc_SystemError, "the library lists no citation at %zu", i);
    }
    return citation_of(self, c);
}

static PyObject *ctx_mci_table(context_object *self, PyObject *Py_UNUSED(ignored))
{
    kzp_dataset_info info;
    kzp_ctx_info(&info, self->ctx);
    return listing(self, info.mci_period_count, period_item);
}

static PyObject *ctx_articles(context_object *self, PyObject *Py_UNUSED(ignored))
{
    kzp_dataset_info info;
    kzp_ctx_info(&info, self->ctx);
    return listing(self, info.article_count, article_item);
}

/* Every citation of the dataset once, as the library lists them (the same objects results hold). */
static PyObject *ctx_citations(context_object *self, PyObject *Py_UNUSED(ignored))
{
    return listing(self, kzp_citation_count(self->ctx), citation_item);
}

/* The MCI periods of every update applied to this Context, the first applied first: the tuple
 * every receipt of this Context holds. */
static PyObject *ctx_updates(context_object *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(self->updates);
}

static PyObject *ctx_sha256(context_object *self, void *Py_UNUSED(closure))
{
    return PyUnicode_FromString(kzp_ctx_sha256(self->ctx));
}

static PyObject *ctx_info(context_object *self, void *Py_UNUSED(closure))
{
    kzp_dataset_info i;
    kzp_ctx_info(&i, self->ctx);
    PyObject *v[9] = {
        PyUnicode_FromString(i.id),          PyUnicode_FromString(i.version),    date_from_iso(i.verified_on),
        PyUnicode_FromString(i.fingerprint), date_from_iso(i.mci_known_until),   PyLong_FromLong(i.schema_version),
        PyBool_FromLong(i.hypothetical),     PyLong_FromSize_t(i.article_count), PyLong_FromSize_t(i.citation_count)};
    return make_struct(self->st->info_t, v, 9);
}

/* ---- Construction ---- */

/* Set up a new Context; on failure the object is released by the caller. The receipt and the
 * updates it lists are built here, once; everything else a Context keeps is filled lazily, from
 * what the library returns. */
static int context_setup(context_object *self, module_state *st, kzp_ctx *ctx)
{
    self->ctx = ctx;
    self->st = st;
    self->updates = listing(self, kzp_update_count(ctx), update_item);
    if (!self->updates) {
        return -1;
    }
    kzp_dataset_info info;
    kzp_ctx_info(&info, ctx);
    PyObject *v[7] = {PyUnicode_FromString(kzp_version_string()), PyUnicode_FromString(info.id),
                      PyUnicode_FromString(info.version),         PyUnicode_FromString(info.fingerprint),
                      PyUnicode_FromString(kzp_ctx_sha256(ctx)),  Py_NewRef(self->updates),
                      PyBool_FromLong(info.hypothetical)};
    self->receipt = make_struct(st->receipt_t, v, 7);
    return self->receipt ? 0 : -1;
}

static PyObject *context_wrap(module_state *st, PyTypeObject *type, kzp_ctx *ctx)
{
    context_object *self = (context_object *)type->tp_alloc(type, 0);
    if (!self) {
        kzp_ctx_free(ctx);
        return NULL;
    }
    if (context_setup(self, st, ctx) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static module_state *state_of_type(PyTypeObject *type)
{
    return (module_state *)PyType_GetModuleState(type);
}

static PyObject *context_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (PyTuple_GET_SIZE(args) > 0 || (kw && PyDict_GET_SIZE(kw) > 0)) {
        PyErr_SetString(PyExc_TypeError, "Context() takes no arguments; use Context.from_file(), "
                                         "Context.from_json(), .with_mci() or .what_if()");
        return NULL;
    }
    module_state *st = state_of_type(type);
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc = kzp_ctx_new(&ctx, &err);
    return rc ? raise_status(st, rc, &err) : context_wrap(st, type, ctx);
}

static int text_arg(PyObject *o, const char **data, Py_ssize_t *len, const char *what)
{
    if (PyUnicode_Check(o)) {
        *data = PyUnicode_AsUTF8AndSize(o, len);
        return *data ? 0 : -1;
    }
    if (PyBytes_Check(o)) {
        *data = PyBytes_AS_STRING(o);
        *len = PyBytes_GET_SIZE(o);
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "%s must be str or bytes, not %.80s", what, Py_TYPE(o)->tp_name);
    return -1;
}

static PyObject *context_from_file(PyTypeObject *type, PyObject *arg)
{
    module_state *st = state_of_type(type);
    PyObject *path = NULL;
    if (!PyUnicode_FSConverter(arg, &path)) {
        return NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc;
    /* reading may wait (a FIFO waits for its writer) and parsing takes a while: other threads run */
    PyThreadState *ts = PyEval_SaveThread();
    rc = kzp_ctx_new_from_file(&ctx, PyBytes_AS_STRING(path), &err);
    PyEval_RestoreThread(ts);
    Py_DECREF(path);
    return rc ? raise_status(st, rc, &err) : context_wrap(st, type, ctx);
}

static PyObject *context_from_json(PyTypeObject *type, PyObject *arg)
{
    module_state *st = state_of_type(type);
    const char *data;
    Py_ssize_t len;
    if (text_arg(arg, &data, &len, "text") < 0) {
        return NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc;
    /* the text is the caller's immutable str or bytes, alive for the call: other threads run */
    PyThreadState *ts = PyEval_SaveThread();
    rc = kzp_ctx_new_from_buffer(&ctx, data, (size_t)len, &err);
    PyEval_RestoreThread(ts);
    return rc ? raise_status(st, rc, &err) : context_wrap(st, type, ctx);
}

static PyObject *ctx_with_mci(context_object *self, PyObject *arg)
{
    const char *data;
    Py_ssize_t len;
    if (text_arg(arg, &data, &len, "update") < 0) {
        return NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc;
    /* the update is immutable and this Context never changes: other threads run while it is merged */
    PyThreadState *ts = PyEval_SaveThread();
    rc = kzp_ctx_new_with_mci(&ctx, self->ctx, data, (size_t)len, &err);
    PyEval_RestoreThread(ts);
    return rc ? raise_status(self->st, rc, &err) : context_wrap(self->st, Py_TYPE(self), ctx);
}

static PyObject *ctx_with_mci_file(context_object *self, PyObject *arg)
{
    PyObject *path = NULL;
    if (!PyUnicode_FSConverter(arg, &path)) {
        return NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc;
    /* reading and merging take a while and this Context never changes: other threads run */
    PyThreadState *ts = PyEval_SaveThread();
    rc = kzp_ctx_new_with_mci_file(&ctx, self->ctx, PyBytes_AS_STRING(path), &err);
    PyEval_RestoreThread(ts);
    Py_DECREF(path);
    return rc ? raise_status(self->st, rc, &err) : context_wrap(self->st, Py_TYPE(self), ctx);
}

/* One path of with_updates' where, as the file system's bytes (a new reference), or NULL with an
 * error set. The library reads where as a ':'-separated list, so a path that holds ':' cannot be
 * named in it, and an empty one would be skipped without a word: both are refused. */
static PyObject *one_update_path(module_state *st, PyObject *o)
{
    PyObject *path = NULL;
    if (!PyUnicode_FSConverter(o, &path)) {
        return NULL;
    }
    const char *p = PyBytes_AS_STRING(path);
    if (*p == '\0' || strchr(p, ':')) {
        kzp_error err = {.code = KZP_E_INVALID_ARG};
        if (*p) {
            snprintf(err.message, sizeof err.message,
                     "where: '%.150s' cannot be one path of the list: a ':' separates its paths", p);
        } else {
            snprintf(err.message, sizeof err.message, "where: an empty path names no file");
        }
        Py_DECREF(path);
        return raise_status(st, KZP_E_INVALID_ARG, &err);
    }
    return path;
}

/* with_updates' where as the text the library takes: a str or bytes as it is (a ':'-separated
 * list, as KZPENALTY_UPDATES is read); an os.PathLike, or each item of a list or tuple, as one
 * path, joined with ':'. A new bytes reference, or NULL with an error set. */
static PyObject *where_text(module_state *st, PyObject *where)
{
    if (PyUnicode_Check(where) || PyBytes_Check(where)) {
        PyObject *path = NULL;
        return PyUnicode_FSConverter(where, &path) ? path : NULL;
    }
    if (!PyList_Check(where) && !PyTuple_Check(where)) {
        if (!PyObject_HasAttrString(where, "__fspath__")) {
            PyErr_Format(PyExc_TypeError,
                         "where must be None, a str, bytes, an os.PathLike or a list of them, not %.80s",
                         Py_TYPE(where)->tp_name);
            return NULL;
        }
        return one_update_path(st, where);
    }
    PyObject *items = PySequence_Fast(where, "where");
    if (!items) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(items);
    PyObject *parts = PyList_New(n);
    for (Py_ssize_t i = 0; parts && i < n; i++) {
        PyObject *part = one_update_path(st, PySequence_Fast_GET_ITEM(items, i));
        if (!part) {
            Py_CLEAR(parts);
            break;
        }
        PyList_SET_ITEM(parts, i, part);
    }
    Py_DECREF(items);
    if (!parts) {
        return NULL;
    }
    PyObject *sep = PyBytes_FromStringAndSize(":", 1);
    PyObject *joined = sep ? PyObject_CallMethod(sep, "join", "O", parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    return joined;
}

static PyObject *ctx_with_updates(context_object *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"where", NULL};
    PyObject *where = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:with_updates", kwlist, &where)) {
        return NULL;
    }
    PyObject *text = NULL;
    if (where != Py_None && !(text = where_text(self->st, where))) {
        return NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err;
    int rc;
    if (text) {
        /* the files named are read while other threads run */
        PyThreadState *ts = PyEval_SaveThread();
        rc = kzp_ctx_new_with_updates(&ctx, self->ctx, PyBytes_AS_STRING(text), &err);
        PyEval_RestoreThread(ts);
        Py_DECREF(text);
    } else {
        /* the documented place is read from the environment, which os.environ changes under the
         * GIL: it is held, so that no other thread changes the environment while it is read */
        rc = kzp_ctx_new_with_updates(&ctx, self->ctx, NULL, &err);
    }
    return rc ? raise_status(self->st, rc, &err) : context_wrap(self->st, Py_TYPE(self), ctx);
}

static PyObject *ctx_what_if(context_object *self, PyObject *arg)
{
    if (!PyLong_Check(arg) || PyBool_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "what_if takes the MCI as an int of whole tenge, not %.80s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    int overflow = 0;
    long long tenge = PyLong_AsLongLongAndOverflow(arg, &overflow);
    if (tenge == -1 && PyErr_Occurred()) {
        return NULL;
    }
    kzp_ctx *ctx = NULL;
    kzp_error err = {0};
    if (overflow) {
        /* the library never sees it: say what is wrong with the value given, not with a stand-in */
        int rc = 0;
        amount_refused(&rc, &err, KZP_E_BAD_NUMBER, "mci_tenge",
                       overflow > 0 ? "is too large: it does not fit in 64 bits"
                                    : "is negative, and too large to fit in 64 bits");
        return raise_status(self->st, rc, &err);
    }
    int rc = kzp_ctx_new_what_if(&ctx, self->ctx, tenge, &err);
    return rc ? raise_status(self->st, rc, &err) : context_wrap(self->st, Py_TYPE(self), ctx);
}

static int context_traverse(context_object *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->receipt);
    Py_VISIT(self->updates);
    for (size_t i = 0; i < MAX_RESTRICTIONS; i++) {
        Py_VISIT(self->restr_obj[i]);
    }
    for (size_t i = 0; i < self->n_texts; i++) {
        Py_VISIT(self->text_obj[i]);
    }
    /* the result cache holds only records, tuples and other objects that cannot refer back to
     * a Context, so it needs no visiting */
    for (size_t i = 0; i < MAX_RULES; i++) {
        Py_VISIT(self->scope_obj[i]);
    }
    for (size_t i = 0; i < MAX_CACHED; i++) {
        Py_VISIT(self->dec_obj[i]);
    }
    for (size_t i = 0; i < DATE_SLOTS; i++) {
        Py_VISIT(self->date_obj[i]);
    }
    /* cit_obj holds records (Citation), which cannot refer back to a Context */
    return 0;
}

static int context_clear(context_object *self)
{
    for (size_t i = 0; i < MAX_CACHED; i++) {
        Py_CLEAR(self->dec_obj[i]);
    }
    for (size_t i = 0; i < CIT_SLOTS; i++) {
        Py_CLEAR(self->cit_obj[i]);
        self->cit_key[i] = NULL;
    }
    for (size_t i = 0; i < DATE_SLOTS; i++) {
        Py_CLEAR(self->date_obj[i]);
    }
    for (size_t i = 0; i < MAX_RESTRICTIONS; i++) {
        Py_CLEAR(self->restr_obj[i]);
    }
    for (size_t i = 0; i < self->n_texts; i++) {
        Py_CLEAR(self->text_obj[i]);
    }
    self->n_texts = 0;
    cache_free(self->cache);
    self->cache = NULL;
    for (size_t i = 0; i < MAX_RULES; i++) {
        Py_CLEAR(self->scope_obj[i]);
    }
    self->n_restr = 0;
    self->n_dec = 0;
    Py_CLEAR(self->receipt);
    Py_CLEAR(self->updates);
    return 0;
}

static void context_dealloc(context_object *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    context_clear(self);
    kzp_ctx_free(self->ctx);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyObject *context_repr(context_object *self)
{
    kzp_dataset_info i;
    kzp_ctx_info(&i, self->ctx);
    return PyUnicode_FromFormat("<kzpenalty.Context dataset=%s version=%s mci_known_until=%s%s>", i.id, i.version,
                                i.mci_known_until, i.hypothetical ? " hypothetical" : "");
}

static PyMethodDef context_methods[] = {
    {"mci", (PyCFunction)(void (*)(void))ctx_mci, METH_FASTCALL | METH_KEYWORDS,
     "mci($self, /, date, purpose='fines', *, allow_stale=False, strict=False)\n--\n\n-> Mci\n\nThe MCI in force on "
     "date (a "
     "datetime.date or 'YYYY-MM-DD'), for fines or benefits, with its citation. Raises StaleMciError after the table's "
     "known end unless allow_stale."},
    {"range", (PyCFunction)(void (*)(void))ctx_range, METH_FASTCALL | METH_KEYWORDS,
     "range($self, /, article, date, *, mitigated=False, accelerated=False, order_procedure=False, "
     "allow_stale=False, strict=False)\n--\n\n-> Range\n\nThe alternative sanctions of article for an offence on date. "
     "Each has the bounds that "
     "apply (min, max: Bound records with the amount as a Decimal, tiyn for amounts in MCI, the source and the rule "
     "behind it), the article's and the General Part's bounds, the persons it may not be imposed on and its citation; "
     "the range lists the payments collected beside the punishment, the citations used and the receipt. mitigated / "
     "accelerated apply the Art. 55 half cap (parts 2/3; they do not stack); order_procedure gives the order "
     "procedure's range. Flags are bools."},
    {"fine", (PyCFunction)(void (*)(void))ctx_fine, METH_FASTCALL | METH_KEYWORDS,
     "fine($self, /, mci_count, date, *, allow_stale=False, strict=False)\n--\n\n-> Fine\n\nA fine of mci_count MCI "
     "(int, "
     "decimal.Decimal or str such as '0.2'; never float) for an offence on date, priced exactly in tiyn with the MCI "
     "in force that day (Art. 41 part 1)."},
    {"check", (PyCFunction)(void (*)(void))ctx_check, METH_FASTCALL | METH_KEYWORDS,
     "check($self, /, article, date, kind, amount, *, mitigated=False, accelerated=False, order_procedure=False, "
     "allow_stale=False, strict=False)\n--\n\n-> Check\n\nWhether a proposed sentence (kind: a kind word of the "
     "library, "
     "such as 'fine' or 'arrest'; amount in the kind's unit) fits the range; which bound it breaks, by how much, and "
     "the rule that sets that bound (limit_source, limit_citation)."},
    {"convert", (PyCFunction)(void (*)(void))ctx_convert, METH_FASTCALL | METH_KEYWORDS,
     "convert($self, /, amount, from_kind, to_kind, *, rule='aggregation')\n--\n\n-> Conversion\n\nAn amount of one "
     "kind of "
     "punishment converted into another under a rule: 'aggregation' (Art. 61), 'unpaid-fine' or 'evaded-service'; "
     "the whole number of to_kind units and the remainder in from_kind's unit, with the rule, what it is for (scope) "
     "and its citation. Nothing is rounded; a pair the rule does not allow raises NoRuleError."},
    {"sanction_texts", (PyCFunction)(void (*)(void))ctx_sanction_texts, METH_FASTCALL | METH_KEYWORDS,
     "sanction_texts($self, /, article, date, lang='en', *, mitigated=False, accelerated=False, "
     "order_procedure=False, allow_stale=False, strict=False)\n--\n\n-> tuple[str, ...]\n\nEach alternative of the "
     "range as a sentence ready to "
     "paste into a verdict, in 'en', 'ru' or 'kk'."},
    {"mci_table", (PyCFunction)ctx_mci_table, METH_NOARGS,
     "mci_table($self, /)\n--\n\n-> tuple[MciPeriod, ...]\n\nThe whole MCI table in ascending order, each period with "
     "its citation."},
    {"articles", (PyCFunction)ctx_articles, METH_NOARGS,
     "articles($self, /)\n--\n\n-> tuple[Article, ...]\n\nThe articles the dataset encodes."},
    {"citations", (PyCFunction)ctx_citations, METH_NOARGS,
     "citations($self, /)\n--\n\n-> tuple[Citation, ...]\n\nEvery source of the dataset once, in the library's "
     "order (info.citation_count of them): what a receipt's citations are drawn from."},
    {"with_mci", (PyCFunction)ctx_with_mci, METH_O,
     "with_mci($self, update, /)\n--\n\n-> Context\n\nA new Context with MCI periods added or replaced from a JSON "
     "update (str or "
     "bytes; docs/dataset.md). This Context is not changed; a bad update raises and changes nothing."},
    {"with_mci_file", (PyCFunction)ctx_with_mci_file, METH_O,
     "with_mci_file($self, path, /)\n--\n\n-> Context\n\nA new Context with the MCI update of the file at path (str, "
     "bytes or os.PathLike; the format of with_mci). updates() lists its periods with the file and its SHA-256. "
     "This Context is not changed; a bad file raises an error naming it and changes nothing."},
    {"with_updates", (PyCFunction)(void (*)(void))ctx_with_updates, METH_VARARGS | METH_KEYWORDS,
     "with_updates($self, /, where=None)\n--\n\n-> Context\n\nA new Context with every MCI update file of where "
     "applied in order, as the library finds them: a str is a ':'-separated list of files and directories (a "
     "directory gives its *.json files by name); an os.PathLike, or each item of a list, is one path. None reads "
     "the documented place, as the command does: $KZPENALTY_UPDATES when set, else kzpenalty/updates under the XDG "
     "data directories. With no file found, a Context with the same data. One broken file raises, naming it, and "
     "nothing is applied. A Context is never given updates unless this is asked."},
    {"updates", (PyCFunction)ctx_updates, METH_NOARGS,
     "updates($self, /)\n--\n\n-> tuple[Update, ...]\n\nThe MCI periods the updates applied to this Context added "
     "or replaced, the first applied first: the file (source, '' for with_mci), its SHA-256 and the period; the "
     "same tuple as every result's receipt.updates."},
    {"what_if", (PyCFunction)ctx_what_if, METH_O,
     "what_if($self, mci_tenge, /)\n--\n\n-> Context\n\nA new Context in which the MCI is mci_tenge (an int of whole "
     "tenge) on every "
     "date; its results are marked hypothetical."},
    {"from_file", (PyCFunction)context_from_file, METH_O | METH_CLASS,
     "from_file($type, path, /)\n--\n\n-> Context\n\nA Context from a dataset file (docs/dataset.md); raises a "
     "KzpError subclass naming "
     "the JSON path, line and column of the first problem."},
    {"from_json", (PyCFunction)context_from_json, METH_O | METH_CLASS,
     "from_json($type, text, /)\n--\n\n-> Context\n\nA Context from a dataset in a str or bytes."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef context_getset[] = {
    {"info", (getter)ctx_info, NULL, "DatasetInfo: id, version, verified_on, fingerprint, mci_known_until, ...", NULL},
    {"sha256", (getter)ctx_sha256, NULL,
     "str: the SHA-256 of the dataset's JSON text, 64 hex digits (a derived Context: its base dataset's). '' for a "
     "dataset loaded by a build without nettle (pip's and npm's builds).",
     NULL},

    {NULL, NULL, NULL, NULL, NULL},
};

static const char CONTEXT_DOC[] =
    "Context()\n--\n\nThe legal dataset embedded in the library, validated and immutable: share one Context between "
    "threads freely. Build others with Context.from_file(), Context.from_json(), .with_mci(), .with_mci_file(), "
    ".with_updates() or .what_if(). No MCI update file is applied unless .with_updates() is asked.";

static PyType_Slot context_slots[] = {
    {Py_tp_doc, (void *)CONTEXT_DOC},   {Py_tp_new, context_new},     {Py_tp_dealloc, context_dealloc},
    {Py_tp_traverse, context_traverse}, {Py_tp_clear, context_clear}, {Py_tp_methods, context_methods},
    {Py_tp_getset, context_getset},     {Py_tp_repr, context_repr},   {0, NULL},
};

static PyType_Spec context_spec = {
    .name = "kzpenalty.Context",
    .basicsize = sizeof(context_object),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = context_slots,
};

/* ---- Module functions: words and formatting ---- */

typedef struct words_arg {
    int64_t n;
    int lang, gender, gcase, which;
} words_arg;

static int words_fn(char *buf, size_t size, const void *p)
{
    const words_arg *x = p;
    switch (x->which) {
    case 0: return kzp_number_words(buf, size, x->n, x->lang, x->gender, x->gcase);
    case 1: return kzp_tenge_words(buf, size, x->n, x->lang);
    default: return kzp_tenge_figures_words(buf, size, x->n, x->lang);
    }
}

/* The words functions say only their status; a number they do not spell gets a message that
 * names it and the range they spell (KZP_WORDS_MAX, the library's constant). */
static PyObject *words_text(module_state *st, const words_arg *x)
{
    PyObject *s = whole_text(st, words_fn, x);
    if (!s && PyErr_ExceptionMatches(error_class(st, KZP_E_BAD_NUMBER))) {
        PyErr_Clear();
        kzp_error e = {.code = KZP_E_BAD_NUMBER};
        if (x->which == 0) {
            snprintf(e.message, sizeof e.message, "n is %lld: numbers are spelt from 0 to %lld", (long long)x->n,
                     (long long)KZP_WORDS_MAX);
        } else {
            snprintf(e.message, sizeof e.message, "tiyn is %lld: amounts are spelt from 0 to %lld tenge",
                     (long long)x->n, (long long)KZP_WORDS_MAX);
        }
        raise_status(st, KZP_E_BAD_NUMBER, &e);
    }
    return s;
}

/* A whole number for the words functions, or for format_tenge. Beyond 64 bits: the words
 * functions' own status (a number they do not spell, KZP_E_BAD_NUMBER), or for format_tenge,
 * which has no such status, OverflowError; never a clamped value. */
static int whole_arg(module_state *st, PyObject *o, int64_t *out, const char *what)
{
    if (!PyLong_Check(o) || PyBool_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s must be an int, not %.80s", what, Py_TYPE(o)->tp_name);
        return -1;
    }
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow) {
        kzp_error err = {0};
        int rc = 0;
        amount_refused(&rc, &err, KZP_E_BAD_NUMBER, what,
                       overflow > 0 ? "is too large: it does not fit in 64 bits"
                                    : "is negative, and too large to fit in 64 bits");
        raise_status(st, rc, &err);
        return -1;
    }
    *out = (int64_t)v;
    return 0;
}

static int tiyn_arg(PyObject *o, int64_t *out)
{
    if (!PyLong_Check(o) || PyBool_Check(o)) {
        PyErr_Format(PyExc_TypeError, "an amount of tiyn must be an int, not %.80s", Py_TYPE(o)->tp_name);
        return -1;
    }
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "the amount does not fit in 64 bits"); /* never clamp */
        return -1;
    }
    *out = (int64_t)v;
    return 0;
}

static PyObject *mod_number_words(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"n", "lang", "gender", "case", NULL};
    module_state *st = state_of_module(m);
    PyObject *n_o, *lang_o = NULL, *gender_o = NULL, *case_o = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O$OO:number_words", kwlist, &n_o, &lang_o, &gender_o, &case_o)) {
        return NULL;
    }
    int64_t n;
    int lang = KZP_LANG_EN, gender = KZP_GENDER_MASCULINE, gcase = KZP_CASE_NOMINATIVE;
    if (whole_arg(st, n_o, &n, "n") < 0 || (lang_o && lang_arg(lang_o, &lang) < 0) ||
        (gender_o && said_word_arg(gender_o, kzp_gender_parse, &gender, "gender") < 0) ||
        (case_o && said_word_arg(case_o, kzp_gcase_parse, &gcase, "case") < 0)) {
        return NULL;
    }
    words_arg x = {n, lang, gender, gcase, 0};
    return words_text(st, &x);
}

static PyObject *money_text(PyObject *m, PyObject *args, int which)
{
    PyObject *t_o, *lang_o = NULL;
    if (!PyArg_ParseTuple(args, "O|O", &t_o, &lang_o)) {
        return NULL;
    }
    int64_t tiyn;
    int lang = KZP_LANG_EN;
    if (whole_arg(state_of_module(m), t_o, &tiyn, "tiyn") < 0 || (lang_o && lang_arg(lang_o, &lang) < 0)) {
        return NULL;
    }
    words_arg x = {tiyn, lang, 0, 0, which + 1};
    return words_text(state_of_module(m), &x);
}

static PyObject *mod_tenge_words(PyObject *m, PyObject *args)
{
    return money_text(m, args, 0);
}
static PyObject *mod_tenge_figures_words(PyObject *m, PyObject *args)
{
    return money_text(m, args, 1);
}

static PyObject *mod_format_tenge(PyObject *Py_UNUSED(m), PyObject *args)
{
    PyObject *t_o, *style_o = NULL;
    if (!PyArg_ParseTuple(args, "O|O:format_tenge", &t_o, &style_o)) {
        return NULL;
    }
    int64_t tiyn;
    int style = KZP_MONEY_SIGN;
    if (tiyn_arg(t_o, &tiyn) < 0 || (style_o && said_word_arg(style_o, kzp_money_style_parse, &style, "style") < 0)) {
        return NULL;
    }
    char buf[96];
    kzp_tenge_format(buf, sizeof buf, tiyn, style);
    return PyUnicode_FromString(buf);
}

static PyObject *mod_validate_dataset(PyObject *m, PyObject *arg)
{
    module_state *st = state_of_module(m);
    const char *data;
    Py_ssize_t len;
    if (text_arg(arg, &data, &len, "text") < 0) {
        return NULL;
    }
    enum { CAP = 200 };
    kzp_error *errs = PyMem_Calloc(CAP, sizeof *errs);
    if (!errs) {
        return PyErr_NoMemory();
    }
    size_t count = 0;
    if (kzp_dataset_validate(errs, CAP, &count, data, (size_t)len) == KZP_E_NOMEM) {
        PyMem_Free(errs); /* out of memory before a list could be made: not "no problems" */
        return PyErr_NoMemory();
    }
    size_t shown = count < CAP ? count : CAP;
    PyObject *t = PyTuple_New((Py_ssize_t)shown);
    for (size_t i = 0; t && i < shown; i++) {
        PyObject *v[5] = {PyUnicode_FromString(kzp_status_name(errs[i].code)), PyUnicode_FromString(errs[i].path),
                          PyLong_FromLong(errs[i].line), PyLong_FromLong(errs[i].column),
                          PyUnicode_FromString(errs[i].message)};
        PyObject *o = make_struct(st->problem_t, v, 5);
        if (!o) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, o);
    }
    PyMem_Free(errs);
    return t;
}

static PyMethodDef module_methods[] = {
    {"number_words", (PyCFunction)(void (*)(void))mod_number_words, METH_VARARGS | METH_KEYWORDS,
     "number_words($module, /, n, lang='en', *, gender='masculine', case='nominative')\n--\n\n-> str\n\nA whole number "
     "0..999 999 999 999 "
     "in words; gender and case shape Russian numerals ('одна тысяча', 'до двухсот')."},
    {"tenge_words", mod_tenge_words, METH_VARARGS,
     "tenge_words($module, tiyn, lang='en', /)\n--\n\n-> str\n\nAn amount of tiyn as tenge in words; tiyn follow in "
     "figures."},
    {"tenge_figures_words", mod_tenge_figures_words, METH_VARARGS,
     "tenge_figures_words($module, tiyn, lang='en', /)\n--\n\n-> str\n\nAn amount as verdicts write it: '865 000 "
     "(восемьсот шестьдесят "
     "пять тысяч) тенге'."},
    {"format_tenge", mod_format_tenge, METH_VARARGS,
     "format_tenge($module, tiyn, style='sign', /)\n--\n\n-> str\n\nTenge for people: style 'sign' (865 000 ₸), 'ru', "
     "'kk', 'en' (865,000 "
     "KZT) or 'plain'."},
    {"validate_dataset", mod_validate_dataset, METH_O,
     "validate_dataset($module, text, /)\n--\n\n-> tuple[Problem, ...]\n\nEvery problem of a dataset (str or bytes), "
     "each with code, JSON "
     "path, line, column and message; empty when valid."},
    {NULL, NULL, 0, NULL},
};

/* ---- Struct sequence types ---- */

#define F(name)                                                                                                        \
    {                                                                                                                  \
        name, NULL                                                                                                     \
    }

static PyStructSequence_Field CITATION_F[] = {F("id"),      F("act"),  F("reference"), F("document"),
                                              F("seen_in"), F("note"), F("status"),    {NULL, NULL}};
static PyStructSequence_Field RECEIPT_F[] = {
    F("library"),        F("dataset"), F("dataset_version"), F("dataset_fingerprint"),
    F("dataset_sha256"), F("updates"), F("hypothetical"),    {NULL, NULL}};
static PyStructSequence_Field INFO_F[] = {F("id"),           F("version"),         F("verified_on"),
                                          F("fingerprint"),  F("mci_known_until"), F("schema_version"),
                                          F("hypothetical"), F("article_count"),   F("citation_count"),
                                          {NULL, NULL}};
static PyStructSequence_Field MCI_F[] = {F("tenge"), F("from_date"), F("valid_from"), F("valid_until"), F("purpose"),
                                         F("stale"), F("certainty"), F("citation"),   {NULL, NULL}};
static PyStructSequence_Field PERIOD_F[] = {F("from_date"), F("tenge"), F("purpose"), F("citation"), {NULL, NULL}};
static PyStructSequence_Field UPDATE_F[] = {F("source"),  F("sha256"),   F("from_date"), F("tenge"),
                                            F("purpose"), F("citation"), {NULL, NULL}};
static PyStructSequence_Field ARTICLE_F[] = {F("id"),       F("title"),  F("category"), F("in_force_from"),
                                             F("citation"), {NULL, NULL}};
static PyStructSequence_Field BOUND_F[] = {F("amount"), F("tiyn"), F("source"), F("citation"), {NULL, NULL}};
static PyStructSequence_Field RESTRICTION_F[] = {F("id"), F("kind"), F("persons"), F("citation"), {NULL, NULL}};
static PyStructSequence_Field SANCTION_F[] = {
    F("kind"),        F("unit"),        F("min"),           F("max"),    F("article_min"), F("article_max"),
    F("general_min"), F("general_max"), F("min_lifted_by"), F("capped"), F("per_day_max"), F("per_day_citation"),
    F("restriction"), F("citation"),    {NULL, NULL}};
static PyStructSequence_Field PAYMENT_F[] = {F("id"),       F("name"),        F("mci"),
                                             F("priced"),   F("amount_tiyn"), F("certainty"),
                                             F("citation"), F("priced_by"),   {NULL, NULL}};
static PyStructSequence_Field RANGE_F[] = {F("article"),
                                           F("offence_date"),
                                           F("valid_from"),
                                           F("valid_until"),
                                           F("mitigated"),
                                           F("accelerated"),
                                           F("order_procedure"),
                                           F("mci"),
                                           F("sanctions"),
                                           F("omitted"),
                                           F("order_procedure_rule"),
                                           F("omitted_because"),
                                           F("payments"),
                                           F("certainty"),
                                           F("stale"),
                                           F("basis"),
                                           F("receipt"),
                                           {NULL, NULL}};
static PyStructSequence_Field FINE_F[] = {F("mci_count"),   F("offence_date"), F("valid_from"), F("valid_until"),
                                          F("amount_tiyn"), F("mci"),          F("certainty"),  F("stale"),
                                          F("basis"),       F("receipt"),      {NULL, NULL}};
static PyStructSequence_Field CHECK_F[] = {
    F("fits"),         F("violation"),      F("kind"),       F("unit"),        F("amount"), F("limit"),   F("excess"),
    F("limit_source"), F("limit_citation"), F("valid_from"), F("valid_until"), F("range"),  F("receipt"), {NULL, NULL}};
static PyStructSequence_Field CONVERSION_F[] = {
    F("from_kind"), F("amount"), F("to_kind"), F("whole"),    F("remainder"), F("remainder_unit"), F("exact"),
    F("certainty"), F("rule"),   F("scope"),   F("citation"), F("receipt"),   {NULL, NULL}};
static PyStructSequence_Field PROBLEM_F[] = {F("code"), F("path"), F("line"), F("column"), F("message"), {NULL, NULL}};

/* A record type with the given fields: read-only attributes, _fields, _asdict(), ==, hash. */
static PyTypeObject *new_struct_type(PyObject *m, const char *qualname, const char *doc, PyStructSequence_Field *f)
{
    int n = 0;
    while (f[n].name) {
        n++;
    }
    PyMemberDef *members = PyMem_Calloc((size_t)n + 1, sizeof *members);
    if (!members) {
        PyErr_NoMemory();
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        members[i].name = f[i].name;
        members[i].type = T_OBJECT_EX;
        members[i].offset = (Py_ssize_t)(offsetof(record_object, fields) + (size_t)i * sizeof(PyObject *));
        members[i].flags = READONLY;
    }
    PyType_Slot slots[] = {
        {Py_tp_dealloc, record_dealloc},
        {Py_tp_repr, record_repr},
        {Py_tp_richcompare, record_richcompare},
        {Py_tp_hash, record_hash},
        {Py_tp_members, members},
        {Py_tp_methods, record_methods},
        {Py_tp_doc, (void *)doc},
        {0, NULL},
    };
    PyType_Spec spec = {
        .name = qualname,
        .basicsize = (int)(offsetof(record_object, fields) + (size_t)n * sizeof(PyObject *)),
        .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
        .slots = slots,
    };
    PyTypeObject *t = (PyTypeObject *)PyType_FromModuleAndSpec(m, &spec, NULL);
    PyMem_Free(members); /* the type copied what it needs from the member table */
    if (!t) {
        return NULL;
    }
    PyObject *names = PyTuple_New(n);
    for (int i = 0; names && i < n; i++) {
        PyObject *s = PyUnicode_InternFromString(f[i].name);
        if (!s) {
            Py_CLEAR(names);
            break;
        }
        PyTuple_SET_ITEM(names, i, s);
    }
    /* _fields on an immutable type: set through the type dict before anyone uses it */
    if (!names || PyDict_SetItemString(t->tp_dict, "_fields", names) < 0 ||
        PyModule_AddObjectRef(m, strrchr(qualname, '.') + 1, (PyObject *)t) < 0) {
        Py_XDECREF(names);
        Py_DECREF(t);
        return NULL;
    }
    Py_DECREF(names);
    PyType_Modified(t);
    return t;
}

static int module_exec(PyObject *m)
{
    module_state *st = state_of_module(m);
    PyDateTime_IMPORT;
    if (!PyDateTimeAPI) {
        return -1;
    }
    PyObject *decimal = PyImport_ImportModule("decimal");
    if (!decimal) {
        return -1;
    }
    st->decimal_type = PyObject_GetAttrString(decimal, "Decimal");
    Py_DECREF(decimal);
    if (!st->decimal_type) {
        return -1;
    }
    for (int i = 0; i < MAX_CERTAINTY && kzp_certainty_name(i); i++) {
        if (!(st->certainty[i] = PyUnicode_InternFromString(kzp_certainty_name(i)))) {
            return -1;
        }
    }
    if (!(st->citation_t = new_struct_type(m, "kzpenalty.Citation", "A source that backs a value.", CITATION_F)) ||
        !(st->receipt_t = new_struct_type(m, "kzpenalty.Receipt",
                                          "What a result was computed with: the library, the dataset, its SHA-256 "
                                          "and the MCI updates applied (the Context's updates()).",
                                          RECEIPT_F)) ||
        !(st->info_t = new_struct_type(m, "kzpenalty.DatasetInfo", "Identity of a context's dataset.", INFO_F)) ||
        !(st->mci_t = new_struct_type(m, "kzpenalty.Mci", "The MCI in force on a date.", MCI_F)) ||
        !(st->period_t = new_struct_type(m, "kzpenalty.MciPeriod", "One period of the MCI table.", PERIOD_F)) ||
        !(st->article_t = new_struct_type(m, "kzpenalty.Article", "An article the dataset encodes.", ARTICLE_F)) ||
        !(st->sanction_t = new_struct_type(m, "kzpenalty.Sanction", "One alternative and its bounds.", SANCTION_F)) ||
        !(st->range_t = new_struct_type(m, "kzpenalty.Range", "The sanction range of an article.", RANGE_F)) ||
        !(st->fine_t = new_struct_type(m, "kzpenalty.Fine", "A fine priced for an offence date.", FINE_F)) ||
        !(st->check_t = new_struct_type(m, "kzpenalty.Check", "A proposed sentence checked.", CHECK_F)) ||
        !(st->conversion_t = new_struct_type(m, "kzpenalty.Conversion", "A conversion under a rule.", CONVERSION_F)) ||
        !(st->bound_t =
              new_struct_type(m, "kzpenalty.Bound", "A bound of a sanction and the rule behind it.", BOUND_F)) ||
        !(st->restriction_t = new_struct_type(m, "kzpenalty.Restriction", "Persons a punishment may not be imposed on.",
                                              RESTRICTION_F)) ||
        !(st->payment_t =
              new_struct_type(m, "kzpenalty.Payment", "A payment collected beside the punishment.", PAYMENT_F)) ||
        !(st->problem_t = new_struct_type(m, "kzpenalty.Problem", "A problem found in a dataset.", PROBLEM_F)) ||
        !(st->update_t = new_struct_type(m, "kzpenalty.Update",
                                         "An MCI period an update added or replaced, with its file.", UPDATE_F))) {
        return -1;
    }
    /* a ValueError, as Python code expects of a bad value; a wrong type stays a TypeError */
    st->error_base = PyErr_NewExceptionWithDoc("kzpenalty.KzpError",
                                               "Base of every error the library reports, a ValueError; .code is the "
                                               "status name (e.g. 'KZP_E_BAD_DATE'), .status the number, .message, "
                                               "and for datasets .path, .line and .column.",
                                               PyExc_ValueError, NULL);
    if (!st->error_base || PyModule_AddObjectRef(m, "KzpError", st->error_base) < 0) {
        return -1;
    }
    /* one class per status, named by the library (kzp_status_class), documented by its message */
    st->n_status = kzp_status_count();
    if (st->n_status < 1 || !(st->errors = PyMem_Calloc((size_t)st->n_status, sizeof *st->errors))) {
        PyErr_NoMemory();
        return -1;
    }
    for (int i = 1; i < st->n_status; i++) {
        const char *name = kzp_status_class(-i);
        char qual[96];
        if (!name) {
            PyErr_Format(PyExc_SystemError, "the library names no error class for status %d", -i);
            return -1;
        }
        snprintf(qual, sizeof qual, "kzpenalty.%s", name);
        st->errors[i] = PyErr_NewExceptionWithDoc(qual, kzp_strerror(-i), st->error_base, NULL);
        if (!st->errors[i] || PyModule_AddObjectRef(m, name, st->errors[i]) < 0) {
            return -1;
        }
    }
    st->context_type = PyType_FromModuleAndSpec(m, &context_spec, NULL);
    if (!st->context_type || PyModule_AddObjectRef(m, "Context", st->context_type) < 0) {
        return -1;
    }
    if (PyModule_AddStringConstant(m, "LIBRARY_VERSION", kzp_version_string()) < 0 ||
        PyModule_AddIntConstant(m, "LIBRARY_VERSION_NUMBER", (long)kzp_version_number()) < 0 ||
        PyModule_AddIntConstant(m, "WORDS_MAX", (long)KZP_WORDS_MAX) < 0) {
        return -1;
    }
    return 0;
}

static int module_traverse(PyObject *m, visitproc visit, void *arg)
{
    module_state *st = state_of_module(m);
    Py_VISIT(st->context_type);
    Py_VISIT(st->error_base);
    Py_VISIT(st->decimal_type);
    for (int i = 0; st->errors && i < st->n_status; i++) {
        Py_VISIT(st->errors[i]);
    }
    for (size_t i = 0; i < st->n_words; i++) {
        Py_VISIT(st->word_obj[i]);
    }
    PyTypeObject *types[] = {st->citation_t, st->receipt_t,     st->info_t,       st->mci_t,
                             st->period_t,   st->article_t,     st->sanction_t,   st->range_t,
                             st->fine_t,     st->check_t,       st->conversion_t, st->problem_t,
                             st->bound_t,    st->restriction_t, st->payment_t,    st->update_t};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        Py_VISIT(types[i]);
    }
    return 0;
}

static int module_clear(PyObject *m)
{
    module_state *st = state_of_module(m);
    Py_CLEAR(st->context_type);
    Py_CLEAR(st->error_base);
    Py_CLEAR(st->decimal_type);
    for (int i = 0; st->errors && i < st->n_status; i++) {
        Py_CLEAR(st->errors[i]);
    }
    PyMem_Free(st->errors);
    st->errors = NULL;
    st->n_status = 0;
    for (int i = 0; i < MAX_CERTAINTY; i++) {
        Py_CLEAR(st->certainty[i]);
    }
    for (size_t i = 0; i < st->n_words; i++) {
        Py_CLEAR(st->word_obj[i]);
    }
    st->n_words = 0;
    PyTypeObject **types[] = {&st->citation_t, &st->receipt_t,     &st->info_t,       &st->mci_t,
                              &st->period_t,   &st->article_t,     &st->sanction_t,   &st->range_t,
                              &st->fine_t,     &st->check_t,       &st->conversion_t, &st->problem_t,
                              &st->bound_t,    &st->restriction_t, &st->payment_t,    &st->update_t};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        Py_CLEAR(*types[i]);
    }
    return 0;
}

static void module_free(void *m)
{
    module_clear((PyObject *)m);
}

static PyModuleDef_Slot module_slots[] = {
    {Py_mod_exec, module_exec},
    {0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "kzpenalty._native",
    .m_doc = "The C core of kzpenalty; use the kzpenalty package.",
    .m_size = sizeof(module_state),
    .m_methods = module_methods,
    .m_slots = module_slots,
    .m_traverse = module_traverse,
    .m_clear = module_clear,
    .m_free = module_free,
};

PyMODINIT_FUNC PyInit__native(void)
{
    return PyModuleDef_Init(&module_def);
}
