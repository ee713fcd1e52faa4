// A producer as a pull-based ReadableStream: the producer runs only while the consumer wants
// more, with one chunk queued at most. Every runtime applies back-pressure to a pull source
// (workerd does not, for a TransformStream, before compatibility date 2024-12-16), so memory
// stays bounded by a chunk whatever the body's size and however slow the client.

/**
 * Writes a chunk (copied, unless `owned`: the caller gives it up); resolves once the consumer
 * has room for another. Rejects after cancel.
 */
export type PullWrite = (bytes: Uint8Array, owned?: boolean) => Promise<void>;

/**
 * `produce` is started by the first pull, writes through `write` (each chunk is copied unless
 * owned: the caller's bytes may be a view of engine memory), and its rejection errors the stream, so a
 * consumer never mistakes a failed run for a short complete one. Cancelling the stream aborts
 * `signal` and calls `onCancel` (even when `produce` never started: a client gone early).
 */
export function pullStream(
  produce: (write: PullWrite, signal: AbortSignal) => Promise<void>,
  onCancel?: () => void,
): ReadableStream<Uint8Array> {
  const abort = new AbortController();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let demand: (() => void) | null = null;
  let started = false;
  const wake = () => {
    const resolve = demand;
    demand = null;
    resolve?.();
  };
  const write: PullWrite = async (bytes, owned = false) => {
    abort.signal.throwIfAborted();
    controller.enqueue(owned ? bytes : bytes.slice());
    if ((controller.desiredSize ?? 0) <= 0) await new Promise<void>((r) => (demand = r));
    abort.signal.throwIfAborted();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        if (!started) {
          started = true;
          produce(write, abort.signal).then(
            () => controller.close(),
            (error) => {
              if (!abort.signal.aborted) controller.error(error);
            },
          );
        }
        wake();
      },
      cancel(reason) {
        abort.abort(reason ?? new Error('the consumer went away'));
        wake();
        onCancel?.();
      },
    },
    { highWaterMark: 1 },
  );
}
