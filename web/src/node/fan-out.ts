// readforge-wasm --server URL --shards K [--parallel P]: one run split into K shards simulated
// by the edge API (GET /api/simulate?...&shard=i/k), P requests in flight, each output written
// in shard order: the bytes of the unsharded run. A shard that fails is asked again and resumes
// where it stopped (its bytes are deterministic, so the ones already written are skipped).
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { ParsedArgs, Setting } from '../engine/module-types.js';
import { ReadforgeError } from '../engine/pump.js';

export interface FanOut {
  server: string;
  shards: number;
  parallel: number;
}

/** Where a shard's answer for one output is asked for, and what the query adds for it. */
interface Output {
  path: string;
  query: string;
}

const TRIES = 4;

/** Takes --server, --shards and --parallel out of argv (the engine's parser knows none of them). */
export function takeFanOutFlags(argv: string[]): { rest: string[]; fanOut: FanOut | null } {
  const rest: string[] = [];
  const found = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(server|shards|parallel)(?:=(.*))?$/.exec(argv[i]);
    if (!match) {
      rest.push(argv[i]);
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new ReadforgeError(`--${match[1]} needs a value`);
    found.set(match[1], value);
  }
  if (!found.has('server')) {
    if (found.size > 0) throw new ReadforgeError('--shards and --parallel go with --server URL');
    return { rest, fanOut: null };
  }
  const count = (name: string, fallback: number, max: number) => {
    const value = Number(found.get(name) ?? fallback);
    if (!Number.isInteger(value) || value < 1 || value > max)
      throw new ReadforgeError(
        `--${name} must be an integer in [1, ${max}], got ${found.get(name)}`,
      );
    return value;
  };
  const server = found.get('server')!.replace(/\/+$/, '');
  if (!/^https?:\/\//.test(server))
    throw new ReadforgeError(`--server must be an http(s):// URL, got '${server}'`);
  return {
    rest,
    fanOut: { server, shards: count('shards', 1, 10000), parallel: count('parallel', 4, 64) },
  };
}

/** Runs the simulation on the server in shards; the reference is the server's name for it. */
export async function runOnServer(
  args: ParsedArgs,
  settings: Setting[],
  fanOut: FanOut,
  log: (line: string) => void,
): Promise<void> {
  const [ref, out1, out2] = args.positional;
  const base = new URLSearchParams([['ref', ref], ...settings]);
  const gzip = (path: string) => (/\.b?gz$/.test(path) ? '&gzip=1' : '');
  const outputs: Output[] = [];
  if (args.interleaved) outputs.push({ path: out1, query: `&format=interleaved${gzip(out1)}` });
  else outputs.push({ path: out1, query: `&mate=1${gzip(out1)}` });
  if (args.paired && !args.interleaved) outputs.push({ path: out2, query: `&mate=2${gzip(out2)}` });
  if (args.vcfPath) outputs.push({ path: args.vcfPath, query: `&format=vcf${gzip(args.vcfPath)}` });
  if (args.mutationsPath && args.mutationsPath !== '-')
    log('the mutation list is not served by the API: use --vcf for the truth');
  const started = Date.now();
  let bytes = 0;
  try {
    for (const output of outputs) {
      const url = (i: number) =>
        `${fanOut.server}/api/simulate?${base}${output.query}&shard=${i}/${fanOut.shards}`;
      bytes += await fetchInOrder(url, output.path, fanOut, log);
    }
  } catch (error) {
    for (const output of outputs) rmSync(output.path, { force: true });
    throw error;
  }
  const seconds = (Date.now() - started) / 1000;
  log(
    `${fanOut.shards} shards from ${fanOut.server} (${fanOut.parallel} at a time): ` +
      `${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
  );
}

/**
 * Shards 0..K-1 of one output into `path`, in order: up to P requests open at once. Answers
 * further ahead wait in their connections (TCP back-pressure), so memory stays at P chunks.
 */
async function fetchInOrder(
  url: (shard: number) => string,
  path: string,
  fanOut: FanOut,
  log: (line: string) => void,
): Promise<number> {
  const fd = openSync(path, 'w');
  try {
    const opened: Promise<Response>[] = [];
    const open = (i: number) => {
      if (i < fanOut.shards && !opened[i]) {
        opened[i] = ask(url(i), 0);
        opened[i].catch(() => {}); // awaited in order below
      }
    };
    let total = 0;
    for (let i = 0; i < fanOut.shards; i++) {
      for (let j = i; j < i + fanOut.parallel; j++) open(j);
      total += await writeShard(opened[i], url(i), fd, log);
      delete opened[i];
    }
    return total;
  } finally {
    closeSync(fd);
  }
}

/** Writes one shard's answer; on a failure, asks again and skips what was written. */
async function writeShard(
  first: Promise<Response>,
  url: string,
  fd: number,
  log: (line: string) => void,
): Promise<number> {
  let written = 0;
  let response = first;
  for (let attempt = 1; ; attempt++) {
    try {
      let skip = written;
      const body = (await response).body;
      if (!body) throw new Error('an empty answer');
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        const part = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
        skip -= chunk.length - part.length;
        for (let at = 0; at < part.length;) at += writeSync(fd, part, at);
        written += part.length;
      }
      return written;
    } catch (error) {
      if (error instanceof ReadforgeError || attempt >= TRIES) throw retryProblem(error, url);
      log(`${shardOf(url)} failed (${describe(error)}); asking again (${attempt} of ${TRIES - 1})`);
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
      response = ask(url, written);
    }
  }
}

/** GET a shard; an answer that is not 200 is an error (4xx at once, others retried). */
async function ask(url: string, resumeAt: number): Promise<Response> {
  const response = await fetch(url);
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

const shardOf = (url: string) => `shard ${new URL(url).searchParams.get('shard')}`;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function retryProblem(error: unknown, url: string): Error {
  if (error instanceof ReadforgeError) return error;
  return new ReadforgeError(`${shardOf(url)}: ${describe(error)}, ${TRIES} times: giving up`);
}
