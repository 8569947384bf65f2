// The module's answers as text, as kzpenalty.mjs reads them (src/glue.c writes them with
// support/jsonw): key names and order, 64-bit integers and quantities as strings, escapes.
// Expected values are worked out by hand from the law and the MCI table.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WASM_DIR } from './support.mjs';

const core = await (await import(pathToFileURL(path.join(WASM_DIR, 'kzpenalty_core.mjs')).href)).default();

// The text of an answer (a pointer the module allocated), released after reading.
const text = (ptr) => {
  assert.ok(ptr, 'the module answered NULL');
  const s = core.UTF8ToString(ptr);
  core._kzpw_free(ptr);
  return s;
};
// A string as NUL-terminated UTF-8 in the module's memory for fn, freed after.
const withString = (s, fn) => {
  const n = core.lengthBytesUTF8(s) + 1;
  const p = core._malloc(n);
  core.stringToUTF8(s, p, n);
  try { return fn(p, n - 1); } finally { core._free(p); }
};
const slot = core._malloc(4);
const ctx = core._kzpw_ctx_new(slot);
const ask = (request, c = ctx) => withString(JSON.stringify(request), (p) => text(core._kzpw_call(c, p)));

test('a fine: money as text in tiyn, the MCI in whole tenge as a number, keys in the documented order', () => {
  // 137 MCI x 4,325 tenge (2026) = 592,525 tenge
  assert.ok(ask({ op: 'fine', amount: '137', amountWhole: true, date: '2026-02-10' }).startsWith(
    '{"ok":{"mciCount":"137","offenceDate":"2026-02-10","amountTiyn":"59252500","amountText":"592 525 ₸",' +
    '"mci":{"tenge":4325,"date":"2026-02-10","from":"2026-01-01","purpose":"fines","stale":false,'));
  // 0.2 MCI = 865 tenge; 10^11 MCI = 432.5 trillion tenge, 4.325 x 10^16 tiyn: beyond 2^53, exact only as text
  assert.match(ask({ op: 'fine', amount: '0.2', date: '2026-02-10' }), /^\{"ok":\{"mciCount":"0.2",.*"amountTiyn":"86500",/);
  assert.match(ask({ op: 'fine', amount: '100000000000', amountWhole: true, date: '2026-02-10' }),
    /"amountTiyn":"43250000000000000","amountText":"432 500 000 000 000 ₸"/);
});

test('a conversion: the whole part as text, quantities as exact decimal strings', () => {
  // Art. 61: one day of arrest = 4 MCI, so 150 MCI = 37 days and 2 MCI left over
  assert.ok(ask({ op: 'convert', amount: '150', amountWhole: true, from: 'fine', to: 'arrest' }).startsWith(
    '{"ok":{"fromKind":"fine","amount":"150","toKind":"arrest","whole":"37","remainder":"2","remainderUnit":"mci",' +
    '"exact":false,"rule":"aggregation","certainty":"official","scope":{"en":'));
});

test('a range: every 64-bit integer and quantity is a string, counts and codes are numbers', () => {
  const doc = JSON.parse(ask({ op: 'range', article: '115-1', date: '2026-02-10', options: {} }));
  const strings = new Set(['tiyn', 'amountTiyn', 'whole', 'amount', 'mciCount', 'perDayMax', 'limit', 'excess']);
  const seen = new Set();
  const walk = (v) => {
    if (!v || typeof v !== 'object') return;
    for (const [key, value] of Object.entries(v)) {
      if (strings.has(key) && value !== null) assert.equal(typeof value, 'string', key);
      if (key === 'tenge') assert.equal(typeof value, 'number');
      assert.doesNotMatch(key, /_/); // camelCase, as the Node binding names them
      seen.add(key);
      walk(value);
    }
  };
  walk(doc.ok);
  for (const key of ['tiyn', 'amountTiyn', 'amount', 'mciCount', 'tenge', 'seenIn', 'actIn']) assert.ok(seen.has(key), key);
  // 200 MCI x 4,325 tenge = 865,000 tenge, the fine's maximum
  assert.deepEqual([doc.ok.sanctions[0].max.amount, doc.ok.sanctions[0].max.tiyn, doc.ok.sanctions[0].max.text],
    ['200', '86500000', '865 000 ₸']);
});

test('errors: the status and place as numbers, a TypeError as a flag, text escaped as JSON', () => {
  assert.equal(ask({ op: 'tengeWords', n: '1', lang: 'de' }),
    '{"error":{"typeError":true,"message":"lang: \'de\' is not a language; expected one of: en, ru, kk"}}');
  assert.match(ask({ op: 'range', article: '115-1', date: '2025-09-15' }),
    /^\{"error":\{"code":"KZP_E_NOT_IN_FORCE","status":-16,"path":"","line":0,"column":0,"message":"[^"]+"\}\}$/);
  // control characters as \uXXXX (upper-case hex) or their short escape; '/' and non-ASCII as they are
  assert.match(ask({ op: 'range', article: 'a\u001fb"c\\d/e\t€', date: '2026-02-10' }),
    /"message":"article 'a\\u001Fb\\"c\\\\d\/e\\t€' is not in the dataset/);
  assert.equal(ask([]), '{"error":{"code":"KZP_E_INVALID_ARG","status":-1,"path":"","line":0,' +
    '"column":0,"message":"the request is not a JSON object"}}');
  assert.equal(withString('{"schema_version": 1', (p, n) => core._kzpw_ctx_from_json(p, n, slot)), 0);
  assert.match(text(core.getValue(slot, '*')), /^\{"error":\{"code":"KZP_E_JSON","status":-4,"path":"\$","line":1,"column":\d+,"message":"[^"]+"\}\}$/);
});

test('dataset problems, status classes and tables', () => {
  assert.match(withString('{}', (p, n) => text(core._kzpw_validate(p, n))),
    /^\[\{"code":"KZP_E_SCHEMA","path":"\$\.schema_version","line":1,"column":1,"message":"[^"]+"\}/);
  assert.ok(text(core._kzpw_status_classes()).startsWith(
    '{"KZP_E_INVALID_ARG":"InvalidArgumentError","KZP_E_NOMEM":"OutOfMemoryError","KZP_E_IO":"DataFileError",'));
  // 2026: 4,325 tenge for every purpose
  assert.match(ask({ op: 'mciTable' }), /\{"from":"2026-01-01","tenge":4325,"purpose":"all","citation":\{"id":"mci-2026",/);
  assert.match(ask({ op: 'info' }), /^\{"ok":\{"id":"kz-criminal-code","version":"[^"]+","verifiedOn":"\d{4}-\d\d-\d\d",.*"schemaVersion":1,"hypothetical":false,"articleCount":1\}\}$/);
});
