// The simulation options as the form shows them: a label a biologist reads, wgsim's letter for
// those who know it, the engine's option name, and a default (wgsim's, except the pair count,
// which is smaller so that a first run takes a moment, not minutes).
export interface Field {
  name: string; // the engine's long option name
  letter?: string; // wgsim's flag
  label: string;
  hint: string;
  value: string; // default
  /** A list is words (space- or comma-separated), each one setting of the option's name. */
  kind: 'number' | 'switch' | 'choice' | 'list' | 'text';
  /** Left out of the run when blank (its default is the option's absence). */
  optional?: boolean;
  step?: string;
  /** A choice's values and labels; the empty value leaves the option out. */
  choices?: [string, string][];
}

export const AMOUNT_FIELDS: Field[] = [
  {
    name: 'pairs',
    letter: 'N',
    label: 'Read pairs',
    hint: 'in total, spread over contigs by length',
    value: '100000',
    kind: 'number',
    step: '1',
  },
  {
    name: 'coverage',
    letter: 'C',
    label: 'Fold coverage',
    hint: 'instead of a pair count',
    value: '10',
    kind: 'number',
    step: 'any',
  },
];

export const READ_FIELDS: Field[] = [
  {
    name: 'read1-length',
    letter: '1',
    label: 'Read 1 length',
    hint: 'bases',
    value: '70',
    kind: 'number',
    step: '1',
  },
  {
    name: 'read2-length',
    letter: '2',
    label: 'Read 2 length',
    hint: 'bases; 0 for single-end',
    value: '70',
    kind: 'number',
    step: '1',
  },
  {
    name: 'distance',
    letter: 'd',
    label: 'Fragment length',
    hint: 'mean outer distance, bases',
    value: '500',
    kind: 'number',
    step: '1',
  },
  {
    name: 'std-dev',
    letter: 's',
    label: 'Fragment length s.d.',
    hint: 'bases',
    value: '50',
    kind: 'number',
    step: 'any',
  },
  {
    name: 'error-rate',
    letter: 'e',
    label: 'Sequencing error rate',
    hint: 'per base',
    value: '0.02',
    kind: 'number',
    step: 'any',
  },
  {
    name: 'interleaved',
    label: 'Interleaved output',
    hint: 'both mates in one file',
    value: '0',
    kind: 'switch',
  },
];

export const MUTATION_FIELDS: Field[] = [
  {
    name: 'mutation-rate',
    letter: 'r',
    label: 'Mutation rate',
    hint: 'per base',
    value: '0.001',
    kind: 'number',
    step: 'any',
  },
  {
    name: 'indel-fraction',
    letter: 'R',
    label: 'Indel fraction',
    hint: 'of mutations',
    value: '0.15',
    kind: 'number',
    step: 'any',
  },
  {
    name: 'indel-extend',
    letter: 'X',
    label: 'Indel extension',
    hint: 'probability an indel grows by one base',
    value: '0.3',
    kind: 'number',
    step: 'any',
  },
  {
    name: 'haploid',
    letter: 'h',
    label: 'Haploid genome',
    hint: 'every mutation homozygous',
    value: '0',
    kind: 'switch',
  },
  {
    name: 'ploidy',
    label: 'Ploidy',
    hint: 'haplotypes of the genome, 1 to 8 (a tetraploid plant: 4)',
    value: '2',
    kind: 'number',
    step: '1',
  },
  {
    name: 'ploidy-override',
    label: 'Ploidy by region',
    hint: 'CONTIG[:BEG-END]=N, space-separated: chrX:2781480-155701382=1 chrY=1 for a male',
    value: '',
    kind: 'list',
  },
  {
    name: 'purity',
    label: 'Tumour purity',
    hint: "a tumour sample: the tumour cells' share (0 to 1); the VCF's INFO/SOMATIC records are theirs",
    value: '',
    kind: 'number',
    step: 'any',
    optional: true,
  },
  {
    name: 'clones',
    label: 'Subclones',
    hint: 'their cancer cell fractions, as 0.4,0.1: the INFO/CCF values somatic records may give',
    value: '',
    kind: 'text',
    optional: true,
  },
];

// Rarely changed: under a collapsed "Advanced".
export const ADVANCED_FIELDS: Field[] = [
  {
    name: 'seed',
    letter: 'S',
    label: 'Random seed',
    hint: 'the same seed gives the same reads',
    value: '',
    kind: 'number',
    step: '1',
  },
  {
    name: 'block-size',
    label: 'Block size',
    hint: 'bases per random-stream block (advanced; part of what defines the output)',
    value: '262144',
    kind: 'number',
    step: '1',
  },
  {
    name: 'max-n-fraction',
    letter: 'A',
    label: 'Maximum N fraction',
    hint: 'reads with more Ns are redrawn',
    value: '0.05',
    kind: 'number',
    step: 'any',
  },
  {
    name: 'quality-bins',
    label: 'Quality binning',
    hint: 'the qualities written, binned after the errors are drawn (NovaSeq: 2, 12, 23, 37)',
    value: '',
    kind: 'choice',
    choices: [
      ['', 'none'],
      ['novaseq', 'NovaSeq'],
    ],
  },
  {
    name: 'adapters',
    label: 'Adapter read-through',
    hint: 'fragments may be shorter than a read, which reads on into the adapter, then poly-G',
    value: '',
    kind: 'choice',
    choices: [
      ['', 'none'],
      ['truseq', 'TruSeq'],
      ['nextera', 'Nextera'],
    ],
  },
  {
    name: 'gc-bias',
    label: 'GC bias',
    hint: 'coverage by fragment GC: a PCR-amplified library, or a PCR-free one (milder)',
    value: '',
    kind: 'choice',
    choices: [
      ['', 'none'],
      ['pcr', 'PCR'],
      ['pcr-free', 'PCR-free'],
    ],
  },
  {
    name: 'duplicates',
    label: 'PCR duplicates',
    hint: 'the fraction of pairs that copy an earlier molecule (0 to 0.99; 0.1 is 10%)',
    value: '0',
    kind: 'number',
    step: 'any',
  },
  {
    name: 'optical-duplicates',
    label: 'Optical duplicates',
    hint: 'the fraction of pairs that are optical copies beside their molecule on the flow cell (implies Illumina-style names)',
    value: '0',
    kind: 'number',
    step: 'any',
  },
  {
    name: 'read-names',
    label: 'Read names',
    hint: "wgsim's (the true place in the name), or Illumina's with tile and x:y (the truth is then in the BAM)",
    value: 'wgsim',
    kind: 'choice',
    choices: [
      ['wgsim', 'wgsim'],
      ['illumina', 'Illumina-style'],
    ],
  },
  {
    name: 'umi',
    label: 'UMI length',
    hint: 'a unique molecular identifier of this many bases per molecule, as RX:Z: in the FASTQ comment (0: none; LEN1,LEN2: one per mate)',
    value: '0',
    kind: 'number',
    step: '1',
  },
  {
    name: 'umi-inline',
    label: 'UMI inline',
    hint: "read the UMI as read 1's first cycles instead of a comment",
    value: '0',
    kind: 'switch',
  },
];
