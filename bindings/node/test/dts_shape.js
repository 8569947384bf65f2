'use strict';
// Results against index.d.ts (issue 13 item 4): the declarations are parsed, each method of the
// API is called, and every object it returns, at every depth, must have exactly the fields its
// declared interface lists (no missing, no extra), each value of the declared type. Used by the
// Node suite (dts.test.js) and the WebAssembly suite (dts.test.mjs): both bindings promise the
// shape index.d.ts declares.
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

/** The interfaces, type aliases and the declared return types of the API in index.d.ts. */
function parseDts(text) {
  const interfaces = new Map();
  const ifaceRe = /^export interface (\w+)(?:<(\w+)(?: = ([^>]+))?>)?(?: extends ([\w, ]+))? \{\n([\s\S]*?)^\}/gm;
  for (const m of text.matchAll(ifaceRe)) {
    const [, name, param, dflt, ext, body] = m;
    const fields = new Map();
    let allReadonly = true;
    for (const line of body.split('\n')) {
      const f = /^ {2}(readonly )?(\w+)(\?)?: (.+);$/.exec(line);
      if (!f) continue;
      fields.set(f[2], f[4]);
      allReadonly = allReadonly && Boolean(f[1]);
    }
    interfaces.set(name, { param, dflt, ext, fields, result: fields.size > 0 && allReadonly && !ext });
  }
  const aliases = new Map([...text.matchAll(/^export type (\w+) = (.+);$/gm)].map((m) => [m[1], m[2]]));
  const methods = new Map();
  const ctx = /^export class Context \{\n([\s\S]*?)^\}/m.exec(text)[1];
  for (const line of ctx.split('\n')) {
    const m = /^ {2}(?:static )?(?:readonly )?(\w+)(?:\(.*\))?: (.+);$/.exec(line);
    if (m) methods.set(`Context.${m[1]}`, m[2]);
  }
  for (const m of text.matchAll(/^export function (\w+)\([\s\S]*?\): (.+);$/gm)) methods.set(m[1], m[2]);
  for (const m of text.matchAll(/^export const (\w+): (.+);$/gm)) methods.set(m[1], m[2]);
  return { interfaces, aliases, methods };
}

/** Split a type at its top-level '|' (not inside <...>). */
function alternatives(type) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    if (type[i] === '<') depth++;
    else if (type[i] === '>') depth--;
    else if (type[i] === '|' && depth === 0) {
      out.push(type.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(type.slice(start).trim());
  return out;
}

class ShapeChecker {
  constructor(dts) {
    this.dts = dts;
    this.seen = new Set();
  }

  /** Does a string fit a type given as alternatives (string, literals, aliases)? */
  stringFits(value, alts, bindings) {
    return alts.some((a) => {
      const t = bindings[a] || a;
      if (t === 'string') return true;
      if (/^'.*'$/.test(t)) return t.slice(1, -1) === value;
      if (this.dts.aliases.has(t)) return this.stringFits(value, alternatives(this.dts.aliases.get(t)), bindings);
      return false;
    });
  }

  check(value, type, where, bindings = {}) {
    const alts = alternatives(type).map((a) => bindings[a] || a);
    if (value === null) return assert.ok(alts.includes('null'), `${where}: null, declared ${type}`);
    if (value === undefined) return assert.fail(`${where}: undefined, declared ${type}`);
    if (Array.isArray(value)) {
      const arr = alts.map((a) => /^(?:readonly )?(.+)\[\]$/.exec(a)).find(Boolean);
      assert.ok(arr, `${where}: an array, declared ${type}`);
      assert.ok(Object.isFrozen(value), `${where}: not frozen`);
      return value.forEach((v, i) => this.check(v, arr[1], `${where}[${i}]`, bindings));
    }
    switch (typeof value) {
      case 'string': return assert.ok(this.stringFits(value, alts, bindings), `${where}: '${value}', declared ${type}`);
      case 'number': return assert.ok(alts.includes('number'), `${where}: a number, declared ${type}`);
      case 'bigint': return assert.ok(alts.includes('bigint'), `${where}: a bigint, declared ${type}`);
      case 'boolean': return assert.ok(alts.includes('boolean'), `${where}: a boolean, declared ${type}`);
      default: break;
    }
    // an object: a declared interface (with a type argument, maybe) or Readonly<Record<K, V>>
    assert.ok(Object.isFrozen(value), `${where}: not frozen`);
    const rec = alts.map((a) => /^Readonly<Record<(\w+), (\w+)>>$/.exec(a)).find(Boolean);
    if (rec) {
      const keys = alternatives(this.dts.aliases.get(rec[1])).map((k) => k.slice(1, -1)).sort();
      assert.deepEqual(Object.keys(value).sort(), keys, `${where}: keys`);
      return keys.forEach((k) => this.check(value[k], rec[2], `${where}.${k}`, bindings));
    }
    const refs = alts.map((a) => /^(\w+)(?:<(.+)>)?$/.exec(a)).filter((m) => m && this.dts.interfaces.has(m[1]));
    assert.equal(refs.length, 1, `${where}: an object, declared ${type}`);
    const [, name, arg] = refs[0];
    const iface = this.dts.interfaces.get(name);
    const inner = iface.param ? { [iface.param]: arg || iface.dflt } : {};
    assert.deepEqual(Object.keys(value).sort(), [...iface.fields.keys()].sort(),
      `${where}: the fields of ${name} in index.d.ts`);
    this.seen.add(name);
    for (const [field, fieldType] of iface.fields) this.check(value[field], fieldType, `${where}.${field}`, inner);
    return undefined;
  }
}

// An MCI update in a buffer, for an Update result (a file's is the same shape, with its name).
const UPDATE = '{"citations": [{"id": "fx", "act": "test fixture", "seen_in": "the test", "status": "official"}], ' +
  '"known_until": "2027-12-31", "known_until_citation": "fx", ' +
  '"periods": [{"from": "2027-01-01", "tenge": 5000, "purpose": "all", "citation": "fx"}]}';

/** The calls whose results are checked, by the name index.d.ts declares them under. */
function samples(k, minimalDataset) {
  const ctx = new k.Context();
  const d = '2026-02-10';
  return {
    'Context.range': [{}, { mitigated: true }, { accelerated: true }, { orderProcedure: true }, { strict: true },
      { allowStale: true }].map((o) => () => ctx.range('115-1', d, o))
      .concat([() => ctx.range('115-1', '2027-03-01', { allowStale: true }), () => ctx.whatIf(5000).range('115-1', d)]),
    'Context.check': [() => ctx.check('115-1', d, 'fine', 15), () => ctx.check('115-1', d, 'arrest', 0),
      () => ctx.check('115-1', d, 'fine', 25, { orderProcedure: true })],
    'Context.fine': [() => ctx.fine(200, d), () => ctx.fine(200, d), () => ctx.fine('0.2', d),
      () => ctx.fine(1, '2027-01-01', { allowStale: true }),
      () => ctx.withMci(UPDATE).fine(1, '2027-01-01')], // its receipt lists the update
    'Context.mci': [() => ctx.mci(d), () => ctx.mci('2022-06-01', 'benefits')],
    'Context.convert': [undefined, 'unpaid-fine', 'evaded-service'].map((rule) => () =>
      ctx.convert(150, rule === 'evaded-service' ? 'community_service' : 'fine', 'arrest', rule && { rule })),
    'Context.sanctionTexts': [() => ctx.sanctionTexts('115-1', d, 'kk', { orderProcedure: true })],
    'Context.mciTable': [() => ctx.mciTable()],
    'Context.articles': [() => ctx.articles()],
    'Context.info': [() => ctx.info],
    'Context.sha256': [() => ctx.sha256],
    'Context.updates': [() => ctx.updates(), () => ctx.withMci(UPDATE).updates()],
    'Context.withMci': [],
    'Context.withMciFile': [],
    'Context.withUpdates': [],
    'Context.whatIf': [],
    'Context.fromJSON': [],
    'Context.fromFile': [],
    numberWords: [() => k.numberWords(21, 'ru', 'feminine', 'genitive')],
    tengeWords: [() => k.tengeWords(86500000n, 'kk')],
    tengeFiguresWords: [() => k.tengeFiguresWords(86500000n, 'en')],
    formatTenge: [() => k.formatTenge(86500000n, 'plain')],
    validateDataset: [() => k.validateDataset('{}'), () => k.validateDataset(minimalDataset)],
    libraryVersion: [() => k.libraryVersion],
  };
}

/** Check every result of every declared call of the API k against index.d.ts. */
function checkShapes(k, sourceDir) {
  const dts = parseDts(fs.readFileSync(path.join(sourceDir, 'bindings', 'node', 'index.d.ts'), 'utf8'));
  const minimal = fs.readFileSync(path.join(sourceDir, 'docs', 'examples', 'dataset-minimal.json'), 'utf8');
  const checker = new ShapeChecker(dts);
  const calls = samples(k, minimal);
  // every call index.d.ts declares is listed here (those returning a Context have no fields to check)
  assert.deepEqual([...dts.methods.keys()].sort(), Object.keys(calls).sort(), 'the API index.d.ts declares');
  for (const [name, runs] of Object.entries(calls)) {
    const type = dts.methods.get(name);
    if (type === 'Context') continue;
    assert.ok(runs.length > 0, `${name}: no sample`);
    runs.forEach((run, i) => checker.check(run(), type, `${name}#${i}`));
  }
  // every result interface was met with a value, not only declared
  const results = [...dts.interfaces].filter(([, i]) => i.result).map(([n]) => n).sort();
  assert.ok(results.length >= 15, `only ${results.length} result interfaces parsed from index.d.ts`);
  assert.deepEqual([...checker.seen].sort(), results, 'every result interface of index.d.ts was checked');
  return results;
}

module.exports = { checkShapes, parseDts };
