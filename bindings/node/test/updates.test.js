'use strict';
// MCI update files through the binding: withMciFile, withUpdates, updates() and sha256. The library
// finds and applies the files; these tests check that the binding hands it the right text and gives
// back what it answered. The addon under test is the CMake build's, linked with nettle, so the
// SHA-256 of a file loaded at run time is there (the npm package's build, without nettle, gives '').
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { kzpenalty, SOURCE_DIR } = require('./support');

// A made-up MCI for 2027 in the format of examples/mci-update-example.json: 4,500 tenge from
// 2027-01-01, marked hypothetical (it is not law).
const UPDATE_2027 = `{
  "citations": [
    { "id": "test-2027", "act": "TEST ONLY: a made-up 2027 MCI", "seen_in": "bindings/node/test/updates.test.js",
      "note": "Not law.", "status": "hypothetical" }
  ],
  "known_until": "2027-12-31",
  "known_until_citation": "test-2027",
  "periods": [ { "from": "2027-01-01", "tenge": 4500, "purpose": "all", "citation": "test-2027" } ]
}
`;
// The same period replaced by a later file: 4,600 tenge from 2027-01-01.
const UPDATE_2027_LATER = UPDATE_2027.replaceAll('test-2027', 'test-2027-later').replace('"tenge": 4500', '"tenge": 4600');
const OFFENCE = '2027-03-15';
const FINE_200_AT_4500 = 90000000n; // 200 MCI x 4,500 tenge = 900,000 tenge = 90,000,000 tiyn
const FINE_200_IN_2026 = 86500000n; // 200 MCI x 4,325 tenge (the embedded 2026 MCI) = 865,000 tenge

const sha256Of = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

function tempDir(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kzp-updates-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, '2027.json');
  fs.writeFileSync(file, UPDATE_2027);
  return { dir, file };
}

function check2027(ctx, source, file) {
  const fine = ctx.fine(200, OFFENCE);
  assert.equal(fine.amountTiyn, FINE_200_AT_4500);
  assert.equal(fine.mci.tenge, 4500);
  assert.equal(fine.certainty, 'hypothetical'); // the update's status, carried into the answer
  const list = ctx.updates();
  assert.equal(list.length, 1);
  const [u] = list;
  assert.ok(Object.isFrozen(list) && Object.isFrozen(u));
  assert.equal(u.source, source);
  assert.equal(u.sha256, sha256Of(fs.readFileSync(file)));
  assert.deepEqual([u.from, u.tenge, u.purpose], ['2027-01-01', 4500, 'all']);
  assert.deepEqual([u.citation.id, u.citation.status], ['test-2027', 'hypothetical']);
}

test('withMciFile applies the file; the base is not changed', (t) => {
  const { file } = tempDir(t);
  const base = new kzpenalty.Context();
  assert.throws(() => base.fine(200, OFFENCE), kzpenalty.StaleMciError); // known until 2026-12-31 only
  check2027(base.withMciFile(file), file, file);
  assert.throws(() => base.fine(200, OFFENCE), kzpenalty.StaleMciError);
  assert.deepEqual(base.updates(), []);
});

test('withUpdates(where): a string list, an array of paths, a directory', (t) => {
  const { dir, file } = tempDir(t);
  const base = new kzpenalty.Context();
  check2027(base.withUpdates(file), file, file);
  check2027(base.withUpdates([file]), file, file);
  check2027(base.withUpdates(dir), `${dir}/2027.json`, file); // a directory gives its *.json files
  check2027(base.withUpdates(`:${file}`), file, file); // a ':'-separated list: an empty entry is skipped
  const none = base.withUpdates([]);
  assert.deepEqual(none.updates(), []);
  assert.equal(none.sha256, base.sha256);
});

test('files apply in order of their names, the last wins', (t) => {
  const { dir, file } = tempDir(t);
  const later = path.join(dir, '2027-later.json');
  fs.writeFileSync(later, UPDATE_2027_LATER);
  const base = new kzpenalty.Context();
  const ctx = base.withUpdates(dir); // '2027-later.json' sorts before '2027.json' ('-' < '.')
  // the receipt lists the period in use: '2027-later.json''s 4,600, replaced, is not listed
  assert.deepEqual(ctx.updates().map((u) => [path.basename(u.source), u.tenge]), [['2027.json', 4500]]);
  assert.equal(ctx.fine(200, OFFENCE).amountTiyn, FINE_200_AT_4500); // 4,500 applied last
  // 200 x 4,600 = 920,000 tenge = 92,000,000 tiyn
  assert.equal(base.withUpdates([file, later]).fine(200, OFFENCE).amountTiyn, 92000000n);
});

test('a broken file throws its class naming the file, and the base still works', (t) => {
  const { dir } = tempDir(t);
  const base = new kzpenalty.Context();
  const broken = path.join(dir, 'broken.json');
  fs.writeFileSync(broken, '{"periods": [');
  for (const call of [() => base.withMciFile(broken), () => base.withUpdates(broken), () => base.withUpdates(dir)]) {
    assert.throws(call, (e) => e instanceof kzpenalty.JSONSyntaxError && e.code === 'KZP_E_JSON' &&
      e.message.includes(broken));
  }
  fs.writeFileSync(broken, UPDATE_2027.replace('"tenge": 4500', '"tenge": -5'));
  assert.throws(() => base.withMciFile(broken), (e) => e instanceof kzpenalty.DataValueError &&
    e.message.includes(broken) && e.path === '$.periods[0].tenge');
  const missing = path.join(dir, 'missing.json');
  assert.throws(() => base.withUpdates([missing]), (e) => e instanceof kzpenalty.DataFileError &&
    e.message.includes(missing));
  assert.equal(base.fine(200, '2026-02-10').amountTiyn, FINE_200_IN_2026);
  assert.deepEqual(base.updates(), []);
});

test('where is refused before the library sees what it cannot say', (t) => {
  const { file } = tempDir(t);
  const base = new kzpenalty.Context();
  assert.throws(() => base.withUpdates([`${file}:${file}`]), kzpenalty.InvalidArgumentError);
  assert.throws(() => base.withUpdates(['']), kzpenalty.InvalidArgumentError);
  assert.throws(() => base.withUpdates(5), TypeError);
  assert.throws(() => base.withUpdates([5]), TypeError);
  assert.throws(() => base.withMciFile(), TypeError);
  assert.throws(() => base.withMciFile(`${file}\0x`), kzpenalty.DataFileError);
});

test('withUpdates() reads the documented place; new Context() applies nothing', (t) => {
  const { dir, file } = tempDir(t);
  const saved = {};
  for (const k of ['KZPENALTY_UPDATES', 'XDG_DATA_HOME', 'XDG_DATA_DIRS']) saved[k] = process.env[k];
  t.after(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  const base = new kzpenalty.Context();
  process.env.KZPENALTY_UPDATES = file;
  check2027(base.withUpdates(), file, file);
  check2027(base.withUpdates(null), file, file);
  // the decision: a Context is never given updates unless withUpdates is asked
  assert.deepEqual(new kzpenalty.Context().updates(), []);
  assert.throws(() => new kzpenalty.Context().fine(200, OFFENCE), kzpenalty.StaleMciError);
  // unset: kzpenalty/updates under XDG_DATA_HOME (after those of XDG_DATA_DIRS)
  const home = path.join(dir, 'home');
  fs.mkdirSync(path.join(home, 'kzpenalty', 'updates'), { recursive: true });
  const userFile = path.join(home, 'kzpenalty', 'updates', '2027.json');
  fs.writeFileSync(userFile, UPDATE_2027);
  delete process.env.KZPENALTY_UPDATES;
  process.env.XDG_DATA_HOME = home;
  process.env.XDG_DATA_DIRS = path.join(dir, 'no-such-dir');
  check2027(base.withUpdates(), userFile, file);
  // set, even empty, it alone says where: here nowhere
  process.env.KZPENALTY_UPDATES = '';
  assert.deepEqual(base.withUpdates().updates(), []);
});

test('sha256: the embedded dataset\'s is data/kzpenalty.json\'s; a derived Context keeps its base\'s', () => {
  const data = path.join(SOURCE_DIR, 'data', 'kzpenalty.json');
  const expected = sha256Of(fs.readFileSync(data));
  const ctx = new kzpenalty.Context();
  assert.equal(ctx.sha256, expected);
  assert.match(ctx.sha256, /^[0-9a-f]{64}$/);
  assert.equal(ctx.whatIf(5000).sha256, expected);
  assert.equal(ctx.withMci(UPDATE_2027).sha256, expected);
  assert.equal(kzpenalty.Context.fromFile(data).sha256, expected); // computed with nettle in this build
  const [u] = ctx.withMci(UPDATE_2027).updates();
  assert.equal(u.source, '');
  assert.equal(u.sha256, sha256Of(UPDATE_2027));
});

// Every result's receipt names the dataset's SHA-256 and the updates that priced it, so a result
// saved on its own says what priced it. A receipt is built once per Context: a derived one has its own.
test('a result priced with an update file names the file, its SHA-256 and the period in its receipt', (t) => {
  const { file } = tempDir(t);
  const base = new kzpenalty.Context();
  const ctx = base.withMciFile(file);
  const fine = ctx.fine(200, OFFENCE);
  assert.equal(fine.amountTiyn, FINE_200_AT_4500); // 200 x 4,500 = 900,000 tenge = 90,000,000 tiyn
  const { receipt } = fine;
  assert.ok(receipt instanceof kzpenalty.Receipt && Object.isFrozen(receipt));
  assert.equal(receipt.updates.length, 1);
  const [u] = receipt.updates;
  assert.ok(Object.isFrozen(receipt.updates) && Object.isFrozen(u));
  assert.equal(u.source, file);
  assert.equal(u.sha256, sha256Of(fs.readFileSync(file)));
  assert.deepEqual([u.from, u.tenge, u.purpose], ['2027-01-01', 4500, 'all']);
  assert.deepEqual([u.citation.id, u.citation.status], ['test-2027', 'hypothetical']);
  // the dataset under the update is the embedded one: its SHA-256, not the update's
  assert.equal(receipt.datasetSha256, sha256Of(fs.readFileSync(path.join(SOURCE_DIR, 'data', 'kzpenalty.json'))));
  assert.equal(receipt.datasetSha256, ctx.sha256);
  // every result of the Context carries the same receipt (the fast paths of index.js too), holding
  // the very array updates() returns
  assert.equal(ctx.updates(), receipt.updates);
  assert.equal(ctx.fine(200, '2027-12-31').receipt, receipt); // an earlier answer on another date
  assert.equal(ctx.fine(10, OFFENCE).receipt, receipt); // 10 x 4,500 = 45,000 tenge: the fine slot's path
  assert.equal(ctx.range('115-1', OFFENCE).receipt, receipt);
  assert.equal(ctx.check('115-1', OFFENCE, 'fine', 15).receipt, receipt);
  assert.equal(ctx.convert(150, 'fine', 'arrest').receipt, receipt);
  // the base keeps its own receipt, with no update
  const baseReceipt = base.fine(200, '2026-02-10').receipt; // 200 x 4,325 = 865,000 tenge
  assert.notEqual(baseReceipt, receipt);
  assert.deepEqual(baseReceipt.updates, []);
  // saved on its own (JSON), the result still names the file and its period
  const saved = JSON.parse(JSON.stringify(fine));
  assert.equal(saved.amountTiyn, '90000000');
  assert.deepEqual(saved.receipt.updates.map((v) => [v.source, v.sha256, v.from, v.tenge]),
    [[file, sha256Of(fs.readFileSync(file)), '2027-01-01', 4500]]);
});

test('a receipt names the update in use, not one a later file replaced', (t) => {
  const { dir, file } = tempDir(t);
  const later = path.join(dir, 'later.json');
  fs.writeFileSync(later, UPDATE_2027_LATER);
  const fine = new kzpenalty.Context().withUpdates([file, later]).fine(200, OFFENCE);
  assert.equal(fine.amountTiyn, 92000000n); // 200 x 4,600 tenge (applied last) = 920,000 tenge
  // the receipt names the period in use: the first file's 4,500, replaced by the later one, is not listed
  assert.deepEqual(fine.receipt.updates.map((u) => [u.source, u.sha256, u.tenge]),
    [[later, sha256Of(fs.readFileSync(later)), 4600]]);
});

test('a result of the default Context: data/kzpenalty.json\'s SHA-256 and no update', () => {
  const ctx = new kzpenalty.Context();
  const { receipt } = ctx.fine(200, '2026-02-10'); // 200 x 4,325 = 865,000 tenge
  assert.equal(receipt.datasetSha256, sha256Of(fs.readFileSync(path.join(SOURCE_DIR, 'data', 'kzpenalty.json'))));
  assert.match(receipt.datasetSha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(receipt.updates, []);
  assert.equal(receipt.updates, ctx.updates());
  // the command's order of the receipt's fields
  assert.deepEqual(Object.keys(receipt), ['library', 'dataset', 'datasetVersion', 'datasetFingerprint',
    'datasetSha256', 'updates', 'hypothetical']);
  // a loaded dataset's is computed at load time (nettle in this build); a what-if keeps its base's
  const minimal = path.join(SOURCE_DIR, 'docs', 'examples', 'dataset-minimal.json');
  assert.equal(kzpenalty.Context.fromFile(minimal).fine(200, '2026-02-10').receipt.datasetSha256,
    sha256Of(fs.readFileSync(minimal)));
  const whatIf = ctx.whatIf(5000).fine(200, '2026-02-10').receipt; // 200 x 5,000 = 1,000,000 tenge
  assert.deepEqual([whatIf.datasetSha256, whatIf.updates, whatIf.hypothetical], [receipt.datasetSha256, [], true]);
});
