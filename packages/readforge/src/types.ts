// The package's public types: what `simulate` takes and gives, the same in browsers and Node.

/**
 * A reference genome (FASTA, plain or gzip/bgzip): a Blob or File, bytes, a stream (read once:
 * give `index` with it), or a URL. In Node a string is a file path unless it is an http(s) URL.
 */
export type ReferenceInput =
  Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> | URL | string;

/**
 * Where an output goes: a WritableStream (a file's `createWritable()`, a Response body, a
 * TransformStream's writable side), a function called with each piece in order (the bytes are
 * the caller's to keep), or in Node a file path.
 */
export type OutputTarget =
  WritableStream<Uint8Array> | ((bytes: Uint8Array) => void | Promise<void>) | string;

export interface SimulateOutputs {
  /** Read 1's FASTQ (both mates with `interleaved`, the only reads with `read2-length` 0). */
  read1: OutputTarget;
  /** Read 2's FASTQ: needed for paired reads that are not interleaved. */
  read2?: OutputTarget;
  /** The simulated variants as VCF 4.3 (`--vcf`). */
  vcf?: OutputTarget;
  /** wgsim's mutation list (what the command line writes to standard output). */
  mutations?: OutputTarget;
  /** Truth alignments, BAM (`--bam`): sorted, BGZF. */
  bam?: OutputTarget;
  /**
   * The BAM's index, as `samtools index` makes it: BAI, or CSI for contigs past 512 Mb (the
   * result's `bamIndex` says which).
   */
  bamIndex?: OutputTarget;
  /**
   * Each genome's contigs, bases, asked abundance, pairs, share and coverage, as a TSV
   * (`--genome-truth`; needs the `genome-map` setting).
   */
  genomeTruth?: OutputTarget;
}

/** A setting's value: numbers and text as the command line takes them, switches as booleans. */
export type SettingValue = string | number | boolean;

export interface SimulateOptions {
  reference: ReferenceInput;
  /**
   * The command line's long options without their dashes, for example
   * `{ pairs: 10000, 'read1-length': 150, seed: 11, gzip: true }` (`readforge --help` lists them).
   * A list repeats an option (`region: ['chr1', 'chr2:1-5000']`). Without a seed one is drawn,
   * and returned.
   */
  settings?: Record<string, SettingValue | SettingValue[] | undefined>;
  outputs: SimulateOutputs;
  /**
   * The texts of files the settings name: `settings: { 'gc-bias': 'gc.tsv', bed: 'panel.bed' }`
   * with `files: { 'gc.tsv': ..., 'panel.bed': ... }` (for `bed`, `quality-bins`,
   * `fragment-hist`, `gc-bias`, `genome-map`, `abundance`, `amplicons` and `copy-number`). In Node a name not
   * given here is read as a path.
   */
  files?: Record<string, string>;
  /** The reference's sidecar (`readforge index`'s text): skips the first pass over it. */
  index?: string;
  /** A VCF (plain or gzip) of variants to plant (`--variants`). */
  variants?: Blob | Uint8Array | ReadableStream<Uint8Array>;
  /** Quality profiles' texts (`--profile`): one for both ends, or R1's and R2's. */
  profiles?: string[];
  /** Called as the run goes: pairs written so far, and how far into the reference. */
  onProgress?: (progress: SimulateProgress) => void;
  /** Cancels the run: the returned promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * The engine: readforge.wasm's URL or bytes (by default the one beside this package's code).
   */
  wasm?: string | URL | ArrayBuffer | Uint8Array;
  /**
   * Browsers: run in a Web Worker this package starts (true, the default), or in the calling
   * thread (false: for a Worker of your own). Ignored in Node.
   */
  worker?: boolean;
}

export interface SimulateProgress {
  pairs: number;
  /** Fraction of the reference read, when its size is known; otherwise null. */
  fraction: number | null;
}

export interface SimulateResult {
  /** The seed of the run (the one given, or the one drawn): repeat it with `settings.seed`. */
  seed: string;
  pairs: number;
  /** Bases in the reads written. */
  readBases: number;
  /** Sequencing errors made. */
  errors: number;
  contigs: number;
  /** With outputs.bamIndex: the index's kind, and its name's ending. */
  bamIndex?: '.bai' | '.csi';
  /** The command line's summary line, for example "wrote 1000 read pairs ...". */
  summary: string;
  warnings: string[];
}

/** A problem with the input or settings, in the command line's words. */
export interface ReadforgeErrorLike extends Error {
  name: 'ReadforgeError';
}

export type Simulate = (options: SimulateOptions) => Promise<SimulateResult>;
