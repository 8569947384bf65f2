'use strict';
// Issue 13 items 1-3 through the Node binding: the checks of misread.js (the WebAssembly suite
// runs the same ones).
const test = require('node:test');
const { kzpenalty } = require('./support');
const { checks } = require('./misread');

for (const [name, check] of Object.entries(checks)) test(name, () => check(kzpenalty));
