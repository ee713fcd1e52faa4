// The edge API on a real workerd process: the same bytes as the native CLI and readforge-wasm,
// shards that add up, streaming with bounded memory, and every error with its status and body.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  NATIVE,
  nativeOutputs,
  ROOT,
  WASM_CLI,
  runAsync,
  sampleManifest,
  scratchDir,
  startProcess,
  tempDir,
  waitFor,
} from './helpers.mjs';
import { rangeServer } from './range-server.mjs';

const S3_PORT = 4581;
const EDGE_PORT = 8795;
const API = `http://127.0.0.1:${EDGE_PORT}/api`;
const children = [];
const MT = join(ROOT, 'build-s3/MT-human.fa');
const ECOLI = join(ROOT, 'build-s3/ecoli-536.fa');
const CONTIG = 'gi|110640213|ref|NC_008253.1|';

// A reference whose bytes go bad 2 MB in (a space in a sequence line, which its .fai does not
// show): served by a Range server in this process.
let broken;

function brokenReference() {
  const dir = scratchDir('readforge-broken-');
  const bases = 3_000_000;
  const lines = [];
  for (let i = 0; i < bases / 60; i++) lines.push('ACGTTGCAAC'.repeat(6));
  lines[Math.floor(2_000_000 / 60)] = 'ACGTTGCAAC'.repeat(5) + 'ACGTT CAAC';
  writeFileSync(join(dir, 'broken.fa'), `>broken\n${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'broken.fa.fai'), `broken\t${bases}\t8\t60\t61\n`);
  // A draft assembly of 2,500 contigs (its listing comes in pages).
  const contigs = [];
  for (let i = 0; i < 2500; i++) contigs.push(`>NODE_${i}\n${'ACGT'.repeat(25 + (i % 7))}\n`);
  writeFileSync(join(dir, 'assembly.fa'), contigs.join(''));
  execFileSync('samtools', ['faidx', join(dir, 'assembly.fa')]);
  return dir;
}

before(async () => {
  broken = await rangeServer(brokenReference());
  await startProcess(
    children,
    process.execPath,
    ['scripts/local-s3.mjs', String(S3_PORT)],
    /local S3:/,
  );
  execFileSync(
    process.execPath,
    [
      'scripts/build-edge.mjs',
      '--port',
      String(EDGE_PORT),
      '--s3',
      `http://127.0.0.1:${S3_PORT}`,
      '--limits',
      JSON.stringify({ maxPairs: 5_000_000, maxRegionBases: 10_000_000, maxOutputBytes: 4e9 }),
      '--reference',
      'unreachable=http://127.0.0.1:9/nothing.fa',
      '--reference',
      `broken=${broken.base}/ok/broken.fa`,
      '--reference',
      `assembly=${broken.base}/ok/assembly.fa`,
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  startProcess(
    children,
    join(ROOT, 'node_modules/.bin/workerd'),
    ['serve', '--experimental', 'build-edge/config.capnp'],
    /$^/,
  ).catch(() => {});
  await waitFor(`${API}/health`);
});

after(() => {
  broken.close();
  for (const child of children) child.kill();
});

async function get(query) {
  const response = await fetch(`${API}/simulate?${query}`);
  return {
    status: response.status,
    body: Buffer.from(await response.arrayBuffer()),
    headers: response.headers,
  };
}

test('the API writes the bytes of the native CLI and of readforge-wasm', async () => {
  const cases = [
    { query: 'ref=MT-human&N=2000&S=3', args: ['-N', '2000', '-S', '3'], ref: MT },
    {
      query: 'ref=MT-human-bgzip&pairs=1500&seed=4&e=0.05&h=1',
      args: ['-N', '1500', '-S', '4', '-e', '0.05', '-h'],
      ref: MT,
    },
    {
      query: `ref=ecoli-536-bgzip&N=3000&S=5&region=${encodeURIComponent(`${CONTIG}:200001-260000`)}&region=${encodeURIComponent(`${CONTIG}:4000001-4010000`)}&r=0.01`,
      args: [
        '-N',
        '3000',
        '-S',
        '5',
        '--region',
        `${CONTIG}:200001-260000`,
        '--region',
        `${CONTIG}:4000001-4010000`,
        '-r',
        '0.01',
      ],
      ref: ECOLI,
    },
  ];
  for (const { query, args, ref } of cases) {
    const [r1, r2] = nativeOutputs(args, ref, ['1.fq', '2.fq']);
    const mate1 = await get(`${query}&mate=1`);
    const mate2 = await get(`${query}&mate=2`);
    assert.equal(mate1.status, 200, mate1.body.toString());
    assert.ok(mate1.body.equals(r1), `mate 1 differs: ${query}`);
    assert.ok(mate2.body.equals(r2), `mate 2 differs: ${query}`);
  }
  const [interleaved] = nativeOutputs(['-N', '1000', '-S', '6', '--interleaved'], MT, ['i.fq']);
  const [compressed] = nativeOutputs(['-N', '1000', '-S', '6', '--interleaved'], MT, ['i.fq.gz']);
  const i = await get('ref=MT-human&N=1000&S=6&format=interleaved&gzip=1');
  assert.ok(gunzipSync(i.body).equals(interleaved), 'interleaved, gzip');
  assert.ok(i.body.equals(compressed), "gzip=1: the command line's BGZF bytes");
  // Adapter read-through.
  const through = ['-N', '1000', '-S', '10', '-d', '120', '-s', '40', '-1', '100', '-2', '100'];
  const [adapters] = nativeOutputs([...through, '--adapters', 'truseq'], MT, ['a1.fq', 'a2.fq']);
  const a = await get('ref=MT-human&N=1000&S=10&d=120&s=40&1=100&2=100&adapters=truseq');
  assert.ok(a.body.equals(adapters), 'adapters');
  // GC bias, built in and inline.
  for (const curve of ['pcr', '0.3:0.2,0.6:1']) {
    const [biased] = nativeOutputs(['-N', '1000', '-S', '12', '--gc-bias', curve], MT, [
      'g1.fq',
      'g2.fq',
    ]);
    const g = await get(`ref=MT-human&N=1000&S=12&gc-bias=${curve}`);
    assert.ok(g.body.equals(biased), `gc-bias=${curve}`);
  }
  // PCR duplicates and UMIs.
  const library = ['-N', '1000', '-S', '11', '--duplicates', '0.2', '--umi', '8'];
  library.push('--optical-duplicates', '0.05');
  const [copies] = nativeOutputs(library, MT, ['c1.fq', 'c2.fq']);
  const d = await get('ref=MT-human&N=1000&S=11&duplicates=0.2&umi=8&optical-duplicates=0.05');
  assert.ok(d.body.equals(copies), 'duplicates and UMIs');
  // Inline UMIs.
  const [inlineUmi] = nativeOutputs(['-N', '500', '-S', '13', '--umi', '7', '--umi-inline'], MT, [
    'u1.fq',
    'u2.fq',
  ]);
  const u = await get('ref=MT-human&N=500&S=13&umi=7&umi-inline=1');
  assert.ok(u.body.equals(inlineUmi), 'umi-inline');
  // A fragment-length histogram, inline.
  const hist = '300:5,450:3,601:1';
  const [fragments] = nativeOutputs(['-N', '1000', '-S', '9', '--fragment-hist', hist], MT, [
    'f1.fq',
    'f2.fq',
  ]);
  const f = await get(`ref=MT-human&N=1000&S=9&fragment-hist=${hist}`);
  assert.equal(f.status, 200, f.body.toString());
  assert.ok(f.body.equals(fragments), 'fragment-hist');
  const [single] = nativeOutputs(['-N', '1000', '-S', '7', '-2', '0', '-1', '100'], MT, ['s.fq']);
  assert.ok((await get('ref=MT-human&N=1000&S=7&2=0&1=100')).body.equals(single), 'single-end');
  const dir = scratchDir('readforge-edge-vcf-');
  execFileSync(
    NATIVE,
    [
      '-q',
      '-N',
      '100',
      '-S',
      '8',
      '-r',
      '0.01',
      '--vcf',
      join(dir, 'v.vcf'),
      MT,
      join(dir, 'a'),
      join(dir, 'b'),
    ],
    { stdio: 'ignore' },
  );
  assert.ok(
    (await get('ref=MT-human&N=100&S=8&r=0.01&format=vcf')).body.equals(
      readFileSync(join(dir, 'v.vcf')),
    ),
    'VCF',
  );
  // readforge-wasm, reading the same bucket over S3.
  const w = join(dir, 'w');
  execFileSync(
    process.execPath,
    [
      WASM_CLI,
      '-q',
      '-N',
      '2000',
      '-S',
      '3',
      `s3://readforge-demo/MT-human.fa`,
      `${w}1.fq`,
      `${w}2.fq`,
    ],
    { env: { ...process.env, AWS_ENDPOINT_URL: `http://127.0.0.1:${S3_PORT}` }, stdio: 'ignore' },
  );
  assert.ok((await get('ref=MT-human&N=2000&S=3&mate=2')).body.equals(readFileSync(`${w}2.fq`)));
});

test('GET /api/references lists each reference with the contigs of its index', async () => {
  const response = await fetch(`${API}/references`);
  assert.equal(response.status, 200);
  const { references } = await response.json();
  const byName = new Map(references.map((r) => [r.name, r]));
  const fai = (path) =>
    readFileSync(path, 'latin1')
      .trim()
      .split('\n')
      .map((line) => line.split('\t'))
      .map(([name, length]) => ({ name, length: Number(length) }));
  assert.deepEqual(byName.get('ecoli-536').contigs, fai(`${ECOLI}.fai`));
  assert.deepEqual(byName.get('MT-human').contigs, fai(`${MT}.fai`));
  assert.equal(byName.get('MT-human').contigCount, 1);
  assert.equal(byName.get('MT-human').bases, 16569);
  assert.equal(byName.get('MT-human').next, undefined);
  // One that cannot be read is listed with the reason; it does not hide the others.
  const unreachable = byName.get('unreachable');
  assert.equal(unreachable.contigs, undefined);
  assert.match(unreachable.error, /^cannot read unreachable: /);
});

test('a reference of many contigs is listed in pages', async () => {
  const { references } = await (await fetch(`${API}/references`)).json();
  const assembly = references.find((r) => r.name === 'assembly');
  assert.equal(assembly.contigCount, 2500);
  assert.equal(assembly.contigs.length, 1000);
  assert.deepEqual(assembly.contigs[999], { name: 'NODE_999', length: 4 * (25 + (999 % 7)) });
  assert.equal(assembly.next, '/api/references/assembly?offset=1000&limit=1000');
  // Following `next` to the end gives every contig once, in order.
  const names = assembly.contigs.map((c) => c.name);
  let next = `${assembly.next.replace('limit=1000', 'limit=700')}`;
  while (next) {
    const page = await (await fetch(`http://127.0.0.1:${EDGE_PORT}${next}`)).json();
    names.push(...page.contigs.map((c) => c.name));
    next = page.next;
  }
  assert.deepEqual(
    names,
    Array.from({ length: 2500 }, (_, i) => `NODE_${i}`),
  );
  const bad = await fetch(`${API}/references/assembly?limit=100000`);
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).parameter, 'limit');
  const unknown = await fetch(`${API}/references/assembly?page=2`);
  assert.equal(unknown.status, 400);
  assert.match((await unknown.json()).error, /unknown parameter 'page'/);
  assert.equal((await fetch(`${API}/references/nothing`)).status, 403);
});

test('shards concatenated give the unsharded bytes, for k = 1, 2, 3, 7', async () => {
  const query = 'ref=ecoli-536&N=20000&S=9&block-size=65536&r=0.005';
  const whole = (await get(query)).body;
  assert.ok(whole.length > 2_000_000);
  for (const k of [1, 2, 3, 7]) {
    const parts = [];
    for (let i = 0; i < k; i++) parts.push((await get(`${query}&shard=${i}/${k}`)).body);
    assert.ok(Buffer.concat(parts).equals(whole), `k = ${k}`);
    if (k > 1) assert.ok(parts.every((p) => p.length > 0 && p.length < whole.length));
  }
  const vcf = (await get(`${query}&format=vcf`)).body;
  const vcfParts = [];
  for (let i = 0; i < 3; i++) vcfParts.push((await get(`${query}&format=vcf&shard=${i}/3`)).body);
  assert.ok(Buffer.concat(vcfParts).equals(vcf), 'VCF shards (header in the first)');
  // Compressed shards: BGZF pieces that concatenate to the compressed whole (one end block).
  const gz = (await get(`${query}&gzip=1`)).body;
  const gzParts = [];
  for (let i = 0; i < 4; i++) gzParts.push((await get(`${query}&gzip=1&shard=${i}/4`)).body);
  assert.ok(Buffer.concat(gzParts).equals(gz), 'gzip shards');
  assert.ok(gunzipSync(gz).equals(whole), 'gzip decompresses to the plain bytes');
  // format=bam: the run's truth alignments, the command line's BAM (M5 from the bucket's
  // sidecar, as the CLI has it beside the file); shards are pieces of it.
  const bam = await get(`${query}&format=bam`);
  assert.equal(bam.headers.get('content-type'), 'application/octet-stream');
  const dir = scratchDir('readforge-edge-bam-');
  execFileSync(NATIVE, [
    '-q',
    ...['-N', '20000', '-S', '9', '--block-size', '65536', '-r', '0.005'],
    ...['--bam', join(dir, 'n.bam'), '--mutations', '/dev/null', ECOLI],
    ...[join(dir, '1.fq'), join(dir, '2.fq')],
  ]);
  assert.ok(bam.body.equals(readFileSync(join(dir, 'n.bam'))), 'BAM: the CLI bytes');
  const bamParts = [];
  for (let i = 0; i < 3; i++) bamParts.push((await get(`${query}&format=bam&shard=${i}/3`)).body);
  assert.ok(Buffer.concat(bamParts).equals(bam.body), 'BAM shards (header first, EOF last)');
  const sam = (await get(`${query}&format=sam&shard=1/3`)).body.toString();
  assert.match(sam, /^[^@].*\t60\t\d+M/, 'a SAM piece: records, no header');
});

function workerdRssMB() {
  const out = execSync('ps -C workerd -o rss= || true', { encoding: 'utf8' });
  return out
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => sum + Number(line) / 1024, 0);
}

test('a multi-GB response streams: first bytes early, memory flat', async () => {
  const idle = workerdRssMB();
  const started = performance.now();
  const response = await fetch(
    `${API}/simulate?ref=ecoli-536&N=4000000&S=1&1=150&2=150&format=interleaved`,
  );
  const reader = response.body.getReader();
  let first = 0;
  let bytes = 0;
  let next = 100e6;
  const samples = [];
  while (true) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!first) first = performance.now() - started;
    bytes += value.length;
    if (bytes > next) {
      next += 100e6;
      samples.push(workerdRssMB());
    }
  }
  const total = performance.now() - started;
  const early = samples[2];
  const peak = Math.max(...samples);
  console.log(
    `edge: ${(bytes / 1e9).toFixed(2)} GB in ${(total / 1000).toFixed(1)} s, first byte after ` +
      `${first.toFixed(0)} ms; workerd RSS ${idle.toFixed(0)} MB idle, ${early.toFixed(0)} MB ` +
      `after 300 MB, ${peak.toFixed(0)} MB at most (${samples.map(Math.round).join(' ')})`,
  );
  assert.ok(bytes > 2e9, `${bytes} bytes`);
  assert.ok(first < total / 10, 'the first bytes come long before the end');
  // Bounded far below what was sent (3 GB). The process also holds per-chunk copies that V8
  // collects lazily, so its RSS drifts up before leveling off; see docs/edge-api.md.
  assert.ok(peak < 512, `workerd RSS reached ${peak} MB`);
});

test('quality profiles by name, the expected error rate, and the realised one as a summary', async () => {
  const profile = join(ROOT, 'public/profiles/illumina-like-2x150.profile');
  const args = ['-N', '3000', '-S', '8', '-1', '150', '-2', '150', '--profile', profile];
  const [r1, r2] = nativeOutputs(args, MT, ['1.fq', '2.fq']);
  const query = 'ref=MT-human&N=3000&S=8&1=150&2=150&profile=illumina-like-2x150';
  const mate1 = await get(`${query}&mate=1`);
  assert.equal(mate1.status, 200, mate1.body.toString());
  assert.ok(mate1.body.equals(r1), 'mate 1 differs from the CLI with --profile');
  assert.ok((await get(`${query}&mate=2`)).body.equals(r2), 'mate 2 differs');
  const expected = Number(mate1.headers.get('x-readforge-expected-error-rate'));
  assert.ok(expected > 0.001 && expected < 0.004, `expected error rate ${expected}`);
  assert.equal(
    (await get('ref=MT-human&N=10&e=0.03')).headers.get('x-readforge-expected-error-rate'),
    '0.03',
  );
  // format=summary: the realised figures of the very same run, as the CLI prints them.
  const summary = JSON.parse((await get(`${query}&format=summary`)).body.toString());
  const cli = spawnSync(NATIVE, [...args, MT, '/dev/null', '/dev/null'], {
    encoding: 'utf8',
  }).stderr;
  assert.equal(`readforge: ${summary.summary}\n`, cli);
  assert.equal(summary.pairs, 3000);
  assert.ok(Math.abs(summary.errorRate - expected) < 0.001, JSON.stringify(summary));
});

test('a configured VCF is planted: the bytes of the CLI with --variants', async () => {
  const calls = join(ROOT, 'build-s3/MT-human-calls.vcf.gz');
  const args = ['-N', '2000', '-S', '9', '-r', '0', '--variants', calls];
  const [r1] = nativeOutputs(args, MT, ['1.fq', '2.fq']);
  const query = 'ref=MT-human&N=2000&S=9&r=0&variants=MT-human-calls';
  const mate1 = await get(`${query}&mate=1`);
  assert.equal(mate1.status, 200, mate1.body.toString());
  assert.ok(mate1.body.equals(r1), 'mate 1 differs from the CLI with --variants');
  const truth = await get(`${query}&format=vcf`);
  assert.match(truth.body.toString(), /\tPLANTED\tGT\t/);
  const summary = JSON.parse((await get(`${query}&format=summary`)).body.toString());
  assert.equal(summary.pairs, 2000);
  const unknown = await get('ref=MT-human&N=10&variants=dbsnp');
  assert.equal(unknown.status, 400);
  assert.deepEqual(JSON.parse(unknown.body.toString()), {
    error: "'dbsnp' is not a VCF this server has: MT-human-calls",
    parameter: 'variants',
  });
});

test('configured communities and amplicon panels: the CLI bytes and genome table', async (t) => {
  const s3 = (name) => join(ROOT, 'build-s3', name);
  const community = s3('mini-community.fa');
  const map = ['--genome-map', s3('mini-community.map.tsv')];
  const shares = ['--abundance', s3('mini-community.abundance.tsv')];
  const dir = tempDir(t);
  const args = ['-N', '2000', '-S', '12', ...map, ...shares];
  const [r1, r2] = nativeOutputs([...args, '--genome-truth', join(dir, 'genomes.tsv')], community, [
    '1.fq',
    '2.fq',
  ]);
  const query =
    'ref=mini-community&N=2000&S=12&genome-map=mini-community-map&abundance=mini-community-shares';
  const mate1 = await get(`${query}&mate=1`);
  assert.equal(mate1.status, 200, mate1.body.toString());
  assert.ok(mate1.body.equals(r1), 'mate 1 differs from the CLI with --genome-map');
  assert.ok((await get(`${query}&mate=2`)).body.equals(r2), 'mate 2 differs');
  const genomes = await get(`${query}&format=genomes`);
  assert.equal(genomes.status, 200);
  assert.match(genomes.headers.get('content-type'), /^text\/tab-separated-values/);
  assert.equal(genomes.body.toString(), readFileSync(join(dir, 'genomes.tsv'), 'utf8'));
  assert.match(genomes.body.toString(), /\nX\t2\t9000\t0\.25\t500\t/);
  // Shards of a community concatenate to the whole.
  const shards = [];
  for (let i = 0; i < 3; i++)
    shards.push((await get(`${query}&block-size=4096&shard=${i}/3`)).body);
  const whole = (await get(`${query}&block-size=4096`)).body;
  assert.ok(Buffer.concat(shards).equals(whole), 'shards of a community differ from the whole');
  // An amplicon panel with uneven efficiency.
  const panel = ['--amplicons', s3('MT-human-panel.bed'), '--amplicon-spread', '0.3'];
  const [p1] = nativeOutputs(['-N', '1500', '-S', '13', '-1', '150', '-2', '150', ...panel], MT, [
    '1.fq',
    '2.fq',
  ]);
  const amplicons = await get(
    'ref=MT-human&N=1500&S=13&1=150&2=150&amplicons=MT-human-panel&amplicon-spread=0.3',
  );
  assert.equal(amplicons.status, 200, amplicons.body.toString());
  assert.ok(amplicons.body.equals(p1), 'the panel differs from the CLI with --amplicons');
  // Copy-number segments from a configured table, -N and -C.
  const copies = ['--copy-number', s3('MT-human-copies.bed')];
  for (const [amount, query] of [
    [['-N', '1500'], 'N=1500'],
    [['-C', '4'], 'C=4'],
  ]) {
    const [c1] = nativeOutputs([...amount, '-S', '16', ...copies], MT, ['1.fq', '2.fq']);
    const r = await get(`ref=MT-human&${query}&S=16&copy-number=MT-human-copies`);
    assert.equal(r.status, 200, r.body.toString());
    assert.ok(r.body.equals(c1), `copy numbers with ${query} differ from the CLI`);
  }
  // Ploidy: a triploid genome with a haploid stretch (a repeated parameter, as on the CLI).
  const ploidy = ['--ploidy', '3', '--ploidy-override', 'MT_human:1-5000=1'];
  const [q1] = nativeOutputs(['-N', '1500', '-S', '18', '-r', '0.01', ...ploidy], MT, [
    '1.fq',
    '2.fq',
  ]);
  const triploid = await get(
    `ref=MT-human&N=1500&S=18&r=0.01&ploidy=3&ploidy-override=${encodeURIComponent('MT_human:1-5000=1')}&mate=1`,
  );
  assert.equal(triploid.status, 200, triploid.body.toString());
  assert.ok(triploid.body.equals(q1), 'ploidy differs from the CLI');
  // A tumour sample: normal and tumour cells, one subclone.
  const tumour = ['--purity', '0.5', '--clones', '0.3'];
  const [m1] = nativeOutputs(['-N', '1500', '-S', '19', '-r', '0.01', ...tumour], MT, [
    '1.fq',
    '2.fq',
  ]);
  const mixed = await get('ref=MT-human&N=1500&S=19&r=0.01&purity=0.5&clones=0.3&mate=1');
  assert.equal(mixed.status, 200, mixed.body.toString());
  assert.ok(mixed.body.equals(m1), 'a tumour sample differs from the CLI');
  // The tumour cells' own copy number, from a configured table.
  const somatic = ['--purity', '0.5', '--somatic-copy-number', s3('MT-human-copies.bed')];
  const [t1] = nativeOutputs(['-N', '1500', '-S', '20', ...somatic], MT, ['1.fq', '2.fq']);
  const tumourCopies = await get(
    'ref=MT-human&N=1500&S=20&purity=0.5&somatic-copy-number=MT-human-copies&mate=1',
  );
  assert.equal(tumourCopies.status, 200, tumourCopies.body.toString());
  assert.ok(tumourCopies.body.equals(t1), "the tumour's copy number differs from the CLI");
  // A tumour's somatic VCF beside the configured calls, from a configured table.
  const withSomatic = [
    ...['--variants', s3('MT-human-calls.vcf.gz'), '--purity', '0.6', '--clones', '0.3'],
    ...['--somatic', s3('MT-human-somatic.vcf')],
  ];
  const [v1] = nativeOutputs(['-N', '1500', '-S', '21', ...withSomatic], MT, ['1.fq', '2.fq']);
  const somaticRun = await get(
    'ref=MT-human&N=1500&S=21&variants=MT-human-calls&purity=0.6&clones=0.3&somatic=MT-human-somatic&mate=1',
  );
  assert.equal(somaticRun.status, 200, somaticRun.body.toString());
  assert.ok(somaticRun.body.equals(v1), 'a somatic VCF differs from the CLI');
  // Names the server does not have, a table for another reference, a report without a map.
  for (const [q, status, parameter, error] of [
    [
      'ref=MT-human&N=10&amplicons=artic',
      400,
      'amplicons',
      /^'artic' is not a table this server has: mini-community-map, /,
    ],
    [
      'ref=MT-human&N=10&genome-map=mini-community-map',
      400,
      'genome-map',
      /^mini-community-map: the reference's contig 'MT_human' has no genome/,
    ],
    ['ref=MT-human&N=10&format=genomes', 400, 'format', /give genome-map$/],
    ['ref=MT-human&N=10&genome-truth=x', 400, 'genome-truth', /use format=genomes$/],
  ]) {
    const r = await get(q);
    assert.equal(r.status, status, `${q}: ${r.body}`);
    const body = JSON.parse(r.body.toString());
    assert.equal(body.parameter, parameter, q);
    assert.match(body.error, error, q);
  }
});

test('bad requests get the documented status and a JSON body naming the parameter', async () => {
  const cases = [
    ['ref=MT-human&e=2', 400, 'e', '-e/--error-rate must be in [0, 1], got 2'],
    ['ref=MT-human&bogus=1', 400, 'bogus', "unknown option 'bogus'"],
    [
      'ref=MT-human&format=cram',
      400,
      'format',
      "format must be fastq, interleaved, vcf, bam, sam, summary or genomes, got 'cram'",
    ],
    [
      'ref=MT-human&shard=3/2',
      400,
      'shard',
      "shard must be i/k with 0 <= i < k <= 10000, got '3/2'",
    ],
    [
      'ref=MT-human&region=chrZ',
      400,
      'region',
      "region chrZ: unknown contig 'chrZ' (known: MT_human)",
    ],
    [
      'ref=MT-human&N=1000000000',
      400,
      'N',
      '1000000000 read pairs asked; this server allows 5000000 per request',
    ],
    [
      'ref=MT-human&N=4000000&1=1000&2=1000',
      400,
      'N',
      'about 17 GB of output asked; this server allows 4 GB per request',
    ],
    [
      'ref=MT-human&profile=hiseq',
      400,
      'profile',
      "'hiseq' is not a profile this server has: illumina-like-2x150",
    ],
    [
      'ref=MT-human&profile=illumina-like-2x150&1=250',
      400,
      'profile',
      "read 1 is 250 bases long, but the quality profile's R1 has only 150 cycles (use shorter " +
        'reads, or a profile of longer ones)',
    ],
    [
      'ref=MT-human&fragment-hist=mine.tsv',
      400,
      'fragment-hist',
      "--fragment-hist: 'mine.tsv' is not inline LENGTH:COUNT,... and a file's text was not given",
    ],
    [
      'ref=MT-human&threads=2',
      400,
      'threads',
      'threads is not a parameter of this API (the server chooses it)',
    ],
    [
      'ref=MT-human&fai=my.fai',
      400,
      'fai',
      'fai is not a parameter of this API (the server chooses it)',
    ],
    ['ref=MT-human&vcf=1', 400, 'vcf', 'vcf is not a parameter of this API: use format=vcf'],
    ['', 400, 'ref', null],
    [`ref=${encodeURIComponent('http://169.254.169.254/latest/meta-data')}`, 403, 'ref', null],
    ['ref=unreachable&N=10', 502, 'ref', null],
  ];
  for (const [query, status, parameter, message] of cases) {
    const r = await get(query);
    assert.equal(r.status, status, `${query}: ${r.body}`);
    const body = JSON.parse(r.body.toString());
    assert.equal(body.parameter, parameter, query);
    if (message) assert.equal(body.error, message);
    assert.ok(!/at .*\.js:\d+/.test(body.error), 'no stack traces');
  }
  const unreachable = JSON.parse((await get('ref=unreachable&N=10')).body.toString());
  assert.match(
    unreachable.error,
    /cannot read unreachable: http:\/\/127\.0\.0\.1:9\/nothing\.fa: /,
  );
});

test('an error after the first bytes aborts the answer: never a short file that looks whole', async () => {
  const response = await fetch(`${API}/simulate?ref=broken&C=1&S=3`);
  assert.equal(response.status, 200);
  let bytes = 0;
  await assert.rejects(async () => {
    for await (const chunk of response.body) bytes += chunk.length;
  });
  assert.ok(bytes > 100_000, `${bytes} bytes came before the error`);
  // Its place is released.
  assert.equal((await (await fetch(`${API}/health`)).json()).active, 0);
});

test('a client that disconnects stops the work', async () => {
  const controller = new AbortController();
  const response = await fetch(`${API}/simulate?ref=ecoli-536&N=4000000&S=2`, {
    signal: controller.signal,
  });
  const reader = response.body.getReader();
  let bytes = 0;
  while (bytes < 5e6) bytes += (await reader.read()).value.length;
  const busy = await (await fetch(`${API}/health`)).json();
  assert.equal(busy.active, 1);
  controller.abort();
  let active = 1;
  for (let i = 0; i < 50 && active > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    active = (await (await fetch(`${API}/health`)).json()).active;
  }
  assert.equal(active, 0, 'the run stopped after the client left');
});

test('readforge-wasm --server fans out K shards: the bytes of the CLI; failed shards retried', async () => {
  const dir = scratchDir('readforge-fanout-');
  const args = ['-N', '30000', '-S', '12', '-1', '100', '-2', '120', '--block-size', '65536'];
  const [n1, n2] = nativeOutputs([...args, '--vcf', join(dir, 'n.vcf')], ECOLI, ['1.fq', '2.fq']);
  const expectedVcf = readFileSync(join(dir, 'n.vcf'));
  // Asynchronous: the retry case's proxy runs in this process.
  const fanOut = (extra, server = `http://127.0.0.1:${EDGE_PORT}`) =>
    runAsync(process.execPath, [
      WASM_CLI,
      '--server',
      server,
      ...extra,
      ...args,
      'ecoli-536',
      join(dir, 'w1.fq'),
      join(dir, 'w2.fq'),
    ]);
  for (const [k, p] of [
    [1, 1],
    [4, 2],
    [16, 4],
  ]) {
    const r = await fanOut([
      '--shards',
      String(k),
      '--parallel',
      String(p),
      '--vcf',
      join(dir, 'w.vcf'),
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`${k} shards from .* \\(${p} at a time\\)`));
    assert.ok(readFileSync(join(dir, 'w1.fq')).equals(n1), `k = ${k}: read 1`);
    assert.ok(readFileSync(join(dir, 'w2.fq')).equals(n2), `k = ${k}: read 2`);
    assert.ok(readFileSync(join(dir, 'w.vcf')).equals(expectedVcf), `k = ${k}: VCF`);
  }
  // Through a proxy where shard 1 first answers 503 and shard 2 breaks off half-way: both are
  // asked again (shard 2 resumes where it stopped) and the bytes are the same.
  const failed = new Set();
  const proxy = createServer(async (req, res) => {
    const shard = new URL(req.url, 'http://x').searchParams.get('shard');
    const mate = new URL(req.url, 'http://x').searchParams.get('mate');
    const key = `${shard} ${mate}`;
    const upstream = await fetch(`http://127.0.0.1:${EDGE_PORT}${req.url}`);
    if (shard === '1/4' && !failed.has(key)) {
      failed.add(key);
      await upstream.body.cancel();
      return res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"error":"busy"}');
    }
    const body = Buffer.from(await upstream.arrayBuffer());
    res.writeHead(upstream.status, { 'Content-Length': body.length });
    if (shard === '2/4' && !failed.has(key)) {
      failed.add(key);
      res.write(body.subarray(0, body.length >> 1));
      return setTimeout(() => req.socket.destroy(), 50);
    }
    res.end(body);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const r = await fanOut(['--shards', '4'], `http://127.0.0.1:${proxy.address().port}`);
  proxy.close();
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /shard 1\/4 failed \(shard 1\/4: HTTP 503: busy\); asking again/);
  assert.match(r.stderr, /shard 2\/4 failed .*; asking again/);
  assert.ok(readFileSync(join(dir, 'w1.fq')).equals(n1), 'read 1 after retries');
  assert.ok(readFileSync(join(dir, 'w2.fq')).equals(n2), 'read 2 after retries');
  // What only the server can check (a region of a contig it does not have) is its 400, said
  // once; no file is left.
  const bad = await fanOut(['--shards', '4', '--region', 'nosuch:1-100']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /^readforge: error: shard 0\/4: HTTP 400: .*nosuch/);
  assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
  assert.ok(!existsSync(join(dir, 'w1.fq')));
});

test('npm run edge:dev (wrangler dev, Miniflare) serves the bytes workerd serves', async (t) => {
  const port = 8798;
  const state = tempDir(t);
  const dev = spawn(
    'npm',
    [
      ...['run', 'edge:dev', '--', '--ip', '127.0.0.1', '--port', String(port)],
      ...['--s3', `http://127.0.0.1:${S3_PORT}`],
      ...['--persist-to', state],
    ],
    {
      cwd: ROOT,
      // Miniflare's own scratch folder goes in ours: the process group is killed, not stopped.
      env: { ...process.env, TMPDIR: tempDir(t) },
      stdio: 'ignore',
      detached: true, // a process group: npm, node and wrangler's workerd stop together
    },
  );
  try {
    const wrangler = `http://127.0.0.1:${port}/api`;
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${wrangler}/health`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const query of [
      'ref=MT-human&N=3000&S=5&mate=2',
      `ref=ecoli-536-bgzip&N=2000&S=6&region=${encodeURIComponent(`${CONTIG}:10001-90000`)}&gzip=1`,
    ]) {
      const viaWrangler = Buffer.from(
        await (await fetch(`${wrangler}/simulate?${query}`)).arrayBuffer(),
      );
      const viaWorkerd = (await get(query)).body;
      assert.ok(viaWorkerd.length > 10000);
      assert.ok(viaWrangler.equals(viaWorkerd), query);
    }
    // Its KV namespace and cron trigger (wrangler.toml): a shared run is kept, and the
    // scheduled job counts it.
    const posted = await fetch(`${wrangler}/runs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(sampleManifest()),
    });
    assert.equal(posted.status, 201);
    const { id } = await posted.json();
    assert.equal((await (await fetch(`${wrangler}/runs/${id}`)).json()).manifest.stats.pairs, 1000);
    const cron = await fetch(
      `http://127.0.0.1:${port}/cdn-cgi/handler/scheduled?cron=*/30+*+*+*+*`,
    );
    assert.equal(cron.status, 200);
    const stats = await (await fetch(`${wrangler}/stats`)).json();
    assert.equal(stats.runs, 1);
    assert.equal(stats.byReference[0].reference, 'MT-human.fa');
  } finally {
    process.kill(-dev.pid, 'SIGKILL');
  }
});
