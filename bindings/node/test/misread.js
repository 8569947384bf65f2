'use strict';
// "Nothing misread" (issue 13): arguments that a binding could quietly misread must be refused,
// alike in the Node binding (misread.test.js) and the WebAssembly wrapper
// (bindings/wasm/test/misread.test.mjs). Each check takes the API object of one binding.
const assert = require('node:assert/strict');

const DATE = '2026-02-10';
const FLAGS = ['mitigated', 'accelerated', 'orderProcedure', 'allowStale', 'strict'];

function throwsType(call, fragment) {
  assert.throws(call, (e) => e instanceof TypeError && e.message.includes(fragment),
    `TypeError mentioning "${fragment}"`);
}

const checks = {
  'a misspelt option key is a TypeError, never ignored'(k) {
    const ctx = new k.Context();
    // {mitigate: true} would otherwise give the full range (50 days) instead of the half cap (25)
    throwsType(() => ctx.range('115-1', DATE, { mitigate: true }),
      'options.mitigate is not an option of range(); it takes mitigated, accelerated, orderProcedure, allowStale,');
    throwsType(() => ctx.check('115-1', DATE, 'arrest', 30, { mitigate: true }), 'options.mitigate');
    throwsType(() => ctx.sanctionTexts('115-1', DATE, 'ru', { mitigate: true }), 'options.mitigate');
    throwsType(() => ctx.range('115-1', DATE, { orderprocedure: true }), 'options.orderprocedure');
    throwsType(() => ctx.range('115-1', DATE, { mitigated: true, allow_stale: true }), 'options.allow_stale');
    throwsType(() => ctx.fine(200, DATE, { stale: true }), 'options.stale is not an option of fine()');
    throwsType(() => ctx.mci(DATE, 'fines', { strictly: true }), 'options.strictly is not an option of mci()');
    throwsType(() => ctx.convert(150, 'fine', 'arrest', { rules: 'unpaid-fine' }),
      'options.rules is not an option of convert(); it takes rule');
    // the correct keys are read: half of 50 days is 25
    assert.equal(ctx.range('115-1', DATE, { mitigated: true }).sanctions[3].max.amount, '25');
    assert.equal(ctx.range('115-1', DATE, {}).sanctions[3].max.amount, '50');
  },

  'an option a call does not take is a TypeError'(k) {
    const ctx = new k.Context();
    // a fine of N MCI is priced as it is: no half cap applies to fine(), so it must not seem to
    throwsType(() => ctx.fine(200, DATE, { mitigated: true }), 'options.mitigated is not an option of fine()');
    throwsType(() => ctx.mci(DATE, 'fines', { orderProcedure: true }), 'it takes allowStale, strict');
    throwsType(() => ctx.convert(150, 'fine', 'arrest', { mitigated: true }), 'options.mitigated');
  },

  'flags that are not booleans are a TypeError'(k) {
    const ctx = new k.Context();
    for (const flag of FLAGS) {
      for (const value of ['yes', 'false', 1, 0, null, {}]) {
        throwsType(() => ctx.range('115-1', DATE, { [flag]: value }), `options.${flag} must be a boolean`);
      }
    }
    throwsType(() => ctx.fine(1, '2027-06-01', { allowStale: 'false' }), 'options.allowStale must be a boolean');
    throwsType(() => ctx.convert(1, 'fine', 'arrest', { rule: 1 }), 'options.rule must be a string');
    // options themselves must be an object, not an array or a string
    throwsType(() => ctx.range('115-1', DATE, [true]), 'options must be an object');
    throwsType(() => ctx.range('115-1', DATE, 'mitigated'), 'options must be an object');
    throwsType(() => ctx.convert(1, 'fine', 'arrest', 'unpaid-fine'), 'options must be an object');
    // undefined means "not given"
    assert.equal(ctx.range('115-1', DATE, { mitigated: undefined }).mitigated, false);
  },

  'tiyn beyond 64 bits or beyond exact numbers are refused, not printed'(k) {
    // 2^63 tiyn does not fit in int64_t: clamped, it would print as 92233720368547758.07
    assert.throws(() => k.formatTenge(2n ** 63n, 'plain'),
      (e) => e instanceof k.AmountOverflowError && e.code === 'KZP_E_OVERFLOW' && /64 bits/.test(e.message));
    assert.throws(() => k.formatTenge(-(2n ** 63n) - 1n, 'plain'), k.AmountOverflowError);
    // 2 ** 63 as a number is past 2^53 - 1, where a double no longer holds every integer
    assert.throws(() => k.formatTenge(2 ** 63, 'plain'), (e) => e instanceof RangeError && /too large/.test(e.message));
    assert.throws(() => k.formatTenge(Infinity), RangeError);
    assert.throws(() => k.formatTenge(NaN), TypeError);
    assert.throws(() => k.tengeWords(2 ** 63, 'ru'), RangeError);
    assert.throws(() => k.numberWords(2n ** 64n, 'en'), k.AmountOverflowError);
    // the edges themselves are exact: INT64_MAX and INT64_MIN tiyn, and 2^53 - 1 as a number
    assert.equal(k.formatTenge(2n ** 63n - 1n, 'plain'), '92233720368547758.07');
    assert.equal(k.formatTenge(-(2n ** 63n), 'plain'), '-92233720368547758.08');
    assert.equal(k.formatTenge(Number.MAX_SAFE_INTEGER, 'plain'), '90071992547409.91');
  },

  'whatIf says why a number is refused'(k) {
    const ctx = new k.Context();
    assert.throws(() => ctx.whatIf(1e19), (e) => e instanceof RangeError && /mciTenge is too large/.test(e.message));
    assert.throws(() => ctx.whatIf(Infinity), (e) => e instanceof RangeError && /too large/.test(e.message));
    assert.throws(() => ctx.whatIf(1.5), (e) => e instanceof TypeError && /mciTenge must be a whole number/.test(e.message));
    assert.throws(() => ctx.whatIf(NaN), (e) => e instanceof TypeError && /not NaN/.test(e.message));
    assert.throws(() => ctx.whatIf(2n ** 64n), (e) => e instanceof k.AmountOverflowError && /64 bits/.test(e.message));
    // in range for a number, out of the library's range: the library says which
    assert.throws(() => ctx.whatIf(1e10), (e) => e instanceof k.BadNumberError && /1 to 1000000000/.test(e.message));
    assert.equal(ctx.whatIf(5000).fine(200, DATE).amountTiyn, 100000000n); // 200 x 5,000 tenge
  },

  'amounts: a fraction is a TypeError, past 2^53 a RangeError, negative or too many units the library\'s'(k) {
    const ctx = new k.Context();
    assert.throws(() => ctx.fine(0.2, DATE), (e) => e instanceof TypeError && /'0\.2'/.test(e.message));
    assert.throws(() => ctx.fine(2 ** 60, DATE), (e) => e instanceof RangeError && /bigint or a decimal string/.test(e.message));
    assert.throws(() => ctx.fine(-1, DATE), (e) => e instanceof k.BadNumberError && /cannot be negative/.test(e.message));
    assert.throws(() => ctx.fine(-(2n ** 70n), DATE), k.BadNumberError);
    assert.throws(() => ctx.fine(2n ** 70n, DATE), (e) => e instanceof k.AmountOverflowError && /too large/.test(e.message));
    // a wrong type anywhere is reported before a bad value
    throwsType(() => ctx.fine(-1, 20260210), 'date must be a string');
    assert.equal(ctx.fine('0.2', '2026-01-05').amountTiyn, 86500n); // 0.2 x 4,325 = 865 tenge
  },
};

module.exports = { checks };
