// The promise at the heart of readforge: the native CLI and the WebAssembly module (through the
// Node runner and through the pump, fed in any chunk sizes) write the same bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadReadforge } from '../../dist/node/load-module.js';
import {
  awkwardReference,
  MT,
  native,
  randomBases,
  read,
  run,
  runAsync,
  tempDir,
  wasm,
  WASM_CLI,
  wrap,
  write,
  ROOT,
} from './helpers.mjs';
import { rangeServer } from './range-server.mjs';

const SHIPPED = join(ROOT, 'public/profiles/illumina-like-2x150.profile');
const ART = '/usr/share/art-nextgen-simulation-tools/Illumina_profiles/HiSeq2500L150';

const MATRIX = [
  {
    name: 'quality profile',
    args: ['-N', '2000', '-1', '150', '-2', '150', '--profile', SHIPPED],
  },
  {
    name: "ART's R1 and R2 profiles, single-end and paired",
    args: ['-N', '1500', '-1', '100', '-2', '0', '--profile', `${ART}R1.txt,${ART}R2.txt`],
    single: true,
  },
  {
    name: 'quality profile, NovaSeq binning',
    args: [
      '-N',
      '2000',
      '-1',
      '150',
      '-2',
      '150',
      '--profile',
      SHIPPED,
      '--quality-bins',
      'novaseq',
    ],
  },
  { name: 'defaults', args: ['-N', '3000'] },
  { name: 'haploid', args: ['-N', '2000', '-h'] },
  { name: 'single-end', args: ['-N', '2000', '-2', '0', '-1', '120'], single: true },
  { name: 'interleaved', args: ['-N', '2000', '--interleaved'], single: true },
  { name: 'coverage', args: ['-C', '3'] },
  {
    name: 'regions',
    args: ['-N', '1500', '--region', 'chr1:2001-12000', '--region', 'chr3_iupac'],
  },
  {
    name: 'high rates',
    args: ['-N', '2000', '-e', '0.2', '-r', '0.05', '-R', '0.5', '-X', '0.6', '-A', '0.5'],
  },
  {
    name: 'long reads, small blocks',
    args: ['-N', '1000', '-1', '250', '-2', '250', '-d', '800', '--block-size', '4096'],
  },
];

function outputsOf(dir, prefix, single) {
  const files = [`${prefix}1.fq`, `${prefix}.vcf`, `${prefix}.txt`, `${prefix}.bam`];
  files.push(`${prefix}.bam.bai`);
  if (!single) files.push(`${prefix}2.fq`);
  return Object.fromEntries(files.map((f) => [f.slice(prefix.length), read(join(dir, f))]));
}

for (const { name, args, single } of MATRIX) {
  test(`native and wasm agree: ${name}`, (t) => {
    const dir = tempDir(t);
    write(join(dir, 'ref.fa'), awkwardReference());
    const files = (p) => [
      '--vcf',
      `${p}.vcf`,
      '--mutations',
      `${p}.txt`,
      '--bam',
      `${p}.bam`,
      'ref.fa',
      `${p}1.fq`,
      ...(single ? [] : [`${p}2.fq`]),
    ];
    const a = native(['-S', '77', ...args, ...files('n')], { cwd: dir });
    assert.equal(a.status, 0, a.stderr);
    const b = wasm(['-S', '77', ...args, ...files('w')], { cwd: dir });
    assert.equal(b.status, 0, b.stderr);
    const n = outputsOf(dir, 'n', single);
    const w = outputsOf(dir, 'w', single);
    assert.ok(n['1.fq'].length > 50000, 'the run wrote reads');
    assert.ok(n['.txt'].length > 0, 'the run wrote variants');
    assert.ok(n['.bam'].length > 10000 && n['.bam.bai'].length > 0, 'the run wrote alignments');
    for (const key of Object.keys(n)) assert.ok(n[key] === w[key], `${key} differs`);
    assert.equal(a.stderr, b.stderr, 'the same warnings and summary');
  });
}

test('compressed outputs: native, threads and wasm write the same BGZF bytes', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  const args = ['-S', '12', '-N', '3000', '--block-size', '4096'];
  const gz = (p) => [
    '--vcf',
    `${p}.vcf.gz`,
    '--mutations',
    `${p}.txt.gz`,
    'ref.fa',
    `${p}1.fq.gz`,
    `${p}2.fq.gz`,
  ];
  for (const [host, extra, prefix] of [
    [native, [], 'n'],
    [native, ['-t', '3'], 't'],
    [wasm, [], 'w'],
  ]) {
    const r = host([...args, ...extra, ...gz(prefix)], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
  }
  for (const suffix of ['1.fq.gz', '2.fq.gz', '.vcf.gz', '.txt.gz']) {
    const n = read(join(dir, `n${suffix}`));
    assert.ok(n.length > 1000 && n.charCodeAt(0) === 0x1f, `n${suffix} is gzip`);
    assert.ok(n === read(join(dir, `t${suffix}`)), `threads: ${suffix} differs`);
    assert.ok(n === read(join(dir, `w${suffix}`)), `wasm: ${suffix} differs`);
    assert.equal(run('bgzip', ['-t', `w${suffix}`], { cwd: dir }).status, 0);
  }
  // --gzip to standard output, and --no-gzip refusing a .gz name, as natively.
  const piped = wasm([...args, '--gzip', '--interleaved', 'ref.fa', '-'], { cwd: dir });
  const pipedNative = native([...args, '--gzip', '--interleaved', 'ref.fa', '-'], { cwd: dir });
  assert.ok(piped.stdout.length > 1000 && piped.stdout === pipedNative.stdout);
  const refused = wasm([...args, '--no-gzip', 'ref.fa', 'x1.fq.gz', 'x2.fq'], { cwd: dir });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /--no-gzip, but x1\.fq\.gz is named as compressed/);
  assert.ok(!existsSync(join(dir, 'x1.fq.gz')) && !existsSync(join(dir, 'x2.fq')));
});

test('readforge-wasm -t N (worker threads) writes the bytes of one thread, and of native -t', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  const args = ['-S', '21', '-N', '6000', '--block-size', '2048', '-r', '0.01'];
  const outs = (p, gz) => {
    const z = gz ? '.gz' : '';
    return [
      '--vcf',
      `${p}.vcf${z}`,
      '--mutations',
      `${p}.txt`,
      'ref.fa',
      `${p}1.fq${z}`,
      `${p}2.fq${z}`,
    ];
  };
  for (const gz of [false, true]) {
    const z = gz ? '.gz' : '';
    const runs = [
      [native, ['-t', '2'], 'n'],
      [wasm, ['-t', '1'], 'a'],
      [wasm, ['-t', '3'], 'b'],
    ];
    for (const [host, extra, prefix] of runs) {
      const r = host([...args, ...extra, ...outs(prefix, gz)], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /wrote 6000 read pairs/);
    }
    for (const file of [`1.fq${z}`, `2.fq${z}`, `.vcf${z}`, '.txt']) {
      const n = read(join(dir, `n${file}`));
      assert.ok(n.length > 1000, `n${file} written`);
      assert.ok(n === read(join(dir, `a${file}`)), `-t 1: ${file} differs`);
      assert.ok(n === read(join(dir, `b${file}`)), `-t 3: ${file} differs`);
    }
  }
  // An error in one thread fails the run with its message and leaves no file.
  write(join(dir, 'bad.fa'), `${read(join(dir, 'ref.fa'))}>broken\nAC GT\n`);
  const bad = wasm([...args, '-t', '3', 'bad.fa', 'x1.fq', 'x2.fq'], { cwd: dir });
  const badNative = native([...args, '-t', '3', 'bad.fa', 'y1.fq', 'y2.fq'], { cwd: dir });
  assert.equal(bad.status, 1);
  assert.equal(bad.stderr, badNative.stderr);
  assert.ok(!existsSync(join(dir, 'x1.fq')) && !existsSync(join(dir, 'x2.fq')));
});

test('gzip references and standard input agree across hosts', (t) => {
  const dir = tempDir(t);
  const reference = read(MT);
  write(join(dir, 'mt.fa'), reference);
  const gz = native(['-S', '5', '-N', '800', '--mutations', 'n.txt', 'mt.fa', 'n1.fq', 'n2.fq'], {
    cwd: dir,
  });
  assert.equal(gz.status, 0, gz.stderr);
  assert.equal(run('gzip', ['-k', 'mt.fa'], { cwd: dir }).status, 0);
  const w = wasm(['-S', '5', '-N', '800', '--mutations', 'w.txt', 'mt.fa.gz', 'w1.fq', 'w2.fq'], {
    cwd: dir,
  });
  assert.equal(w.status, 0, w.stderr);
  assert.ok(read(join(dir, 'n1.fq')) === read(join(dir, 'w1.fq')));
  const piped = wasm(['-S', '5', '-C', '4', '-', 's1.fq', 's2.fq'], { cwd: dir, input: reference });
  const pipedNative = native(['-S', '5', '-C', '4', '-', 't1.fq', 't2.fq'], {
    cwd: dir,
    input: reference,
  });
  assert.equal(piped.status, 0, piped.stderr);
  assert.ok(read(join(dir, 's2.fq')) === read(join(dir, 't2.fq')));
  assert.ok(pipedNative.stdout === piped.stdout, 'the mutation lists on stdout agree');
});

test('errors read the same in both hosts', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'bad.fa'), '>a\nACGT\n>a\nACGT\n');
  for (const args of [
    ['-e', '2', 'bad.fa', 'x1.fq', 'x2.fq'],
    ['-S', '1', '-C', '1', 'bad.fa', 'x1.fq', 'x2.fq'],
    [
      '-S',
      '1',
      '--region',
      'zz',
      '-N',
      '5',
      join(ROOT, 'public/refs/MT-human.fa'),
      'x1.fq',
      'x2.fq',
    ],
    ['-S', '1', 'missing.fa', 'x1.fq', 'x2.fq'],
    ['-S', '1', 'bad.fa', 'x1.fq'],
  ]) {
    const a = native(args, { cwd: dir });
    const b = wasm(args, { cwd: dir });
    assert.equal(a.status, 1);
    assert.equal(b.status, 1);
    assert.equal(b.stderr, a.stderr);
  }
});

test('gapped references: sidecar, first pass, pipe, threads and block ranges agree', (t) => {
  const dir = tempDir(t);
  // awkwardReference's N runs plus a contig whose second block (of 4096) is 90% N.
  const body = randomBases(20000, 9);
  const gapped = body.slice(0, 4096) + 'N'.repeat(3686) + body.slice(7782);
  write(join(dir, 'ref.fa'), awkwardReference() + `>gappy\n${wrap(gapped)}`);
  const args = ['-S', '21', '-N', '6000', '--block-size', '4096', '-r', '0.01', '--vcf'];
  const base = native([...args, 'scan.vcf', 'ref.fa', 'a1.fq', 'a2.fq'], { cwd: dir });
  assert.equal(base.status, 0, base.stderr);
  assert.match(base.stderr, /wrote 6000 read pairs/);
  // Both hosts write the same sidecar.
  assert.equal(native(['index', '-q', '-o', 'n.gaps.bed', 'ref.fa'], { cwd: dir }).status, 0);
  assert.equal(wasm(['index', '-q', '-o', 'w.gaps.bed', 'ref.fa'], { cwd: dir }).status, 0);
  assert.ok(read(join(dir, 'n.gaps.bed')) === read(join(dir, 'w.gaps.bed')));
  const same = (label, prefix) => {
    assert.ok(read(join(dir, `${prefix}1.fq`)) === read(join(dir, 'a1.fq')), `${label}: read 1`);
    assert.ok(read(join(dir, `${prefix}2.fq`)) === read(join(dir, 'a2.fq')), `${label}: read 2`);
  };
  const runs = [
    ['wasm, first pass', wasm, ['w.vcf', 'ref.fa', 'b1.fq', 'b2.fq'], 'b'],
    ['native, --gaps', native, ['c.vcf', '--gaps', 'n.gaps.bed', 'ref.fa', 'c1.fq', 'c2.fq'], 'c'],
    ['wasm, --gaps', wasm, ['d.vcf', '--gaps', 'n.gaps.bed', 'ref.fa', 'd1.fq', 'd2.fq'], 'd'],
    ['native, 3 threads', native, ['e.vcf', '-t', '3', 'ref.fa', 'e1.fq', 'e2.fq'], 'e'],
  ];
  for (const [label, host, rest, prefix] of runs) {
    const r = host([...args, ...rest], { cwd: dir });
    assert.equal(r.status, 0, `${label}: ${r.stderr}`);
    assert.equal(r.stderr, base.stderr, `${label}: the same warnings and summary`);
    same(label, prefix);
  }
  // From a pipe, the sidecar gives names, lengths and N runs.
  const piped = wasm([...args, 'p.vcf', '--gaps', 'n.gaps.bed', '-', 'p1.fq', 'p2.fq'], {
    cwd: dir,
    input: read(join(dir, 'ref.fa')),
  });
  assert.equal(piped.status, 0, piped.stderr);
  same('wasm from a pipe', 'p');
  // Block ranges, one in each host, concatenate to the whole run.
  const first = native([...args, 'x.vcf', '--end-block', '9', 'ref.fa', 'x1.fq', 'x2.fq'], {
    cwd: dir,
  });
  const rest = wasm([...args, 'y.vcf', '--first-block', '9', 'ref.fa', 'y1.fq', 'y2.fq'], {
    cwd: dir,
  });
  assert.equal(first.status + rest.status, 0, first.stderr + rest.stderr);
  assert.ok(read(join(dir, 'x1.fq')) + read(join(dir, 'y1.fq')) === read(join(dir, 'a1.fq')));
  // A sidecar of another reference: the same message from both hosts, no output left.
  const other = read(join(dir, 'n.gaps.bed')).replace('gappy\t4096\t7782', 'gappy\t4097\t7783');
  write(join(dir, 'other.gaps.bed'), other);
  const bad = ['-S', '1', '-N', '500', '--block-size', '4096', '--gaps', 'other.gaps.bed'];
  const a = native([...bad, 'ref.fa', 'z1.fq', 'z2.fq'], { cwd: dir });
  const b = wasm([...bad, 'ref.fa', 'z1.fq', 'z2.fq'], { cwd: dir });
  assert.equal(a.status, 1);
  assert.match(a.stderr, /other\.gaps\.bed: does not match the reference: gappy:1-4096 has /);
  assert.equal(b.stderr, a.stderr);
  assert.ok(!existsSync(join(dir, 'z1.fq')));
});

test('with a quality profile: threads, block ranges and the learned profile agree', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  const args = ['-S', '8', '-N', '5000', '-1', '150', '-2', '150', '--profile', SHIPPED];
  const base = native([...args, 'ref.fa', 'a1.fq', 'a2.fq'], { cwd: dir });
  assert.equal(base.status, 0, base.stderr);
  const threads = native([...args, '-t', '3', 'ref.fa', 'b1.fq', 'b2.fq'], { cwd: dir });
  assert.equal(threads.stderr, base.stderr);
  assert.ok(read(join(dir, 'b2.fq')) === read(join(dir, 'a2.fq')), 'threads');
  const first = wasm([...args, '--end-block', '2', 'ref.fa', 'c1.fq', 'c2.fq'], { cwd: dir });
  const rest = native([...args, '--first-block', '2', 'ref.fa', 'd1.fq', 'd2.fq'], { cwd: dir });
  assert.equal(first.status + rest.status, 0, first.stderr + rest.stderr);
  assert.ok(read(join(dir, 'c1.fq')) + read(join(dir, 'd1.fq')) === read(join(dir, 'a1.fq')));
  // Both hosts learn the same profile from the reads, and report the same.
  const n = native(['profile', 'a1.fq', 'a2.fq'], { cwd: dir });
  const w = wasm(['profile', 'a1.fq', 'a2.fq'], { cwd: dir });
  assert.equal(n.status, 0, n.stderr);
  assert.ok(n.stdout === w.stdout, 'the learned profiles differ');
  assert.equal(w.stderr, n.stderr);
  assert.match(n.stdout, /^#readforge-profile\t1\nmeta\tkind\tlearned\n/);
  // From gzip (R1) and bgzip (R2) FASTQ too: Node's zlib in readforge-wasm, zlib natively.
  write(join(dir, 'a1.fq.gz'), gzipSync(readFileSync(join(dir, 'a1.fq'))));
  execSync('bgzip -c a2.fq > a2.fq.gz', { cwd: dir });
  const nz = native(['profile', 'a1.fq.gz', 'a2.fq.gz'], { cwd: dir });
  const wz = wasm(['profile', 'a1.fq.gz', 'a2.fq.gz'], { cwd: dir });
  assert.equal(nz.status, 0, nz.stderr);
  assert.ok(nz.stdout === wz.stdout, 'the profiles learned from .gz differ');
  assert.equal(wz.stderr, nz.stderr);
  // And the same errors for a bad profile and bad FASTQ.
  write(join(dir, 'bad.fq'), '@r\nACGT\n+\nIII\n');
  write(join(dir, 'bad.profile'), '#readforge-profile\t1\nalphabet\t30\n');
  for (const bad of [
    ['profile', 'bad.fq'],
    ['-S', '1', '-N', '10', '--profile', 'bad.profile', 'ref.fa', 'x1.fq', 'x2.fq'],
    ['-S', '1', '-N', '10', '--profile', 'missing', 'ref.fa', 'x1.fq', 'x2.fq'],
  ]) {
    const a = native(bad, { cwd: dir });
    const b = wasm(bad, { cwd: dir });
    assert.equal(a.status, 1);
    assert.equal(b.status, 1);
    assert.equal(b.stderr, a.stderr);
  }
});

test('planted variants: native, wasm and threads agree, and so do their errors', (t) => {
  const dir = tempDir(t);
  const bases = randomBases(30000, 17);
  write(join(dir, 'ref.fa'), `>c1\n${wrap(bases)}>c2\n${wrap(randomBases(9000, 18))}`);
  let vcf = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n';
  for (let pos = 40, k = 0; pos < 29000; pos += 113, k++) {
    const ref = bases.slice(pos, pos + (k % 4 === 3 ? 25 : 1));
    const alt = [ref === 'A' ? 'G' : 'A', ref + 'CCA', ref.slice(0, 1), ref.slice(0, 1)][k % 4];
    vcf += `c1\t${pos + 1}\t.\t${ref}\t${alt}\t.\tPASS\t.\tGT\t${k % 3 ? '0/1' : '1|1'}\n`;
  }
  write(join(dir, 'calls.vcf'), vcf);
  assert.equal(run('bgzip', ['-k', 'calls.vcf'], { cwd: dir }).status, 0);
  const args = ['-S', '6', '-N', '3000', '--block-size', '4096', '--variants', 'calls.vcf.gz'];
  const a = native([...args, '--vcf', 'n.vcf', 'ref.fa', 'n1.fq', 'n2.fq'], { cwd: dir });
  const b = wasm([...args, '--vcf', 'w.vcf', 'ref.fa', 'w1.fq', 'w2.fq'], { cwd: dir });
  const c = native([...args, '-t', '2', '--vcf', 't.vcf', 'ref.fa', 't1.fq', 't2.fq'], {
    cwd: dir,
  });
  assert.equal(a.status + b.status + c.status, 0, a.stderr + b.stderr + c.stderr);
  for (const [x, y] of [
    ['n1.fq', 'w1.fq'],
    ['n2.fq', 'w2.fq'],
    ['n.vcf', 'w.vcf'],
    ['n2.fq', 't2.fq'],
    ['n.vcf', 't.vcf'],
  ])
    assert.ok(read(join(dir, x)) === read(join(dir, y)), `${y} differs from ${x}`);
  assert.equal(b.stderr, a.stderr);
  assert.match(read(join(dir, 'n.vcf')), /\tPLANTED\tGT\t/);
  // Errors in the VCF read the same, name it, and leave no output.
  const lines = vcf.split('\n');
  [lines[2], lines[3]] = [lines[3], lines[2]]; // two records out of order
  write(join(dir, 'bad.vcf'), lines.join('\n'));
  const size = read(join(dir, 'calls.vcf.gz')).length;
  write(join(dir, 'cut.vcf.gz'), read(join(dir, 'calls.vcf.gz')).slice(0, size >> 1));
  for (const file of ['bad.vcf', 'cut.vcf.gz']) {
    const bad = ['-S', '1', '-N', '100', '--variants', file, 'ref.fa', 'x1.fq', 'x2.fq'];
    const n = native(bad, { cwd: dir });
    const w = wasm(bad, { cwd: dir });
    assert.equal(n.status, 1, file);
    assert.match(n.stderr, new RegExp(`^readforge: error: ${file.replace('.', '\\.')}: `));
    assert.equal(w.stderr, n.stderr, file);
    assert.ok(!existsSync(join(dir, 'x1.fq')));
  }
  // Only regular files are removed: outputs that name a device stay (through links to
  // /dev/null here; run as root with /dev/null itself, the hosts deleted it).
  symlinkSync('/dev/null', join(dir, 'null1.fq'));
  symlinkSync('/dev/null', join(dir, 'null2.fq'));
  for (const host of [native, wasm]) {
    const r = host(
      ['-S', '1', '-N', '100', '--variants', 'bad.vcf', 'ref.fa', 'null1.fq', 'null2.fq'],
      {
        cwd: dir,
      },
    );
    assert.equal(r.status, 1);
    assert.ok(lstatSync(join(dir, 'null1.fq')).isSymbolicLink(), 'the link to /dev/null stays');
    assert.ok(lstatSync(join(dir, 'null2.fq')).isSymbolicLink(), 'the link to /dev/null stays');
  }
});

test('readforge eval: readforge-wasm reports what the native CLI reports, and fails alike', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  const r = native(['-S', '5', '-N', '3000', '--bam', 'g.bam', 'ref.fa', 'a', 'b'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(run('samtools', ['view', '-h', '-o', 'g.sam', 'g.bam'], { cwd: dir }).status, 0);
  write(join(dir, 'cut.bam'), read(join(dir, 'g.bam')).slice(0, 5000));
  for (const args of [
    ['g.sam'],
    ['-a', 'g.bam'],
    ['--json', '--truth', 'g.bam', 'g.sam'],
    ['--truth', 'g.bam', '-g', '0', 'g.bam'],
    ['cut.bam'],
    ['--truth', 'g.sam', 'g.bam'],
  ]) {
    const n = native(['eval', ...args], { cwd: dir });
    const w = wasm(['eval', ...args], { cwd: dir });
    assert.equal(w.status, n.status, `${args}: ${w.stderr}`);
    assert.equal(w.stdout, n.stdout, `${args}`);
    assert.equal(w.stderr, n.stderr, `${args}`);
  }
});

test('--quality-bins FILE: both hosts read the table, and refuse a bad one alike', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  write(join(dir, 'bins.tsv'), '# low\thigh\tvalue\n0\t19\t10\n20\t93\t30\n');
  write(join(dir, 'bad.tsv'), '0\t19\n');
  const args = ['-S', '8', '-N', '2000', '-1', '150', '-2', '150', '--profile', SHIPPED];
  for (const [host, prefix] of [
    [native, 'n'],
    [wasm, 'w'],
  ]) {
    const r = host(
      [...args, '--quality-bins', 'bins.tsv', 'ref.fa', `${prefix}1.fq`, `${prefix}2.fq`],
      {
        cwd: dir,
      },
    );
    assert.equal(r.status, 0, r.stderr);
  }
  const n = read(join(dir, 'n1.fq'));
  assert.ok(
    n === read(join(dir, 'w1.fq')) && read(join(dir, 'n2.fq')) === read(join(dir, 'w2.fq')),
  );
  const qualities = new Set(
    n
      .split('\n')
      .filter((_, i) => i % 4 === 3)
      .join(''),
  );
  assert.deepEqual([...qualities].sort(), ['+', '?'], 'only the bins: Q10 and Q30');
  const bad = ['-S', '8', '-N', '10', '--quality-bins', 'bad.tsv', 'ref.fa', 'x1.fq', 'x2.fq'];
  const a = native(bad, { cwd: dir });
  const b = wasm(bad, { cwd: dir });
  assert.equal(a.status, 1);
  assert.equal(
    a.stderr,
    'readforge: error: bad.tsv: line 1: expected LOW<TAB>HIGH<TAB>VALUE, Phred qualities from 0 to 93 with LOW <= HIGH\n',
  );
  assert.equal(b.stderr, a.stderr);
});

test('fragment lengths: learned from a BAM and drawn from the histogram alike in both hosts', async (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  const run = ['-S', '4', '-N', '3000', '-d', '300', '-s', '60'];
  const made = native([...run, '--bam', 'truth.bam', 'ref.fa', 'a1.fq', 'a2.fq'], { cwd: dir });
  assert.equal(made.status, 0, made.stderr);
  const n = native(['profile', '--fragments', 'truth.bam'], { cwd: dir });
  const w = wasm(['profile', '--fragments', 'truth.bam'], { cwd: dir });
  assert.equal(n.status, 0, n.stderr);
  assert.ok(n.stdout === w.stdout, 'the learned histograms differ');
  assert.equal(w.stderr, n.stderr);
  assert.match(n.stdout, /^#length\tcount\n\d+\t\d+\n/);
  write(join(dir, 'frag.tsv'), n.stdout);
  const args = ['-S', '9', '-N', '4000', '--fragment-hist', 'frag.tsv', '--bam', 'x.bam'];
  const a = native([...args, 'ref.fa', 'b1.fq', 'b2.fq'], { cwd: dir });
  const b = wasm([...args.slice(0, -1), 'y.bam', 'ref.fa', 'c1.fq', 'c2.fq'], { cwd: dir });
  const c = native([...args.slice(0, -1), 'z.bam', '-t', '3', 'ref.fa', 'd1.fq', 'd2.fq'], {
    cwd: dir,
  });
  assert.equal(a.status + b.status + c.status, 0, a.stderr + b.stderr + c.stderr);
  assert.equal(b.stderr, a.stderr);
  for (const [x, y] of [
    ['b1.fq', 'c1.fq'],
    ['b2.fq', 'd2.fq'],
    ['x.bam', 'y.bam'],
    ['x.bam', 'z.bam'],
  ])
    assert.ok(read(join(dir, x)) === read(join(dir, y)), `${x} and ${y} differ`);
  // The inline form, as the app's links and the edge carry it: the same reads again.
  const described = (await loadReadforge()).describeFragments(n.stdout);
  assert.equal(described.error, '');
  assert.equal(described.lengths.length, n.stdout.trim().split('\n').length - 1);
  assert.equal(described.text, n.stdout);
  const inline = ['-S', '9', '-N', '4000', '--fragment-hist', described.inline];
  const i = wasm([...inline, 'ref.fa', 'i1.fq', 'i2.fq'], { cwd: dir });
  assert.equal(i.status, 0, i.stderr);
  for (const [x, y] of [
    ['b1.fq', 'i1.fq'],
    ['b2.fq', 'i2.fq'],
  ])
    assert.ok(read(join(dir, x)) === read(join(dir, y)), `${x} and ${y} differ`);
  // A histogram that cannot be used: the same error from both.
  write(join(dir, 'bad.tsv'), '#length\tcount\n300\t-2\n');
  const bad = ['-S', '1', '-N', '10', '--fragment-hist', 'bad.tsv', 'ref.fa', 'e1.fq', 'e2.fq'];
  const x = native(bad, { cwd: dir });
  const y = wasm(bad, { cwd: dir });
  assert.equal(x.status, 1);
  assert.equal(y.status, 1);
  assert.match(x.stderr, /bad\.tsv/);
  assert.equal(y.stderr, x.stderr);
});

/**
 * Runs `args` on ref.fa natively, in readforge-wasm and natively with -t 3 (outputs a1.fq, b1.fq,
 * c1.fq..., and a golden BAM unless `bam` is false) and checks every output is the same bytes
 * from all three.
 */
function sameInEveryHost(dir, args, { bam = true } = {}) {
  const outputs = (p) => [...(bam ? ['--bam', `${p}.bam`] : []), 'ref.fa', `${p}1.fq`, `${p}2.fq`];
  const runs = [
    native([...args, ...outputs('a')], { cwd: dir }),
    wasm([...args, ...outputs('b')], { cwd: dir }),
    native([...args, '-t', '3', ...outputs('c')], { cwd: dir }),
  ];
  assert.equal(
    runs.reduce((sum, r) => sum + r.status, 0),
    0,
    runs.map((r) => r.stderr).join(''),
  );
  for (const suffix of ['1.fq', '2.fq', ...(bam ? ['.bam'] : [])])
    for (const other of ['b', 'c'])
      assert.ok(read(join(dir, `a${suffix}`)) === read(join(dir, `${other}${suffix}`)), suffix);
  return runs;
}

/**
 * The run `args` on ref.fa in block ranges (shards: native, then readforge-wasm, then native),
 * concatenated, against the whole run's a1.fq (as sameInEveryHost wrote it).
 */
function shardsAddUp(dir, args, cuts) {
  const pieces = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const range = ['--first-block', String(cuts[i])];
    if (cuts[i + 1] >= 0) range.push('--end-block', String(cuts[i + 1]));
    const host = i % 2 ? wasm : native;
    const r = host([...args, ...range, 'ref.fa', `s${i}_1.fq`, `s${i}_2.fq`], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    pieces.push(readFileSync(join(dir, `s${i}_1.fq`)));
  }
  assert.ok(Buffer.concat(pieces).equals(readFileSync(join(dir, 'a1.fq'))), 'shards differ');
}

test('adapter read-through: the same reads and golden BAM in both hosts, threads or not', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  const run = ['-S', '6', '-N', '3000', '-1', '100', '-2', '90', '-d', '110', '-s', '40'];
  sameInEveryHost(dir, [...run, '--adapters', 'nextera']);
  // Reads ran into the adapter (Nextera's, for both mates).
  assert.match(read(join(dir, 'a1.fq')).toString(), /CTGTCTCTTATACACATCT/);
  const bad = wasm([...run, '--adapters', 'ACGU', 'ref.fa', 'd1.fq', 'd2.fq'], { cwd: dir });
  assert.equal(bad.status, 1);
  assert.equal(
    bad.stderr,
    "readforge: error: --adapters: 'ACGU' is not truseq, nextera or a sequence of A, C, G and T\n",
  );
});

test('duplicates, optical ones and UMIs: the same reads, names and golden BAM in both hosts, threads or not', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  const run = [
    '-S',
    '7',
    '-N',
    '4000',
    '--block-size',
    '4096',
    '--duplicates',
    '0.25',
    '--umi',
    '9',
    '--read-names',
    'illumina',
    '--optical-duplicates',
    '0.1',
  ];
  const runs = sameInEveryHost(dir, run);
  assert.match(
    read(join(dir, 'a2.fq')).toString(),
    /^@readforge:1:RFSIM:1:\d+:\d+:\d+\/2 RX:Z:[ACGT]{9}\n/,
  );
  // Every host reports the duplicates it wrote: the golden BAM's 0x400 pairs, PCR (dt:Z:LB) and
  // optical (dt:Z:SQ).
  const lines = runs.map((r) => r.stderr.split('\n').find((l) => l.includes(' duplicates (')));
  assert.equal(new Set(lines).size, 1, lines.join('\n'));
  const [, pcr, optical] = lines[0].match(/^readforge: (\d+) PCR and (\d+) optical duplicates/);
  const count = (filter) =>
    Number(
      execFileSync('sh', ['-c', `samtools view -f 64 a.bam | grep -c '${filter}'`], { cwd: dir }),
    );
  assert.equal(Number(pcr), count('dt:Z:LB'));
  assert.equal(Number(optical), count('dt:Z:SQ'));
  assert.ok(Number(pcr) > 500 && Number(optical) > 100, lines[0]);
});

test('GC bias: a built-in, a file and an inline curve give the same reads in both hosts', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  write(join(dir, 'curve.tsv'), '0.3\t0.2\n0.6\t1\n');
  const run = ['-S', '8', '-N', '4000', '--block-size', '4096'];
  for (const curve of ['pcr', 'curve.tsv', '0.3:0.2,0.6:1'])
    sameInEveryHost(dir, [...run, '--gc-bias', curve], { bam: false });
  // The file and its inline form: the same reads.
  const file = native([...run, '--gc-bias', 'curve.tsv', 'ref.fa', 'f1.fq', 'f2.fq'], { cwd: dir });
  assert.equal(file.status, 0);
  assert.ok(read(join(dir, 'f1.fq')) === read(join(dir, 'a1.fq')));
  const bad = wasm([...run, '--gc-bias', 'nope.tsv', 'ref.fa', 'e1.fq', 'e2.fq'], { cwd: dir });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /nope\.tsv/);
});

test('inline UMIs: read 1 starts with the UMI, the same bytes and BAM in both hosts', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  const run = ['-S', '9', '-N', '3000', '--duplicates', '0.2', '--umi', '6,5', '--umi-inline'];
  sameInEveryHost(dir, run);
  assert.doesNotMatch(read(join(dir, 'a1.fq')).toString(), /RX:Z:/);
});

test('communities: the same reads and genome truth in both hosts, threads or not', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  write(
    join(dir, 'map.tsv'),
    'chr1 alpha\ntiny alpha\nchr2_lower beta\nshort beta\nchr3_iupac gamma\nallN gamma\n',
  );
  write(join(dir, 'shares.tsv'), 'genome\tabundance\nalpha\t1\nbeta\t3\ngamma\t0.5\n');
  write(join(dir, 'coverage.tsv'), 'genome\tcoverage\nalpha\t2\nbeta\t0\ngamma\t7.5\n');
  const run = ['-S', '10', '--block-size', '4096', '--genome-map', 'map.tsv'];
  for (const amounts of [
    ['-N', '3000', '--abundance', 'shares.tsv'],
    ['--abundance', 'coverage.tsv'],
    ['-N', '3000', '--abundance-distribution', 'zero-inflated-lognormal'],
  ]) {
    sameInEveryHost(dir, [...run, ...amounts]);
    shardsAddUp(dir, [...run, ...amounts], [0, 4, 9, -1]);
    const truth = (host, name) => {
      const r = host([...run, ...amounts, '--genome-truth', name, 'ref.fa', 't1.fq', 't2.fq'], {
        cwd: dir,
      });
      assert.equal(r.status, 0, r.stderr);
      return read(join(dir, name)).toString();
    };
    const table = truth(native, 'n.tsv');
    assert.equal(truth(wasm, 'w.tsv'), table);
    // Its pairs add up to the run's and each genome's are its reads'.
    const rows = table.split('\n').filter((line) => line && !line.startsWith('#'));
    assert.equal(rows.length, 3);
    const names = read(join(dir, 'a1.fq'))
      .toString()
      .split('\n')
      .filter((line, i) => line && i % 4 === 0);
    const genomeOf = { chr1: 'alpha', tiny: 'alpha', chr2: 'beta', short: 'beta' };
    for (const row of rows) {
      const [genome, , , , pairs] = row.split('\t');
      const mine = names.filter((n) => (genomeOf[n.slice(1).split('_')[0]] ?? 'gamma') === genome);
      assert.equal(mine.length, Number(pairs), `${genome} in ${amounts.join(' ')}`);
    }
  }
  // A table naming a genome the map lacks: the same error from both.
  write(join(dir, 'bad.tsv'), 'alpha 1\ndelta 2\n');
  const bad = [...run, '--abundance', 'bad.tsv', 'ref.fa', 'e1.fq', 'e2.fq'];
  const x = native(bad, { cwd: dir });
  const y = wasm(bad, { cwd: dir });
  assert.equal(x.status, 1);
  assert.equal(y.stderr, x.stderr);
  assert.match(x.stderr, /bad\.tsv: genome 'delta' is not in map\.tsv/);
});

test('amplicons: the same reads and golden BAM in both hosts, threads or not', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  // Overlapping amplicons, amplicons across blocks of 1024 bases, one ending where the N run
  // starts, weights, and one shorter than a read (read into the adapter).
  write(
    join(dir, 'panel.bed'),
    'chr1\t100\t420\ta\t1\nchr1\t300\t650\tb\t2\nchr1\t900\t1300\tc\t1\n' +
      'chr1\t4700\t5000\tnearN\t1\nchr2_lower\t2000\t2060\tshort\t3\nchr3_iupac\t10\t400\n',
  );
  const run = ['-S', '11', '-N', '3000', '-1', '100', '-2', '100', '--block-size', '1024'];
  const panel = ['--amplicons', 'panel.bed', '--adapters', 'truseq'];
  const uneven = ['--amplicon-spread', '0.5', '--amplicon-dropout', '0.2'];
  sameInEveryHost(dir, [...run, ...panel, ...uneven]);
  shardsAddUp(dir, [...run, ...panel, ...uneven], [0, 1, 3, -1]);
  const names = read(join(dir, 'a1.fq'))
    .toString()
    .split('\n')
    .filter((line, i) => line && i % 4 === 0);
  const places = new Set(names.map((n) => n.slice(1).split('_').slice(0, -3).join('_')));
  for (const place of places)
    assert.ok(
      [
        'chr1_101_420',
        'chr1_301_650',
        'chr1_901_1300',
        'chr1_4701_5000',
        'chr2_lower_2001_2060',
        'chr3_iupac_11_400',
      ].includes(place),
      place,
    );
  // An amplicon past its contig's end, and one over the N run: the same errors from both.
  write(join(dir, 'bad.bed'), 'tiny\t0\t9\n');
  write(join(dir, 'gap.bed'), 'chr1\t100\t400\nchr1\t4800\t5100\tgap\n');
  for (const [file, message] of [
    ['bad.bed', /bad\.bed line 1 \(tiny:1-9\): ends at 9, past the end of tiny/],
    ['gap.bed', /gap\.bed line 2 \(gap\): a gap of 100 N bases at chr1:5001-5100: an amplicon/],
  ]) {
    const bad = [...run, '--amplicons', file, 'ref.fa', 'e1.fq', 'e2.fq'];
    const x = native(bad, { cwd: dir });
    const y = wasm(bad, { cwd: dir });
    assert.equal(x.status, 1);
    assert.equal(y.stderr, x.stderr);
    assert.match(x.stderr, message);
  }
});

test('--community: genomes joined the same way in both hosts, from files, gzip and URLs', async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'genomes'));
  // Contig names that clash across genomes (chr1 in both), a gzip member in a subfolder, and a
  // file whose last line has no line end.
  write(join(dir, 'genomes/alpha.fa'), awkwardReference());
  write(
    join(dir, 'genomes/beta.fa.gz'),
    gzipSync('>chr1 beta\n' + wrap(randomBases(20000, 8)) + '>plasmid\n' + randomBases(3000, 9)),
  );
  write(
    join(dir, 'genomes.tsv'),
    'genome\tpath\tabundance\nalpha\tgenomes/alpha.fa\t1\nbeta\tgenomes/beta.fa.gz\t2\n',
  );
  const run = ['-S', '14', '-N', '3000', '--block-size', '4096', '--community', 'genomes.tsv'];
  const outputs = (p) => [
    '--genome-truth',
    `${p}.tsv`,
    '--bam',
    `${p}.bam`,
    `${p}1.fq`,
    `${p}2.fq`,
  ];
  const runs = [
    native([...run, ...outputs('a')], { cwd: dir }),
    wasm([...run, ...outputs('b')], { cwd: dir }),
    native([...run, '-t', '3', ...outputs('c')], { cwd: dir }),
    wasm([...run, '-t', '2', ...outputs('d')], { cwd: dir }),
  ];
  assert.equal(
    runs.reduce((sum, r) => sum + r.status, 0),
    0,
    runs.map((r) => r.stderr).join(''),
  );
  for (const suffix of ['1.fq', '2.fq', '.tsv', '.bam'])
    for (const other of ['b', 'c', 'd'])
      assert.ok(read(join(dir, `a${suffix}`)) === read(join(dir, `${other}${suffix}`)), suffix);
  // Every contig is GENOME|NAME, and the pairs follow the amounts (1:2, exactly apportioned).
  const names = read(join(dir, 'a1.fq'))
    .toString()
    .split('\n')
    .filter((line, i) => line && i % 4 === 0);
  const genomes = names.map((n) => n.slice(1).split('|')[0]);
  assert.equal(genomes.filter((g) => g === 'alpha').length, 1000);
  assert.equal(genomes.filter((g) => g === 'beta').length, 2000);
  assert.ok(
    names.some((n) => n.startsWith('@beta|chr1_')) &&
      names.some((n) => n.startsWith('@alpha|chr1')),
  );
  // A genome at a URL (readforge-wasm fetches it): the same reads as from the file.
  const server = await rangeServer(dir);
  t.after(() => server.close());
  write(
    join(dir, 'remote.tsv'),
    `genome\tpath\tabundance\nalpha\tgenomes/alpha.fa\t1\nbeta\t${server.base}/ok/genomes/beta.fa.gz\t2\n`,
  );
  // (Spawned without blocking: the server answers from this process.)
  const remote = await runAsync(
    process.execPath,
    [
      WASM_CLI,
      '-S',
      '14',
      '-N',
      '3000',
      '--block-size',
      '4096',
      '--community',
      'remote.tsv',
    ].concat(['e1.fq', 'e2.fq']),
    { cwd: dir },
  );
  assert.equal(remote.status, 0, remote.stderr);
  assert.ok(read(join(dir, 'e1.fq')) === read(join(dir, 'a1.fq')), 'a URL member differs');
  // A member that is not there: the same message from both hosts, nothing written.
  write(join(dir, 'missing.tsv'), 'genome\tpath\nalpha\tgenomes/alpha.fa\ngamma\tgamma.fa\n');
  const bad = ['-S', '1', '-N', '10', '--community', 'missing.tsv', 'x1.fq', 'x2.fq'];
  const x = native(bad, { cwd: dir });
  const y = wasm(bad, { cwd: dir });
  assert.equal(x.status, 1);
  assert.equal(y.stderr, x.stderr);
  assert.match(x.stderr, /missing\.tsv: genome 'gamma': cannot open gamma\.fa: No such file/);
  assert.ok(!existsSync(join(dir, 'x1.fq')));
});

test("copy number, the tumour cells' too: the same reads and golden BAM in both hosts, threads or not, -N and -C", (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  // A gain, a loss on one haplotype, a segment across the N run, one across blocks of 4096.
  write(
    join(dir, 'cn.bed'),
    'chr1\t1000\t4000\t3\nchr1\t4500\t9000\t1\t0|1\nchr2_lower\t2000\t10000\t5\t2|3\n',
  );
  const run = ['-S', '15', '--block-size', '4096', '--copy-number', 'cn.bed'];
  sameInEveryHost(dir, [...run, '-N', '3000']);
  shardsAddUp(dir, [...run, '-N', '3000'], [0, 2, 5, -1]);
  sameInEveryHost(dir, [...run, '-C', '3'], { bam: false });
  // The copy-number truth: the same BED from both hosts.
  for (const [host, name] of [
    [native, 'n.bed'],
    [wasm, 'w.bed'],
  ]) {
    const args = [...run, '--ploidy-override', 'chr3_iupac=1', '--copy-number-truth', name];
    const r = host([...args, '-N', '100', 'ref.fa', 'q1.fq', 'q2.fq'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
  }
  const truth = read(join(dir, 'n.bed')).toString();
  assert.equal(read(join(dir, 'w.bed')).toString(), truth);
  assert.match(truth, /^chr1\t1000\t4000\t3\t1\|2\t2$/m);
  assert.match(truth, /^chr3_iupac\t0\t\d+\t1\t1\t1$/m);
  // A tumour whose cells have copies of their own beside the normal's: the same bytes, threads
  // and shards, and the truth's tumour columns.
  write(join(dir, 'tumour.bed'), 'chr1\t3000\t7000\t4\t3|1\nchr2_lower\t0\t5000\t2\t2|0\n');
  const tumour = [...run, '--purity', '0.6', '--somatic-copy-number', 'tumour.bed'];
  sameInEveryHost(dir, [...tumour, '-N', '3000']);
  shardsAddUp(dir, [...tumour, '-N', '3000'], [0, 2, 5, -1]);
  for (const [host, name] of [
    [native, 'tn.bed'],
    [wasm, 'tw.bed'],
  ]) {
    const args = [...tumour, '-N', '100', '--copy-number-truth', name];
    const r = host([...args, 'ref.fa', 'q1.fq', 'q2.fq'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
  }
  const tumourTruth = read(join(dir, 'tn.bed')).toString();
  assert.equal(read(join(dir, 'tw.bed')).toString(), tumourTruth);
  assert.match(tumourTruth, /^chr1\t3000\t4000\t3\t1\|2\t2\t4\t3\|1$/m);
  assert.match(tumourTruth, /^chr1\t4000\t4500\t2\t1\|1\t2\t4\t3\|1$/m);
  // A VCF's <CNV> records as the segments, planted from the same VCF: the same bytes, and the
  // same reads as the BED that says the same.
  const chr1 = read(join(dir, 'ref.fa')).toString().split('>')[1].split(/\r?\n/).slice(1).join('');
  const head = '##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n';
  write(
    join(dir, 'cnv.vcf'),
    head +
      `chr1\t1000\t.\t${chr1[999]}\t<CNV>\t.\tPASS\tEND=4000\tCN\t3\n` +
      `chr1\t4500\t.\t${chr1[4499]}\t<CNV>\t.\tPASS\tSVLEN=4500\tHCN\t0|1\n`,
  );
  write(join(dir, 'same.bed'), 'chr1\t1000\t4000\t3\nchr1\t4500\t9000\t1\t0|1\n');
  const cnv = ['-S', '15', '--block-size', '4096', '-N', '3000'];
  sameInEveryHost(dir, [...cnv, '--copy-number', 'cnv.vcf', '--variants', 'cnv.vcf']);
  const fromVcf = read(join(dir, 'a1.fq'));
  sameInEveryHost(dir, [...cnv, '--copy-number', 'same.bed', '-r', '0.001']);
  assert.ok(
    read(join(dir, 'a1.fq')) === fromVcf,
    'the <CNV> records give other reads than the BED',
  );
  // A segment past its contig: the same error from both.
  write(join(dir, 'bad.bed'), 'tiny\t0\t9\t2\n');
  const bad = ['-S', '1', '-N', '10', '--copy-number', 'bad.bed', 'ref.fa', 'e1.fq', 'e2.fq'];
  const x = native(bad, { cwd: dir });
  const y = wasm(bad, { cwd: dir });
  assert.equal(x.status, 1);
  assert.equal(y.stderr, x.stderr);
  assert.match(x.stderr, /bad\.bed line 1: ends at 9, past the end of tiny/);
});

test('ploidy by region and polyploid genotypes: the same bytes in both hosts, threads and shards', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  const bases = read(join(dir, 'ref.fa')).toString().split(/\r?\n/).slice(1).join('');
  const other = (pos1) => ({ A: 'C', C: 'G', G: 'T', T: 'A' })[bases[pos1 - 1].toUpperCase()];
  const head = '##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n';
  const snp = (pos1, gt) =>
    `chr1\t${pos1}\t.\t${bases[pos1 - 1].toUpperCase()}\t${other(pos1)}\t.\tPASS\t.\tGT\t${gt}\n`;
  // Triploid chr1 but for a haploid stretch; chr2_lower tetraploid; the rest diploid.
  write(join(dir, 'calls.vcf'), head + snp(1500, '0|1|1') + snp(3000, '1/0/0') + snp(12500, '1'));
  const run = ['-S', '19', '-N', '3000', '--block-size', '4096', '--ploidy', '3'];
  const overrides = [
    '--ploidy-override',
    'chr1:12001-14000=1',
    '--ploidy-override',
    'chr2_lower=4',
  ];
  const planted = [...run, ...overrides, '--variants', 'calls.vcf', '--vcf', 'x.vcf'];
  sameInEveryHost(dir, planted);
  const truth = read(join(dir, 'x.vcf')).toString();
  assert.match(truth, /\tGT\t0\|1\|1\n/);
  assert.match(truth, /\tPLANTED\tGT\t1\n/);
  sameInEveryHost(dir, [...run, ...overrides, '-r', '0.01']);
  shardsAddUp(dir, [...run, ...overrides, '-r', '0.01'], [0, 1, 3, -1]);
  // A tumour sample: somatic records, clonal and subclonal, on the triploid genome.
  write(
    join(dir, 'somatic.vcf'),
    head +
      snp(1500, '0|1|1') +
      `chr1\t4000\t.\t${bases[3999].toUpperCase()}\t${other(4000)}\t.\tPASS\tSOMATIC\tGT\t0|0|1\n` +
      `chr1\t9000\t.\t${bases[8999].toUpperCase()}\t${other(9000)}\t.\tPASS\tSOMATIC;CCF=0.4\tGT\t1|1|1\n`,
  );
  sameInEveryHost(dir, [
    ...run,
    '--variants',
    'somatic.vcf',
    '--purity',
    '0.7',
    '--clones',
    '0.4',
    '--vcf',
    't.vcf',
  ]);
  assert.match(
    read(join(dir, 't.vcf')).toString(),
    /\tPLANTED;SOMATIC;CCF=0\.4;EAF=0\.28\tGT\t1\|1\|1\n/,
  );
  // The somatic records in a VCF of their own (--somatic, as callers write them): the same.
  write(join(dir, 'germline.vcf'), head + snp(1500, '0|1|1'));
  write(
    join(dir, 'tumour.vcf'),
    head +
      `chr1\t4000\t.\t${bases[3999].toUpperCase()}\t${other(4000)}\t.\tPASS\t.\tGT\t0|0|1\n` +
      `chr1\t9000\t.\t${bases[8999].toUpperCase()}\t${other(9000)}\t.\tPASS\tCCF=0.4\tGT\t1|1|1\n`,
  );
  const twoFiles = ['--variants', 'germline.vcf', '--somatic', 'tumour.vcf', '--purity', '0.7'];
  sameInEveryHost(dir, [...run, ...twoFiles, '--clones', '0.4', '--vcf', 'u.vcf']);
  const body = (name) => read(join(dir, name)).toString().split('#CHROM')[1];
  assert.equal(body('u.vcf'), body('t.vcf'));
  // An override off its contig: the same error from both.
  const bad = [
    '-S',
    '1',
    '-N',
    '10',
    '--ploidy-override',
    'tiny:1-99=1',
    'ref.fa',
    'e1.fq',
    'e2.fq',
  ];
  const x = native(bad, { cwd: dir });
  const y = wasm(bad, { cwd: dir });
  assert.equal(x.status, 1);
  assert.equal(y.stderr, x.stderr);
  assert.match(x.stderr, /--ploidy-override tiny:1-99=1: ends at 99, past the end of tiny/);
});

test('symbolic structural variants: the same reads and golden BAM (split reads too) in both hosts, threads or not', (t) => {
  const dir = tempDir(t);
  write(join(dir, 'ref.fa'), awkwardReference());
  const bases = read(join(dir, 'ref.fa')).toString().split(/\r?\n/).slice(1).join('');
  const base = (pos1) => bases[pos1 - 1].toUpperCase();
  const head = '##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n';
  const record = (pos1, alt, info, gt) =>
    `chr1\t${pos1}\t.\t${base(pos1)}\t${alt}\t.\tPASS\t${info}\tGT\t${gt}\n`;
  write(
    join(dir, 'sv.vcf'),
    head +
      record(1200, '<DEL>', 'END=2600', '0|1') +
      record(9000, '<DUP>', 'END=10100', '1|1') +
      record(14000, '<INV>', 'END=15500', '1|0') +
      record(20000, '<INS>', 'SVINSSEQ=ACGTACGTTTGACCA', '1|1'),
  );
  const run = ['-S', '17', '-N', '3000', '--block-size', '1024', '--variants', 'sv.vcf'];
  sameInEveryHost(dir, [...run, '--vcf', 'x.vcf']);
  const truth = read(join(dir, 'x.vcf')).toString();
  assert.match(truth, /\t<INV>\t\.\tPASS\tPLANTED;SVTYPE=INV;END=15500\tGT\t1\|0\n/);
  // Reads across the deletion are split (primary and supplementary records, blocks apart).
  const split = execFileSync('samtools', ['view', '-c', '-f', '2048', join(dir, 'a.bam')]);
  assert.ok(Number(split.toString()) > 0, `${split} supplementary records`);
  // bcftools reads the truth as it is.
  execFileSync('bcftools', ['view', '-H', join(dir, 'x.vcf')], { stdio: 'pipe' });
});
