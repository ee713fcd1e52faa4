// The simulation Worker: loads readforge.wasm once, runs one simulation at a time.
import createReadforge from '../../build-wasm/readforge.mjs';
import wasmUrl from '../../build-wasm/readforge.wasm?url';
import type { ReadforgeFactory } from './engine/module-types.js';
import type { LearnRequest, RunRequest, WorkerMessage } from './shared/protocol.js';
import { learnFromFiles } from './worker/learn-profile.js';
import { runSimulation } from './worker/run-simulation.js';

const module = (createReadforge as ReadforgeFactory)({ locateFile: () => wasmUrl });
let current: AbortController | null = null;

self.onmessage = async (event: MessageEvent<RunRequest | LearnRequest | { type: 'cancel' }>) => {
  if (event.data.type === 'cancel') return current?.abort(new Error('cancelled'));
  const post = (m: WorkerMessage) => self.postMessage(m);
  if (event.data.type === 'learn') return learnFromFiles(await module, event.data.files, post);
  current = new AbortController();
  await runSimulation(await module, event.data, post, current.signal);
  current = null;
};
