'use strict';
// The shared cases of tests/vectors/ (the same the C, Python and WebAssembly tests run), through the Node API.
const test = require('node:test');
const path = require('path');
const { kzpenalty, loadVectors, SOURCE_DIR } = require('./support');
const { coreVectors, wordsVectors } = require(path.join(SOURCE_DIR, 'tests', 'vectors', 'check_js.js'));

test('core vectors', () => coreVectors(kzpenalty, loadVectors));
test('words vectors', () => wordsVectors(kzpenalty, loadVectors));
