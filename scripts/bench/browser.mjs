// Browser rows of scripts/bench.mjs: the built app (dist-app, served by `vite preview`) in
// Debian's Chromium through Playwright, simulating into the origin-private file system as the
// e2e tests do (a real on-disk profile: an incognito context keeps that file system in memory).
// Also the write ceiling: the same number of bytes written with 4 MB writes and nothing else.
// Each run's peak memory is sampled from the process list: the renderer (page and Workers) and
// every process of the browser's profile.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const PORT = 4188;

async function startPreview(root) {
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
    cwd: root,
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://localhost:${PORT}/`)).ok) return server;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

/** Samples, every 100 ms, the resident memory (MB) of the processes started for `profile`. */
function memorySampler(profile) {
  const peak = { renderer: 0, total: 0 };
  const timer = setInterval(() => {
    let total = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
        if (!args.includes(profile)) continue;
        const status = readFileSync(`/proc/${pid}/status`, 'latin1');
        const mb = Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
        total += mb;
        if (args.includes('--type=renderer')) peak.renderer = Math.max(peak.renderer, mb);
      } catch {} // a process that has just ended
    }
    peak.total = Math.max(peak.total, total);
  }, 100);
  return { peak, stop: () => clearInterval(timer) };
}

/**
 * Runs each case ({name, pairs, gzip, workers}) in the app with the built-in E. coli, 2 x 150,
 * no VCF; returns rows with seconds and bytes written, then the write ceiling for the largest.
 */
export async function browserRows(root, cases) {
  const server = await startPreview(root);
  const profile = mkdtempSync(join(tmpdir(), 'readforge-bench-chromium-'));
  // No service worker: it would keep one renderer alive across the runs, and each run's memory
  // would count in the next's (each run has a tab, and so a renderer, of its own).
  const context = await chromium.launchPersistentContext(profile, {
    serviceWorkers: 'block',
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    await context.addInitScript(() => {
      window.showDirectoryPicker = async () => {
        const root = await navigator.storage.getDirectory();
        for await (const name of root.keys()) await root.removeEntry(name);
        return root;
      };
    });
    const rows = [];
    let page;
    for (const c of cases) {
      for (const old of context.pages()) await old.close();
      page = await context.newPage();
      await page.goto(`http://localhost:${PORT}/`);
      await page.getByLabel('E. coli 536').check();
      await page.locator('#opt-pairs').fill(String(c.pairs));
      await page.locator('#opt-read1-length').fill('150');
      await page.locator('#opt-read2-length').fill('150');
      await page.locator('#advanced > summary').click();
      await page.locator('#opt-seed').fill('11');
      await page.locator('#out-vcf').setChecked(false);
      await page.locator('#out-gzip').setChecked(c.gzip);
      if (c.workers) await page.locator('#opt-workers').fill(String(c.workers));
      const memory = memorySampler(profile);
      const started = performance.now();
      await page.getByRole('button', { name: 'Simulate' }).click();
      await page.locator('#results').waitFor({ state: 'visible', timeout: 600_000 });
      const seconds = (performance.now() - started) / 1000;
      memory.stop();
      const bytes = await page.evaluate(async () => {
        const root = await navigator.storage.getDirectory();
        let total = 0;
        for await (const handle of root.values()) total += (await handle.getFile()).size;
        return total;
      });
      rows.push({
        name: c.name,
        seconds,
        bytes,
        pairs: c.pairs,
        rendererMB: memory.peak.renderer,
        totalMB: memory.peak.total,
      });
    }
    // The write ceiling: as many bytes as the largest plain run, in 4 MB createWritable writes.
    const plainBytes = Math.max(
      ...rows.filter((r) => !r.name.includes('gzip')).map((r) => r.bytes),
    );
    const ceiling = await page.evaluate(async (total) => {
      const root = await navigator.storage.getDirectory();
      for await (const name of root.keys()) await root.removeEntry(name);
      const chunk = new Uint8Array(4 << 20).fill(65);
      const started = performance.now();
      const writable = await (
        await root.getFileHandle('ceiling.fq', { create: true })
      ).createWritable();
      for (let done = 0; done < total; done += chunk.length)
        await writable.write(chunk.subarray(0, Math.min(chunk.length, total - done)));
      await writable.close();
      return (performance.now() - started) / 1000;
    }, plainBytes);
    rows.push({
      name: 'write ceiling (4 MB writes, same bytes)',
      seconds: ceiling,
      bytes: plainBytes,
    });
    return rows;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    process.kill(-server.pid);
  }
}

/** The app's runs in the bench: 1, 2 and 4 Workers, plain and compressed. */
export const BROWSER_CASES = (pairs) =>
  [false, true].flatMap((gzip) =>
    [1, 2, 4].map((workers) => ({
      name: `app, ${workers} Worker${workers > 1 ? 's' : ''}, ${gzip ? 'gzip' : 'plain'}`,
      pairs,
      gzip,
      workers,
    })),
  );

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('../..', import.meta.url).pathname;
  const pairs = Number(process.argv[2] ?? 1000000);
  const rows = await browserRows(root, BROWSER_CASES(pairs));
  for (const r of rows)
    console.log(
      `${r.name.padEnd(42)} ${r.seconds.toFixed(2)} s  ${(r.bytes / 1e6).toFixed(0)} MB  ` +
        `${(r.bytes / 1e6 / r.seconds).toFixed(0)} MB/s  renderer ${r.rendererMB?.toFixed(0)} MB`,
    );
}
