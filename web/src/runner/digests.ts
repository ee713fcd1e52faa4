// Each contig's MD5 over a whole FASTA (a shared run's manifest names its reference by them, and
// "Run again" checks a file at hand against them before anything is written).
import type { ContigDigest, ReadforgeModule } from './module-types.js';
import { feedWholeFile } from './first-pass.js';
import type { ByteSource } from './pump.js';

export function digestContigs(
  module: ReadforgeModule,
  input: ByteSource | ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): Promise<ContigDigest[]> {
  return feedWholeFile(new module.ContigDigester(), input, (d) => d.contigs(), signal);
}
