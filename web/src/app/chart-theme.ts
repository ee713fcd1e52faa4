// Colours for uPlot charts from the page's CSS variables (styles.css), so that charts follow
// the light and dark themes as the rest of the page does.
import type uPlot from 'uplot';

export interface ChartColours {
  ink: string;
  line: string;
  accent: string;
  accentFill: string;
  second: string;
  gap: string;
}

export function chartColours(): ChartColours {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string) => style.getPropertyValue(name).trim();
  return {
    ink: v('--ink'),
    line: v('--line'),
    accent: v('--accent'),
    accentFill: v('--accent-fill'),
    second: v('--accent-2'),
    gap: v('--gap'),
  };
}

/** An axis drawn in the theme's ink and line colours. */
export function themedAxis(label: string, extra: uPlot.Axis = {}): uPlot.Axis {
  const c = chartColours();
  return {
    label,
    stroke: c.ink,
    grid: { stroke: c.line, width: 1 },
    ticks: { stroke: c.line, width: 1 },
    ...extra,
  };
}
