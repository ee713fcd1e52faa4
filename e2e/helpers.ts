// Shared by the end-to-end tests: the save folder (the page's origin-private file system stands
// in for the folder a person would pick: the app still writes through the real File System
// Access path), reading files back, and the native CLI for comparison.
import { expect, Page, test as base } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { SpanCoverage } from '../web/src/runner/module-types';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHOTS = join(ROOT, 'test-output/screenshots');
/** The small demo reference most tests run on. */
export const MT = join(ROOT, 'public/refs/MT-human.fa');
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

const scratchDirs: string[] = [];
process.on('exit', () => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** A folder for a test's files, removed when the Playwright worker exits. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

/** A multi-contig reference written to a temporary file, for the file input. */
export function multiContigFasta(): string {
  const path = join(scratchDir('rf-ref-'), 'sample.fa');
  let x = 7;
  let text = '';
  for (const [name, length] of [
    ['chrA', 40000],
    ['chrB', 25000],
    ['chrC', 9000],
  ] as const) {
    text += `>${name} test contig\n`;
    for (let i = 0; i < length; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      text += 'ACGT'[x >>> 30] + ((i + 1) % 60 === 0 ? '\n' : '');
    }
    text += '\n';
  }
  writeFileSync(path, text);
  return path;
}

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

/**
 * Opens the app at `path` and waits until it is ready: the engine loads before the form's
 * listeners exist, so a file picked earlier would go unnoticed.
 */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached({ timeout: 30_000 });
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
    if (['ref', 'gzip', 'vcf', 'bam', 'workers'].includes(name)) continue; // not engine options
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
    } else if (['haploid', 'interleaved', 'umi-inline'].includes(name)) {
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
  try {
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fills option `name` (#opt-NAME), opening Advanced first when it sits there. */
export async function setOption(page: Page, name: string, value: string): Promise<void> {
  const input = page.locator(`#opt-${name}`);
  if (!(await input.isVisible())) await page.locator('#advanced > summary').click();
  await input.fill(value);
}

export async function simulateAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#results')).toBeVisible({ timeout: 150_000 });
}

/**
 * The coverage plot's bins (what #coverage-figure plots) against those computed from the saved
 * read-1 FASTQ's names (the leftmost base of each pair) and the reference's N bases.
 */
export async function expectCoverageOf(page: Page, fasta: string, read1: Buffer): Promise<void> {
  await expect(page.locator('#coverage-figure')).toBeVisible();
  await expect(page.locator('#coverage-plot canvas')).toHaveCount(1);
  const tracks: SpanCoverage[] = JSON.parse(
    (await page.locator('#coverage-figure').getAttribute('data-tracks'))!,
  );
  const sequences = new Map<string, string>();
  let name = '';
  for (const line of readFileSync(fasta, 'latin1').split('\n')) {
    if (line.startsWith('>')) sequences.set((name = line.slice(1).split(/\s/)[0]), '');
    else sequences.set(name, sequences.get(name)! + line.trim());
  }
  const expected = tracks.map((t) => {
    const bins = Math.ceil(t.length / t.width);
    const seq = sequences.get(t.contig)!.slice(t.begin, t.begin + t.length);
    const nBases = Array.from({ length: bins }, (_, i) =>
      [...seq.slice(i * t.width, (i + 1) * t.width)].reduce((n, b) => n + Number(b === 'N'), 0),
    );
    return { ...t, fragments: new Array<number>(bins).fill(0), nBases };
  });
  const lines = read1.toString('latin1').split('\n');
  for (let i = 0; i < lines.length; i += 4) {
    if (!lines[i]) continue;
    // wgsim's names: @contig_left_right_e:s:i_e:s:i_index/1, contig names may hold '_'.
    const fields = lines[i].slice(1).split('_');
    const left = Number(fields[fields.length - 5]) - 1;
    const contig = fields.slice(0, -5).join('_');
    const t = expected.find(
      (e) => e.contig === contig && left >= e.begin && left < e.begin + e.length,
    );
    expect(t, `a track for ${lines[i]}`).toBeTruthy();
    t!.fragments[Math.floor((left - t!.begin) / t!.width)]++;
  }
  expect(tracks).toEqual(expected);
}
