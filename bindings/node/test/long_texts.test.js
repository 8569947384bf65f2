'use strict';
// Long texts from the data come out whole (issue 13 item 2). The dataset sets no length on its
// texts, so a binding that copies one through a fixed buffer cuts it, or cuts a UTF-8 character
// in half (U+FFFD). The shipped dataset is loaded with the 2026 MCI citation's act set to 260
// Cyrillic letters (520 bytes) and the Russian reference of Art. 55 part 2 (cc-55-2) set to 200
// (400 bytes), and every result that carries them is read back.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { kzpenalty, SOURCE_DIR } = require('./support');

const ACT = 'Ж'.repeat(260);
const REF = 'Щ'.repeat(200);
const LONG_ID = 'Ю'.repeat(40); // an article id of 80 bytes

function replaceOnce(text, old, now) {
  assert.equal(text.split(old).length, 2, `not found exactly once: ${old}`);
  return text.replace(old, () => now);
}

function longDataset() {
  let text = fs.readFileSync(path.join(SOURCE_DIR, 'data', 'kzpenalty.json'), 'utf8');
  text = replaceOnce(text,
    '"act": "Law of the Republic of Kazakhstan of 8 December 2025 on the republican budget for 2026-2028"',
    `"act": "${ACT}"`);
  return replaceOnce(text, '"reference": "ч. 2 ст. 55"', `"reference": "${REF}"`);
}

// every string inside a result, recursively
function stringsIn(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

function assertWhole(result, mustHold) {
  const texts = stringsIn(result);
  for (const t of texts) assert.ok(!t.includes('\uFFFD'), `U+FFFD in ${t.slice(0, 40)}`);
  for (const m of mustHold) assert.ok(texts.includes(m), `missing or cut: ${m.slice(0, 10)}... (${m.length})`);
}

const text = longDataset();
const ctx = kzpenalty.Context.fromJSON(text);

test('the long dataset is valid', () => {
  assert.deepEqual([...kzpenalty.validateDataset(text)], []);
});

test('sanction texts are whole', () => {
  const texts = ctx.sanctionTexts('115-1', '2026-02-10', 'ru', { mitigated: true });
  assert.equal(texts.length, 4);
  // half of 200 MCI = 100 MCI = 100 x 4,325 = 432,500 tenge; half of 50 days = 25
  assert.equal(texts[0], 'штраф в размере до 100 (ста) МРП, что составляет 432 500 (четыреста тридцать две тысячи ' +
    `пятьсот) тенге (с учетом ${REF} УК РК: не более половины максимума)`);
  assert.equal(texts[3], `арест на срок до 25 (двадцати пяти) суток (с учетом ${REF} УК РК: не более половины максимума)`);
  for (const t of texts) assert.ok(t.includes(REF) && !t.includes('\uFFFD'));
  for (const lang of ['en', 'kk']) {
    for (const t of ctx.sanctionTexts('115-1', '2026-02-10', lang, { mitigated: true })) assert.ok(!t.includes('\uFFFD'));
  }
});

test('every result carries the whole act and reference', () => {
  assertWhole(ctx.mci('2026-02-10'), [ACT]);
  const fine = ctx.fine(200, '2026-02-10');
  assert.equal(fine.amountTiyn, 86500000n); // 200 x 4,325 tenge
  assertWhole(fine, [ACT]);
  // the range's basis cites Art. 55 part 2 with its Russian reference
  const r = ctx.range('115-1', '2026-02-10', { mitigated: true });
  assertWhole(r, [ACT, REF]);
  assert.equal(r.basis.find((c) => c.id === 'cc-55-2').referenceIn.ru, REF);
  assertWhole(ctx.check('115-1', '2026-02-10', 'arrest', 30, { mitigated: true }), [ACT, REF]);
  assertWhole(ctx.mciTable(), [ACT]);
  assertWhole(JSON.parse(JSON.stringify(r)), [ACT, REF]); // toJSON too
  const update = '{"periods": [{"from": "2026-01-01", "tenge": 4325, "purpose": "all", "citation": "mci-2026"}]}';
  assertWhole(ctx.withMci(update).mci('2026-06-01'), [ACT]);
});

test('fromFile reads the same', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kzp-long-'));
  try {
    const file = path.join(dir, 'long.json');
    fs.writeFileSync(file, text);
    assert.equal(kzpenalty.Context.fromFile(file).mci('2026-02-10').citation.act, ACT);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a long article id is found', () => {
  // the addon once copied the id into 64 bytes and refused what did not fit as an unknown article
  const c = kzpenalty.Context.fromJSON(replaceOnce(longDataset(), '"id": "115-1",', `"id": "${LONG_ID}",`));
  assert.equal(c.articles()[0].id, LONG_ID);
  assert.equal(c.range(LONG_ID, '2026-02-10').sanctions.length, 4);
  assert.equal(c.check(LONG_ID, '2026-02-10', 'fine', 150).fits, true); // 150 of 20..200 MCI
  assert.equal(c.sanctionTexts(LONG_ID, '2026-02-10', 'ru').length, 4);
});
