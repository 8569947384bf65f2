'use strict';
// The hostile-input table tests/hostile/node.json through the Node binding (runner: hostile.js).
const test = require('node:test');
const { kzpenalty, SOURCE_DIR } = require('./support');
const { runHostile } = require('./hostile');

runHostile(kzpenalty, { binding: 'node', sourceDir: SOURCE_DIR, test });
