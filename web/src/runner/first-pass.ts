// First passes over a reference, before or instead of a simulation: contig names, lengths and
// N runs (the ContigScanner), over a whole file or only the spans a run will read, and any
// other pass the engine makes over whole files (the ContigDigester's MD5s).
import type { ReadforgeModule } from './module-types.js';
import {
  ByteSource,
  plannedSpans,
  ReadforgeError,
  SimulationRequest,
  SparseInput,
  streamSource,
} from './pump.js';

/** What a first pass over a reference measures: contig names and lengths, and N runs. */
export interface ReferenceScan {
  /** .fai-like text: names and lengths. */
  faiText: string;
  /** The N runs, as a gap sidecar's text (what `readforge index` writes). */
  gapsText: string;
}

/** A pass over a whole FASTA that the engine makes (a ContigScanner, a ContigDigester). */
export interface WholeFilePass {
  inputBuffer(n: number): Uint8Array;
  /** "" or what is wrong with the bytes. */
  push(n: number): string;
  finish(): string;
  delete(): void;
}

/**
 * Feeds a whole reference to `pass` (a plain file's ByteSource reads into wasm memory), then
 * returns `result(pass)`; the pass is deleted either way.
 */
export async function feedWholeFile<P extends WholeFilePass, T>(
  pass: P,
  input: ByteSource | ReadableStream<Uint8Array>,
  result: (pass: P) => T,
  signal?: AbortSignal,
): Promise<T> {
  const source = input instanceof ReadableStream ? streamSource(input) : input;
  try {
    while (true) {
      signal?.throwIfAborted();
      await source.prepare?.();
      const n = await source.read(pass.inputBuffer(1 << 20));
      if (n === 0) break;
      const problem = pass.push(n);
      if (problem) throw new ReadforgeError(problem, true);
    }
    const problem = pass.finish();
    if (problem) throw new ReadforgeError(problem, true);
    return result(pass);
  } catch (error) {
    await source.cancel?.(error);
    throw error;
  } finally {
    pass.delete();
  }
}

/** Whether a gap sidecar's text lists each contig's MD5 (`readforge index` writes them). */
export function sidecarListsDigests(gapsText: string): boolean {
  const contigs = gapsText.split('\n').filter((line) => line.startsWith('#contig\t'));
  return contigs.length > 0 && contigs.every((line) => line.split('\t').length > 5);
}

/**
 * A first pass over a whole reference: contig names and lengths, and N runs; with `digests`,
 * each contig's MD5 too, in the sidecar's text (what truth alignments' @SQ lines carry as M5).
 */
export function scanReference(
  module: ReadforgeModule,
  input: ByteSource | ReadableStream<Uint8Array>,
  signal?: AbortSignal,
  digests = false,
): Promise<ReferenceScan> {
  return feedWholeFile(
    new module.ContigScanner('', digests),
    input,
    (scanner) => ({ faiText: scanner.faiText(), gapsText: scanner.gapsText() }),
    signal,
  );
}

/**
 * The N runs of only the spans a run will read (a remote reference with no sidecar: its regions'
 * bytes are fetched twice, once to measure and once to simulate). Returns a gap sidecar's text.
 */
export async function measureSpans(
  module: ReadforgeModule,
  request: SimulationRequest,
  input: SparseInput,
  signal?: AbortSignal,
): Promise<string> {
  const sparse = input(plannedSpans(module, request));
  const scanner = new module.ContigScanner(request.faiText ?? '', false);
  try {
    while (true) {
      signal?.throwIfAborted();
      const item = await sparse.next();
      if (item === null) break;
      const problem =
        item instanceof Uint8Array
          ? (scanner.inputBuffer(item.length).set(item), scanner.push(item.length))
          : scanner.beginContigAt(item.contig, item.begin);
      if (problem) throw new ReadforgeError(problem, true);
    }
    const problem = scanner.finish();
    if (problem) throw new ReadforgeError(problem, true);
    return scanner.gapsText();
  } catch (error) {
    sparse.cancel?.(error);
    throw error;
  } finally {
    scanner.delete();
  }
}
