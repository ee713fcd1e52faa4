#!/usr/bin/env node
// A local S3-compatible server (s3rver) on loopback with the demo references, for development
// and tests: bucket "readforge-demo" holds each as plain FASTA + .fai and as bgzip + .fai + .gzi
// (indexes by samtools faidx, compression by bgzip), each with its N runs (.gaps.bed, from
// `readforge index`), with CORS rules that let the app read ranges.
// Usage: node scripts/local-s3.mjs [port]  (default 4568; stops on Ctrl-C).
import S3rver from 's3rver';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  copyFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.argv[2] ?? process.env.S3_PORT ?? 4568);
export const BUCKET = 'readforge-demo';

/** The mitochondrion's bases (the demo VCFs and community are made from them). */
const mtBases = () =>
  readFileSync(join(ROOT, 'public/refs/MT-human.fa'), 'latin1').split('\n').slice(1).join('');

/** The files of the bucket, made once into build-s3/ with samtools and bgzip. */
function stage() {
  const dir = join(ROOT, 'build-s3');
  mkdirSync(dir, { recursive: true });
  const sources = {
    'MT-human.fa': () => readFileSync(join(ROOT, 'public/refs/MT-human.fa')),
    'ecoli-536.fa': () => gunzipSync(readFileSync(join(ROOT, 'public/refs/ecoli-536.fa.gz'))),
  };
  for (const [name, bytes] of Object.entries(sources)) {
    const plain = join(dir, name);
    if (!existsSync(`${plain}.fai`)) {
      writeFileSync(plain, bytes());
      execFileSync('samtools', ['faidx', plain]);
    }
    if (!existsSync(`${plain}.gz.gzi`)) {
      const compressed = `${plain}.gz`;
      execFileSync('bash', [
        '-c',
        `bgzip -c -i -I '${compressed}.gzi' '${plain}' > '${compressed}'`,
      ]);
      execFileSync('samtools', ['faidx', compressed]);
    }
    for (const file of [plain, `${plain}.gz`]) {
      if (!existsSync(`${file}.gaps.bed`))
        execFileSync(join(ROOT, 'build/readforge'), ['index', '-q', file]);
    }
  }
  // A VCF of known variants on the mitochondrial genome (SNPs, insertions, deletions; phased and
  // not), plain and bgzip with a tabix index: the edge's configured VCF for planting.
  const vcf = join(dir, 'MT-human-calls.vcf');
  if (!existsSync(`${vcf}.gz.tbi`)) {
    const bases = mtBases().toUpperCase();
    let text = '##fileformat=VCFv4.2\n##contig=<ID=MT_human,length=16569>\n';
    text += '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tDEMO\n';
    for (let pos = 150, k = 0; pos < 16400; pos += 211, k++) {
      const ref = bases.slice(pos, pos + (k % 3 === 2 ? 6 : 1));
      const alt = [ref === 'A' ? 'G' : 'A', `${ref}TTG`, ref[0]][k % 3];
      const gt = ['1|1', '0|1', '1/0'][k % 3];
      text += `MT_human\t${pos + 1}\t.\t${ref}\t${alt}\t.\tPASS\t.\tGT\t${gt}\n`;
    }
    writeFileSync(vcf, text);
    execFileSync('bash', ['-c', `bgzip -c '${vcf}' > '${vcf}.gz' && tabix -f -p vcf '${vcf}.gz'`]);
  }
  // A tumour's somatic SNVs beside those calls, as a caller writes them (no INFO/SOMATIC; one
  // subclonal): the edge's configured table for somatic=.
  const somatic = join(dir, 'MT-human-somatic.vcf');
  if (!existsSync(somatic)) {
    const bases = mtBases().toUpperCase();
    let text = '##fileformat=VCFv4.2\n##contig=<ID=MT_human,length=16569>\n';
    text += '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n';
    for (let pos = 1000, k = 0; pos < 16000; pos += 1500, k++) {
      const ref = bases[pos];
      const info = k % 2 ? 'CCF=0.3' : '.';
      text += `MT_human\t${pos + 1}\t.\t${ref}\t${ref === 'C' ? 'T' : 'C'}\t.\tPASS\t${info}\tGT\t0/1\n`;
    }
    writeFileSync(somatic, text);
  }
  // A small community (the mitochondrion cut into three contigs of two genomes), with its genome
  // map and abundances, and an amplicon panel on the mitochondrion: the edge's configured tables.
  writeFileSync(
    join(dir, 'MT-human-copies.bed'),
    'MT_human\t2000\t6000\t3\nMT_human\t9000\t12000\t1\t0|1\n',
  );
  const community = join(dir, 'mini-community.fa');
  if (!existsSync(`${community}.gaps.bed`)) {
    const bases = mtBases();
    const contigs = [
      ['x1', bases.slice(0, 6000)],
      ['x2', bases.slice(6000, 9000)],
      ['y1', bases.slice(9000)],
    ];
    writeFileSync(community, contigs.map(([name, seq]) => `>${name}\n${seq}\n`).join(''));
    execFileSync('samtools', ['faidx', community]);
    execFileSync(join(ROOT, 'build/readforge'), ['index', '-q', community]);
    writeFileSync(join(dir, 'mini-community.map.tsv'), 'x1\tX\nx2\tX\ny1\tY\n');
    writeFileSync(join(dir, 'mini-community.abundance.tsv'), 'genome\tabundance\nX\t1\nY\t3\n');
    writeFileSync(
      join(dir, 'MT-human-panel.bed'),
      'MT_human\t1000\t1400\tamp1\nMT_human\t1300\t1700\tamp2\t2\nMT_human\t9000\t9300\tamp3\n',
    );
  }
  return dir;
}

const CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>
<AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader>
<ExposeHeader>Content-Range</ExposeHeader><ExposeHeader>Accept-Ranges</ExposeHeader>
<ExposeHeader>Content-Length</ExposeHeader><MaxAgeSeconds>3600</MaxAgeSeconds></CORSRule>
</CORSConfiguration>`;

const staged = stage();
const directory = mkdtempSync(join(tmpdir(), 'readforge-s3-'));
const server = new S3rver({
  port,
  address: '127.0.0.1',
  silent: true,
  directory,
  configureBuckets: [{ name: BUCKET, configs: [CORS] }],
});
await server.run();
const endpoint = `http://127.0.0.1:${port}`;
for (const name of [
  'MT-human.fa',
  'MT-human.fa.fai',
  'MT-human.fa.gz',
  'MT-human.fa.gz.fai',
  'MT-human.fa.gz.gzi',
  'MT-human.fa.gaps.bed',
  'MT-human.fa.gz.gaps.bed',
  'ecoli-536.fa',
  'ecoli-536.fa.fai',
  'ecoli-536.fa.gz',
  'ecoli-536.fa.gz.fai',
  'ecoli-536.fa.gz.gzi',
  'ecoli-536.fa.gaps.bed',
  'ecoli-536.fa.gz.gaps.bed',
  'MT-human-calls.vcf',
  'MT-human-calls.vcf.gz',
  'MT-human-calls.vcf.gz.tbi',
  'mini-community.fa',
  'mini-community.fa.fai',
  'mini-community.fa.gaps.bed',
  'mini-community.map.tsv',
  'mini-community.abundance.tsv',
  'MT-human-panel.bed',
  'MT-human-copies.bed',
  'MT-human-somatic.vcf',
]) {
  const response = await fetch(`${endpoint}/${BUCKET}/${name}`, {
    method: 'PUT',
    body: readFileSync(join(staged, name)),
  });
  if (!response.ok) throw new Error(`cannot upload ${name}: HTTP ${response.status}`);
}
console.log(`local S3: ${endpoint}, bucket ${BUCKET} (s3://${BUCKET}/ecoli-536.fa.gz and others)`);
// The bucket's folder goes with the server.
process.on('exit', () => rmSync(directory, { recursive: true, force: true }));
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
process.on('SIGINT', () => server.close().then(() => process.exit(0)));
