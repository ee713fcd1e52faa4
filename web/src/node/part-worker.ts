// A worker thread of `readforge-wasm -t N`: one part of the run (every N-th block), simulated
// from the reference file (and VCF) it reads itself, its output sent to the main thread in
// order, at most PART_WINDOW_BYTES ahead of what has been written (runner/block-merge.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { ArenaReturn, PartSender } from '../runner/block-merge.js';
import { ReadforgeError, SimulationRequest, simulate } from '../runner/pump.js';
import { named, referenceSource } from './file-sources.js';
import { loadReadforge } from './load-module.js';

export interface PartJob {
  request: SimulationRequest;
  referencePath: string;
  variantsPath: string;
}

const job = workerData as PartJob;
const port = parentPort!;
const sender = new PartSender((message, transfer) => port.postMessage(message, transfer));
port.on('message', (returned: ArenaReturn) => sender.returned(returned));

try {
  const module = await loadReadforge();
  const variants = job.variantsPath
    ? named(job.variantsPath, await referenceSource(job.variantsPath))
    : undefined;
  const summary = await simulate(module, job.request, await referenceSource(job.referencePath), {
    variants,
    onOutput: (stream, bytes) => sender.chunk(stream, bytes),
    onBlockEnd: (reached) => sender.blockEnd(reached),
  });
  sender.finish({ kind: 'done', summary });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const inReference = error instanceof ReadforgeError && error.inReference;
  sender.finish({ kind: 'error', message, inReference });
}
