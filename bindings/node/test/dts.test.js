'use strict';
// Every result of the Node binding has exactly the fields index.d.ts declares (dts_shape.js).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
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

// The error classes come from the library (kzp_status_class, through the addon's statusClasses);
// index.d.ts and index.mjs name them statically, so they must name exactly those.
test('the error classes index.d.ts and index.mjs declare are the library\'s, one per status', async () => {
  const addon = Object.values(require.cache).find((m) => m.filename.endsWith('.node'));
  assert.ok(addon, 'the addon is loaded');
  const fromLibrary = addon.exports.statusClasses;
  const names = Object.values(fromLibrary).sort();
  assert.ok(names.length >= 21, `${names.length} classes`);
  const dts = fs.readFileSync(path.join(SOURCE_DIR, 'bindings', 'node', 'index.d.ts'), 'utf8');
  const declared = [...dts.matchAll(/^export class (\w+) extends KzpError \{\}$/gm)].map((m) => m[1]).sort();
  assert.deepEqual(declared, names);
  const isError = (k, n) => typeof k[n] === 'function' && k[n].prototype instanceof kzpenalty.KzpError;
  assert.deepEqual(Object.keys(kzpenalty).filter((n) => isError(kzpenalty, n)).sort(), names);
  const esm = await import(pathToFileURL(path.join(__dirname, '..', 'index.mjs')).href);
  assert.deepEqual(Object.keys(esm).filter((n) => isError(esm, n)).sort(), names);
  for (const [code, name] of Object.entries(fromLibrary)) {
    assert.match(code, /^KZP_E_/);
    assert.equal(kzpenalty[name].name, name);
    assert.equal(new kzpenalty[name]('x').name, name);
  }
});
