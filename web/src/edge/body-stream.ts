// An answer's body at the edge, produced as the client reads it. It is the writable side of an
// IdentityTransformStream (a Workers API) whose write() resolves only once the runtime has
// taken the bytes (tests/js/edge-load.test.mjs byte-checks this under load), so each run copies
// its pieces into one buffer of its own and reuses it: no ArrayBuffer per chunk for V8 to let
// pile up (it collects them only after about 64 MB, whatever the load). The write also waits
// for the client: back-pressure at any compatibility date.
declare class IdentityTransformStream {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
}

/**
 * Sends a copy of `bytes` (at most PIECE of them: a caller holding a view of the wasm heap must
 * take each piece afresh after the wait, as another run may have grown the heap); resolves when
 * the client has taken it, rejects once it has gone.
 */
export type BodyWrite = (bytes: Uint8Array) => Promise<void>;

export const PIECE = 1 << 16;

/**
 * Runs `produce` with a `write` into the body. Its rejection aborts the body (a client never
 * mistakes a failed run for a short complete one); a client that goes away aborts `signal`.
 * `onEnd` is called once either way. `waitUntil` is the request context's: without it, the
 * runtime drops the run's pending promises when the client goes away (nothing would settle,
 * and the run's place would never be released).
 */
export function bodyStream(
  produce: (write: BodyWrite, signal: AbortSignal) => Promise<void>,
  onEnd: () => void,
  waitUntil: (promise: Promise<unknown>) => void,
): ReadableStream<Uint8Array> {
  const { readable, writable } = new IdentityTransformStream();
  const writer = writable.getWriter();
  const abort = new AbortController();
  const piece = new Uint8Array(PIECE);
  const write: BodyWrite = async (bytes) => {
    piece.set(bytes); // throws past PIECE bytes
    try {
      await writer.write(piece.subarray(0, bytes.length));
    } catch (error) {
      abort.abort(error ?? new Error('the client went away'));
      throw error;
    }
  };
  const running = produce(write, abort.signal)
    .then(
      () => writer.close(),
      (error) => writer.abort(error),
    )
    .catch(() => {}) // the client has gone: nothing to tell it
    .finally(onEnd);
  waitUntil(running);
  return readable;
}
