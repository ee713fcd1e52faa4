// The "Base qualities" choice: wgsim's constant quality, the built-in parametric profile, a
// profile file (readforge's, or ART's R1 and R2), or one learned in the Worker from FASTQ the
// person picks (never uploaded). Shows the chosen profile's mean quality by cycle, and saves it.
import uPlot from 'uplot';
import type { ProfileDescription, ReadforgeModule } from '../runner/module-types.js';
import { chartColours, themedAxis } from './chart-theme.js';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

export const BUILT_IN_PROFILE = 'illumina-like-2x150';
const BUILT_IN_URL = `/profiles/${BUILT_IN_PROFILE}.profile`;

export type QualityChoice = 'constant' | typeof BUILT_IN_PROFILE | 'file' | 'learn';

export interface ChosenProfile {
  texts: string[];
  names: string[];
  /** Mean quality by cycle, R1 and R2 (for the plots). */
  meanQuality: [number[], number[]];
}

export class ProfilePicker {
  private chosen: ChosenProfile | null = null;
  private learned: ChosenProfile | null = null;
  private builtIn: string | null = null;
  private chart: uPlot | null = null;
  private problem = '';

  constructor(
    private readonly module: ReadforgeModule,
    private readonly learn: (files: File[]) => Promise<{ text: string; notes: string[] }>,
    private readonly onChange: () => void,
  ) {
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="quality"]'))
      radio.addEventListener('change', () => void this.refresh());
    $('#profile-file').addEventListener('change', () => void this.refresh());
    $('#learn-profile').addEventListener('click', () => void this.learnFromFastq());
    $('#save-profile').addEventListener('click', () => this.save());
  }

  get choice(): QualityChoice {
    return $<HTMLInputElement>('input[name="quality"]:checked').value as QualityChoice;
  }

  set choice(value: QualityChoice) {
    const radio = document.querySelector<HTMLInputElement>(
      `input[name="quality"][value="${value}"]`,
    );
    if (radio) radio.checked = true;
    void this.refresh();
  }

  /** For share links: the choice, with the files' names where there are files. */
  get shareValue(): string {
    if (this.choice === 'file' || this.choice === 'learn')
      return `${this.choice}:${(this.chosen?.names ?? []).join(',')}`;
    return this.choice;
  }

  /** The profile for a run; null for wgsim's model; a string says what is missing. */
  profile(): ChosenProfile | null | string {
    if (this.choice === 'constant') return null;
    if (this.problem) return this.problem;
    return this.chosen ?? 'Choose a quality profile (or learn one from your FASTQ) first.';
  }

  async refresh(): Promise<void> {
    const choice = this.choice;
    $('#profile-file-box').hidden = choice !== 'file';
    $('#profile-learn-box').hidden = choice !== 'learn';
    const rate = document.querySelector<HTMLInputElement>('#opt-error-rate');
    if (rate) rate.disabled = choice !== 'constant';
    this.chosen = null;
    this.problem = '';
    try {
      if (choice === BUILT_IN_PROFILE) {
        this.builtIn ??= await (await fetch(BUILT_IN_URL)).text();
        this.chosen = this.describe([this.builtIn], [BUILT_IN_PROFILE]);
      } else if (choice === 'file') {
        const files = [...($<HTMLInputElement>('#profile-file').files ?? [])];
        if (files.length > 2) throw new Error('Choose one profile file, or two (R1 and R2).');
        if (files.length > 0) {
          const sorted = files.sort((a, b) => a.name.localeCompare(b.name));
          this.chosen = this.describe(
            await Promise.all(sorted.map((f) => f.text())),
            sorted.map((f) => f.name),
          );
        }
      } else if (choice === 'learn') {
        this.chosen = this.learned;
      }
    } catch (error) {
      this.problem = (error as Error).message;
    }
    this.show();
    this.onChange();
  }

  private describe(texts: string[], names: string[]): ChosenProfile {
    const descriptions: ProfileDescription[] = texts.map((text, i) => {
      const d = this.module.describeProfile(text, 0, 0);
      if (d.error) throw new Error(`${names[i]}: ${d.error}`);
      return d;
    });
    const r2 =
      descriptions.length === 2 ? descriptions[1].meanQuality[0] : descriptions[0].meanQuality[1];
    return { texts, names, meanQuality: [descriptions[0].meanQuality[0], r2] };
  }

  private async learnFromFastq(): Promise<void> {
    const files = [...($<HTMLInputElement>('#fastq-file').files ?? [])].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    const info = $('#profile-info');
    if (files.length === 0 || files.length > 2) {
      info.textContent = 'Choose one FASTQ file, or two (R1 and R2).';
      return;
    }
    info.textContent = `Learning from ${files.map((f) => f.name).join(' and ')}…`;
    try {
      const { text, notes } = await this.learn(files);
      const name = `learned from ${files.map((f) => f.name).join(', ')}`;
      this.learned = this.describe([text], [name]);
      await this.refresh();
      if (notes.length) info.textContent += ` Note: ${notes.join('; ')}.`;
    } catch (error) {
      info.textContent = (error as Error).message;
    }
  }

  private show(): void {
    const info = $('#profile-info');
    const figure = $('#profile-figure');
    $('#save-profile').hidden = !this.chosen || this.choice === BUILT_IN_PROFILE;
    figure.hidden = !this.chosen;
    if (this.problem) info.textContent = this.problem;
    else if (!this.chosen) info.textContent = this.choice === 'constant' ? '' : info.textContent;
    if (!this.chosen) return;
    const [r1, r2] = this.chosen.meanQuality;
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
    info.textContent =
      `${this.chosen.names.join(' and ')}: ${r1.length} cycles, mean quality ` +
      `${mean(r1).toFixed(1)} (R1) and ${mean(r2).toFixed(1)} (R2).`;
    this.chart?.destroy();
    this.chart = qualityChart($('#profile-plot'), [
      ['R1', r1, chartColours().accent],
      ['R2', r2, chartColours().second],
    ]);
  }

  private save(): void {
    if (!this.chosen) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([this.chosen.texts.join('')], { type: 'text/plain' }));
    a.download = this.choice === 'learn' ? 'learned.profile' : this.chosen.names[0];
    a.click();
  }
}

/** Mean quality by cycle, one line per series ([label, values, colour]); values on hover. */
export function qualityChart(target: HTMLElement, series: [string, number[], string][]): uPlot {
  const cycles = Math.max(...series.map(([, v]) => v.length));
  return new uPlot(
    {
      width: Math.min(720, target.clientWidth || 640),
      height: 200,
      scales: { x: { time: false } },
      axes: [themedAxis('cycle'), themedAxis('mean quality')],
      series: [{ label: 'cycle' }, ...series.map(([label, , stroke]) => ({ label, stroke }))],
    },
    [Array.from({ length: cycles }, (_, i) => i + 1), ...series.map(([, v]) => v)],
    target,
  );
}
