// The files picked beside the reference: a genome map with abundances (a table, or a
// distribution drawn with the seed), an amplicon panel, copy-number segments (the tumour cells'
// too) and a somatic VCF, each read here and never uploaded. It gives the run's settings and the
// files' texts, checked by the engine's rules (checkSettings) as the rest of the form is.
import type { ReadforgeModule, Setting } from '../runner/module-types.js';
import type { TableTexts } from '../shared/run-options.js';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

export class TargetsPicker {
  /** `ofFiles`: whether the reference is a community of FASTA files (which bring their map). */
  constructor(
    private readonly module: ReadforgeModule,
    private readonly ofFiles: () => boolean,
  ) {
    for (const id of ['#amplicon-dropout', '#amplicon-spread', '#abundance-distribution'])
      $(id).addEventListener('change', () => void this.check());
  }

  private file(id: string): File | undefined {
    return $<HTMLInputElement>(id).files?.[0];
  }

  /** The settings these choices add (the files by their names). */
  private named(): Setting[] {
    const settings: Setting[] = [];
    const map = this.file('#genome-map-file');
    const abundance = this.file('#abundance-file');
    const distribution = $<HTMLSelectElement>('#abundance-distribution').value;
    const amplicons = this.file('#amplicons-file');
    if (this.ofFiles()) {
      // The files' genomes are the community: its abundances come as text beside it.
      settings.push(['community', 'genomes']);
    } else {
      if (map) settings.push(['genome-map', map.name]);
      if (abundance) settings.push(['abundance', abundance.name]);
    }
    if (distribution) settings.push(['abundance-distribution', distribution]);
    if (amplicons) {
      settings.push(['amplicons', amplicons.name]);
      settings.push(['amplicon-dropout', $<HTMLInputElement>('#amplicon-dropout').value.trim()]);
      settings.push(['amplicon-spread', $<HTMLInputElement>('#amplicon-spread').value.trim()]);
    }
    const copies = this.file('#copy-number-file');
    if (copies) settings.push(['copy-number', copies.name]);
    const tumourCopies = this.file('#somatic-copy-number-file');
    if (tumourCopies) settings.push(['somatic-copy-number', tumourCopies.name]);
    const somatic = this.file('#somatic-file');
    if (somatic) settings.push(['somatic', somatic.name]);
    if (map || this.ofFiles()) settings.push(['genome-truth', 'genomes.tsv']);
    return settings;
  }

  /** What is wrong with these choices alone (the engine's words), or ''. */
  private check(): string {
    const problem =
      this.ofFiles() && this.file('#genome-map-file')
        ? 'A community of FASTA files brings its own genome map: clear the genome map.'
        : // (the files come with it; the tumour's with the purity and VCF the form gives)
          this.module.checkSettings([...this.named(), ['purity', '1'], ['variants', 'x']], true);
    $('#targets-info').textContent = problem;
    return problem;
  }

  /** The settings and the files' texts for a run, or what is wrong. */
  async choices(): Promise<{ settings: Setting[]; texts: TableTexts } | string> {
    const problem = this.check();
    if (problem) return problem;
    const texts: TableTexts = {};
    const map = this.file('#genome-map-file');
    const abundance = this.file('#abundance-file');
    const amplicons = this.file('#amplicons-file');
    if (map && !this.ofFiles()) texts.genomeMapText = await map.text();
    if (abundance) texts.abundanceText = await abundance.text();
    if (amplicons) texts.ampliconsText = await amplicons.text();
    const copies = this.file('#copy-number-file');
    if (copies) texts.copyNumberText = await copies.text();
    const tumourCopies = this.file('#somatic-copy-number-file');
    if (tumourCopies) texts.somaticCopyNumberText = await tumourCopies.text();
    const somatic = this.file('#somatic-file');
    if (somatic) texts.somaticText = await somatic.text();
    return { settings: this.named(), texts };
  }
}
