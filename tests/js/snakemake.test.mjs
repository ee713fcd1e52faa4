// The Snakemake workflow (workflow/): a run split into 16 shards on 2 local cores, joined, gives
// the files of the unsharded CLI run, plain and BGZF, reads and truth VCF; a config without a
// seed is refused before any job runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { native, ROOT, run, tempDir } from './helpers.mjs';

const SNAKEFILE = join(ROOT, 'workflow/Snakefile');
const CONFIG = join(ROOT, 'workflow/config.yaml');

function snakemake(dir, config) {
  return run(
    'snakemake',
    ['-s', SNAKEFILE, '--configfile', CONFIG, '--cores', '2', '-q', '--config', ...config],
    { cwd: dir },
  );
}

test('16 shards on 2 cores join into the unsharded run, plain and BGZF, reads and VCF', (t) => {
  const dir = tempDir(t);
  writeFileSync(
    join(dir, 'ref.fa'),
    gunzipSync(readFileSync(join(ROOT, 'public/refs/ecoli-536.fa.gz'))),
  );
  const settings = 'settings=-N 200000 -1 100 -2 120 -d 300 -s 30 --block-size 65536';
  for (const gzip of ['false', 'true']) {
    const z = gzip === 'true' ? '.gz' : '';
    const r = snakemake(dir, [
      `readforge=${join(ROOT, 'build/readforge')}`,
      settings,
      `gzip=${gzip}`,
      'seed=5',
      `prefix=sharded${gzip}`,
    ]);
    assert.equal(r.status, 0, r.stderr);
    const expected = native(
      [
        '-q',
        '-N',
        '200000',
        '-1',
        '100',
        '-2',
        '120',
        '-d',
        '300',
        '-s',
        '30',
        '--block-size',
        '65536',
        '-S',
        '5',
        '--vcf',
        `whole.vcf${z}`,
        '--mutations',
        '/dev/null',
        'ref.fa',
        `whole_1.fq${z}`,
        `whole_2.fq${z}`,
      ],
      { cwd: dir },
    );
    assert.equal(expected.status, 0, expected.stderr);
    for (const part of [`_1.fq${z}`, `_2.fq${z}`, `.vcf${z}`]) {
      const joined = readFileSync(join(dir, `sharded${gzip}${part}`));
      assert.ok(joined.equals(readFileSync(join(dir, `whole${part}`))), `${part} differs`);
    }
  }
});

test('a config without a seed, or with block ranges of its own, is refused', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'config.yaml'), 'reference: ref.fa\nshards: 4\n');
  const r = run(
    'snakemake',
    ['-s', SNAKEFILE, '--configfile', join(dir, 'config.yaml'), '--cores', '1'],
    { cwd: dir },
  );
  assert.notEqual(r.status, 0);
  assert.match(r.stdout + r.stderr, /config: 'seed' is required/);
  const s = snakemake(dir, ['settings=-N 10 --first-block 2']);
  assert.notEqual(s.status, 0);
  assert.match(s.stdout + s.stderr, /settings must not hold --first-block/);
});
