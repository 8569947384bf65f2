// Issue 13 items 1-3 through the WebAssembly wrapper: the checks the Node binding runs
// (bindings/node/test/misread.js), so both refuse the same arguments with the same classes.
import test from 'node:test';
import path from 'node:path';
import { createRequire } from 'node:module';
import { kzpenalty, SOURCE_DIR } from './support.mjs';

const require = createRequire(import.meta.url);
const { checks } = require(path.join(SOURCE_DIR, 'bindings', 'node', 'test', 'misread.js'));

for (const [name, check] of Object.entries(checks)) test(name, () => check(kzpenalty));
