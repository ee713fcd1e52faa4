// Loads readforge.mjs (Emscripten's glue) in Node: from beside this code when it ships with
// its engine (the npm package's bundle), else from the build's build-wasm/. Emscripten 3.1.6's
// ES6 output cannot target Node directly, so the web/worker build is given its wasm bytes
// instead of fetching them.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReadforgeFactory, ReadforgeModule } from '../runner/module-types.js';

const BESIDE = fileURLToPath(new URL('.', import.meta.url));
export const WASM_DIR = existsSync(`${BESIDE}/readforge.wasm`)
  ? BESIDE
  : fileURLToPath(new URL('../../build-wasm', import.meta.url));

export async function loadReadforge(dir = WASM_DIR): Promise<ReadforgeModule> {
  const factory = (await import(pathToFileURL(`${dir}/readforge.mjs`).href))
    .default as ReadforgeFactory;
  return factory({ wasmBinary: readFileSync(`${dir}/readforge.wasm`) });
}
