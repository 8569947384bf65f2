// The WebAssembly wrapper's own behaviour: types in and out, errors, contexts, memory, and
// that it answers like the native library (the Node binding, when it is built).
import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
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
  // the Art. 55 half cap of 200 MCI, 200 MCI, 200 hours and 50 days
  assert.deepEqual(r.sanctions.map((s) => s.max.amount), ['100', '100', '100', '25']);
  assert.equal(r.sanctions[0].max.tiyn, 43250000n); // 100 x 4,325 = 432,500 tenge
  assert.equal(r.payments[0].amountTiyn, 2162500n); // 5 MCI x 4,325 = 21,625 tenge
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
  assert.deepEqual(ctx.range('115-1', '2026-02-10', { mitigated: false }).sanctions.map((s) => s.max.amount),
    ['200', '200', '200', '50']);
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

test('the same error classes and the same answers as the Node binding, field by field', (t) => {
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
  const same = (call, what) => {
    let ours;
    let theirs;
    try { ours = plain(call(ctx)); } catch (e) { ours = { threw: e.name, message: e.message }; }
    try { theirs = plain(call(nctx)); } catch (e) { theirs = { threw: e.name, message: e.message }; }
    assert.deepEqual(ours, theirs, what);
    return ours;
  };
  const flagSets = [{}, { mitigated: true }, { accelerated: true }, { mitigated: true, accelerated: true },
    { orderProcedure: true }, { orderProcedure: true, mitigated: true }, { strict: true }, { allowStale: true }];
  for (const date of ['2025-09-16', '2025-10-01', '2026-02-10', '2026-12-31', '2027-01-01']) {
    for (const options of flagSets) {
      same((c) => c.range('115-1', date, options), `range ${date} ${JSON.stringify(options)}`);
      same((c) => c.sanctionTexts('115-1', date, 'kk', options), `sanctionTexts ${date} ${JSON.stringify(options)}`);
    }
    same((c) => c.fine(137, date), `fine ${date}`);
    same((c) => c.mci(date, 'benefits'), `mci ${date}`);
  }
  // every new field is compared, not merely present: the order procedure's single fine of 10 to 20 MCI
  const op = same((c) => c.range('115-1', '2026-02-10', { orderProcedure: true }), 'order procedure');
  assert.deepEqual(op.sanctions.map((s) => [s.min.amount, s.max.amount, s.max.tiyn]), [['10', '20', '8650000n']]);
  assert.deepEqual(op.omitted, ['correctional_work', 'community_service', 'arrest']);
  const full = same((c) => c.range('115-1', '2026-02-10'), 'range');
  assert.equal(full.sanctions[2].restriction.persons.ru.length, 7); // the seven groups of Art. 43 part 3
  assert.equal(full.payments[0].amountTiyn, '2162500n'); // 5 MCI x 4,325 = 21,625 tenge
  for (const [kind, amount, options] of [['arrest', 51], ['fine', 15], ['fine', 15, { mitigated: true }],
    ['fine', 25, { orderProcedure: true }], ['arrest', 20, { orderProcedure: true }], ['community_service', 0],
    ['correctional_work', '10.5']]) {
    same((c) => c.check('115-1', '2026-02-10', kind, amount, options), `check ${kind} ${amount}`);
  }
  for (const rule of [undefined, 'aggregation', 'unpaid-fine', 'evaded-service', 'prison-rule']) {
    for (const [from, to] of [['fine', 'arrest'], ['fine', 'community_service'], ['community_service', 'arrest'],
      ['correctional_work', 'fine'], ['arrest', 'fine']]) {
      same((c) => c.convert(150, from, to, rule === undefined ? undefined : { rule }), `convert ${from} ${to} ${rule}`);
    }
  }
  same((c) => c.mciTable(), 'mciTable');
  same((c) => c.articles(), 'articles');
  same((c) => c.info, 'info');
  same((c) => c.whatIf(5000).range('115-1', '2026-02-10'), 'what-if range');
  // the receipts: the embedded dataset's SHA-256 (computed at build time in both) and no update
  assert.deepEqual(full.receipt.updates, []);
  assert.match(full.receipt.datasetSha256, /^[0-9a-f]{64}$/);
  // a result priced with an update in a buffer (4,500 tenge from 2027-01-01): the same answer and the
  // same period in the receipt; only the update's SHA-256 may differ, as the module has no nettle to
  // compute it ('') and the addon built here may (the SHA-256 of the text)
  const update = JSON.stringify({ citations: [{ id: 'fx', act: 'test fixture', seen_in: 'the test',
    status: 'hypothetical' }], known_until: '2027-12-31', known_until_citation: 'fx',
  periods: [{ from: '2027-01-01', tenge: 4500, purpose: 'all', citation: 'fx' }] });
  const priced = (c) => plain(c.withMci(update).fine(200, '2027-03-15'));
  const ours = priced(ctx);
  const theirs = priced(nctx);
  assert.equal(ours.amountTiyn, '90000000n'); // 200 MCI x 4,500 tenge = 900,000 tenge = 90,000,000 tiyn
  assert.equal(ours.receipt.updates[0].sha256, '');
  assert.ok(['', crypto.createHash('sha256').update(update).digest('hex')].includes(theirs.receipt.updates[0].sha256));
  theirs.receipt.updates[0].sha256 = '';
  assert.deepEqual(ours, theirs, 'a fine priced with an update');
  assert.deepEqual([ours.receipt.updates[0].from, ours.receipt.updates[0].tenge], ['2027-01-01', 4500]);
});

test('no memory growth over 20,000 calls and 2,000 contexts', () => {
  const before = process.memoryUsage().rss;
  for (let i = 0; i < 20000; i++) ctx.fine(i % 300, '2026-02-10');
  for (let i = 0; i < 2000; i++) ctx.whatIf(4000 + i).free();
  const grown = process.memoryUsage().rss - before;
  // the module's memory grows only if something leaks; allow for the JIT and the GC
  assert.ok(grown < 64 * 1024 * 1024, `rss grew by ${grown} bytes`);
});

test('the error classes are the library\'s: one per status, named by kzp_status_class', () => {
  // the library's table (lib/status.c), read from its source: code name -> class name
  const table = fs.readFileSync(path.join(SOURCE_DIR, 'lib', 'status.c'), 'utf8');
  // (a row may be wrapped over two lines)
  const library = Object.fromEntries([...table.matchAll(/\{(KZP_E_\w+),\s*"\1",\s*"[^"]*",\s*"(\w+)"\}/g)]
    .map((m) => [m[1], m[2]]));
  assert.equal(Object.keys(library).length, 21); // KZP_E_INVALID_ARG (-1) to KZP_E_UNVERIFIED (-21)
  assert.equal(library.KZP_E_IO, 'DataFileError');
  const ours = Object.keys(k).filter((n) => /Error$/.test(n) && n !== 'KzpError').sort();
  assert.deepEqual(ours, Object.values(library).sort());
  for (const name of ours) assert.ok(k[name].prototype instanceof k.KzpError && k[name].name === name, name);
  // a status is thrown as its class
  assert.throws(() => ctx.range('115-1', '2025-09-15'), (e) => e.constructor === k[library[e.code]]);
  assert.throws(() => ctx.fine(200, '2026-13-01'), (e) => e.constructor === k[library[e.code]]);
});

test('quantities and money styles as each language writes them, from the library', () => {
  assert.equal(k.formatQty('12.5', 'ru'), '12,5');
  assert.equal(k.formatQty('12.5', 'kk'), '12,5');
  assert.equal(k.formatQty('12.5', 'en'), '12.5');
  assert.equal(k.formatQty('12,50', 'en'), '12.5'); // read as the library reads it, a comma or a point
  assert.equal(k.formatQty(200, 'ru'), '200');
  assert.equal(k.formatQty(200n), '200');
  assert.equal(k.moneyStyleOf('ru'), 'ru');
  assert.equal(k.moneyStyleOf('kk'), 'kk');
  assert.equal(k.moneyStyleOf('en'), 'en');
  // the style as formatTenge takes it: 865,000 tenge
  assert.equal(k.formatTenge(86500000n, k.moneyStyleOf('ru')), '865 000 тенге');
  assert.equal(k.formatTenge(86500000n, k.moneyStyleOf('en')), '865,000 KZT');
  assert.throws(() => k.formatQty('12.5', 'de'), (e) => e instanceof TypeError && /'de' is not a language/.test(e.message));
  assert.throws(() => k.moneyStyleOf('de'), TypeError);
  assert.throws(() => k.moneyStyleOf(), TypeError);
  assert.throws(() => k.formatQty('1.234', 'en'), (e) => e instanceof k.BadNumberError); // never rounded
  assert.throws(() => k.formatQty(1.5, 'en'), TypeError);
});

test('words of the vocabulary are parsed by the library, with its message', () => {
  assert.throws(() => k.tengeWords(1n, 'de'), (e) => e instanceof TypeError &&
    e.message === "lang: 'de' is not a language; expected one of: en, ru, kk");
  assert.throws(() => k.numberWords(5, 'ru', 'other'), (e) => e instanceof TypeError &&
    /^gender: 'other' is not a gender; expected one of: masculine, feminine, neuter, plural$/.test(e.message));
  assert.throws(() => k.numberWords(5, 'ru', 'masculine', 'dative'), (e) => e instanceof TypeError &&
    /^grammaticalCase: 'dative' is not a case; expected one of: nominative, genitive$/.test(e.message));
  assert.throws(() => k.formatTenge(1n, 'fancy'), (e) => e instanceof TypeError &&
    /^style: 'fancy' is not a money style; expected one of: sign, ru, kk, en, plain$/.test(e.message));
  assert.equal(k.numberWords(21, 'ru', 'feminine', 'genitive'), 'двадцати одной');
  // an argument left out takes glue.c's default, from the library's names
  assert.equal(k.formatTenge(86500000n), '865 000 ₸'); // sign
  assert.equal(k.numberWords(1), 'one'); // en, masculine, nominative
  assert.equal(k.numberWords(1, 'ru'), 'один');
  assert.equal(ctx.mci('2022-06-01').purpose, 'fines');
  assert.equal(ctx.mci('2022-06-01').tenge, 3063); // fines kept 3,063 tenge in 2022
  assert.equal(k.formatQty('0.2'), '0.2'); // en
  // texts by language are keyed by the library's codes
  assert.deepEqual(Object.keys(ctx.articles()[0].title), ['en', 'ru', 'kk']);
});

test('every dated answer carries the offence dates it holds for (validFrom, validUntil)', () => {
  // 2026-02-10: the MCI of 4,325 tenge holds from 2026-01-01 to the end of the known table, 2026-12-31
  const r = ctx.range('115-1', '2026-02-10');
  assert.deepEqual([r.validFrom, r.validUntil], ['2026-01-01', '2026-12-31']);
  assert.deepEqual([r.mci.validFrom, r.mci.validUntil], ['2026-01-01', '2026-12-31']);
  // 2025-11-03: the article came into force on 2025-09-16, within the 2025 MCI period
  const early = ctx.range('115-1', '2025-11-03');
  assert.deepEqual([early.validFrom, early.validUntil], ['2025-09-16', '2025-12-31']);
  assert.deepEqual([early.mci.validFrom, early.mci.validUntil], ['2025-01-01', '2025-12-31']);
  // 2022: fines kept 3,063 tenge all year; the benefits MCI rose on 1 April
  const f = ctx.fine(200, '2022-06-01');
  assert.deepEqual([f.validFrom, f.validUntil], ['2022-01-01', '2022-12-31']);
  const b = ctx.mci('2022-06-01', 'benefits');
  assert.deepEqual([b.validFrom, b.validUntil], ['2022-04-01', '2022-12-31']);
  const c = ctx.check('115-1', '2026-02-10', 'arrest', 51);
  assert.deepEqual([c.validFrom, c.validUntil, c.range.validFrom], ['2026-01-01', '2026-12-31', '2026-01-01']);
  // past the known table: a check needs no MCI and holds on; a stale price holds to 9999-12-31
  const late = ctx.check('115-1', '2027-03-01', 'arrest', 20);
  assert.deepEqual([late.validFrom, late.validUntil], ['2027-01-01', '9999-12-31']);
  const stale = ctx.range('115-1', '2027-03-01', { allowStale: true });
  assert.deepEqual([stale.validFrom, stale.validUntil], ['2027-01-01', '9999-12-31']);
  // a what-if MCI holds for every date, the pricing rule (from 2015-01-01) bounds the fine
  const w = ctx.whatIf(5000).fine(200, '2026-02-10');
  assert.deepEqual([w.validFrom, w.validUntil, w.mci.validFrom], ['2015-01-01', '9999-12-31', '0001-01-01']);
});
