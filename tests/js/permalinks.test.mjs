// Shared runs on the edge API (workerd, with its bundled KV and cron Workers): POST /api/runs
// stores a manifest and GET /api/runs/<id> gives it back; malformed, oversized, forged, unknown
// and expired requests get 4xx JSON and store nothing; the scheduled job (fired by the cron
// Worker's own schedule, its clock moved forward) counts exactly what was stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  MANIFEST_MAX_BYTES,
  manifestProblem,
  summarizeContigs,
} from '../../dist/shared/run-manifest.js';
import { ROOT, sampleManifest, startProcess, waitFor } from './helpers.mjs';

const EDGE_PORT = 8805;
const KV_CLOCK = `http://127.0.0.1:${EDGE_PORT + 1}/clock`;
const CRON_CLOCK = `http://127.0.0.1:${EDGE_PORT + 2}/clock`;
const API = `http://127.0.0.1:${EDGE_PORT}/api`;
const SHARES_PER_HOUR = 40;
const MAX_MANIFEST_BYTES = 65536;
const children = [];
const stored = []; // the manifests the server said it kept
let firstId;

before(async () => {
  rmSync(join(ROOT, 'build-edge-runs'), { recursive: true, force: true }); // a fresh KV
  execFileSync(
    process.execPath,
    [
      'scripts/build-edge.mjs',
      ...['--out', 'build-edge-runs', '--port', String(EDGE_PORT)],
      ...['--test-port', String(EDGE_PORT + 1)],
      ...[
        '--limits',
        JSON.stringify({ sharesPerHour: SHARES_PER_HOUR, maxManifestBytes: MAX_MANIFEST_BYTES }),
      ],
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  startProcess(
    children,
    join(ROOT, 'node_modules/.bin/workerd'),
    ['serve', '--experimental', 'build-edge-runs/config.capnp'],
    /$^/,
  ).catch(() => {});
  await waitFor(`${API}/health`);
});

after(() => {
  for (const child of children) child.kill('SIGKILL');
});

function post(body, headers = { 'Content-Type': 'application/json' }) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return fetch(`${API}/runs`, { method: 'POST', headers, body: text });
}

async function share(manifest) {
  const response = await post(manifest);
  assert.equal(response.status, 201, await response.clone().text());
  const answer = await response.json();
  stored.push(manifest);
  return answer;
}

/** The 4xx JSON error of a request. */
async function refused(response, status, pattern) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type'), /application\/json/);
  const { error } = await response.json();
  assert.match(error, pattern);
}

test('a shared run is kept and given back as posted, under an unguessable id', async () => {
  const manifest = sampleManifest();
  const first = await share(manifest);
  const second = await share({
    ...manifest,
    reference: { ...manifest.reference, name: 'other.fa' },
  });
  firstId = first.id;
  assert.match(first.id, /^[A-Za-z0-9_-]{22}$/);
  assert.notEqual(first.id, second.id);
  assert.equal(first.url, `/r/${first.id}`);
  const days = (Date.parse(first.expiresAt) - Date.now()) / 86_400_000;
  assert.ok(days > 29.9 && days <= 30, `expires in ${days} days`);
  const back = await (await fetch(`${API}/runs/${first.id}`)).json();
  assert.equal(back.id, first.id);
  assert.deepEqual(back.manifest, manifest);
  assert.equal(back.expiresAt, first.expiresAt);
});

test('malformed, oversized and unknown requests get 4xx JSON errors', async () => {
  const good = sampleManifest();
  await refused(await post('{"format": '), 400, /not JSON/);
  await refused(await post(good, { 'Content-Type': 'text/plain' }), 415, /JSON/);
  await refused(await post({ ...good, format: 'other/1' }), 400, /format/);
  // No field can carry reads or sequence: unknown keys are refused wherever they are.
  await refused(await post({ ...good, reads: '@r1\nACGT\n+\nIIII\n' }), 400, /reads/);
  const sequence = structuredClone(good);
  sequence.reference.contigs[0].sequence = 'ACGT';
  await refused(await post(sequence), 400, /reference\.contigs\.0.*sequence/);
  const badMd5 = structuredClone(good);
  badMd5.reference.contigs[0].md5 = 'not-an-md5';
  await refused(await post(badMd5), 400, /reference\.contigs\.0\.md5/);
  await refused(await post({ ...good, stats: { ...good.stats, pairs: -1 } }), 400, /stats\.pairs/);
  const presigned = structuredClone(good);
  presigned.reference.url = 'https://bucket.s3.amazonaws.com/ref.fa?X-Amz-Signature=abc';
  await refused(await post(presigned), 400, /reference\.url/);
  // Too large, whether it says so (Content-Length) or not (a stream).
  const huge = { ...good, warnings: ['x'.repeat(MAX_MANIFEST_BYTES)] };
  await refused(await post(huge), 413, new RegExp(`${MAX_MANIFEST_BYTES} bytes`));
  const streamed = await fetch(`${API}/runs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: new Blob([JSON.stringify(huge)]).stream(),
    duplex: 'half',
  });
  await refused(streamed, 413, /at most/);
  await refused(await fetch(`${API}/runs`, { method: 'PUT' }), 405, /PUT/);
  // Ids: anything not shaped as one is refused as such; a well-formed unknown one is a 404.
  for (const forged of [
    'abc',
    'A'.repeat(23),
    '..%2F..%2Fstats:latest',
    'stats:latest',
    'A'.repeat(21) + '.',
  ])
    await refused(await fetch(`${API}/runs/${forged}`), 400, /not a shared run's id/);
  await refused(await fetch(`${API}/runs/${'A'.repeat(22)}`), 404, /no shared run/);
});

test('a reference of 200,000 contigs: the first that fit, the count and one digest', async () => {
  const contigs = Array.from({ length: 200_000 }, (_, i) => ({
    name: `NODE_${i}_length_300_cov_12.5`,
    length: 300,
    md5: (i * 2654435761).toString(16).padStart(32, '0').slice(-32),
  }));
  const summary = await summarizeContigs(contigs);
  assert.equal(summary.contigCount, 200_000);
  assert.ok(summary.contigs.length > 3000 && summary.contigs.length < 200_000);
  assert.deepEqual(summary.contigs, contigs.slice(0, summary.contigs.length));
  assert.match(summary.contigsDigest, /^sha256:[0-9a-f]{64}$/);
  // The digest names the whole list: a change past the contigs kept changes it.
  const changed = structuredClone(contigs);
  changed[199_999].length = 301;
  assert.notEqual((await summarizeContigs(changed)).contigsDigest, summary.contigsDigest);
  const manifest = sampleManifest();
  manifest.reference = { ...manifest.reference, ...summary };
  assert.equal(manifestProblem(manifest), null);
  const bytes = JSON.stringify(manifest).length;
  assert.ok(bytes <= MANIFEST_MAX_BYTES, `${bytes} bytes`);
  // This server keeps manifests of 64 KiB at most: refused with a message that says so.
  await refused(await post(manifest), 413, new RegExp(`${MAX_MANIFEST_BYTES} bytes`));
});

test('the scheduled job counts exactly the runs stored', async () => {
  // The cron Worker fires on its schedule (*/30 * * * *): move its clock to just before the next.
  // (The real clock may have fired it already, at a full or half hour: only a later run counts.)
  const asked = Date.now();
  const { now, at } = await (await fetch(`${CRON_CLOCK}?advance=0`, { method: 'POST' })).json();
  await fetch(`${CRON_CLOCK}?advance=${at.main - now - 1000}`, { method: 'POST' });
  let stats;
  for (let i = 0; i < 200; i++) {
    stats = await (await fetch(`${API}/stats`)).json();
    if (stats.generatedAt && Date.parse(stats.generatedAt) >= asked) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(Date.parse(stats.generatedAt) >= asked, 'the job ran');
  assert.equal(stats.runs, stored.length);
  assert.equal(
    stats.pairs,
    stored.reduce((s, m) => s + m.stats.pairs, 0),
  );
  assert.equal(
    stats.errors,
    stored.reduce((s, m) => s + m.stats.errors, 0),
  );
  assert.equal(
    stats.bytes,
    stored.reduce((s, m) => s + m.outputBytes, 0),
  );
  assert.deepEqual(stats.last24h.runs, stored.length);
  assert.deepEqual(stats.byReference.map((r) => [r.reference, r.runs]).sort(), [
    ['MT-human.fa', 1],
    ['other.fa', 1],
  ]);
});

test('a client posting too often gets 429 with Retry-After, and nothing more is stored', async () => {
  let accepted = 0;
  let limited;
  for (let i = 0; i < SHARES_PER_HOUR + 2 && !limited; i++) {
    const response = await post(sampleManifest());
    if (response.status === 201) accepted++;
    else if (response.status === 429) limited = response;
    else assert.fail(`HTTP ${response.status}`);
  }
  assert.ok(limited, 'the limit was reached');
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
  await refused(limited, 429, /too many shared runs/);
  // Every post counts (the refused ones above too), so fewer than the limit were accepted here.
  assert.ok(accepted > 0 && accepted < SHARES_PER_HOUR, `${accepted} accepted`);
});

test('a run shared more than 30 days ago is gone: 404', async () => {
  assert.equal((await fetch(`${API}/runs/${firstId}`)).status, 200);
  await fetch(`${KV_CLOCK}?advance=${31 * 86_400_000}`, { method: 'POST' });
  await refused(await fetch(`${API}/runs/${firstId}`), 404, /more than 30 days ago/);
});
