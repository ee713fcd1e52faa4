// Shared runs (permalinks): POST /api/runs stores a run's manifest (web/src/shared/run-manifest.ts,
// never reads or sequence) in KV for RUN_DAYS days and answers its link, /r/<id>; GET
// /api/runs/<id> gives it back. Ids are 128 random bits, so links cannot be guessed.
import { manifestProblem, RUN_ID, RunManifest, SharedRun } from '../shared/run-manifest.js';
import type { Limits } from './config.js';
import { ApiError, json } from './http.js';
import type { KvNamespace } from './kv.js';
import { limitRate } from './rate-limit.js';

export const RUN_DAYS = 30;
const DAY = 86_400_000;

/** What the statistics job reads from each key's listing, without fetching the values. */
export interface RunMetadata {
  /** When it was shared (ms since the epoch). */
  t: number;
  reference: string;
  pairs: number;
  bytes: number;
  errors: number;
}

export function runsStore(kv: KvNamespace | undefined): KvNamespace {
  if (!kv)
    throw new ApiError(501, null, 'this server does not keep shared runs (no RUNS KV namespace)');
  return kv;
}

/** The body, read up to `max` bytes: a larger one is refused before it is all read. */
async function readBody(request: Request, max: number): Promise<string> {
  const tooLarge = () => new ApiError(413, null, `a run's manifest may hold at most ${max} bytes`);
  if (Number(request.headers.get('Content-Length') ?? 0) > max) throw tooLarge();
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.length;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(r.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) bytes.set(chunk, (at += chunk.length) - chunk.length);
  return new TextDecoder().decode(bytes);
}

function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export async function createRun(
  request: Request,
  kv: KvNamespace,
  limits: Limits,
): Promise<Response> {
  limitRate(request.headers.get('CF-Connecting-IP') ?? 'local', limits.sharesPerHour);
  if (!(request.headers.get('Content-Type') ?? '').startsWith('application/json'))
    throw new ApiError(415, null, 'a run is posted as JSON (Content-Type: application/json)');
  const body = await readBody(request, limits.maxManifestBytes);
  let manifest: unknown;
  try {
    manifest = JSON.parse(body);
  } catch (error) {
    throw new ApiError(400, null, `the body is not JSON: ${(error as Error).message}`);
  }
  const problem = manifestProblem(manifest);
  if (problem) throw new ApiError(400, null, `not a readforge run manifest: ${problem}`);
  const run = manifest as RunManifest;
  const now = Date.now();
  const id = newId();
  const shared: SharedRun = {
    id,
    sharedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + RUN_DAYS * DAY).toISOString(),
    manifest: run,
  };
  const metadata: RunMetadata = {
    t: now,
    reference: run.reference.name,
    pairs: run.stats.pairs,
    bytes: run.outputBytes,
    errors: run.stats.errors,
  };
  await kv.put(`run:${id}`, JSON.stringify(shared), {
    expirationTtl: (RUN_DAYS * DAY) / 1000,
    metadata,
  });
  return json(201, { id, url: `/r/${id}`, expiresAt: shared.expiresAt });
}

export async function getRun(id: string, kv: KvNamespace): Promise<Response> {
  if (!RUN_ID.test(id))
    throw new ApiError(400, 'id', `'${id.slice(0, 64)}' is not a shared run's id`);
  const text = await kv.get(`run:${id}`);
  if (text === null) {
    throw new ApiError(
      404,
      'id',
      `no shared run ${id}: the link is wrong, or the run was shared more than ${RUN_DAYS} days ago`,
    );
  }
  return new Response(text, {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'private, max-age=3600' },
  });
}
