// One run on several threads (Workers, worker_threads), as `-t` runs it natively: part i of k
// simulates every k-th block from block i on (inputs.blockStride, blockPhase), and the blocks
// are written back in run order, so the bytes are one simulator's. Host-independent: the host
// moves each part's batches here (postMessage) and hands each batch's arena back to its part
// once the writer has taken every byte of it.
//
// The bound: a part copies its output into arenas of ARENA_BYTES and may have PART_WINDOW_BYTES
// of them in flight (sent, not yet written); a batch also ends after MAX_EVENTS events, so a
// reference of a million tiny contigs (a block each) cannot queue events without bytes. Memory
// is parts x PART_WINDOW_BYTES (8 MB each) whatever the run's size, plus the writer's buffers.
import type { OutputStream, ReadforgeModule, Setting } from './module-types.js';
import { BlockReached, ReadforgeError, Summary } from './pump.js';

/** Bytes a part may have sent that the writer has not taken. */
export const PART_WINDOW_BYTES = 8 << 20;
/** A batch's bytes: output is copied into arenas of this size, which come back to be refilled. */
export const ARENA_BYTES = 1 << 20;
/** A batch's events at most (block ends carry no bytes). */
const MAX_EVENTS = 4096;

/**
 * A batch's events, three numbers each: a piece of one output stream (stream, offset in the
 * arena, length), or the end of one of the part's blocks (BLOCK_END, the part's pairs and
 * reference bases so far). Typed, so that a batch crosses threads as two buffers rather than
 * thousands of small objects.
 */
const BLOCK_END = -1;

/** What a part sends: output in order, in batches; then its summary, or its error. */
export type PartMessage =
  | { kind: 'batch'; arena: ArrayBuffer; events: Float64Array; count: number }
  | { kind: 'done'; summary: Summary }
  | { kind: 'error'; message: string; inReference: boolean };

/** What goes back to a part: an arena the writer is done with. */
export interface ArenaReturn {
  arena: ArrayBuffer;
}

/**
 * A part's sending side. chunk() and blockEnd() wait while PART_WINDOW_BYTES are in flight;
 * returned() takes an arena back. `post` transfers the arena with the batch.
 */
export class PartSender {
  private arena: ArrayBuffer | null = null;
  private filled = 0;
  private events = new Float64Array(3 * MAX_EVENTS);
  private count = 0;
  private readonly spare: ArrayBuffer[] = [];
  private inFlight = 0;
  private waiting: (() => void) | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly post: (message: PartMessage, transfer: ArrayBuffer[]) => void) {}

  /** Sends a copy of `bytes` (a view of the engine's memory, lent for the call). */
  async chunk(stream: OutputStream, bytes: Uint8Array): Promise<void> {
    if (this.arena && this.filled + bytes.length > this.arena.byteLength) this.flush();
    if (!this.arena) this.open(bytes.length);
    new Uint8Array(this.arena!, this.filled, bytes.length).set(bytes);
    this.events.set([stream, this.filled, bytes.length], 3 * this.count++);
    this.filled += bytes.length;
    await this.added();
  }

  async blockEnd(reached: BlockReached): Promise<void> {
    if (!this.arena) this.open(0);
    this.events.set([BLOCK_END, reached.pairs, reached.referenceBases], 3 * this.count++);
    await this.added();
  }

  /** The part's end: what is left, then its summary or error. */
  finish(message: PartMessage): void {
    this.flush();
    this.post(message, []);
  }

  returned({ arena }: ArenaReturn): void {
    this.inFlight -= arena.byteLength;
    if (arena.byteLength === ARENA_BYTES) this.spare.push(arena);
    this.waiting?.();
    this.waiting = null;
  }

  private open(bytes: number): void {
    // Larger pieces than an arena (reads of 100 kb) get one of their own.
    this.arena =
      bytes <= ARENA_BYTES
        ? (this.spare.pop() ?? new ArrayBuffer(ARENA_BYTES))
        : new ArrayBuffer(bytes);
    this.filled = 0;
  }

  private async added(): Promise<void> {
    if (this.filled >= this.arena!.byteLength || this.count === MAX_EVENTS) this.flush();
    // Output that trickles (input read slowly) still goes out: the merge may be waiting for it.
    else this.flushTimer ??= setTimeout(() => this.flush(), 0);
    while (this.inFlight >= PART_WINDOW_BYTES) {
      this.flush();
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  private flush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (!this.arena) return;
    const arena = this.arena;
    this.inFlight += arena.byteLength;
    const events = this.events.slice(0, 3 * this.count);
    this.post({ kind: 'batch', arena, events, count: this.count }, [arena, events.buffer]);
    this.arena = null;
    this.count = 0;
  }
}

/** Batches waiting to be written, first in first out, without Array.shift's copying. */
type Batch = Extract<PartMessage, { kind: 'batch' }>;

class BatchQueue {
  private items: Batch[] = [];
  private head = 0;
  next = 0; // the next event of the batch at the head

  push(batch: Batch): void {
    this.items.push(batch);
  }
  peek(): Batch | undefined {
    return this.items[this.head];
  }
  pop(): void {
    this.items[this.head++] = undefined!;
    this.next = 0;
    if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

export class OrderedMerge {
  /** What the blocks written so far hold: pairs, and how far into the reference they reach. */
  readonly written: BlockReached = { pairs: 0, referenceBases: 0 };
  private readonly partPairs: number[];
  private readonly queues: BatchQueue[];
  private readonly summaries: (Summary | null)[];
  private current = 0;
  private writingDone = false;
  private draining = false;
  private failure: unknown = null;
  private settle!: { resolve: (s: Summary[]) => void; reject: (e: unknown) => void };
  readonly result: Promise<Summary[]>;

  /**
   * `write` receives the chunks in run order (awaited one at a time: its promise settles once
   * it has taken the bytes); `done(part, arena)` is called once every chunk of a batch was
   * written: send the arena back to that part.
   */
  constructor(
    parts: number,
    private readonly write: (stream: OutputStream, bytes: Uint8Array) => Promise<void>,
    private readonly done: (part: number, returned: ArenaReturn) => void,
  ) {
    this.queues = Array.from({ length: parts }, () => new BatchQueue());
    this.partPairs = Array(parts).fill(0);
    this.summaries = Array(parts).fill(null);
    this.result = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    this.result.catch(() => {});
  }

  push(part: number, message: PartMessage): void {
    if (this.failure) return;
    if (message.kind === 'error')
      return this.fail(new ReadforgeError(message.message, message.inReference));
    if (message.kind === 'done') this.summaries[part] = message.summary;
    else this.queues[part].push(message);
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
        const batch = queue.peek();
        if (!batch) {
          // The current part has nothing more: it is done (the run is complete) or still busy.
          if (this.summaries[this.current]) this.writingDone = true;
          break;
        }
        if (queue.next === batch.count) {
          queue.pop();
          this.done(this.current, { arena: batch.arena });
          continue;
        }
        const at = 3 * queue.next++;
        const stream = batch.events[at];
        if (stream === BLOCK_END) {
          this.written.pairs += batch.events[at + 1] - this.partPairs[this.current];
          this.partPairs[this.current] = batch.events[at + 1];
          this.written.referenceBases = Math.max(this.written.referenceBases, batch.events[at + 2]);
          this.current = (this.current + 1) % this.queues.length;
        } else {
          const bytes = new Uint8Array(batch.arena, batch.events[at + 1], batch.events[at + 2]);
          await this.write(stream as OutputStream, bytes);
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
