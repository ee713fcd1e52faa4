// Learning from files the person picked, in the Worker: a quality profile from FASTQ (gzip too),
// or fragment lengths from a BAM or SAM. Read from disk straight into the engine, never sent
// anywhere.
import { learnFragments } from '../runner/fragment-lengths.js';
import type { ReadforgeModule } from '../runner/module-types.js';
import { decompressIfGzip, learnProfile } from '../runner/pump.js';
import type { LearnRequest, WorkerMessage } from '../shared/protocol.js';

export async function learnFromFiles(
  module: ReadforgeModule,
  { what, files }: LearnRequest,
  post: (message: WorkerMessage) => void,
): Promise<void> {
  let last = 0;
  const onBytes = (bytes: number) => {
    if (bytes - last < 16 << 20) return;
    last = bytes;
    post({ type: 'learn-progress', bytes });
  };
  try {
    if (what === 'fragments') {
      const [file] = files;
      const { text, pairs } = await learnFragments(
        module,
        { name: file.name, stream: file.stream() },
        { onBytes },
      );
      post({ type: 'learned', text, notes: [`${pairs.toLocaleString('en')} proper pairs`] });
      return;
    }
    const inputs = [];
    for (const file of files)
      inputs.push({ name: file.name, stream: await decompressIfGzip(file.stream()) });
    post({ type: 'learned', ...(await learnProfile(module, inputs, undefined, onBytes)) });
  } catch (error) {
    post({ type: 'learn-error', message: error instanceof Error ? error.message : String(error) });
  }
}
