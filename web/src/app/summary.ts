// The results panel: figures, warnings, output files, a community's genomes, a fragment-length
// histogram (uPlot), the coverage track (coverage-plot.ts) and the first reads.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Summary } from '../runner/pump.js';
import { chartColours, themedAxis } from './chart-theme.js';
import { showCoverage } from './coverage-plot.js';
import { qualityChart } from './profile-picker.js';

let chart: uPlot | null = null;
let qualities: uPlot | null = null;

function formatBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) ((n /= 1000), i++);
  return `${n.toFixed(i ? 1 : 0)} ${units[i]}`;
}

export function showSummary(
  summary: Summary,
  preview: string,
  files: { name: string; bytes: number; blob?: Blob }[],
  seconds: number | null, // null: a shared run's figures
): void {
  const s = summary.stats;
  showGenomes(''); // (a community's run shows them after)
  const mean = s.pairs ? s.fragmentLengthSum / s.pairs : 0;
  const rows: [string, string][] = [
    ['Read pairs', s.pairs.toLocaleString('en')],
    ['Bases in reads', s.readBases.toLocaleString('en')],
    [
      'Sequencing errors',
      `${s.errors.toLocaleString('en')} (${((100 * s.errors) / Math.max(1, s.readBases)).toFixed(2)}%)`,
    ],
    ['SNPs / insertions / deletions', `${s.snps} / ${s.insertions} / ${s.deletions}`],
    ['Mean fragment length', `${mean.toFixed(1)} bp`],
    ['Reference', `${s.referenceBases.toLocaleString('en')} bases in ${s.contigs} contig(s)`],
  ];
  const copies = s.pcrDuplicates + s.opticalDuplicates;
  if (copies > 0) {
    // Hundredths of a percent rounded half up in integers, as the command line's line is.
    const hundredths = Math.floor((copies * 20000 + s.pairs) / (2 * Math.max(1, s.pairs)));
    const share = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
    rows.push([
      'Duplicates (PCR / optical)',
      `${s.pcrDuplicates.toLocaleString('en')} / ${s.opticalDuplicates.toLocaleString('en')} (${share}% of the pairs)`,
    ]);
  }
  if (seconds !== null) rows.push(['Time', `${seconds.toFixed(1)} s`]);
  const dl = document.querySelector('#summary')!;
  dl.replaceChildren(
    ...rows.flatMap(([k, v]) => {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      return [dt, dd];
    }),
  );
  document.querySelector('#warnings')!.textContent = summary.warnings
    .map((w) => `Note: ${w}`)
    .join('\n');
  const list = document.querySelector('#files')!;
  list.replaceChildren(
    ...files.map((f) => {
      const li = document.createElement('li');
      if (f.blob) {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(f.blob);
        a.download = f.name;
        a.textContent = f.name;
        li.append(a, ` (${formatBytes(f.bytes)} before compression)`);
      } else {
        li.textContent = `${f.name}: ${formatBytes(f.bytes)} written`;
      }
      return li;
    }),
  );
  const reads = document.querySelector<HTMLElement>('#preview')!;
  reads.textContent = preview.split('\n').slice(0, 16).join('\n');
  // A shared run has no reads to show.
  reads.hidden = document.querySelector<HTMLElement>('#preview-title')!.hidden = !preview;
  drawHistogram(s.fragmentHistogram, s.fragmentHistogramStart, s.fragmentHistogramWidth);
  showCoverage(s.coverage);
  drawQualities(s.cycleQualitySums, s.pairs);
}

/** With a quality profile: the mean quality by cycle of what was simulated, R1 and R2. */
function drawQualities(sums: [number[], number[]], reads: number): void {
  const figure = document.querySelector<HTMLElement>('#quality-figure')!;
  qualities?.destroy();
  qualities = null;
  figure.hidden = sums[0].length === 0 || reads === 0;
  if (figure.hidden) return;
  const mean = (v: number[]) => v.map((sum) => sum / reads);
  const colours = chartColours();
  const series: [string, number[], string][] = [['R1', mean(sums[0]), colours.accent]];
  if (sums[1].length > 0) series.push(['R2', mean(sums[1]), colours.second]);
  qualities = qualityChart(document.querySelector<HTMLElement>('#quality-plot')!, series);
}

function drawHistogram(counts: number[], start: number, width: number): void {
  const target = document.querySelector<HTMLElement>('#histogram')!;
  chart?.destroy();
  const xs = counts.map((_, i) => start + (i + 0.5) * width);
  const colours = chartColours();
  chart = new uPlot(
    {
      width: Math.min(720, target.clientWidth || 640),
      height: 220,
      scales: { x: { time: false } },
      axes: [themedAxis('bases'), themedAxis('pairs')],
      series: [
        {},
        {
          label: 'pairs',
          stroke: colours.accent,
          fill: colours.accentFill,
          paths: uPlot.paths.bars!({ size: [0.9] }),
        },
      ],
      legend: { show: false },
    },
    [xs, counts],
    target,
  );
}

/**
 * A community's genomes (the --genome-truth table's text; '' hides them): each genome's contigs,
 * what was asked, its pairs, its share of the pairs as a bar, and its coverage.
 */
export function showGenomes(text: string): void {
  const figure = document.querySelector<HTMLElement>('#genomes-figure')!;
  const rows = text.split('\n').filter((line) => line && !line.startsWith('#'));
  figure.hidden = rows.length === 0;
  const asked = /asked: ([^;]*)/.exec(text)?.[1] ?? '';
  document.querySelector('#genomes-caption')!.textContent =
    `Read pairs per genome (asked: ${asked}; the bars: each genome's share of the pairs); ` +
    'saved as genomes.tsv';
  document.querySelector('#genomes-table tbody')!.replaceChildren(
    ...rows.map((line) => {
      const [genome, contigs, , wanted, pairs, share, coverage] = line.split('\t');
      const tr = document.createElement('tr');
      const cell = (value: string) => {
        const td = document.createElement('td');
        td.textContent = value;
        tr.append(td);
        return td;
      };
      cell(genome);
      cell(Number(contigs).toLocaleString('en'));
      cell(wanted);
      cell(Number(pairs).toLocaleString('en'));
      const bar = document.createElement('span');
      bar.className = 'share-bar';
      bar.style.width = `${(100 * Number(share)).toFixed(1)}%`;
      cell(`${(100 * Number(share)).toFixed(2)}%`).prepend(bar);
      cell(`${coverage}x`);
      return tr;
    }),
  );
}
