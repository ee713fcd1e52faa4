// The Web Worker browser.ts starts: one run, in this thread, reporting back.
import { simulateHere } from './here.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

const controller = new AbortController();
const post = (message: FromWorker) => postMessage(message);

onmessage = async ({ data }: MessageEvent<ToWorker>) => {
  if (data.type === 'abort') return controller.abort(new Error('cancelled'));
  try {
    const result = await simulateHere({
      ...data.options,
      wasm: data.wasm,
      signal: controller.signal,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'done', result });
  } catch (error) {
    const { name, message } = error as Error;
    post({ type: 'error', name, message });
  }
};
