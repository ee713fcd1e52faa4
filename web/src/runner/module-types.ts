// Types of build-wasm/readforge.mjs (the Embind bindings of cpp/wasm/), written by hand as
// Emscripten 3.1.6 has no --emit-tsd, and checked against the module by
// tests/js/wasm-boundary.test.mjs: every class, method, function and enum value here must exist
// there with the same number of parameters, and nothing bound may be missing here. Each host
// imports the module its own way and hands the factory to the glue.

export type Setting = [name: string, value: string];

/** Run() states: the module's RunState enum, as numbers (run() returns them). */
export const RunState = {
  NeedInput: 0,
  OutputReady: 1,
  Done: 2,
  Error: 3,
  /** The VCF of --variants must be read further. */
  NeedVariantInput: 4,
} as const;
export type RunState = (typeof RunState)[keyof typeof RunState];

/** Output streams: the module's OutputStream enum, as numbers. */
export const OutputStream = {
  Read1: 0,
  Read2: 1,
  Mutations: 2,
  Vcf: 3,
  Alignments: 4,
  AlignmentIndex: 5,
} as const;
export type OutputStream = (typeof OutputStream)[keyof typeof OutputStream];
export const OUTPUT_STREAMS: readonly OutputStream[] = [0, 1, 2, 3, 4, 5];

export interface SimulatorStats {
  referenceBases: number;
  totalReferenceBases: number; // -1 without an index
  contigs: number;
  pairs: number;
  readBases: number;
  errors: number;
  droppedPairs: number;
  /** Fragments cut short to fit before a span's end or a run of N. */
  cutFragments: number;
  snps: number;
  insertions: number;
  deletions: number;
  fragmentLengthSum: number;
  /** With --duplicates / --optical-duplicates: pairs written as copies of an earlier fragment. */
  pcrDuplicates: number;
  opticalDuplicates: number;
  /** Fragment lengths in 64 bins of fragmentHistogramWidth from fragmentHistogramStart. */
  fragmentHistogram: number[];
  fragmentHistogramStart: number;
  fragmentHistogramWidth: number;
  /** With a quality profile: per read end, each cycle's qualities summed over the reads. */
  cycleQualitySums: [number[], number[]];
  /** With --variants: what became of the VCF's records. */
  planted: { planted: number; mismatches: number; overlapping: number; outside: number };
  /** Where fragments landed: per span (the first 1000), in reference order. */
  coverage: SpanCoverage[];
}

/**
 * One span's coverage track: bin i holds the written pairs whose leftmost base (the first
 * coordinate in a read's name, minus one) lies in [begin + i * width, begin + (i + 1) * width),
 * and the N bases there.
 */
export interface SpanCoverage {
  contig: string;
  begin: number;
  length: number;
  width: number;
  fragments: number[];
  nBases: number[];
}

/**
 * Bytes of a bgzip file by virtual offsets (compressed block start, offset in its data), and
 * the compressed offset to fetch up to so that the last block is whole (0: the end of the file).
 */
export interface BgzfRange {
  compressedBegin: number;
  offsetBegin: number;
  compressedEnd: number;
  offsetEnd: number;
  fetchEnd: number;
}

export interface SpanBytes {
  contig: string;
  begin: number;
  end: number;
  byteBegin: number;
  byteEnd: number;
}

/** What a run knows of its reference before reading it (every field optional). */
export interface SimulatorInputs {
  /** A samtools .fai index (or a scanner's faiText()). */
  faiText?: string;
  /** The texts of BED files (--bed). */
  bedTexts?: string[];
  /** The reference's N runs: a <ref>.gaps.bed sidecar, or a scanner's gapsText(). -N needs them
   * to place pairs where reads can be; without them the reference is taken to hold no N. */
  gapsText?: string;
  /** The sidecar's name, for messages. */
  gapsName?: string;
  /** --profile: the texts of one quality profile, or of R1's and R2's, and their names. */
  profileTexts?: string[];
  profileNames?: string[];
  /** The outputs' names (read 1, read 2, mutation list, VCF, alignments; "-" for a stream):
   * those named .gz are compressed (BGZF) unless the settings say gzip or no-gzip. */
  outputNames?: string[];
  /** --quality-bins given a file's name: the table's text. */
  qualityBinsText?: string;
  /** --fragment-hist: the histogram's text. */
  fragmentHistText?: string;
  /** --gc-bias FILE: the curve's text. */
  gcBiasText?: string;
  /** --genome-map FILE: the map's text (CONTIG GENOME lines). */
  genomeMapText?: string;
  /** --abundance FILE: the table's text. */
  abundanceText?: string;
  /** --amplicons FILE: the BED's text. */
  ampliconsText?: string;
  /** --copy-number FILE: the segments' BED text. */
  copyNumberText?: string;
  /** --somatic-copy-number FILE: the tumour cells' segments, a BED text. */
  somaticCopyNumberText?: string;
  /** --somatic FILE: the tumour's somatic variants, a plain VCF's text. */
  somaticText?: string;
  /** With the setting bam: the entries of the BAM's index too (OutputStream.AlignmentIndex), for
   * a host writing a whole run's BAM and its index (BamIndexAssembler). */
  alignmentIndex?: boolean;
  /** One of several simulators of one run (threads, Workers): only every `blockStride`-th
   * block from `blockPhase` on is written; see block-merge.ts. */
  blockStride?: number;
  blockPhase?: number;
}

export interface WasmRunMerger {
  /** "" or what is wrong with the report. */
  add(report: string): string;
  stats(): SimulatorStats;
  warnings(): string[];
  /** A whole -N run that placed no pair has failed: its message, or "". */
  problem(): string;
  delete(): void;
}

export interface WasmSimulator {
  /** "" when the run can start, else the reason it cannot. */
  start(): string;
  /** A view of a C++ buffer of n bytes to fill; valid until the next call into the module. */
  inputBuffer(n: number): Uint8Array;
  commitInput(n: number): void;
  finish(): void;
  /** Sparse input: the bytes pushed next are `contig`'s from base `position` on; "" or why not. */
  beginContigAt(contig: string, position: number): string;
  /** The spans the run simulates, in order, with their bytes in the FASTA (needs the index). */
  spans(): SpanBytes[];
  run(): RunState;
  /** The VCF of --variants: a buffer to fill when run() says NeedVariantInput. */
  variantInputBuffer(n: number): Uint8Array;
  commitVariants(n: number): void;
  finishVariants(): void;
  /** The error is about the VCF (and names it), not the reference. */
  errorInVariants(): boolean;
  /** With blockStride: whether the output just drained ended one of this simulator's blocks. */
  blockComplete(): boolean;
  /** After the run: whether its blocks reach the run's end (the BGZF end block goes there). */
  holdsLastBlock(): boolean;
  /** Its stats and span notes as text, for a RunMerger. */
  report(): string;
  /** Which output streams are compressed (BGZF), by OutputStream number. */
  compressedStreams(): boolean[];
  /** The same bytes without a copy: a view valid only until the next call into the module. */
  outputView(stream: OutputStream): Uint8Array;
  consumeOutputs(): void;
  error(): string;
  stats(): SimulatorStats;
  /** stats().pairs and stats().referenceBases, without building the rest. */
  pairs(): number;
  referenceBases(): number;
  warnings(): string[];
  /** --genome-truth: each genome's row of the plan ("" without --genome-map); after start(). */
  genomeTruth(): string;
  /** --copy-number-truth: the copies simulated, a BED of every contig; after start(). */
  copyNumberTruth(): string;
  delete(): void;
}

export interface WasmContigScanner {
  inputBuffer(n: number): Uint8Array;
  push(n: number): string;
  /** Sparse input (needs the .fai the scanner was made with): the bytes pushed next are
   * `contig`'s from base `position` on. "" or why not. */
  beginContigAt(contig: string, position: number): string;
  finish(): string;
  /** Contig names and lengths as .fai-like text. */
  faiText(): string;
  /** The N runs found, as a gap sidecar's text (what `readforge index` writes). */
  gapsText(): string;
  delete(): void;
}

/** A contig's name, length and MD5 (refget's: its letters uppercased, as `samtools dict`). */
export interface ContigDigest {
  name: string;
  length: number;
  md5: string;
}

export interface WasmContigDigester {
  inputBuffer(n: number): Uint8Array;
  /** "" or what is wrong with the FASTA. */
  push(n: number): string;
  finish(): string;
  contigs(): ContigDigest[];
  delete(): void;
}

/** The index of a run's BAM from the entries its simulators write (OutputStream.AlignmentIndex),
 * fed in the BAM's order. */
export interface WasmBamIndexAssembler {
  inputBuffer(n: number): Uint8Array;
  /** "" or what is wrong. */
  push(n: number): string;
  /** The index file (BAI, or CSI for contigs past 512 Mb): its bytes and name's ending. */
  finish(): { error: string; bytes: Uint8Array; extension: string };
  delete(): void;
}

/** `readforge eval`: the truth (optional) first, then the aligner's output, in pieces. */
export interface WasmEvaluation {
  inputBuffer(n: number): Uint8Array;
  /** Each: "" or what is wrong. */
  pushTruth(n: number): string;
  finishTruth(): string;
  push(n: number): string;
  finish(): string;
  report(): string;
  records(): number;
  delete(): void;
}

/** `readforge eval`'s command line, as the native CLI reads it. */
export interface ParsedEvalArgs {
  error: string;
  help: boolean;
  input: string;
  truth: string;
  out: string;
  quiet: boolean;
  gap: number;
  roc: boolean;
  json: boolean;
}

/** Fragment lengths learned from alignments (SAM or BAM bytes). */
export interface WasmFragmentLearner {
  inputBuffer(n: number): Uint8Array;
  /** "" or what is wrong. */
  push(n: number): string;
  finish(): { error: string; text: string; pairs: number; shortest: number; longest: number };
  delete(): void;
}

export interface WasmProfileLearner {
  inputBuffer(n: number): Uint8Array;
  /** FASTQ bytes of read end `mate` (0: R1, 1: R2); "" or what is wrong. */
  push(mate: number, n: number): string;
  finishEnd(mate: number): string;
  reads(mate: number): number;
  finish(sources: string[]): { error: string; text: string; notes: string[] };
  delete(): void;
}

/** A fragment-length histogram's entries, lengths ascending; `inline` carries it in settings
 * (`--fragment-hist LEN:COUNT,...`), `text` is its file. */
export interface FragmentsDescription {
  error: string;
  lengths: number[];
  counts: number[];
  inline: string;
  text: string;
}

/** What the app shows of a quality profile. */
export interface ProfileDescription {
  error: string;
  name?: string;
  kind?: string;
  cycles: [number, number];
  meanQuality: [number[], number[]];
  expectedErrorRate: [number, number];
}

export interface ParsedArgs {
  error: string;
  settings: Setting[];
  positional: string[];
  bedPaths: string[];
  faiPath: string;
  /** --gzi: a remote bgzip reference's .gzi (a presigned URL, say). */
  gziPath: string;
  gapsPath: string;
  profilePaths: string[];
  variantsPath: string;
  vcfPath: string;
  mutationsPath: string;
  /** --quality-bins FILE (a table; '' for none or a built-in name). */
  qualityBinsPath: string;
  /** --fragment-hist FILE, or ''. */
  fragmentHistPath: string;
  /** --gc-bias FILE, or ''. */
  gcBiasPath: string;
  /** --genome-map, --abundance and --genome-truth FILEs, or ''. */
  genomeMapPath: string;
  abundancePath: string;
  genomeTruthPath: string;
  /** --copy-number-truth FILE, or ''. */
  copyNumberTruthPath: string;
  /** --amplicons FILE, or ''. */
  ampliconsPath: string;
  /** --community TABLE, or '': the genomes instead of a reference argument. */
  communityPath: string;
  /** --copy-number FILE, or ''. */
  copyNumberPath: string;
  /** --somatic-copy-number FILE, or ''. */
  somaticCopyNumberPath: string;
  /** --somatic FILE, or ''. */
  somaticPath: string;
  /** --bam or --sam FILE, and which ('' without either). */
  alignmentsPath: string;
  alignments: '' | 'bam' | 'sam';
  seedGiven: boolean;
  quiet: boolean;
  help: boolean;
  version: boolean;
  paired: boolean;
  interleaved: boolean;
  coverage: number;
  /** -t: simulators on worker threads (a regular reference file), the same bytes. */
  threads: number;
  /** No --first-block or --end-block: the run writes all of its blocks. */
  wholeRun: boolean;
  /** --duplicates or --optical-duplicates above 0: the run reports its duplicates. */
  duplicates: boolean;
}

/** --community's table: its genomes in order, and its amounts as an --abundance table's text
 * ('' without amounts). */
export interface CommunityTable {
  error: string;
  abundanceText: string;
  members: { genome: string; path: string }[];
}

/** Joins a community's genomes into one FASTA, each contig renamed GENOME|NAME. */
export interface WasmCommunityJoiner {
  startGenome(genome: string): void;
  inputBuffer(n: number): Uint8Array;
  /** The joined bytes of the n bytes pushed (a copy). */
  push(n: number): Uint8Array;
  /** After each genome: ends its last line. */
  endGenome(): Uint8Array;
  /** The genome map of the contigs seen ("GENOME|NAME\tGENOME" lines). */
  mapText(): string;
  delete(): void;
}

export interface ReadforgeModule {
  /** The wasm heap; its length is the module's memory size. */
  HEAP8: Int8Array;
  Simulator: new (settings: Setting[], inputs: SimulatorInputs) => WasmSimulator;
  /** `faiText`: the index, for sparse input; '' for whole files. */
  /** `digests`: each contig's MD5 too, in gapsText() (whole files). */
  ContigScanner: new (faiText: string, digests: boolean) => WasmContigScanner;
  ContigDigester: new () => WasmContigDigester;
  CommunityJoiner: new () => WasmCommunityJoiner;
  parseCommunity(text: string): CommunityTable;
  /** The run's contigs: its .fai and gap sidecar texts, either or both. */
  BamIndexAssembler: new (faiText: string, gapsText: string) => WasmBamIndexAssembler;
  ProfileLearner: new () => WasmProfileLearner;
  FragmentLearner: new () => WasmFragmentLearner;
  /** Adds up the report() texts of several simulators of one run (given the run's settings). */
  RunMerger: new (settings: Setting[]) => WasmRunMerger;
  /** The error rates are over reads of the lengths given (0: the profile's cycles). */
  describeProfile(text: string, read1Length: number, read2Length: number): ProfileDescription;
  /** A --fragment-hist histogram (its file's text, or the inline form). */
  describeFragments(text: string): FragmentsDescription;
  /** The summary line every host prints ("wrote N read pairs (B bases, X% sequencing ..."). */
  summaryLine(pairs: number, readBases: number, errors: number, contigs: number): string;
  /** "1093 PCR and 98 optical duplicates (11.91% of the pairs)". */
  duplicatesLine(pcr: number, optical: number, pairs: number): string;
  /** BGZF's end-of-file block, for hosts merging several simulators' compressed streams. */
  bgzfEndOfFile(): Uint8Array;
  parseArgs(args: string[]): ParsedArgs;
  parseEvalArgs(args: string[]): ParsedEvalArgs;
  evalUsage(): string;
  Evaluation: new (gap: number, roc: boolean, json: boolean) => WasmEvaluation;
  /** For a bgzip FASTA: each span's compressed slice, from the .gzi index's bytes. */
  bgzfSlices(
    gzi: Uint8Array,
    spans: { byteBegin: number; byteEnd: number }[],
  ): { error: string; slices: { compressedBegin: number; compressedEnd: number; skip: number }[] };
  /**
   * For a bgzip VCF: where its header and the regions' records lie, from its (decompressed)
   * .tbi or .csi.
   */
  tabixRanges(
    index: Uint8Array,
    regions: { contig: string; begin: number; end: number }[],
  ): { error: string; header: BgzfRange; ranges: BgzfRange[] };
  /** "" when the settings are valid on their own, else the command line's message.
   * `filesComing`: settings naming files are taken as given (their texts come with the run);
   * otherwise they are refused as a host that reads no files refuses them. */
  checkSettings(settings: Setting[], filesComing: boolean): string;
  /** "" when a .fai describes the contigs a first pass measured (its faiText()), else how not. */
  checkIndex(faiText: string, measuredFaiText: string): string;
  usage(): string;
  version(): string;
}

export interface ModuleInit {
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string) => string;
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance) => void,
  ) => WebAssembly.Exports | object;
}

export type ReadforgeFactory = (init?: ModuleInit) => Promise<ReadforgeModule>;
