'use strict';
/**
 * Calls per second of kzpenalty's Node binding (fine and range) against a straightforward
 * JavaScript implementation of the same computation, measured in the same run. The JavaScript
 * side uses the same MCI table (read once from the library), a binary search by date, BigInt
 * arithmetic for the tiyn, and builds a frozen result object like the binding's.
 *
 * Usage: node bench/node_binding.js [--out bench/results/node.md]
 */
const os = require('os');
const fs = require('fs');
const path = require('path');
const k = require(path.join(__dirname, '..', 'bindings', 'node'));

const ctx = new k.Context();
const TABLE = ctx.mciTable().filter((p) => p.purpose !== 'benefits').map((p) => [p.from, BigInt(p.tenge), p.tenge]);
const KNOWN_UNTIL = ctx.info.mciKnownUntil;
// the article's data, read from the library once (the JavaScript side only computes)
const IN_FORCE = ctx.articles()[0].inForceFrom;
const SANCTIONS = ctx.range('115-1', '2026-02-10').sanctions.map((s) => [s.kind, s.unit, BigInt(s.max)]);

function jsMci(date) {
  let lo = 0, hi = TABLE.length - 1, found = -1;
  while (lo <= hi) {                      // ISO dates compare as strings
    const mid = (lo + hi) >> 1;
    if (TABLE[mid][0] <= date) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
  }
  if (found < 0 || date > KNOWN_UNTIL) throw new Error('no MCI for this date');
  return TABLE[found];
}

function jsFine(count, date) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('bad date');
  const [from, tenge, tengeNum] = jsMci(date);
  const amountTiyn = BigInt(count) * tenge * 100n;
  return Object.freeze({ mciCount: String(count), offenceDate: date, amountTiyn,
    mci: Object.freeze({ tenge: tengeNum, from }) });
}

function jsRange(article, date) {
  if (article !== '115-1') throw new Error('unknown article');
  if (date < IN_FORCE) throw new Error('not in force');
  const [from, tenge, tengeNum] = jsMci(date);
  const sanctions = SANCTIONS.map(([kind, unit, max]) => Object.freeze({
    kind, unit, min: null, max: String(max), maxTiyn: unit === 'mci' ? max * tenge * 100n : null,
  }));
  return Object.freeze({ article, offenceDate: date, mci: Object.freeze({ tenge: tengeNum, from }),
    sanctions: Object.freeze(sanctions) });
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

// same numbers first: 200 x 4,325 = 865,000 tenge
if (ctx.fine(200, '2026-02-10').amountTiyn !== jsFine(200, '2026-02-10').amountTiyn) throw new Error('fine differs');
if (ctx.range('115-1', '2026-02-10').sanctions[0].maxTiyn !== jsRange('115-1', '2026-02-10').sanctions[0].maxTiyn) {
  throw new Error('range differs');
}

const n = Number(process.argv.includes('--n') ? process.argv[process.argv.indexOf('--n') + 1] : 200000);
const rows = [
  ['fine(200, date)', time(() => ctx.fine(200, '2026-02-10'), n), time(() => jsFine(200, '2026-02-10'), n)],
  ['range(\'115-1\', date)', time(() => ctx.range('115-1', '2026-02-10'), n / 4), time(() => jsRange('115-1', '2026-02-10'), n / 4)],
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
const [fb] = rows[0][1];
const [jb] = rows[0][2];
lines.push(`Goal (issue 6): a fine call at most 200 ns and at least 3x the JavaScript implementation. Measured: ` +
  `${fb.toFixed(0)} ns (${fb <= 200 ? 'met' : 'NOT met'}), ${(jb / fb).toFixed(2)}x (${jb / fb >= 3 ? 'met' : 'NOT met'}).`);
const text = lines.join('\n') + '\n';
process.stdout.write(text);
const out = process.argv.indexOf('--out');
if (out > 0) fs.writeFileSync(process.argv[out + 1], text);
