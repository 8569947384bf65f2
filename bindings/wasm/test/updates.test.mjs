// MCI updates in the WebAssembly module: it has no file system for update files, so it has no
// withMciFile or withUpdates; an update given as text (withMci) is listed by updates() with
// source '' and, as the module is built without nettle, sha256 ''. sha256 of the embedded dataset
// is computed when the module is built, so it is there.
import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { kzpenalty as k, SOURCE_DIR } from './support.mjs';

// A made-up MCI for 2027 in the format of examples/mci-update-example.json: 4,500 tenge from
// 2027-01-01, marked hypothetical (it is not law).
const UPDATE_2027 = JSON.stringify({
  citations: [{ id: 'test-2027', act: 'TEST ONLY: a made-up 2027 MCI', seen_in: 'bindings/wasm/test/updates.test.mjs',
    note: 'Not law.', status: 'hypothetical' }],
  known_until: '2027-12-31',
  known_until_citation: 'test-2027',
  periods: [{ from: '2027-01-01', tenge: 4500, purpose: 'all', citation: 'test-2027' }],
});

test('sha256 of the embedded dataset is data/kzpenalty.json\'s; a loaded dataset\'s is \'\' (no nettle)', () => {
  const bytes = fs.readFileSync(path.join(SOURCE_DIR, 'data', 'kzpenalty.json'));
  const expected = crypto.createHash('sha256').update(bytes).digest('hex');
  const ctx = new k.Context();
  assert.equal(ctx.sha256, expected);
  assert.equal(ctx.whatIf(5000).sha256, expected); // a derived Context keeps its base dataset's
  assert.equal(k.Context.fromJSON(bytes).sha256, '');
});

test('updates() lists what withMci added, with no file; there is no withUpdates or withMciFile', () => {
  const base = new k.Context();
  assert.throws(() => base.fine(200, '2027-03-15'), k.StaleMciError); // known until 2026-12-31 only
  const ctx = base.withMci(UPDATE_2027);
  // 200 MCI x 4,500 tenge = 900,000 tenge = 90,000,000 tiyn
  assert.equal(ctx.fine(200, '2027-03-15').amountTiyn, 90000000n);
  const [u, ...rest] = ctx.updates();
  assert.deepEqual(rest, []);
  assert.deepEqual([u.source, u.sha256, u.from, u.tenge, u.purpose], ['', '', '2027-01-01', 4500, 'all']);
  assert.deepEqual([u.citation.id, u.citation.status], ['test-2027', 'hypothetical']);
  assert.ok(Object.isFrozen(u));
  assert.deepEqual(base.updates(), []);
  assert.equal(typeof base.withUpdates, 'undefined');
  assert.equal(typeof base.withMciFile, 'undefined');
});

// Every result's receipt names the dataset's SHA-256 and the updates that priced it, as the Node
// binding's does, so a result saved on its own says what priced it.
test('a result priced with withMci lists the update in its receipt; the base\'s lists none', () => {
  const base = new k.Context();
  const ctx = base.withMci(UPDATE_2027);
  const fine = ctx.fine(200, '2027-03-15');
  assert.equal(fine.amountTiyn, 90000000n); // 200 MCI x 4,500 tenge = 900,000 tenge = 90,000,000 tiyn
  const { receipt } = fine;
  assert.ok(Object.isFrozen(receipt) && Object.isFrozen(receipt.updates));
  assert.equal(receipt.updates.length, 1);
  const [u] = receipt.updates;
  assert.ok(Object.isFrozen(u));
  // a buffer, not a file: source ''; the module has no nettle: sha256 ''
  assert.deepEqual([u.source, u.sha256, u.from, u.tenge, u.purpose], ['', '', '2027-01-01', 4500, 'all']);
  assert.deepEqual([u.citation.id, u.citation.status], ['test-2027', 'hypothetical']);
  // the same list as ctx.updates(), on every kind of result
  assert.deepEqual(receipt.updates, ctx.updates());
  for (const r of [ctx.range('115-1', '2027-03-15'), ctx.check('115-1', '2027-03-15', 'fine', 15),
    ctx.convert(150, 'fine', 'arrest')]) {
    assert.deepEqual(r.receipt, receipt);
  }
  // the dataset under the update is the embedded one
  const bytes = fs.readFileSync(path.join(SOURCE_DIR, 'data', 'kzpenalty.json'));
  assert.equal(receipt.datasetSha256, crypto.createHash('sha256').update(bytes).digest('hex'));
  assert.deepEqual(base.fine(200, '2026-02-10').receipt.updates, []); // 200 x 4,325 = 865,000 tenge
  // saved on its own (JSON), the result still names the period
  const saved = JSON.parse(JSON.stringify(fine, (key, v) => (typeof v === 'bigint' ? String(v) : v)));
  assert.deepEqual(saved.receipt.updates.map((v) => [v.from, v.tenge]), [['2027-01-01', 4500]]);
});

test('a result of the default Context: data/kzpenalty.json\'s SHA-256 and no update; a loaded one\'s \'\'', () => {
  const bytes = fs.readFileSync(path.join(SOURCE_DIR, 'data', 'kzpenalty.json'));
  const ctx = new k.Context();
  const { receipt } = ctx.fine(200, '2026-02-10'); // 200 x 4,325 = 865,000 tenge
  assert.equal(receipt.datasetSha256, crypto.createHash('sha256').update(bytes).digest('hex'));
  assert.deepEqual(receipt.updates, []);
  // the command's order of the receipt's fields, as the Node binding's
  assert.deepEqual(Object.keys(receipt), ['library', 'dataset', 'datasetVersion', 'datasetFingerprint',
    'datasetSha256', 'updates', 'hypothetical']);
  // loaded here at run time: no nettle, so ''; a what-if keeps its base's
  assert.equal(k.Context.fromJSON(bytes).fine(200, '2026-02-10').receipt.datasetSha256, '');
  const whatIf = ctx.whatIf(5000).fine(200, '2026-02-10').receipt; // 200 x 5,000 = 1,000,000 tenge
  assert.deepEqual([whatIf.datasetSha256, whatIf.updates, whatIf.hypothetical], [receipt.datasetSha256, [], true]);
});
