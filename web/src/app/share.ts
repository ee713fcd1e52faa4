// Share links: the reference choice and every setting (seed included) in the URL's hash, so that
// opening the link fills the form and running it gives the same bytes. A local file is named,
// never uploaded: the person opening the link picks their copy again.
import type { Setting } from '../runner/module-types.js';

export interface SharedRun {
  reference: string; // 'demo-mt', 'demo-ecoli' or 'file:<name>'
  regions: string;
  settings: Setting[];
  gzip: boolean;
  vcf: boolean;
  /** True alignments (BAM) beside the reads. */
  bam: boolean;
  server: boolean;
  /** 'constant', the built-in profile's name, or 'file:<names>' / 'learn:<names>'. */
  quality: string;
  /** The VCF planted (a local file: named, never uploaded), and its sample. */
  variants: string;
  sample: string;
  /** Workers simulating in parallel (the bytes do not depend on it). */
  workers: number;
}

export function encodeRun(run: SharedRun): string {
  const params = new URLSearchParams();
  params.set('ref', run.reference);
  if (run.regions.trim()) params.set('regions', run.regions.trim());
  for (const [name, value] of run.settings) params.append(name, value); // (lists repeat a name)
  params.set('gzip', run.gzip ? '1' : '0');
  params.set('vcf', run.vcf ? '1' : '0');
  if (run.bam) params.set('bam', '1');
  if (run.server) params.set('server', '1');
  if (run.quality !== 'constant') params.set('quality', run.quality);
  if (run.variants) params.set('variants-file', run.variants);
  if (run.variants && run.sample) params.set('variants-sample', run.sample);
  params.set('workers', String(run.workers));
  return `#${params.toString()}`;
}

export function decodeRun(hash: string): SharedRun | null {
  if (hash.length < 2) return null;
  const params = new URLSearchParams(hash.slice(1));
  // A link without ref= still carries settings (the page says it names no reference).
  const reference = params.get('ref') ?? '';
  if (!reference && [...params.keys()].length === 0) return null;
  const settings: Setting[] = [];
  for (const [name, value] of params) {
    if (
      ![
        'ref',
        'regions',
        'gzip',
        'vcf',
        'bam',
        'server',
        'quality',
        'variants-file',
        'variants-sample',
        'workers',
      ].includes(name)
    )
      settings.push([name, value]);
  }
  return {
    reference,
    regions: params.get('regions') ?? '',
    settings,
    gzip: params.get('gzip') === '1',
    vcf: params.get('vcf') !== '0',
    bam: params.get('bam') === '1',
    server: params.get('server') === '1',
    quality: params.get('quality') ?? 'constant',
    variants: params.get('variants-file') ?? '',
    sample: params.get('variants-sample') ?? '',
    workers: Number(params.get('workers')) || 0,
  };
}
