// Every result of the WebAssembly wrapper has exactly the fields the Node binding's index.d.ts
// declares: the same check as the Node suite (bindings/node/test/dts_shape.js).
import test from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { kzpenalty, SOURCE_DIR } from './support.mjs';

const require = createRequire(import.meta.url);
const { checkShapes } = require(path.join(SOURCE_DIR, 'bindings', 'node', 'test', 'dts_shape.js'));

// Issue 17 gives every dated result validFrom and validUntil. The Node binding's index.d.ts gains
// them in its own change; until this tree's copy has them, the check runs against a copy of it
// with the two fields added to Mci, Range, Fine and Check (and checks them too, as strings).
function sourceWithValidity() {
  const dts = fs.readFileSync(path.join(SOURCE_DIR, 'bindings', 'node', 'index.d.ts'), 'utf8');
  if (/^export interface Mci \{\n[^}]*validFrom/m.test(dts)) return SOURCE_DIR;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kzp-dts-'));
  let added = dts;
  for (const name of ['Mci', 'Range', 'Fine', 'Check']) {
    const head = `export interface ${name} {\n`;
    if (!added.includes(head)) throw new Error(`index.d.ts has no interface ${name}`);
    added = added.replace(head, `${head}  readonly validFrom: string;\n  readonly validUntil: string;\n`);
  }
  for (const [file, text] of [[path.join('bindings', 'node', 'index.d.ts'), added],
    [path.join('docs', 'examples', 'dataset-minimal.json'),
      fs.readFileSync(path.join(SOURCE_DIR, 'docs', 'examples', 'dataset-minimal.json'))]]) {
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

test('every result object has exactly the fields index.d.ts declares, of the declared types', () => {
  const dir = sourceWithValidity();
  try {
    checkShapes(kzpenalty, dir);
  } finally {
    if (dir !== SOURCE_DIR) fs.rmSync(dir, { recursive: true, force: true });
  }
});
