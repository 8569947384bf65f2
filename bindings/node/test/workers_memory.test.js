'use strict';
// Worker threads each load the addon (state lives in per-environment instance data), and
// 100,000 calls do not grow memory; contexts are freed by finalizers.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { Worker } = require('worker_threads');
const { kzpenalty, SOURCE_DIR } = require('./support');

test('worker threads compute the same numbers', async () => {
  const script = `
    const { parentPort, workerData } = require('worker_threads');
    const k = require(workerData.pkg);
    const ctx = new k.Context();
    let bad = 0;
    for (let i = 0; i < 5000; i++) {
      bad += ctx.fine(200, '2026-02-10').amountTiyn !== 86500000n;   // 200 x 4,325
      bad += ctx.range('115-1', '2026-02-10', { mitigated: i % 2 === 1 }).sanctions[0].max.tiyn !==
             (i % 2 ? 43250000n : 86500000n);
      try { ctx.range('115-1', '2025-09-15'); bad++; } catch (e) { bad += !(e instanceof k.NotInForceError); }
    }
    parentPort.postMessage(bad);`;
  const pkg = path.join(__dirname, '..');
  const results = await Promise.all([0, 1, 2, 3].map(() => new Promise((resolve, reject) => {
    const w = new Worker(script, { eval: true, workerData: { pkg } });
    w.on('message', resolve);
    w.on('error', reject);
  })));
  assert.deepEqual(results, [0, 0, 0, 0]);
});

test('no memory growth over 100,000 calls', () => {
  assert.equal(typeof global.gc, 'function', 'run with --expose-gc');
  const ctx = new kzpenalty.Context();
  const burst = (n) => {
    for (let i = 0; i < n; i++) {
      ctx.fine(200, '2026-02-10');
      ctx.range('115-1', '2026-02-10');
      try { ctx.range('115-1', '2025-09-15'); } catch (e) { /* expected */ }
    }
  };
  burst(20000); // warm up the JIT and the heap
  global.gc();
  const before = process.memoryUsage();
  burst(100000);
  global.gc();
  const after = process.memoryUsage();
  const heap = after.heapUsed - before.heapUsed;
  const rss = after.rss - before.rss;
  assert.ok(heap < 2 * 1024 * 1024, `JS heap grew by ${heap} bytes`);
  assert.ok(rss < 16 * 1024 * 1024, `RSS grew by ${rss} bytes`);
});

test('contexts are freed by their finalizers', async () => {
  // Node runs Node-API finalizers from the event loop after a collection: let it turn.
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      global.gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  // contexts of the whole dataset (each holds its text and model, about 106 KB), and a what-if of
  // each (which holds its base until it is freed itself)
  const text = fs.readFileSync(path.join(SOURCE_DIR, 'data', 'kzpenalty.json'));
  const burst = () => {
    for (let i = 0; i < 600; i++) kzpenalty.Context.fromJSON(text).whatIf(5000).fine(1, '2026-02-10');
  };
  // warm up to the allocator's high-water mark, then three more bursts must not add to it
  for (let i = 0; i < 2; i++) { burst(); await settle(); }
  const before = process.memoryUsage().rss;
  for (let i = 0; i < 3; i++) { burst(); await settle(); }
  const grown = process.memoryUsage().rss - before;
  // 1,800 unfreed pairs would be about 190 MB; the allocator's high-water mark moves by a few tens
  // of MB between runs, depending on when V8 collects
  assert.ok(grown < 96 * 1024 * 1024, `RSS grew by ${grown} bytes`);
});
