// The engine's options a run on the edge API may set, by long name or wgsim letter
// (docs/edge-api.md lists them): web/src/edge/api.ts refuses the others, and readforge-wasm
// --server sends only these. The rest are the server's (files, threads, outputs) or have a
// parameter of their own.
import type { SimulatorInputs } from '../runner/module-types.js';

export const RUN_OPTIONS = new Set([
  ...['pairs', 'coverage', 'read1-length', 'read2-length', 'distance', 'std-dev', 'error-rate'],
  ...['mutation-rate', 'indel-fraction', 'indel-extend', 'max-n-fraction', 'haploid', 'seed'],
  ...['N', 'C', '1', '2', 'd', 's', 'e', 'r', 'R', 'X', 'A', 'h', 'S', 'block-size'],
  ...['variants', 'sample', 'het-fraction', 'skip-mismatches', 'quality-bins', 'fragment-hist'],
  ...['gc-bias', 'adapters', 'duplicates', 'optical-duplicates', 'read-names', 'umi', 'umi-inline'],
  ...['genome-map', 'abundance', 'abundance-distribution', 'abundance-sigma', 'abundance-zeros'],
  ...['amplicons', 'amplicon-dropout', 'amplicon-spread', 'copy-number'],
  ...['ploidy', 'ploidy-override', 'purity', 'clones', 'somatic-copy-number', 'somatic'],
]);
/** Options that are checked alone beside the option they need (as `--amplicons x`). */
export const COMPANIONS: Record<string, [string, string][]> = {
  abundance: [['genome-map', 'x']],
  'abundance-distribution': [['genome-map', 'x']],
  'amplicon-dropout': [['amplicons', 'x']],
  'amplicon-spread': [['amplicons', 'x']],
  clones: [['purity', '1']],
  'somatic-copy-number': [['purity', '1']],
  somatic: [
    ['purity', '1'],
    ['variants', 'x'],
  ],
};
/** Run options that name a table the edge is configured with (its TABLES), not a file. */
export const TABLE_OPTIONS = {
  'genome-map': 'genomeMapText',
  abundance: 'abundanceText',
  amplicons: 'ampliconsText',
  'copy-number': 'copyNumberText',
  'somatic-copy-number': 'somaticCopyNumberText',
  somatic: 'somaticText',
} as const;
/** The texts of the tables and files those options name, as the engine takes them. */
export type TableTexts = Pick<SimulatorInputs, (typeof TABLE_OPTIONS)[keyof typeof TABLE_OPTIONS]>;
/** What to use instead of engine options that the API takes another way. */
export const INSTEAD: Record<string, string> = {
  interleaved: 'format=interleaved',
  vcf: 'format=vcf',
  bam: 'format=bam',
  sam: 'format=sam',
  'first-block': 'shard=i/k',
  'end-block': 'shard=i/k',
  'no-gzip': 'no gzip parameter (plain is the default)',
  'genome-truth': 'format=genomes',
  bed: 'region= (repeatable)',
};
