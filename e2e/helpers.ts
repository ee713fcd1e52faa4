// Shared by the end-to-end tests: the save folder (the page's origin-private file system stands
// in for the folder a person would pick: the app still writes through the real File System
// Access path), reading files back, and the native CLI for comparison.
import { expect, Page, test as base } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHOTS = join(ROOT, 'test-output/screenshots');
mkdirSync(SHOTS, { recursive: true });

/**
 * Playwright's test, with a check after every test of the suite: no Content-Security-Policy
 * violation was reported (the app runs under the CSP of web/security-headers.ts).
 */
export const test = base.extend<{ noCspViolations: void }>({
  noCspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (m) => {
        if (
          /Content Security Policy|Refused to (load|connect|execute|apply|frame|create)/i.test(
            m.text(),
          )
        )
          violations.push(m.text());
      });
      await use();
      expect(violations, 'CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

/** The folder picker answers with the origin-private file system, emptied first. */
export async function useOpfsFolder(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker =
      async () => {
        const root = await navigator.storage.getDirectory();
        for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys())
          await root.removeEntry(name);
        return root;
      };
  });
}

/** Fails the test on any uncaught error or console error. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return problems;
}

/** A file the app saved (to the origin-private file system), decompressed unless `raw`. */
export async function readSaved(page: Page, name: string, raw = false): Promise<Buffer> {
  const base64 = await page.evaluate(async (file) => {
    const root = await navigator.storage.getDirectory();
    const blob = await (await root.getFileHandle(file)).getFile();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }, name);
  const bytes = Buffer.from(base64, 'base64');
  return name.endsWith('.gz') && !raw ? gunzipSync(bytes) : bytes;
}

export async function savedNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const names: string[] = [];
    for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys())
      names.push(name);
    return names.sort();
  });
}

/**
 * The command line equivalent of the run the page's URL describes (its share link). A profile
 * from a file or learned in the page is `profilePath`, a planted VCF `variantsPath` (the link
 * only names them).
 */
export function cliArgs(hash: string, profilePath?: string, variantsPath?: string): string[] {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const args: string[] = [];
  for (const [name, value] of params) {
    if (['ref', 'gzip', 'vcf', 'workers'].includes(name)) continue; // not engine options
    if (name === 'variants-file') {
      args.push('--variants', variantsPath!);
      continue;
    }
    if (name === 'variants-sample') {
      args.push('--sample', value);
      continue;
    }
    if (name === 'quality') {
      const builtIn = join(ROOT, `public/profiles/${value}.profile`);
      args.push('--profile', value.includes(':') ? profilePath! : builtIn);
      continue;
    }
    if (name === 'regions') {
      for (const r of value.split(/[\n;]/).filter(Boolean)) args.push('--region', r);
    } else if (name === 'haploid' || name === 'interleaved') {
      if (value === '1') args.push(`--${name}`);
    } else {
      args.push(`--${name}`, value);
    }
  }
  return args;
}

/**
 * Runs the native CLI with `args` on `reference`, writing the named outputs (FASTQ files in
 * order, plus a VCF when `vcf` is set); returns their bytes.
 */
export function nativeRun(
  args: string[],
  reference: string,
  fastq: string[],
  vcf = false,
): { fastq: Buffer[]; vcf?: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'readforge-e2e-'));
  const paths = fastq.map((o) => join(dir, o));
  const vcfArgs = vcf ? ['--vcf', join(dir, 'truth.vcf')] : [];
  execFileSync(
    join(ROOT, 'build/readforge'),
    ['-q', ...args, ...vcfArgs, '--mutations', '/dev/null', reference, ...paths],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return {
    fastq: paths.map((p) => readFileSync(p)),
    vcf: vcf ? readFileSync(join(dir, 'truth.vcf')) : undefined,
  };
}

export async function simulateAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#results')).toBeVisible({ timeout: 150_000 });
}
