// The browser app as a person uses it, on local references, checked byte for byte against the
// native CLI. Saving without the File System Access API: downloads.spec.ts; remote references
// and the server: remote.spec.ts.
import { expect } from '@playwright/test';
import { execSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  openApp,
  cliArgs,
  expectCoverageOf,
  MT,
  multiContigFasta,
  nativeRun,
  readSaved,
  ROOT,
  savedNames,
  setOption,
  SHOTS,
  simulateAndWait,
  test,
  useOpfsFolder,
  watchConsole,
  scratchDir,
} from './helpers';

test('demo reference, default options: the saved FASTQ and VCF are the CLI bytes', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  await openApp(page);
  await page.screenshot({ path: join(SHOTS, '1-form.png'), fullPage: true });
  await simulateAndWait(page);
  await page.screenshot({ path: join(SHOTS, '2-done.png'), fullPage: true });
  expect(await savedNames(page)).toEqual(['MT-human.vcf', 'MT-human_R1.fq', 'MT-human_R2.fq']);
  const expected = nativeRun(cliArgs(new URL(page.url()).hash), MT, ['1.fq', '2.fq'], true);
  expect((await readSaved(page, 'MT-human_R1.fq')).equals(expected.fastq[0])).toBe(true);
  expect((await readSaved(page, 'MT-human_R2.fq')).equals(expected.fastq[1])).toBe(true);
  expect((await readSaved(page, 'MT-human.vcf')).equals(expected.vcf!)).toBe(true);
  await expect(page.locator('#summary')).toContainText('100,000');
  await expect(page.locator('#preview')).toContainText('@MT_human_');
  expect(problems).toEqual([]);
});

test('a local multi-contig FASTA with regions, single-end, interleaved and gzip', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  const fasta = multiContigFasta();
  await openApp(page);
  await page.locator('#fasta-file').setInputFiles(fasta);
  await page.locator('#regions').fill('chrA:5001-30000\nchrC');
  await setOption(page, 'pairs', '3000');
  await setOption(page, 'read2-length', '0');
  await setOption(page, 'read1-length', '120');
  await page.locator('#out-gzip').check();
  await simulateAndWait(page);
  expect(await savedNames(page)).toEqual(['sample.fq.gz', 'sample.vcf.gz']);
  let expected = nativeRun(cliArgs(new URL(page.url()).hash), fasta, ['s.fq'], true);
  expect((await readSaved(page, 'sample.fq.gz')).equals(expected.fastq[0])).toBe(true);
  expect((await readSaved(page, 'sample.vcf.gz')).equals(expected.vcf!)).toBe(true);
  // BGZF from the engine: the compressed bytes of the command line's --gzip run.
  const compressed = nativeRun(
    [...cliArgs(new URL(page.url()).hash), '--gzip'],
    fasta,
    ['s.fq'],
    true,
  );
  expect((await readSaved(page, 'sample.fq.gz', true)).equals(compressed.fastq[0])).toBe(true);
  expect((await readSaved(page, 'sample.vcf.gz', true)).equals(compressed.vcf!)).toBe(true);

  // Paired again, interleaved, plain text, no VCF.
  await setOption(page, 'read2-length', '100');
  await page.locator('#opt-interleaved').check();
  await page.locator('#out-gzip').uncheck();
  await page.locator('#out-vcf').uncheck();
  await simulateAndWait(page);
  expect(await savedNames(page)).toEqual(['sample_interleaved.fq']);
  expected = nativeRun(cliArgs(new URL(page.url()).hash), fasta, ['i.fq']);
  expect((await readSaved(page, 'sample_interleaved.fq')).equals(expected.fastq[0])).toBe(true);
  expect(problems).toEqual([]);
});

test('a gapped FASTA: -N exact, measured in the scan phase or read from a dropped sidecar', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  // chrA with a 10 kb gap, chrB all N: every pair must land on chrA's sequence.
  const plain = readFileSync(multiContigFasta(), 'latin1').split('>chrB')[0];
  const lines = plain.split('\n');
  for (let i = 100; i < 267; i++) lines[i] = 'N'.repeat(60);
  const fasta = join(scratchDir('rf-gaps-'), 'gapped.fa');
  writeFileSync(fasta, `${lines.join('\n')}>chrB\n${'N'.repeat(5000)}\n`);
  execSync(`samtools faidx ${fasta} && ${join(ROOT, 'build/readforge')} index -q ${fasta}`);
  await openApp(page);
  await page.locator('#fasta-file').setInputFiles(fasta);
  await setOption(page, 'pairs', '3000');
  await simulateAndWait(page);
  const expected = nativeRun(cliArgs(new URL(page.url()).hash), fasta, ['1.fq', '2.fq']);
  const first = await readSaved(page, 'gapped_R1.fq');
  expect(first.equals(expected.fastq[0])).toBe(true);
  expect(first.toString().split('\n').length).toBe(3000 * 4 + 1);
  expect(first.toString()).not.toContain('@chrB_');
  // The coverage plot: no pair starts in the gap or on chrB, whose bins are all N.
  await expectCoverageOf(page, fasta, first);
  // With the .fai and the sidecar dropped beside it: no scan, the same bytes.
  await page.locator('#fai-file').setInputFiles([`${fasta}.fai`, `${fasta}.gaps.bed`]);
  await expect(page.locator('#reference-error')).toHaveText(
    'Using gapped.fa with gapped.fa.fai and gapped.fa.gaps.bed',
  );
  await simulateAndWait(page);
  expect((await readSaved(page, 'gapped_R2.fq')).equals(expected.fastq[1])).toBe(true);
  expect(problems).toEqual([]);
});

test('quality profiles: the built-in one, and one learned here from FASTQ, give the CLI bytes', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  const bodies: number[] = [];
  page.on('request', (r) => bodies.push(r.postDataBuffer()?.length ?? 0));
  // Real-looking reads to learn from: what the CLI makes with the shipped profile.
  const dir = scratchDir('rf-fastq-');
  const shipped = join(ROOT, 'public/profiles/illumina-like-2x150.profile');
  const cli = join(ROOT, 'build/readforge');
  execSync(`${cli} -q -S 2 -N 3000 -1 150 -2 150 --profile ${shipped} ${MT} r1.fq r2.fq`, {
    cwd: dir,
  });
  execSync('gzip r2.fq', { cwd: dir });
  const expectedProfile = execSync(`${cli} profile -q r1.fq r2.fq.gz`, { cwd: dir });
  writeFileSync(join(dir, 'learned.profile'), expectedProfile);

  await openApp(page);
  await setOption(page, 'pairs', '2000');
  await setOption(page, 'read1-length', '150');
  await setOption(page, 'read2-length', '150');
  await page.getByLabel(/Illumina-like 2x150/).check();
  await expect(page.locator('#profile-figure')).toBeVisible();
  await expect(page.locator('#opt-error-rate')).toBeDisabled();
  await simulateAndWait(page);
  await expect(page.locator('#quality-figure')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, '5-profile.png'), fullPage: true });
  let expected = nativeRun(cliArgs(new URL(page.url()).hash), MT, ['1.fq', '2.fq']);
  expect((await readSaved(page, 'MT-human_R1.fq')).equals(expected.fastq[0])).toBe(true);
  expect((await readSaved(page, 'MT-human_R2.fq')).equals(expected.fastq[1])).toBe(true);
  // NovaSeq's quality bins (under Advanced): the link carries them, and only their values appear.
  await page.locator('#advanced summary').click();
  await page.locator('#opt-quality-bins').selectOption('novaseq');
  await simulateAndWait(page);
  expect(new URL(page.url()).hash).toContain('quality-bins=novaseq');
  const binned = nativeRun(cliArgs(new URL(page.url()).hash), MT, ['1.fq', '2.fq']);
  const saved = await readSaved(page, 'MT-human_R1.fq');
  expect(saved.equals(binned.fastq[0])).toBe(true);
  const shown = new Set(
    saved
      .toString()
      .split('\n')
      .filter((_, i) => i % 4 === 3)
      .join(''),
  );
  expect([...shown].every((q) => '#-8F'.includes(q))).toBe(true);
  await page.locator('#opt-quality-bins').selectOption('');

  // Learned in the Worker from the person's FASTQ (gzip too): the bytes `readforge profile`
  // writes, saved as a file, and used for a run.
  await page.getByLabel(/Learned from my FASTQ/).check();
  await page.locator('#fastq-file').setInputFiles([join(dir, 'r1.fq'), join(dir, 'r2.fq.gz')]);
  await page.getByRole('button', { name: 'Learn the profile' }).click();
  await expect(page.locator('#profile-info')).toContainText('learned from r1.fq, r2.fq.gz', {
    timeout: 30_000,
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save this profile' }).click(),
  ]);
  expect(readFileSync((await download.path())!).equals(expectedProfile)).toBe(true);
  await simulateAndWait(page);
  expected = nativeRun(cliArgs(new URL(page.url()).hash, join(dir, 'learned.profile')), MT, [
    '1.fq',
    '2.fq',
  ]);
  expect((await readSaved(page, 'MT-human_R1.fq')).equals(expected.fastq[0])).toBe(true);
  // The reads never left the page: no request carried a body.
  expect(bodies.filter((n) => n > 0)).toEqual([]);
  expect(problems).toEqual([]);
});

test('fragment lengths learned here from a BAM: the histogram and the reads of the CLI', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  const bodies: number[] = [];
  page.on('request', (r) => bodies.push(r.postDataBuffer()?.length ?? 0));
  // Alignments to learn from: a run's golden BAM stands in for an aligner's.
  const dir = scratchDir('rf-fragments-');
  const cli = join(ROOT, 'build/readforge');
  execSync(`${cli} -q -S 2 -N 4000 -d 300 -s 40 --bam pairs.bam ${MT} r1.fq r2.fq`, { cwd: dir });
  const expectedHistogram = execSync(`${cli} profile -q --fragments pairs.bam`, { cwd: dir });

  await openApp(page);
  await setOption(page, 'pairs', '3000');
  await page.getByLabel(/Learned from my BAM or SAM/).check();
  await expect(page.locator('#opt-distance')).toBeDisabled();
  // Simulate before anything is learned: told what is missing, nothing run.
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#fragments-info')).toContainText('Choose a fragment-length histogram');
  await page.locator('#alignments-file').setInputFiles(join(dir, 'pairs.bam'));
  await page.getByRole('button', { name: 'Learn the fragment lengths' }).click();
  await expect(page.locator('#fragments-info')).toContainText(
    'learned from pairs.bam (4,000 proper pairs)',
    { timeout: 30_000 },
  );
  await expect(page.locator('#fragments-figure')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save this histogram' }).click(),
  ]);
  expect(readFileSync((await download.path())!).equals(expectedHistogram)).toBe(true);
  await simulateAndWait(page);
  const hash = new URL(page.url()).hash;
  expect(hash).toContain('fragment-hist=');
  const expected = nativeRun(cliArgs(hash), MT, ['1.fq', '2.fq']);
  expect((await readSaved(page, 'MT-human_R1.fq')).equals(expected.fastq[0])).toBe(true);
  expect((await readSaved(page, 'MT-human_R2.fq')).equals(expected.fastq[1])).toBe(true);
  // The histogram file itself gives the same reads as the CLI's --fragment-hist FILE.
  writeFileSync(join(dir, 'fragments.tsv'), expectedHistogram);
  const fileArgs = cliArgs(hash);
  fileArgs[fileArgs.indexOf('--fragment-hist') + 1] = join(dir, 'fragments.tsv');
  const fromFile = nativeRun(fileArgs, MT, ['1.fq', '2.fq']);
  expect(fromFile.fastq[0].equals(expected.fastq[0])).toBe(true);
  // A bad histogram file: its error, naming the line, and no run.
  writeFileSync(join(dir, 'bad.tsv'), '300\t5\n-4\t2\n');
  await page.getByLabel(/A histogram file/).check();
  await page.locator('#fragments-file').setInputFiles(join(dir, 'bad.tsv'));
  await expect(page.locator('#fragments-info')).toContainText('bad.tsv: line 2: expected LENGTH');
  // The alignments never left the page.
  expect(bodies.filter((n) => n > 0)).toEqual([]);
  // A share link carries the histogram: opened elsewhere, the same reads.
  const other = await page.context().newPage();
  await openApp(other, `/${hash}`);
  await expect(other.locator('#fragments-info')).toContainText('the histogram of this link');
  await expect(other.getByLabel(/A histogram file/)).toBeChecked();
  await other.close();
  expect(problems).toEqual([]);
});

test('the preset "NovaSeq 2x150, 10% duplicates", with optical ones and UMIs: the CLI bytes', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  await openApp(page);
  await page.getByRole('button', { name: 'NovaSeq 2x150, 10% duplicates' }).click();
  await expect(page.locator('#opt-adapters')).toHaveValue('truseq');
  await setOption(page, 'umi', '8');
  await setOption(page, 'optical-duplicates', '0.02');
  await simulateAndWait(page);
  const hash = new URL(page.url()).hash;
  expect(hash).toContain('adapters=truseq');
  expect(hash).toContain('duplicates=0.1');
  const expected = nativeRun(cliArgs(hash), MT, ['1.fq', '2.fq']);
  const saved = await readSaved(page, 'MT-human_R1.fq');
  expect(saved.equals(expected.fastq[0])).toBe(true);
  expect(saved.toString()).toContain('AGATCGGAAGAGCACACGTCTGAACTCCAGTCA');
  expect(saved.toString()).toMatch(/^@readforge:1:RFSIM:1:\d+:\d+:\d+\/1 RX:Z:[ACGT]{8}\n/);
  // The summary counts the copies, as the command line reports them.
  const cli = spawnSync(join(ROOT, 'build/readforge'), [
    ...cliArgs(hash),
    ...['--mutations', '/dev/null', MT, '/dev/null', '/dev/null'],
  ]);
  const [, pcr, optical, share] = cli.stderr
    .toString()
    .match(/readforge: (\d+) PCR and (\d+) optical duplicates \((\d+\.\d\d)% of the pairs\)/)!;
  const row = page.locator('#summary dt:text-is("Duplicates (PCR / optical)") + dd');
  await expect(row).toHaveText(
    new RegExp(
      `^${Number(pcr).toLocaleString('en')} / ${Number(optical).toLocaleString('en')} \\(${share.replace('.', '\\.')}% of the pairs\\)$`,
    ),
  );
  expect(problems).toEqual([]);
});

test('a VCF picked beside the FASTA is planted: the CLI bytes, and a bad one is refused', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  const dir = scratchDir('rf-vcf-');
  const bases = readFileSync(MT, 'latin1').split('\n').slice(1).join('');
  let vcf = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNA1\n';
  for (let pos = 100, k = 0; pos < 16000; pos += 157, k++) {
    const ref = bases.slice(pos, pos + (k % 3 === 2 ? 12 : 1)).toUpperCase();
    const alt = [ref === 'A' ? 'T' : 'A', `${ref}GATTACA`, ref.slice(0, 1)][k % 3];
    vcf += `MT_human\t${pos + 1}\t.\t${ref}\t${alt}\t.\tPASS\t.\tGT\t${k % 2 ? '0/1' : '1|1'}\n`;
  }
  writeFileSync(join(dir, 'calls.vcf'), vcf);
  execSync('bgzip -k calls.vcf', { cwd: dir });
  await openApp(page);
  await setOption(page, 'pairs', '2000');
  await page.locator('#variants-file').setInputFiles(join(dir, 'calls.vcf.gz'));
  await page.locator('#variants-sample').fill('NA1');
  await simulateAndWait(page);
  const expected = nativeRun(
    cliArgs(new URL(page.url()).hash, undefined, join(dir, 'calls.vcf.gz')),
    MT,
    ['1.fq', '2.fq'],
    true,
  );
  expect((await readSaved(page, 'MT-human_R1.fq')).equals(expected.fastq[0])).toBe(true);
  const truth = await readSaved(page, 'MT-human.vcf');
  expect(truth.equals(expected.vcf!)).toBe(true);
  expect(truth.toString()).toContain('\tPLANTED\tGT\t');
  // A tumour's somatic VCF beside it (--somatic), at purity 0.6: the CLI's reads and truth.
  let somatic = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tT\n';
  for (let pos = 180; pos < 16000; pos += 997) {
    const ref = bases[pos].toUpperCase();
    somatic += `MT_human\t${pos + 1}\t.\t${ref}\t${ref === 'G' ? 'C' : 'G'}\t.\tPASS\t.\tGT\t0/1\n`;
  }
  writeFileSync(join(dir, 'somatic.vcf'), somatic);
  await page.locator('#somatic-file').setInputFiles(join(dir, 'somatic.vcf'));
  await setOption(page, 'purity', '0.6');
  await simulateAndWait(page);
  const withSomatic = nativeRun(
    [
      ...cliArgs(new URL(page.url()).hash, undefined, join(dir, 'calls.vcf.gz')),
      ...['--somatic', join(dir, 'somatic.vcf')],
    ],
    MT,
    ['1.fq', '2.fq'],
    true,
  );
  expect((await readSaved(page, 'MT-human_R1.fq')).equals(withSomatic.fastq[0])).toBe(true);
  const tumourTruth = await readSaved(page, 'MT-human.vcf');
  expect(tumourTruth.equals(withSomatic.vcf!)).toBe(true);
  expect(tumourTruth.toString()).toContain('\tPLANTED;SOMATIC;CCF=1;EAF=0.3\tGT\t');
  await page.locator('#somatic-file').setInputFiles([]);
  await setOption(page, 'purity', '');
  // A VCF for another reference: its line named, nothing saved.
  writeFileSync(
    join(dir, 'other.vcf'),
    vcf.replace(/\nMT_human\t101\t\.\t./, '\nMT_human\t101\t.\tN'),
  );
  await page.locator('#variants-file').setInputFiles(join(dir, 'other.vcf'));
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#run-error')).toContainText(
    "other.vcf: line 3: REF 'N' at MT_human:101 is not the reference's",
  );
  expect(problems).toEqual([]);
});

test('several Workers write the bytes of one; an error or Cancel stops them all', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  const fasta = multiContigFasta();
  await openApp(page);
  await page.locator('#fasta-file').setInputFiles(fasta);
  await setOption(page, 'pairs', '20000');
  await setOption(page, 'block-size', '4096');
  await setOption(page, 'workers', '3');
  await page.locator('#out-gzip').check();
  await simulateAndWait(page);
  expect(new URL(page.url()).hash).toContain('workers=3');
  const args = cliArgs(new URL(page.url()).hash);
  const compressed = nativeRun([...args, '--gzip'], fasta, ['1.fq', '2.fq'], true);
  expect((await readSaved(page, 'sample_R1.fq.gz', true)).equals(compressed.fastq[0])).toBe(true);
  expect((await readSaved(page, 'sample_R2.fq.gz', true)).equals(compressed.fastq[1])).toBe(true);
  expect((await readSaved(page, 'sample.vcf.gz', true)).equals(compressed.vcf!)).toBe(true);
  await expect(page.locator('#summary')).toContainText('20,000');
  // Three Workers' coverage tracks add up to the bins of the FASTQ's names.
  await expectCoverageOf(page, fasta, gunzipSync(compressed.fastq[0]));
  // Plain text with one Worker: the same bytes, decompressed.
  await setOption(page, 'workers', '1');
  await page.locator('#out-gzip').uncheck();
  await simulateAndWait(page);
  expect((await readSaved(page, 'sample_R1.fq')).equals(gunzipSync(compressed.fastq[0]))).toBe(
    true,
  );
  // A malformed contig late in the file: every Worker meets it; one error, nothing saved.
  const bad = join(scratchDir('rf-bad-'), 'late.fa');
  writeFileSync(bad, `${readFileSync(fasta, 'latin1')}>chrD\nACGT ACGT\n`);
  await page.locator('#fasta-file').setInputFiles(bad);
  await setOption(page, 'workers', '3');
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#run-error')).toContainText(
    "unexpected byte 0x20 in the sequence of 'chrD'",
  );
  await expect(page.locator('#progress-text')).toHaveText('Failed. Nothing was saved.');
  // Cancel stops every Worker at once and leaves empty files only.
  await page.getByLabel('E. coli 536').check();
  await setOption(page, 'pairs', '20000000');
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#progress-text')).toContainText('pairs', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('#progress-text')).toHaveText('Cancelled. Nothing was saved.', {
    timeout: 5_000,
  });
  for (const name of await savedNames(page))
    expect((await readSaved(page, name, true)).length).toBe(0);
  expect(problems).toEqual([]);
});

test('true alignments: the BAM and its index are the CLI bytes, on one Worker and three', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  const fasta = multiContigFasta();
  await openApp(page);
  await page.locator('#fasta-file').setInputFiles(fasta);
  await setOption(page, 'pairs', '20000');
  await setOption(page, 'block-size', '4096');
  await page.locator('#out-bam').check();
  await simulateAndWait(page);
  expect(new URL(page.url()).hash).toContain('bam=1');
  expect(await savedNames(page)).toEqual([
    'sample.bam',
    'sample.bam.bai',
    'sample.vcf',
    'sample_R1.fq',
    'sample_R2.fq',
  ]);
  // The CLI with --bam: a first pass gives it the contigs' MD5s, as the page's scan does.
  const bam = join(scratchDir('rf-bam-'), 'cli.bam');
  const expected = nativeRun([...cliArgs(new URL(page.url()).hash), '--bam', bam], fasta, [
    '1.fq',
    '2.fq',
  ]);
  expect((await readSaved(page, 'sample_R1.fq')).equals(expected.fastq[0])).toBe(true);
  expect((await readSaved(page, 'sample.bam')).equals(readFileSync(bam))).toBe(true);
  expect((await readSaved(page, 'sample.bam.bai')).equals(readFileSync(`${bam}.bai`))).toBe(true);
  // Three Workers and compressed reads: the same BAM (never named .gz) and index.
  await setOption(page, 'workers', '3');
  await page.locator('#out-gzip').check();
  await simulateAndWait(page);
  expect((await readSaved(page, 'sample.bam')).equals(readFileSync(bam))).toBe(true);
  expect((await readSaved(page, 'sample.bam.bai')).equals(readFileSync(`${bam}.bai`))).toBe(true);
  expect(problems).toEqual([]);
});

test('cancel stops a run at once; the next run succeeds', async ({ page }) => {
  await useOpfsFolder(page);
  await openApp(page);
  await page.getByLabel('E. coli 536').check();
  await setOption(page, 'pairs', '20000000');
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#progress-text')).toContainText('pairs', { timeout: 30_000 });
  await page.screenshot({ path: join(SHOTS, '3-running.png'), fullPage: true });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('#progress-text')).toHaveText('Cancelled. Nothing was saved.', {
    timeout: 5_000,
  });
  // The files the run had made are gone, not left empty.
  expect(await savedNames(page)).toEqual([]);
  await page.getByLabel('Human mitochondrial genome').check();
  await setOption(page, 'pairs', '500');
  await simulateAndWait(page);
  expect((await readSaved(page, 'MT-human_R1.fq')).toString().split('\n').length).toBe(2001);
});

test('a malformed FASTA and an invalid option each show their error', async ({ page }) => {
  await useOpfsFolder(page);
  await openApp(page);
  await setOption(page, 'error-rate', '2');
  await expect(page.locator('#opt-error-rate-error')).toHaveText(
    '-e/--error-rate must be in [0, 1], got 2',
  );
  await expect(page.locator('#opt-error-rate')).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#progress-panel')).toBeHidden();
  await setOption(page, 'error-rate', '0.02');
  const bad = join(scratchDir('rf-bad-'), 'broken.fa');
  writeFileSync(bad, '>chr1\nACGTACGT\nACGT ACGT\n');
  await page.locator('#fasta-file').setInputFiles(bad);
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#run-error')).toHaveText(
    "line 3: column 5: unexpected byte 0x20 in the sequence of 'chr1'",
  );
  await expect(page.locator('#progress-text')).toHaveText('Failed. Nothing was saved.');
  await page.screenshot({ path: join(SHOTS, '4-error.png'), fullPage: true });
});

test('the form works by keyboard and fits a narrow screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await useOpfsFolder(page);
  await openApp(page);
  await page.locator('#advanced').waitFor({ state: 'attached' }); // the form is built
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390); // no sideways scrolling
  // Every input has a label.
  const unlabelled = await page.evaluate(
    () =>
      [...document.querySelectorAll('input, textarea')].filter(
        (e) => !(e as HTMLInputElement).labels?.length,
      ).length,
  );
  expect(unlabelled).toBe(0);
  await page.locator('#opt-pairs').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1000');
  await page.locator('#simulate').focus();
  await page.screenshot({ path: join(SHOTS, '5-narrow.png'), fullPage: true });
  await page.keyboard.press('Enter');
  await expect(page.locator('#results')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('#summary')).toContainText('1,000');
});

test('a shared link fills the form and reproduces the same bytes', async ({ page, context }) => {
  await useOpfsFolder(page);
  await openApp(page);
  await setOption(page, 'pairs', '2000');
  await setOption(page, 'mutation-rate', '0.01');
  await page.locator('#opt-haploid').check();
  await simulateAndWait(page);
  const first = await readSaved(page, 'MT-human_R1.fq');
  const link = page.url();
  const other = await context.newPage();
  await useOpfsFolder(other);
  await openApp(other, link);
  await expect(other.locator('#opt-pairs')).toHaveValue('2000');
  await expect(other.locator('#opt-haploid')).toBeChecked();
  await simulateAndWait(other);
  expect((await readSaved(other, 'MT-human_R1.fq')).equals(first)).toBe(true);
});
