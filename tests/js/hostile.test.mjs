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

// Hostile alignments for `readforge eval`, made from a small run's golden BAM: both hosts refuse
// each with the same one line, print no report, and exit 1.
test('hostile alignments: readforge eval refuses each with one line, in both hosts', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), read(join(ROOT, 'public/refs/MT-human.fa')));
  const made = native(['-q', '-S', '3', '-N', '2000', '--bam', 'g.bam', 'ref.fa', 'a', 'b'], {
    cwd: dir,
  });
  assert.equal(made.status, 0, made.stderr);
  // Another reference (one base changed: another MD5), and another run.
  const other = read(join(dir, 'ref.fa')).replace(
    /\n([ACGT])/,
    (m, b) => `\n${b === 'A' ? 'C' : 'A'}`,
  );
  write(join(dir, 'other.fa'), other);
  native(['-q', '-S', '3', '-N', '200', '--bam', 'o.bam', 'other.fa', 'a', 'b'], { cwd: dir });
  native(['-q', '-S', '4', '-N', '200', '--bam', 'r.bam', 'ref.fa', 'a', 'b'], { cwd: dir });
  const bam = read(join(dir, 'g.bam'));
  write(join(dir, 'cut.bam'), bam.slice(0, bam.length - 200));
  write(join(dir, 'no-end.bam'), bam.slice(0, bam.length - 28)); // no BGZF end-of-file block
  const corrupt = Buffer.from(bam, 'latin1');
  for (let i = 5000; i < 5040; i++) corrupt[i] ^= 0x5a;
  write(join(dir, 'corrupt.bam'), corrupt.toString('latin1'));
  assert.equal(run('samtools', ['view', '-o', 'g.sam', 'g.bam'], { cwd: dir }).status, 0);
  const sam = read(join(dir, 'g.sam'));
  // Cut inside a record's QUAL: the line still has 11 fields.
  const lines = sam.split('\n');
  write(join(dir, 'cut.sam'), `${lines.slice(0, 20).join('\n')}\n${lines[20].slice(0, -120)}`);
  write(join(dir, 'foreign.sam'), sam.replace(/^[^\t]+/, 'SRR000001.1'));
  write(join(dir, 'plain.sam.gz'), gzipSync(Buffer.from(sam, 'latin1')).toString('latin1'));
  write(join(dir, 'empty.sam'), '');
  write(join(dir, 'junk.bam'), '\x1f\x8b\x08\x04junk that is not a block');
  const cases = [
    [['cut.bam'], 'cut.bam: truncated: the BGZF block at byte'],
    [['no-end.bam'], 'no-end.bam: truncated BAM: no end-of-file block after record 4000'],
    [['corrupt.bam'], 'corrupt.bam: corrupt gzip data'],
    [['cut.sam'], 'cut.sam: line 21: SEQ has 70 bases and QUAL'],
    [['foreign.sam'], "foreign.sam: read 'SRR000001.1' (record 1) is not named as readforge"],
    [['plain.sam.gz'], 'plain.sam.gz: not BGZF (bgzip or BAM) data at byte 0'],
    [['empty.sam'], 'empty.sam: no alignment records'],
    [['junk.bam'], 'junk.bam: '],
    [['--truth', 'o.bam', 'g.bam'], 'g.bam: aligned to another reference than the truth'],
    [['--truth', 'g.bam', 'r.bam'], "r.bam: read '"],
    [['--truth', 'cut.bam', 'g.bam'], 'cut.bam: truncated'],
  ];
  for (const [args, message] of cases) {
    const a = native(['eval', ...args], { cwd: dir });
    const b = wasm(['eval', ...args], { cwd: dir });
    assert.equal(a.status, 1, `${args}: ${a.stderr}`);
    assert.ok(a.stderr.startsWith(`readforge: error: ${message}`), `${args}: ${a.stderr}`);
    assert.equal(a.stderr.split('\n').length, 2, `${args}: one line`);
    assert.equal(a.stdout, '', `${args}: no report`);
    assert.equal(b.status, a.status, `${args}`);
    assert.equal(b.stderr, a.stderr, `${args}`);
    assert.equal(b.stdout, '', `${args}`);
  }
});
