// Accessibility in both colour schemes: axe-core scans of the four states a person meets (the
// form, a run in progress, its results, an error) find no serious or critical violation, each
// state is photographed to test-output/screenshots/, and every control shows where the focus is.
import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  openApp,
  setOption,
  SHOTS,
  simulateAndWait,
  test,
  useOpfsFolder,
  scratchDir,
} from './helpers';

/** axe-core's serious and critical findings on the page as it is, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(results.passes.length).toBeGreaterThan(10); // the rules did run on this page
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function scanAndShoot(page: Page, state: string, scheme: string): Promise<void> {
  expect(await seriousViolations(page), `${state}, ${scheme}`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `a11y-${state}-${scheme}.png`), fullPage: true });
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });

    test(`form, progress, results and error states pass axe-core (${scheme})`, async ({ page }) => {
      await useOpfsFolder(page);
      await openApp(page);
      await page.locator('#advanced > summary').click(); // scan the advanced fields too
      await page.locator('#statistics > summary').click(); // and the statistics view
      await expect(page.locator('#statistics-table')).toBeVisible();
      await scanAndShoot(page, 'form', scheme);

      await page.getByLabel('E. coli 536').check();
      await setOption(page, 'pairs', '20000000');
      await page.getByRole('button', { name: 'Simulate' }).click();
      await expect(page.locator('#progress-text')).toContainText('pairs', { timeout: 30_000 });
      await scanAndShoot(page, 'progress', scheme);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.locator('#progress-text')).toHaveText('Cancelled. Nothing was saved.');

      await setOption(page, 'pairs', '20000');
      await simulateAndWait(page);
      await expect(page.locator('#coverage-plot canvas')).toHaveCount(1);
      await scanAndShoot(page, 'results', scheme);

      const bad = join(scratchDir('rf-a11y-'), 'broken.fa');
      writeFileSync(bad, '>chr1\nACGTACGT\nACGT ACGT\n');
      await page.getByLabel('My FASTA file').check();
      await page.locator('#fasta-file').setInputFiles(bad);
      await page.getByRole('button', { name: 'Simulate' }).click();
      await expect(page.locator('#run-error')).toContainText('unexpected byte 0x20');
      await setOption(page, 'error-rate', '2'); // and a field's own error beside it
      await expect(page.locator('#opt-error-rate-error')).toBeVisible();
      await scanAndShoot(page, 'error', scheme);
    });
  });
}

test('every control shows a visible focus ring when reached by Tab', async ({ page }) => {
  await openApp(page);
  // The form is built once the wasm has loaded, which may be after the load event.
  await page.locator('#advanced').waitFor({ state: 'attached' });
  // Advanced opened without moving the focus, so that Tab starts at the top of the page.
  await page.evaluate(
    () => ((document.querySelector('#advanced') as HTMLDetailsElement).open = true),
  );
  const seen = new Set<string>();
  const unringed: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body) return null;
      const style = getComputedStyle(e);
      const ring =
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
        style.boxShadow !== 'none';
      const name = e.getAttribute('name') ?? e.textContent?.trim().slice(0, 20);
      return { id: e.id || `${e.tagName}:${name}`, ring };
    });
    if (!focus || seen.has(focus.id)) break; // back round to the start
    seen.add(focus.id);
    if (!focus.ring) unringed.push(focus.id);
  }
  expect(seen.size).toBeGreaterThan(25); // the whole form was reached
  expect(seen).toContain('simulate');
  expect(unringed).toEqual([]);
});
