// Memory of the app with several Workers: bounded by Workers x window, whatever the run's size.
// Runs 1M and 3M pairs of 2 x 150 from the built-in E. coli with 2 and 4 Workers, plain and
// compressed, in a persistent profile (files in the origin-private file system, on disk), and
// samples the resident memory of Chromium's processes for this profile (the process list: the
// app is not cross-origin isolated, so measureUserAgentSpecificMemory is not available). The
// files must be the command line's bytes.
import { chromium, expect, Page, test } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers';

/** The stated bound (docs/browser-app.md): the renderer, page and every Worker included. */
const boundMB = (workers: number) => 300 + 64 * (workers - 1);
const SLICE = 64 << 20;

/** Peak resident memory (MB) of the renderer and of all processes started for `profile`. */
function sampler(profile: string) {
  const peak = { renderer: 0, total: 0 };
  const sample = () => {
    let total = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
        if (!args.includes(profile)) continue;
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))![1]);
        total += kb;
        if (args.includes('--type=renderer')) peak.renderer = Math.max(peak.renderer, kb / 1024);
      } catch {} // a process that has just ended
    }
    peak.total = Math.max(peak.total, total / 1024);
  };
  const timer = setInterval(sample, 100);
  return { peak, stop: () => clearInterval(timer) };
}

/** SHA-256 of each 64 MB slice, then of those digests: the same in the page and here. */
async function savedDigest(page: Page, name: string): Promise<string> {
  return page.evaluate(
    async ({ file, slice }) => {
      const root = await navigator.storage.getDirectory();
      const blob = await (await root.getFileHandle(file)).getFile();
      const parts: Uint8Array[] = [];
      for (let at = 0; at < blob.size; at += slice) {
        const bytes = await blob.slice(at, at + slice).arrayBuffer();
        parts.push(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
      }
      const all = new Uint8Array(32 * parts.length);
      parts.forEach((p, i) => all.set(p, 32 * i));
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
      return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    },
    { file: name, slice: SLICE },
  );
}

/** The same digest of what the command line writes to `fifo`-like streams, without a file. */
async function cliDigests(args: string[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rf-memory-'));
  const fifos = [join(dir, 'r1'), join(dir, 'r2')];
  execFileSync('mkfifo', fifos);
  const digests = fifos.map(
    (fifo) =>
      new Promise<string>((resolve, reject) => {
        const reader = spawn('cat', [fifo]);
        const slices: Buffer[] = [];
        let current = createHash('sha256');
        let filled = 0;
        reader.stdout.on('data', (chunk: Buffer) => {
          for (let at = 0; at < chunk.length;) {
            const n = Math.min(chunk.length - at, SLICE - filled);
            current.update(chunk.subarray(at, at + n));
            filled += n;
            at += n;
            if (filled === SLICE) {
              slices.push(current.digest());
              current = createHash('sha256');
              filled = 0;
            }
          }
        });
        reader.on('error', reject);
        reader.on('close', () => {
          if (filled > 0) slices.push(current.digest());
          resolve(createHash('sha256').update(Buffer.concat(slices)).digest('hex'));
        });
      }),
  );
  const cli = spawn(join(ROOT, 'build/readforge'), [
    '-q',
    '-t',
    '2',
    '--mutations',
    '/dev/null',
    ...args,
    join(ROOT, 'public/refs/ecoli-536.fa.gz'),
    ...fifos,
  ]);
  const status = await new Promise((resolve) => cli.on('close', resolve));
  const result = await Promise.all(digests);
  rmSync(dir, { recursive: true, force: true });
  expect(status).toBe(0);
  return result;
}

test('several Workers: memory bounded and the same whatever the run size, bytes as the CLI', async () => {
  test.setTimeout(900_000);
  const profile = mkdtempSync(join(tmpdir(), 'rf-memory-chromium-'));
  // No service worker: it would keep one renderer alive across the runs' tabs, and what a run
  // leaves there would count in the next (the app saves through the File System Access API).
  const context = await chromium.launchPersistentContext(profile, {
    serviceWorkers: 'block',
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync'],
  });
  await context.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker =
      async () => {
        const root = await navigator.storage.getDirectory();
        for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys())
          await root.removeEntry(name);
        return root;
      };
  });
  const expected = new Map<string, string[]>();
  const report: string[] = [];
  try {
    for (const gzip of [false, true]) {
      for (const workers of [2, 4]) {
        const peaks: number[] = [];
        for (const pairs of [1_000_000, 3_000_000]) {
          // A tab of its own for each run (its renderer ends with it): what one run left behind
          // (reading files back to check them) is not counted in the next.
          for (const old of context.pages()) await old.close();
          const page = await context.newPage();
          await page.goto('http://localhost:4178/');
          await page.getByLabel('E. coli 536').check();
          await page.locator('#opt-pairs').fill(String(pairs));
          await page.locator('#opt-read1-length').fill('150');
          await page.locator('#opt-read2-length').fill('150');
          await page.locator('#advanced > summary').click();
          await page.locator('#opt-seed').fill('11');
          await page.locator('#out-vcf').setChecked(false);
          await page.locator('#out-gzip').setChecked(gzip);
          await page.locator('#opt-workers').fill(String(workers));
          const memory = sampler(profile);
          await page.getByRole('button', { name: 'Simulate' }).click();
          await expect(page.locator('#results')).toBeVisible({ timeout: 600_000 });
          memory.stop();
          const what = `${pairs / 1e6}M pairs, ${workers} Workers, ${gzip ? 'gzip' : 'plain'}`;
          report.push(
            `${what}: renderer ${memory.peak.renderer.toFixed(0)} MB, all ${memory.peak.total.toFixed(0)} MB`,
          );
          expect(memory.peak.renderer, what).toBeLessThan(boundMB(workers));
          peaks.push(memory.peak.renderer);
          const key = `${pairs}-${gzip}`;
          if (!expected.has(key)) {
            const args = ['-S', '11', '-N', String(pairs), '-1', '150', '-2', '150'];
            expected.set(key, await cliDigests(gzip ? [...args, '--gzip'] : args));
          }
          const suffix = gzip ? '.fq.gz' : '.fq';
          const saved = [
            await savedDigest(page, `ecoli-536_R1${suffix}`),
            await savedDigest(page, `ecoli-536_R2${suffix}`),
          ];
          expect(saved, `${what}: the command line's bytes`).toEqual(expected.get(key));
        }
        // Three times the output, the same memory.
        expect(peaks[1] / peaks[0], report.slice(-2).join('; ')).toBeLessThan(1.1);
      }
    }
  } finally {
    console.log(report.join('\n'));
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
