'use strict';
// Runs the hostile-input table tests/hostile/node.json against a JavaScript API of the library:
// the Node binding (hostile.test.js) and, for every call it has, the WebAssembly wrapper
// (bindings/wasm/test/hostile.test.mjs). Each entry names a call, its arguments and either the
// error it must throw (class name and a fragment of the message) or the value it must return.
// After each entry the base context must still answer as before: bad input changes nothing.
// A key the runner does not know, in an entry or in a special value, fails the run.
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const ENTRY_KEYS = new Set(['call', 'args', 'this', 'why', 'throws', 'message', 'returns', 'pending', 'wasm']);
const WASM_KEYS = new Set(['skip', 'throws', 'message', 'returns']);
const CONTEXT_CALLS = new Set(['range', 'fine', 'check', 'convert', 'mci', 'sanctionTexts', 'whatIf', 'withMci',
  'mciTable', 'articles', 'info']);
const MODULE_CALLS = new Set(['formatTenge', 'numberWords', 'tengeWords', 'tengeFiguresWords', 'validateDataset']);
const STATIC_CALLS = new Set(['Context.fromFile', 'Context.fromJSON', 'new Context', 'Context()']);

/** Files the $path values name, made once in a temporary directory. */
function makeFiles(sourceDir) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kzp-hostile-'));
  const empty = path.join(dir, 'empty.json');
  fs.writeFileSync(empty, '');
  const notUtf8 = path.join(dir, 'latin1.json');
  fs.writeFileSync(notUtf8, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d])); // {"é":1} in Latin-1
  const subdir = path.join(dir, 'a-directory.json');
  fs.mkdirSync(subdir);
  const fifo = path.join(dir, 'a-fifo');
  execFileSync('mkfifo', [fifo]); // Node has no mkfifo of its own
  return {
    dir,
    paths: {
      dataset: path.join(sourceDir, 'data', 'kzpenalty.json'),
      minimal: path.join(sourceDir, 'docs', 'examples', 'dataset-minimal.json'),
      'bad-dataset': path.join(sourceDir, 'tests', 'cli', 'data', 'bad-dataset.json'),
      directory: subdir,
      missing: path.join(dir, 'no-such-file.json'),
      empty,
      'not-utf8': notUtf8,
      // a FIFO with no writer: the library refuses it at once (it is not a regular file)
      fifo,
    },
  };
}

/** A JSON value of the table to a JavaScript value: {"$bigint": "1"} to 1n, and so on. */
function decode(v, env) {
  if (Array.isArray(v)) return v.map((x) => decode(x, env));
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v);
  const special = keys.filter((k) => k.startsWith('$'));
  if (special.length === 0) return Object.fromEntries(keys.map((k) => [k, decode(v[k], env)]));
  assert.equal(keys.length, 1, `a special value has one key: ${JSON.stringify(v)}`);
  const [key] = special;
  const x = v[key];
  switch (key) {
    case '$bigint': return BigInt(x);
    case '$number': {
      const pow = /^(-?)2\*\*(\d+)([+-]\d+)?$/.exec(x); // "2**63", "-2**53+1": exact powers of two
      if (pow) return (pow[1] ? -1 : 1) * 2 ** Number(pow[2]) + Number(pow[3] || 0);
      const n = Number(x); // "NaN", "Infinity", "-0", "1e19"
      assert.ok(!Number.isNaN(n) || x === 'NaN', `$number ${x}`);
      return n;
    }
    case '$undefined': return undefined;
    case '$repeat': return String(x[0]).repeat(x[1]);
    case '$bytes': return new Uint8Array(x);
    case '$date': return new Date(x);
    case '$symbol': return Symbol(x);
    case '$function': return () => x;
    case '$json': return JSON.stringify(x);
    case '$path':
      assert.ok(x in env.paths, `unknown $path ${x}`);
      return env.paths[x];
    case '$dataset': {
      // the embedded dataset's text with one replacement [from, to], which must occur exactly once
      let text = fs.readFileSync(env.paths.dataset, 'utf8');
      for (const [from, to] of x) {
        assert.equal(text.split(from).length, 2, `$dataset: "${from}" must occur once`);
        text = text.replace(from, to);
      }
      return text;
    }
    case '$proxy': {
      const trap = () => { throw new Error(`trap: ${x}`); };
      return new Proxy({}, { has: trap, get: trap, ownKeys: trap, getOwnPropertyDescriptor: trap });
    }
    default: return assert.fail(`unknown special value ${key}`);
  }
}

/** Does a result match what the table expects? Objects: the fields given; arrays: every element. */
function matches(got, want, where, env) {
  if (Array.isArray(want)) {
    assert.ok(Array.isArray(got), `${where}: an array`);
    assert.equal(got.length, want.length, `${where}: length`);
    return want.forEach((w, i) => matches(got[i], w, `${where}[${i}]`, env));
  }
  if (want !== null && typeof want === 'object' && !Object.keys(want).some((k) => k.startsWith('$'))) {
    assert.ok(got !== null && typeof got === 'object', `${where}: an object`);
    return Object.entries(want).forEach(([k, w]) => matches(got[k], w, `${where}.${k}`, env));
  }
  return assert.deepEqual(got, decode(want, env), where);
}

function invoke(k, base, entry, env) {
  const args = decode(entry.args, env);
  const { call } = entry;
  if (call === 'new Context') return new k.Context(...args);
  if (call === 'Context()') return k.Context(...args);
  if (call.startsWith('Context.')) return k.Context[call.slice(8)](...args);
  if (MODULE_CALLS.has(call)) return k[call](...args);
  if (call === 'info') return base.info;
  const self = entry.this === undefined ? base : decode(entry.this, env);
  return k.Context.prototype[call].apply(self, args);
}

/** Whether the binding k has the call at all (the WebAssembly wrapper has no fromFile). */
function has(k, call) {
  if (call === 'new Context' || call === 'Context()') return true;
  if (call.startsWith('Context.')) return typeof k.Context[call.slice(8)] === 'function';
  if (MODULE_CALLS.has(call)) return typeof k[call] === 'function';
  return call === 'info' || typeof k.Context.prototype[call] === 'function';
}

function validate(entry, i) {
  const where = `entry ${i} (${entry.call})`;
  for (const key of Object.keys(entry)) assert.ok(ENTRY_KEYS.has(key), `${where}: unknown key ${key}`);
  assert.ok(CONTEXT_CALLS.has(entry.call) || MODULE_CALLS.has(entry.call) || STATIC_CALLS.has(entry.call),
    `${where}: unknown call`);
  assert.ok(Array.isArray(entry.args), `${where}: args must be an array`);
  assert.ok(typeof entry.why === 'string' && entry.why.length > 0, `${where}: why`);
  assert.ok(('throws' in entry) !== ('returns' in entry), `${where}: exactly one of throws and returns`);
  assert.ok(!('throws' in entry) || typeof entry.message === 'string', `${where}: a thrown error needs a message`);
  assert.ok(!('returns' in entry) || !('message' in entry), `${where}: message goes with throws`);
  if (entry.wasm !== undefined) {
    for (const key of Object.keys(entry.wasm)) assert.ok(WASM_KEYS.has(key), `${where}: unknown wasm key ${key}`);
  }
  return where;
}

function expectOne(k, base, entry, want, env, where) {
  if ('throws' in want) {
    const cls = k[want.throws] || globalThis[want.throws];
    assert.equal(typeof cls, 'function', `${where}: unknown error class ${want.throws}`);
    assert.throws(() => invoke(k, base, entry, env), (e) => {
      assert.ok(e instanceof cls, `${where}: threw ${e && e.name}: ${e && e.message}, not ${want.throws}`);
      assert.equal(e.name, want.throws, `${where}: error name`);
      assert.ok(String(e.message).includes(want.message),
        `${where}: message "${e.message}" lacks "${want.message}"`);
      if (e instanceof k.KzpError) assert.match(e.code, /^KZP_E_/, `${where}: code`);
      return true;
    }, where);
  } else {
    matches(invoke(k, base, entry, env), want.returns, where, env);
  }
}

/**
 * Run the table on the API k. binding is 'node' or 'wasm'; test is node:test's test function.
 * Each entry becomes one subtest; a pending one is skipped with its reason.
 */
function runHostile(k, { binding, sourceDir, test }) {
  const table = JSON.parse(fs.readFileSync(path.join(sourceDir, 'tests', 'hostile', 'node.json'), 'utf8'));
  assert.deepEqual(Object.keys(table).sort(), ['about', 'entries', 'values']);
  assert.ok(table.entries.length >= 90, `${table.entries.length} entries`);
  const env = makeFiles(sourceDir);
  const base = new k.Context();
  const fingerprint = base.info.fingerprint;
  let ran = 0;
  table.entries.forEach((entry, i) => {
    const where = validate(entry, i);
    const name = `${i}: ${entry.call} — ${entry.why}`;
    if (entry.pending) return test(name, { skip: `pending: ${entry.pending}` }, () => {});
    if (binding === 'wasm' && (!has(k, entry.call) || (entry.wasm && entry.wasm.skip))) {
      return test(name, { skip: entry.wasm && entry.wasm.skip ? entry.wasm.skip : 'no such call here' }, () => {});
    }
    const want = binding === 'wasm' && entry.wasm ? { ...entry, ...entry.wasm } : entry;
    if ('returns' in (entry.wasm || {})) delete want.throws;
    if ('throws' in (entry.wasm || {})) delete want.returns;
    ran++;
    return test(name, () => {
      expectOne(k, base, entry, want, env, where);
      // nothing changed: 200 MCI x 4,325 tenge = 865,000 tenge, from the same dataset
      assert.equal(base.fine(200, '2026-02-10').amountTiyn, 86500000n, `${where}: the base context changed`);
      assert.equal(base.info.fingerprint, fingerprint);
    });
  });
  test('the table ran', () => {
    assert.ok(ran >= (binding === 'node' ? 90 : 70), `only ${ran} entries ran`);
    fs.rmSync(env.dir, { recursive: true, force: true });
  });
}

module.exports = { runHostile };
