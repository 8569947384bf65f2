'use strict';
// JSON.stringify of every kind of result: money (bigint tiyn) is written as a decimal string,
// the rest as it is; results stay frozen and keep their bigints.
const test = require('node:test');
const assert = require('node:assert');
const { kzpenalty: k } = require('./support');

const ctx = new k.Context();

test('a range becomes JSON, tiyn as decimal strings', () => {
  const r = ctx.range('115-1', '2026-02-10');
  const back = JSON.parse(JSON.stringify(r));
  // 200 MCI x 4,325 tenge = 865,000 tenge = 86,500,000 tiyn
  assert.strictEqual(back.sanctions[0].max.tiyn, '86500000');
  assert.strictEqual(back.sanctions[0].max.amount, '200');
  // 5 MCI x 4,325 = 21,625 tenge = 2,162,500 tiyn, a bigint one level deeper
  assert.strictEqual(back.payments[0].amountTiyn, '2162500');
  assert.strictEqual(back.mci.tenge, 4325);
  assert.strictEqual(back.receipt.library, r.receipt.library);
  assert.deepStrictEqual(back.basis.map((c) => c.id), r.basis.map((c) => c.id));
  assert.strictEqual(typeof r.sanctions[0].max.tiyn, 'bigint'); // the result itself is unchanged
  assert.ok(Object.isFrozen(r));
});

test('fines on both paths, checks and conversions become JSON', () => {
  // 150 x 3,932 = 589,800 tenge = 58,980,000 tiyn; the second call takes the fast path
  for (let i = 0; i < 2; i++) {
    assert.strictEqual(JSON.parse(JSON.stringify(ctx.fine(150, '2025-11-03'))).amountTiyn, '58980000');
  }
  const check = JSON.parse(JSON.stringify(ctx.check('115-1', '2026-02-10', 'arrest', 30, { mitigated: true })));
  assert.strictEqual(check.fits, false);
  assert.strictEqual(check.range.sanctions[0].max.tiyn, '43250000'); // half of 86,500,000
  const conversion = JSON.parse(JSON.stringify(ctx.convert(150, 'fine', 'arrest')));
  assert.strictEqual(conversion.whole, '37'); // 150 MCI = 37 days of 4 MCI, 2 MCI left
  assert.strictEqual(conversion.remainder, '2');
});

test('toJSON converts any bigint field, at any depth, and no more', () => {
  // a result class built here, as the addon builds one: a field the binding does not know of yet
  const c = new k.Citation(1n, [2n, { deep: 3n }], 'r', { en: 4n }, 'ri', 'd', 's', 'n', 'official');
  assert.deepStrictEqual(JSON.parse(JSON.stringify(c)), {
    id: '1', act: ['2', { deep: '3' }], reference: 'r', actIn: { en: '4' }, referenceIn: 'ri', document: 'd',
    seenIn: 's', note: 'n', status: 'official',
  });
  assert.deepStrictEqual(Object.keys(c),
    ['id', 'act', 'reference', 'actIn', 'referenceIn', 'document', 'seenIn', 'note', 'status']);
});
