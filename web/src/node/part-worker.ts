// A worker thread of `readforge-wasm -t N`: one part of the run (every N-th block), simulated
// from the reference file (and VCF) it reads itself, its output sent to the main thread in
// order and at most PART_WINDOW_BYTES ahead of what has been written.
import { parentPort, workerData } from 'node:worker_threads';
import { PartCredit, PartEvent } from '../engine/block-merge.js';
import { ReadforgeError, SimulationRequest, simulate } from '../engine/pump.js';
import { named, referenceSource } from './file-sources.js';
import { loadReadforge } from './load-module.js';

export interface PartJob {
  request: SimulationRequest;
  referencePath: string;
  variantsPath: string;
}

const job = workerData as PartJob;
const port = parentPort!;
const credits = new PartCredit();
port.on('message', (bytes: number) => credits.credit(bytes));

const post = (event: PartEvent, transfer: ArrayBuffer[] = []) => port.postMessage(event, transfer);

try {
  const module = await loadReadforge();
  const variants = job.variantsPath
    ? named(job.variantsPath, await referenceSource(job.variantsPath))
    : undefined;
  const summary = await simulate(module, job.request, await referenceSource(job.referencePath), {
    variants,
    onOutput: async (stream, bytes) => {
      const copy = bytes.slice(); // the engine's view is lent; the copy is transferred
      post({ kind: 'chunk', stream, bytes: copy }, [copy.buffer]);
      await credits.sent(copy.length);
    },
    onBlockEnd: () => post({ kind: 'block-end' }),
  });
  post({ kind: 'done', summary });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const inReference = error instanceof ReadforgeError && error.inReference;
  post({ kind: 'error', message, inReference });
}
