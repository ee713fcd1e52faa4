// Presets fill the form for common runs; everything they set stays editable. The seed is left
// as it is (a preset is a kind of run, not a particular one).
import type { Setting } from '../runner/module-types.js';

export interface Preset {
  name: string;
  settings: Setting[];
  quality: 'constant' | 'illumina-like-2x150';
}

const WGSIM_READS: Setting[] = [
  ['read1-length', '70'],
  ['read2-length', '70'],
  ['distance', '500'],
  ['std-dev', '50'],
  ['error-rate', '0.02'],
  ['mutation-rate', '0.001'],
  ['indel-fraction', '0.15'],
  ['indel-extend', '0.3'],
  ['max-n-fraction', '0.05'],
  ['haploid', '0'],
  ['ploidy', '2'],
  ['ploidy-override', ''],
  ['purity', ''],
  ['clones', ''],
  ['interleaved', '0'],
  ['block-size', '262144'],
  ['quality-bins', ''],
  ['adapters', ''],
  ['gc-bias', ''],
  ['duplicates', '0'],
  ['optical-duplicates', '0'],
  ['read-names', 'wgsim'],
  ['umi', '0'],
  ['umi-inline', '0'],
];

export const PRESETS: Preset[] = [
  {
    name: 'wgsim defaults',
    settings: [['pairs', '1000000'], ...WGSIM_READS],
    quality: 'constant',
  },
  {
    name: 'Illumina 2x150 at 30x',
    settings: [
      ...WGSIM_READS,
      ['coverage', '30'],
      ['read1-length', '150'],
      ['read2-length', '150'],
      ['distance', '400'],
      ['std-dev', '60'],
    ],
    quality: 'illumina-like-2x150',
  },
  {
    name: 'NovaSeq 2x150, 10% duplicates',
    settings: [
      ...WGSIM_READS,
      ['coverage', '30'],
      ['read1-length', '150'],
      ['read2-length', '150'],
      ['distance', '250'],
      ['std-dev', '70'],
      ['quality-bins', 'novaseq'],
      ['adapters', 'truseq'],
      ['duplicates', '0.1'],
    ],
    quality: 'illumina-like-2x150',
  },
  {
    name: 'quick test',
    settings: [...WGSIM_READS, ['pairs', '1000'], ['read1-length', '100'], ['read2-length', '100']],
    quality: 'constant',
  },
];
