// References of many sequences (draft assemblies, transcriptomes) in the JavaScript hosts: the
// time of a run grows with the contig count, not its square (a ratio of two sizes measured in
// one test, not a wall-clock bound).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runWasm, tempDir } from './helpers.mjs';

/** A draft assembly of `contigs` contigs of 300 bases (a quadratic step shows at this scale). */
function assembly(path, contigs) {
  const lines = [];
  let x = contigs;
  for (let i = 0; i < contigs; i++) {
    let seq = '';
    for (let j = 0; j < 300; j++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      seq += 'ACGT'[x >>> 30];
    }
    lines.push(`>NODE_${i}_length_300\n${seq.slice(0, 150)}\n${seq.slice(150)}\n`);
  }
  writeFileSync(path, lines.join(''));
}

test('readforge-wasm on 25,000 and 100,000 contigs: time grows linearly (1 and 2 threads)', async (t) => {
  const dir = tempDir(t);
  const sizes = [25_000, 100_000];
  for (const n of sizes) assembly(join(dir, `a${n}.fa`), n);
  for (const threads of ['1', '2']) {
    const seconds = [];
    for (const n of sizes) {
      let best = Infinity;
      for (let rep = 0; rep < 2; rep++) {
        const started = performance.now();
        const r = await runWasm([
          ...['-q', '-S', '3', '-t', threads, '-N', String(n), '-1', '100', '-2', '100'],
          ...['-d', '200', '-s', '20', '--vcf', join(dir, 'truth.vcf')],
          ...[join(dir, `a${n}.fa`), '/dev/null', '/dev/null'],
        ]);
        assert.equal(r.code, 0, r.stderr);
        best = Math.min(best, (performance.now() - started) / 1000);
      }
      seconds.push(best);
    }
    t.diagnostic(`-t ${threads}: ${seconds.map((s) => s.toFixed(2)).join(' s, ')} s`);
    // Four times the contigs: four times the time when linear, sixteen when quadratic.
    assert.ok(seconds[1] < 6 * seconds[0], `-t ${threads}: ${seconds.join(', ')} s`);
  }
});
