// The WebAssembly wrapper's own behaviour: types in and out, errors, contexts, memory, and
// that it answers like the native library (the Node binding, when it is built).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { kzpenalty as k, SOURCE_DIR } from './support.mjs';

const ctx = new k.Context();

test('money is bigint tiyn, quantities exact strings, results frozen', () => {
  const f = ctx.fine(200, '2026-02-10');
  assert.equal(f.amountTiyn, 86500000n); // 200 MCI x 4,325 tenge = 865,000 tenge
  assert.equal(f.amountText, '865 000 ₸');
  assert.equal(f.mciCount, '200');
  assert.equal(ctx.fine('0.2', '2026-01-05').amountTiyn, 86500n); // 0.2 x 4,325 = 865 tenge
  assert.equal(ctx.fine(200n, '2025-10-01').amountTiyn, 78640000n); // 200 x 3,932 = 786,400 tenge
  assert.ok(Object.isFrozen(f) && Object.isFrozen(f.mci) && Object.isFrozen(f.basis[0]));
  const r = ctx.range('115-1', '2026-02-10', { mitigated: true });
  assert.deepEqual(r.sanctions.map((s) => s.max), ['100', '100', '25']); // the Art. 55 half cap of 200/200/50
  assert.equal(r.sanctions[0].maxTiyn, 43250000n); // 100 x 4,325 = 432,500 tenge
  assert.equal(r.receipt.library, k.libraryVersion);
  const c = ctx.convert(200, 'fine', 'arrest');
  assert.equal(c.whole, 50n); // Art. 61: 200 MCI = 200 hours = 50 days (4 per day)
});

test('words and labels come from the library', () => {
  assert.equal(k.tengeFiguresWords(86500000n, 'ru'), '865 000 (восемьсот шестьдесят пять тысяч) тенге');
  assert.equal(k.formatTenge(78640000n, 'ru'), '786 400 тенге');
  assert.equal(k.kindLabel('fine', 'kk'), 'айыппұл');
  assert.equal(k.unitLabel('hours', 'ru', '200'), 'часов'); // 5-20 and round hundreds take the genitive plural
  assert.equal(k.unitLabel('days', 'en', '1'), 'day');
  assert.equal(k.categoryLabel('criminal_offence', 'ru'), 'уголовный проступок');
  assert.deepEqual(ctx.articles().map((a) => a.id), ['115-1']);
  assert.ok(ctx.mciTable().some((p) => p.from === '2026-01-01' && p.tenge === 4325));
});

test('errors: a class per status, TypeError for wrong types, nothing changes', () => {
  assert.throws(() => ctx.range('115-1', '2025-09-15'), (e) => e instanceof k.NotInForceError && e.code === 'KZP_E_NOT_IN_FORCE');
  assert.throws(() => ctx.fine(200, '2026-02-30'), (e) => e instanceof k.BadDateError);
  assert.throws(() => ctx.fine(-1, '2026-02-10'), (e) => e.code === 'KZP_E_BAD_NUMBER');
  assert.throws(() => ctx.fine(200, '2027-01-01'), (e) => e instanceof k.StaleMciError);
  assert.throws(() => ctx.fine(1.5, '2026-02-10'), TypeError);
  assert.throws(() => ctx.range(115, '2026-02-10'), TypeError);
  assert.throws(() => ctx.convert(1, 'fine', 'prison'), (e) => e instanceof k.UnknownKindError);
  assert.throws(() => ctx.whatIf(0), (e) => e.code === 'KZP_E_BAD_NUMBER');
  assert.throws(() => k.Context.fromJSON('{"schema_version": 1'), (e) => e instanceof k.JSONSyntaxError && e.line === 1);
  assert.throws(() => ctx.withMci('{"mci": {"periods": [{"from": "x"}]}}'), (e) => e instanceof k.KzpError);
  assert.throws(() => k.numberWords(-1, 'ru'), (e) => e.code === 'KZP_E_BAD_NUMBER');
  assert.throws(() => k.tengeWords(1n, 'de'), TypeError); // as in the Node binding
  assert.throws(() => new k.Context(1), TypeError);
  // the context is unchanged by the failures above
  assert.equal(ctx.fine(200, '2026-02-10').amountTiyn, 86500000n);
});

test('arguments are judged as the Node binding judges them', () => {
  // options must be booleans: a truthy 'no' must not apply the half cap
  assert.throws(() => ctx.range('115-1', '2026-02-10', { mitigated: 'no' }), TypeError);
  assert.throws(() => ctx.range('115-1', '2026-02-10', { mitigated: 1 }), TypeError);
  assert.throws(() => ctx.fine(10, '2027-06-01', { allowStale: 'false' }), TypeError);
  assert.deepEqual(ctx.range('115-1', '2026-02-10', { mitigated: false }).sanctions.map((s) => s.max), ['200', '200', '50']);
  // an unknown language, style or gender is a TypeError; an unknown purpose an UnknownKindError
  assert.throws(() => k.tengeWords(100n, 'de'), TypeError);
  assert.throws(() => k.formatTenge(100n, 'fancy'), TypeError);
  assert.throws(() => k.numberWords(5, 'ru', 'other'), TypeError);
  assert.throws(() => ctx.sanctionTexts('115-1', '2026-02-10', 'fr'), TypeError);
  assert.throws(() => ctx.mci('2025-01-01', 'bogus'), (e) => e instanceof k.UnknownKindError);
  // a NUL inside a text is not cut off: the date is refused
  assert.throws(() => ctx.range('115-1', '2026-02-1\0'), (e) => e instanceof k.BadDateError);
  assert.throws(() => ctx.range('115-1\0x', '2026-02-10'), (e) => e instanceof k.UnknownArticleError);
});

test('dataset bytes go to the library unchanged', () => {
  const text = fs.readFileSync(path.join(SOURCE_DIR, 'data', 'kzpenalty.json'));
  const bytes = new Uint8Array(text);
  // a byte-order mark is not JSON: refused at line 1, as the C library and the Node binding refuse it
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
  assert.throws(() => k.Context.fromJSON(bom), (e) => e instanceof k.JSONSyntaxError && e.line === 1);
  // a byte that is not UTF-8 is refused, not replaced
  const bad = bytes.slice();
  bad[bytes.indexOf(0x61 /* a */, 200)] = 0xff;
  assert.throws(() => k.Context.fromJSON(bad), (e) => e instanceof k.JSONSyntaxError);
  assert.deepEqual(k.validateDataset(bytes), []);
  assert.ok(k.validateDataset(bom).length === 1);
  assert.throws(() => k.validateDataset(42), TypeError);
});

test('contexts: JSON, MCI update, what-if, validation, explicit free', () => {
  const text = fs.readFileSync(path.join(SOURCE_DIR, 'data', 'kzpenalty.json'), 'utf8');
  const fromText = k.Context.fromJSON(text);
  assert.equal(fromText.info.fingerprint, ctx.info.fingerprint);
  assert.equal(k.Context.fromJSON(new TextEncoder().encode(text)).info.fingerprint, ctx.info.fingerprint);
  const w = ctx.whatIf(5000);
  const f = w.fine(200, '2026-02-10');
  assert.equal(f.amountTiyn, 100000000n); // 200 x 5,000 hypothetical tenge = 1,000,000 tenge
  assert.equal(f.certainty, 'hypothetical');
  assert.equal(w.info.hypothetical, true);
  assert.deepEqual(k.validateDataset(text), []);
  const problems = k.validateDataset('{}');
  assert.ok(problems.length > 0 && problems.every((p) => typeof p.code === 'string' && p.message));
  fromText.free();
  assert.throws(() => fromText.range('115-1', '2026-02-10'), (e) => e.code === 'KZP_E_INVALID_ARG');
  fromText.free(); // twice is harmless
});

test('the same error classes and the same answers as the Node binding', (t) => {
  const require = createRequire(import.meta.url);
  let node;
  try {
    node = require(path.join(SOURCE_DIR, 'bindings', 'node'));
  } catch (e) {
    t.skip(`the Node binding is not built here: ${e.message}`);
    return;
  }
  const names = (api) => Object.keys(api).filter((n) => /Error$/.test(n)).sort();
  assert.deepEqual(names(k), names(node));
  const nctx = new node.Context();
  // plain data, each bigint as text marked 'n' (so a bigint never equals a string); not through
  // JSON.stringify, which would take the Node results' own toJSON (bigints as bare strings)
  const plain = (v) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (Array.isArray(v)) return v.map(plain);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).map((key) => [key, plain(v[key])]));
    return v;
  };
  for (const date of ['2025-09-16', '2025-10-01', '2026-02-10', '2026-12-31']) {
    for (const mitigated of [false, true]) {
      assert.deepEqual(plain(ctx.range('115-1', date, { mitigated })), plain(nctx.range('115-1', date, { mitigated })));
    }
    assert.deepEqual(plain(ctx.fine(137, date)), plain(nctx.fine(137, date)));
  }
  assert.deepEqual(plain(ctx.check('115-1', '2026-02-10', 'arrest', 51)), plain(nctx.check('115-1', '2026-02-10', 'arrest', 51)));
  assert.deepEqual(plain(ctx.mciTable()), plain(nctx.mciTable()));
  assert.deepEqual(plain(ctx.articles()), plain(nctx.articles()));
  assert.deepEqual(plain(ctx.info), plain(nctx.info));
});

test('no memory growth over 20,000 calls and 2,000 contexts', () => {
  const before = process.memoryUsage().rss;
  for (let i = 0; i < 20000; i++) ctx.fine(i % 300, '2026-02-10');
  for (let i = 0; i < 2000; i++) ctx.whatIf(4000 + i).free();
  const grown = process.memoryUsage().rss - before;
  // the module's memory grows only if something leaks; allow for the JIT and the GC
  assert.ok(grown < 64 * 1024 * 1024, `rss grew by ${grown} bytes`);
});
