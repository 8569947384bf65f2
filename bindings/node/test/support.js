'use strict';
// Shared by the tests: the package, the repository and the shared vectors.
const fs = require('fs');
const path = require('path');

const SOURCE_DIR = process.env.KZP_SOURCE_DIR || path.join(__dirname, '..', '..', '..');
const kzpenalty = require(path.join(__dirname, '..'));

function loadVectors(name) {
  return JSON.parse(fs.readFileSync(path.join(SOURCE_DIR, 'tests', 'vectors', name), 'utf8'));
}

module.exports = { SOURCE_DIR, kzpenalty, loadVectors };
