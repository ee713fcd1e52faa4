// Messages between the page (web/src/app), the simulation Worker and its part Workers
// (web/src/worker).
import type { PartMessage } from '../runner/block-merge.js';
import type { Setting, SimulatorInputs } from '../runner/module-types.js';
import type { SimulationRequest, Summary } from '../runner/pump.js';
import type { ContigSummary } from './run-manifest.js';
import type { TableTexts } from './run-options.js';
import type { RemoteAccessSpec } from '../remote/remote-fasta.js';

export type ReferenceSpec =
  | { kind: 'url'; url: string; faiUrl?: string; gapsUrl?: string; name: string }
  | { kind: 'file'; file: File; fai?: File; gaps?: File }
  /** Several FASTA files, one genome each, joined with every contig renamed GENOME|NAME. */
  | { kind: 'community'; name: string; members: { genome: string; file: File }[] }
  /** An indexed FASTA read with Range requests: only the regions' bytes are fetched. */
  | ({ kind: 'remote'; name: string } & RemoteAccess);

/**
 * Where a remote FASTA and its indexes are, and how to sign for them. Credentials travel to the
 * Worker in memory only: never in links, storage or logs.
 */
export type RemoteAccess = RemoteAccessSpec;

export interface OutputNames {
  read1: string;
  read2?: string;
  vcf?: string;
  /** The reads' true alignments (BAM, always BGZF: never named .gz), indexed beside it. */
  bam?: string;
}

export interface OutputSpec {
  /** Where files go (File System Access API). */
  directory?: FileSystemDirectoryHandle;
  /** Or streams to write each file into (streaming downloads through a service worker). */
  streams?: {
    read1?: WritableStream<Uint8Array>;
    read2?: WritableStream<Uint8Array>;
    vcf?: WritableStream<Uint8Array>;
    /** (The BAM's index is made at the end: a file in the folder, else a Blob.) */
    bam?: WritableStream<Uint8Array>;
  };
  /** Neither: the Worker returns Blobs (small runs only). */
  names: OutputNames;
  gzip: boolean;
}

export interface RunRequest {
  type: 'run';
  settings: Setting[];
  bedTexts: string[];
  reference: ReferenceSpec;
  output: OutputSpec;
  /** -N or a VCF needs contig lengths: without an index, the reference is scanned first. */
  needLengths: boolean;
  /** -N places pairs by the reference's N runs: without a sidecar, it is scanned first. */
  needGaps: boolean;
  /** A quality profile (its text, or R1's and R2's) instead of wgsim's constant quality. */
  profile?: { texts: string[]; names: string[] };
  /** A VCF whose records are planted (the settings name it: ['variants', name]). */
  variants?: File;
  /** Workers simulating in parallel, each every k-th block (the bytes do not depend on it). */
  workers: number;
  /** The texts of the files the settings name (a genome map, copy numbers, a somatic VCF...). */
  texts?: TableTexts;
}

/** Each contig's MD5 of a reference (a shared run's manifest; a file checked before a rerun). */
export interface DigestRequest {
  type: 'digest';
  reference: ReferenceSpec;
}

export type DigestMessage =
  { type: 'digested'; summary: ContigSummary } | { type: 'digest-error'; message: string };

/**
 * Learn, in the Worker (never uploaded): a quality profile from FASTQ files (R1, and R2), or
 * fragment lengths from one BAM or SAM. Answered with 'learned' (the file's text) or 'learn-error'.
 */
export interface LearnRequest {
  type: 'learn';
  what: 'profile' | 'fragments';
  files: File[];
}

/** Stops the run in progress (the Worker answers with an error message, cancelled). */
export interface CancelRequest {
  type: 'cancel';
}

/** What the page asks of the simulation Worker (worker/worker.ts). */
export type WorkerRequest = RunRequest | LearnRequest | DigestRequest | CancelRequest;

/** What a part Worker (worker/part-worker.ts) is given: its share of a run on several Workers. */
export interface PartJob {
  request: SimulationRequest;
  reference: ReferenceSpec;
  variants?: File;
}

/** What a part Worker sends: its output (runner/block-merge.ts), and how big the reference is. */
export type PartWorkerMessage = PartMessage | { kind: 'progress'; totalReferenceBases: number };

export type Phase = 'loading' | 'scanning' | 'measuring' | 'simulating' | 'saving';

export type WorkerMessage =
  | {
      type: 'progress';
      phase: Phase;
      fraction: number | null;
      pairs: number;
      bytesOut: number;
      /** Memory the Worker uses: the wasm heap and (where the browser tells) its JS heap. */
      wasmHeap: number;
      jsHeap: number | null;
    }
  | {
      type: 'done';
      summary: Summary;
      preview: string;
      files: { name: string; bytes: number; blob?: Blob }[];
      /** Bytes downloaded from a remote reference. */
      fetched?: number;
      /** With a genome map: each genome's row (the --genome-truth table, saved as genomes.tsv). */
      genomeTruth?: string;
    }
  | { type: 'error'; message: string; cancelled: boolean }
  | { type: 'learn-progress'; bytes: number }
  | { type: 'learned'; text: string; notes: string[] }
  | { type: 'learn-error'; message: string };

/** Outputs kept in memory when the browser cannot stream to disk. */
export const MEMORY_OUTPUT_LIMIT = 256 * 1024 * 1024;
