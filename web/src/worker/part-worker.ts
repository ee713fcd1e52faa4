// A part Worker: one share of a run on several Workers (every k-th block; see
// worker/parallel-run.ts). It reads the reference (and VCF) itself and sends its output in
// order, transferred, at most PART_WINDOW_BYTES ahead of what has been written.
import createReadforge from '../../../build-wasm/readforge.mjs';
import wasmUrl from '../../../build-wasm/readforge.wasm?url';
import { ArenaReturn, PartSender } from '../runner/block-merge.js';
import type { ReadforgeFactory } from '../runner/module-types.js';
import { ReadforgeError, simulate } from '../runner/pump.js';
import type { PartJob, PartWorkerMessage } from '../shared/protocol.js';
import { openReference, vcfStream } from './inputs.js';

const module = (createReadforge as ReadforgeFactory)({ locateFile: () => wasmUrl });
const post = (message: PartWorkerMessage, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer });
const sender = new PartSender(post);

self.onmessage = async ({ data }: MessageEvent<PartJob | ArenaReturn>) => {
  if ('arena' in data) return sender.returned(data);
  try {
    const summary = await simulate(
      await module,
      data.request,
      await openReference(data.reference, await module),
      {
        variants: data.variants ? await vcfStream(data.variants) : undefined,
        onOutput: (stream, bytes) => sender.chunk(stream, bytes),
        onBlockEnd: (reached) => sender.blockEnd(reached),
        onProgress: (p) =>
          post({ kind: 'progress', totalReferenceBases: p.stats.totalReferenceBases }),
      },
    );
    sender.finish({ kind: 'done', summary });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    sender.finish({
      kind: 'error',
      message,
      inReference: error instanceof ReadforgeError && error.inReference,
    });
  }
};
