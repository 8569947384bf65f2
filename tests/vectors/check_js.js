'use strict';
// The shared cases of tests/vectors/ checked through a JavaScript API of the library: the Node
// binding (bindings/node/test/vectors.test.js) and the WebAssembly build
// (bindings/wasm/test/vectors.test.mjs) both run these, so they answer every case alike.
const assert = require('node:assert/strict');

const CASE_KEYS = new Set(['name', 'why', 'op', 'article', 'date', 'mci_count', 'kind', 'amount', 'from', 'to',
  'mitigated', 'accelerated', 'purpose', 'mci', 'allow_stale', 'strict', 'expect', 'error']);

function run(base, c) {
  const ctx = c.mci !== undefined ? base.whatIf(c.mci) : base;
  const opts = { mitigated: !!c.mitigated, accelerated: !!c.accelerated, allowStale: !!c.allow_stale, strict: !!c.strict };
  switch (c.op) {
    case 'mci': return ctx.mci(c.date, c.purpose || 'fines', opts);
    case 'fine': return ctx.fine(c.mci_count, c.date, opts);
    case 'range': return ctx.range(c.article, c.date, opts);
    case 'check': return ctx.check(c.article, c.date, c.kind, c.amount, opts);
    case 'convert': return ctx.convert(c.amount, c.from, c.to);
    default: throw new Error(`unknown op ${c.op}`);
  }
}

// Decimal strings compare exactly as numbers of hundredths ("200" == "200.00").
const centi = (s) => {
  const [w, f = ''] = String(s).split('.');
  return BigInt(w) * 100n + BigInt((f + '00').slice(0, 2));
};

function checkField(name, op, r, key, want) {
  const where = `${name}: ${key}`;
  if (key === 'certainty') return assert.equal(r.certainty, want, where);
  if (op === 'mci' && (key === 'tenge' || key === 'stale')) return assert.equal(r[key], want, where);
  if (op === 'mci' && key === 'from') return assert.equal(r.from, want, where);
  if (op === 'fine' && key === 'amount_tiyn') return assert.equal(r.amountTiyn, BigInt(want), where);
  if (op === 'fine' && key === 'mci_tenge') return assert.equal(r.mci.tenge, want, where);
  if (op === 'fine' && key === 'mci_from') return assert.equal(r.mci.from, want, where);
  if (op === 'range' && key === 'mci_tenge') return assert.equal(r.mci.tenge, want, where);
  if (op === 'range' && key === 'stale') return assert.equal(r.stale, want, where);
  if (op === 'range' && key === 'sanctions') {
    assert.equal(r.sanctions.length, want.length, where);
    want.forEach((w, i) => {
      const s = r.sanctions[i];
      for (const [k, v] of Object.entries(w)) {
        if (k === 'max') assert.equal(centi(s.max), centi(v), `${where}[${i}].max`);
        else if (k === 'min') assert.equal(s.min === null ? null : centi(s.min), v === null ? null : centi(v), where);
        else if (k === 'max_tiyn') assert.equal(s.maxTiyn, BigInt(v), `${where}[${i}].max_tiyn`);
        else assert.equal(s[k], v, `${where}[${i}].${k}`);
      }
    });
    return undefined;
  }
  if (op === 'check' && (key === 'fits' || key === 'violation')) return assert.equal(r[key], want, where);
  if (op === 'check' && (key === 'limit' || key === 'excess')) return assert.equal(centi(r[key]), centi(want), where);
  if (op === 'convert' && key === 'whole') return assert.equal(r.whole, BigInt(want), where);
  if (op === 'convert' && key === 'exact') return assert.equal(r.exact, want, where);
  if (op === 'convert' && key === 'remainder') return assert.equal(centi(r.remainder), centi(want), where);
  return assert.fail(`${name}: unknown expected field ${key} for ${op}`);
}

function coreVectors(kzpenalty, loadVectors) {
  const base = new kzpenalty.Context();
  const { cases } = loadVectors('core.json');
  assert.ok(cases.length > 30);
  for (const c of cases) {
    for (const k of Object.keys(c)) assert.ok(CASE_KEYS.has(k), `${c.name}: unknown field ${k}`);
    if (c.error) {
      assert.throws(() => run(base, c), (e) => e instanceof kzpenalty.KzpError && e.code === c.error, c.name);
    } else {
      const r = run(base, c);
      for (const [k, v] of Object.entries(c.expect)) checkField(c.name, c.op, r, k, v);
    }
  }
}

function wordsVectors(kzpenalty, loadVectors) {
  const doc = loadVectors('words.json');
  assert.ok(doc.numbers.length >= 60);
  for (const c of doc.numbers) {
    for (const lang of ['en', 'ru', 'kk']) assert.equal(kzpenalty.numberWords(c.n, lang), c[lang], `${c.n} ${lang}`);
  }
  for (const c of doc.russian_forms) assert.equal(kzpenalty.numberWords(c.n, 'ru', c.gender, c.case), c.ru);
  for (const c of doc.tenge) {
    for (const [lang, text] of Object.entries(c.words || {})) assert.equal(kzpenalty.tengeWords(BigInt(c.tiyn), lang), text);
    for (const [lang, text] of Object.entries(c.figures_words || {})) {
      assert.equal(kzpenalty.tengeFiguresWords(BigInt(c.tiyn), lang), text);
    }
  }
  for (const c of doc.errors) {
    assert.throws(() => ('n' in c ? kzpenalty.numberWords(c.n, 'ru') : kzpenalty.tengeWords(BigInt(c.tiyn), 'ru')),
      (e) => e.code === c.error);
  }
  const ctx = new kzpenalty.Context();
  for (const c of doc.sentences) {
    assert.deepEqual([...ctx.sanctionTexts(c.article, c.date, c.lang, { mitigated: c.mitigated })], c.texts);
  }
}

module.exports = { coreVectors, wordsVectors };
