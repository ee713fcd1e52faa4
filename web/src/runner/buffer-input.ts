// Bytes handed to an engine object through its own input buffer: copy a piece into
// inputBuffer(n), then push(n) to consume it. Pieces of at most 1 MiB keep that buffer (in the
// wasm heap) small whatever the size of the chunks a stream delivers.
const PIECE = 1 << 20;

/** An engine object with an input buffer (ProfileLearner, FragmentLearner, Evaluation...). */
export interface BufferInput {
  inputBuffer(n: number): Uint8Array;
}

/** Pushes `bytes` a piece at a time; `push` returns a problem or ''. The first problem, or ''. */
export function pushPieces(
  target: BufferInput,
  bytes: Uint8Array,
  push: (n: number) => string,
): string {
  for (let at = 0; at < bytes.length; at += PIECE) {
    const piece = bytes.subarray(at, at + PIECE);
    target.inputBuffer(piece.length).set(piece);
    const problem = push(piece.length);
    if (problem) return problem;
  }
  return '';
}

/** Pushes a whole stream, checking `signal` between chunks. The first problem, or ''. */
export async function pushStream(
  target: BufferInput,
  stream: ReadableStream<Uint8Array>,
  push: (n: number) => string,
  options: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {},
): Promise<string> {
  let bytes = 0;
  const reader = stream.getReader();
  try {
    while (true) {
      options.signal?.throwIfAborted();
      const { value, done } = await reader.read();
      if (done) return '';
      const problem = pushPieces(target, value, push);
      if (problem) return problem;
      bytes += value.length;
      options.onBytes?.(bytes);
    }
  } finally {
    reader.releaseLock();
  }
}
