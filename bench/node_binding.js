'use strict';
/**
 * Calls per second of kzpenalty's Node binding (fine and range) against a straightforward
 * JavaScript implementation of the same computation, measured in the same run. The JavaScript
 * side uses the same MCI table (read once from the library), a binary search by date, BigInt
 * arithmetic for the tiyn, formats the amount text the way the library does, and builds a result
 * equal field by field to the binding's (checked below before timing), sharing the citation and
 * receipt objects as the binding does. The range's data (bounds, the rule behind each, who may not
 * receive each punishment, the compulsory payment) is read from the library once; every amount in
 * tiyn, and each answer's validity interval (validFrom..validUntil), is computed per call from the
 * table, as a JavaScript implementation would.
 *
 * Usage: node bench/node_binding.js [--out bench/results/node.md]
 */
const os = require('os');
const fs = require('fs');
const path = require('path');
const k = require(path.join(__dirname, '..', 'bindings', 'node'));

const ctx = new k.Context();
// the day before an ISO date, by the calendar
function dayBefore(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

// per period: [from, tenge as bigint, the Mci object, the basis, its last day] (objects read from the
// library once; the last day worked out here, when the table is read: the day before the next
// period, or the table's end) (fines of Code 226-V, in force from 2015-01-01: the library prices no
// fine before it)
const PRICING_FROM = '2015-01-01';
const KNOWN_UNTIL = ctx.info.mciKnownUntil;
const TABLE = ctx.mciTable().filter((p) => p.purpose !== 'benefits' && p.from >= PRICING_FROM).map((p) => {
  const sample = ctx.fine(1, p.from, { allowStale: true });
  return [p.from, BigInt(p.tenge), sample.mci, sample.basis];
});
TABLE.forEach((row, i) => row.push(i + 1 < TABLE.length ? dayBefore(TABLE[i + 1][0]) : KNOWN_UNTIL));
const RECEIPT = ctx.fine(1, '2026-02-10').receipt;
// the article's data, read from the library once (the JavaScript side only computes)
const IN_FORCE = ctx.articles()[0].inForceFrom;
const TEMPLATE = ctx.range('115-1', '2026-02-10');

function jsMci(date) {
  let lo = 0, hi = TABLE.length - 1, found = -1;
  while (lo <= hi) {                      // ISO dates compare as strings
    const mid = (lo + hi) >> 1;
    if (TABLE[mid][0] <= date) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
  }
  if (found < 0 || date > KNOWN_UNTIL) throw new Error('no MCI for this date');
  return TABLE[found];
}

// "865 000 ₸": whole tenge grouped by threes with spaces, tiyn only when not zero
function jsTengeText(tiyn) {
  const whole = String(tiyn / 100n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const rest = tiyn % 100n;
  return (rest ? `${whole},${String(rest).padStart(2, '0')}` : whole) + ' ₸';
}

function jsFine(count, date) {
  if (!Number.isSafeInteger(count) || count < 0) throw new TypeError('bad count');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('bad date');
  const [from, tenge, m, basis, until] = jsMci(date);
  const amountTiyn = BigInt(count) * tenge * 100n;
  return Object.freeze({ mciCount: String(count), offenceDate: date, validFrom: from, validUntil: until, amountTiyn,
    amountText: jsTengeText(amountTiyn), mci: jsMciOn(m, date, from, until), certainty: m.certainty, stale: false, basis,
    receipt: RECEIPT });
}

// an Mci carries the date asked about: a new object per call, as the binding makes
function jsMciOn(m, date, from, until) {
  return Object.freeze({ tenge: m.tenge, date, from, validFrom: from, validUntil: until, purpose: m.purpose,
    stale: false, certainty: m.certainty, citation: m.citation });
}

// "200" -> 20000n hundredths; hundredths of an MCI x whole tenge = tiyn
function jsCenti(decimal) {
  const [whole, frac = ''] = decimal.split('.');
  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
}

// the article's amounts in hundredths, parsed once with the rest of its data (not per call)
const CENTI = new Map();
for (const s of TEMPLATE.sanctions) {
  for (const b of [s.min, s.max, s.articleMin, s.articleMax, s.generalMin, s.generalMax]) {
    if (b !== null) CENTI.set(b.amount, jsCenti(b.amount));
  }
}
for (const p of TEMPLATE.payments) CENTI.set(p.mciCount, jsCenti(p.mciCount));

function jsBound(b, tenge) {
  if (b === null) return null;
  const tiyn = b.tiyn === null ? null : CENTI.get(b.amount) * tenge;
  return Object.freeze({ amount: b.amount, tiyn, text: tiyn === null ? null : jsTengeText(tiyn), source: b.source,
    citation: b.citation });
}

// the range's basis and certainties per MCI period, read from the library once like the rest
const RANGE_SHARED = new Map(TABLE.filter(([from]) => from >= '2025-01-01').map(([from]) => {
  const r = ctx.range('115-1', from < IN_FORCE ? IN_FORCE : from);
  return [from, [r.basis, r.certainty, r.payments.map((p) => p.certainty)]];
}));

function jsRange(article, date) {
  if (article !== '115-1') throw new Error('unknown article');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('bad date');
  if (date < IN_FORCE) throw new Error('not in force');
  const [from, tenge, m, , until] = jsMci(date);
  const [basis, certainty, paymentCertainty] = RANGE_SHARED.get(from);
  // the same range from the latest of the article's entry, the pricing rule's start and the MCI's
  let validFrom = IN_FORCE > PRICING_FROM ? IN_FORCE : PRICING_FROM;
  if (from > validFrom) validFrom = from;
  const sanctions = TEMPLATE.sanctions.map((s) => Object.freeze({ kind: s.kind, unit: s.unit,
    min: jsBound(s.min, tenge), max: jsBound(s.max, tenge), articleMin: jsBound(s.articleMin, tenge),
    articleMax: jsBound(s.articleMax, tenge), generalMin: jsBound(s.generalMin, tenge),
    generalMax: jsBound(s.generalMax, tenge), minLiftedBy: s.minLiftedBy, capped: s.capped, perDayMax: s.perDayMax,
    perDayCitation: s.perDayCitation, restriction: s.restriction, citation: s.citation }));
  const payments = TEMPLATE.payments.map((p, i) => {
    const amountTiyn = CENTI.get(p.mciCount) * tenge;
    return Object.freeze({ id: p.id, name: p.name, mciCount: p.mciCount, priced: true, amountTiyn,
      amountText: jsTengeText(amountTiyn), certainty: paymentCertainty[i], citation: p.citation,
      pricedBy: p.pricedBy });
  });
  return Object.freeze({ article, offenceDate: date, validFrom, validUntil: until, mitigated: false, accelerated: false,
    orderProcedure: null, mci: jsMciOn(m, date, from, until), sanctions: Object.freeze(sanctions), omitted: Object.freeze([]), omittedBy: null,
    payments: Object.freeze(payments), certainty, stale: false, basis, receipt: RECEIPT });
}

function time(fn, n) {
  for (let i = 0; i < n / 10; i++) fn(); // warm up the JIT
  const runs = [];
  for (let r = 0; r < 9; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    runs.push(Number(process.hrtime.bigint() - t0) / n);
  }
  runs.sort((a, b) => a - b);
  return [runs[0], runs[4]]; // best and median ns per call
}

// same results first: 200 x 4,325 = 865,000 tenge; 200 x 3,932 = 786,400 tenge; ...
// (through a plain copy: JSON.stringify would take the results' toJSON, which writes bigints as bare strings)
const plain = (v) => (typeof v === 'bigint' ? `${v}n`
  : Array.isArray(v) ? v.map(plain)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).map((k) => [k, plain(v[k])])) : v);
const same = (a, b) => JSON.stringify(plain(a)) === JSON.stringify(plain(b));
for (const [count, date] of [[200, '2026-02-10'], [200, '2025-10-01'], [1, '2015-06-30'], [0, '2024-01-01'],
  [123456, '2026-12-31']]) {
  if (!same(ctx.fine(count, date), jsFine(count, date))) throw new Error(`fine(${count}, ${date}) differs`);
}
for (const date of ['2026-02-10', '2025-10-01', '2025-09-16', '2026-12-31', '2025-12-31', '2026-01-01']) {
  if (!same(ctx.range('115-1', date), jsRange('115-1', date))) throw new Error(`range(115-1, ${date}) differs`);
}

const n = Number(process.argv.includes('--n') ? process.argv[process.argv.indexOf('--n') + 1] : 200000);
// the third row asks each time for the next of 8 dates on both sides of 2026-01-01 (two intervals)
const DATES = ['2025-10-01', '2026-01-01', '2025-12-31', '2026-02-10', '2025-11-03', '2026-12-31', '2025-09-16',
  '2026-07-15'];
let di = 0;
const rows = [
  ['fine(200, date)', time(() => ctx.fine(200, '2026-02-10'), n), time(() => jsFine(200, '2026-02-10'), n)],
  // a new mciCount each call (1..1000): no earlier answer to the question, the addon's fast path
  ['fine(1..1000, date)', time(() => ctx.fine(1 + (di++ % 1000), '2026-02-10'), n),
    time(() => jsFine(1 + (di++ % 1000), '2026-02-10'), n)],
  ['range(\'115-1\', date)', time(() => ctx.range('115-1', '2026-02-10'), n / 4), time(() => jsRange('115-1', '2026-02-10'), n / 4)],
  ['range(\'115-1\', 8 dates of 2025-2026)', time(() => ctx.range('115-1', DATES[di++ & 7]), n / 4),
    time(() => jsRange('115-1', DATES[di++ & 7]), n / 4)],
  // options, even none ({}), take the full call: what every range cost before issue 17
  ['range(\'115-1\', date, {}) (full call)', time(() => ctx.range('115-1', '2026-02-10', {}), n / 4),
    time(() => jsRange('115-1', '2026-02-10'), n / 4)],
];
const cpu = os.cpus()[0] ? os.cpus()[0].model : 'unknown';
const lines = [
  '# Node.js binding: calls per second',
  '',
  `Machine: ${cpu}, ${os.cpus().length} cores; Node ${process.version}; ${os.platform()} ${os.release()}. ` +
  `Measured ${new Date().toISOString().slice(0, 10)} with \`node bench/node_binding.js --out bench/results/node.md\` ` +
  `(9 runs of ${n.toLocaleString('en')} calls after a warm-up, the range row ${(n / 4).toLocaleString('en')}; best and median).`,
  '',
  '| call | kzpenalty best (ns) | median | JavaScript best (ns) | median | speed-up (best) | (median) |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map(([name, [cb, cm], [jb, jm]]) =>
    `| ${name} | ${cb.toFixed(0)} | ${cm.toFixed(0)} | ${jb.toFixed(0)} | ${jm.toFixed(0)} | ${(jb / cb).toFixed(2)}x | ${(jm / cm).toFixed(2)}x |`),
  '',
];
// the cost of crossing into the addon at all: the cheapest call that returns a string
const [floor] = time(() => k.formatTenge(86500000n), n);
lines.push(`Floor in the same run: one Node-API call that formats an amount (\`formatTenge(86500000n)\`) ` +
  `takes ${floor.toFixed(0)} ns (best).`, '');
const ratio = (row, i) => row[2][i] / row[1][i]; // JavaScript time / kzpenalty time: best (0) or median (1)
const verdict = (row, goal) => `${ratio(row, 0).toFixed(2)}x best, ${ratio(row, 1).toFixed(2)}x median ` +
  `(${ratio(row, 0) >= goal && ratio(row, 1) >= goal ? 'met' : 'NOT met'})`;
lines.push(`Goals (issue 17): \`range('115-1', date)\` at least 3x the JavaScript implementation, \`fine\` no slower ` +
  `than it (1.0x), both by best and by median. Measured: range ${verdict(rows[2], 3)}; fine ${verdict(rows[0], 1)}.`);
const text = lines.join('\n') + '\n';
process.stdout.write(text);
const out = process.argv.indexOf('--out');
if (out > 0) fs.writeFileSync(process.argv[out + 1], text);
