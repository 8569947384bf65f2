'use strict';
// The 0.2.0 fields through the Node API, with values worked out from the law (the dataset's
// citations name the rule behind each): every bound and the rule that sets it, restrictions,
// the order procedure, the compulsory payment, checks and conversions under a rule.
const test = require('node:test');
const assert = require('node:assert/strict');
const { kzpenalty } = require('./support');

const ctx = new kzpenalty.Context();
const ids = (cs) => cs.map((c) => (c === null ? null : c.id));

test('2026-02-10: four alternatives in the Code\'s order, each bound with the rule that sets it', () => {
  const r = ctx.range('115-1', '2026-02-10');
  assert.deepEqual(r.sanctions.map((s) => s.kind), ['fine', 'correctional_work', 'community_service', 'arrest']);
  assert.deepEqual(r.sanctions.map((s) => s.unit), ['mci', 'mci', 'hours', 'days']);
  const [fine, cw, cs, arrest] = r.sanctions;
  // the article says "up to" only; the General Part sets the minimums for a criminal offence
  assert.deepEqual(r.sanctions.map((s) => s.articleMin), [null, null, null, null]);
  assert.deepEqual(r.sanctions.map((s) => s.min.amount), ['20', '20', '20', '10']);
  assert.deepEqual(r.sanctions.map((s) => s.min.source), ['general_part', 'general_part', 'general_part',
    'general_part']);
  assert.deepEqual(ids(r.sanctions.map((s) => s.min.citation)), ['cc-41-2', 'cc-42-3', 'cc-43-2', 'cc-45-2']);
  // 20 MCI x 4,325 tenge = 86,500 tenge = 8,650,000 tiyn
  assert.equal(fine.min.tiyn, 8650000n);
  assert.equal(fine.min.text, '86 500 ₸');
  assert.equal(cw.min.tiyn, 8650000n);
  assert.equal(cs.min.tiyn, null); // hours are not money
  // the upper bounds are the article's: 200 MCI x 4,325 = 865,000 tenge; 200 hours; 50 days
  assert.deepEqual(r.sanctions.map((s) => [s.max.amount, s.max.source]),
    [['200', 'article'], ['200', 'article'], ['200', 'article'], ['50', 'article']]);
  assert.deepEqual(ids(r.sanctions.map((s) => s.max.citation)),
    ['cc-115-1', 'cc-115-1-correctional-work', 'cc-115-1', 'cc-115-1']);
  assert.equal(fine.max.tiyn, 86500000n);
  assert.equal(fine.max.text, '865 000 ₸');
  assert.deepEqual(fine.max, fine.articleMax);
  // the General Part's maxima, whether or not they apply: 200 MCI, 200 MCI, 200 hours, 50 days
  assert.deepEqual(r.sanctions.map((s) => s.generalMax.amount), ['200', '200', '200', '50']);
  assert.deepEqual(r.sanctions.map((s) => s.capped), [false, false, false, false]);
  assert.deepEqual(r.sanctions.map((s) => s.minLiftedBy), [null, null, null, null]);
  // community service: at most 4 hours a day (Art. 43 part 2)
  assert.deepEqual([cs.perDayMax, cs.perDayCitation.id], ['4', 'cc-43-2']);
  assert.deepEqual([fine.perDayMax, fine.perDayCitation], [null, null]);
  assert.deepEqual(ids(r.sanctions.map((s) => s.citation)), ['cc-115-1', 'cc-115-1-correctional-work', 'cc-115-1',
    'cc-115-1']);
  assert.equal(r.orderProcedure, null);
  assert.deepEqual([r.omitted, r.omittedBy], [[], null]);
});

test('who may not receive each punishment, in three languages, with the rule', () => {
  const [fine, cw, cs, arrest] = ctx.range('115-1', '2026-02-10').sanctions;
  assert.equal(fine.restriction, null); // the dataset lists nobody a fine may not be imposed on
  assert.deepEqual([cw.restriction.id, cw.restriction.kind, cw.restriction.citation.id],
    ['art-42-7', 'correctional_work', 'cc-42-7']);
  // Art. 42 part 7: persons unable to work, without permanent work, in full-time study
  assert.equal(cw.restriction.persons.en.length, 3);
  assert.equal(cw.restriction.persons.ru[0], 'лицам, признанным нетрудоспособными');
  // Art. 43 part 3: seven groups; Art. 45 part 3: seven groups, minors first
  assert.deepEqual([cs.restriction.persons.en.length, cs.restriction.persons.ru.length,
    cs.restriction.persons.kk.length], [7, 7, 7]);
  assert.equal(cs.restriction.persons.kk[0], 'жүкті әйелдерге');
  assert.deepEqual([arrest.restriction.id, arrest.restriction.persons.en[0]], ['art-45-3', 'minors']);
  // the rule in the language of the reader
  assert.deepEqual(cs.restriction.citation.referenceIn, { en: 'Art. 43 part 3', ru: 'ч. 3 ст. 43',
    kk: '43-баптың 3-бөлігі' });
});

test('mitigation: half of each maximum, and the fine\'s minimum lifted by its rule', () => {
  const r = ctx.range('115-1', '2026-02-10', { mitigated: true });
  assert.equal(r.mitigated, true);
  // 200 / 2 = 100 MCI (100 x 4,325 = 432,500 tenge), 100 MCI, 100 hours, 50 / 2 = 25 days
  assert.deepEqual(r.sanctions.map((s) => [s.max.amount, s.max.source, s.max.citation.id, s.capped]),
    [['100', 'half_cap', 'cc-55-2', true], ['100', 'half_cap', 'cc-55-2', true],
      ['100', 'half_cap', 'cc-55-2', true], ['25', 'half_cap', 'cc-55-2', true]]);
  assert.equal(r.sanctions[0].max.tiyn, 43250000n);
  // the article's maximum is still there to show what was capped
  assert.equal(r.sanctions[0].articleMax.amount, '200');
  // Art. 41 part 7 / Art. 55 part 6 lift the fine's General Part minimum; the others stay
  assert.equal(r.sanctions[0].min, null);
  assert.equal(r.sanctions[0].minLiftedBy.id, 'cc-41-7');
  assert.equal(r.sanctions[0].generalMin.amount, '20'); // still reported: it exists, it does not apply
  assert.deepEqual(r.sanctions.slice(1).map((s) => [s.min.amount, s.minLiftedBy]),
    [['20', null], ['20', null], ['10', null]]);
});

test('the order procedure: only a fine of 10 to 20 MCI, the other alternatives left out with the reason', () => {
  const r = ctx.range('115-1', '2026-02-10', { orderProcedure: true });
  assert.equal(r.orderProcedure.id, 'cc-55-3-order');
  assert.equal(r.sanctions.length, 1);
  const [fine] = r.sanctions;
  // 10 x 4,325 = 43,250 tenge; 20 x 4,325 = 86,500 tenge
  assert.deepEqual([fine.kind, fine.min.amount, fine.min.tiyn, fine.max.amount, fine.max.tiyn],
    ['fine', '10', 4325000n, '20', 8650000n]);
  assert.deepEqual([fine.min.source, fine.max.source, fine.min.citation.id], ['order_procedure', 'order_procedure',
    'cc-55-3-order']);
  assert.deepEqual(r.omitted, ['correctional_work', 'community_service', 'arrest']);
  assert.equal(r.omittedBy.id, 'sc-17-2018-order');
  // with mitigation too: half of 200 = 100 is above 20, so 10 to 20 stands
  const m = ctx.range('115-1', '2026-02-10', { orderProcedure: true, mitigated: true }).sanctions[0];
  assert.deepEqual([m.min.amount, m.max.amount, m.capped], ['10', '20', false]);
  assert.throws(() => ctx.check('115-1', '2026-02-10', 'arrest', 20, { orderProcedure: true }),
    kzpenalty.NoSanctionError);
});

test('the compulsory payment: 5 MCI, its own certainty, unpriced in strict mode', () => {
  const [p] = ctx.range('115-1', '2026-02-10').payments;
  assert.deepEqual([p.id, p.mciCount, p.priced], ['victims-fund', '5', true]);
  assert.equal(p.amountTiyn, 2162500n); // 5 x 4,325 = 21,625 tenge
  assert.equal(p.amountText, '21 625 ₸');
  assert.equal(p.certainty, 'unverified'); // which day's MCI prices it is an estimate
  assert.deepEqual([p.citation.id, p.pricedBy.id], ['cc-98-2', 'payment-mci-day']);
  assert.ok(p.name.ru.length > 0 && p.name.kk.length > 0 && p.name.en.length > 0);
  // 5 x 3,932 = 19,660 tenge for an offence in 2025
  assert.equal(ctx.range('115-1', '2025-10-01').payments[0].amountTiyn, 1966000n);
  // the estimate does not lower the range's certainty
  assert.equal(ctx.range('115-1', '2026-02-10').certainty, 'statement');
  const strict = ctx.range('115-1', '2026-02-10', { strict: true }).payments[0];
  assert.deepEqual([strict.priced, strict.amountTiyn, strict.amountText, strict.pricedBy, strict.certainty],
    [false, null, null, null, 'statement']);
});

test('a check names the bound it was held to and the rule that sets it', () => {
  // 20 MCI is the General Part minimum: 20 - 15 = 5 short
  let c = ctx.check('115-1', '2026-02-10', 'fine', 15);
  assert.deepEqual([c.fits, c.violation, c.limit, c.limitSource, c.limitCitation.id, c.excess],
    [false, 'below_min', '20', 'general_part', 'cc-41-2', '5']);
  // mitigated: the minimum is lifted and 15 <= 100 (half of 200)
  c = ctx.check('115-1', '2026-02-10', 'fine', 15, { mitigated: true });
  assert.deepEqual([c.fits, c.limit, c.limitSource, c.limitCitation.id], [true, '100', 'half_cap', 'cc-55-2']);
  // the order procedure: 25 - 20 = 5 over
  c = ctx.check('115-1', '2026-02-10', 'fine', 25, { orderProcedure: true });
  assert.deepEqual([c.violation, c.limit, c.limitSource, c.limitCitation.id, c.excess],
    ['above_max', '20', 'order_procedure', 'cc-55-3-order', '5']);
  // zero is no sentence: no bound was applied
  c = ctx.check('115-1', '2026-02-10', 'arrest', 0);
  assert.deepEqual([c.violation, c.limit, c.limitSource, c.limitCitation], ['not_positive', '0', 'none', null]);
});

test('conversions under a rule carry the rule, its scope and its citation', () => {
  // Art. 61 (aggregation, the default): 1 day of arrest = 4 MCI: 150 / 4 = 37 days, 2 MCI left
  let c = ctx.convert(150, 'fine', 'arrest');
  assert.deepEqual([c.rule, c.whole, c.remainder, c.exact, c.citation.id], ['aggregation', 37n, '2', false, 'cc-61']);
  assert.match(c.scope.en, /several/);
  // Art. 41 part 6 (an unpaid fine): 1 hour per MCI: 150 hours
  c = ctx.convert(150, 'fine', 'community_service', { rule: 'unpaid-fine' });
  assert.deepEqual([c.rule, c.whole, c.exact, c.citation.id], ['unpaid-fine', 150n, true, 'cc-41-6']);
  assert.match(c.scope.ru, /неуплаченной части штрафа/);
  // Art. 43 part 2-1 (evaded service): 4 hours = 1 day: 10 hours = 2 days, 2 hours left
  c = ctx.convert(10, 'community_service', 'arrest', { rule: 'evaded-service' });
  assert.deepEqual([c.rule, c.whole, c.remainder, c.remainderUnit, c.citation.id],
    ['evaded-service', 2n, '2', 'hours', 'cc-43-2-1']);
  assert.equal(ctx.convert(8, 'fine', 'arrest', { rule: undefined }).rule, 'aggregation');
  assert.throws(() => ctx.convert(5, 'arrest', 'fine', { rule: 'unpaid-fine' }), kzpenalty.NoRuleError);
  assert.throws(() => ctx.convert(5, 'fine', 'arrest', { rule: 'prison-rule' }),
    (e) => e instanceof kzpenalty.UnknownKindError && /aggregation/.test(e.message));
});

test('citations in the reader\'s language', () => {
  const c = ctx.range('115-1', '2026-02-10').sanctions[0].min.citation;
  assert.deepEqual(c.referenceIn, { en: 'Art. 41 part 2', ru: 'ч. 2 ст. 41', kk: '41-баптың 2-бөлігі' });
  assert.equal(c.actIn.en, c.act);
  assert.match(c.actIn.ru, /^Уголовный кодекс Республики Казахстан/);
});

test('an Mci carries the date asked about, on every path of fine()', () => {
  assert.equal(ctx.mci('2026-03-01').date, '2026-03-01');
  assert.equal(ctx.range('115-1', '2026-02-10').mci.date, '2026-02-10');
  // the first fine takes the full path, the next ones the earlier answer (see index.js)
  const dates = ['2026-02-10', '2026-02-11', '2026-07-31'];
  for (const d of dates) {
    const f = ctx.fine(200, d);
    assert.deepEqual([f.mci.date, f.offenceDate, f.mci.from, f.amountTiyn], [d, d, '2026-01-01', 86500000n]);
    assert.ok(Object.isFrozen(f.mci) && f.mci instanceof kzpenalty.Mci);
  }
});

test('shared range objects never answer for other options (the cache keys on every flag)', () => {
  // one Context asked in turn; each answer must equal a fresh Context's for the same question
  const asked = new kzpenalty.Context();
  const plain = (v) => JSON.parse(JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x)));
  const questions = [{}, { orderProcedure: true }, {}, { mitigated: true }, { orderProcedure: true, mitigated: true },
    { strict: true }, { accelerated: true }, {}];
  for (const date of ['2026-02-10', '2026-03-01']) {
    for (const options of questions) {
      assert.deepEqual(plain(asked.range('115-1', date, options)),
        plain(new kzpenalty.Context().range('115-1', date, options)), `${date} ${JSON.stringify(options)}`);
    }
  }
  // the order procedure after a plain range on the same day: one alternative, not four
  asked.range('115-1', '2026-05-05');
  assert.equal(asked.range('115-1', '2026-05-05', { orderProcedure: true }).sanctions.length, 1);
});
