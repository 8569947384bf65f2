'use strict';
// The shared cases of tests/vectors/ checked through a JavaScript API of the library: the Node
// binding (bindings/node/test/vectors.test.js) and the WebAssembly build
// (bindings/wasm/test/vectors.test.mjs) both run these, so they answer every case alike. A key
// this runner does not know, in a case, an expected result, a sanction or a payment, fails the
// case: a typo cannot pass silently.
const assert = require('node:assert/strict');

const CASE_KEYS = new Set(['name', 'why', 'op', 'article', 'date', 'mci_count', 'kind', 'amount', 'from', 'to', 'rule',
  'mitigated', 'accelerated', 'order_procedure', 'purpose', 'mci', 'allow_stale', 'strict', 'expect', 'error']);

// The case's query flags as the binding's options, only those the case gives (so a flag the
// call does not take fails as the binding refuses it, instead of being dropped here).
const FLAG_OPTIONS = { mitigated: 'mitigated', accelerated: 'accelerated', order_procedure: 'orderProcedure',
  allow_stale: 'allowStale', strict: 'strict' };

function optionsOf(c) {
  const opts = {};
  for (const [key, option] of Object.entries(FLAG_OPTIONS)) {
    if (c[key] !== undefined) opts[option] = c[key];
  }
  return opts;
}

function run(base, c) {
  const ctx = c.mci !== undefined ? base.whatIf(c.mci) : base;
  const opts = optionsOf(c);
  switch (c.op) {
    case 'mci': return ctx.mci(c.date, c.purpose || 'fines', opts);
    case 'fine': return ctx.fine(c.mci_count, c.date, opts);
    case 'range': return ctx.range(c.article, c.date, opts);
    case 'check': return ctx.check(c.article, c.date, c.kind, c.amount, opts);
    case 'convert':
      assert.deepEqual(opts, {}, `${c.name}: convert takes no query flags`);
      return ctx.convert(c.amount, c.from, c.to, c.rule === undefined ? undefined : { rule: c.rule });
    default: throw new Error(`unknown op ${c.op}`);
  }
}

// Decimal strings compare exactly as numbers of hundredths ("200" == "200.00").
const centi = (s) => {
  const [w, f = ''] = String(s).split('.');
  return BigInt(w) * 100n + BigInt((f + '00').slice(0, 2));
};

const citationId = (c) => (c === null ? null : c.id);

// One bound field of a sanction: min, max, and their _tiyn, _source and _citation.
function checkBound(where, bound, suffix, want) {
  if (suffix === '') {
    return assert.equal(bound === null ? null : centi(bound.amount), want === null ? null : centi(want), where);
  }
  if (suffix === '_tiyn') {
    assert.ok(bound !== null && bound.tiyn !== null, `${where}: needs a priced bound`);
    return assert.equal(bound.tiyn, BigInt(want), where);
  }
  // no bound is the library's source "none", with no citation
  if (suffix === '_source') return assert.equal(bound === null ? 'none' : bound.source, want, where);
  if (suffix === '_citation') return assert.equal(bound === null ? null : citationId(bound.citation), want, where);
  return assert.fail(`${where}: unknown sanction field`);
}

function checkSanctions(where, sanctions, want) {
  assert.equal(sanctions.length, want.length, `${where}: count`);
  want.forEach((w, i) => {
    const s = sanctions[i];
    for (const [k, v] of Object.entries(w)) {
      const at = `${where}[${i}].${k}`;
      const bound = /^(min|max)(|_tiyn|_source|_citation)$/.exec(k);
      if (k === 'kind' || k === 'unit') assert.equal(s[k], v, at);
      else if (k === 'min_lifted_by') assert.equal(citationId(s.minLiftedBy), v, at);
      else if (bound) checkBound(at, s[bound[1]], bound[2], v);
      else assert.fail(`${at}: unknown sanction field`);
    }
  });
}

function checkPayments(where, payments, want) {
  assert.equal(payments.length, want.length, `${where}: count`);
  want.forEach((w, i) => {
    const p = payments[i];
    for (const [k, v] of Object.entries(w)) {
      const at = `${where}[${i}].${k}`;
      if (k === 'id' || k === 'priced' || k === 'certainty') assert.equal(p[k], v, at);
      else if (k === 'mci') assert.equal(centi(p.mciCount), centi(v), at);
      else if (k === 'amount_tiyn') assert.equal(p.amountTiyn, v === null ? null : BigInt(v), at);
      else assert.fail(`${at}: unknown payment field`);
    }
  });
}

function checkField(name, op, r, key, want) {
  const where = `${name}: ${key}`;
  if (key === 'certainty' && op !== 'check') return assert.equal(r.certainty, want, where);
  if (op === 'mci' && (key === 'tenge' || key === 'stale')) return assert.equal(r[key], want, where);
  if (op === 'mci' && key === 'from') return assert.equal(r.from, want, where);
  if (op === 'fine' && key === 'amount_tiyn') return assert.equal(r.amountTiyn, BigInt(want), where);
  if (op === 'fine' && key === 'mci_tenge') return assert.equal(r.mci.tenge, want, where);
  if (op === 'fine' && key === 'mci_from') return assert.equal(r.mci.from, want, where);
  if (op === 'range' && key === 'mci_tenge') return assert.equal(r.mci.tenge, want, where);
  if (op === 'range' && key === 'stale') return assert.equal(r.stale, want, where);
  if (op === 'range' && key === 'sanctions') return checkSanctions(where, r.sanctions, want);
  if (op === 'range' && key === 'omitted') return assert.deepEqual([...r.omitted], want, where);
  if (op === 'range' && key === 'payments') return checkPayments(where, r.payments, want);
  if (op === 'check' && (key === 'fits' || key === 'violation')) return assert.equal(r[key], want, where);
  if (op === 'check' && (key === 'limit' || key === 'excess')) return assert.equal(centi(r[key]), centi(want), where);
  if (op === 'check' && key === 'limit_source') return assert.equal(r.limitSource, want, where);
  if (op === 'check' && key === 'limit_citation') return assert.equal(citationId(r.limitCitation), want, where);
  if (op === 'convert' && key === 'whole') return assert.equal(r.whole, BigInt(want), where);
  if (op === 'convert' && key === 'exact') return assert.equal(r.exact, want, where);
  if (op === 'convert' && key === 'remainder') return assert.equal(centi(r.remainder), centi(want), where);
  if (op === 'convert' && key === 'rule') return assert.equal(r.rule, want, where);
  if (op === 'convert' && key === 'citation') return assert.equal(r.citation.id, want, where);
  return assert.fail(`${name}: unknown expected field ${key} for ${op}`);
}

function coreVectors(kzpenalty, loadVectors) {
  const base = new kzpenalty.Context();
  const { cases } = loadVectors('core.json');
  assert.ok(cases.length >= 66);
  for (const c of cases) {
    for (const k of Object.keys(c)) assert.ok(CASE_KEYS.has(k), `${c.name}: unknown field ${k}`);
    assert.ok((c.expect === undefined) !== (c.error === undefined), `${c.name}: exactly one of expect and error`);
    if (c.error) {
      assert.throws(() => run(base, c), (e) => e instanceof kzpenalty.KzpError && e.code === c.error, c.name);
    } else {
      const r = run(base, c);
      assert.ok(Object.keys(c.expect).length > 0, `${c.name}: empty expect`);
      for (const [k, v] of Object.entries(c.expect)) checkField(c.name, c.op, r, k, v);
    }
  }
}

const SENTENCE_KEYS = new Set(['article', 'date', 'mitigated', 'order_procedure', 'lang', 'texts']);

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
  assert.ok(doc.sentences.some((c) => c.order_procedure === true), 'words.json has order-procedure sentences');
  for (const c of doc.sentences) {
    for (const k of Object.keys(c)) assert.ok(SENTENCE_KEYS.has(k), `sentence: unknown field ${k}`);
    const opts = { mitigated: c.mitigated, orderProcedure: c.order_procedure };
    assert.deepEqual([...ctx.sanctionTexts(c.article, c.date, c.lang, opts)], c.texts,
      `${c.article} ${c.date} ${c.lang} ${JSON.stringify(opts)}`);
  }
}

module.exports = { coreVectors, wordsVectors };
