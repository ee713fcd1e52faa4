// The simulation Worker: loads readforge.wasm once, runs one simulation at a time.
import createReadforge from '../../build-wasm/readforge.mjs';
import wasmUrl from '../../build-wasm/readforge.wasm?url';
import type { ReadforgeFactory } from './engine/module-types.js';
import type { RunRequest, WorkerMessage } from './shared/protocol.js';
import { runSimulation } from './worker/run-simulation.js';

const module = (createReadforge as ReadforgeFactory)({ locateFile: () => wasmUrl });
let current: AbortController | null = null;

self.onmessage = async (event: MessageEvent<RunRequest | { type: 'cancel' }>) => {
  if (event.data.type === 'cancel') return current?.abort(new Error('cancelled'));
  current = new AbortController();
  await runSimulation(
    await module,
    event.data,
    (m: WorkerMessage) => self.postMessage(m),
    current.signal,
  );
  current = null;
};
