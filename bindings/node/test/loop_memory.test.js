'use strict';
// Contexts made in a synchronous loop (issue 13 item 5). Node runs Node-API finalizers only when
// the event loop turns, so every Context made in such a loop is held until the loop ends: each
// must cost little (a derived one shares its base) and the loop must fit in memory.
//
// Each loop runs in a child node under a virtual-memory limit (`ulimit -v`) of
//   rest + count x bound + 64 MiB,
// where rest is the peak virtual size of the same child making no context (about 650 MiB: V8
// reserves its heap up front), bound a ceiling per context set from what was measured
// (bench/results/memory.md: a what-if 1.4 KiB, an MCI update 5.6 KiB, a small dataset 6.9 KiB of
// address space each, held until the loop ends), and 64 MiB what V8's heap and code grow by during
// the loop (measured: 30 MiB over 20,000 contexts). Before issue 13 a what-if held 4.2 KiB and a
// small dataset 21 KiB (a 16 KiB arena block and a 2.8 KiB cache each): these limits fail there.
// The child runs with MALLOC_ARENA_MAX=1: glibc otherwise reserves 64 MiB of address space for
// each thread that allocates (V8's garbage-collector threads do), up to 256 MiB that is never
// used and would say nothing about contexts.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { spawnSync } = require('child_process');
const { SOURCE_DIR } = require('./support');

const PKG = path.join(__dirname, '..');
const MINIMAL = path.join(SOURCE_DIR, 'docs', 'examples', 'dataset-minimal.json');
const KIB = 1024;

// The child: makes count contexts of one kind, discarding each, checks the last one's numbers,
// and prints its peak virtual size (KiB).
const CHILD = `
const fs = require('fs');
const k = require(process.argv[1]);
const [kind, count, minimal] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
const base = new k.Context();
const text = fs.readFileSync(minimal);
const update = JSON.stringify({
  citations: [{ id: 'fx', act: 'test fixture', seen_in: 'the test', status: 'official' }],
  known_until: '2027-12-31', known_until_citation: 'fx',
  periods: [{ from: '2027-01-01', tenge: 5000, purpose: 'all', citation: 'fx' }],
});
const make = {
  whatIf: () => base.whatIf(5000),
  withMci: () => base.withMci(update),
  fromJSON: () => k.Context.fromJSON(text),
  fromFile: () => k.Context.fromFile(minimal),
}[kind];
let last = null;
for (let i = 0; i < count; i++) last = make();
if (last) {
  // 200 x 5,000 = 1,000,000 tenge (the what-if and the fixture 2027 MCI); 200 x 4,325 = 865,000 (2026)
  const date = kind === 'whatIf' || kind === 'withMci' ? '2027-03-01' : '2026-03-01';
  const want = kind === 'whatIf' || kind === 'withMci' ? 100000000n : 86500000n;
  if (last.fine(200, date).amountTiyn !== want) throw new Error('wrong amount');
}
const peak = fs.readFileSync('/proc/self/status', 'utf8').match(/VmPeak:\\s+(\\d+)/)[1];
console.log(JSON.stringify({ kind, count, peakKib: Number(peak) }));
`;

function child(kind, count, limitKib) {
  const args = ['-e', CHILD, PKG, kind, String(count), MINIMAL];
  const env = { ...process.env, MALLOC_ARENA_MAX: '1' };
  const r = limitKib
    ? spawnSync('sh', ['-c', `ulimit -v ${limitKib} && exec "$0" "$@"`, process.execPath, ...args], { env })
    : spawnSync(process.execPath, args, { env });
  return { status: r.status, signal: r.signal, out: String(r.stdout), err: String(r.stderr) };
}

// [kind, count, ceiling per context in bytes]
const CASES = [
  ['whatIf', 1000000, 2 * KIB],
  ['withMci', 10000, 8 * KIB], // each parses the base's 49 KB dataset (about 1.5 ms): 10,000 take 15 s
  ['fromJSON', 20000, 10 * KIB],
  ['fromFile', 20000, 10 * KIB],
];

for (const [kind, count, bound] of CASES) {
  test(`${count} ${kind} contexts in a synchronous loop fit in memory`, (t) => {
    const rest = child(kind, 0);
    assert.equal(rest.status, 0, rest.err);
    const restKib = JSON.parse(rest.out).peakKib;
    const limitKib = restKib + Math.ceil((count * bound) / KIB) + 64 * KIB;
    const r = child(kind, count, limitKib);
    t.diagnostic(`rest ${restKib} KiB, limit ${limitKib} KiB, ${r.out.trim()}`);
    assert.equal(r.status, 0, `exit ${r.status} (signal ${r.signal}) under ulimit -v ${limitKib}: ${r.err.slice(-500)}`);
    assert.ok(JSON.parse(r.out).peakKib <= limitKib);
  });
}
