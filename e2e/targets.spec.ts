// Communities and amplicons in the app: a genome map, abundances and an amplicon panel picked
// beside the FASTA (read in the page, never uploaded) give the native CLI's bytes, on several
// Workers too; the genomes' table shows each genome's pairs and genomes.tsv is saved; bad
// choices are the engine's messages and save nothing.
import { expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  cliArgs,
  MT,
  scratchDir,
  multiContigFasta,
  nativeRun,
  openApp,
  readSaved,
  ROOT,
  savedNames,
  setOption,
  SHOTS,
  simulateAndWait,
  test,
  useOpfsFolder,
  watchConsole,
} from './helpers.js';

test('a community on two Workers: the CLI bytes, the genomes table and genomes.tsv', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  const fasta = multiContigFasta(); // chrA 40 kb, chrB 25 kb, chrC 9 kb
  const dir = scratchDir('rf-community-');
  writeFileSync(join(dir, 'map.tsv'), 'chrA\talpha\nchrB\tbeta\nchrC\tbeta\n');
  writeFileSync(join(dir, 'shares.tsv'), 'genome\tabundance\nalpha\t1\nbeta\t3\n');
  await openApp(page);
  await page.locator('#fasta-file').setInputFiles(fasta);
  await setOption(page, 'pairs', '4000');
  await setOption(page, 'block-size', '4096');
  await setOption(page, 'workers', '2');
  await page.locator('#genome-map-file').setInputFiles(join(dir, 'map.tsv'));
  await page.locator('#abundance-file').setInputFiles(join(dir, 'shares.tsv'));
  await simulateAndWait(page);
  const args = [
    ...cliArgs(new URL(page.url()).hash),
    ...['--genome-map', join(dir, 'map.tsv'), '--abundance', join(dir, 'shares.tsv')],
    ...['--genome-truth', join(dir, 'genomes.tsv')],
  ];
  const expected = nativeRun(args, fasta, ['1.fq', '2.fq'], true);
  expect((await readSaved(page, 'sample_R1.fq')).equals(expected.fastq[0])).toBe(true);
  expect((await readSaved(page, 'sample_R2.fq')).equals(expected.fastq[1])).toBe(true);
  const truth = readFileSync(join(dir, 'genomes.tsv'));
  expect((await readSaved(page, 'genomes.tsv')).equals(truth)).toBe(true);
  // The table: alpha a quarter of the pairs, beta three quarters, as asked.
  const rows = page.locator('#genomes-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('alpha');
  await expect(rows.nth(0).locator('td').nth(3)).toHaveText('1,000');
  await expect(rows.nth(1).locator('td').nth(3)).toHaveText('3,000');
  await expect(rows.nth(1).locator('td').nth(4)).toHaveText('75.00%');
  await expect(page.locator('#genomes-caption')).toContainText('relative abundance');
  await page.locator('#genomes-figure').screenshot({ path: join(SHOTS, 'genomes-table.png') });
  // A drawn distribution instead of the table: the CLI's bytes again.
  await page.locator('#abundance-file').setInputFiles([]);
  await page.locator('#abundance-distribution').selectOption('lognormal');
  await simulateAndWait(page);
  const drawn = nativeRun(
    [
      ...cliArgs(new URL(page.url()).hash),
      ...['--genome-map', join(dir, 'map.tsv'), '--abundance-distribution', 'lognormal'],
    ],
    fasta,
    ['1.fq', '2.fq'],
  );
  expect((await readSaved(page, 'sample_R1.fq')).equals(drawn.fastq[0])).toBe(true);
  await expect(page.locator('#genomes-caption')).toContainText('drawn from lognormal');
  // A table naming a genome the map lacks: the engine's message, nothing saved.
  writeFileSync(join(dir, 'wrong.tsv'), 'alpha 1\ngamma 2\n');
  await page.locator('#abundance-distribution').selectOption('');
  await page.locator('#abundance-file').setInputFiles(join(dir, 'wrong.tsv'));
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys())
      await root.removeEntry(name);
  });
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#run-error')).toContainText(
    "wrong.tsv: genome 'gamma' is not in map.tsv",
  );
  expect(await savedNames(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('an amplicon panel: the CLI bytes; a distribution without a map is refused', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  const dir = scratchDir('rf-amplicons-');
  writeFileSync(
    join(dir, 'panel.bed'),
    'MT_human\t1000\t1400\tamp1\nMT_human\t1300\t1700\tamp2\t2\nMT_human\t9000\t9300\tamp3\n',
  );
  await openApp(page);
  await page.locator('#fasta-file').setInputFiles(MT);
  await setOption(page, 'pairs', '3000');
  await setOption(page, 'read1-length', '150');
  await setOption(page, 'read2-length', '150');
  await page.locator('#amplicons-file').setInputFiles(join(dir, 'panel.bed'));
  await page.locator('#amplicon-spread').fill('0.4');
  await simulateAndWait(page);
  const expected = nativeRun(
    [
      ...cliArgs(new URL(page.url()).hash),
      ...['--amplicons', join(dir, 'panel.bed'), '--amplicon-dropout', '0'],
      ...['--amplicon-spread', '0.4'],
    ],
    MT,
    ['1.fq', '2.fq'],
  );
  const read1 = await readSaved(page, 'MT-human_R1.fq');
  expect(read1.equals(expected.fastq[0])).toBe(true);
  // Every pair is one of the amplicons.
  const places = new Set(
    read1
      .toString('latin1')
      .split('\n')
      .filter((line, i) => line && i % 4 === 0)
      .map((name) => name.split('_').slice(2, 4).join('-')),
  );
  expect([...places].sort()).toEqual(['1001-1400', '1301-1700', '9001-9300']);
  await expect(page.locator('#genomes-figure')).toBeHidden();
  // A distribution without a genome map: the engine's message beside the group, no run.
  await page.locator('#abundance-distribution').selectOption('exponential');
  await expect(page.locator('#targets-info')).toContainText(
    '--abundance-distribution draws each genome',
  );
  expect(problems).toEqual([]);
});

test('several FASTA files as a community: the CLI --community bytes, on two Workers', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  const dir = scratchDir('rf-genomes-');
  // Two genomes whose contigs share a name (chrA), one of them gzip.
  const sample = readFileSync(multiContigFasta(), 'latin1');
  writeFileSync(join(dir, 'alpha.fa'), sample);
  writeFileSync(join(dir, 'beta.fa.gz'), gzipSync(sample.split('>chrC')[0]));
  writeFileSync(join(dir, 'shares.tsv'), 'genome\tabundance\nalpha\t1\nbeta\t4\n');
  await openApp(page);
  await page.getByLabel('Several genomes (a community)').check();
  await page
    .locator('#community-files')
    .setInputFiles([join(dir, 'alpha.fa'), join(dir, 'beta.fa.gz')]);
  await setOption(page, 'pairs', '5000');
  await setOption(page, 'block-size', '8192');
  await setOption(page, 'workers', '2');
  await page.locator('#abundance-file').setInputFiles(join(dir, 'shares.tsv'));
  await simulateAndWait(page);
  writeFileSync(
    join(dir, 'genomes.tsv'),
    'genome\tpath\tabundance\nalpha\talpha.fa\t1\nbeta\tbeta.fa.gz\t4\n',
  );
  const out = scratchDir('rf-genomes-cli-');
  execFileSync(join(ROOT, 'build/readforge'), [
    ...['-q', ...cliArgs(new URL(page.url()).hash), '--community', join(dir, 'genomes.tsv')],
    ...['--genome-truth', join(out, 'genomes.tsv'), '--vcf', join(out, 'v.vcf')],
    ...[join(out, '1.fq'), join(out, '2.fq')],
  ]);
  expect((await readSaved(page, 'community_R1.fq')).equals(readFileSync(join(out, '1.fq')))).toBe(
    true,
  );
  expect((await readSaved(page, 'community_R2.fq')).equals(readFileSync(join(out, '2.fq')))).toBe(
    true,
  );
  expect(
    (await readSaved(page, 'genomes.tsv')).equals(readFileSync(join(out, 'genomes.tsv'))),
  ).toBe(true);
  const rows = page.locator('#genomes-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).locator('td').nth(3)).toHaveText('4,000');
  // The reads' names carry their genome.
  const first = (await readSaved(page, 'community_R1.fq')).toString('latin1').split('\n')[0];
  expect(first).toMatch(/^@(alpha|beta)\|chr[ABC]_\d+_\d+_/);
  // A genome map beside files that bring their own: refused before the run.
  writeFileSync(join(dir, 'map.tsv'), 'chrA\talpha\n');
  await page.locator('#genome-map-file').setInputFiles(join(dir, 'map.tsv'));
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#targets-info')).toContainText('brings its own genome map');
  expect(problems).toEqual([]);
});

test("copy-number segments picked beside the FASTA, the tumour's too: the CLI bytes, -N and -C", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  const dir = scratchDir('rf-copies-');
  writeFileSync(join(dir, 'cn.bed'), 'MT_human\t2000\t6000\t3\nMT_human\t9000\t12000\t1\t0|1\n');
  await openApp(page);
  await page.locator('#fasta-file').setInputFiles(MT);
  await setOption(page, 'pairs', '4000');
  await page.locator('#copy-number-file').setInputFiles(join(dir, 'cn.bed'));
  await simulateAndWait(page);
  const expected = nativeRun(
    [...cliArgs(new URL(page.url()).hash), '--copy-number', join(dir, 'cn.bed')],
    MT,
    ['1.fq', '2.fq'],
  );
  expect((await readSaved(page, 'MT-human_R1.fq')).equals(expected.fastq[0])).toBe(true);
  // Fold coverage of the baseline: the same as the command line's -C.
  await page.getByLabel('A fold coverage').check();
  await setOption(page, 'coverage', '5');
  await simulateAndWait(page);
  const covered = nativeRun(
    [...cliArgs(new URL(page.url()).hash), '--copy-number', join(dir, 'cn.bed')],
    MT,
    ['1.fq', '2.fq'],
  );
  expect((await readSaved(page, 'MT-human_R1.fq')).equals(covered.fastq[0])).toBe(true);
  // A tumour at purity 0.6 whose cells have copies of their own: the CLI's bytes.
  writeFileSync(join(dir, 'tumour.bed'), 'MT_human\t4000\t8000\t4\t3|1\n');
  await page.locator('#somatic-copy-number-file').setInputFiles(join(dir, 'tumour.bed'));
  await setOption(page, 'purity', '0.6');
  await simulateAndWait(page);
  const tumourArgs = [
    ...cliArgs(new URL(page.url()).hash),
    ...['--copy-number', join(dir, 'cn.bed'), '--somatic-copy-number', join(dir, 'tumour.bed')],
  ];
  expect(tumourArgs).toContain('--purity');
  const tumour = nativeRun(tumourArgs, MT, ['1.fq', '2.fq']);
  expect((await readSaved(page, 'MT-human_R1.fq')).equals(tumour.fastq[0])).toBe(true);
  expect(tumour.fastq[0].equals(covered.fastq[0])).toBe(false);
  expect(problems).toEqual([]);
});

test("ploidy by region and a tumour's purity in the form: the CLI bytes; bad input in the engine's words", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  await openApp(page);
  await page.locator('#fasta-file').setInputFiles(MT);
  await setOption(page, 'pairs', '3000');
  await setOption(page, 'mutation-rate', '0.01');
  await setOption(page, 'ploidy', '4');
  await setOption(page, 'ploidy-override', 'MT_human:1-4000=1, MT_human:4001-8000=2');
  await expect(page.locator('#opt-ploidy-override-error')).toHaveText('');
  await simulateAndWait(page);
  const hash = new URL(page.url()).hash;
  expect(new URLSearchParams(hash.slice(1)).getAll('ploidy-override')).toEqual([
    'MT_human:1-4000=1',
    'MT_human:4001-8000=2',
  ]);
  const expected = nativeRun(cliArgs(hash), MT, ['1.fq', '2.fq']);
  expect((await readSaved(page, 'MT-human_R1.fq')).equals(expected.fastq[0])).toBe(true);
  // A tumour sample with a subclone: the CLI's bytes too.
  await setOption(page, 'purity', '0.5');
  await setOption(page, 'clones', '0.25');
  await simulateAndWait(page);
  const mixed = nativeRun(cliArgs(new URL(page.url()).hash), MT, ['1.fq', '2.fq']);
  expect(cliArgs(new URL(page.url()).hash)).toContain('--purity');
  expect((await readSaved(page, 'MT-human_R1.fq')).equals(mixed.fastq[0])).toBe(true);
  // A bad override is the engine's message beside the field.
  await setOption(page, 'ploidy-override', 'MT_human=9');
  await expect(page.locator('#opt-ploidy-override-error')).toContainText('N from 1 to 8');
  expect(problems).toEqual([]);
});
