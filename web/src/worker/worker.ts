// The simulation Worker: loads readforge.wasm once, runs one simulation at a time.
import createReadforge from '../../../build-wasm/readforge.mjs';
import wasmUrl from '../../../build-wasm/readforge.wasm?url';
import type { ReadforgeFactory } from '../runner/module-types.js';
import { digestContigs } from '../runner/digests.js';
import type { DigestMessage, WorkerMessage, WorkerRequest } from '../shared/protocol.js';
import { openReference } from './inputs.js';
import { summarizeContigs } from '../shared/run-manifest.js';
import { learnFromFiles } from './learn-from-files.js';
import { runSimulation } from './run-simulation.js';

const module = (createReadforge as ReadforgeFactory)({ locateFile: () => wasmUrl });
let current: AbortController | null = null;

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  if (event.data.type === 'cancel') return current?.abort(new Error('cancelled'));
  const post = (m: WorkerMessage | DigestMessage) => self.postMessage(m);
  if (event.data.type === 'digest') {
    try {
      // Summarized here: a million contigs would stall the page as a list.
      const contigs = await digestContigs(
        await module,
        await openReference(event.data.reference, await module),
      );
      post({ type: 'digested', summary: await summarizeContigs(contigs) });
    } catch (error) {
      post({ type: 'digest-error', message: (error as Error).message });
    }
    return;
  }
  if (event.data.type === 'learn') return learnFromFiles(await module, event.data, post);
  current = new AbortController();
  await runSimulation(await module, event.data, post, current.signal);
  current = null;
};
