'use strict';
// Issue 17: every dated answer carries validFrom..validUntil, the offence dates for which the
// library gives the same answer, and the binding's caches and fast paths key on those intervals
// only. Every interval below was first read from the C command (build/cli/kzpenalty ... --json,
// valid_from/valid_until), then worked out from the dataset as written in each comment.
const test = require('node:test');
const assert = require('node:assert/strict');
const { kzpenalty } = require('./support');

const ctx = new kzpenalty.Context();
const span = (o) => [o.validFrom, o.validUntil];
// results compared whole, bigints included
const plain = (v) => JSON.parse(JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x)));

test('a range in 2026 holds from 2026-01-01 to 2026-12-31', () => {
  // the latest of the article's entry into force (2025-09-16), the pricing rule's start
  // (2015-01-01) and the MCI's first day (4,325 tenge from 2026-01-01) is 2026-01-01; the MCI table
  // is known until 2026-12-31, so the range holds until then
  const r = ctx.range('115-1', '2026-02-10');
  assert.deepEqual(span(r), ['2026-01-01', '2026-12-31']);
  assert.deepEqual(span(r.mci), ['2026-01-01', '2026-12-31']);
  // a check's answer holds as long as its range
  const c = ctx.check('115-1', '2026-02-10', 'fine', 15);
  assert.deepEqual(span(c), ['2026-01-01', '2026-12-31']);
  assert.deepEqual(span(c.range), span(c));
});

test('a fine on 2025-11-03 holds from 2025-01-01 to 2025-12-31; the range from the article\'s entry', () => {
  // 3,932 tenge applies from 2025-01-01 to the day before the next period (2026-01-01)
  const f = ctx.fine(150, '2025-11-03');
  assert.deepEqual(span(f), ['2025-01-01', '2025-12-31']);
  assert.deepEqual(span(f.mci), ['2025-01-01', '2025-12-31']);
  assert.equal(f.amountTiyn, 58980000n); // 150 x 3,932 tenge
  // the same again takes the fast path: the same interval
  assert.deepEqual(span(ctx.fine(150, '2025-11-04')), ['2025-01-01', '2025-12-31']);
  // Art. 115-1 is in force from 2025-09-16, later than the MCI's first day: the range starts there
  const r = ctx.range('115-1', '2025-11-03');
  assert.deepEqual(span(r), ['2025-09-16', '2025-12-31']);
  assert.deepEqual(span(r.mci), ['2025-01-01', '2025-12-31']);
});

test('an MCI holds for its period and purpose; stale and what-if answers to the end of time', () => {
  // 2022: fines kept 3,063 all year; benefits rose on 2022-04-01
  assert.deepEqual(span(ctx.mci('2022-06-01')), ['2022-01-01', '2022-12-31']);
  assert.deepEqual(span(ctx.mci('2022-06-01', 'benefits')), ['2022-04-01', '2022-12-31']);
  // past the table (2026-12-31) with allowStale: the last value from the next day on
  const stale = ctx.range('115-1', '2027-03-01', { allowStale: true });
  assert.deepEqual([...span(stale), ...span(stale.mci)], ['2027-01-01', '9999-12-31', '2027-01-01', '9999-12-31']);
  // a check needs no MCI: past the table it is unpriced, and the same from 2027-01-01 on
  assert.deepEqual(span(ctx.check('115-1', '2027-03-01', 'arrest', 5)), ['2027-01-01', '9999-12-31']);
  // a what-if MCI is the same on every date: a range from the article's entry into force on
  const w = ctx.whatIf(5000);
  assert.deepEqual(span(w.mci('2026-02-10')), ['0001-01-01', '9999-12-31']);
  assert.deepEqual(span(w.range('115-1', '2026-02-10')), ['2025-09-16', '9999-12-31']);
  assert.deepEqual(span(w.fine(1, '2026-02-10')), ['2015-01-01', '9999-12-31']);
});

// Dates inside the 2025 and 2026 intervals, at their edges and on both sides of the boundary.
const DATES = ['2026-02-10', '2026-01-01', '2026-12-31', '2026-06-15', '2025-12-31', '2026-01-01', '2025-09-16',
  '2025-11-03', '2025-12-30', '2026-01-02', '2026-12-30', '2025-12-31'];
const OPTIONS = [undefined, {}, { mitigated: true }, { accelerated: true }, { orderProcedure: true },
  { strict: true }, { allowStale: true }, { orderProcedure: true, mitigated: true }];

test('a cached range equals a fresh Context\'s, inside an interval, at its edges and across a boundary', () => {
  const asked = new kzpenalty.Context();
  for (const options of OPTIONS) {
    for (const date of DATES) {
      const where = `${date} ${JSON.stringify(options)}`;
      assert.deepEqual(plain(asked.range('115-1', date, options)),
        plain(new kzpenalty.Context().range('115-1', date, options)), where);
      assert.deepEqual(plain(asked.check('115-1', date, 'fine', 20, options)),
        plain(new kzpenalty.Context().check('115-1', date, 'fine', 20, options)), where);
    }
  }
  // stale dates, then a priced one again
  for (const date of ['2027-01-01', '2031-05-05', '2026-12-31']) {
    assert.deepEqual(plain(asked.range('115-1', date, { allowStale: true })),
      plain(new kzpenalty.Context().range('115-1', date, { allowStale: true })), date);
  }
});

test('inside an interval the answer is shared but for the date; across a boundary it is new', () => {
  const asked = new kzpenalty.Context();
  const a = asked.range('115-1', '2026-01-01');
  const b = asked.range('115-1', '2026-12-31');
  assert.ok(b instanceof kzpenalty.Range && b.mci instanceof kzpenalty.Mci && Object.isFrozen(b) &&
    Object.isFrozen(b.mci));
  assert.deepEqual([b.offenceDate, b.mci.date, b.mci.tenge], ['2026-12-31', '2026-12-31', 4325]);
  assert.equal(b.sanctions, a.sanctions); // one array: the library says they are the same
  const c = asked.range('115-1', '2025-12-31');
  assert.notEqual(c.sanctions, a.sanctions);
  // 200 x 3,932 = 786,400 tenge on 2025-12-31; 200 x 4,325 = 865,000 tenge the next day
  assert.deepEqual([c.sanctions[0].max.tiyn, a.sanctions[0].max.tiyn], [78640000n, 86500000n]);
  assert.deepEqual([span(c), span(a)], [['2025-09-16', '2025-12-31'], ['2026-01-01', '2026-12-31']]);
  // fines, likewise on both paths
  for (const date of ['2025-12-31', '2026-01-01', '2025-12-30', '2026-01-02']) {
    assert.deepEqual(plain(asked.fine(200, date)), plain(new kzpenalty.Context().fine(200, date)), date);
  }
});

test('a date the library refuses is refused even inside a cached interval', () => {
  const asked = new kzpenalty.Context();
  asked.range('115-1', '2026-02-10');
  asked.fine(200, '2026-02-10');
  // each compares as a string between 2026-01-01 and 2026-12-31, yet none is such a date
  for (const bad of ['2026-02-30', '2026-00-10', '2026-06-31', '2026-02-1\u0000', '2026-02-10\u0000',
    '2026-0\u0662-10', '2026-02-10 ']) {
    assert.throws(() => asked.range('115-1', bad), kzpenalty.BadDateError, JSON.stringify(bad));
    assert.throws(() => asked.fine(200, bad), kzpenalty.BadDateError, JSON.stringify(bad));
  }
  assert.throws(() => asked.range('115-1', '2026-02-30', {}), kzpenalty.BadDateError);
  // and the cache still answers afterwards
  assert.equal(asked.range('115-1', '2026-03-01').mci.date, '2026-03-01');
});

test('the range fast path answers only for the article and the Context asked', () => {
  const asked = new kzpenalty.Context();
  asked.range('115-1', '2026-02-10');
  assert.throws(() => asked.range('115-2', '2026-02-11'), kzpenalty.UnknownArticleError);
  assert.throws(() => asked.range.call({}, '115-1', '2026-02-11'), TypeError);
  // a what-if Context has its own answers
  assert.equal(asked.whatIf(5000).range('115-1', '2026-02-11').mci.tenge, 5000);
  assert.throws(() => asked.range('115-1'), (e) => e instanceof TypeError && /range\(article, date/.test(e.message));
});

test('fines of new counts in an answered interval equal a fresh Context\'s', () => {
  const asked = new kzpenalty.Context();
  asked.fine(200, '2026-02-10');
  // each count is a new question: the addon's fast path, around the parts of the first fine
  for (const [count, date] of [[150, '2026-03-01'], [1, '2026-12-31'], [0, '2026-01-01'], [150, '2025-12-31'],
    [150, '2026-01-01'], [7, '2025-01-01']]) {
    const f = asked.fine(count, date);
    assert.deepEqual(plain(f), plain(new kzpenalty.Context().fine(count, date)), `${count} ${date}`);
    assert.equal(f.mci.date, date);
  }
});
