// The statistics view: what the edge API's scheduled job last computed from the shared runs
// (GET /api/stats), read when the section is opened.
import type { Statistics } from '../shared/run-statistics.js';

const body = () => document.querySelector<HTMLElement>('#statistics-body')!;

function row(cells: string[], header = false): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const text of cells) {
    const cell = document.createElement(header ? 'th' : 'td');
    cell.textContent = text;
    tr.append(cell);
  }
  return tr;
}

function render(stats: Statistics): void {
  const n = (x: number) => x.toLocaleString('en');
  const note = document.createElement('p');
  note.textContent = stats.generatedAt
    ? `Computed ${new Date(stats.generatedAt).toUTCString()} (every 30 minutes) over the runs ` +
      `shared in the last ${stats.days} days.`
    : 'Not computed yet: the server computes them every 30 minutes.';
  const table = document.createElement('table');
  table.id = 'statistics-table';
  table.append(row(['', 'Runs', 'Read pairs', 'Bytes', 'Sequencing errors'], true));
  const totals = (name: string, t: typeof stats.last24h) =>
    row([name, n(t.runs), n(t.pairs), n(t.bytes), n(t.errors)]);
  table.append(totals(`All (${stats.days} days)`, stats), totals('Last 24 hours', stats.last24h));
  for (const r of stats.byReference) table.append(totals(r.reference, r));
  body().replaceChildren(note, table);
}

export function watchStatistics(): void {
  const details = document.querySelector<HTMLDetailsElement>('#statistics')!;
  details.addEventListener('toggle', async () => {
    if (!details.open) return;
    body().textContent = 'Loading…';
    try {
      const response = await fetch('/api/stats', { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      render((await response.json()) as Statistics);
    } catch (error) {
      body().textContent = `The statistics come from the server, which cannot be reached (${(error as Error).message}).`;
    }
  });
}
