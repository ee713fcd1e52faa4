// One run on several threads (Workers, worker_threads), as `-t` runs it natively: part i of k
// simulates every k-th block from block i on (inputs.blockStride, blockPhase), and the blocks
// are written back in run order, so the bytes are one simulator's. Host-independent: the host
// moves each part's events here (postMessage) and gives each part credit as its chunks are
// written, which bounds memory whatever the run's size.
import type { OutputStream, ReadforgeModule, Setting } from './module-types.js';
import { ReadforgeError, Summary } from './pump.js';

/** What a part reports, in its order. */
export type PartEvent =
  | { kind: 'chunk'; stream: OutputStream; bytes: Uint8Array }
  | { kind: 'block-end' }
  | { kind: 'done'; summary: Summary }
  | { kind: 'error'; message: string; inReference: boolean };

/**
 * Bytes a part may have sent before the merge has written them. Parts wait for each other's
 * blocks (written in run order), so a part must be able to hold about a block's output ahead,
 * or it stalls and the parts take turns instead of working at once: a simulation block of a
 * dense run makes tens of MB (E. coli, 1M pairs: 37 MB). Memory stays bounded by this per part.
 */
export const PART_WINDOW_BYTES = 32 << 20;

/** A part's side of the window: wait() before sending more, credit(n) as the merge writes. */
export class PartCredit {
  private outstanding = 0;
  private waiting: (() => void) | null = null;

  async sent(bytes: number): Promise<void> {
    this.outstanding += bytes;
    while (this.outstanding >= PART_WINDOW_BYTES)
      await new Promise<void>((r) => (this.waiting = r));
  }

  credit(bytes: number): void {
    this.outstanding -= bytes;
    this.waiting?.();
    this.waiting = null;
  }
}

export class OrderedMerge {
  private readonly queues: PartEvent[][];
  private readonly summaries: (Summary | null)[];
  private current = 0;
  private writingDone = false;
  private draining = false;
  private failure: unknown = null;
  private settle!: { resolve: (s: Summary[]) => void; reject: (e: unknown) => void };
  readonly result: Promise<Summary[]>;

  /**
   * `write` receives the chunks in run order (awaited one at a time); `consumed(part)` is called
   * after each of that part's chunks is written (give it credit, or its buffer back).
   */
  constructor(
    parts: number,
    private readonly write: (stream: OutputStream, bytes: Uint8Array) => Promise<void>,
    private readonly consumed: (part: number, bytes: Uint8Array) => void,
  ) {
    this.queues = Array.from({ length: parts }, () => []);
    this.summaries = Array(parts).fill(null);
    this.result = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    this.result.catch(() => {});
  }

  push(part: number, event: PartEvent): void {
    if (this.failure) return;
    if (event.kind === 'error')
      return this.fail(new ReadforgeError(event.message, event.inReference));
    if (event.kind === 'done') this.summaries[part] = event.summary;
    else this.queues[part].push(event);
    void this.drain();
  }

  fail(error: unknown): void {
    if (this.failure) return;
    this.failure = error;
    this.settle.reject(error);
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.failure && !this.writingDone) {
        const queue = this.queues[this.current];
        const event = queue.shift();
        if (!event) {
          // The current part has nothing more: it is done (the run is complete) or still busy.
          if (this.summaries[this.current]) this.writingDone = true;
          break;
        }
        if (event.kind === 'chunk') {
          await this.write(event.stream, event.bytes);
          this.consumed(this.current, event.bytes);
        } else {
          this.current = (this.current + 1) % this.queues.length;
        }
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.draining = false;
    }
    if (this.writingDone && !this.failure && this.summaries.every((s) => s !== null))
      this.settle.resolve(this.summaries as Summary[]);
  }
}

/**
 * The run's summary from its parts' (stats and warnings as one simulator's), after BGZF's end
 * block is written to each compressed stream when the run reaches its end. A whole -N run that
 * placed no pair fails here, as it would in one simulator.
 */
export async function finishParts(
  module: ReadforgeModule,
  settings: Setting[],
  summaries: Summary[],
  write: (stream: OutputStream, bytes: Uint8Array) => Promise<void>,
): Promise<Summary> {
  const merger = new module.RunMerger(settings);
  try {
    for (const summary of summaries) {
      const problem = merger.add(summary.report ?? '');
      if (problem) throw new Error(`internal error: ${problem}`);
    }
    const problem = merger.problem();
    if (problem) throw new ReadforgeError(problem);
    const first = summaries[0];
    if (first.holdsLastBlock) {
      for (const [stream, compressed] of (first.compressed ?? []).entries())
        if (compressed) await write(stream as OutputStream, module.bgzfEndOfFile());
    }
    const stats = merger.stats();
    stats.totalReferenceBases = first.stats.totalReferenceBases;
    return { stats, warnings: merger.warnings() };
  } finally {
    merger.delete();
  }
}
