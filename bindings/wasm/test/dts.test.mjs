// Every result of the WebAssembly wrapper has exactly the fields the Node binding's index.d.ts
// declares: the same check as the Node suite (bindings/node/test/dts_shape.js).
import test from 'node:test';
import path from 'node:path';
import { createRequire } from 'node:module';
import { kzpenalty, SOURCE_DIR } from './support.mjs';

const require = createRequire(import.meta.url);
const { checkShapes } = require(path.join(SOURCE_DIR, 'bindings', 'node', 'test', 'dts_shape.js'));

test('every result object has exactly the fields index.d.ts declares, of the declared types', () => {
  checkShapes(kzpenalty, SOURCE_DIR);
});
