// Remote references over HTTP Range requests: the same reads as a local run of the same
// regions, only the regions' bytes fetched, and every way a server can misbehave answered with
// a retry or a clear message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  MT,
  NATIVE,
  WASM_CLI,
  randomBases,
  read,
  run,
  runAsync,
  scratchDir,
  wrap,
  write,
} from './helpers.mjs';
import { rangeServer } from './range-server.mjs';

const dir = scratchDir('readforge-remote-');
let server;
let base;

const wasmRemote = (args) => runAsync(process.execPath, [WASM_CLI, ...args], { cwd: dir });

before(async () => {
  // A three-contig reference with 60- and 70-column lines, and the demo genome.
  write(
    join(dir, 'ref.fa'),
    `>c1\n${wrap(randomBases(40000, 11))}>c2 second\n${wrap(randomBases(9000, 12), 70)}>c3\n${wrap(randomBases(25000, 13))}`,
  );
  assert.equal(run('samtools', ['faidx', 'ref.fa'], { cwd: dir }).status, 0);
  assert.equal(run(NATIVE, ['index', 'ref.fa'], { cwd: dir }).status, 0); // ref.fa.gaps.bed
  write(join(dir, 'mt.fa'), read(MT));
  write(join(dir, 'mt.fa.fai'), read(`${MT}.fai`));
  server = await rangeServer(dir);
  base = server.base;
});

after(() => server.close());

const REGIONS = ['--region', 'c1:1001-15000', '--region', 'c3', '--region', 'c2:61-4200'];

test('remote regions give the bytes of a local run of the same regions', async () => {
  const args = ['-S', '9', '-N', '2000', '-r', '0.01', ...REGIONS];
  const local = run(NATIVE, [...args, '--vcf', 'n.vcf', 'ref.fa', 'n1.fq', 'n2.fq'], { cwd: dir });
  assert.equal(local.status, 0, local.stderr);
  const remote = await wasmRemote([
    ...args,
    '--vcf',
    'w.vcf',
    `${base}/ok/ref.fa`,
    'w1.fq',
    'w2.fq',
  ]);
  assert.equal(remote.status, 0, remote.stderr);
  for (const [a, b] of [
    ['n1.fq', 'w1.fq'],
    ['n2.fq', 'w2.fq'],
    ['n.vcf', 'w.vcf'],
  ])
    assert.ok(read(join(dir, a)) === read(join(dir, b)), `${b} differs from the local run`);
  assert.equal(remote.stdout, local.stdout, 'the mutation lists agree');
  const fetched = Number(/fetched (\d+) bytes/.exec(remote.stderr)[1]);
  // c1: 14,000 bases, c3: 25,000, c2: 4,140 (plus line ends), and the index.
  assert.ok(fetched < 45000, `fetched ${fetched} bytes`);
});

test('a bgzip FASTA with .fai and .gzi: only the blocks of the regions, the same reads', async () => {
  write(join(dir, 'z.fa'), read(join(dir, 'ref.fa')));
  assert.equal(run('bgzip', ['-f', '-i', '-@1', 'z.fa'], { cwd: dir }).status, 0);
  assert.equal(run('samtools', ['faidx', 'z.fa.gz'], { cwd: dir }).status, 0);
  const args = ['-S', '9', '-N', '2000', '-r', '0.01', ...REGIONS];
  const remote = await wasmRemote([
    ...args,
    '--vcf',
    'z.vcf',
    `${base}/ok/z.fa.gz`,
    'z1.fq',
    'z2.fq',
  ]);
  assert.equal(remote.status, 0, remote.stderr);
  assert.ok(read(join(dir, 'z1.fq')) === read(join(dir, 'w1.fq')), 'reads differ from plain');
  assert.ok(read(join(dir, 'z.vcf')) === read(join(dir, 'w.vcf')));
  // A local bgzip file decodes block by block too.
  const local = await wasmRemote([...args, 'z.fa.gz', 'y1.fq', 'y2.fq']);
  assert.equal(local.status, 0, local.stderr);
  assert.ok(read(join(dir, 'y2.fq')) === read(join(dir, 'w2.fq')));
});

test('gapped references: with or without a sidecar, plain or bgzip, the bytes of a local run', async () => {
  // N runs across block boundaries (small blocks), lowercase, and an all-N contig.
  const a = randomBases(60000, 21);
  const gapped =
    `>g1\n${wrap(a.slice(0, 9000) + 'N'.repeat(7000) + a.slice(16000, 40000).toLowerCase() + 'N'.repeat(300) + a.slice(40300))}` +
    `>g2\n${wrap('N'.repeat(2000))}>g3\n${wrap(randomBases(15000, 22))}`;
  for (const name of ['gap.fa', 'gapside.fa']) write(join(dir, name), gapped);
  assert.equal(run('bgzip', ['-k', '-f', '-i', 'gapside.fa'], { cwd: dir }).status, 0);
  for (const name of ['gap.fa', 'gapside.fa', 'gapside.fa.gz'])
    assert.equal(run('samtools', ['faidx', name], { cwd: dir }).status, 0);
  for (const name of ['gapside.fa', 'gapside.fa.gz'])
    assert.equal(run(NATIVE, ['index', name], { cwd: dir }).status, 0);
  const args = ['-S', '5', '-N', '3000', '--block-size', '4096', '-r', '0.01'];
  const regions = ['--region', 'g1:5001-50000', '--region', 'g3', '--region', 'g2'];
  const local = run(NATIVE, [...args, ...regions, 'gap.fa', 'n1.fq', 'n2.fq'], { cwd: dir });
  assert.equal(local.status, 0, local.stderr);
  assert.match(local.stderr, /wrote 3000 read pairs/);
  for (const file of ['gap.fa', 'gapside.fa', 'gapside.fa.gz']) {
    const remote = await wasmRemote([...args, ...regions, `${base}/ok/${file}`, 'r1.fq', 'r2.fq']);
    assert.equal(remote.status, 0, remote.stderr);
    assert.ok(read(join(dir, 'r1.fq')) === read(join(dir, 'n1.fq')), `${file}: read 1 differs`);
    assert.ok(read(join(dir, 'r2.fq')) === read(join(dir, 'n2.fq')), `${file}: read 2 differs`);
    const fetched = Number(/fetched (\d+) bytes/.exec(remote.stderr)[1]);
    if (file === 'gap.fa') {
      // No sidecar: the regions are measured first, fetched twice, and the summary says so.
      assert.match(remote.stderr, /the regions twice: .* their N runs were measured first/);
      assert.ok(fetched > 2 * 60000, `fetched ${fetched}`);
    } else {
      assert.doesNotMatch(remote.stderr, /measured/);
      if (file === 'gapside.fa') assert.ok(fetched < 70000, `fetched ${fetched}`);
    }
  }
});

test('the whole reference streams when no region is given', async () => {
  const local = run(NATIVE, ['-S', '2', '-N', '800', 'ref.fa', 'a1.fq', 'a2.fq'], { cwd: dir });
  const remote = await wasmRemote(['-S', '2', '-N', '800', `${base}/ok/ref.fa`, 'b1.fq', 'b2.fq']);
  assert.equal(remote.status, 0, remote.stderr);
  assert.ok(read(join(dir, 'a1.fq')) === read(join(dir, 'b1.fq')));
  assert.equal(remote.stdout, local.stdout);
});

test('a 100 kb region of a 50 Mb reference fetches under 1 MB', async () => {
  const fd = openSync(join(dir, 'big.fa'), 'w');
  writeSync(fd, '>big\n');
  const line = Buffer.alloc(61, 10);
  let x = 5;
  for (let i = 0; i < 50_000_000 / 60; i++) {
    for (let k = 0; k < 60; k++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      line[k] = 'ACGT'.charCodeAt(x >>> 30);
    }
    writeSync(fd, line);
  }
  closeSync(fd);
  assert.equal(run('samtools', ['faidx', 'big.fa'], { cwd: dir }).status, 0);
  const args = ['-S', '4', '-N', '3000', '--region', 'big:20000001-20100000'];
  const remote = await wasmRemote([...args, `${base}/ok/big.fa`, 'r1.fq', 'r2.fq']);
  assert.equal(remote.status, 0, remote.stderr);
  const fetched = Number(/fetched (\d+) bytes/.exec(remote.stderr)[1]);
  assert.ok(fetched < 1_000_000, `fetched ${fetched} bytes for a 100 kb region`);
  assert.equal(run(NATIVE, [...args, 'big.fa', 'l1.fq', 'l2.fq'], { cwd: dir }).status, 0);
  assert.ok(read(join(dir, 'r1.fq')) === read(join(dir, 'l1.fq')));
});

test('5xx answers, cut-short bodies and reset connections are retried', async () => {
  const local = run(NATIVE, ['-S', '3', '-N', '500', ...REGIONS, 'ref.fa', 'x1.fq', 'x2.fq'], {
    cwd: dir,
  });
  assert.equal(local.status, 0);
  for (const mode of ['flaky', 'truncate', 'reset']) {
    const r = await wasmRemote([
      '-S',
      '3',
      '-N',
      '500',
      ...REGIONS,
      `${base}/${mode}/ref.fa`,
      `${mode}1.fq`,
      `${mode}2.fq`,
    ]);
    assert.equal(r.status, 0, `${mode}: ${r.stderr}`);
    assert.ok(read(join(dir, `${mode}1.fq`)) === read(join(dir, 'x1.fq')), `${mode}: reads differ`);
  }
});

test('servers that cannot serve get clear messages', async () => {
  const cases = [
    [`${base}/ok/missing.fa`, /missing\.fa: not found \(HTTP 404\)/],
    [`${base}/forbidden/ref.fa`, /access denied \(HTTP 403\): the object is not public/],
    [`${base}/norange/big.fa`, /ignored the Range request .*\(51 MB\): refused/],
    ['http://127.0.0.1:9/ref.fa', /ECONNREFUSED|fetch failed|cannot/],
  ];
  for (const [url, message] of cases) {
    const r = await wasmRemote([
      '-S',
      '1',
      '-N',
      '100',
      '--region',
      'big:1-1000',
      url,
      'e1.fq',
      'e2.fq',
    ]);
    assert.equal(r.status, 1, url);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.split('\n').length, 2, `one line: ${r.stderr}`);
  }
  // A small file sent whole (Range ignored) is accepted: it costs little.
  const small = await wasmRemote([
    '-S',
    '1',
    '-N',
    '100',
    `${base}/norange/mt.fa`,
    's1.fq',
    's2.fq',
  ]);
  assert.equal(small.status, 0, small.stderr);
});

test('an index that does not match the FASTA is an error, not wrong reads', async () => {
  // Offsets shifted by 3 bytes: ranges start inside the header or on line ends.
  const fai = read(join(dir, 'ref.fa.fai')).replace(
    /^(c\d)\t(\d+)\t(\d+)/gm,
    (_, n, l, o) => `${n}\t${l}\t${Number(o) - 4}`,
  );
  write(join(dir, 'shifted.fai'), fai);
  const r = await wasmRemote([
    '-S',
    '1',
    '-N',
    '100',
    '--fai',
    'shifted.fai',
    `${base}/ok/ref.fa`,
    'f1.fq',
    'f2.fq',
  ]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(
    r.stderr,
    /readforge: error: .*ref\.fa: the index \(\.fai\) does not match the FASTA: the bytes of c1 from base 1 hold a header \('>c1'\)/,
  );
});

test('s3:// URIs resolve to path-style URLs on a custom endpoint', async () => {
  const args = [
    '-S',
    '9',
    '-N',
    '2000',
    '-r',
    '0.01',
    ...REGIONS,
    's3://ok/ref.fa',
    'o1.fq',
    'o2.fq',
  ];
  const withEndpoint = await runAsync(process.execPath, [WASM_CLI, ...args], {
    cwd: dir,
    env: { AWS_ENDPOINT_URL: base },
  });
  assert.equal(withEndpoint.status, 0, withEndpoint.stderr);
  assert.ok(read(join(dir, 'o1.fq')) === read(join(dir, 'w1.fq')));
});
