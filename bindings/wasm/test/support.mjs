// Shared by the WebAssembly tests: the built wrapper (KZP_WASM_DIR, default build-wasm/site),
// the repository and the shared vectors.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SOURCE_DIR = process.env.KZP_SOURCE_DIR || path.join(here, '..', '..', '..');
export const WASM_DIR = process.env.KZP_WASM_DIR || path.join(SOURCE_DIR, 'build-wasm', 'site');
const wrapper = path.join(WASM_DIR, 'kzpenalty.mjs');
if (!fs.existsSync(wrapper)) {
  throw new Error(`${wrapper} is missing: build it with scripts/build-wasm`);
}
export const kzpenalty = await (await import(pathToFileURL(wrapper).href)).load();

export function loadVectors(name) {
  return JSON.parse(fs.readFileSync(path.join(SOURCE_DIR, 'tests', 'vectors', name), 'utf8'));
}
