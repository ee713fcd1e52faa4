#!/usr/bin/env node
// Speed and memory of readforge against wgsim, on one machine, in one run (see README.md).
//   node scripts/bench.mjs [--pairs N] [--big]   (--big adds the single 250 Mb contig runs)
// Prints a table and writes bench/results.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, 'bench');
const args = process.argv.slice(2);
const pairs = Number(args[args.indexOf('--pairs') + 1] || 1000000) || 1000000;
const big = args.includes('--big');

/** A random reference, reproducible (a 32-bit LCG), written in 60-base lines. */
function makeReference(path, contigs) {
  if (existsSync(path)) return;
  const fd = openSync(path, 'w');
  let x = 11;
  for (const [name, length] of contigs) {
    writeSync(fd, `>${name}\n`);
    const line = Buffer.alloc(61);
    line[60] = 10;
    for (let done = 0; done < length; done += 60) {
      const n = Math.min(60, length - done);
      for (let i = 0; i < n; i++) {
        x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
        line[i] = 'ACGT'.charCodeAt(x >>> 30);
      }
      line[n] = 10;
      writeSync(fd, line, 0, n + 1);
    }
  }
  closeSync(fd);
  spawnSync('samtools', ['faidx', path]);
}

/** Runs a command under /usr/bin/time -v; returns seconds and peak RSS in MB. */
function measure(command, commandArgs) {
  const r = spawnSync('/usr/bin/time', ['-v', command, ...commandArgs], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'], // the mutation lists go to stdout: drop them
    env: { ...process.env, READFORGE_WASM_HEAP: '1' },
  });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  const field = (name) => r.stderr.match(new RegExp(`${name}: (.*)`))[1];
  const [m, s] = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').slice(-2);
  const heap = r.stderr.match(/wasm heap (\d+) bytes/);
  return {
    seconds: Number(m) * 60 + Number(s),
    peakMB: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024,
    wasmHeapMB: heap ? Number(heap[1]) / (1 << 20) : undefined,
  };
}

mkdirSync(DIR, { recursive: true });
const ref = join(DIR, 'ref-5x10Mb.fa');
makeReference(
  ref,
  [1, 2, 3, 4, 5].map((i) => [`chr${i}`, 10_000_000]),
);
const workload = ['-N', String(pairs), '-1', '150', '-2', '150', '-S', '11'];
const sinks = ['/dev/null', '/dev/null'];
const native = join(ROOT, 'build/readforge');
const wasmCli = join(ROOT, 'bin/readforge-wasm.mjs');
const runs = [
  ['wgsim', 'wgsim', [...workload, ref, ...sinks]],
  ['readforge -t 1', native, ['-q', '-t', '1', ...workload, ref, ...sinks]],
  ['readforge -t 2', native, ['-q', '-t', '2', ...workload, ref, ...sinks]],
  ['readforge-wasm', process.execPath, [wasmCli, '-q', ...workload, ref, ...sinks]],
];
if (big) {
  const bigRef = join(DIR, 'ref-250Mb.fa');
  makeReference(bigRef, [['big', 250_000_000]]);
  runs.push(['readforge -t 1, 250 Mb contig', native, ['-q', ...workload, bigRef, ...sinks]]);
  runs.push([
    'readforge-wasm, 250 Mb contig',
    process.execPath,
    [wasmCli, '-q', ...workload, bigRef, ...sinks],
  ]);
}

const results = [];
for (const [name, command, commandArgs] of runs) {
  const m = measure(command, commandArgs);
  results.push({ name, pairs, ...m, pairsPerSecond: pairs / m.seconds });
}
// What Node itself needs, doing nothing: part of readforge-wasm's peak, not the engine's.
const idle = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '-e', ''], {
  encoding: 'utf8',
});
const nodeBaselineMB = Number(idle.stderr.trim().split('\n').at(-1)) / 1024;
const wgsim = results[0].pairsPerSecond;
console.log(
  `${pairs} pairs of 2 x 150 bp, output to /dev/null, ${cpus().length} x ${cpus()[0].model}`,
);
console.log('run                              pairs/s   x wgsim   peak MB   wasm heap MB');
for (const r of results) {
  r.ratioToWgsim = r.pairsPerSecond / wgsim;
  console.log(
    `${r.name.padEnd(30)} ${Math.round(r.pairsPerSecond).toString().padStart(9)}` +
      `${r.ratioToWgsim.toFixed(2).padStart(10)}${r.peakMB.toFixed(1).padStart(10)}` +
      `${r.wasmHeapMB === undefined ? '' : r.wasmHeapMB.toFixed(1).padStart(15)}`,
  );
}
console.log(`(an idle Node process peaks at ${nodeBaselineMB.toFixed(1)} MB on this machine)`);
writeFileSync(
  join(DIR, 'results.json'),
  JSON.stringify({ cpu: cpus()[0].model, nodeBaselineMB, results }, null, 2),
);
console.log(`figures written to ${join(DIR, 'results.json')}`);
