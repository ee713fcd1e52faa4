// Builds the package into packages/readforge/dist: one bundle per entry (browser, its Worker,
// Node, the readforge-wasm command and its threads) with the engine's glue, readforge.wasm
// beside them, and the type declarations (emitted from src/types.ts; the entries' own declarations are the few lines below, checked
// against the code by `tsc -p packages/readforge` since each entry is typed as `Simulate`).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const dist = join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);

const common = { bundle: true, format: 'esm', target: 'es2022', logLevel: 'warning' };
await build({
  ...common,
  entryPoints: { browser: join(here, 'src/browser.ts'), worker: join(here, 'src/worker.ts') },
  outdir: dist,
  platform: 'browser',
});
await build({
  ...common,
  entryPoints: { node: join(here, 'src/node.ts') },
  outdir: dist,
  platform: 'node',
});
// readforge-wasm, the command line in Node, and the worker threads of its -t N: they load the
// glue beside them (web/src/node/load-module.ts).
await build({
  ...common,
  entryPoints: {
    'readforge-wasm': join(here, 'src/readforge-wasm.ts'),
    'part-worker': join(root, 'web/src/node/part-worker.ts'),
  },
  outdir: dist,
  platform: 'node',
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync(join(dist, 'readforge-wasm.js'), 0o755);
copyFileSync(join(root, 'build-wasm/readforge.wasm'), join(dist, 'readforge.wasm'));
copyFileSync(join(root, 'build-wasm/readforge.mjs'), join(dist, 'readforge.mjs'));
execFileSync(
  join(root, 'node_modules/.bin/tsc'),
  [
    '--declaration',
    '--emitDeclarationOnly',
    '--strict',
    '--lib',
    'ES2022,DOM',
    '--target',
    'ES2022',
    '--module',
    'NodeNext',
    '--moduleResolution',
    'NodeNext',
    '--outDir',
    dist,
    join(here, 'src/types.ts'),
  ],
  { stdio: 'inherit' },
);
const entry = (extra) => `export type * from './types.js';
import type { Simulate, SimulateOptions, SimulateResult } from './types.js';
/** Simulates one run: the same bytes as the readforge command line with these settings. */
export declare const simulate: Simulate;
/** A problem with the input or settings, in the command line's words. */
export declare class ReadforgeError extends Error {
  readonly inReference: boolean;
}
${extra}`;
writeFileSync(
  join(dist, 'browser.d.ts'),
  entry(`/** simulate in the calling thread (inside a Worker of your own, say). */
export declare function simulateHere(options: SimulateOptions): Promise<SimulateResult>;
`),
);
writeFileSync(join(dist, 'node.d.ts'), entry(''));
console.log(`built ${dist}`);
