// Fan-out: one run split into K shards simulated by the edge API (GET /api/simulate?...&shard=
// i/k), P requests in flight, each output written in shard order: the bytes of the unsharded
// run. A shard that fails is asked again and resumes where it stopped (its bytes are
// deterministic, so those already written are skipped). Used by `readforge-wasm --server` and
// by the app's "Run on the server".
import { ReadforgeError } from './pump.js';

export interface ShardPlan {
  shards: number;
  parallel: number;
}

/** Takes each chunk of the output in order; a promise holds the next back (back-pressure). */
export type ShardSink = (chunk: Uint8Array) => void | Promise<void>;

const TRIES = 4;

/**
 * Shards 0..K-1 of one output into `sink`, in order, with up to P requests open at once.
 * Answers further ahead wait in their connections (TCP back-pressure), so memory stays at P
 * chunks. Returns the bytes written.
 */
export async function fetchShardsInOrder(
  url: (shard: number) => string,
  sink: ShardSink,
  plan: ShardPlan,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<number> {
  const opened: Promise<Response>[] = [];
  const open = (i: number) => {
    if (i < plan.shards && !opened[i]) {
      opened[i] = ask(url(i), 0, signal);
      opened[i].catch(() => {}); // awaited in order below
    }
  };
  let total = 0;
  try {
    for (let i = 0; i < plan.shards; i++) {
      for (let j = i; j < i + plan.parallel; j++) open(j);
      total += await writeShard(opened[i], url(i), sink, log, signal);
      delete opened[i];
    }
  } finally {
    // Answers opened ahead and not read are let go (their connections close).
    for (const response of opened) void response?.then((r) => r.body?.cancel()).catch(() => {});
  }
  return total;
}

/** Writes one shard's answer; on a failure, asks again and skips what was written. */
async function writeShard(
  first: Promise<Response>,
  url: string,
  sink: ShardSink,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<number> {
  let written = 0;
  let response = first;
  for (let attempt = 1; ; attempt++) {
    try {
      let skip = written;
      const body = (await response).body;
      if (!body) throw new Error('an empty answer');
      const reader = body.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        const chunk = r.value;
        const part = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
        skip -= chunk.length - part.length;
        if (part.length) await sink(part);
        written += part.length;
      }
      return written;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof ReadforgeError || attempt >= TRIES) throw retryProblem(error, url);
      log(`${shardOf(url)} failed (${describe(error)}); asking again (${attempt} of ${TRIES - 1})`);
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
      response = ask(url, written, signal);
    }
  }
}

/** GET a shard; an answer that is not 200 is an error (4xx at once, others retried). */
async function ask(url: string, resumeAt: number, signal?: AbortSignal): Promise<Response> {
  const response = await fetch(url, { signal });
  if (response.ok) return response;
  const text = await response.text().catch(() => '');
  let message = text;
  try {
    message = (JSON.parse(text) as { error?: string }).error ?? text;
  } catch {}
  const problem = `${shardOf(url)}: HTTP ${response.status}: ${message}`;
  if (response.status >= 400 && response.status < 500) throw new ReadforgeError(problem);
  throw new Error(problem + (resumeAt ? ` (resuming at byte ${resumeAt})` : ''));
}

const shardOf = (url: string) => `shard ${new URL(url, 'http://x').searchParams.get('shard')}`;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function retryProblem(error: unknown, url: string): Error {
  if (error instanceof ReadforgeError) return error;
  return new ReadforgeError(`${shardOf(url)}: ${describe(error)}, ${TRIES} times: giving up`);
}
