// The hostile-input table tests/hostile/node.json through the WebAssembly wrapper, for every call
// it has (no fromFile: a browser has no files). Runner: bindings/node/test/hostile.js.
import test from 'node:test';
import path from 'node:path';
import { createRequire } from 'node:module';
import { kzpenalty, SOURCE_DIR } from './support.mjs';

const require = createRequire(import.meta.url);
const { runHostile } = require(path.join(SOURCE_DIR, 'bindings', 'node', 'test', 'hostile.js'));

runHostile(kzpenalty, { binding: 'wasm', sourceDir: SOURCE_DIR, test });
