// The pump: reference bytes from any ReadableStream through the engine to an output callback.
// Host-independent: the browser Worker, the edge function and the Node runner all use it.
// Back-pressure is end to end: input is read only when the engine asks for it, and the engine
// waits while the consumer awaits `onOutput`.
import {
  OUTPUT_STREAMS,
  OutputStream,
  ReadforgeModule,
  RunState,
  Setting,
  SimulatorInputs,
  SimulatorStats,
  SpanBytes,
  WasmSimulator,
} from './module-types.js';
import { bgzfDecoder, isBgzf } from './bgzf.js';
import { pushStream } from './buffer-input.js';

export interface SimulationRequest extends SimulatorInputs {
  settings: Setting[];
}

export interface Progress {
  stats: SimulatorStats;
  /** Fraction of the reference consumed, when its size is known. */
  fraction: number | null;
}

export interface PumpOptions {
  /**
   * Receives output as it is produced. `bytes` is a view of the engine's memory, valid until
   * the returned promise settles (the pump makes no call into the module before that): write it
   * out, or copy it (`bytes.slice()`) to keep it. No copy is made for consumers that need none.
   */
  onOutput: (stream: OutputStream, bytes: Uint8Array) => void | Promise<void>;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /** Largest piece handed to the engine at once. */
  maxChunk?: number;
  /** The VCF of --variants (the settings say `variants`), read as the engine asks for it. */
  variants?: ByteSource | ReadableStream<Uint8Array>;
  /**
   * With inputs.blockStride: called after the output that ends each of this part's blocks, with
   * the part's pairs and reference bases so far (what is written once the block is).
   */
  onBlockEnd?: (reached: BlockReached) => void | Promise<void>;
}

export interface BlockReached {
  pairs: number;
  referenceBases: number;
}

export interface Summary {
  stats: SimulatorStats;
  warnings: string[];
  /** For a part of a run on several threads: its report (RunMerger) and whether its blocks
   * reach the run's end. */
  report?: string;
  holdsLastBlock?: boolean;
  /** Its compressed streams (BGZF), by OutputStream number. */
  compressed?: boolean[];
}

/** A failure the user can act on (bad options, malformed FASTA, ...), with the engine's words. */
export class ReadforgeError extends Error {
  override name = 'ReadforgeError';
  /** True when the problem is in the reference bytes (so a host may name the file). */
  constructor(
    message: string,
    readonly inReference = false,
  ) {
    super(message);
  }
}

/**
 * Where reference bytes come from: `read` fills `into` (a view of the engine's input buffer, so
 * a file can be read straight into wasm memory) and returns how many bytes it wrote, 0 at the end.
 */
export interface ByteSource {
  /** Called before each read, before the engine lends its buffer. */
  prepare?(): Promise<void>;
  read(into: Uint8Array): number | Promise<number>;
  cancel?(reason?: unknown): void | Promise<void>;
}

/**
 * A ByteSource over the pieces `next` yields (null at the end). It waits for a piece in
 * prepare(), before the engine lends its buffer, and fills it without waiting: where one module
 * serves several runs (the edge), another run may grow the wasm heap during a wait, which would
 * detach a view held across it.
 */
function piecesSource(
  next: () => Promise<Uint8Array | null>,
  cancel: (reason?: unknown) => void | Promise<void>,
): ByteSource {
  let pending: Uint8Array | null = null;
  let ended = false;
  return {
    async prepare() {
      while (!ended && (!pending || pending.length === 0)) {
        const piece = await next();
        if (piece === null) ended = true;
        else pending = piece;
      }
    },
    read(into) {
      if (!pending || pending.length === 0) return 0;
      const n = Math.min(pending.length, into.length);
      into.set(pending.subarray(0, n));
      pending = pending.subarray(n);
      return n;
    },
    async cancel(reason) {
      if (!ended) await cancel(reason);
    },
  };
}

/** A ReadableStream as a ByteSource (its chunks are copied into the engine's buffer). */
export function streamSource(stream: ReadableStream<Uint8Array>): ByteSource {
  const reader = stream.getReader();
  return piecesSource(
    async () => {
      const { value, done } = await reader.read();
      if (!done) return value;
      reader.releaseLock();
      return null;
    },
    (reason) => reader.cancel(reason).catch(() => {}),
  );
}

/**
 * Input as the spans' byte ranges only (an indexed remote FASTA): given the spans the engine
 * will simulate, yields for each its start, then its bytes in order; null at the end.
 */
export type SparseInput = (spans: SpanBytes[]) => {
  next(): Promise<{ contig: string; begin: number } | Uint8Array | null>;
  cancel?(reason?: unknown): void;
};

export async function simulate(
  module: ReadforgeModule,
  request: SimulationRequest,
  input: ByteSource | ReadableStream<Uint8Array> | SparseInput,
  options: PumpOptions,
): Promise<Summary> {
  const sim = startSimulator(module, request);
  const source =
    input instanceof ReadableStream
      ? streamSource(input)
      : typeof input === 'function'
        ? sparseSource(sim, input(sim.spans()))
        : input;
  const maxChunk = options.maxChunk ?? 1 << 20;
  const variants =
    options.variants instanceof ReadableStream ? streamSource(options.variants) : options.variants;
  let lastProgress = 0;
  let finished = false;
  try {
    while (true) {
      options.signal?.throwIfAborted();
      const state = sim.run();
      if (state === RunState.Error) throw new ReadforgeError(sim.error(), !sim.errorInVariants());
      if (state === RunState.NeedVariantInput) {
        if (!variants) throw new ReadforgeError('--variants is set, but no VCF was given');
        await variants.prepare?.();
        const n = await variants.read(sim.variantInputBuffer(maxChunk));
        sim.commitVariants(n);
        if (n === 0) sim.finishVariants();
        continue;
      }
      if (state === RunState.OutputReady || state === RunState.Done) {
        for (const stream of OUTPUT_STREAMS) {
          const bytes = sim.outputView(stream);
          if (bytes.length > 0) await options.onOutput(stream, bytes);
        }
        sim.consumeOutputs();
        if (options.onBlockEnd && state === RunState.OutputReady && sim.blockComplete())
          await options.onBlockEnd({ pairs: sim.pairs(), referenceBases: sim.referenceBases() });
      }
      if (state === RunState.Done) break;
      if (state === RunState.NeedInput) {
        if (finished)
          throw new ReadforgeError('internal error: the engine wants input after the end');
        // A fresh view each time (memory growth may have moved the buffer); no call into the
        // module happens while the source fills it, so it stays valid until commitInput.
        await source.prepare?.();
        const n = await source.read(sim.inputBuffer(maxChunk));
        sim.commitInput(n);
        if (n === 0) {
          sim.finish();
          finished = true;
        }
      }
      const now = Date.now();
      if (options.onProgress && now - lastProgress > 200) {
        lastProgress = now;
        options.onProgress(progressOf(sim.stats()));
      }
    }
    const parted = request.blockStride !== undefined && request.blockStride > 1;
    const summary: Summary = { stats: sim.stats(), warnings: sim.warnings() };
    if (parted) {
      summary.report = sim.report();
      summary.holdsLastBlock = sim.holdsLastBlock();
      summary.compressed = sim.compressedStreams();
    }
    options.onProgress?.(progressOf(summary.stats));
    return summary;
  } catch (error) {
    await source.cancel?.(error);
    await variants?.cancel?.(error);
    throw error;
  } finally {
    sim.delete();
  }
}

function startSimulator(module: ReadforgeModule, request: SimulationRequest): WasmSimulator {
  const { settings, ...inputs } = request;
  const sim = new module.Simulator(settings, inputs);
  const problem = sim.start();
  if (problem) {
    sim.delete();
    throw new ReadforgeError(problem);
  }
  return sim;
}

/** The spans a run will read, in order (validates the request as a run would). */
export function plannedSpans(module: ReadforgeModule, request: SimulationRequest): SpanBytes[] {
  const sim = startSimulator(module, request);
  try {
    return sim.spans();
  } finally {
    sim.delete();
  }
}

/** --genome-truth: each genome's row of the run's plan ('' without --genome-map). */
export function plannedGenomeTruth(module: ReadforgeModule, request: SimulationRequest): string {
  const sim = startSimulator(module, request);
  try {
    return sim.genomeTruth();
  } finally {
    sim.delete();
  }
}

/** --copy-number-truth: the copies the run's plan simulates, a BED of every contig. */
export function plannedCopyNumberTruth(
  module: ReadforgeModule,
  request: SimulationRequest,
): string {
  const sim = startSimulator(module, request);
  try {
    return sim.copyNumberTruth();
  } finally {
    sim.delete();
  }
}

/** Adapts sparse input to a ByteSource: span starts go to the engine as they come. */
function sparseSource(sim: WasmSimulator, sparse: ReturnType<SparseInput>): ByteSource {
  return piecesSource(
    async () => {
      // Span starts reach the engine here, while it holds no input and lends no buffer.
      for (let item = await sparse.next(); item !== null; item = await sparse.next()) {
        if (item instanceof Uint8Array) return item;
        const problem = sim.beginContigAt(item.contig, item.begin);
        if (problem) throw new ReadforgeError(problem);
      }
      return null;
    },
    (reason) => sparse.cancel?.(reason),
  );
}

function progressOf(stats: SimulatorStats): Progress {
  const total = stats.totalReferenceBases;
  return { stats, fraction: total > 0 ? stats.referenceBases / total : null };
}

/** A learned quality profile: its text, and what a person should know (a converted offset). */
export interface LearnedProfile {
  text: string;
  notes: string[];
}

/** Learns a quality profile from FASTQ: R1's stream, and R2's when given (profile_learner.h). */
export async function learnProfile(
  module: ReadforgeModule,
  inputs: { name: string; stream: ReadableStream<Uint8Array> }[],
  signal?: AbortSignal,
  onProgress?: (bytes: number) => void,
): Promise<LearnedProfile> {
  let earlier = 0; // bytes of the mates before this one
  const learner = new module.ProfileLearner();
  try {
    for (const [mate, { name, stream }] of inputs.entries()) {
      let these = 0;
      const pushed = await pushStream(learner, stream, (n) => learner.push(mate, n), {
        signal,
        onBytes: (bytes) => {
          these = bytes;
          onProgress?.(earlier + bytes);
        },
      });
      if (pushed) throw new ReadforgeError(`${name}: ${pushed}`);
      earlier += these;
      const problem = learner.finishEnd(mate);
      if (problem) throw new ReadforgeError(`${name}: ${problem}`);
    }
    const result = learner.finish(inputs.map((i) => i.name));
    if (result.error) throw new ReadforgeError(result.error);
    return { text: result.text, notes: result.notes };
  } finally {
    learner.delete();
  }
}

/** A decoder of gzip data of any number of members (plain gzip and BGZF alike). */
export type GunzipStream = () => TransformStream<Uint8Array, Uint8Array>;

/**
 * Undoes gzip or bgzip (many gzip members) when the stream starts with gzip's magic bytes.
 * `gunzip`, when a host has one (Node's zlib), decodes both kinds; otherwise BGZF goes block by
 * block and plain gzip through DecompressionStream.
 */
export async function decompressIfGzip(
  source: ReadableStream<Uint8Array>,
  gunzip?: GunzipStream,
): Promise<ReadableStream<Uint8Array>> {
  const reader = source.getReader();
  const first = await reader.read();
  const whole = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(first.value);
    },
    async pull(controller) {
      const { value, done } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const gzip =
    !first.done && first.value.length >= 2 && first.value[0] === 0x1f && first.value[1] === 0x8b;
  if (!gzip) return whole;
  const inflated = whole
    .pipeThrough(
      gunzip
        ? gunzip()
        : isBgzf(first.value)
          ? bgzfDecoder()
          : (new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>),
    )
    .getReader();
  // Decompression errors read like the native CLI's (zlib's words differ between hosts).
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await inflated.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        controller.error(
          new ReadforgeError(
            /unexpected end|truncated|incomplete/i.test(text)
              ? 'the gzip data is truncated (unexpected end of file)'
              : `corrupt gzip data (${text})`,
            true,
          ),
        );
      }
    },
    cancel(reason) {
      return inflated.cancel(reason);
    },
  });
}
