// A run in the calling thread of a browser or Worker: the engine fetched from its URL, the
// reference opened from a Blob, bytes, a URL or a stream.
import { functionSink, runSimulation, Sink, streamSink } from './core.js';
import { fetchBytes, loadEngine, openInput } from './load.js';
import type { OutputTarget, SimulateOptions, SimulateResult } from './types.js';

export const WASM_URL = new URL('./readforge.wasm', import.meta.url);

function sinkOf(target: OutputTarget): Sink {
  if (typeof target === 'function') return functionSink(target);
  if (typeof target === 'string')
    throw new TypeError('file paths are for Node: give a WritableStream');
  return streamSink(target);
}

/** Runs in this thread. */
export async function simulateHere(options: SimulateOptions): Promise<SimulateResult> {
  const wasm = options.wasm ?? WASM_URL;
  const module = await loadEngine(
    typeof wasm === 'string' || wasm instanceof URL ? await fetchBytes(wasm) : wasm,
  );
  return runSimulation(module, options, { open: openInput, sink: sinkOf });
}
