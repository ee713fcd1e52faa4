// The inputs a simulation Worker reads: the reference (a picked File, or a URL such as a
// built-in one), decompressed when gzip, and a picked VCF whose problems name it.
import { decompressIfGzip, ReadforgeError } from '../runner/pump.js';
import type { ReferenceSpec } from '../shared/protocol.js';

export async function openReference(ref: ReferenceSpec): Promise<ReadableStream<Uint8Array>> {
  if (ref.kind === 'remote') throw new Error('internal: remote references are read in ranges');
  if (ref.kind === 'file') return decompressIfGzip(ref.file.stream());
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
