// The inputs a simulation Worker reads: the reference (a picked File, several as a community,
// or a URL such as a built-in one), decompressed when gzip, and a picked VCF whose problems
// name it.
import type { ReadforgeModule } from '../runner/module-types.js';
import { decompressIfGzip, ReadforgeError } from '../runner/pump.js';
import type { ReferenceSpec } from '../shared/protocol.js';

type CommunitySpec = Extract<ReferenceSpec, { kind: 'community' }>;

/**
 * A community's genomes joined by the engine's joiner (contigs renamed GENOME|NAME), as the
 * command line's --community joins them; `mapText()`, once the stream has ended, is the genome
 * map of what it held.
 */
export function joinedCommunity(
  module: ReadforgeModule,
  ref: CommunitySpec,
): { stream: ReadableStream<Uint8Array>; mapText: () => string } {
  const joiner = new module.CommunityJoiner();
  let map = '';
  let member = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (!reader) {
          if (member === ref.members.length) {
            map = joiner.mapText();
            joiner.delete();
            return controller.close();
          }
          const { genome, file } = ref.members[member];
          joiner.startGenome(genome);
          reader = (await decompressIfGzip(file.stream())).getReader();
        }
        const { value, done } = await reader.read().catch((error: Error) => {
          throw new ReadforgeError(`${ref.members[member].file.name}: ${error.message}`);
        });
        if (done) {
          reader = null;
          member++;
          const end = joiner.endGenome();
          if (end.length) return controller.enqueue(end);
          continue;
        }
        joiner.inputBuffer(value.length).set(value);
        return controller.enqueue(joiner.push(value.length));
      }
    },
    cancel: (reason) => reader?.cancel(reason),
  });
  return { stream, mapText: () => map };
}

export async function openReference(
  ref: ReferenceSpec,
  module: ReadforgeModule,
): Promise<ReadableStream<Uint8Array>> {
  if (ref.kind === 'remote') throw new Error('internal: remote references are read in ranges');
  if (ref.kind === 'file') return decompressIfGzip(ref.file.stream());
  if (ref.kind === 'community') return joinedCommunity(module, ref).stream;
  const response = await fetch(ref.url);
  if (!response.ok || !response.body)
    throw new Error(`cannot fetch ${ref.name}: HTTP ${response.status}`);
  return decompressIfGzip(response.body);
}

/** A picked VCF (gzip too), its problems naming it. */
export async function vcfStream(file: File): Promise<ReadableStream<Uint8Array>> {
  const reader = (await decompressIfGzip(file.stream())).getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(new ReadforgeError(`${file.name}: ${(error as Error).message}`));
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
