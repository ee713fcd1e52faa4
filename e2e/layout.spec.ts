// The page as a person meets it: on a laptop the form and the run are side by side and the run
// (its state, progress and summary) stays in view wherever the form is scrolled; on a phone
// everything stacks without sideways scrolling; and a run can be made with the keyboard alone.
import { expect, Page } from '@playwright/test';
import { join } from 'node:path';
import {
  cliArgs,
  MT,
  nativeRun,
  openApp,
  readSaved,
  savedNames,
  SHOTS,
  test,
  useOpfsFolder,
  watchConsole,
} from './helpers';

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test('on a 1280x800 screen the progress and the summary show beside the form', async ({ page }) => {
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await useOpfsFolder(page);
  await openApp(page);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  // Side by side: the run panel starts level with the form, to its right.
  const form = (await page.locator('#run-form').boundingBox())!;
  const panel = (await page.locator('#run-panel').boundingBox())!;
  expect(panel.x).toBeGreaterThanOrEqual(form.x + form.width);
  expect(Math.abs(panel.y - form.y)).toBeLessThan(40);
  await expect(page.locator('#run-state')).toHaveText('Ready');
  await expect(page.locator('#run-state')).toBeInViewport();

  // A person fills the form down to its last group, then runs it from there.
  await page.locator('#opt-pairs').fill('300000');
  await page.locator('#out-vcf').scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(800);
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#progress')).toBeInViewport();
  await expect(page.locator('#run-state')).toHaveText(/Running|Done/);
  await expect(page.locator('#run-state')).toBeInViewport();
  await expect(page.locator('#results')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#run-state')).toHaveText('Done');
  await expect(page.locator('#run-state')).toHaveAttribute('data-state', 'done');
  // Wholly in view, even with the page scrolled to its very end.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.locator('#run-state')).toBeInViewport({ ratio: 1 });
  await expect(page.locator('#progress')).toBeInViewport({ ratio: 1 });
  await expect(page.locator('#summary')).toBeInViewport({ ratio: 1 });
  await expect(page.locator('#summary')).toContainText('300,000');
  await page.screenshot({ path: join(SHOTS, 'layout-1280-done.png') });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  // A failed run says so in the same place.
  await page.locator('#fasta-file').setInputFiles({
    name: 'notes.fa',
    mimeType: 'text/plain',
    buffer: Buffer.from('these are notes, not a FASTA file\n'),
  });
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#run-state')).toHaveText('Failed');
  await expect(page.locator('#error-panel')).toBeInViewport();
  expect(problems).toEqual([]);
});

test('on a 390 px wide screen the page stacks and scrolls to the run', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await useOpfsFolder(page);
  await openApp(page);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  const form = (await page.locator('#run-form').boundingBox())!;
  const panel = (await page.locator('#run-panel').boundingBox())!;
  expect(panel.y).toBeGreaterThanOrEqual(form.y + form.height); // below the form
  expect(panel.width).toBeGreaterThan(330);
  // Every box in the form fits the screen.
  const widest = await page.evaluate(() =>
    Math.max(
      ...[...document.querySelectorAll('fieldset, section, #presets, .field')].map(
        (e) => e.getBoundingClientRect().right,
      ),
    ),
  );
  expect(widest).toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(SHOTS, 'layout-390-form.png'), fullPage: true });
  await page.locator('#opt-pairs').fill('2000');
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#results')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#run-state')).toBeInViewport();
  await expect(page.locator('#run-state')).toHaveText('Done');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(SHOTS, 'layout-390-done.png') });
});

/** Presses Tab until `selector` has the focus (at most `limit` times). */
async function tabTo(page: Page, selector: string, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator(selector).evaluate((e) => e === document.activeElement)) return;
  }
  throw new Error(`${selector} never took the focus in ${limit} Tabs`);
}

test('a run with the keyboard alone, from the form to the saved files', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await useOpfsFolder(page);
  await openApp(page);
  // A preset with Space, a setting typed, the gzip box ticked with Space, Simulate with Enter.
  await tabTo(page, '#presets button:has-text("quick test")');
  await page.keyboard.press('Space');
  await expect(page.locator('#opt-pairs')).toHaveValue('1000');
  await tabTo(page, '#opt-mutation-rate');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0.01');
  await tabTo(page, '#out-gzip');
  await page.keyboard.press('Space');
  await expect(page.locator('#out-gzip')).toBeChecked();
  await tabTo(page, '#simulate');
  await page.keyboard.press('Enter');
  await expect(page.locator('#results')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#run-state')).toHaveText('Done');
  await page.screenshot({ path: join(SHOTS, 'layout-keyboard-done.png') });
  expect(await savedNames(page)).toEqual([
    'MT-human.vcf.gz',
    'MT-human_R1.fq.gz',
    'MT-human_R2.fq.gz',
  ]);
  const args = cliArgs(new URL(page.url()).hash);
  expect(args).toEqual(expect.arrayContaining(['--mutation-rate', '0.01', '--pairs', '1000']));
  const expected = nativeRun(args, MT, ['1.fq', '2.fq'], true);
  expect((await readSaved(page, 'MT-human_R1.fq.gz')).equals(expected.fastq[0])).toBe(true);
  expect((await readSaved(page, 'MT-human_R2.fq.gz')).equals(expected.fastq[1])).toBe(true);
  expect((await readSaved(page, 'MT-human.vcf.gz')).equals(expected.vcf!)).toBe(true);
});
