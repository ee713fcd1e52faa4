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
  saving: 'Closing the files',
};

/** `wanted`: the pairs asked for (0 when the run asks for a coverage instead). */
export function showProgress(m: Progress, seconds: number, wanted: number): void {
  const data = document.body.dataset;
  data.maxWasmHeap = String(Math.max(Number(data.maxWasmHeap ?? 0), m.wasmHeap));
  if (m.jsHeap !== null) data.maxJsHeap = String(Math.max(Number(data.maxJsHeap ?? 0), m.jsHeap));
  data.bytesOut = String(m.bytesOut);
  // How much is written: pairs of those asked for (-N), else how far into the reference the
  // written blocks reach. The time left follows from it and the time so far, so it is the
  // writer's pace, not the simulation's.
  const done = wanted ? Math.min(1, m.pairs / wanted) : m.fraction;
  const bar = $<HTMLProgressElement>('#progress');
  if (done === null) bar.removeAttribute('value');
  else bar.value = done;
  const rate = m.bytesOut / Math.max(seconds, 0.001) / 1e6;
  const left =
    done && done > 0.02 && done < 1
      ? ` · about ${Math.ceil((seconds * (1 - done)) / done)} s left`
      : '';
  const pairs = wanted
    ? `${m.pairs.toLocaleString('en')} of ${wanted.toLocaleString('en')} pairs written (${Math.floor(100 * (done ?? 0))}%)`
    : `${m.pairs.toLocaleString('en')} pairs written`;
  const reached =
    wanted || m.fraction === null ? '' : `${Math.round(100 * m.fraction)}% of the reference · `;
  $('#progress-text').textContent =
    m.phase === 'simulating'
      ? `${PHASES[m.phase]}: ${reached}${pairs} · ${rate.toFixed(1)} MB/s${left}`
      : `${PHASES[m.phase]}…`;
}

export type RunState = 'ready' | 'running' | 'done' | 'cancelled' | 'failed';

const STATE_WORDS: Record<RunState, string> = {
  ready: 'Ready',
  running: 'Running…',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/**
 * The run's state at the head of the run panel. When a run starts with the panel out of view
 * (one column, on a narrow screen, below the form) the page scrolls to it.
 */
export function showRunState(state: RunState): void {
  const heading = $('#run-state');
  heading.textContent = STATE_WORDS[state];
  heading.dataset.state = state;
  $('#run-hint').hidden = state !== 'ready';
  const panel = $('#run-panel');
  const top = panel.getBoundingClientRect().top;
  if (state === 'running' && (top < 0 || top > innerHeight / 2))
    panel.scrollIntoView({ block: 'start' });
}
