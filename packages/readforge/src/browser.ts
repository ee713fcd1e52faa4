// readforge in a browser: `simulate` runs the engine in a Web Worker of its own (or, with
// `worker: false`, in the calling thread, for instance inside a Worker of yours).
import { simulateHere, WASM_URL } from './here.js';
import type { OutputTarget, Simulate, SimulateOptions, SimulateResult } from './types.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

export type * from './types.js';
export { ReadforgeError } from './core.js';
export { simulateHere };

/**
 * An output as a stream the Worker can take: a plain WritableStream piped into the target here
 * (a file's FileSystemWritableFileStream, say, cannot be transferred; a function is not a
 * stream). `done` settles once the target has everything.
 */
function forWorker(target: OutputTarget): {
  stream: WritableStream<Uint8Array>;
  done: Promise<void>;
} {
  if (typeof target === 'string')
    throw new TypeError('file paths are for Node: give a WritableStream');
  const sink =
    typeof target === 'function'
      ? new WritableStream<Uint8Array>({ write: (bytes) => target(bytes) })
      : target;
  const pipe = new TransformStream<Uint8Array, Uint8Array>();
  return { stream: pipe.writable, done: pipe.readable.pipeTo(sink) };
}

/** A URL as the page means it: the Worker would resolve a relative one against its own script. */
const absolute = (url: string | URL) => new URL(url, location.href).href;

/** Runs in a Web Worker started for the run and ended with it. */
async function simulateInWorker(options: SimulateOptions): Promise<SimulateResult> {
  const { onProgress, signal, outputs, wasm, ...rest } = options;
  signal?.throwIfAborted();
  if (typeof rest.reference === 'string' || rest.reference instanceof URL)
    rest.reference = absolute(rest.reference);
  const streams: Record<string, WritableStream<Uint8Array>> = {};
  const written: Promise<void>[] = [];
  for (const [name, target] of Object.entries(outputs)) {
    if (!target) continue;
    const { stream, done } = forWorker(target);
    streams[name] = stream;
    written.push(done);
  }
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const message: ToWorker = {
    type: 'run',
    options: { ...rest, outputs: streams as unknown as SimulateOptions['outputs'] },
    wasm:
      typeof wasm === 'string' || wasm instanceof URL ? absolute(wasm) : (wasm ?? WASM_URL.href),
  };
  const transfer: Transferable[] = Object.values(streams) as unknown as Transferable[];
  if (rest.reference instanceof ReadableStream)
    transfer.push(rest.reference as unknown as Transferable);
  // A failed or cancelled run aborts the pipes: the promise rejects with the run's reason.
  for (const done of written) done.catch(() => {});
  return new Promise<SimulateResult>((resolve, reject) => {
    const abort = () => worker.postMessage({ type: 'abort' } satisfies ToWorker);
    signal?.addEventListener('abort', abort, { once: true });
    const end = () => {
      signal?.removeEventListener('abort', abort);
      worker.terminate();
    };
    worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      if (data.type === 'progress') return onProgress?.(data.progress);
      end();
      if (data.type === 'done') Promise.all(written).then(() => resolve(data.result), reject);
      else if (signal?.aborted) reject(signal.reason);
      else reject(Object.assign(new Error(data.message), { name: data.name }));
    };
    worker.onerror = (event) => {
      end();
      reject(new Error(`readforge's Worker failed: ${event.message}`));
    };
    worker.postMessage(message, transfer);
  });
}

export const simulate: Simulate = (options) =>
  options.worker === false || typeof Worker === 'undefined'
    ? simulateHere(options)
    : simulateInWorker(options);
