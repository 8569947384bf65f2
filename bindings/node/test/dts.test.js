'use strict';
// Every result of the Node binding has exactly the fields index.d.ts declares (dts_shape.js).
const test = require('node:test');
const assert = require('node:assert/strict');
const { kzpenalty, SOURCE_DIR } = require('./support');
const { checkShapes } = require('./dts_shape');

test('every result object has exactly the fields index.d.ts declares, of the declared types', () => {
  const checked = checkShapes(kzpenalty, SOURCE_DIR);
  assert.ok(checked.includes('Mci') && checked.includes('Bound') && checked.includes('Payment'));
});

test('the result classes are the ones index.d.ts declares, and results are their instances', () => {
  const ctx = new kzpenalty.Context();
  const r = ctx.range('115-1', '2026-02-10');
  assert.ok(r instanceof kzpenalty.Range && r.mci instanceof kzpenalty.Mci && r.receipt instanceof kzpenalty.Receipt);
  const cw = r.sanctions[1];
  assert.ok(cw instanceof kzpenalty.Sanction && cw.min instanceof kzpenalty.Bound);
  assert.ok(cw.restriction instanceof kzpenalty.Restriction && r.payments[0] instanceof kzpenalty.Payment);
  assert.ok(cw.citation instanceof kzpenalty.Citation);
  assert.ok(ctx.convert(1, 'fine', 'arrest') instanceof kzpenalty.Conversion);
  assert.ok(ctx.check('115-1', '2026-02-10', 'fine', 1) instanceof kzpenalty.Check);
});
