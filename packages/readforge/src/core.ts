// One simulation, the same in every host: settings from an object, a first pass over the
// reference when its sizes are not known (as the command line makes), then the engine's pump
// into the outputs. Hosts (browser.ts, node.ts, worker.ts) say how to open inputs and outputs.
import { OutputStream, ReadforgeModule, Setting } from '../../../web/src/runner/module-types.js';
import {
  plannedGenomeTruth,
  ReadforgeError,
  simulate as pump,
  SimulationRequest,
} from '../../../web/src/runner/pump.js';
import { scanReference, sidecarListsDigests } from '../../../web/src/runner/first-pass.js';
import { BamIndexWriter } from '../../../web/src/runner/bam-index.js';
import type {
  OutputTarget,
  ReferenceInput,
  SettingValue,
  SimulateOptions,
  SimulateResult,
} from './types.js';

export { ReadforgeError };

/** An output opened for writing. */
export interface Sink {
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(reason: unknown): Promise<void>;
}

/** What a host provides: how it opens inputs and outputs. */
export interface Host {
  /** A fresh, decompressed stream of an input (the reference, for each pass; a VCF). */
  open(
    input: Exclude<ReferenceInput, ReadableStream<Uint8Array>>,
  ): Promise<ReadableStream<Uint8Array>>;
  sink(target: OutputTarget): Sink;
  /** A file's text by its name, where the host has files (Node); else undefined. */
  readText?(name: string): string | undefined;
}

export type OutputName =
  'read1' | 'read2' | 'vcf' | 'mutations' | 'bam' | 'bamIndex' | 'genomeTruth';

const STREAM_NAMES: Partial<Record<OutputStream, OutputName>> = {
  [OutputStream.Read1]: 'read1',
  [OutputStream.Read2]: 'read2',
  [OutputStream.Mutations]: 'mutations',
  [OutputStream.Vcf]: 'vcf',
  [OutputStream.Alignments]: 'bam',
};

/**
 * A copy of a piece of output, as a Uint8Array: the engine lends a view of its memory (typed by
 * Embind after `char`, so an Int8Array at run time).
 */
function copyOf(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice();
}

/** A sink over a WritableStream: each piece is copied (the engine's view is lent). */
export function streamSink(stream: WritableStream<Uint8Array>): Sink {
  const writer = stream.getWriter();
  return {
    write: async (bytes) => {
      await writer.ready;
      await writer.write(copyOf(bytes));
    },
    close: () => writer.close(),
    abort: (reason) => writer.abort(reason),
  };
}

/** A sink over a function called with each piece (a copy the caller keeps). */
export function functionSink(write: (bytes: Uint8Array) => void | Promise<void>): Sink {
  return {
    write: async (bytes) => write(copyOf(bytes)),
    close: async () => {},
    abort: async () => {},
  };
}

/** Settings whose value names a file, and where the engine takes the file's text. */
const FILE_SETTINGS = {
  'quality-bins': 'qualityBinsText',
  'fragment-hist': 'fragmentHistText',
  'gc-bias': 'gcBiasText',
  'genome-map': 'genomeMapText',
  abundance: 'abundanceText',
  amplicons: 'ampliconsText',
  'copy-number': 'copyNumberText',
  'somatic-copy-number': 'somaticCopyNumberText',
  somatic: 'somaticText',
} as const;

/**
 * The texts of the files the settings name, from `options.files` or the host. Values that are
 * not files (`novaseq`, `pcr`, inline tables) find none and are the engine's to read.
 */
function fileTexts(settings: Setting[], options: SimulateOptions, host: Host): SimulationRequest {
  const texts: SimulationRequest = { settings };
  const textOf = (name: string) => options.files?.[name] ?? host.readText?.(name);
  for (const [name, value] of settings) {
    if (name === 'bed') {
      const text = textOf(value);
      if (text === undefined)
        throw new ReadforgeError(`--bed: give the text of '${value}' in options.files`);
      (texts.bedTexts ??= []).push(text);
    } else if (name in FILE_SETTINGS) {
      const text = textOf(value);
      if (text !== undefined) texts[FILE_SETTINGS[name as keyof typeof FILE_SETTINGS]] = text;
    }
  }
  return texts;
}

/** The names the profiles' texts go by in the settings and in messages. */
const profileNames = (profiles: string[]) => profiles.map((_, i) => `profile-${i + 1}`);

function settingsOf(options: SimulateOptions): { settings: Setting[]; seed: string } {
  const settings: Setting[] = [];
  let seed = '';
  for (const [name, given] of Object.entries(options.settings ?? {})) {
    // A list repeats the option (region: ['chr1', 'chr2:1-5000'], as --region twice).
    for (const value of ([] as (SettingValue | undefined)[]).concat(given)) {
      if (value === undefined) continue;
      const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
      if (name === 'seed') seed = text;
      settings.push([name, text]);
    }
  }
  if (!seed) {
    const words = crypto.getRandomValues(new Uint32Array(2));
    seed = ((BigInt(words[0]) << 32n) | BigInt(words[1])).toString();
    settings.push(['seed', seed]);
  }
  const outputs = options.outputs;
  if (outputs.vcf) settings.push(['vcf', 'truth.vcf']);
  if (outputs.bam) settings.push(['bam', 'truth.bam']);
  if (outputs.genomeTruth) settings.push(['genome-truth', 'genomes.tsv']);
  if (options.variants) settings.push(['variants', 'variants.vcf']);
  if (options.profiles && !settings.some(([name]) => name === 'profile'))
    settings.push(['profile', profileNames(options.profiles).join(',')]);
  return { settings, seed };
}

/** How messages name the reference: its path, URL or file name. */
function referenceName(reference: SimulateOptions['reference']): string {
  if (typeof reference === 'string') return reference;
  if (reference instanceof URL) return reference.href;
  if (typeof File !== 'undefined' && reference instanceof File) return reference.name;
  return 'the reference';
}

export async function runSimulation(
  module: ReadforgeModule,
  options: SimulateOptions,
  host: Host,
): Promise<SimulateResult> {
  try {
    return await run(module, options, host);
  } catch (error) {
    // Problems in the reference's bytes name it, as the command line's do.
    if (error instanceof ReadforgeError && error.inReference)
      throw new ReadforgeError(`${referenceName(options.reference)}: ${error.message}`, true);
    throw error;
  }
}

async function run(
  module: ReadforgeModule,
  options: SimulateOptions,
  host: Host,
): Promise<SimulateResult> {
  const signal = options.signal;
  const { settings, seed } = settingsOf(options);
  const open = (input: ReferenceInput) =>
    input instanceof ReadableStream ? Promise.resolve(input) : host.open(input);
  const reference = options.reference;
  // (Checked for callers without types: reads with nowhere to go would vanish without a word.)
  if (!options.outputs?.read1) throw new ReadforgeError('outputs.read1 is required');
  const texts = fileTexts(settings, options, host);
  // The settings checked before any reading (the files they name when the engine starts).
  const problem = module.checkSettings(settings, true);
  if (problem) throw new ReadforgeError(problem);
  const request: SimulationRequest = {
    ...texts,
    ...(options.profiles
      ? { profileTexts: options.profiles, profileNames: profileNames(options.profiles) }
      : {}),
  };
  if (options.index) request.gapsText = options.index;
  // As the command line: the sizes and N runs (and MD5s for BAM) from one first pass when no
  // sidecar gives them.
  const bam = Boolean(options.outputs.bam);
  if (!options.index || (bam && !sidecarListsDigests(options.index))) {
    if (reference instanceof ReadableStream)
      throw new ReadforgeError(
        'a reference given as a stream is read once: give its sidecar as `index` (what `readforge index` writes), or pass a Blob, bytes, a URL or a path',
      );
    const scan = await scanReference(module, await open(reference), signal, bam);
    request.faiText = scan.faiText;
    request.gapsText = scan.gapsText;
  }
  // The BAM's index, from the entries the engine writes beside the BAM (as the CLI makes it).
  if (options.outputs.bamIndex && !bam)
    throw new ReadforgeError('outputs.bamIndex indexes the BAM: give outputs.bam too');
  request.alignmentIndex = Boolean(options.outputs.bamIndex);
  const index = request.alignmentIndex ? new BamIndexWriter(module, request) : null;
  const sinks: Partial<Record<OutputName, Sink>> = {};
  for (const [name, target] of Object.entries(options.outputs))
    if (target) sinks[name as OutputName] = host.sink(target);
  const opened = Object.values(sinks);
  try {
    const summary = await pump(module, request, await open(reference), {
      signal,
      variants: options.variants ? await open(options.variants) : undefined,
      onOutput: async (stream, bytes) => {
        if (stream === OutputStream.AlignmentIndex) return index?.push(bytes);
        const name = STREAM_NAMES[stream];
        if (!name) return;
        const sink = sinks[name];
        if (sink) return sink.write(bytes);
        if (name === 'read2')
          throw new ReadforgeError(
            'read 2 has nowhere to go: give outputs.read2, or set read2-length to 0, or interleaved',
          );
      },
      onProgress: options.onProgress
        ? ({ stats, fraction }) => options.onProgress!({ pairs: stats.pairs, fraction })
        : undefined,
    });
    const indexed = index?.finish();
    if (indexed) await sinks.bamIndex!.write(indexed.bytes);
    if (sinks.genomeTruth)
      await sinks.genomeTruth.write(new TextEncoder().encode(plannedGenomeTruth(module, request)));
    for (const sink of opened) await sink.close();
    const s = summary.stats;
    return {
      ...(indexed ? { bamIndex: indexed.extension as '.bai' | '.csi' } : {}),
      seed,
      pairs: s.pairs,
      readBases: s.readBases,
      errors: s.errors,
      contigs: s.contigs,
      summary: module.summaryLine(s.pairs, s.readBases, s.errors, s.contigs),
      warnings: summary.warnings,
    };
  } catch (error) {
    for (const sink of opened) await sink.abort(error).catch(() => {});
    throw signal?.aborted ? signal.reason : error;
  }
}
