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

#define N_STATUS 22 /* KZP_OK .. KZP_E_UNVERIFIED */

typedef struct module_state {
    PyObject *context_type;
    PyTypeObject *citation_t, *receipt_t, *info_t, *mci_t, *period_t, *article_t, *sanction_t, *range_t, *fine_t,
        *check_t, *conversion_t, *problem_t;
    PyObject *error_base;
    PyObject *errors[N_STATUS]; /* by -status */
    PyObject *decimal_type;
    PyObject *certainty[4]; /* interned "official", ... */
} module_state;

static module_state *state_of_module(PyObject *m)
{
    return (module_state *)PyModule_GetState(m);
}

/* ---- Context object ---- */

#define MAX_CACHED 64

typedef struct context_object {
    PyObject_HEAD kzp_ctx *ctx;
    PyObject *receipt;     /* Receipt, built once */
    PyObject *citations;   /* dict: id -> Citation, built once (keeps the objects below alive) */
    PyObject *period_from; /* tuple of date objects, one per MCI period */
    module_state *st;
    /* Lookups by pointer, filled at construction and never changed after: results share
     * these objects instead of building new ones on every call. */
    size_t n_cit;
    const kzp_citation *cit_key[MAX_CACHED];
    PyObject *cit_obj[MAX_CACHED]; /* borrowed from citations */
    size_t n_periods;
    char period_iso[MAX_CACHED][11];
    PyObject *fine_basis[MAX_CACHED]; /* (Art. 41 citation, period citation) per period, owned */
    const kzp_citation *fine_basis_key[MAX_CACHED][2];
    /* Mci objects by [period][purpose][stale], filled lazily under the GIL; owned. */
    PyObject *mci_cache[MAX_CACHED][2][2];
    /* Decimal objects for the few distinct bounds a dataset has, filled lazily under the GIL. */
    size_t n_dec;
    int64_t dec_key[MAX_CACHED];
    PyObject *dec_obj[MAX_CACHED]; /* owned */
} context_object;

/* ---- Errors ---- */

static const char *const ERROR_NAMES[N_STATUS] = {
    NULL,
    "InvalidArgumentError",
    "OutOfMemoryError",
    "DataFileError",
    "JSONSyntaxError",
    "SchemaError",
    "SchemaVersionError",
    "BadDateError",
    "BadNumberError",
    "AmountOverflowError",
    "DataValueError",
    "DataOrderError",
    "DataReferenceError",
    "DataDuplicateError",
    "UnknownKindError",
    "UnknownArticleError",
    "NotInForceError",
    "StaleMciError",
    "MciBeforeFirstError",
    "NoSanctionError",
    "NoRuleError",
    "UnverifiedError",
};

/* Raise the exception class for rc, with the details of err (may be NULL). Returns NULL. */
static PyObject *raise_status(module_state *st, int rc, const kzp_error *err)
{
    int idx = -rc;
    PyObject *cls = idx > 0 && idx < N_STATUS ? st->errors[idx] : st->error_base;
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

/* A date: datetime.date (not datetime) or an ISO string. buf receives "YYYY-MM-DD". */
static int date_arg(PyObject *o, char buf[16], const char *what)
{
    if (PyDateTime_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s must be a datetime.date or an ISO string, not a datetime", what);
        return -1;
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
        return 0;
    }
    if (PyUnicode_Check(o)) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(o, &n);
        if (!s) {
            return -1;
        }
        bool nul = memchr(s, '\0', (size_t)n) != NULL;
        if (n > 15) {
            n = 15; /* longer is not a date: the library says so */
        }
        memcpy(buf, s, (size_t)n);
        buf[n] = '\0';
        if (nul) {
            buf[0] = '?'; /* "2026-02-10\0x" must not pass as 2026-02-10 */
        }
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "%s must be a datetime.date or an ISO string, not %.80s", what, Py_TYPE(o)->tp_name);
    return -1;
}

/* An amount: int (whole units), decimal.Decimal or str ("0.2"); never float or bool.
 * Returns 0, -1 with a Python error set, or a negative kzp status (>= -N_STATUS) in *rc. */
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
        if (overflow || v > INT64_MAX / 100 || v < INT64_MIN / 100) {
            *rc = KZP_E_OVERFLOW;
            snprintf(err->message, sizeof err->message, "%s is too large", what);
            return 0;
        }
        if (v < 0) {
            *rc = KZP_E_BAD_NUMBER;
            snprintf(err->message, sizeof err->message, "%s cannot be negative", what);
            return 0;
        }
        *centi = (int64_t)v * 100;
        return 0;
    }
    PyObject *text;
    if (PyUnicode_Check(o)) {
        text = Py_NewRef(o);
    } else if (PyObject_TypeCheck(o, (PyTypeObject *)st->decimal_type)) {
        /* str() is the cheap way; an exponent form (Decimal('2E+2')) is written out with
         * format 'f', which keeps every digit */
        /* ... but only for exponents that fit: Decimal('1E+999999999') must not become a
         * gigabyte of digits; and capitals=0 writes the exponent as 'e' */
        text = PyObject_Str(o);
        Py_ssize_t tl = text ? PyUnicode_GET_LENGTH(text) : 0;
        if (text && (PyUnicode_FindChar(text, 'E', 0, tl, 1) >= 0 || PyUnicode_FindChar(text, 'e', 0, tl, 1) >= 0)) {
            Py_DECREF(text);
            text = NULL;
            PyObject *adj = PyObject_CallMethod(o, "adjusted", NULL);
            long adjusted = adj ? PyLong_AsLong(adj) : 0;
            Py_XDECREF(adj);
            if (PyErr_Occurred()) {
                return -1;
            }
            if (adjusted > 19 || adjusted < -3) {
                /* above 10^19 whole units it cannot fit; below 0.001 it has more than two decimals */
                *rc = adjusted > 19 ? KZP_E_OVERFLOW : KZP_E_BAD_NUMBER;
                snprintf(err->message, sizeof err->message, "%s is %s", what,
                         adjusted > 19 ? "too large" : "not a whole number of hundredths");
                return 0;
            }
            PyObject *spec = PyUnicode_FromString("f");
            text = spec ? PyObject_Format(o, spec) : NULL;
            Py_XDECREF(spec);
        }
        if (!text) {
            return -1;
        }
    } else {
        PyErr_Format(PyExc_TypeError, "%s must be an int, a decimal.Decimal or a str, not %.80s", what,
                     Py_TYPE(o)->tp_name);
        return -1;
    }
    const char *s = utf8_arg(text, what);
    if (!s) {
        Py_DECREF(text);
        return -1;
    }
    *rc = kzp_decimal_parse(centi, s, err);
    Py_DECREF(text);
    return 0;
}

static int word_arg(PyObject *o, int (*parse)(int *, const char *), int *out, const char *what)
{
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s must be a str, not %.80s", what, Py_TYPE(o)->tp_name);
        return -1;
    }
    const char *s = utf8_arg(o, what);
    return s ? (parse(out, s) == KZP_OK ? 0 : 1) : -1;
}

static int lang_parse(int *out, const char *s)
{
    static const char *const L[3] = {"en", "ru", "kk"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(s, L[i]) == 0) {
            *out = i;
            return KZP_OK;
        }
    }
    return KZP_E_INVALID_ARG;
}

static int lang_arg(PyObject *o, int *lang)
{
    int r = word_arg(o, lang_parse, lang, "lang");
    if (r > 0) {
        PyErr_SetString(PyExc_ValueError, "lang must be 'en', 'ru' or 'kk'");
        return -1;
    }
    return r;
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

static PyMethodDef record_methods[] = {
    {"_asdict", record_asdict, METH_NOARGS, "_asdict() -> dict\n\nThe fields as a new dict."},
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
    for (size_t i = 0; i < self->n_cit; i++) {
        if (self->cit_key[i] == c) {
            return Py_NewRef(self->cit_obj[i]);
        }
    }
    return citation_new(self->st, c);
}

static PyObject *basis_tuple(context_object *self, const kzp_citation *const *basis, size_t n)
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
    kzp_decimal_format(buf, sizeof buf, centi);
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

/* Index of the MCI period starting on from (cached ISO texts), or -1. */
static Py_ssize_t period_index(context_object *self, const char *from)
{
    for (size_t i = self->n_periods; i-- > 0;) {
        if (memcmp(self->period_iso[i], from, 10) == 0) {
            return (Py_ssize_t)i;
        }
    }
    return -1;
}

static PyObject *period_from_date(context_object *self, const char *from)
{
    Py_ssize_t i = period_index(self, from);
    return i >= 0 ? Py_NewRef(PyTuple_GET_ITEM(self->period_from, i)) : date_from_iso(from);
}

static PyObject *mci_build(context_object *self, const kzp_mci *m)
{
    module_state *st = self->st;
    PyObject *v[6] = {PyLong_FromLongLong(m->tenge),
                      period_from_date(self, m->from),
                      PyUnicode_FromString(kzp_purpose_name(m->purpose)),
                      PyBool_FromLong(m->stale),
                      Py_NewRef(st->certainty[m->certainty]),
                      citation_of(self, m->citation)};
    return make_struct(st->mci_t, v, 6);
}

/* An Mci depends only on its period, the purpose asked and staleness: shared objects. */
static PyObject *mci_of(context_object *self, const kzp_mci *m)
{
    Py_ssize_t pi = period_index(self, m->from);
    int purpose = m->purpose == KZP_PURPOSE_BENEFITS, stale = m->stale != 0;
    if (pi < 0) {
        return mci_build(self, m);
    }
    PyObject **slot = &self->mci_cache[pi][purpose][stale];
    if (!*slot) {
        *slot = mci_build(self, m);
    }
    return *slot ? Py_NewRef(*slot) : NULL;
}

/* The date to put in a result: the caller's date object when given one, else a new date. */
static PyObject *result_date(PyObject *arg, const char *iso)
{
    /* only an exact date is shared: a subclass could hold a reference back to the result */
    return PyDate_CheckExact(arg) ? Py_NewRef(arg) : date_from_iso(iso);
}

static PyObject *sanction_new(context_object *self, const kzp_sanction *s)
{
    module_state *st = self->st;
    PyObject *v[9] = {PyUnicode_FromString(kzp_kind_name(s->kind)),
                      PyUnicode_FromString(kzp_unit_name(s->unit)),
                      s->has_min ? decimal_of_ctx(self, s->min_centi) : Py_NewRef(Py_None),
                      decimal_of_ctx(self, s->max_centi),
                      decimal_of_ctx(self, s->article_max_centi),
                      PyBool_FromLong(s->capped),
                      s->has_tiyn && s->has_min ? PyLong_FromLongLong(s->min_tiyn) : Py_NewRef(Py_None),
                      s->has_tiyn ? PyLong_FromLongLong(s->max_tiyn) : Py_NewRef(Py_None),
                      citation_of(self, s->citation)};
    return make_struct(st->sanction_t, v, 9);
}

static PyObject *range_new(context_object *self, const kzp_range *r, PyObject *date_arg_obj)
{
    module_state *st = self->st;
    PyObject *sanctions = PyTuple_New((Py_ssize_t)r->sanction_count);
    for (size_t i = 0; sanctions && i < r->sanction_count; i++) {
        PyObject *s = sanction_new(self, &r->sanctions[i]);
        if (!s) {
            Py_CLEAR(sanctions);
            break;
        }
        PyTuple_SET_ITEM(sanctions, (Py_ssize_t)i, s);
    }
    PyObject *date = result_date(date_arg_obj, r->offence_date);
    PyObject *v[10] = {PyUnicode_FromString(r->article),
                       date ? Py_NewRef(date) : NULL,
                       PyBool_FromLong((r->flags & KZP_Q_MITIGATED) != 0),
                       PyBool_FromLong((r->flags & KZP_Q_ACCELERATED) != 0),
                       r->has_mci ? mci_of(self, &r->mci) : Py_NewRef(Py_None),
                       sanctions,
                       Py_NewRef(st->certainty[r->certainty]),
                       PyBool_FromLong(r->stale),
                       basis_tuple(self, r->basis, r->basis_count),
                       Py_NewRef(self->receipt)};
    Py_XDECREF(date);
    return make_struct(st->range_t, v, 10);
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

/* A keyword flag: absent is False; otherwise its truth. */
static int flag_arg(PyObject *o, int *out)
{
    if (!o) {
        *out = 0;
        return 0;
    }
    int t = PyObject_IsTrue(o);
    if (t < 0) {
        return -1;
    }
    *out = t;
    return 0;
}

/* ---- Flags from keywords ---- */

static unsigned flags_of(int mitigated, int accelerated, int allow_stale, int strict)
{
    return (mitigated ? KZP_Q_MITIGATED : 0) | (accelerated ? KZP_Q_ACCELERATED : 0) |
           (allow_stale ? KZP_Q_ALLOW_STALE : 0) | (strict ? KZP_Q_STRICT : 0);
}

/* ---- Context methods ---- */

static PyObject *ctx_mci(context_object *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"date", "purpose", "allow_stale", "strict", NULL};
    PyObject *date, *purpose_o = NULL;
    int allow_stale = 0, strict = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O$pp:mci", kwlist, &date, &purpose_o, &allow_stale, &strict)) {
        return NULL;
    }
    char iso[16];
    int purpose = KZP_PURPOSE_FINES;
    if (date_arg(date, iso, "date") < 0) {
        return NULL;
    }
    if (purpose_o) {
        int r = word_arg(purpose_o, kzp_purpose_parse, &purpose, "purpose");
        if (r < 0) {
            return NULL;
        }
        if (r > 0) {
            kzp_error e = {.code = KZP_E_UNKNOWN_KIND};
            snprintf(e.message, sizeof e.message, "purpose must be 'fines' or 'benefits'");
            return raise_status(self->st, KZP_E_UNKNOWN_KIND, &e);
        }
    }
    kzp_mci m;
    kzp_error err;
    int rc = kzp_mci_on(&m, self->ctx, iso, purpose, flags_of(0, 0, allow_stale, strict), &err);
    if (rc) {
        return raise_status(self->st, rc, &err);
    }
    (void)date;
    return mci_of(self, &m);
}

static PyObject *ctx_range(context_object *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"article", "date", "mitigated", "accelerated", "allow_stale", "strict"};
    PyObject *a[6];
    int mitigated, accelerated, allow_stale, strict;
    if (fast_args("range", args, nargs, kwnames, names, 6, 2, 2, a) < 0 || flag_arg(a[2], &mitigated) < 0 ||
        flag_arg(a[3], &accelerated) < 0 || flag_arg(a[4], &allow_stale) < 0 || flag_arg(a[5], &strict) < 0) {
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
    char iso[16];
    if (date_arg(date, iso, "date") < 0) {
        return NULL;
    }
    kzp_range r;
    kzp_error err;
    int rc = kzp_range_get(&r, self->ctx, article, iso, flags_of(mitigated, accelerated, allow_stale, strict), &err);
    return rc ? raise_status(self->st, rc, &err) : range_new(self, &r, date);
}

static PyObject *ctx_fine(context_object *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"mci_count", "date", "allow_stale", "strict"};
    PyObject *a[4];
    int allow_stale, strict;
    if (fast_args("fine", args, nargs, kwnames, names, 4, 2, 2, a) < 0 || flag_arg(a[2], &allow_stale) < 0 ||
        flag_arg(a[3], &strict) < 0) {
        return NULL;
    }
    PyObject *count = a[0], *date = a[1];
    char iso[16];
    int64_t centi = 0;
    int rc;
    kzp_error err = {0};
    if (date_arg(date, iso, "date") < 0 || amount_arg(self->st, count, &centi, &rc, &err, "mci_count") < 0) {
        return NULL;
    }
    kzp_fine f;
    if (rc || (rc = kzp_fine_compute(&f, self->ctx, iso, centi, flags_of(0, 0, allow_stale, strict), &err))) {
        return raise_status(self->st, rc, &err);
    }
    module_state *st = self->st;
    PyObject *d = result_date(date, f.mci.date);
    /* the caller's Decimal (exactly Decimal: a subclass could refer back to the result) is the
     * count itself; other inputs get a (shared) Decimal */
    PyObject *count_dec =
        Py_IS_TYPE(count, (PyTypeObject *)st->decimal_type) ? Py_NewRef(count) : decimal_of_ctx(self, f.mci_centi);
    /* fine's basis is the same two citations for every date of a period: shared */
    PyObject *basis = NULL;
    Py_ssize_t pi = period_index(self, f.mci.from);
    if (pi >= 0 && self->fine_basis[pi] && f.basis_count == 2 && self->fine_basis_key[pi][0] == f.basis[0] &&
        self->fine_basis_key[pi][1] == f.basis[1]) {
        basis = Py_NewRef(self->fine_basis[pi]);
    } else {
        basis = basis_tuple(self, f.basis, f.basis_count);
    }
    PyObject *v[8] = {count_dec,
                      d ? Py_NewRef(d) : NULL,
                      PyLong_FromLongLong(f.amount_tiyn),
                      mci_of(self, &f.mci),
                      Py_NewRef(st->certainty[f.certainty]),
                      PyBool_FromLong(f.stale),
                      basis,
                      Py_NewRef(self->receipt)};
    Py_XDECREF(d);
    return make_struct(st->fine_t, v, 8);
}

static PyObject *ctx_check(context_object *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"article",     "date",        "kind",   "amount", "mitigated",
                             "accelerated", "allow_stale", "strict", NULL};
    const char *article;
    PyObject *date, *kind_o, *amount_o;
    int mitigated = 0, accelerated = 0, allow_stale = 0, strict = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "sOOO|$pppp:check", kwlist, &article, &date, &kind_o, &amount_o,
                                     &mitigated, &accelerated, &allow_stale, &strict)) {
        return NULL;
    }
    char iso[16];
    int kind = 0, rc = KZP_OK;
    int64_t centi = 0;
    kzp_error err = {0};
    if (date_arg(date, iso, "date") < 0) {
        return NULL;
    }
    int w = word_arg(kind_o, kzp_kind_parse, &kind, "kind");
    if (w < 0 || amount_arg(self->st, amount_o, &centi, &rc, &err, "amount") < 0) {
        return NULL;
    }
    if (w > 0) {
        snprintf(err.message, sizeof err.message, "kind must be 'fine', 'community_service' or 'arrest'");
        return raise_status(self->st, KZP_E_UNKNOWN_KIND, &err);
    }
    kzp_check c;
    if (rc || (rc = kzp_check_sentence(&c, self->ctx, article, iso, kind, centi,
                                       flags_of(mitigated, accelerated, allow_stale, strict), &err))) {
        return raise_status(self->st, rc, &err);
    }
    module_state *st = self->st;
    PyObject *v[9] = {PyBool_FromLong(c.fits),
                      PyUnicode_FromString(kzp_violation_name(c.violation)),
                      PyUnicode_FromString(kzp_kind_name(c.kind)),
                      PyUnicode_FromString(kzp_unit_name(c.unit)),
                      decimal_of_ctx(self, c.amount_centi),
                      decimal_of_ctx(self, c.limit_centi),
                      decimal_of_ctx(self, c.excess_centi),
                      range_new(self, &c.range, date),
                      Py_NewRef(self->receipt)};
    return make_struct(st->check_t, v, 9);
}

static PyObject *ctx_convert(context_object *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"amount", "from_kind", "to_kind", NULL};
    PyObject *amount_o, *from_o, *to_o;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOO:convert", kwlist, &amount_o, &from_o, &to_o)) {
        return NULL;
    }
    int from = 0, to = 0, rc = KZP_OK;
    int64_t centi = 0;
    kzp_error err = {0};
    int wf = word_arg(from_o, kzp_kind_parse, &from, "from_kind");
    int wt = wf < 0 ? -1 : word_arg(to_o, kzp_kind_parse, &to, "to_kind");
    if (wf < 0 || wt < 0 || amount_arg(self->st, amount_o, &centi, &rc, &err, "amount") < 0) {
        return NULL;
    }
    if (wf > 0 || wt > 0) {
        snprintf(err.message, sizeof err.message,
                 "%s must be 'fine', 'community_service', 'arrest' or "
                 "'correctional_work'",
                 wf > 0 ? "from_kind" : "to_kind");
        return raise_status(self->st, KZP_E_UNKNOWN_KIND, &err);
    }
    kzp_conversion c;
    if (rc || (rc = kzp_convert(&c, self->ctx, from, centi, to, &err))) {
        return raise_status(self->st, rc, &err);
    }
    module_state *st = self->st;
    PyObject *v[9] = {PyUnicode_FromString(kzp_kind_name(c.from_kind)),
                      decimal_of_ctx(self, c.from_centi),
                      PyUnicode_FromString(kzp_kind_name(c.to_kind)),
                      PyLong_FromLongLong(c.whole),
                      decimal_of_ctx(self, c.remainder_centi),
                      PyUnicode_FromString(kzp_unit_name(c.from_unit)),
                      PyBool_FromLong(c.exact),
                      citation_of(self, c.citation),
                      Py_NewRef(self->receipt)};
    return make_struct(st->conversion_t, v, 9);
}

static PyObject *ctx_sanction_texts(context_object *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"article", "date", "lang", "mitigated", "accelerated", "allow_stale", "strict", NULL};
    const char *article;
    PyObject *date, *lang_o = NULL;
    int mitigated = 0, accelerated = 0, allow_stale = 0, strict = 0, lang = KZP_LANG_EN;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "sO|O$pppp:sanction_texts", kwlist, &article, &date, &lang_o, &mitigated,
                                     &accelerated, &allow_stale, &strict)) {
        return NULL;
    }
    char iso[16];
    if (date_arg(date, iso, "date") < 0 || (lang_o && lang_arg(lang_o, &lang) < 0)) {
        return NULL;
    }
    kzp_range r;
    kzp_error err;
    int rc = kzp_range_get(&r, self->ctx, article, iso, flags_of(mitigated, accelerated, allow_stale, strict), &err);
    if (rc) {
        return raise_status(self->st, rc, &err);
    }
    PyObject *t = PyTuple_New((Py_ssize_t)r.sanction_count);
    for (size_t i = 0; t && i < r.sanction_count; i++) {
        char buf[2048];
        kzp_sanction_text(buf, sizeof buf, &r, i, lang);
        PyObject *s = PyUnicode_FromString(buf);
        if (!s) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, s);
    }
    return t;
}

static PyObject *ctx_mci_table(context_object *self, PyObject *Py_UNUSED(ignored))
{
    kzp_dataset_info info;
    kzp_ctx_info(&info, self->ctx);
    PyObject *t = PyTuple_New((Py_ssize_t)info.mci_period_count);
    for (size_t i = 0; t && i < info.mci_period_count; i++) {
        kzp_mci_period p;
        kzp_mci_period_at(&p, self->ctx, i);
        PyObject *v[4] = {Py_NewRef(PyTuple_GET_ITEM(self->period_from, (Py_ssize_t)i)), PyLong_FromLongLong(p.tenge),
                          PyUnicode_FromString(p.purpose_all ? "all" : kzp_purpose_name(p.purpose)),
                          citation_of(self, p.citation)};
        PyObject *o = make_struct(self->st->period_t, v, 4);
        if (!o) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, o);
    }
    return t;
}

static PyObject *ctx_articles(context_object *self, PyObject *Py_UNUSED(ignored))
{
    kzp_dataset_info info;
    kzp_ctx_info(&info, self->ctx);
    PyObject *t = PyTuple_New((Py_ssize_t)info.article_count);
    for (size_t i = 0; t && i < info.article_count; i++) {
        kzp_article a;
        kzp_article_at(&a, self->ctx, i);
        PyObject *title_dict = Py_BuildValue("{s:s,s:s,s:s}", "en", a.title[KZP_LANG_EN], "ru", a.title[KZP_LANG_RU],
                                             "kk", a.title[KZP_LANG_KK]);
        /* read-only, so a record (not tracked by the GC) can never be part of a cycle */
        PyObject *titles = title_dict ? PyDictProxy_New(title_dict) : NULL;
        Py_XDECREF(title_dict);
        PyObject *v[5] = {PyUnicode_FromString(a.id), titles, PyUnicode_FromString(kzp_category_name(a.category)),
                          date_from_iso(a.in_force_from), citation_of(self, a.citation)};
        PyObject *o = make_struct(self->st->article_t, v, 5);
        if (!o) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, o);
    }
    return t;
}

static PyObject *ctx_info(context_object *self, void *Py_UNUSED(closure))
{
    kzp_dataset_info i;
    kzp_ctx_info(&i, self->ctx);
    PyObject *v[8] = {PyUnicode_FromString(i.id),       PyUnicode_FromString(i.version),
                      date_from_iso(i.verified_on),     PyUnicode_FromString(i.fingerprint),
                      date_from_iso(i.mci_known_until), PyLong_FromLong(i.schema_version),
                      PyBool_FromLong(i.hypothetical),  PyLong_FromSize_t(i.article_count)};
    return make_struct(self->st->info_t, v, 8);
}

/* ---- Construction ---- */

/* Fill the caches of a new Context; on failure the object is released by the caller. */
static int context_setup(context_object *self, module_state *st, kzp_ctx *ctx)
{
    self->ctx = ctx;
    self->st = st;
    kzp_dataset_info info;
    kzp_ctx_info(&info, ctx);
    PyObject *v[5] = {PyUnicode_FromString(kzp_version_string()), PyUnicode_FromString(info.id),
                      PyUnicode_FromString(info.version), PyUnicode_FromString(info.fingerprint),
                      PyBool_FromLong(info.hypothetical)};
    self->receipt = make_struct(st->receipt_t, v, 5);
    self->citations = PyDict_New();
    self->period_from = PyTuple_New((Py_ssize_t)info.mci_period_count);
    if (!self->receipt || !self->citations || !self->period_from) {
        return -1;
    }
    for (size_t i = 0; i < info.mci_period_count; i++) {
        kzp_mci_period p;
        kzp_mci_period_at(&p, ctx, i);
        PyObject *d = date_from_iso(p.from);
        if (!d) {
            return -1;
        }
        PyTuple_SET_ITEM(self->period_from, (Py_ssize_t)i, d);
    }
    /* every citation the context can name, built once: results share them */
    const kzp_citation *seen[MAX_CACHED];
    size_t n_seen = 0;
    for (size_t i = 0; i < info.mci_period_count && n_seen < MAX_CACHED; i++) {
        kzp_mci_period p;
        kzp_mci_period_at(&p, ctx, i);
        seen[n_seen++] = p.citation;
    }
    for (size_t i = 0; i < info.article_count; i++) {
        kzp_article a;
        kzp_range r;
        kzp_article_at(&a, ctx, i);
        /* with the half caps, so their citations are cached too (a dataset may have none) */
        if (kzp_range_get(&r, ctx, a.id, a.in_force_from, KZP_Q_ALLOW_STALE | KZP_Q_MITIGATED | KZP_Q_ACCELERATED,
                          NULL) == KZP_OK ||
            kzp_range_get(&r, ctx, a.id, a.in_force_from, KZP_Q_ALLOW_STALE, NULL) == KZP_OK) {
            for (size_t k = 0; k < r.basis_count && n_seen < MAX_CACHED; k++) {
                seen[n_seen++] = r.basis[k];
            }
        }
    }
    kzp_conversion conv;
    if (n_seen < MAX_CACHED && kzp_convert(&conv, ctx, KZP_KIND_FINE, 100, KZP_KIND_ARREST, NULL) == KZP_OK) {
        seen[n_seen++] = conv.citation;
    }
    for (size_t i = 0; i < n_seen; i++) {
        PyObject *c = PyDict_GetItemString(self->citations, seen[i]->id);
        if (c) {
            continue; /* named twice (e.g. the article for its text and its category) */
        }
        c = citation_new(st, seen[i]);
        if (!c || PyDict_SetItemString(self->citations, seen[i]->id, c) < 0) {
            Py_XDECREF(c);
            return -1;
        }
        self->cit_key[self->n_cit] = seen[i];
        self->cit_obj[self->n_cit++] = c; /* the dict keeps it alive */
        Py_DECREF(c);
    }
    /* period start dates as text, and the basis a fine in each period names */
    self->n_periods = info.mci_period_count < MAX_CACHED ? info.mci_period_count : MAX_CACHED;
    for (size_t i = 0; i < self->n_periods; i++) {
        kzp_mci_period p;
        kzp_fine f;
        kzp_mci_period_at(&p, ctx, i);
        memcpy(self->period_iso[i], p.from, sizeof self->period_iso[i]);
        if (kzp_fine_compute(&f, ctx, p.from, 0, KZP_Q_ALLOW_STALE, NULL) == KZP_OK && f.basis_count == 2 &&
            strcmp(f.mci.from, p.from) == 0) {
            if (!(self->fine_basis[i] = basis_tuple(self, f.basis, 2))) {
                return -1;
            }
            self->fine_basis_key[i][0] = f.basis[0];
            self->fine_basis_key[i][1] = f.basis[1];
        }
    }
    return 0;
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
    if (!PyArg_ParseTuple(args, ":Context") || (kw && PyDict_Size(kw) > 0)) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "Context() takes no arguments; use Context.from_file(), "
                                             "Context.from_json(), .with_mci() or .what_if()");
        }
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
    int rc = kzp_ctx_new_from_file(&ctx, PyBytes_AS_STRING(path), &err);
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
    int rc = kzp_ctx_new_from_buffer(&ctx, data, (size_t)len, &err);
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
    int rc = kzp_ctx_new_with_mci(&ctx, self->ctx, data, (size_t)len, &err);
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
    kzp_error err;
    int rc = kzp_ctx_new_what_if(&ctx, self->ctx, overflow ? -1 : tenge, &err);
    return rc ? raise_status(self->st, rc, &err) : context_wrap(self->st, Py_TYPE(self), ctx);
}

static int context_traverse(context_object *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->receipt);
    Py_VISIT(self->citations);
    Py_VISIT(self->period_from);
    for (size_t i = 0; i < MAX_CACHED; i++) {
        Py_VISIT(self->fine_basis[i]);
        Py_VISIT(self->dec_obj[i]);
        for (int p = 0; p < 2; p++) {
            Py_VISIT(self->mci_cache[i][p][0]);
            Py_VISIT(self->mci_cache[i][p][1]);
        }
    }
    return 0;
}

static int context_clear(context_object *self)
{
    for (size_t i = 0; i < MAX_CACHED; i++) {
        Py_CLEAR(self->fine_basis[i]);
        Py_CLEAR(self->dec_obj[i]);
        Py_CLEAR(self->mci_cache[i][0][0]);
        Py_CLEAR(self->mci_cache[i][0][1]);
        Py_CLEAR(self->mci_cache[i][1][0]);
        Py_CLEAR(self->mci_cache[i][1][1]);
    }
    self->n_dec = 0;
    self->n_cit = 0; /* the objects are owned by the dict cleared below */
    Py_CLEAR(self->receipt);
    Py_CLEAR(self->citations);
    Py_CLEAR(self->period_from);
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
    {"mci", (PyCFunction)(void (*)(void))ctx_mci, METH_VARARGS | METH_KEYWORDS,
     "mci(date, purpose='fines', *, allow_stale=False, strict=False) -> Mci\n\nThe MCI in force on date (a "
     "datetime.date or 'YYYY-MM-DD'), for fines or benefits, with its citation. Raises StaleMciError after the table's "
     "known end unless allow_stale."},
    {"range", (PyCFunction)(void (*)(void))ctx_range, METH_FASTCALL | METH_KEYWORDS,
     "range(article, date, *, mitigated=False, accelerated=False, allow_stale=False, strict=False) -> Range\n\nThe "
     "alternative sanctions of article for an offence on date, with bounds (Decimal), the fine in tiyn at the offence "
     "day's MCI, the citations used and the receipt. mitigated/accelerated apply the Art. 55 half cap (parts 2/3; they "
     "do not stack)."},
    {"fine", (PyCFunction)(void (*)(void))ctx_fine, METH_FASTCALL | METH_KEYWORDS,
     "fine(mci_count, date, *, allow_stale=False, strict=False) -> Fine\n\nA fine of mci_count MCI (int, "
     "decimal.Decimal or str such as '0.2'; never float) for an offence on date, priced exactly in tiyn with the MCI "
     "in force that day (Art. 41 part 1)."},
    {"check", (PyCFunction)(void (*)(void))ctx_check, METH_VARARGS | METH_KEYWORDS,
     "check(article, date, kind, amount, *, mitigated=False, accelerated=False, allow_stale=False, strict=False) -> "
     "Check\n\nWhether a proposed sentence (kind: 'fine', 'community_service' or 'arrest'; amount in the kind's unit) "
     "fits the range; which bound it breaks and by how much."},
    {"convert", (PyCFunction)(void (*)(void))ctx_convert, METH_VARARGS | METH_KEYWORDS,
     "convert(amount, from_kind, to_kind) -> Conversion\n\nThe Art. 61 equivalence: the whole number of to_kind units "
     "amount is worth and the remainder in from_kind's unit. Nothing is rounded."},
    {"sanction_texts", (PyCFunction)(void (*)(void))ctx_sanction_texts, METH_VARARGS | METH_KEYWORDS,
     "sanction_texts(article, date, lang='en', *, mitigated=False, accelerated=False, allow_stale=False, strict=False) "
     "-> tuple[str, ...]\n\nEach alternative of the range as a sentence ready to paste into a verdict, in 'en', 'ru' "
     "or 'kk'."},
    {"mci_table", (PyCFunction)ctx_mci_table, METH_NOARGS,
     "mci_table() -> tuple[MciPeriod, ...]\n\nThe whole MCI table in ascending order, each period with its citation."},
    {"articles", (PyCFunction)ctx_articles, METH_NOARGS,
     "articles() -> tuple[Article, ...]\n\nThe articles the dataset encodes."},
    {"with_mci", (PyCFunction)ctx_with_mci, METH_O,
     "with_mci(update) -> Context\n\nA new Context with MCI periods added or replaced from a JSON update (str or "
     "bytes; docs/dataset.md). This Context is not changed; a bad update raises and changes nothing."},
    {"what_if", (PyCFunction)ctx_what_if, METH_O,
     "what_if(mci_tenge) -> Context\n\nA new Context in which the MCI is mci_tenge (an int of whole tenge) on every "
     "date; its results are marked hypothetical."},
    {"from_file", (PyCFunction)context_from_file, METH_O | METH_CLASS,
     "from_file(path) -> Context\n\nA Context from a dataset file (docs/dataset.md); raises a KzpError subclass naming "
     "the JSON path, line and column of the first problem."},
    {"from_json", (PyCFunction)context_from_json, METH_O | METH_CLASS,
     "from_json(text) -> Context\n\nA Context from a dataset in a str or bytes."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef context_getset[] = {
    {"info", (getter)ctx_info, NULL, "DatasetInfo: id, version, verified_on, fingerprint, mci_known_until, ...", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const char CONTEXT_DOC[] =
    "Context()\n\nThe legal dataset embedded in the library, validated and immutable: share one Context between "
    "threads freely. Build others with Context.from_file(), Context.from_json(), .with_mci() or .what_if().";

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

static PyObject *text_result(int n, char *buf, size_t size, module_state *st)
{
    if (n < 0) {
        return raise_status(st, n, NULL);
    }
    (void)size;
    return PyUnicode_FromString(buf);
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
    static const char *const GENDERS[] = {"masculine", "feminine", "neuter", "plural"};
    PyObject *n_o, *lang_o = NULL;
    const char *gender_s = "masculine", *case_s = "nominative";
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O$ss:number_words", kwlist, &n_o, &lang_o, &gender_s, &case_s)) {
        return NULL;
    }
    int64_t n;
    int lang = KZP_LANG_EN, gender = -1;
    if (tiyn_arg(n_o, &n) < 0 || (lang_o && lang_arg(lang_o, &lang) < 0)) {
        return NULL;
    }
    for (int g = 0; g < 4; g++) {
        gender = strcmp(gender_s, GENDERS[g]) == 0 ? g : gender;
    }
    int gcase = strcmp(case_s, "nominative") == 0 ? 0 : strcmp(case_s, "genitive") == 0 ? 1 : -1;
    if (gender < 0 || gcase < 0) {
        PyErr_SetString(PyExc_ValueError, "gender must be masculine, feminine, neuter or plural; case nominative or "
                                          "genitive");
        return NULL;
    }
    char buf[1024];
    return text_result(kzp_number_words(buf, sizeof buf, n, lang, gender, gcase), buf, sizeof buf, state_of_module(m));
}

static PyObject *money_text(PyObject *m, PyObject *args, int which)
{
    PyObject *t_o, *lang_o = NULL;
    if (!PyArg_ParseTuple(args, "O|O", &t_o, &lang_o)) {
        return NULL;
    }
    int64_t tiyn;
    int lang = KZP_LANG_EN;
    if (tiyn_arg(t_o, &tiyn) < 0 || (lang_o && lang_arg(lang_o, &lang) < 0)) {
        return NULL;
    }
    char buf[1024];
    int n = which == 0 ? kzp_tenge_words(buf, sizeof buf, tiyn, lang)
                       : kzp_tenge_figures_words(buf, sizeof buf, tiyn, lang);
    return text_result(n, buf, sizeof buf, state_of_module(m));
}

static PyObject *mod_tenge_words(PyObject *m, PyObject *args)
{
    return money_text(m, args, 0);
}
static PyObject *mod_tenge_figures_words(PyObject *m, PyObject *args)
{
    return money_text(m, args, 1);
}

static PyObject *mod_format_tenge(PyObject *m, PyObject *args)
{
    static const char *const STYLES[] = {"sign", "ru", "kk", "en", "plain"};
    PyObject *t_o;
    const char *style_s = "sign";
    if (!PyArg_ParseTuple(args, "O|s:format_tenge", &t_o, &style_s)) {
        return NULL;
    }
    int64_t tiyn;
    if (tiyn_arg(t_o, &tiyn) < 0) {
        return NULL;
    }
    int style = -1;
    for (int i = 0; i < 5; i++) {
        style = strcmp(style_s, STYLES[i]) == 0 ? i : style;
    }
    if (style < 0) {
        PyErr_SetString(PyExc_ValueError, "style must be sign, ru, kk, en or plain");
        return NULL;
    }
    char buf[96];
    kzp_format_tenge(buf, sizeof buf, tiyn, style);
    (void)m;
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
     "number_words(n, lang='en', *, gender='masculine', case='nominative') -> str\n\nA whole number 0..999 999 999 999 "
     "in words; gender and case shape Russian numerals ('одна тысяча', 'до двухсот')."},
    {"tenge_words", mod_tenge_words, METH_VARARGS,
     "tenge_words(tiyn, lang='en') -> str\n\nAn amount of tiyn as tenge in words; tiyn follow in figures."},
    {"tenge_figures_words", mod_tenge_figures_words, METH_VARARGS,
     "tenge_figures_words(tiyn, lang='en') -> str\n\nAn amount as verdicts write it: '865 000 (восемьсот шестьдесят "
     "пять тысяч) тенге'."},
    {"format_tenge", mod_format_tenge, METH_VARARGS,
     "format_tenge(tiyn, style='sign') -> str\n\nTenge for people: style 'sign' (865 000 ₸), 'ru', 'kk', 'en' (865,000 "
     "KZT) or 'plain'."},
    {"validate_dataset", mod_validate_dataset, METH_O,
     "validate_dataset(text) -> tuple[Problem, ...]\n\nEvery problem of a dataset (str or bytes), each with code, JSON "
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
    F("library"), F("dataset"), F("dataset_version"), F("dataset_fingerprint"), F("hypothetical"), {NULL, NULL}};
static PyStructSequence_Field INFO_F[] = {F("id"),           F("version"),         F("verified_on"),
                                          F("fingerprint"),  F("mci_known_until"), F("schema_version"),
                                          F("hypothetical"), F("article_count"),   {NULL, NULL}};
static PyStructSequence_Field MCI_F[] = {F("tenge"),     F("from_date"), F("purpose"), F("stale"),
                                         F("certainty"), F("citation"),  {NULL, NULL}};
static PyStructSequence_Field PERIOD_F[] = {F("from_date"), F("tenge"), F("purpose"), F("citation"), {NULL, NULL}};
static PyStructSequence_Field ARTICLE_F[] = {F("id"),       F("title"),  F("category"), F("in_force_from"),
                                             F("citation"), {NULL, NULL}};
static PyStructSequence_Field SANCTION_F[] = {F("kind"),        F("unit"),   F("min"),      F("max"),
                                              F("article_max"), F("capped"), F("min_tiyn"), F("max_tiyn"),
                                              F("citation"),    {NULL, NULL}};
static PyStructSequence_Field RANGE_F[] = {F("article"), F("offence_date"), F("mitigated"), F("accelerated"),
                                           F("mci"),     F("sanctions"),    F("certainty"), F("stale"),
                                           F("basis"),   F("receipt"),      {NULL, NULL}};
static PyStructSequence_Field FINE_F[] = {F("mci_count"), F("offence_date"), F("amount_tiyn"),
                                          F("mci"),       F("certainty"),    F("stale"),
                                          F("basis"),     F("receipt"),      {NULL, NULL}};
static PyStructSequence_Field CHECK_F[] = {F("fits"),  F("violation"), F("kind"),  F("unit"),    F("amount"),
                                           F("limit"), F("excess"),    F("range"), F("receipt"), {NULL, NULL}};
static PyStructSequence_Field CONVERSION_F[] = {F("from_kind"), F("amount"),         F("to_kind"), F("whole"),
                                                F("remainder"), F("remainder_unit"), F("exact"),   F("citation"),
                                                F("receipt"),   {NULL, NULL}};
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
    static const char *const CERT[4] = {"official", "statement", "unverified", "hypothetical"};
    for (int i = 0; i < 4; i++) {
        if (!(st->certainty[i] = PyUnicode_InternFromString(CERT[i]))) {
            return -1;
        }
    }
    if (!(st->citation_t = new_struct_type(m, "kzpenalty.Citation", "A source that backs a value.", CITATION_F)) ||
        !(st->receipt_t = new_struct_type(m, "kzpenalty.Receipt", "What a result was computed with.", RECEIPT_F)) ||
        !(st->info_t = new_struct_type(m, "kzpenalty.DatasetInfo", "Identity of a context's dataset.", INFO_F)) ||
        !(st->mci_t = new_struct_type(m, "kzpenalty.Mci", "The MCI in force on a date.", MCI_F)) ||
        !(st->period_t = new_struct_type(m, "kzpenalty.MciPeriod", "One period of the MCI table.", PERIOD_F)) ||
        !(st->article_t = new_struct_type(m, "kzpenalty.Article", "An article the dataset encodes.", ARTICLE_F)) ||
        !(st->sanction_t = new_struct_type(m, "kzpenalty.Sanction", "One alternative and its bounds.", SANCTION_F)) ||
        !(st->range_t = new_struct_type(m, "kzpenalty.Range", "The sanction range of an article.", RANGE_F)) ||
        !(st->fine_t = new_struct_type(m, "kzpenalty.Fine", "A fine priced for an offence date.", FINE_F)) ||
        !(st->check_t = new_struct_type(m, "kzpenalty.Check", "A proposed sentence checked.", CHECK_F)) ||
        !(st->conversion_t = new_struct_type(m, "kzpenalty.Conversion", "An Art. 61 conversion.", CONVERSION_F)) ||
        !(st->problem_t = new_struct_type(m, "kzpenalty.Problem", "A problem found in a dataset.", PROBLEM_F))) {
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
    for (int i = 1; i < N_STATUS; i++) {
        char qual[96];
        snprintf(qual, sizeof qual, "kzpenalty.%s", ERROR_NAMES[i]);
        st->errors[i] = PyErr_NewExceptionWithDoc(qual, kzp_strerror(-i), st->error_base, NULL);
        if (!st->errors[i] || PyModule_AddObjectRef(m, ERROR_NAMES[i], st->errors[i]) < 0) {
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
    for (int i = 0; i < N_STATUS; i++) {
        Py_VISIT(st->errors[i]);
    }
    PyTypeObject *types[] = {st->citation_t, st->receipt_t, st->info_t, st->mci_t,   st->period_t,     st->article_t,
                             st->sanction_t, st->range_t,   st->fine_t, st->check_t, st->conversion_t, st->problem_t};
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
    for (int i = 0; i < N_STATUS; i++) {
        Py_CLEAR(st->errors[i]);
    }
    for (int i = 0; i < 4; i++) {
        Py_CLEAR(st->certainty[i]);
    }
    PyTypeObject **types[] = {&st->citation_t, &st->receipt_t, &st->info_t,       &st->mci_t,
                              &st->period_t,   &st->article_t, &st->sanction_t,   &st->range_t,
                              &st->fine_t,     &st->check_t,   &st->conversion_t, &st->problem_t};
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
