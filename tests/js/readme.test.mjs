// README.md's examples, and docs/truth.md's and docs/model.md's, run as written: every ```sh block not marked
// "# illustrative" (set-up commands, and those that need a server) runs in a folder of its own
// that sees the repository's builds and files, and every file it names is there afterwards.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, tempDir } from './helpers.mjs';

const SEEN = ['build', 'build-wasm', 'public', 'bin', 'dist', 'node_modules', 'package.json'];

function blocks(markdown) {
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

for (const page of ['README.md', 'docs/truth.md', 'docs/model.md'])
  test(`${page}: every example runs as written`, (t) => runExamples(t, page));

function runExamples(t, page) {
  const all = blocks(readFileSync(join(ROOT, page), 'utf8'));
  const runnable = all.filter((b) => !b.startsWith('# illustrative'));
  assert.ok(runnable.length >= 1 && runnable.length < all.length, 'runnable and illustrative');
  for (const block of runnable) {
    const dir = tempDir(t);
    for (const name of SEEN) symlinkSync(join(ROOT, name), join(dir, name));
    const r = spawnSync('bash', ['-euo', 'pipefail', '-c', block], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 300_000,
    });
    assert.equal(r.status, 0, `${block}\n${r.stderr}`);
    // The files it writes (those it names that are not the repository's).
    const outputs = /(?<=\s)[\w.-]+\.(?:fq|fq\.gz|vcf|vcf\.gz|txt|profile|bam|bai|json)\b/g;
    const written = [...block.matchAll(outputs)]
      .map((m) => m[0])
      .filter((name) => !name.includes('/'));
    assert.ok(written.length > 0);
    for (const name of written)
      assert.ok(existsSync(join(dir, name)) && statSync(join(dir, name)).size > 0, name);
  }
}
