'use strict';
// Node-specific behaviour: types in and out, errors, frozen results, contexts, ES module entry.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { kzpenalty, SOURCE_DIR } = require('./support');

const ctx = new kzpenalty.Context();

test('money is bigint tiyn, quantities exact strings, dates ISO', () => {
  const f = ctx.fine(150, '2025-11-03');
  assert.equal(f.amountTiyn, 58980000n); // 150 x 3,932 tenge
  assert.equal(f.amountText, '589 800 ₸');
  assert.equal(f.mciCount, '150');
  assert.equal(f.offenceDate, '2025-11-03');
  assert.equal(ctx.fine(200n, '2026-02-10').amountTiyn, 86500000n); // 200 x 4,325
  assert.equal(ctx.fine('0.2', '2026-01-05').amountTiyn, 86500n); // 865 tenge
  const r = ctx.range('115-1', '2026-02-10', { mitigated: true });
  // the Art. 55 half cap of 200 MCI, 200 MCI, 200 hours, 50 days
  assert.deepEqual(r.sanctions.map((s) => s.max.amount), ['100', '100', '100', '25']);
  assert.equal(r.sanctions[0].max.tiyn, 43250000n); // 100 x 4,325
  assert.equal(r.sanctions[0].max.text, '432 500 ₸');
  assert.equal(r.sanctions[0].articleMin, null); // no lower bound in the article ("up to")
  assert.equal(r.sanctions[0].min, null); // and the General Part's 20 MCI is lifted under mitigation
  assert.equal(r.sanctions[3].max.tiyn, null); // days of arrest are not money
});

test('results are frozen and carry citations and the receipt', () => {
  const r = ctx.range('115-1', '2026-02-10');
  assert.ok(Object.isFrozen(r) && Object.isFrozen(r.sanctions) && Object.isFrozen(r.sanctions[0]));
  assert.ok(Object.isFrozen(r.basis[0]) && Object.isFrozen(r.receipt) && Object.isFrozen(r.mci));
  const cw = r.sanctions[1];
  assert.ok(Object.isFrozen(cw.min) && Object.isFrozen(cw.restriction) && Object.isFrozen(cw.restriction.persons.ru));
  assert.ok(Object.isFrozen(r.payments) && Object.isFrozen(r.payments[0]) && Object.isFrozen(r.payments[0].name));
  assert.ok(Object.isFrozen(r.omitted) && Object.isFrozen(r.basis[0].referenceIn));
  assert.throws(() => { 'use strict'; r.article = 'x'; }, TypeError);
  assert.ok(r.basis.some((c) => c.reference === 'Art. 41 part 1'));
  assert.equal(r.receipt.dataset, 'kz-criminal-code');
  assert.equal(r.certainty, 'statement');
});

test('wrong types throw TypeError', () => {
  assert.throws(() => ctx.fine(1.5, '2026-02-10'), TypeError);
  assert.throws(() => ctx.fine(null, '2026-02-10'), TypeError);
  assert.throws(() => ctx.fine(1, new Date(2026, 1, 10)), TypeError);
  assert.throws(() => ctx.range(115, '2026-02-10'), TypeError);
  assert.throws(() => ctx.range('115-1', '2026-02-10', { mitigated: 'yes' }), TypeError);
  assert.throws(() => ctx.range('115-1'), TypeError);
  assert.throws(() => ctx.whatIf(5000.5), TypeError);
  assert.throws(() => kzpenalty.Context.fromJSON(42), TypeError);
  assert.throws(() => new kzpenalty.Context('x'), TypeError);
  assert.throws(() => kzpenalty.Context(), TypeError);
  assert.throws(() => ctx.fine.call({}, 1, '2026-02-10'), TypeError);
});

test('hostile inputs: long multibyte text, 64-bit limits', () => {
  // longer than any date: rejected, and the message holds only the text given (no stray bytes)
  assert.throws(() => ctx.fine(5, 'ж'.repeat(16)), (e) => e instanceof kzpenalty.BadDateError &&
    /^'\?+ж*' is not a real calendar date/.test(e.message));
  assert.throws(() => ctx.range('115-1'.repeat(40), '2026-02-10'), kzpenalty.UnknownArticleError);
  assert.throws(() => kzpenalty.formatTenge(2n ** 63n), kzpenalty.AmountOverflowError);
  assert.throws(() => kzpenalty.formatTenge(2 ** 63), RangeError); // not exact as a number
  assert.throws(() => ctx.range('115-1', '2026-02-10', new Proxy({}, { has() { throw new Error('trap'); } })),
    /trap/);
});

test('each status has its error class', () => {
  const cases = [
    [() => ctx.fine('0.205', '2026-01-05'), kzpenalty.BadNumberError, 'KZP_E_BAD_NUMBER'],
    [() => ctx.fine(-1, '2026-01-05'), kzpenalty.BadNumberError, 'KZP_E_BAD_NUMBER'],
    [() => ctx.fine(2n ** 62n, '2026-01-05'), kzpenalty.AmountOverflowError, 'KZP_E_OVERFLOW'],
    [() => ctx.fine(1, '2026-02-30'), kzpenalty.BadDateError, 'KZP_E_BAD_DATE'],
    [() => ctx.fine(1, '2026-02-10\u0000'), kzpenalty.BadDateError, 'KZP_E_BAD_DATE'],
    [() => ctx.range('115-1', '2025-09-15'), kzpenalty.NotInForceError, 'KZP_E_NOT_IN_FORCE'],
    [() => ctx.range('999', '2026-02-10'), kzpenalty.UnknownArticleError, 'KZP_E_UNKNOWN_ARTICLE'],
    [() => ctx.mci('2027-01-01'), kzpenalty.StaleMciError, 'KZP_E_MCI_STALE'],
    // a stale MCI is an estimate: unverified, so strict mode refuses it
    [() => ctx.mci('2027-01-01', 'fines', { allowStale: true, strict: true }), kzpenalty.UnverifiedError,
      'KZP_E_UNVERIFIED'],
    [() => ctx.check('115-1', '2026-02-10', 'prison', 1), kzpenalty.UnknownKindError, 'KZP_E_UNKNOWN_KIND'],
    [() => ctx.whatIf(0), kzpenalty.BadNumberError, 'KZP_E_BAD_NUMBER'],
  ];
  // the class of each status is the one the library names for it (kzp_status_class)
  const named = Object.values(require.cache).find((m) => m.filename.endsWith('.node')).exports.statusClasses;
  for (const [call, cls, code] of cases) {
    assert.throws(call, (e) => e instanceof cls && e instanceof kzpenalty.KzpError && e instanceof Error &&
      e.code === code && e.status < 0 && e.message.length > 0 && e.name === named[code] && cls.name === named[code],
    code);
  }
  const classes = Object.keys(kzpenalty).filter((k) => k.endsWith('Error') && k !== 'KzpError');
  assert.equal(classes.length, 21);
});

test('contexts: file, JSON, MCI update, what-if, validation', () => {
  const minimal = path.join(SOURCE_DIR, 'docs', 'examples', 'dataset-minimal.json');
  const a = kzpenalty.Context.fromFile(minimal);
  const b = kzpenalty.Context.fromJSON(fs.readFileSync(minimal));
  assert.equal(a.info.fingerprint, b.info.fingerprint);
  assert.throws(() => kzpenalty.Context.fromFile(path.join(SOURCE_DIR, 'no-such.json')), kzpenalty.DataFileError);
  const bad = path.join(SOURCE_DIR, 'tests', 'cli', 'data', 'bad-dataset.json');
  assert.throws(() => kzpenalty.Context.fromFile(bad), (e) => e.path === '$.citations[1].status' && e.line === 9);
  assert.equal(kzpenalty.validateDataset(fs.readFileSync(bad, 'utf8')).length, 4);
  const update = JSON.stringify({
    citations: [{ id: 'fx', act: 'test fixture', seen_in: 'the test', status: 'official' }],
    known_until: '2027-12-31', known_until_citation: 'fx',
    periods: [{ from: '2027-01-01', tenge: 5000, purpose: 'all', citation: 'fx' }],
  });
  const next = ctx.withMci(update);
  assert.equal(next.fine(200, '2027-03-01').amountTiyn, 100000000n); // 200 x 5,000 (a fixture value)
  assert.throws(() => ctx.fine(200, '2027-03-01'), kzpenalty.StaleMciError); // the base is unchanged
  const w = ctx.whatIf(5000);
  assert.equal(w.fine(200, '2030-01-01').certainty, 'hypothetical');
  assert.equal(ctx.info.mciKnownUntil, '2026-12-31');
  assert.equal(ctx.mciTable().length, 15);
  assert.equal(ctx.articles()[0].inForceFrom, '2025-09-16');
  assert.equal(ctx.convert(150, 'fine', 'arrest').whole, 37n); // Art. 61: 150 MCI = 37 days and 2 MCI (37 x 4 = 148)
});

test('ES module entry gives the same objects', async () => {
  const esm = await import(path.join(__dirname, '..', 'index.mjs'));
  assert.equal(esm.Context, kzpenalty.Context);
  assert.equal(esm.default.NotInForceError, kzpenalty.NotInForceError);
  assert.equal(esm.formatTenge(86500000n, 'en'), '865,000 KZT');
});

test('package.json carries the version of the header, and the addon reports it', () => {
  const header = fs.readFileSync(path.join(SOURCE_DIR, 'include', 'kzpenalty.h'), 'utf8');
  const part = (p) => header.match(new RegExp(`#define KZP_VERSION_${p} (\\d+)`))[1];
  const version = `${part('MAJOR')}.${part('MINOR')}.${part('PATCH')}`;
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  assert.equal(pkg.version, version);
  assert.equal(kzpenalty.libraryVersion, version);
});

test('the fast path of fine(number, date) answers exactly as the full one', () => {
  assert.equal(Object.keys(kzpenalty.Context.prototype).includes('_fineFast'), false);
  assert.equal('_fineFast' in ctx, false);
  const whatIf = ctx.whatIf(5000);
  const cases = [
    [ctx, 200, '2026-02-10', 86500000n, 'official'], // 200 x 4,325 tenge
    [ctx, 200, '2025-10-01', 78640000n, 'statement'], // 200 x 3,932 tenge (the 2025 MCI is a statement)
    [ctx, 7, '2025-10-01', 2752400n, 'statement'], // 7 x 3,932 = 27,524 tenge
    [whatIf, 200, '2026-02-10', 100000000n, 'hypothetical'], // 200 x 5,000 (a what-if MCI)
  ];
  for (const [c, count, date, tiyn, certainty] of cases) {
    // the first call for a period goes through the full path, the later ones through the fast one;
    // a bigint count always takes the full path
    const calls = [c.fine(count, date), c.fine(count, date), c.fine(BigInt(count), date)];
    for (const f of calls) {
      assert.equal(f.amountTiyn, tiyn);
      assert.equal(f.certainty, certainty);
      assert.ok(f instanceof kzpenalty.Fine && Object.isFrozen(f));
      assert.deepEqual(f, calls[2]);
    }
  }
  // the fast path declines whatever it does not handle; the full path reports it
  assert.throws(() => ctx.fine(200, '2026-2-10'), kzpenalty.BadDateError);
  assert.throws(() => ctx.fine(200, '2027-01-01'), kzpenalty.StaleMciError);
  assert.throws(() => ctx.fine(-1, '2026-02-10'), kzpenalty.BadNumberError);
  assert.throws(() => ctx.fine(1.5, '2026-02-10'), TypeError);
  assert.throws(() => ctx.fine(NaN, '2026-02-10'), TypeError);
  assert.throws(() => ctx.fine(2 ** 54, '2026-02-10'), RangeError); // beyond 2^53: not exact as a number
  // a date with a character beyond Latin-1 whose low byte is a digit (U+0130) is refused on both paths
  assert.throws(() => ctx.fine(200, '2026-02-1\u0130'), kzpenalty.BadDateError);
  // a what-if MCI beyond 64 bits is an overflow, not reported as "-1"
  assert.throws(() => ctx.whatIf(10n ** 20n), (e) => e instanceof kzpenalty.AmountOverflowError);
  assert.equal(ctx.fine(200, '2027-01-01', { allowStale: true }).stale, true);
  assert.throws(() => kzpenalty.Context.prototype.fine.call({}, 200, '2026-02-10'), TypeError);
});
