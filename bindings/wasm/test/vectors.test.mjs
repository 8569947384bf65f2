// The shared cases of tests/vectors/ through the WebAssembly build: the same checks the Node
// binding runs (tests/vectors/check_js.js), so both answer every case alike.
import test from 'node:test';
import path from 'node:path';
import { createRequire } from 'node:module';
import { kzpenalty, loadVectors, SOURCE_DIR } from './support.mjs';

const require = createRequire(import.meta.url);
const { coreVectors, wordsVectors } = require(path.join(SOURCE_DIR, 'tests', 'vectors', 'check_js.js'));

test('core vectors', () => coreVectors(kzpenalty, loadVectors));
test('words vectors', () => wordsVectors(kzpenalty, loadVectors));
