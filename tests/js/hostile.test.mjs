// Hostile references (tests/hostile/ and generated giants): each has an expected outcome, and
// the native CLI and readforge-wasm must both meet it, with the same message and the same bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { native, read, ROOT, run, tempDir, wasm, write } from './helpers.mjs';

const HOSTILE = join(ROOT, 'tests/hostile');

/** Runs both hosts in `dir`; asserts they agree on status, stderr and every output file. */
function bothHosts(dir, args, outputs = ['a1.fq', 'a2.fq']) {
  const a = native([...args, ...outputs], { cwd: dir });
  const files = outputs.map((f) => (existsSync(join(dir, f)) ? read(join(dir, f)) : null));
  const b = wasm([...args, ...outputs], { cwd: dir });
  assert.equal(b.status, a.status, `status: native ${a.stderr} / wasm ${b.stderr}`);
  assert.equal(b.stderr, a.stderr);
  outputs.forEach((f, i) => {
    const other = existsSync(join(dir, f)) ? read(join(dir, f)) : null;
    assert.ok(other === files[i], `${f} differs between hosts`);
  });
  return { ...a, files };
}

const FAILURES = [
  ['empty.fa', "line 1: the reference is empty (no '>' header found)"],
  [
    'header-only.fa',
    "line 1: contig 'chr1' has no bases (remove it, or add its sequence under its header)",
  ],
  ['sequence-first.fa', "line 1: expected '>' header before sequence data, found 'A'"],
  ['nul-byte.fa', "line 3: column 3: unexpected byte 0x00 in the sequence of 'a'"],
  ['non-ascii.fa', "line 3: column 3: unexpected byte 0xc3 in the sequence of 'a'"],
  [
    'empty-contig.fa',
    "line 3: contig 'b' has no bases (remove it, or add its sequence under its header)",
  ],
  ['duplicate-name.fa', "line 3: duplicate contig name 'a' (every contig needs a unique name)"],
  ['no-name.fa', "line 1: header has no name (expected '>name' with no space after '>')"],
  ['binary.fa', "line 1: expected '>' header before sequence data, found byte 0x7f"],
];

for (const [file, message] of FAILURES) {
  test(`hostile ${file}: a clear error, no output left behind`, (t) => {
    const dir = tempDir(t);
    write(join(dir, file), read(join(HOSTILE, file)));
    for (const mode of [
      ['-N', '100'],
      ['-C', '1'],
    ]) {
      const r = bothHosts(dir, ['-S', '1', ...mode, file]);
      assert.equal(r.status, 1);
      assert.equal(r.stderr, `readforge: error: ${file}: ${message}\n`);
      assert.deepEqual(r.files, [null, null], 'partial outputs are removed');
    }
  });
}

test('hostile: truncated and corrupt gzip, and a .fai from another file', (t) => {
  const dir = tempDir(t);
  for (const f of ['truncated.fa.gz', 'unix.fa', 'unix.other.fai'])
    write(join(dir, f), read(join(HOSTILE, f)));
  const gz = bothHosts(dir, ['-S', '1', '-C', '1', 'truncated.fa.gz']);
  assert.equal(gz.status, 1);
  assert.match(gz.stderr, /^readforge: error: truncated\.fa\.gz: .*(truncated|unexpected end)/);
  // Corrupt deflate data inside a good gzip header: zlib's reason, in the same words.
  const packed = gzipSync(read(join(HOSTILE, 'unix.fa')));
  packed.fill(0xff, 200, 260);
  write(join(dir, 'corrupt.fa.gz'), packed);
  const corrupt = bothHosts(dir, ['-S', '1', '-C', '1', 'corrupt.fa.gz']);
  assert.equal(corrupt.status, 1);
  assert.match(
    corrupt.stderr,
    /^readforge: error: corrupt\.fa\.gz: corrupt gzip data \([a-z ]+\)\n$/,
  );
  assert.deepEqual(corrupt.files, [null, null], 'partial outputs are removed');
  const fai = bothHosts(dir, ['-S', '1', '-N', '50', '--fai', 'unix.other.fai', 'unix.fa']);
  assert.equal(fai.status, 1);
  assert.equal(
    fai.stderr,
    'readforge: error: unix.fa: the index (.fai) does not match the reference: contig ' +
      "'chr1' has 30000 bases, the index says 29000\n",
  );
});

test('hostile: Windows, old Mac and very long header lines read like Unix ones', (t) => {
  const dir = tempDir(t);
  const outputs = {};
  for (const f of ['unix.fa', 'windows.fa', 'old-mac.fa', 'long-header.fa']) {
    write(join(dir, f), read(join(HOSTILE, f)));
    const r = bothHosts(dir, ['-S', '4', '-N', '300', '--mutations', `${f}.txt`, f]);
    assert.equal(r.status, 0, r.stderr);
    outputs[f] = r.files;
  }
  assert.deepEqual(outputs['windows.fa'], outputs['unix.fa']);
  assert.deepEqual(outputs['old-mac.fa'], outputs['unix.fa']);
  // The name is the first 5000 bytes of the header; the 20,000-byte description is skipped.
  const names = outputs['long-header.fa'][0].split('\n').filter((_, i) => i % 4 === 0 && _);
  assert.equal(names.length, 300);
  assert.ok(names.every((n) => n.startsWith(`@${'n'.repeat(5000)}_`)));
});

test('hostile: all-N and too-short contigs get no pairs, never a hang; -N stays exact', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'x.fa'), read(join(HOSTILE, 'all-n-and-short.fa')));
  const r = bothHosts(dir, ['-S', '1', '-N', '200', 'x.fa']);
  assert.equal(r.status, 1);
  assert.equal(
    r.stderr,
    'readforge: error: no contig or region has room for a read: each is shorter than the ' +
      'longest read (70 bases) or (nearly) all N\n',
  );
  write(
    join(dir, 'y.fa'),
    read(join(HOSTILE, 'all-n-and-short.fa')) + read(join(HOSTILE, 'unix.fa')),
  );
  const ok = bothHosts(dir, ['-S', '1', '-N', '200', 'y.fa']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.doesNotMatch(ok.stderr, /could not be placed/);
  assert.match(ok.stderr, /wrote 200 read pairs/);
  assert.match(
    ok.stderr,
    /warning: short \(10 bases\) is shorter than the longest read \(70\): skipped/,
  );
});

test('hostile: 100,000 tiny contigs', (t) => {
  const dir = tempDir(t);
  let fasta = '';
  for (let i = 0; i < 100000; i++) fasta += `>t${i}\n${'ACGTTGCAAC'.repeat(8 + (i % 5))}\n`;
  write(join(dir, 'tiny.fa'), fasta);
  const r = bothHosts(dir, ['-q', '-S', '2', '-N', '5000', 'tiny.fa']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.files[0].split('\n').length - 1, 5000 * 4);
});

/** Peak resident memory of a command, in MB (GNU time). */
function peakMB(command, dir) {
  const out = execSync(`/usr/bin/time -f '%M' ${command} 2>&1 >/dev/null | tail -n 1`, {
    cwd: dir,
    shell: '/bin/bash',
    encoding: 'utf8',
  });
  return Number(out.trim()) / 1024;
}

test('hostile: a 250 Mb contig on a single line streams in bounded memory', (t) => {
  const dir = tempDir(t);
  execSync(
    "(printf '>one_line\\n'; head -c 250000000 /dev/zero | tr '\\0' 'A'; printf '\\n') > big.fa",
    { cwd: dir, shell: '/bin/bash' },
  );
  const args = ['-q', '-S', '3', '-N', '20000', '-r', '0', 'big.fa'];
  const r = bothHosts(dir, args);
  assert.equal(r.status, 0, r.stderr);
  const mb = peakMB(`${join(ROOT, 'build/readforge')} ${args.join(' ')} a1.fq a2.fq`, dir);
  assert.ok(mb < 64, `native peak ${mb.toFixed(1)} MB`);
});

test('hostile: a gzip bomb (1 MB expanding to 1 GB) runs in bounded memory', (t) => {
  const dir = tempDir(t);
  execSync(
    "(printf '>bomb\\n'; head -c 1000000000 /dev/zero | tr '\\0' 'C'; printf '\\n') | gzip -1 > bomb.fa.gz",
    { cwd: dir, shell: '/bin/bash' },
  );
  const args = ['-q', '-S', '3', '-C', '0.0005', 'bomb.fa.gz'];
  const r = bothHosts(dir, args);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.files[0].length > 0, 'reads were written');
  const mb = peakMB(`${join(ROOT, 'build/readforge')} ${args.join(' ')} a1.fq a2.fq`, dir);
  assert.ok(mb < 64, `native peak ${mb.toFixed(1)} MB`);
});
