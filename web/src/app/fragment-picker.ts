// The "Fragment lengths" choice: wgsim's normal model (-d, -s), a histogram file, or one learned
// in the Worker from a BAM or SAM the person picks (never uploaded). A histogram goes into the
// run's settings inline (`fragment-hist=LEN:COUNT,...`), so share links, runs on the server and
// shared runs' manifests carry it as they carry every other setting.
import uPlot from 'uplot';
import type { ReadforgeModule, Setting } from '../runner/module-types.js';
import { chartColours, themedAxis } from './chart-theme.js';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

export type FragmentChoice = 'normal' | 'file' | 'learn';

interface Histogram {
  name: string;
  lengths: number[];
  counts: number[];
  /** The inline form, the run's setting. */
  inline: string;
  /** The TSV, for Save. */
  text: string;
}

export class FragmentPicker {
  private chosen: Histogram | null = null;
  private learned: Histogram | null = null;
  /** The histogram a share link carried: the file choice's until a file is picked. */
  private linked: Histogram | null = null;
  private chart: uPlot | null = null;
  private problem = '';

  constructor(
    private readonly module: ReadforgeModule,
    private readonly learn: (file: File) => Promise<{ text: string; notes: string[] }>,
    private readonly onChange: () => void,
  ) {
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="fragments"]'))
      radio.addEventListener('change', () => void this.refresh());
    $('#fragments-file').addEventListener('change', () => {
      this.linked = null;
      void this.refresh();
    });
    $('#learn-fragments').addEventListener('click', () => void this.learnFromAlignments());
    $('#save-fragments').addEventListener('click', () => this.save());
  }

  get choice(): FragmentChoice {
    return $<HTMLInputElement>('input[name="fragments"]:checked').value as FragmentChoice;
  }

  set choice(value: FragmentChoice) {
    $<HTMLInputElement>(`input[name="fragments"][value="${value}"]`).checked = true;
    void this.refresh();
  }

  /** The run's setting ([] for the normal model); a string says what is missing. */
  settings(): Setting[] | string {
    if (this.choice === 'normal') return [];
    if (this.problem) return this.problem;
    if (!this.chosen)
      return 'Choose a fragment-length histogram (or learn one from your BAM) first.';
    return [['fragment-hist', this.chosen.inline]];
  }

  /** A share link's settings: its histogram, if it has one, becomes the file choice's. */
  load(settings: Setting[]): void {
    const inline = settings.find(([name]) => name === 'fragment-hist')?.[1];
    this.linked = null;
    if (inline) {
      try {
        this.linked = this.describe(inline, 'the histogram of this link');
      } catch (error) {
        this.problem = (error as Error).message;
      }
    }
    this.choice = inline ? 'file' : 'normal';
  }

  async refresh(): Promise<void> {
    const choice = this.choice;
    $('#fragments-file-box').hidden = choice !== 'file';
    $('#fragments-learn-box').hidden = choice !== 'learn';
    for (const name of ['distance', 'std-dev']) {
      const input = document.querySelector<HTMLInputElement>(`#opt-${name}`);
      if (input) input.disabled = choice !== 'normal';
    }
    this.problem = '';
    this.chosen = await this.histogramOf(choice).catch((error: Error) => {
      this.problem = error.message;
      return null;
    });
    this.show();
    this.onChange();
  }

  /** The histogram a choice holds now: the file picked (else the link's), or the learned one. */
  private async histogramOf(choice: FragmentChoice): Promise<Histogram | null> {
    if (choice === 'learn') return this.learned;
    if (choice === 'normal') return null;
    const file = $<HTMLInputElement>('#fragments-file').files?.[0];
    return file ? this.describe(await file.text(), file.name) : this.linked;
  }

  private describe(text: string, name: string): Histogram {
    const { error, ...d } = this.module.describeFragments(text);
    if (error) throw new Error(`${name}: ${error}`);
    return { name, ...d };
  }

  private async learnFromAlignments(): Promise<void> {
    const file = $<HTMLInputElement>('#alignments-file').files?.[0];
    const info = $('#fragments-info');
    if (!file) {
      info.textContent = 'Choose a BAM or SAM file of paired reads.';
      return;
    }
    info.textContent = `Learning from ${file.name}…`;
    try {
      const { text, notes } = await this.learn(file);
      this.learned = this.describe(text, `learned from ${file.name} (${notes.join('; ')})`);
      await this.refresh();
    } catch (error) {
      info.textContent = (error as Error).message;
    }
  }

  private show(): void {
    const info = $('#fragments-info');
    $('#save-fragments').hidden = !this.chosen;
    $('#fragments-figure').hidden = !this.chosen;
    if (this.problem) info.textContent = this.problem;
    else if (!this.chosen && this.choice === 'normal') info.textContent = '';
    if (!this.chosen) return;
    const { lengths, counts, name } = this.chosen;
    const total = counts.reduce((a, b) => a + b, 0);
    let median = lengths[0];
    for (let i = 0, seen = 0; i < counts.length && seen * 2 < total; ++i) {
      seen += counts[i];
      median = lengths[i];
    }
    info.textContent =
      `${name}: lengths ${lengths[0]} to ${lengths[lengths.length - 1]}, median ${median}; ` +
      'fragments shorter than the longest read are raised to it.';
    this.chart?.destroy();
    const target = $('#fragments-plot');
    this.chart = new uPlot(
      {
        width: Math.min(720, target.clientWidth || 640),
        height: 200,
        scales: { x: { time: false } },
        axes: [themedAxis('fragment length'), themedAxis('fragments')],
        series: [
          { label: 'length' },
          { label: 'fragments', stroke: chartColours().accent, fill: chartColours().accentFill },
        ],
      },
      [lengths, counts],
      target,
    );
  }

  private save(): void {
    if (!this.chosen) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(
      new Blob([this.chosen.text], { type: 'text/tab-separated-values' }),
    );
    a.download = 'fragments.tsv';
    a.click();
  }
}
