// `readforge-wasm -t N`: N worker threads, each simulating every N-th block of the run (as the
// native -t does), their blocks written here in run order: the bytes of one thread.
import { Worker } from 'node:worker_threads';
import { finishParts, OrderedMerge, PartMessage } from '../runner/block-merge.js';
import type { OutputStream, ReadforgeModule } from '../runner/module-types.js';
import type { SimulationRequest, Summary } from '../runner/pump.js';
import type { PartJob } from './part-worker.js';

export async function simulateOnThreads(
  module: ReadforgeModule,
  request: SimulationRequest,
  referencePath: string,
  variantsPath: string,
  threads: number,
  onOutput: (stream: OutputStream, bytes: Uint8Array) => Promise<void>,
): Promise<Summary> {
  const workers: Worker[] = [];
  const merge = new OrderedMerge(threads, onOutput, (part, returned) =>
    workers[part].postMessage(returned, [returned.arena]),
  );
  for (let part = 0; part < threads; part++) {
    const job: PartJob = {
      request: { ...request, blockStride: threads, blockPhase: part },
      referencePath,
      variantsPath,
    };
    const worker = new Worker(new URL('./part-worker.js', import.meta.url), { workerData: job });
    worker.on('message', (message: PartMessage) => merge.push(part, message));
    worker.on('error', (error) => merge.fail(error));
    workers.push(worker);
  }
  try {
    return await finishParts(module, request.settings, await merge.result, onOutput);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
