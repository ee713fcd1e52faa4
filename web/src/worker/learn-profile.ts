// Learning a quality profile in the Worker from FASTQ files the person picked: read from disk
// (gzip too) straight into the engine, never sent anywhere.
import type { ReadforgeModule } from '../runner/module-types.js';
import { decompressIfGzip, learnProfile } from '../runner/pump.js';
import type { WorkerMessage } from '../shared/protocol.js';

export async function learnFromFiles(
  module: ReadforgeModule,
  files: File[],
  post: (message: WorkerMessage) => void,
): Promise<void> {
  try {
    const inputs = [];
    for (const file of files)
      inputs.push({ name: file.name, stream: await decompressIfGzip(file.stream()) });
    let last = 0;
    const learned = await learnProfile(module, inputs, undefined, (bytes) => {
      if (bytes - last < 16 << 20) return;
      last = bytes;
      post({ type: 'learn-progress', bytes });
    });
    post({ type: 'learned', ...learned });
  } catch (error) {
    post({ type: 'learn-error', message: error instanceof Error ? error.message : String(error) });
  }
}
