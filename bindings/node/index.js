'use strict';
/**
 * kzpenalty for Node.js: the sanctions of Kazakhstan's Criminal Code as exact, dated, cited
 * numbers, from the kzpenalty C library through a Node-API addon. No rule is re-implemented
 * here: this file finds the addon and defines the error classes it throws.
 */
const path = require('path');

function loadAddon() {
  const candidates = [
    process.env.KZPENALTY_ADDON,
    path.join(__dirname, 'build', 'kzpenalty.node'),
    path.join(__dirname, '..', '..', 'build', 'bindings', 'node', 'kzpenalty.node'),
  ].filter(Boolean);
  const tried = [];
  for (const file of candidates) {
    try {
      return require(file);
    } catch (e) {
      if (e.code !== 'MODULE_NOT_FOUND' && !/cannot open shared object/.test(e.message)) throw e;
      tried.push(file);
    }
  }
  throw new Error('kzpenalty: the native addon was not found (tried ' + tried.join(', ') +
    '). Build it with ./scripts/setup (or cmake --build build) from the repository root.');
}

const native = loadAddon();

/** Base of every error the library reports: .code is the status name, e.g. 'KZP_E_BAD_DATE'. */
class KzpError extends Error {
  constructor(message) {
    super(message);
    this.name = new.target.name;
  }
}

// One error class per status; the WebAssembly wrapper uses the same names (scripts/build-wasm).
const STATUS_CLASSES = require('./status-classes.json');

const errors = { KzpError };
const byCode = { KzpError };
for (const [code, name] of Object.entries(STATUS_CLASSES)) {
  // a named subclass per status, so `e instanceof kzpenalty.NotInForceError` reads as it should
  const cls = { [name]: class extends KzpError {} }[name];
  errors[name] = cls;
  byCode[code] = cls;
}
native.setErrorClasses(byCode);

// Result classes: the addon calls their constructors with the values in this order. Building
// and freezing objects here is much faster than setting properties one by one from C.
function resultClass(name, fields) {
  const body = fields.map((f, i) => `this.${f} = a${i};`).join(' ');
  const params = fields.map((_, i) => `a${i}`).join(', ');
  // eslint-disable-next-line no-new-func
  return new Function(`return class ${name} { constructor(${params}) { ${body} Object.freeze(this); } };`)();
}

// The field lists must match the order in which src/addon.c passes the values, and index.d.ts
// (a test checks every result against the declarations).
const results = {
  Citation: resultClass('Citation', ['id', 'act', 'reference', 'actIn', 'referenceIn', 'document', 'seenIn', 'note',
    'status']),
  Receipt: resultClass('Receipt', ['library', 'dataset', 'datasetVersion', 'datasetFingerprint', 'hypothetical']),
  Mci: resultClass('Mci', ['tenge', 'date', 'from', 'purpose', 'stale', 'certainty', 'citation']),
  Bound: resultClass('Bound', ['amount', 'tiyn', 'text', 'source', 'citation']),
  Restriction: resultClass('Restriction', ['id', 'kind', 'persons', 'citation']),
  Sanction: resultClass('Sanction', ['kind', 'unit', 'min', 'max', 'articleMin', 'articleMax', 'generalMin',
    'generalMax', 'minLiftedBy', 'capped', 'perDayMax', 'perDayCitation', 'restriction', 'citation']),
  Payment: resultClass('Payment', ['id', 'name', 'mciCount', 'priced', 'amountTiyn', 'amountText', 'certainty',
    'citation', 'pricedBy']),
  Range: resultClass('Range', ['article', 'offenceDate', 'mitigated', 'accelerated', 'orderProcedure', 'mci',
    'sanctions', 'omitted', 'omittedBy', 'payments', 'certainty', 'stale', 'basis', 'receipt']),
  Fine: resultClass('Fine', ['mciCount', 'offenceDate', 'amountTiyn', 'amountText', 'mci', 'certainty', 'stale', 'basis',
    'receipt']),
  Check: resultClass('Check', ['fits', 'violation', 'kind', 'unit', 'amount', 'limit', 'limitSource', 'limitCitation',
    'excess', 'range', 'receipt']),
  Conversion: resultClass('Conversion', ['fromKind', 'amount', 'toKind', 'whole', 'remainder', 'remainderUnit', 'exact',
    'rule', 'certainty', 'scope', 'citation', 'receipt']),
};
native.setResultClasses(results);

// fine(integer, 'YYYY-MM-DD'), the clerk's everyday call, on a fast path: the addon computes
// and writes the numbers to a shared buffer, and the result is built here around the basis and
// receipt objects of an earlier result for the same period (fine results for one period share
// them anyway) and a new Mci with this call's date. Everything else, errors included, goes to
// the addon's full fine().
const fullFine = native.Context.prototype.fine;
const fineFast = native.Context.prototype._fineFast;
delete native.Context.prototype._fineFast;
const scratchTiyn = new BigInt64Array(native.fineScratch, 0, 1);
const scratchInts = new Int32Array(native.fineScratch, 8, 2); // [period index, certainty]
const CERTAINTY = native.certaintyNames;
const finesByPeriod = new WeakMap(); // Context -> [period index] -> an earlier Fine

Object.defineProperty(native.Context.prototype, 'fine', {
  value: function fine(mciCount, date, options) {
    if (options === undefined && typeof mciCount === 'number' && typeof date === 'string') {
      const text = fineFast.call(this, mciCount, date);
      if (text !== undefined) {
        const period = scratchInts[0];
        let seen = finesByPeriod.get(this);
        const earlier = seen && seen[period];
        if (earlier) {
          const m = earlier.mci;
          const mci = new results.Mci(m.tenge, date, m.from, m.purpose, false, m.certainty, m.citation);
          return new results.Fine(String(mciCount), date, scratchTiyn[0], text, mci, CERTAINTY[scratchInts[1]], false,
            earlier.basis, earlier.receipt);
        }
        const first = fullFine.call(this, mciCount, date);
        if (!seen) finesByPeriod.set(this, (seen = []));
        seen[period] = first;
        return first;
      }
    }
    return fullFine.call(this, mciCount, date, options);
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
