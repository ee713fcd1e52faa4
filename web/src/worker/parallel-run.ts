// One run on several Workers (the form's "Workers"): each simulates every k-th block of the run
// from its own reading of the reference, and this Worker writes the blocks in run order
// (block-merge.ts), so the bytes are one Worker's. Progress is what has been written. Cancel and
// errors stop every Worker at once.
import { finishParts, OrderedMerge } from '../runner/block-merge.js';
import type { OutputStream, ReadforgeModule } from '../runner/module-types.js';
import type { SimulationRequest, Summary } from '../runner/pump.js';
import type { PartJob, PartWorkerMessage, RunRequest } from '../shared/protocol.js';

export async function simulateOnWorkers(
  module: ReadforgeModule,
  simulation: SimulationRequest,
  request: RunRequest,
  write: (stream: OutputStream, bytes: Uint8Array) => Promise<void>,
  onProgress: (fraction: number | null, pairs: number) => void,
  signal: AbortSignal,
): Promise<Summary> {
  const count = request.workers;
  const parts: Worker[] = [];
  const merge = new OrderedMerge(count, write, (part, returned) =>
    parts[part].postMessage(returned, [returned.arena]),
  );
  const stop = () => merge.fail(signal.reason);
  signal.addEventListener('abort', stop);
  for (let part = 0; part < count; part++) {
    const worker = new Worker(new URL('./part-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<PartWorkerMessage>) => {
      if (data.kind !== 'progress') return merge.push(part, data);
      // What has been written, not what the parts have made: they run up to a window ahead.
      const { pairs, referenceBases } = merge.written;
      const total = data.totalReferenceBases;
      onProgress(total > 0 ? Math.min(1, referenceBases / total) : null, pairs);
    };
    worker.onerror = (event) => merge.fail(new Error(event.message || 'a Worker failed'));
    const job: PartJob = {
      request: { ...simulation, blockStride: count, blockPhase: part },
      reference: request.reference,
      variants: request.variants,
    };
    worker.postMessage(job);
    parts.push(worker);
  }
  try {
    return await finishParts(module, simulation.settings, await merge.result, write);
  } finally {
    signal.removeEventListener('abort', stop);
    for (const worker of parts) worker.terminate();
  }
}
