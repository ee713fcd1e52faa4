// Saving where the File System Access API is missing (downloads streamed by the service worker,
// or Blobs), and memory over a run of more than 1 GB of FASTQ.
import { expect, type Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  openApp,
  cliArgs,
  MT,
  nativeRun,
  setOption,
  simulateAndWait,
  test,
  useOpfsFolder,
} from './helpers';

async function downloadRun(page: Page, hideServiceWorker: boolean): Promise<void> {
  await page.addInitScript((hideWorker) => {
    delete (window as unknown as { showDirectoryPicker?: unknown }).showDirectoryPicker;
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    if (hideWorker) Object.defineProperty(navigator, 'serviceWorker', { value: undefined });
  }, hideServiceWorker);
  await openApp(page);
  await expect(page.locator('#save-note')).toContainText('download');
  await setOption(page, 'pairs', '3000');
  await page.locator('#out-gzip').check();
  const downloads: Record<string, Buffer> = {};
  page.on('download', async (d) => {
    downloads[d.suggestedFilename()] = gunzipSync(readFileSync((await d.path())!));
  });
  await simulateAndWait(page);
  await expect(page.locator('body')).toHaveAttribute(
    'data-save-mode',
    hideServiceWorker ? 'blob' : 'stream',
  );
  await expect
    .poll(() => Object.keys(downloads).sort(), { timeout: 20_000 })
    .toEqual(['MT-human.vcf.gz', 'MT-human_R1.fq.gz', 'MT-human_R2.fq.gz']);
  const expected = nativeRun(cliArgs(new URL(page.url()).hash), MT, ['1.fq', '2.fq'], true);
  expect(downloads['MT-human_R1.fq.gz'].equals(expected.fastq[0])).toBe(true);
  expect(downloads['MT-human_R2.fq.gz'].equals(expected.fastq[1])).toBe(true);
  expect(downloads['MT-human.vcf.gz'].equals(expected.vcf!)).toBe(true);
}

test('without the File System Access API, files stream as downloads (service worker)', async ({
  page,
}) => {
  await downloadRun(page, false);
});

test('without a service worker either, small outputs download as Blobs', async ({ page }) => {
  await downloadRun(page, true);
});

/** Resident memory of Chromium's renderer processes (the page and its Worker live there), MB. */
function rendererRssMB(): number {
  const out = execSync("ps -C chromium -o rss=,args= | grep -- '--type=renderer' || true", {
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0]) / 1024, 0);
}

test('a run of over 1 GB of FASTQ keeps memory flat', async ({ page }) => {
  test.setTimeout(300_000);
  await useOpfsFolder(page);
  await openApp(page);
  await page.getByLabel('E. coli 536').check();
  await setOption(page, 'pairs', '1500000');
  await setOption(page, 'read1-length', '150');
  await setOption(page, 'read2-length', '150');
  await page.locator('#out-vcf').uncheck();
  const baseline = rendererRssMB();
  const samples: { written: number; rss: number }[] = [];
  let running = true;
  const sampling = (async () => {
    while (running) {
      const written = Number(await page.evaluate(() => document.body.dataset.bytesOut ?? 0));
      samples.push({ written, rss: rendererRssMB() });
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  await simulateAndWait(page);
  running = false;
  await sampling;
  const written = await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    let total = 0;
    for await (const handle of (
      root as unknown as { values(): AsyncIterable<FileSystemFileHandle> }
    ).values())
      total += (await handle.getFile()).size;
    return total;
  });
  expect(written).toBeGreaterThan(1e9);
  const wasmMB = Number(await page.evaluate(() => document.body.dataset.maxWasmHeap)) / 2 ** 20;
  const early = Math.max(...samples.filter((s) => s.written < 2e8).map((s) => s.rss), baseline);
  const peak = Math.max(...samples.map((s) => s.rss));
  console.log(
    `1 GB run: ${(written / 1e9).toFixed(2)} GB written; wasm heap ${wasmMB} MB; renderer ` +
      `memory ${baseline.toFixed(0)} MB before, ${early.toFixed(0)} MB after 200 MB, ` +
      `${peak.toFixed(0)} MB at most (${samples.length} samples)`,
  );
  expect(samples.length).toBeGreaterThan(4);
  expect(wasmMB).toBeLessThanOrEqual(64);
  // Flat: writing the last 800+ MB adds less than 100 MB to what the first 200 MB needed.
  expect(peak - early).toBeLessThan(100);
});
