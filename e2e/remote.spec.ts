// Remote references and the server path: a region of a bgzip FASTA in a (local) S3 bucket, a
// private bucket with requests signed in the page, and "Run on the server" in shards.
import { expect } from '@playwright/test';
import { join } from 'node:path';
import { sigv4Server } from '../tests/js/sigv4-server.mjs';
import {
  openApp,
  cliArgs,
  nativeRun,
  readSaved,
  ROOT,
  setOption,
  SHOTS,
  simulateAndWait,
  test,
  useOpfsFolder,
  watchConsole,
} from './helpers';

/** A private bucket (a SigV4-checking stand-in); the preview's CSP allows it (config). */
const PRIVATE_S3_PORT = 4571;

test('a region of a bgzip FASTA in a (local) S3 bucket: only its blocks, the CLI bytes', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  await openApp(page);
  await page.getByLabel('A FASTA on the web or S3').check();
  await page.locator('#remote-url').fill('s3://readforge-demo/ecoli-536.fa.gz');
  await page.locator('#s3-endpoint').fill('http://127.0.0.1:4569');
  await expect(page.locator('#remote-info')).toContainText('1 contigs, 4.9 Mb', {
    timeout: 20_000,
  });
  const contig = 'gi|110640213|ref|NC_008253.1|';
  for (const region of [`${contig}:100001-150000`, `${contig}:3000001-3020000`]) {
    await page.locator('#contig-pick').fill(region);
    await page.locator('#contig-pick').press('Enter');
    await page.locator('#contig-pick').blur();
  }
  await expect(page.locator('#regions')).toHaveValue(
    `${contig}:100001-150000\n${contig}:3000001-3020000`,
  );
  await expect(page.locator('#remote-info')).toContainText('downloads about');
  await setOption(page, 'pairs', '4000');
  await simulateAndWait(page);
  await page.screenshot({ path: join(SHOTS, '6-remote.png'), fullPage: true });
  const fetched = Number(await page.evaluate(() => document.body.dataset.fetched));
  expect(fetched).toBeGreaterThan(0);
  expect(fetched).toBeLessThan(200_000); // 70 kb of a 4.9 Mb genome, compressed
  const expected = nativeRun(
    cliArgs(new URL(page.url()).hash),
    join(ROOT, 'build-s3/ecoli-536.fa'),
    ['1.fq', '2.fq'],
    true,
  );
  expect((await readSaved(page, 'ecoli-536_R1.fq')).equals(expected.fastq[0])).toBe(true);
  expect((await readSaved(page, 'ecoli-536_R2.fq')).equals(expected.fastq[1])).toBe(true);
  expect((await readSaved(page, 'ecoli-536.vcf')).equals(expected.vcf!)).toBe(true);
  expect(problems).toEqual([]);
});

test('a private bucket: requests signed in the page, credentials kept out of links and storage', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  const secret = 'page/secret+key';
  const bucket = await sigv4Server(
    join(ROOT, 'build-s3'),
    { accessKeyId: 'AKIDPAGE', secretAccessKey: secret },
    PRIVATE_S3_PORT,
  );
  try {
    await openApp(page);
    await page.getByLabel('A FASTA on the web or S3').check();
    await page.locator('#remote-url').fill('s3://private/ecoli-536.fa.gz');
    await page.locator('#s3-endpoint').fill(`http://127.0.0.1:${PRIVATE_S3_PORT}`);
    // Without credentials: S3's refusal, said plainly.
    await expect(page.locator('#remote-info')).toContainText(
      'access denied (HTTP 403, AccessDenied)',
      {
        timeout: 20_000,
      },
    );
    await page.locator('#remote-access > summary').click();
    await page.locator('#s3-access-key').fill('AKIDPAGE');
    await page.locator('#s3-secret-key').fill('a wrong one');
    await expect(page.locator('#remote-info')).toContainText('the credentials are wrong');
    await page.locator('#s3-secret-key').fill(secret);
    await page.locator('#s3-region').fill('eu-west-1');
    await expect(page.locator('#remote-info')).toContainText('1 contigs, 4.9 Mb');
    await page.locator('#regions').fill('gi|110640213|ref|NC_008253.1|:200001-260000');
    await setOption(page, 'pairs', '3000');
    await simulateAndWait(page);
    expect(bucket.requests.length).toBeGreaterThan(3);
    expect(bucket.requests.filter((r) => r.problem === null).length).toBeGreaterThan(3);
    const expected = nativeRun(
      cliArgs(new URL(page.url()).hash),
      join(ROOT, 'build-s3/ecoli-536.fa'),
      ['1.fq', '2.fq'],
    );
    expect((await readSaved(page, 'ecoli-536_R1.fq')).equals(expected.fastq[0])).toBe(true);
    // The secret is in no link and no storage.
    await page.getByRole('button', { name: 'Copy link to these settings' }).click();
    expect(page.url()).not.toContain(encodeURIComponent(secret));
    expect(page.url()).not.toContain('AKIDPAGE');
    // A presigned address's signature (its query string) stays out of links too.
    await page
      .locator('#remote-url')
      .fill(`http://127.0.0.1:${PRIVATE_S3_PORT}/private/ecoli-536.fa.gz?X-Amz-Signature=feedbeef`);
    await page.getByRole('button', { name: 'Copy link to these settings' }).click();
    expect(decodeURIComponent(page.url())).toContain('/private/ecoli-536.fa.gz');
    expect(page.url()).not.toContain('feedbeef');
    const stored = await page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage }),
    );
    expect(stored).not.toContain(secret);
    // Chromium logs the refused requests of the two deliberate failures above; nothing else.
    expect(problems.filter((p) => !/status of 403 \(Forbidden\)/.test(p))).toEqual([]);
  } finally {
    bucket.close();
  }
});

test('"Run on the server" fans out in shards and saves the bytes of the in-browser run', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await useOpfsFolder(page);
  await openApp(page);
  await setOption(page, 'pairs', '5000');
  await setOption(page, 'mutation-rate', '0.005');
  await simulateAndWait(page);
  const local = await Promise.all(
    ['MT-human_R1.fq', 'MT-human_R2.fq', 'MT-human.vcf'].map((n) => readSaved(page, n)),
  );
  // Fanned out: each output asked in 8 shards (written in order).
  const shards = new Set<string>();
  page.on('request', (r) => {
    const url = new URL(r.url());
    const what = url.searchParams.get('mate') ?? url.searchParams.get('format');
    if (url.pathname === '/api/simulate') shards.add(`${what} ${url.searchParams.get('shard')}`);
  });
  await page.locator('#on-server').check();
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('#progress-text')).toContainText('Finished on the server', {
    timeout: 60_000,
  });
  expect([...shards].sort()).toEqual(
    ['1', '2', 'vcf'].flatMap((what) => [...Array(8).keys()].map((i) => `${what} ${i}/8`)),
  );
  const served = await Promise.all(
    ['MT-human_R1.fq', 'MT-human_R2.fq', 'MT-human.vcf'].map((n) => readSaved(page, n)),
  );
  served.forEach((bytes, i) => expect(bytes.equals(local[i])).toBe(true));
  expect(local[0].length).toBeGreaterThan(100_000);
  expect(problems).toEqual([]);
});
