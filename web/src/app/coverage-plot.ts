// The coverage track in the results: fragments per bin by their leftmost base along each
// contig or region (the engine's stats.coverage), with the share of N bases per bin drawn
// behind them so that assembly gaps show. One span at a time, or all of them end to end.
import uPlot from 'uplot';
import type { SpanCoverage } from '../runner/module-types.js';
import { chartColours, themedAxis } from './chart-theme.js';

let chart: uPlot | null = null;

function spanLabel(t: SpanCoverage): string {
  const whole = t.begin === 0;
  return whole ? t.contig : `${t.contig}:${t.begin + 1}-${t.begin + t.length}`;
}

/** The bins of `tracks` end to end: x (a bin's first base), fragments, % N, and a label per x. */
function series(tracks: SpanCoverage[], endToEnd: boolean) {
  const xs: number[] = [];
  const fragments: number[] = [];
  const gaps: number[] = [];
  const where: string[] = [];
  let offset = 0;
  for (const t of tracks) {
    const origin = endToEnd ? offset : t.begin;
    t.fragments.forEach((count, i) => {
      const binBases = Math.max(1, Math.min(t.width, t.length - i * t.width));
      xs.push(origin + i * t.width);
      fragments.push(count);
      gaps.push((100 * t.nBases[i]) / binBases);
      where.push(`${t.contig}:${(t.begin + i * t.width + 1).toLocaleString('en')}`);
    });
    offset += t.length;
  }
  return { xs, fragments, gaps, where };
}

/** 2500000 as "2.5 Mb", 12000 as "12 kb". */
function basesLabel(bases: number): string {
  if (bases >= 1e6) return `${+(bases / 1e6).toFixed(2)} Mb`;
  if (bases >= 1e3) return `${+(bases / 1e3).toFixed(1)} kb`;
  return `${bases}`;
}

function draw(target: HTMLElement, tracks: SpanCoverage[], endToEnd: boolean): void {
  chart?.destroy();
  const { xs, fragments, gaps, where } = series(tracks, endToEnd);
  const colours = chartColours();
  const widths = [...new Set(tracks.map((t) => t.width))];
  chart = new uPlot(
    {
      width: Math.min(720, target.clientWidth || 640),
      height: 200,
      scales: {
        x: { time: false },
        y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.05] },
        pct: { range: [0, 100] },
      },
      axes: [
        themedAxis(endToEnd ? 'position, spans end to end' : 'position', {
          values: (_u, ticks) => ticks.map(basesLabel),
        }),
        themedAxis(`pairs per ${widths.map((w) => `${w / 1024} kb`).join('/')} bin`),
        themedAxis('% N', { scale: 'pct', side: 1, grid: { show: false } }),
      ],
      series: [
        { label: 'bin', value: (_u, _v, _s, i) => (i == null ? '' : where[i]) },
        {
          label: '% N',
          scale: 'pct',
          stroke: colours.gap,
          fill: colours.gap,
          paths: uPlot.paths.stepped!({ align: 1 }),
          value: (_u, v) => (v == null ? '' : `${v.toFixed(1)}%`),
        },
        {
          label: 'pairs',
          stroke: colours.accent,
          paths: uPlot.paths.stepped!({ align: 1 }),
        },
      ],
    },
    [xs, gaps, fragments],
    target,
  );
}

/** Shows the run's coverage tracks (hidden when there are none). */
export function showCoverage(tracks: SpanCoverage[]): void {
  const figure = document.querySelector<HTMLElement>('#coverage-figure')!;
  const select = document.querySelector<HTMLSelectElement>('#coverage-span')!;
  const plot = document.querySelector<HTMLElement>('#coverage-plot')!;
  chart?.destroy();
  chart = null;
  figure.hidden = tracks.length === 0;
  // What is plotted, for tests and for anyone reading the page's data.
  figure.dataset.tracks = JSON.stringify(tracks);
  if (figure.hidden) return;
  const options = tracks.map((t, i) => new Option(spanLabel(t), String(i)));
  if (tracks.length > 1) options.unshift(new Option('All, end to end', 'all'));
  select.replaceChildren(...options);
  select.hidden = tracks.length === 1;
  const render = () =>
    select.value === 'all'
      ? draw(plot, tracks, true)
      : draw(plot, [tracks[Number(select.value)]], false);
  select.onchange = render;
  render();
}
