// Each contig's MD5 over a whole FASTA (a shared run's manifest names its reference by them, and
// "Run again" checks a file at hand against them before anything is written).
import type { ContigDigest, ReadforgeModule } from './module-types.js';
import { ByteSource, ReadforgeError, streamSource } from './pump.js';

export async function digestContigs(
  module: ReadforgeModule,
  input: ByteSource | ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): Promise<ContigDigest[]> {
  const source = input instanceof ReadableStream ? streamSource(input) : input;
  const digester = new module.ContigDigester();
  try {
    while (true) {
      signal?.throwIfAborted();
      await source.prepare?.();
      const n = await source.read(digester.inputBuffer(1 << 20));
      if (n === 0) break;
      const problem = digester.push(n);
      if (problem) throw new ReadforgeError(problem, true);
    }
    const problem = digester.finish();
    if (problem) throw new ReadforgeError(problem, true);
    return digester.contigs();
  } catch (error) {
    await source.cancel?.(error);
    throw error;
  } finally {
    digester.delete();
  }
}
