// Fragment lengths learned from a BAM or SAM (the TLEN of its proper pairs), streamed through
// the engine's FragmentLearner: `readforge-wasm profile --fragments`, and the app's "learned
// from my BAM". The alignments never leave the machine.
import type { ReadforgeModule } from './module-types.js';
import { pushStream } from './buffer-input.js';
import { ReadforgeError } from './pump.js';

export interface LearnedFragments {
  /** A --fragment-hist file's text. */
  text: string;
  pairs: number;
  shortest: number;
  longest: number;
}

export async function learnFragments(
  module: ReadforgeModule,
  input: { name: string; stream: ReadableStream<Uint8Array> },
  options: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {},
): Promise<LearnedFragments> {
  const learner = new module.FragmentLearner();
  try {
    const problem = await pushStream(learner, input.stream, (n) => learner.push(n), options);
    if (problem) throw new ReadforgeError(`${input.name}: ${problem}`);
    const { error, ...learned } = learner.finish();
    if (error) throw new ReadforgeError(`${input.name}: ${error}`);
    return learned;
  } finally {
    learner.delete();
  }
}
