// Messages between browser.ts and the Worker it starts (worker.ts).
import type { SimulateOptions, SimulateProgress, SimulateResult } from './types.js';

export type ToWorker =
  | {
      type: 'run';
      options: Omit<SimulateOptions, 'onProgress' | 'signal'>;
      wasm: string | ArrayBuffer | Uint8Array;
    }
  | { type: 'abort' };

export type FromWorker =
  | { type: 'progress'; progress: SimulateProgress }
  | { type: 'done'; result: SimulateResult }
  | { type: 'error'; name: string; message: string };
