// readforge in Node: `simulate` with file paths (or streams, bytes, URLs) for its inputs and
// outputs, in the calling thread.
import { createReadStream, createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { decompressIfGzip } from '../../../web/src/runner/pump.js';
import { functionSink, ReadforgeError, runSimulation, Sink, streamSink } from './core.js';
import { loadEngine, fetchBytes, openInput } from './load.js';
import type { OutputTarget, ReferenceInput, Simulate } from './types.js';

export type * from './types.js';
export { ReadforgeError };

const WASM_PATH = fileURLToPath(new URL('./readforge.wasm', import.meta.url));
const isUrl = (s: string) => /^https?:\/\//.test(s);

async function open(
  input: Exclude<ReferenceInput, ReadableStream<Uint8Array>>,
): Promise<ReadableStream<Uint8Array>> {
  if (typeof input === 'string' && !isUrl(input)) {
    if (!existsSync(input))
      throw new ReadforgeError(`cannot open ${input}: No such file or directory`);
    const file = createReadStream(input, { highWaterMark: 1 << 20 });
    return decompressIfGzip(Readable.toWeb(file) as unknown as ReadableStream<Uint8Array>);
  }
  return openInput(input);
}

/** A file output is removed when the run fails, as the command line's are. */
function fileSink(path: string): Sink {
  const sink = streamSink(Writable.toWeb(createWriteStream(path)) as WritableStream<Uint8Array>);
  return {
    ...sink,
    abort: async (reason) => {
      await sink.abort(reason).catch(() => {});
      rmSync(path, { force: true });
    },
  };
}

function sinkOf(target: OutputTarget): Sink {
  if (typeof target === 'function') return functionSink(target);
  if (typeof target === 'string') return fileSink(target);
  return streamSink(target);
}

export const simulate: Simulate = async (options) => {
  const wasm = options.wasm ?? WASM_PATH;
  const module = await loadEngine(
    typeof wasm === 'string' && !isUrl(wasm)
      ? readFileSync(wasm)
      : typeof wasm === 'string' || wasm instanceof URL
        ? await fetchBytes(wasm)
        : wasm,
  );
  const readText = (name: string) => (existsSync(name) ? readFileSync(name, 'latin1') : undefined);
  return runSimulation(module, options, { open, sink: sinkOf, readText });
};
