// The engine's options a run on the edge API may set, by long name or wgsim letter
// (docs/edge-api.md lists them): web/src/edge/api.ts refuses the others, and readforge-wasm
// --server sends only these. The rest are the server's (files, threads, outputs) or have a
// parameter of their own.
export const RUN_OPTIONS = new Set([
  ...['pairs', 'coverage', 'read1-length', 'read2-length', 'distance', 'std-dev', 'error-rate'],
  ...['mutation-rate', 'indel-fraction', 'indel-extend', 'max-n-fraction', 'haploid', 'seed'],
  ...['N', 'C', '1', '2', 'd', 's', 'e', 'r', 'R', 'X', 'A', 'h', 'S', 'block-size'],
  ...['variants', 'sample', 'het-fraction', 'skip-mismatches', 'quality-bins', 'fragment-hist'],
  ...['gc-bias', 'adapters', 'duplicates', 'optical-duplicates', 'read-names', 'umi', 'umi-inline'],
]);
/** What to use instead of engine options that the API takes another way. */
export const INSTEAD: Record<string, string> = {
  interleaved: 'format=interleaved',
  vcf: 'format=vcf',
  bam: 'format=bam',
  sam: 'format=sam',
  'first-block': 'shard=i/k',
  'end-block': 'shard=i/k',
  'no-gzip': 'no gzip parameter (plain is the default)',
  bed: 'region= (repeatable)',
};
