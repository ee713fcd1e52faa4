// A local reference never leaves the machine: every request made while the app reads a local
// FASTA and simulates from it (page, Workers, service worker) is checked for the file's bytes.
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  openApp,
  multiContigFasta,
  readSaved,
  setOption,
  simulateAndWait,
  test,
  useOpfsFolder,
} from './helpers';

test("no request made during a local-file run carries the file's bytes", async ({
  page,
  context,
}) => {
  const fasta = multiContigFasta();
  const text = readFileSync(fasta, 'latin1');
  const sequence = text.replace(/^>.*$/gm, '').replace(/\n/g, '');
  // 200 probes of 24 bases from all over the file: one in any request would be a leak.
  const probes = Array.from({ length: 200 }, (_, i) => {
    const at = Math.floor((i * (sequence.length - 24)) / 200);
    return sequence.slice(at, at + 24);
  });
  const requests: { url: string; body: string }[] = [];
  context.on('request', (r) => {
    requests.push({ url: r.url(), body: r.postDataBuffer()?.toString('latin1') ?? '' });
  });
  await useOpfsFolder(page);
  await openApp(page);
  await page.locator('#fasta-file').setInputFiles(fasta);
  await setOption(page, 'pairs', '5000');
  await setOption(page, 'workers', '2');
  await simulateAndWait(page);
  // The run did read the file: its reads hold its sequence.
  const reads = (await readSaved(page, 'sample_R1.fq')).toString('latin1');
  expect(probes.some((p) => reads.includes(p.slice(0, 20)))).toBe(true);
  expect(requests.length).toBeGreaterThan(0); // the page, its scripts, the wasm were seen
  const leaks = requests.filter(
    (r) => r.body.includes('>chrA') || probes.some((p) => r.body.includes(p) || r.url.includes(p)),
  );
  expect(leaks).toEqual([]);
  // Nothing at all was sent anywhere but this origin.
  const origin = new URL(page.url()).origin;
  expect(requests.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('blob:'))).toEqual(
    [],
  );
  expect(requests.filter((r) => r.body.length > 0)).toEqual([]);
});
