// The progress panel during a run in the page: the bar, what the run is doing, pairs made,
// write rate and time left; and the largest memory figures seen, kept on the page for the
// record (and for the memory test).
import type { WorkerMessage } from '../shared/protocol.js';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

type Progress = Extract<WorkerMessage, { type: 'progress' }>;

const PHASES: Record<Progress['phase'], string> = {
  loading: 'Loading',
  scanning: 'Measuring contigs and N runs (no .gaps.bed given)',
  measuring: 'Measuring the regions’ N runs (no .gaps.bed beside it: fetched twice)',
  simulating: 'Simulating',
  saving: 'Saving',
};

/** `wanted`: the pairs asked for (0 when the run asks for a coverage instead). */
export function showProgress(m: Progress, seconds: number, wanted: number): void {
  const data = document.body.dataset;
  data.maxWasmHeap = String(Math.max(Number(data.maxWasmHeap ?? 0), m.wasmHeap));
  if (m.jsHeap !== null) data.maxJsHeap = String(Math.max(Number(data.maxJsHeap ?? 0), m.jsHeap));
  data.bytesOut = String(m.bytesOut);
  const bar = $<HTMLProgressElement>('#progress');
  if (m.fraction === null) bar.removeAttribute('value');
  else bar.value = m.fraction;
  const rate = m.bytesOut / Math.max(seconds, 0.001) / 1e6;
  const left =
    m.fraction && m.fraction > 0.02
      ? ` · about ${Math.ceil((seconds * (1 - m.fraction)) / m.fraction)} s left`
      : '';
  const pairs = wanted
    ? `${m.pairs.toLocaleString('en')} of ${wanted.toLocaleString('en')} pairs (${Math.floor((100 * m.pairs) / wanted)}%)`
    : `${m.pairs.toLocaleString('en')} pairs`;
  const consumed =
    m.fraction === null ? '' : `${Math.round(100 * m.fraction)}% of the reference read · `;
  $('#progress-text').textContent =
    m.phase === 'simulating' || m.phase === 'saving'
      ? `${PHASES[m.phase]}: ${consumed}${pairs} · ${rate.toFixed(1)} MB/s written${left}`
      : `${PHASES[m.phase]}…`;
}
