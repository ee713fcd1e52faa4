// readforge-wasm --server URL --shards K [--parallel P]: one run split into K shards simulated
// by the edge API, P requests in flight (runner/shards.ts), each output written to its file in
// shard order: the bytes of the unsharded run.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { ParsedArgs, Setting } from '../runner/module-types.js';
import { ReadforgeError } from '../runner/pump.js';
import { fetchShardsInOrder } from '../runner/shards.js';
import { isRegularFile } from './file-sources.js';

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
    // Only regular files: /dev/null (as root) or a pipe must stay.
    for (const output of outputs) if (isRegularFile(output.path)) rmSync(output.path);
    throw error;
  }
  const seconds = (Date.now() - started) / 1000;
  log(
    `${fanOut.shards} shards from ${fanOut.server} (${fanOut.parallel} at a time): ` +
      `${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
  );
}

/** Shards 0..K-1 of one output into the file at `path`, in order. */
async function fetchInOrder(
  url: (shard: number) => string,
  path: string,
  fanOut: FanOut,
  log: (line: string) => void,
): Promise<number> {
  const fd = openSync(path, 'w');
  try {
    return await fetchShardsInOrder(
      url,
      (chunk) => {
        for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at);
      },
      fanOut,
      log,
    );
  } finally {
    closeSync(fd);
  }
}
