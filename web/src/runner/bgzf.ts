// BGZF (bgzip) decoding in JavaScript hosts. A BGZF file is a series of gzip members of at most
// 64 KiB; some DecompressionStream implementations stop after the first member, so each block
// is cut out by the size in its header and inflated on its own.
const HEADER = 18; // gzip header with the 6-byte 'BC' extra field

/** True when the bytes start a BGZF block (gzip with FEXTRA and a 'BC' subfield). */
export function isBgzf(head: Uint8Array): boolean {
  return (
    head.length >= HEADER &&
    head[0] === 0x1f &&
    head[1] === 0x8b &&
    (head[3] & 4) !== 0 &&
    head[12] === 66 &&
    head[13] === 67
  );
}

async function inflate(block: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([block as BlobPart])
    .stream()
    .pipeThrough(
      new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>,
    );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Compressed BGZF bytes in, decompressed bytes out (block by block). */
export function bgzfDecoder(): TransformStream<Uint8Array, Uint8Array> {
  let buffer = new Uint8Array(0);
  const drain = async (
    controller: TransformStreamDefaultController<Uint8Array>,
    flush: boolean,
  ) => {
    while (buffer.length >= HEADER) {
      if (!isBgzf(buffer)) throw new Error('not BGZF data (a bgzip block header was expected)');
      const size = (buffer[16] | (buffer[17] << 8)) + 1;
      if (buffer.length < size) break;
      const bytes = await inflate(buffer.subarray(0, size));
      if (bytes.length) controller.enqueue(bytes);
      buffer = buffer.subarray(size);
    }
    if (flush && buffer.length)
      throw new Error('unexpected end of file (a BGZF block is cut short)');
  };
  return new TransformStream({
    async transform(chunk, controller) {
      const joined = new Uint8Array(buffer.length + chunk.length);
      joined.set(buffer);
      joined.set(chunk, buffer.length);
      buffer = joined;
      await drain(controller, false);
    },
    async flush(controller) {
      await drain(controller, true);
    },
  });
}

/** Drops the first `skip` bytes and passes on the next `length`. */
export function sliceBytes(skip: number, length: number): TransformStream<Uint8Array, Uint8Array> {
  let at = 0;
  return new TransformStream({
    transform(chunk, controller) {
      const from = Math.max(0, skip - at);
      const to = Math.min(chunk.length, skip + length - at);
      if (to > from) controller.enqueue(chunk.subarray(from, to));
      at += chunk.length;
    },
  });
}

/**
 * The whole BGZF blocks in `bytes`, which start at `base` in their file, decompressed, each with
 * its offset in the file (a block cut short at the end of `bytes` is left out).
 */
export async function* bgzfBlocks(
  bytes: Uint8Array,
  base: number,
): AsyncGenerator<{ offset: number; data: Uint8Array }> {
  for (let at = 0; at + HEADER <= bytes.length;) {
    if (!isBgzf(bytes.subarray(at))) throw new Error('not BGZF data (a bgzip block was expected)');
    const size = (bytes[at + 16] | (bytes[at + 17] << 8)) + 1;
    if (at + size > bytes.length) return;
    yield { offset: base + at, data: await inflate(bytes.subarray(at, at + size)) };
    at += size;
  }
}

/** A whole (small) bgzip file decompressed: an index such as a .tbi. */
export async function bgzfInflateAll(bytes: Uint8Array): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const block of bgzfBlocks(bytes, 0)) parts.push(block.data);
  return new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
}
