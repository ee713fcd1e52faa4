// Shared runs, as people use them: a run from a local file is shared (its manifest, never its
// reads), the link opens in a fresh browser with the results, and "Run again" makes the same
// bytes from the same file but refuses another file before anything is written. The statistics
// view shows the scheduled job's figures.
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  openApp,
  multiContigFasta,
  readSaved,
  savedNames,
  setOption,
  SHOTS,
  simulateAndWait,
  test,
  useOpfsFolder,
  watchConsole,
  scratchDir,
} from './helpers';

/** The edge API's cron Worker, with its test clock (playwright.config.ts: --test-port 8791). */
const CRON_CLOCK = 'http://127.0.0.1:8792/clock';
const EDGE = 'http://127.0.0.1:8796';

/**
 * Runs the statistics job now: the cron Worker's clock moved to just before its next half hour.
 * Resolves once the API serves the record it wrote.
 */
async function runStatisticsJob(): Promise<void> {
  const asked = Date.now();
  const { now, at } = await (await fetch(`${CRON_CLOCK}?advance=0`, { method: 'POST' })).json();
  await fetch(`${CRON_CLOCK}?advance=${at.main - now - 1000}`, { method: 'POST' });
  await expect
    .poll(async () => {
      const stats = await (await fetch(`${EDGE}/api/stats`)).json();
      return Date.parse(stats.generatedAt ?? '1970-01-01');
    })
    .toBeGreaterThanOrEqual(asked);
}

/** The same FASTA, same name, one base changed: only the MD5s tell it apart. */
function alteredCopy(fasta: string): string {
  const text = readFileSync(fasta, 'latin1');
  const at = text.indexOf('\n', text.indexOf('>chrB')) + 100;
  const path = join(scratchDir('rf-altered-'), 'sample.fa');
  writeFileSync(path, text.slice(0, at) + (text[at] === 'A' ? 'C' : 'A') + text.slice(at + 1));
  return path;
}

test('a shared run opens in a fresh browser, and runs again only from its own file', async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  const fasta = multiContigFasta();
  await openApp(page);
  await page.locator('#fasta-file').setInputFiles(fasta);
  await setOption(page, 'pairs', '2500');
  await simulateAndWait(page);
  const read1 = await readSaved(page, 'sample_R1.fq');
  const posted: string[] = [];
  page.on('request', (r) => r.url().endsWith('/api/runs') && posted.push(r.postData() ?? ''));
  await page.getByRole('button', { name: 'Share results' }).click();
  await expect(page.locator('#share-status')).toContainText('Shared');
  const link = (await page.locator('#share-link').getAttribute('href'))!;
  expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{22}$/);
  // What was sent: the manifest, with the contigs' MD5s and no sequence.
  const manifest = JSON.parse(posted[0]);
  expect(manifest.reference.source).toBe('local');
  expect(manifest.reference.contigs.map((c: { name: string }) => c.name)).toEqual([
    'chrA',
    'chrB',
    'chrC',
  ]);
  expect(posted[0]).not.toContain(read1.subarray(0, 200).toString().split('\n')[1]);
  expect(posted[0].length).toBeLessThan(8000);

  const context = await browser.newContext();
  const other = await context.newPage();
  const otherProblems = watchConsole(other);
  await useOpfsFolder(other);
  await runStatisticsJob(); // a record from before the run below (one every half hour)
  await openApp(other, link);
  await expect(other.locator('#shared-run')).toBeVisible();
  await other.locator('#statistics > summary').click();
  await expect(other.locator('#statistics-table')).toContainText('sample.fa');
  await expect(other.locator('#shared-meta')).toContainText('sample.fa');
  // The settings as a table, and the form holding them at once (not the page's defaults).
  await expect(other.locator('#shared-settings')).toContainText('--pairs');
  await expect(other.locator('#shared-settings tr', { hasText: '--pairs' })).toContainText('2500');
  await expect(other.locator('#opt-pairs')).toHaveValue('2500');
  await expect(other.locator('#shared-contigs')).toContainText('chrB');
  await expect(other.locator('#summary')).toContainText('2,500');
  await expect(other.locator('#histogram canvas')).toHaveCount(1);
  await other.screenshot({ path: join(SHOTS, '7-shared-run.png'), fullPage: true });
  // The shared run's view passes axe-core as the app's other states do (accessibility.spec.ts).
  const scan = await new AxeBuilder({ page: other })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(
    scan.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  await other.getByRole('button', { name: 'Run again' }).click();
  await expect(other.locator('#reference-error')).toContainText('sample.fa');
  await other.locator('#fasta-file').setInputFiles(alteredCopy(fasta));
  await other.getByRole('button', { name: 'Simulate' }).click();
  await expect(other.locator('#run-error')).toContainText(
    "is not the reference this run was made from (sample.fa): chrB's MD5 is",
  );
  expect(await savedNames(other)).toEqual([]); // refused before anything was written

  await other.locator('#fasta-file').setInputFiles(fasta);
  await simulateAndWait(other);
  expect((await readSaved(other, 'sample_R1.fq')).equals(read1)).toBe(true);

  // The statistics view shows the job's newer record (never a copy cached by the page).
  await other.locator('#share-results').click();
  await expect(other.locator('#share-status')).toContainText('Shared');
  await runStatisticsJob();
  await other.locator('#statistics > summary').click(); // closed, and opened again: read anew
  await other.locator('#statistics > summary').click();
  await expect(other.locator('#statistics-table')).toContainText('5,000');
  await other.locator('#statistics').screenshot({ path: join(SHOTS, '8-statistics.png') });
  expect(problems).toEqual([]);
  expect(otherProblems).toEqual([]);
  await context.close();
});

test('a settings link without ref= applies its settings and says it names no reference', async ({
  page,
}) => {
  await openApp(page, '/#pairs=1234&read1-length=90');
  await expect(page.locator('#opt-pairs')).toHaveValue('1234');
  await expect(page.locator('#opt-read1-length')).toHaveValue('90');
  await expect(page.locator('#reference-error')).toContainText('This link names no reference');
});
