/**
 * kzpenalty in WebAssembly: the same C library (lib/ and the embedded dataset) compiled with
 * emscripten, behind the API shape of the Node binding. For browsers and Node alike:
 *
 *   import { load } from './kzpenalty.mjs';
 *   const k = await load();
 *   new k.Context().range('115-1', '2026-02-10');
 *
 * This file only translates: JavaScript values to a JSON request for the module, its JSON
 * answer to frozen objects (money as bigint tiyn, quantities as exact decimal strings), and
 * its errors to one Error subclass per status. No rule of law is computed here.
 */
import createKzpCore from './kzpenalty_core.mjs';

/** Base of every error the library reports: .code is the status name, e.g. 'KZP_E_BAD_DATE'. */
export class KzpError extends Error {
  constructor(message) {
    super(message);
    this.name = new.target.name;
  }
}

/** The error classes by name, KzpError and one subclass per status; load() adds the subclasses. */
export const errors = { KzpError };
const byCode = {};

// One class per status, named by the library (kzp_status_class: the names the Node and Python
// bindings use too), so no list of them is kept here.
function makeErrorClasses(classes) {
  for (const [code, name] of Object.entries(classes)) {
    const cls = errors[name] || { [name]: class extends KzpError {} }[name];
    errors[name] = cls;
    byCode[code] = cls;
  }
}

// Fields that carry 64-bit integers as text in the module's answers.
const BIGINT_FIELDS = new Set(['amountTiyn', 'tiyn', 'whole']);

function revive(key, value) {
  return BIGINT_FIELDS.has(key) && typeof value === 'string' ? BigInt(value) : value;
}

function deepFreeze(v) {
  if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) deepFreeze(v[k]);
    Object.freeze(v);
  }
  return v;
}

function toError(e) {
  if (e.typeError) return new TypeError(e.message); // as the Node binding throws for a bad lang, style...
  const cls = byCode[e.code] || KzpError;
  const err = new cls(e.message);
  Object.assign(err, { code: e.code, status: e.status, path: e.path, line: e.line, column: e.column });
  return err;
}

const outOfMemory = () => toError({ code: 'KZP_E_NOMEM', status: -2, path: '', line: 0, column: 0,
  message: 'out of memory' });

// A string as the library will see it: a lone surrogate (not UTF-16, so not encodable as
// UTF-8) becomes U+FFFD, as Node-API does for the Node binding.
const wellFormed = (s) => (typeof s.toWellFormed === 'function' ? s.toWellFormed()
  : s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

function needString(v, what) {
  if (typeof v !== 'string') throw new TypeError(`${what} must be a string`);
  return wellFormed(v);
}

// An optional word of the library's vocabulary (a language, purpose, gender, case or style): left
// out when undefined, so the default is glue.c's, taken from the library's names.
function word(v, key, what) {
  return v === undefined ? {} : { [key]: needString(v, what) };
}

// A number that must be a whole number, exact as a double: NaN or a fraction is a TypeError, a
// magnitude beyond 2^53 - 1 (Infinity included) a RangeError, since such a number may already
// have been rounded. The messages are the Node binding's.
function wholeNumber(v, what, decimalOk) {
  if (Number.isNaN(v)) throw new TypeError(`${what} must be a whole number, not NaN`);
  if (Math.abs(v) > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`${what} is too large to be exact as a JavaScript number (beyond 2^53 - 1): pass ` +
      (decimalOk ? 'a bigint or a decimal string' : 'a bigint'));
  }
  if (!Number.isInteger(v)) {
    throw new TypeError(`${what} must be a whole number` +
      (decimalOk ? ", a bigint or a decimal string such as '0.2' (a fractional number is not exact)" : ''));
  }
  return String(v === 0 ? 0 : v); // -0 is 0
}

// An amount: a whole number or a bigint of whole units (sent as digits, judged in C as the Node
// binding judges them), or a decimal string such as '0.2' (parsed by the library).
function amountFields(v, what) {
  if (typeof v === 'string') return { amount: wellFormed(v) };
  if (typeof v === 'bigint') return { amount: String(v), amountWhole: true, amountName: what };
  if (typeof v === 'number') return { amount: wholeNumber(v, what, true), amountWhole: true, amountName: what };
  throw new TypeError(`${what} must be a whole number, a bigint or a decimal string`);
}

function wholeText(v, what) {
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return wholeNumber(v, what, false);
  throw new TypeError(`${what} must be a whole number or a bigint`);
}

// The query options each call takes (as in the Node binding: a misspelt key is a TypeError, and
// a value that is not a boolean too: a truthy 'no' must not quietly apply a half cap).
const RANGE_OPTIONS = ['mitigated', 'accelerated', 'orderProcedure', 'allowStale', 'strict'];
const PRICE_OPTIONS = ['allowStale', 'strict'];

function optionsObject(options, example) {
  if (options === undefined || options === null) return null;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`options must be an object such as ${example}`);
  }
  return options;
}

function knownKeys(options, names, call) {
  for (const key of Object.keys(options)) {
    if (!names.includes(key)) {
      throw new TypeError(`options.${key} is not an option of ${call}(); it takes ${names.join(', ')}`);
    }
  }
}

function optionsOf(options, names, call) {
  const o = optionsObject(options, '{ mitigated: true }');
  const out = {};
  if (!o) return out;
  knownKeys(o, names, call);
  for (const name of RANGE_OPTIONS) {
    if (!names.includes(name)) continue;
    const v = o[name];
    if (v !== undefined && typeof v !== 'boolean') throw new TypeError(`options.${name} must be a boolean`);
    out[name] = v === true;
  }
  return out;
}

// convert()'s options: { rule: 'unpaid-fine' }; the library parses the word.
function ruleOf(options) {
  const o = optionsObject(options, "{ rule: 'unpaid-fine' }");
  if (!o) return {};
  knownKeys(o, ['rule'], 'convert');
  return o.rule === undefined ? {} : { rule: needString(o.rule, 'options.rule') };
}

function makeApi(core) {
  // strings go in as NUL-terminated UTF-8 in the module's memory, freed right after the call
  function withText(text, fn) {
    const size = core.lengthBytesUTF8(text) + 1;
    const ptr = core._malloc(size);
    if (!ptr) throw outOfMemory();
    try {
      core.stringToUTF8(text, ptr, size);
      return fn(ptr, size - 1);
    } finally {
      core._free(ptr);
    }
  }

  // a dataset as text or UTF-8 bytes, handed to C as they are (no decoding: C judges the bytes)
  function withData(data, what, fn) {
    if (typeof data === 'string') return withText(wellFormed(data), fn);
    if (!(data instanceof Uint8Array)) throw new TypeError(`${what} must be a string or a Uint8Array`);
    const ptr = core._malloc(data.length + 1);
    if (!ptr) throw outOfMemory();
    try {
      core.HEAPU8.set(data, ptr);
      core.HEAPU8[ptr + data.length] = 0;
      return fn(ptr, data.length);
    } finally {
      core._free(ptr);
    }
  }

  function takeText(ptr) {
    if (!ptr) throw outOfMemory();
    try {
      return core.UTF8ToString(ptr);
    } finally {
      core._kzpw_free(ptr);
    }
  }

  function call(ctxPtr, request) {
    const doc = JSON.parse(takeText(withText(JSON.stringify(request), (p) => core._kzpw_call(ctxPtr, p))), revive);
    if (doc.error) throw toError(doc.error);
    return deepFreeze(doc.ok);
  }

  // A constructor of the module that returns a kzp_ctx pointer, or 0 with the error in *error.
  function newContext(make) {
    const slot = core._malloc(4);
    if (!slot) throw outOfMemory();
    try {
      const ptr = make(slot);
      if (!ptr) throw toError(JSON.parse(takeText(core.getValue(slot, '*'))).error);
      return ptr;
    } finally {
      core._free(slot);
    }
  }

  makeErrorClasses(JSON.parse(takeText(core._kzpw_status_classes())));

  const registry = new FinalizationRegistry((ptr) => core._kzpw_ctx_free(ptr));
  const fromPointer = Symbol('kzpenalty context pointer');

  /** A dataset loaded into the library: immutable; queries on it are synchronous. */
  class Context {
    #ptr;

    /** new Context(): the embedded dataset. */
    constructor(pointer, token) {
      if (token !== fromPointer && pointer !== undefined) {
        throw new TypeError('new Context() takes no arguments; use Context.fromJSON(), .withMci() or .whatIf()');
      }
      this.#ptr = token === fromPointer ? pointer : newContext((slot) => core._kzpw_ctx_new(slot));
      registry.register(this, this.#ptr, this);
    }

    #live() {
      if (!this.#ptr) throw toError({ code: 'KZP_E_INVALID_ARG', status: -1, path: '', line: 0, column: 0,
        message: 'this Context was freed' });
      return this.#ptr;
    }

    /** A dataset from its JSON text (a string or UTF-8 bytes). */
    static fromJSON(text) {
      return new Context(withData(text, 'text',
        (p, n) => newContext((slot) => core._kzpw_ctx_from_json(p, n, slot))), fromPointer);
    }

    /** This dataset with more MCI periods (an update document, see docs/dataset.md). */
    withMci(update) {
      const base = this.#live();
      return new Context(withData(update, 'update',
        (p, n) => newContext((slot) => core._kzpw_ctx_with_mci(base, p, n, slot))), fromPointer);
    }

    /** This dataset with one hypothetical MCI for every date: results say 'hypothetical'. */
    whatIf(mciTenge) {
      const t = wholeText(mciTenge, 'mciTenge');
      const base = this.#live();
      return new Context(withText(t, (p) => newContext((slot) => core._kzpw_ctx_what_if(base, p, slot))), fromPointer);
    }

    /** Release the library's memory now instead of at garbage collection; later calls throw. */
    free() {
      if (this.#ptr) {
        registry.unregister(this);
        core._kzpw_ctx_free(this.#ptr);
        this.#ptr = 0;
      }
    }

    get info() {
      return call(this.#live(), { op: 'info' });
    }

    /** The SHA-256 of the dataset's JSON text: the embedded one's; '' for one loaded here (no nettle). */
    get sha256() {
      return call(this.#live(), { op: 'sha256' });
    }

    mci(date, purpose, options) {
      return call(this.#live(), { op: 'mci', date: needString(date, 'date'), ...word(purpose, 'purpose', 'purpose'),
        options: optionsOf(options, PRICE_OPTIONS, 'mci') });
    }

    range(article, date, options) {
      return call(this.#live(), { op: 'range', article: needString(article, 'article'), date: needString(date, 'date'),
        options: optionsOf(options, RANGE_OPTIONS, 'range') });
    }

    fine(mciCount, date, options) {
      const day = needString(date, 'date'); // read first, as the Node binding does
      return call(this.#live(), { op: 'fine', ...amountFields(mciCount, 'mciCount'), date: day,
        options: optionsOf(options, PRICE_OPTIONS, 'fine') });
    }

    check(article, date, kind, amount, options) {
      return call(this.#live(), { op: 'check', article: needString(article, 'article'), date: needString(date, 'date'),
        kind: needString(kind, 'kind'), ...amountFields(amount, 'amount'),
        options: optionsOf(options, RANGE_OPTIONS, 'check') });
    }

    convert(amount, fromKind, toKind, options) {
      return call(this.#live(), { op: 'convert', ...amountFields(amount, 'amount'),
        from: needString(fromKind, 'fromKind'), to: needString(toKind, 'toKind'), ...ruleOf(options) });
    }

    sanctionTexts(article, date, lang, options) {
      return call(this.#live(), { op: 'sanctionTexts', article: needString(article, 'article'),
        date: needString(date, 'date'), ...word(lang, 'lang', 'lang'),
        options: optionsOf(options, RANGE_OPTIONS, 'sanctionTexts') });
    }

    mciTable() {
      return call(this.#live(), { op: 'mciTable' });
    }

    articles() {
      return call(this.#live(), { op: 'articles' });
    }

    /** The MCI periods withMci added or replaced, the first applied first (source '': no files here). */
    updates() {
      return call(this.#live(), { op: 'updates' });
    }
  }

  const words = (op) => (n, lang) => call(0, { op, n: wholeText(n, 'tiyn'), what: 'tiyn',
    ...word(lang, 'lang', 'lang') });

  return Object.freeze({
    Context,
    numberWords: (n, lang, gender, grammaticalCase) => call(0, { op: 'numberWords', n: wholeText(n, 'n'), what: 'n',
      ...word(lang, 'lang', 'lang'), ...word(gender, 'gender', 'gender'),
      ...word(grammaticalCase, 'case', 'grammaticalCase') }),
    tengeWords: words('tengeWords'),
    tengeFiguresWords: words('tengeFiguresWords'),
    formatTenge: (tiyn, style) => call(0, { op: 'formatTenge', n: wholeText(tiyn, 'tiyn'),
      ...word(style, 'style', 'style') }),
    /** The name of a sanction kind ('fine', ...) in 'en', 'ru' or 'kk', as the Code words it. */
    kindLabel: (kind, lang) => call(0, { op: 'kindLabel', name: needString(kind, 'kind'),
      ...word(lang, 'lang', 'lang') }),
    /** The noun for a unit ('mci', 'hours', 'days') that agrees with an amount (1 when not given). */
    unitLabel: (unit, lang, amount = 1) => call(0, { op: 'unitLabel', name: needString(unit, 'unit'),
      ...word(lang, 'lang', 'lang'), ...amountFields(amount, 'amount') }),
    categoryLabel: (category, lang) => call(0, { op: 'categoryLabel', name: needString(category, 'category'),
      ...word(lang, 'lang', 'lang') }),
    /** A quantity (a decimal string such as '12.5', a whole number or a bigint) as a language writes
     * it: '12,5' in 'ru' and 'kk', '12.5' in 'en' (the default); no digit grouping (kzp_qty_format). */
    formatQty: (amount, lang) => call(0, { op: 'formatQty', ...amountFields(amount, 'amount'),
      ...word(lang, 'lang', 'lang') }),
    /** The formatTenge style a language's text writes money in: 'ru', 'kk' or 'en' (kzp_lang_money_style). */
    moneyStyleOf: (lang) => call(0, { op: 'moneyStyleOf', lang: needString(lang, 'lang') }),
    validateDataset: (text) =>
      deepFreeze(JSON.parse(takeText(withData(text, 'text', (p, n) => core._kzpw_validate(p, n))))),
    libraryVersion: core.UTF8ToString(core._kzpw_version()),
    ...errors,
  });
}

let loading = null;

/** Instantiate the module once; resolves to the API (Context, words functions, error classes). */
export function load() {
  if (!loading) loading = createKzpCore().then(makeApi);
  return loading;
}
