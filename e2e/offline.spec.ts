// The app as an installed, offline tool: after one visit the service worker serves everything a
// run from a local file or a built-in reference needs, with the network off; a new build is
// offered, not swapped in.
import { expect, Page } from '@playwright/test';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  cliArgs,
  nativeRun,
  readSaved,
  ROOT,
  simulateAndWait,
  test,
  useOpfsFolder,
  watchConsole,
  scratchDir,
} from './helpers';

const MT = join(ROOT, 'public/refs/MT-human.fa');

/** The page, once its service worker controls it (the first visit installs it). */
async function visitUntilControlled(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 30_000,
  });
}

test('after one visit, runs from a local FASTA and the built-in reference work offline', async ({
  page,
  context,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  await visitUntilControlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  // Nothing may come from the network now: the reload and the run are served by the worker.
  const network: string[] = [];
  page.on('requestfailed', (r) => network.push(`${r.url()} ${r.failure()?.errorText}`));
  // The built-in mitochondrial genome (precached).
  await simulateAndWait(page);
  let expected = nativeRun(cliArgs(new URL(page.url()).hash), MT, ['1.fq', '2.fq'], true);
  expect((await readSaved(page, 'MT-human_R1.fq')).equals(expected.fastq[0])).toBe(true);
  expect((await readSaved(page, 'MT-human.vcf')).equals(expected.vcf!)).toBe(true);
  // A local FASTA.
  const dir = scratchDir('rf-offline-');
  const fasta = join(dir, 'local.fa');
  copyFileSync(MT, fasta);
  await page.locator('#fasta-file').setInputFiles(fasta);
  await page.locator('#opt-pairs').fill('3000');
  await simulateAndWait(page);
  expected = nativeRun(cliArgs(new URL(page.url()).hash), fasta, ['1.fq', '2.fq']);
  expect((await readSaved(page, 'local_R2.fq')).equals(expected.fastq[1])).toBe(true);
  // Learning a quality profile from FASTQ (these reads), and the built-in profile, offline too.
  writeFileSync(join(dir, '1.fq'), expected.fastq[0]);
  writeFileSync(join(dir, '2.fq'), expected.fastq[1]);
  await page.getByLabel(/Learned from my FASTQ/).check();
  await page.locator('#fastq-file').setInputFiles([join(dir, '1.fq'), join(dir, '2.fq')]);
  await page.getByRole('button', { name: 'Learn the profile' }).click();
  await expect(page.locator('#profile-info')).toContainText('learned from 1.fq, 2.fq');
  const learned = execFileSync(join(ROOT, 'build/readforge'), ['profile', '-q', '1.fq', '2.fq'], {
    cwd: dir,
  });
  writeFileSync(join(dir, 'learned.profile'), learned);
  await simulateAndWait(page);
  expected = nativeRun(cliArgs(new URL(page.url()).hash, join(dir, 'learned.profile')), fasta, [
    '1.fq',
    '2.fq',
  ]);
  expect((await readSaved(page, 'local_R1.fq')).equals(expected.fastq[0])).toBe(true);
  await page.getByLabel(/Illumina-like 2x150/).check();
  await simulateAndWait(page);
  expected = nativeRun(cliArgs(new URL(page.url()).hash), fasta, ['1.fq', '2.fq']);
  expect((await readSaved(page, 'local_R2.fq')).equals(expected.fastq[1])).toBe(true);
  expect(network).toEqual([]);
  expect(problems).toEqual([]);
  await context.setOffline(false);
});

test('a new build is offered, and taken only when asked', async ({ page }) => {
  await visitUntilControlled(page);
  await expect(page.locator('#update')).toBeHidden();
  // A new build: the same files with a changed service worker (what a deploy changes).
  const sw = join(ROOT, 'dist-app/sw.js');
  const original = readFileSync(sw);
  try {
    writeFileSync(sw, Buffer.concat([original, Buffer.from('\n// a new build\n')]));
    await page.reload();
    await expect(page.locator('#update')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('#update')).toContainText('A new version of readforge is ready');
    const waiting = () =>
      page.evaluate(async () =>
        Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
      );
    expect(await waiting()).toBe(true); // installed, not yet in charge
    await page.locator('#update-reload').click();
    await page.waitForEvent('load');
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    await expect(page.locator('#update')).toBeHidden();
    expect(await waiting()).toBe(false); // the new build now controls the page
  } finally {
    writeFileSync(sw, original);
  }
});
