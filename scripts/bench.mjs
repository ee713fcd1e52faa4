#!/usr/bin/env node
// Speed and memory of readforge against wgsim, on one machine, in one run (see docs/performance.md).
//   node scripts/bench.mjs [--pairs N] [--repeat K] [--big] [--no-browser]
// --big adds a single 250 Mb contig with gaps (first-pass speed, peak memory); the browser rows
// need the built app (dist-app) and Chromium, as the e2e tests do. Prints tables
// and writes bench/results.json. Every ratio is against wgsim (or the named peer) measured in
// the same run. Each command-line figure is the fastest of K runs (--repeat, 3 by default).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_CASES, browserRows } from './bench/browser.mjs';
import {
  fastqRecords,
  grch38Like,
  measure,
  measureAlternating,
  printTable,
  setRepeats,
  writeAssembly,
  writeCommunity,
  writeStructuralVariants,
  writeReference,
  writeVariants,
} from './bench/lib.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, 'bench');
const args = process.argv.slice(2);
const pairs = Number(args[args.indexOf('--pairs') + 1] || 1000000) || 1000000;
const big = args.includes('--big');
const repeat = args.includes('--repeat') ? Number(args[args.indexOf('--repeat') + 1]) : 3;
setRepeats(repeat);
const native = join(ROOT, 'build/readforge');
const wasmCli = join(ROOT, 'bin/readforge-wasm.mjs');
const node = process.execPath;
mkdirSync(DIR, { recursive: true });
const report = { cpu: `${cpus().length} x ${cpus()[0].model}`, pairs, repeat, sections: {} };

// 1. -N 1,000,000 pairs of 2 x 150 on 5 x 10 Mb whose contigs are 10% N, in gaps of 100 kb to
// 400 kb: readforge places pairs by usable positions, which needs the N runs, from a first pass
// over the reference (as wgsim reads its reference twice) or from the sidecar.
const ref = join(DIR, 'ref-5x10Mb-gaps.fa');
const gaps = (length) => [0.1, 0.35, 0.6, 0.85].map((f, i) => [f * length, (1 + i) * 50_000]);
writeReference(
  ref,
  [1, 2, 3, 4, 5].map((i) => ({ name: `chr${i}`, length: 10_000_000, gaps: gaps(10_000_000) })),
);
// Saved apart from the reference (not as <ref>.gaps.bed) so that runs without --gaps make the pass.
const sidecar = join(DIR, 'saved.gaps.bed');
spawnSync(native, ['index', '-q', '-o', sidecar, ref]);
const workload = ['-N', String(pairs), '-1', '150', '-2', '150', '-S', '11'];
const profile = join(ROOT, 'public/profiles/illumina-like-2x150.profile');
const nul = ['/dev/null', '/dev/null'];
const ART = '/usr/share/art-nextgen-simulation-tools/Illumina_profiles/HiSeq2500L150';
const artProfiles = ['--profile', `${ART}R1.txt,${ART}R2.txt`];
// Library artefacts: a skewed fragment-length histogram (300 to 700, mode 450), and short inserts
// (250 +- 70) reading into TruSeq adapters.
const fragmentHist = join(DIR, 'fragments.tsv');
const histogramLine = (i) =>
  `${300 + i}\t${Math.round(1000 * Math.exp(-0.5 * ((i - 150) / 60) ** 2))}`;
writeFileSync(
  fragmentHist,
  `${Array.from({ length: 401 }, (_, i) => histogramLine(i)).join('\n')}\n`,
);
const adapters = ['-d', '250', '-s', '70', '--adapters', 'truseq'];
const main = [
  ['wgsim', 'wgsim', [...workload, ref, ...nul]],
  ['readforge -t 1 (first pass)', native, ['-q', '-t', '1', ...workload, ref, ...nul]],
  [
    'readforge -t 1 (sidecar)',
    native,
    ['-q', '-t', '1', ...workload, '--gaps', sidecar, ref, ...nul],
  ],
  ['readforge -t 2 (first pass)', native, ['-q', '-t', '2', ...workload, ref, ...nul]],
  ['readforge-wasm (first pass)', node, [wasmCli, '-q', ...workload, ref, ...nul]],
  ['readforge-wasm (sidecar)', node, [wasmCli, '-q', ...workload, '--gaps', sidecar, ref, ...nul]],
  ['readforge -t 1, --profile', native, ['-q', ...workload, '--profile', profile, ref, ...nul]],
  [
    'readforge-wasm, --profile',
    node,
    [wasmCli, '-q', ...workload, '--profile', profile, ref, ...nul],
  ],
  // ART's HiSeq 2500 profiles (Debian's package; their cycles are independent, and they carry
  // insertion and deletion rates), when installed.
  ...(existsSync(`${ART}R1.txt`)
    ? [
        ['readforge -t 1, ART profiles', native, ['-q', ...workload, ...artProfiles, ref, ...nul]],
        [
          'readforge-wasm, ART profiles',
          node,
          [wasmCli, '-q', ...workload, ...artProfiles, ref, ...nul],
        ],
      ]
    : []),
  [
    'readforge -t 2, --profile',
    native,
    ['-q', '-t', '2', ...workload, '--profile', profile, ref, ...nul],
  ],
  [
    'readforge -t 1, --profile, binned',
    native,
    ['-q', ...workload, '--profile', profile, '--quality-bins', 'novaseq', ref, ...nul],
  ],
  ['readforge -t 1, --adapters', native, ['-q', ...workload, ...adapters, ref, ...nul]],
  ['readforge-wasm, --adapters', node, [wasmCli, '-q', ...workload, ...adapters, ref, ...nul]],
  [
    'readforge -t 1, --duplicates --umi',
    native,
    ['-q', ...workload, '--duplicates', '0.1', '--umi', '8', ref, ...nul],
  ],
  ['readforge -t 1, --gc-bias pcr', native, ['-q', ...workload, '--gc-bias', 'pcr', ref, ...nul]],
  [
    'readforge -t 1, --fragment-hist',
    native,
    ['-q', ...workload, '--fragment-hist', fragmentHist, ref, ...nul],
  ],
].map(([name, command, commandArgs]) => ({ name, ...measure(command, commandArgs) }));
const wgsim = main[0].seconds;
for (const r of main) {
  r.pairsPerSecond = pairs / r.seconds;
  r.ratioToWgsim = wgsim / r.seconds;
}
console.log(`${pairs} pairs of 2 x 150 bp to /dev/null, 5 x 10 Mb with 10% N; ${report.cpu}`);
printTable(main, [
  ['run', (r) => r.name, 34],
  ['seconds', (r) => r.seconds.toFixed(2), 9],
  ['pairs/s', (r) => Math.round(r.pairsPerSecond), 10],
  ['x wgsim', (r) => r.ratioToWgsim.toFixed(2), 9],
  ['peak MB', (r) => r.peakMB.toFixed(1), 9],
  ['wasm heap MB', (r) => (r.wasmHeapMB === undefined ? '' : r.wasmHeapMB.toFixed(1)), 14],
]);
report.sections.simulate = main;

// 2. The first pass itself (what `readforge index` saves), native and wasm, and on --big a
// single 250 Mb contig with gaps: its speed, and a whole -N run's peak memory there.
const passes = [
  ['index, 5 x 10 Mb', native, ['index', '-q', '-o', '/dev/null', ref], 50e6],
  ['index (wasm), 5 x 10 Mb', node, [wasmCli, 'index', '-q', '-o', '/dev/null', ref], 50e6],
];
if (big) {
  const bigRef = join(DIR, 'ref-250Mb-gaps.fa');
  writeReference(bigRef, [{ name: 'big', length: 250_000_000, gaps: gaps(250_000_000) }]);
  passes.push(
    ['index, 250 Mb contig', native, ['index', '-q', '-o', '/dev/null', bigRef], 250e6],
    [
      'index (wasm), 250 Mb contig',
      node,
      [wasmCli, 'index', '-q', '-o', '/dev/null', bigRef],
      250e6,
    ],
    ['-N run, 250 Mb contig', native, ['-q', ...workload, bigRef, ...nul], 250e6],
    ['-N run (wasm), 250 Mb contig', node, [wasmCli, '-q', ...workload, bigRef, ...nul], 250e6],
  );
}
const passRows = passes.map(([name, command, commandArgs, bases]) => {
  const m = measure(command, commandArgs);
  return { name, ...m, mbPerSecond: bases / 1e6 / m.seconds };
});
console.log('\nThe first pass (N runs and lengths) and peak memory');
printTable(passRows, [
  ['run', (r) => r.name, 30],
  ['seconds', (r) => r.seconds.toFixed(2), 9],
  ['Mb/s', (r) => Math.round(r.mbPerSecond), 8],
  ['peak MB', (r) => r.peakMB.toFixed(1), 9],
  ['wasm heap MB', (r) => (r.wasmHeapMB === undefined ? '' : r.wasmHeapMB.toFixed(1)), 14],
]);
report.sections.firstPass = passRows;

// 3. Learning a quality profile from FASTQ (the reads of a run with the shipped profile).
const fastq = [join(DIR, 'profile_1.fq'), join(DIR, 'profile_2.fq')];
spawnSync(native, ['-q', ...workload, '--profile', profile, ref, ...fastq]);
const fastqBytes = fastq.reduce((sum, f) => sum + statSync(f).size, 0);
const learnRows = [
  ['readforge profile', native, ['profile', '-q', '-o', '/dev/null', ...fastq]],
  ['readforge-wasm profile', node, [wasmCli, 'profile', '-q', '-o', '/dev/null', ...fastq]],
].map(([name, command, commandArgs]) => {
  const m = measure(command, commandArgs);
  return { name, ...m, mbPerSecond: fastqBytes / 1e6 / m.seconds };
});
console.log(`\nLearning a profile from ${(fastqBytes / 1e6).toFixed(0)} MB of FASTQ (R1 and R2)`);
printTable(learnRows, [
  ['run', (r) => r.name, 30],
  ['seconds', (r) => r.seconds.toFixed(2), 9],
  ['MB/s', (r) => Math.round(r.mbPerSecond), 8],
  ['peak MB', (r) => r.peakMB.toFixed(1), 9],
]);
report.sections.learnProfile = learnRows;

// 4. The sidecar of a whole human-sized genome: GRCh38's chromosome lengths with its kind of
// gaps (telomeres, centromeres, scaffold gaps; about 150 Mb of N in about 900 runs), streamed
// through `readforge index` from a pipe.
const genome = grch38Like();
const genomeOut = join(DIR, 'grch38-like.gaps.bed');
const started = performance.now();
await new Promise((resolve, reject) => {
  const child = spawn(native, ['index', '-q', '-o', genomeOut, '-'], {
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`index: ${code}`))));
  (async () => {
    for (const chunk of genome.fasta()) {
      if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once('drain', r));
    }
    child.stdin.end();
  })().catch(reject);
});
const sidecarBytes = statSync(genomeOut).size;
const genomeRow = {
  bases: genome.bases,
  nBases: genome.nBases,
  runs: genome.runs,
  sidecarBytes,
  seconds: (performance.now() - started) / 1000,
};
console.log(
  `\nA GRCh38-like genome (${(genome.bases / 1e9).toFixed(2)} Gb, ${(genome.nBases / 1e6).toFixed(0)} Mb ` +
    `of N in ${genome.runs} runs): its sidecar is ${(sidecarBytes / 1024).toFixed(1)} KB ` +
    `(${((100 * sidecarBytes) / 2 ** 20).toFixed(1)}% of 1 MB), measured in ` +
    `${genomeRow.seconds.toFixed(1)} s from a pipe`,
);
report.sections.genomeSidecar = genomeRow;

// 5. Planting 1,000,000 known variants (a bgzip VCF; SNPs, insertions, deletions) into the same
// 50 Mb: the cost over the same run without them, natively and in wasm.
const vcf = join(DIR, 'planted-1M.vcf.gz');
writeVariants(ref, vcf, 1_000_000);
/** A VCF planted natively (-t 1, -t 2) and in wasm against the same runs without it. */
function plantingRows(vcfPath) {
  const rows = [];
  for (const [name, command, prefix] of [
    ['readforge -t 1', native, ['-q', '-t', '1']],
    ['readforge -t 2', native, ['-q', '-t', '2']],
    ['readforge-wasm', node, [wasmCli, '-q']],
  ]) {
    const base = [...prefix, ...workload, '--gaps', sidecar];
    const [without, planted] = measureAlternating([
      [command, [...base, ref, ...nul]],
      [command, [...base, '--variants', vcfPath, ref, ...nul]],
    ]);
    rows.push({ name, without, planted, overhead: planted.seconds / without.seconds - 1 });
  }
  return rows;
}
const plantingColumns = [
  ['run', (r) => r.name, 30],
  ['without s', (r) => r.without.seconds.toFixed(2), 11],
  ['planted s', (r) => r.planted.seconds.toFixed(2), 11],
  ['overhead', (r) => `${(100 * r.overhead).toFixed(1)}%`, 10],
  ['peak MB', (r) => r.planted.peakMB.toFixed(1), 9],
];
const plantRows = plantingRows(vcf);
console.log('\nPlanting 1,000,000 variants from a bgzip VCF into the 5 x 10 Mb reference');
printTable(plantRows, plantingColumns);
// What the VCF alone costs (read, parsed, planted and listed, with one pair). Natively that is
// done on a thread of its own, beside the reads: with reads to overlap it, the -t 1 overhead
// above is not this plus a share of the reads.
const onePair = ['-q', '-t', '1', '-N', '1', ...workload.slice(2), '--gaps', sidecar];
const [vcfWithout, vcfPlanted] = measureAlternating([
  [native, [...onePair, ref, ...nul]],
  [native, [...onePair, '--variants', vcf, ref, ...nul]],
]);
const vcfAlone = vcfPlanted.seconds - vcfWithout.seconds;
console.log(
  `readforge -t 1, one pair (-N 1): ${vcfWithout.seconds.toFixed(2)} s without, ` +
    `${vcfPlanted.seconds.toFixed(2)} s planted: the VCF alone ${vcfAlone.toFixed(2)} s ` +
    `(read, parsed and planted on a thread of its own, beside the reads)`,
);
report.sections.plantVcfAlone = { without: vcfWithout, planted: vcfPlanted, vcfAlone };

// 5b. Planting 10,000 symbolic structural variants (<DEL>, <DUP>, <INV>, <INS> in turn, 100 bp
// to 10 kb) into the same 50 Mb: issue 30 asks for at most 25% over the run without them.
const svs = join(DIR, 'structural-10k.vcf.gz');
const svCount = writeStructuralVariants(ref, svs, 10_000);
const svRows = plantingRows(svs);
console.log(
  `\nPlanting ${svCount.toLocaleString('en')} structural variants into the same reference`,
);
printTable(svRows, plantingColumns);
report.sections.plantStructural = svRows;

// 6. Writing files, plain and compressed: wgsim (and wgsim then `gzip -1`, as a pipeline would
// compress its reads) against readforge's BGZF output on one and two threads, native and wasm.
const out = join(DIR, 'out');
mkdirSync(out, { recursive: true });
const files = (suffix) => [join(out, `r1.fq${suffix}`), join(out, `r2.fq${suffix}`)];
const wgsimFiles = measure('wgsim', [...workload, ref, ...files('')]);
// To other names (not in place), so that each repeat finds wgsim's files.
const gzipBoth = measure('bash', [
  '-c',
  files('')
    .map((f) => `gzip -1 -c ${f} > ${f}.wgsim.gz`)
    .join(' && '),
]);
const compressRows = [
  { name: 'wgsim, files', ...wgsimFiles },
  {
    name: 'wgsim, then gzip -1 of both',
    seconds: wgsimFiles.seconds + gzipBoth.seconds,
    peakMB: Math.max(wgsimFiles.peakMB, gzipBoth.peakMB),
  },
  ...[
    ['readforge -t 1, files', native, ['-q', '-t', '1', ...workload, ref, ...files('')]],
    ['readforge -t 1, .gz', native, ['-q', '-t', '1', ...workload, ref, ...files('.gz')]],
    ['readforge -t 2, .gz', native, ['-q', '-t', '2', ...workload, ref, ...files('.gz')]],
    ['readforge-wasm, files', node, [wasmCli, '-q', ...workload, ref, ...files('')]],
    [
      'readforge-wasm -t 2, files',
      node,
      [wasmCli, '-q', '-t', '2', ...workload, ref, ...files('')],
    ],
    ['readforge-wasm, .gz', node, [wasmCli, '-q', ...workload, ref, ...files('.gz')]],
    [
      'readforge-wasm -t 2, .gz',
      node,
      [wasmCli, '-q', '-t', '2', ...workload, ref, ...files('.gz')],
    ],
  ].map(([name, command, commandArgs]) => ({ name, ...measure(command, commandArgs) })),
];
const pipeline = compressRows[1].seconds;
for (const r of compressRows) {
  r.ratioToWgsim = wgsimFiles.seconds / r.seconds;
  r.ratioToPipeline = pipeline / r.seconds;
}
console.log('\nWriting files (1,000,000 pairs of 2 x 150 on 5 x 10 Mb), plain and compressed');
printTable(compressRows, [
  ['run', (r) => r.name, 30],
  ['seconds', (r) => r.seconds.toFixed(2), 9],
  ['x wgsim', (r) => r.ratioToWgsim.toFixed(2), 9],
  ['x wgsim+gzip', (r) => r.ratioToPipeline.toFixed(2), 14],
  ['peak MB', (r) => r.peakMB.toFixed(1), 9],
]);
report.sections.writingFiles = compressRows;

// 9. Truth alignments: the same 1,000,000 pairs written as FASTQ.gz, then as FASTQ.gz and the
// golden BAM with its index (--bam), alternated round by round: what the BAM costs on the same
// threads, natively and in wasm. The BAM is about as large as both FASTQ files and compressing
// it costs about what compressing them does, which is most of a .gz run.
const bam = join(out, 'golden.bam');
const truthCases = [
  ['readforge -t 1', native, ['-q', '-t', '1']],
  ['readforge -t 2', native, ['-q', '-t', '2']],
  ['readforge-wasm', node, [wasmCli, '-q']],
  ['readforge-wasm -t 2', node, [wasmCli, '-q', '-t', '2']],
];
const truthRows = [];
for (const [name, command, prefix] of truthCases) {
  const fastqArgs = [...prefix, ...workload, '--gaps', sidecar, ref, ...files('.gz')];
  const [fastqOnly, withBam] = measureAlternating([
    [command, fastqArgs],
    [command, [...prefix, ...workload, '--gaps', sidecar, '--bam', bam, ref, ...files('.gz')]],
  ]);
  truthRows.push({ name: `${name}, FASTQ.gz`, ...fastqOnly, ratio: 1 });
  truthRows.push({
    name: `${name}, FASTQ.gz + BAM`,
    ...withBam,
    ratio: withBam.seconds / fastqOnly.seconds,
  });
}
if (big) {
  const bigRef = join(DIR, 'ref-250Mb-gaps.fa');
  truthRows.push({
    name: 'readforge, BAM, 250 Mb contig',
    ...measure(native, ['-q', ...workload, '--bam', bam, bigRef, ...files('.gz')]),
  });
}
for (const r of truthRows) r.ratioToWgsim = wgsimFiles.seconds / r.seconds;
console.log(
  '\nTruth alignments: 1,000,000 pairs of 2 x 150 as FASTQ.gz, and with --bam (and its .bai)',
);
printTable(truthRows, [
  ['run', (r) => r.name, 36],
  ['seconds', (r) => r.seconds.toFixed(2), 9],
  ['x FASTQ.gz', (r) => (r.ratio === undefined ? '' : r.ratio.toFixed(2)), 12],
  ['x wgsim', (r) => r.ratioToWgsim.toFixed(2), 9],
  ['peak MB', (r) => r.peakMB.toFixed(1), 9],
]);
report.sections.truthAlignments = truthRows;

// 10. Scoring: `readforge eval` and `wgsim_eval.pl alneval` on the same SAM (the golden BAM of
// the run above as text: 2,000,000 lines with readforge's names), and readforge eval on the BAM.
const sam = join(out, 'golden.sam');
spawnSync('samtools', ['view', '-o', sam, bam]);
const evalRows = [
  { name: 'wgsim_eval.pl alneval, SAM', ...measure('wgsim_eval.pl', ['alneval', sam]) },
  { name: 'readforge eval, SAM', ...measure(native, ['eval', '-q', sam]) },
  { name: 'readforge eval, BAM', ...measure(native, ['eval', '-q', bam]) },
  { name: 'readforge-wasm eval, SAM', ...measure(node, [wasmCli, 'eval', '-q', sam]) },
  { name: 'readforge eval --truth, BAM', ...measure(native, ['eval', '-q', '--truth', bam, bam]) },
];
for (const r of evalRows) r.speedup = evalRows[0].seconds / r.seconds;
console.log('\nScoring alignments: 2,000,000 records of readforge reads');
printTable(evalRows, [
  ['run', (r) => r.name, 32],
  ['seconds', (r) => r.seconds.toFixed(2), 9],
  ['x alneval', (r) => r.speedup.toFixed(1), 11],
  ['peak MB', (r) => r.peakMB.toFixed(1), 9],
]);
report.sections.eval = evalRows;

// 7. References of many sequences (draft assemblies, transcriptomes): 10,000, 100,000 and
// 1,000,000 contigs of 300 bp, as many pairs as contigs, against wgsim on the same file; the
// pairs each writes (wgsim skips contigs shorter than its fragments) and peak memory.
const scaleRows = [];
for (const count of [10_000, 100_000, 1_000_000]) {
  const assembly = join(DIR, `assembly-${count}x300.fa`);
  writeAssembly(assembly, count, 300);
  const scale = ['-N', String(count), '-1', '100', '-2', '100', '-d', '200', '-s', '20', '-S', '3'];
  const read1 = join(out, 'scale_1.fq');
  for (const [name, command, prefix] of [
    ['wgsim', 'wgsim', []],
    ['readforge -t 1', native, ['-q', '-t', '1']],
    ['readforge-wasm', node, [wasmCli, '-q']],
  ]) {
    const m = measure(command, [...prefix, ...scale, assembly, read1, '/dev/null']);
    scaleRows.push({ name: `${name}, ${count.toLocaleString('en')} contigs`, count, ...m });
    scaleRows.at(-1).pairsWritten = fastqRecords(read1);
  }
}
for (const r of scaleRows) {
  const peer = scaleRows.find((w) => w.count === r.count && w.name.startsWith('wgsim'));
  r.ratioToWgsim = peer.seconds / r.seconds;
  r.bytesPerContig = (r.peakMB * 2 ** 20) / r.count;
}
console.log('\nMany contigs: N contigs of 300 bp, -N N -1 100 -2 100 -d 200 -s 20');
// Runs against wgsim that count the pairs they wrote (wgsim skips contigs too short for it).
const pairsWrittenColumns = (nameWidth) => [
  ['run', (r) => r.name, nameWidth],
  ['seconds', (r) => r.seconds.toFixed(2), 9],
  ['x wgsim', (r) => r.ratioToWgsim.toFixed(2), 9],
  ['pairs written', (r) => r.pairsWritten, 15],
  ['peak MB', (r) => r.peakMB.toFixed(1), 9],
];
printTable(scaleRows, pairsWrittenColumns(36));
report.sections.manyContigs = scaleRows;

// 7b. A community: 100 draft genomes of 50 to 5,000 contigs (500 to 1,500 bp, so wgsim skips
// none) at abundances from an abundance table, against wgsim on the same concatenated FASTA.
const community = join(DIR, 'community-100.fa');
const communityMap = join(DIR, 'community-100.map.tsv');
const communityShares = join(DIR, 'community-100.abundance.tsv');
const communityContigs = writeCommunity(community, communityMap, communityShares, 100);
const communityRun = ['-N', String(pairs), '-1', '150', '-2', '150', '-d', '300', '-s', '30'];
const communityRows = [];
for (const [name, command, prefix] of [
  ['wgsim', 'wgsim', ['-S', '5']],
  ['readforge -t 1, by length', native, ['-q', '-S', '5']],
  [
    'readforge -t 1, --genome-map --abundance',
    native,
    ['-q', '-S', '5', '--genome-map', communityMap, '--abundance', communityShares],
  ],
  [
    'readforge-wasm, --genome-map --abundance',
    node,
    [wasmCli, '-q', '-S', '5', '--genome-map', communityMap, '--abundance', communityShares],
  ],
]) {
  const read1 = join(out, 'community_1.fq');
  const m = measure(command, [...prefix, ...communityRun, community, read1, '/dev/null']);
  communityRows.push({ name, ...m, pairsWritten: fastqRecords(read1) });
}
for (const r of communityRows) r.ratioToWgsim = communityRows[0].seconds / r.seconds;
console.log(
  `\nA community: 100 genomes, ${communityContigs.toLocaleString('en')} contigs, ` +
    `-N ${pairs} -1 150 -2 150 -d 300 -s 30`,
);
printTable(communityRows, pairsWrittenColumns(42));
report.sections.community = communityRows;

// 8. The browser app (Chromium, Playwright), from the built-in E. coli into the origin-private
// file system, against wgsim writing the same run's files and against the write ceiling.
if (!args.includes('--no-browser')) {
  const ecoli = join(DIR, 'ecoli-536.fa');
  if (!existsSync(ecoli))
    spawnSync('bash', ['-c', `gzip -dc public/refs/ecoli-536.fa.gz > ${ecoli}`], { cwd: ROOT });
  const wgsimEcoli = measure('wgsim', [
    '-N',
    String(pairs),
    '-1',
    '150',
    '-2',
    '150',
    '-S',
    '11',
    ecoli,
    ...files(''),
  ]);
  const browser = await browserRows(ROOT, BROWSER_CASES(pairs));
  const ceiling = browser.at(-1).seconds;
  const plainBytes = browser.at(-1).bytes;
  const browserTable = [
    { name: 'wgsim, files (E. coli)', seconds: wgsimEcoli.seconds, bytes: plainBytes },
    ...browser,
  ];
  for (const r of browserTable) {
    r.fastqMBps = plainBytes / 1e6 / r.seconds;
    r.ratioToWgsim = wgsimEcoli.seconds / r.seconds;
    r.ratioToCeiling = r.seconds / ceiling;
  }
  console.log(`\nThe app in Chromium: ${pairs} pairs of 2 x 150 from the built-in E. coli, saved`);
  printTable(browserTable, [
    ['run', (r) => r.name, 42],
    ['seconds', (r) => r.seconds.toFixed(2), 9],
    ['FASTQ MB/s', (r) => r.fastqMBps.toFixed(0), 12],
    ['x wgsim', (r) => r.ratioToWgsim.toFixed(2), 9],
    ['/ ceiling', (r) => r.ratioToCeiling.toFixed(2), 11],
    ['renderer MB', (r) => (r.rendererMB === undefined ? '' : r.rendererMB.toFixed(0)), 13],
    ['browser MB', (r) => (r.totalMB === undefined ? '' : r.totalMB.toFixed(0)), 12],
  ]);
  report.sections.browser = browserTable;
}

writeFileSync(join(DIR, 'results.json'), JSON.stringify(report, null, 2));
console.log(`\nfigures written to ${join(DIR, 'results.json')}`);
