// --variants at a URL: a bgzip VCF with a tabix (.tbi) or CSI index is read by region, fetching
// a small part of it; a plain one streams whole. Either way the reads, truth VCF and planted
// counts are those of the native CLI given the same VCF as a local file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
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

const dir = scratchDir('readforge-remote-vcf-');
const LENGTH = 2_000_000;
let server;

const wasmRun = (args) => runAsync(process.execPath, [WASM_CLI, ...args], { cwd: dir });

/**
 * Calls on one contig: a SNP every 20 bases and a 30-base deletion every 997, which overlaps
 * the SNPs after it (the first of two overlapping records wins) and crosses region edges.
 */
function calls(contig, bases) {
  const lines = [
    '##fileformat=VCFv4.2',
    `##contig=<ID=${contig},length=${bases.length}>`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
  ];
  const other = { A: 'C', C: 'G', G: 'T', T: 'A' };
  const genotypes = ['1|0', '0|1', '1|1', '0/1'];
  for (let pos = 20; pos < bases.length - 100; pos++) {
    const gt = genotypes[pos % 4];
    if (pos % 997 === 0) {
      const ref = bases.slice(pos - 1, pos + 30);
      lines.push(`${contig}\t${pos}\t.\t${ref}\t${ref[0]}\t50\tPASS\t.\tGT\t${gt}`);
    } else if (pos % 20 === 0) {
      const ref = bases[pos - 1];
      lines.push(`${contig}\t${pos}\t.\t${ref}\t${other[ref]}\t50\tPASS\t.\tGT\t${gt}`);
    }
  }
  return lines.join('\n') + '\n';
}

before(async () => {
  const bases = randomBases(LENGTH, 31);
  write(join(dir, 'ref.fa'), `>chrV\n${wrap(bases)}`);
  assert.equal(run('samtools', ['faidx', 'ref.fa'], { cwd: dir }).status, 0);
  assert.equal(run(NATIVE, ['index', '-q', 'ref.fa'], { cwd: dir }).status, 0);
  write(join(dir, 'calls.vcf'), calls('chrV', bases));
  assert.equal(run('bgzip', ['-k', '-f', 'calls.vcf'], { cwd: dir }).status, 0);
  assert.equal(run('tabix', ['-f', '-p', 'vcf', 'calls.vcf.gz'], { cwd: dir }).status, 0);
  copyFileSync(join(dir, 'calls.vcf.gz'), join(dir, 'csi.vcf.gz'));
  assert.equal(run('tabix', ['-f', '-C', '-p', 'vcf', 'csi.vcf.gz'], { cwd: dir }).status, 0);
  copyFileSync(join(dir, 'calls.vcf.gz'), join(dir, 'noindex.vcf.gz'));
  server = await rangeServer(dir);
});

after(() => server.close());

const ARGS = ['-S', '8', '-N', '4000', '--region', 'chrV:1000001-1100000', '--vcf', 'truth.vcf'];

/** The native CLI's reads and truth VCF with the VCF as a local file: what every run must give. */
function nativeRun() {
  const r = run(NATIVE, [...ARGS, '--variants', 'calls.vcf.gz', 'ref.fa', 'n1.fq', 'n2.fq'], {
    cwd: dir,
  });
  assert.equal(r.status, 0, r.stderr);
  return {
    r1: read(join(dir, 'n1.fq')),
    r2: read(join(dir, 'n2.fq')),
    truth: read(join(dir, 'truth.vcf')),
  };
}

test('a remote bgzip VCF with a .tbi or .csi: only its regions fetched, the native reads', async () => {
  const expected = nativeRun();
  const planted = expected.truth
    .split('\n')
    .filter((l) => /\tPLANTED/.test(l) || /;PLANTED/.test(l));
  assert.ok(planted.length > 4000, `${planted.length} planted records in the truth VCF`);
  const size = statSync(join(dir, 'calls.vcf.gz')).size;
  for (const vcf of ['calls.vcf.gz', 'csi.vcf.gz']) {
    for (const ref of ['ref.fa', `${server.base}/ok/ref.fa`]) {
      const url = `${server.base}/ok/${vcf}`;
      const r = await wasmRun([...ARGS, '--variants', url, ref, 'w1.fq', 'w2.fq']);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(read(join(dir, 'w1.fq')) === expected.r1, `${vcf} with ${ref}: read 1 differs`);
      assert.ok(read(join(dir, 'w2.fq')) === expected.r2, `${vcf} with ${ref}: read 2 differs`);
      assert.ok(read(join(dir, 'truth.vcf')) === expected.truth, `${vcf}: the truth VCF differs`);
      const fetched = Number(new RegExp(`fetched (\\d+) bytes of ${url} `).exec(r.stderr)[1]);
      // 100 kb of 2 Mb: about 5% of the records, plus the header and the index.
      assert.ok(fetched < size / 8, `${vcf}: fetched ${fetched} of ${size} bytes`);
    }
  }
});

test('a remote VCF with no index (bgzip or plain) streams whole, with the same reads', async () => {
  const expected = nativeRun();
  for (const vcf of ['noindex.vcf.gz', 'calls.vcf']) {
    const url = `${server.base}/ok/${vcf}`;
    const r = await wasmRun([...ARGS, '--variants', url, 'ref.fa', 'w1.fq', 'w2.fq']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(read(join(dir, 'w1.fq')) === expected.r1, `${vcf}: read 1 differs`);
    assert.ok(read(join(dir, 'truth.vcf')) === expected.truth, `${vcf}: the truth VCF differs`);
    const fetched = Number(new RegExp(`fetched (\\d+) bytes of ${url} `).exec(r.stderr)[1]);
    assert.equal(fetched, statSync(join(dir, vcf)).size, `${vcf}: the whole file`);
  }
});

test('an unreachable or damaged remote VCF is a clear error that names it', async () => {
  write(join(dir, 'bad.vcf.gz'), 'not gzip at all\n');
  write(join(dir, 'bad.vcf.gz.tbi'), 'not an index\n');
  const cases = [
    ['missing.vcf.gz', /missing\.vcf\.gz: not found \(HTTP 404\)/],
    ['bad.vcf.gz', /bad\.vcf\.gz(\.tbi)?: .*(BGZF|bgzip|gzip|index)/i],
  ];
  for (const [vcf, message] of cases) {
    const url = `${server.base}/ok/${vcf}`;
    const r = await wasmRun([...ARGS, '--variants', url, 'ref.fa', 'e1.fq', 'e2.fq']);
    assert.equal(r.status, 1, `${vcf}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
  }
});
