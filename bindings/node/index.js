'use strict';
/**
 * kzpenalty for Node.js: the sanctions of Kazakhstan's Criminal Code as exact, dated, cited
 * numbers, from the kzpenalty C library through a Node-API addon. No rule is re-implemented
 * here: this file finds the addon and defines the error classes it throws.
 */
const fs = require('fs');
const path = require('path');

// The addon, from the first place that has one:
//   1. $KZPENALTY_ADDON, a file (the repository's tests point it at the CMake build);
//   2. in the repository (CMakeLists.txt beside this file, which the npm package leaves out), the
//      CMake build tree build/bindings/node, and nothing else;
//   3. in the npm package, node-gyp-build: build/Release (an addon built on install from the
//      package's sources), else the prebuilt binary of prebuilds/ that fits this platform,
//      architecture and libc.
// Only a missing file moves on to the next place. An addon that is there but does not load (a
// shared library missing, another architecture, a corrupt file) throws with the system's reason.
function requireAddon(file) {
  try {
    return require(file);
  } catch (e) {
    throw new Error(`kzpenalty: the native addon ${file} could not be loaded: ${e.message}`, { cause: e });
  }
}

function loadAddon() {
  if (process.env.KZPENALTY_ADDON) return requireAddon(path.resolve(process.env.KZPENALTY_ADDON));
  if (fs.existsSync(path.join(__dirname, 'CMakeLists.txt'))) {
    const built = path.join(__dirname, '..', '..', 'build', 'bindings', 'node', 'kzpenalty.node');
    if (!fs.existsSync(built)) {
      throw new Error(`kzpenalty: the native addon was not found (no ${built}). Build it with ./scripts/setup ` +
        '(or cmake --build build) from the repository root.');
    }
    return requireAddon(built);
  }
  const finder = require('node-gyp-build');
  if (typeof finder.resolve !== 'function') return finder(__dirname); // a runtime with its own addon resolver
  let file;
  try {
    file = finder.resolve(__dirname);
  } catch (e) {
    // node-gyp-build names the platform, architecture, libc and Node version that nothing fits
    throw new Error(`kzpenalty: no native addon fits this machine (${e.message.trim()}). Installing with a C ` +
      'compiler and Python builds one: npm install --build-from-source kzpenalty', { cause: e });
  }
  return requireAddon(file);
}

const native = loadAddon();

/** Base of every error the library reports: .code is the status name, e.g. 'KZP_E_BAD_DATE'. */
class KzpError extends Error {
  constructor(message) {
    super(message);
    this.name = new.target.name;
  }
}

// One error class per status, named by the library (kzp_status_class), as every binding names them.
const errors = { KzpError };
const byCode = { KzpError };
for (const [code, name] of Object.entries(native.statusClasses)) {
  // a named subclass per status, so `e instanceof kzpenalty.NotInForceError` reads as it should
  const cls = { [name]: class extends KzpError {} }[name];
  errors[name] = cls;
  byCode[code] = cls;
}
native.setErrorClasses(byCode);

// JSON.stringify(result) works although money is bigint, which JSON cannot hold: every result
// class has a toJSON that copies the result with each bigint, at any depth, written as its decimal
// string (tiyn as '86500000', the form the WebAssembly build's JSON carries money in). It knows no
// field by name, so a field added to a result later is converted with no change here.
function jsonable(value) {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(jsonable);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) out[key] = jsonable(value[key]);
    return out;
  }
  return value;
}

// Result classes: the addon calls their constructors with the values in this order. Building
// and freezing objects here is much faster than setting properties one by one from C.
function resultClass(name, fields) {
  const body = fields.map((f, i) => `this.${f} = a${i};`).join(' ');
  const params = fields.map((_, i) => `a${i}`).join(', ');
  // eslint-disable-next-line no-new-func
  const cls = new Function(`return class ${name} { constructor(${params}) { ${body} Object.freeze(this); } };`)();
  Object.defineProperty(cls.prototype, 'toJSON', {
    value: function toJSON() {
      return jsonable(this);
    },
    writable: true,
    configurable: true,
  });
  return cls;
}

// The field lists must match the order in which src/addon.c passes the values, and index.d.ts
// (a test checks every result against the declarations).
const results = {
  Citation: resultClass('Citation', ['id', 'act', 'reference', 'actIn', 'referenceIn', 'document', 'seenIn', 'note',
    'status']),
  Receipt: resultClass('Receipt', ['library', 'dataset', 'datasetVersion', 'datasetFingerprint', 'datasetSha256',
    'updates', 'hypothetical']),
  Mci: resultClass('Mci', ['tenge', 'date', 'from', 'validFrom', 'validUntil', 'purpose', 'stale', 'certainty',
    'citation']),
  Bound: resultClass('Bound', ['amount', 'tiyn', 'text', 'source', 'citation']),
  Restriction: resultClass('Restriction', ['id', 'kind', 'persons', 'citation']),
  Sanction: resultClass('Sanction', ['kind', 'unit', 'min', 'max', 'articleMin', 'articleMax', 'generalMin',
    'generalMax', 'minLiftedBy', 'capped', 'perDayMax', 'perDayCitation', 'restriction', 'citation']),
  Payment: resultClass('Payment', ['id', 'name', 'mciCount', 'priced', 'amountTiyn', 'amountText', 'certainty',
    'citation', 'pricedBy']),
  Range: resultClass('Range', ['article', 'offenceDate', 'validFrom', 'validUntil', 'mitigated', 'accelerated',
    'orderProcedure', 'mci', 'sanctions', 'omitted', 'omittedBy', 'payments', 'certainty', 'stale', 'basis', 'receipt']),
  Fine: resultClass('Fine', ['mciCount', 'offenceDate', 'validFrom', 'validUntil', 'amountTiyn', 'amountText', 'mci',
    'certainty', 'stale', 'basis', 'receipt']),
  Check: resultClass('Check', ['fits', 'violation', 'kind', 'unit', 'amount', 'limit', 'limitSource', 'limitCitation',
    'excess', 'validFrom', 'validUntil', 'range', 'receipt']),
  Conversion: resultClass('Conversion', ['fromKind', 'amount', 'toKind', 'whole', 'remainder', 'remainderUnit', 'exact',
    'rule', 'certainty', 'scope', 'citation', 'receipt']),
};
native.setResultClasses(results);

// fine(integer, 'YYYY-MM-DD') and range(article, 'YYYY-MM-DD'), the everyday calls, reuse earlier
// answers where the library says they hold: every dated answer is the same for each offence date
// of its validFrom..validUntil but for the date itself (offenceDate and mci.date). So when an
// earlier answer of this Context to the same question (the same mciCount, or the same article,
// with no options) has an interval holding the date, and the library reads the date as that same
// date (dateOk: kzp_date_check, so '2026-02-30' still goes to the full call and throws), the
// answer is the earlier one on this date. Anything else (options, a date outside every interval,
// errors) goes to the addon.
const dateOk = native.dateOk;
const KEPT_INTERVALS = 8; // answers kept per question, the oldest replaced
// questions kept per Context, the oldest dropped: few mciCounts, so that answers to counts asked
// once die young (with 256 kept, a new count took about 1.4 us here instead of 0.8 us)
const KEPT_QUESTIONS = { fine: 16, range: 64 };
const answered = new WeakMap(); // Context -> { fine: Map(mciCount -> [Fine]), range: Map(article -> [Range]) }

/** An earlier answer to this question (call, key) whose interval holds date, or undefined. */
function earlierAnswer(ctx, call, key, date) {
  const seen = answered.get(ctx);
  const list = seen && seen[call].get(key);
  if (list) {
    for (const r of list) {
      if (date >= r.validFrom && date <= r.validUntil) return dateOk(date) ? r : undefined;
    }
  }
  return undefined;
}

function remember(ctx, call, key, result) {
  let seen = answered.get(ctx);
  if (!seen) answered.set(ctx, (seen = { fine: new Map(), range: new Map() }));
  const questions = seen[call];
  const list = questions.get(key);
  if (list) {
    if (list.length >= KEPT_INTERVALS) list.shift();
    list.push(result);
  } else {
    if (questions.size >= KEPT_QUESTIONS[call]) questions.delete(questions.keys().next().value); // the oldest question
    questions.set(key, [result]);
  }
  return result;
}

// An Mci as m, on another date of its validity interval.
function mciOn(m, date) {
  return new results.Mci(m.tenge, date, m.from, m.validFrom, m.validUntil, m.purpose, m.stale, m.certainty, m.citation);
}

// A fine that is not yet answered takes a fast path too: the addon computes it and writes the
// numbers to a shared buffer with a slot index; fines of one slot have the same validity interval,
// MCI (but its date) and basis, as the library gave them (the addon compares them: fine_slot in
// src/addon.c), and the result is built around those parts of an earlier Fine of the slot.
const fullFine = native.Context.prototype.fine;
const fineFast = native.Context.prototype._fineFast;
delete native.Context.prototype._fineFast;
const scratchTiyn = new BigInt64Array(native.fineScratch, 0, 1);
const scratchInts = new Int32Array(native.fineScratch, 8, 2); // [slot, certainty]
const CERTAINTY = native.certaintyNames;
const finesBySlot = new WeakMap(); // Context -> [slot] -> an earlier Fine

function newFine(ctx, mciCount, date) {
  const text = fineFast.call(ctx, mciCount, date);
  if (text === undefined) return fullFine.call(ctx, mciCount, date); // it reports what the fast path declined
  const slot = scratchInts[0];
  let seen = finesBySlot.get(ctx);
  const earlier = seen && seen[slot];
  if (earlier) {
    return new results.Fine(String(mciCount), date, earlier.validFrom, earlier.validUntil, scratchTiyn[0], text,
      mciOn(earlier.mci, date), CERTAINTY[scratchInts[1]], false, earlier.basis, earlier.receipt);
  }
  const first = fullFine.call(ctx, mciCount, date);
  if (!seen) finesBySlot.set(ctx, (seen = []));
  seen[slot] = first;
  return first;
}

Object.defineProperty(native.Context.prototype, 'fine', {
  value: function fine(mciCount, date, options) {
    if (options !== undefined || typeof mciCount !== 'number' || typeof date !== 'string') {
      return fullFine.call(this, mciCount, date, options);
    }
    const f = earlierAnswer(this, 'fine', mciCount, date);
    if (f) {
      return new results.Fine(f.mciCount, date, f.validFrom, f.validUntil, f.amountTiyn, f.amountText,
        mciOn(f.mci, date), f.certainty, f.stale, f.basis, f.receipt);
    }
    return remember(this, 'fine', mciCount, newFine(this, mciCount, date));
  },
  writable: true,
  configurable: true,
});

const fullRange = native.Context.prototype.range;

Object.defineProperty(native.Context.prototype, 'range', {
  value: function range(article, date, options) {
    if (options !== undefined || typeof article !== 'string' || typeof date !== 'string') {
      return Reflect.apply(fullRange, this, arguments); // as called: a missing argument is reported as missing
    }
    const r = earlierAnswer(this, 'range', article, date);
    if (r) {
      return new results.Range(r.article, date, r.validFrom, r.validUntil, r.mitigated, r.accelerated,
        r.orderProcedure, r.mci === null ? null : mciOn(r.mci, date), r.sanctions, r.omitted, r.omittedBy,
        r.payments, r.certainty, r.stale, r.basis, r.receipt);
    }
    return remember(this, 'range', article, fullRange.call(this, article, date));
  },
  writable: true,
  configurable: true,
});

module.exports = {
  Context: native.Context,
  numberWords: native.numberWords,
  tengeWords: native.tengeWords,
  tengeFiguresWords: native.tengeFiguresWords,
  formatTenge: native.formatTenge,
  validateDataset: native.validateDataset,
  libraryVersion: native.libraryVersion,
  ...results,
  ...errors,
};
