'use strict';
// What binding.gyp asks while node-gyp configures and builds the addon from the package:
//   node tools/gyp.js sources         the C files: the library's, as deps/kzpenalty/cmake/sources.cmake
//                                     lists them, and jansson's (deps/jansson/src)
//   node tools/gyp.js embed IN OUT    the dataset as a C array, with the same definitions as
//                                     cmake/embed.cmake writes for the CMake build
//   node tools/gyp.js prepack         (npm's prepack) refuses to pack a directory without the
//                                     library's sources or a prebuilt addon: bindings/node of the
//                                     repository is packed by scripts/package, not by npm pack
// Paths are relative to the package directory, where node-gyp runs these commands.
const crypto = require('node:crypto');
const fs = require('fs');
const path = require('path');

function fail(message) {
  process.stderr.write(`kzpenalty build: ${message}\n`);
  process.exit(1);
}

function sources() {
  const listFile = 'deps/kzpenalty/cmake/sources.cmake';
  const block = /set\(KZP_LIB_SOURCES([^)]*)\)/.exec(fs.readFileSync(listFile, 'utf8'));
  const lib = block ? block[1].split(/\s+/).filter((f) => f.endsWith('.c')) : [];
  if (lib.length === 0) fail(`${listFile} lists no C file in set(KZP_LIB_SOURCES ...)`);
  const jansson = fs.readdirSync('deps/jansson/src').filter((f) => f.endsWith('.c')).sort();
  if (jansson.length === 0) fail('deps/jansson/src holds no C file');
  return [...lib.map((f) => `deps/kzpenalty/${f}`), ...jansson.map((f) => `deps/jansson/src/${f}`)];
}

function embed(input, output) {
  const bytes = fs.readFileSync(input);
  const rows = [];
  for (let i = 0; i < bytes.length; i += 16) {
    rows.push(Array.from(bytes.subarray(i, i + 16), (b) => `0x${b.toString(16).padStart(2, '0')},`).join(''));
  }
  const text = `/* Generated from ${path.basename(input)} by tools/gyp.js (the package's build). Do not edit. */\n` +
    '#include <stddef.h>\n' +
    `const char kzp_embedded_dataset[] = {\n${rows.join('\n')}\n0x00};\n` +
    `const size_t kzp_embedded_dataset_len = ${bytes.length};\n` +
    `const char kzp_embedded_sha256[] = "${crypto.createHash('sha256').update(bytes).digest('hex')}";\n`;
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(`${output}.tmp`, text);
  fs.renameSync(`${output}.tmp`, output);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'sources' && args.length === 0) {
  console.log(sources().join('\n'));
} else if (command === 'embed' && args.length === 2) {
  embed(args[0], args[1]);
} else if (command === 'prepack' && args.length === 0) {
  const prebuilt = fs.existsSync('prebuilds') &&
    fs.readdirSync('prebuilds').some((d) => fs.readdirSync(path.join('prebuilds', d)).some((f) => f.endsWith('.node')));
  if (!fs.existsSync('deps/kzpenalty/include/kzpenalty.h') || !fs.existsSync('deps/jansson/src/jansson.h') || !prebuilt) {
    fail('this directory lacks deps/ or prebuilds/, so its package would not work; from the repository root, ' +
      'sh scripts/package npm makes the package (build-pkg/npm/)');
  }
} else {
  fail('usage: node tools/gyp.js sources | embed IN OUT | prepack');
}
