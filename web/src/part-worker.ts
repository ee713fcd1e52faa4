// A part Worker: one share of a run on several Workers (every k-th block; see
// worker/parallel-run.ts). It reads the reference (and VCF) itself and sends its output in
// order, transferred, at most PART_WINDOW_BYTES ahead of what has been written.
import createReadforge from '../../build-wasm/readforge.mjs';
import wasmUrl from '../../build-wasm/readforge.wasm?url';
import { PartCredit, PartEvent } from './engine/block-merge.js';
import type { ReadforgeFactory } from './engine/module-types.js';
import { ReadforgeError, SimulationRequest, simulate } from './engine/pump.js';
import type { ReferenceSpec } from './shared/protocol.js';
import { openReference, vcfStream } from './worker/inputs.js';

export interface PartJob {
  request: SimulationRequest;
  reference: ReferenceSpec;
  variants?: File;
}

export type PartMessage = PartEvent | { kind: 'progress'; pairs: number; fraction: number | null };

const module = (createReadforge as ReadforgeFactory)({ locateFile: () => wasmUrl });
const post = (message: PartMessage, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer });
const credits = new PartCredit();

self.onmessage = async ({ data }: MessageEvent<PartJob | number>) => {
  if (typeof data === 'number') return credits.credit(data);
  try {
    const summary = await simulate(
      await module,
      data.request,
      await openReference(data.reference),
      {
        variants: data.variants ? await vcfStream(data.variants) : undefined,
        onOutput: async (stream, bytes) => {
          const copy = bytes.slice(); // the engine's view is lent; the copy is transferred
          post({ kind: 'chunk', stream, bytes: copy }, [copy.buffer]);
          await credits.sent(copy.length);
        },
        onBlockEnd: () => post({ kind: 'block-end' }),
        onProgress: (p) => post({ kind: 'progress', pairs: p.stats.pairs, fraction: p.fraction }),
      },
    );
    post({ kind: 'done', summary });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({
      kind: 'error',
      message,
      inReference: error instanceof ReadforgeError && error.inReference,
    });
  }
};
