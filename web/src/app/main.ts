// The page: wires the form, the reference box, the Worker that simulates, progress and results.
// Plain DOM and TypeScript: one form and three panels need no framework (and load instantly).
import createReadforge from '../../../build-wasm/readforge.mjs';
import wasmUrl from '../../../build-wasm/readforge.wasm?url';
import type { ReadforgeFactory } from '../runner/module-types.js';
import type {
  LearnRequest,
  OutputSpec,
  ReferenceSpec,
  RunRequest,
  WorkerMessage,
} from '../shared/protocol.js';
import { OptionsForm } from './form.js';
import { FragmentPicker } from './fragment-picker.js';
import { PRESETS } from './presets.js';
import { showProgress, showRunState } from './progress.js';
import { BUILT_IN_PROFILE, ProfilePicker, type QualityChoice } from './profile-picker.js';
import { baseName, ReferenceChoice } from './reference-choice.js';
import { RemoteReference } from './remote-reference.js';
import { IN_FLIGHT, runOnServer, SERVER_REFERENCES, SHARDS } from './server-run.js';
import { startDownload, streamingDownloads } from './stream-download.js';
import { decodeRun, encodeRun } from './share.js';
import { RunSharing } from './shared-runs.js';
import { watchStatistics } from './statistics.js';
import { showGenomes, showSummary } from './summary.js';
import { TargetsPicker } from './targets-picker.js';
import { offerWaitingUpdate, registerServiceWorker } from './updates.js';
import './styles.css';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

const module = await (createReadforge as ReadforgeFactory)({ locateFile: () => wasmUrl });
const form = new OptionsForm($('#run-form'), module);
const remote = new RemoteReference(module, () => form.settings());
const references = new ReferenceChoice(remote);
const sharing = new RunSharing((hash) => loadShared(hash));
const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });
let learning: {
  resolve: (r: { text: string; notes: string[] }) => void;
  reject: (e: Error) => void;
  /** Where progress is shown. */
  info: string;
} | null = null;
/** Learns a profile or fragment lengths in the Worker from the person's files. */
function learnInWorker(what: LearnRequest['what'], files: File[]) {
  return new Promise<{ text: string; notes: string[] }>((resolve, reject) => {
    learning = { resolve, reject, info: what === 'profile' ? '#profile-info' : '#fragments-info' };
    worker.postMessage({ type: 'learn', what, files } satisfies LearnRequest);
  });
}
const profiles = new ProfilePicker(
  module,
  (files) => learnInWorker('profile', files),
  () => form.validate(),
);
const targets = new TargetsPicker(module, () => references.choice === 'community');
const fragments = new FragmentPicker(
  module,
  (file) => learnInWorker('fragments', [file]),
  () => form.validate(),
);
/** The fragment-length setting when one is chosen (share links carry what there is). */
const fragmentSettings = () => {
  const chosen = fragments.settings();
  return typeof chosen === 'string' ? [] : chosen;
};
const canSaveToDisk = 'showDirectoryPicker' in window;
// Workers left empty: chosen for the run (autoWorkers), and shown as the field's placeholder.
const showAutoWorkers = () =>
  ($<HTMLInputElement>('#opt-workers').placeholder =
    `auto (${autoWorkers($<HTMLInputElement>('#out-gzip').checked)})`);
$('#out-gzip').addEventListener('change', showAutoWorkers);
showAutoWorkers();
let startedAt = 0;

$('#save-note').textContent = canSaveToDisk
  ? 'You will choose a folder; files are written as they are made, whatever their size.'
  : 'Files download as they are made (or, where this browser cannot stream, up to 256 MB at the end).';

function outputNames(ref: ReferenceSpec): OutputSpec['names'] {
  const base = baseName(ref);
  const settings = new Map(form.settings());
  const single = settings.get('read2-length') === '0';
  const interleaved = settings.get('interleaved') === '1';
  return {
    read1: single ? `${base}.fq` : interleaved ? `${base}_interleaved.fq` : `${base}_R1.fq`,
    read2: single || interleaved ? undefined : `${base}_R2.fq`,
    vcf: $<HTMLInputElement>('#out-vcf').checked ? `${base}.vcf` : undefined,
    bam: $<HTMLInputElement>('#out-bam').checked ? `${base}.bam` : undefined,
  };
}

function shareState() {
  const choice = references.choice;
  return {
    reference:
      choice === 'file'
        ? `file:${references.fileName}`
        : choice === 'remote'
          ? // A query string may be a presigned URL's signature: a credential, never in links.
            `remote:${remote.address.split('?')[0]}`
          : choice,
    regions: $<HTMLTextAreaElement>('#regions').value,
    settings: [...form.settings(), ...fragmentSettings()],
    gzip: $<HTMLInputElement>('#out-gzip').checked,
    vcf: $<HTMLInputElement>('#out-vcf').checked,
    bam: $<HTMLInputElement>('#out-bam').checked,
    server: $<HTMLInputElement>('#on-server').checked,
    quality: profiles.shareValue,
    variants: $<HTMLInputElement>('#variants-file').files?.[0]?.name ?? '',
    sample: $<HTMLInputElement>('#variants-sample').value.trim(),
    workers: Math.floor(Number($<HTMLInputElement>('#opt-workers').value)) || 0, // 0: auto
  };
}

/**
 * Workers when the field is left empty. Plain output is limited by how fast the browser writes
 * files (slower than one Worker makes it; docs/performance.md has the figures), so more Workers
 * only hold more output in memory: one. Compressed output is a fifth of the bytes
 * and most of its work is compressing: all cores but one (the page and the writer need one), at
 * most four. The bytes are the same for any number.
 */
function autoWorkers(gzip: boolean): number {
  return gzip ? Math.min(4, Math.max(1, (navigator.hardwareConcurrency || 2) - 1)) : 1;
}

/** Workers simulating in parallel: the form's number, 1 to 16, or the automatic choice. */
function workerCount(): number {
  const value = $<HTMLInputElement>('#opt-workers').value.trim();
  const n = Math.floor(Number(value));
  if (!value || !Number.isFinite(n)) return autoWorkers($<HTMLInputElement>('#out-gzip').checked);
  return Math.min(16, Math.max(1, n));
}

/** Fills the form from a settings link (this page's address, or a shared run's). */
function loadShared(hash = location.hash): void {
  const run = decodeRun(hash);
  if (!run) return;
  const choice = /^(file|remote):/.test(run.reference)
    ? run.reference.split(':')[0]
    : run.reference;
  if (choice === 'remote') remote.address = run.reference.slice('remote:'.length);
  if (choice) references.choice = choice;
  else
    $('#reference-error').textContent =
      'This link names no reference (no ref=): its settings are applied to the reference ' +
      'chosen here.';
  if (choice === 'file')
    $('#reference-error').textContent =
      `This link used the file ${run.reference.slice(5)}: choose your copy of it.`;
  $<HTMLTextAreaElement>('#regions').value = run.regions.replace(/;/g, '\n');
  $<HTMLInputElement>('#out-gzip').checked = run.gzip;
  $<HTMLInputElement>('#out-vcf').checked = run.vcf;
  $<HTMLInputElement>('#out-bam').checked = run.bam;
  $<HTMLInputElement>('#on-server').checked = run.server;
  form.load(run.settings);
  fragments.load(run.settings);
  $<HTMLInputElement>('#variants-sample').value = run.sample;
  if (run.workers) $<HTMLInputElement>('#opt-workers').value = String(run.workers);
  showAutoWorkers();
  if (run.variants)
    $('#variants-info').textContent =
      `This link planted the VCF ${run.variants}: choose your copy of it.`;
  const [quality, names] = run.quality.split(/:(.*)/);
  profiles.choice = quality as QualityChoice;
  if (names)
    $('#profile-info').textContent = `This link used the profile ${names}: choose it again.`;
}

$('#share').addEventListener('click', async () => {
  const url = `${location.origin}/${encodeRun(shareState())}`;
  history.replaceState(null, '', url);
  await navigator.clipboard?.writeText(url).catch(() => {});
  $('#share').textContent = 'Link copied';
  setTimeout(() => ($('#share').textContent = 'Copy link to these settings'), 2000);
});

let isRunning = false;

function setRunning(running: boolean): void {
  isRunning = running;
  $<HTMLButtonElement>('#simulate').disabled = running;
  $<HTMLButtonElement>('#cancel').disabled = !running;
  $('#progress-panel').hidden = !running && $('#progress-panel').hidden;
  if (running) showRunState('running');
  if (!running) offerWaitingUpdate();
}

/** Outputs kept in memory (where the browser can neither save nor stream): downloaded now. */
function downloadBlobs(files: { name: string; blob?: Blob }[]): void {
  for (const file of files) {
    if (!file.blob) continue;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(file.blob);
    a.download = file.name;
    a.click();
  }
}

function showError(message: string): void {
  $('#error-panel').hidden = false;
  $('#run-error').textContent = message;
}

$('#run-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('#error-panel').hidden = true;
  $('#results').hidden = true;
  const ref = references.spec();
  if (typeof ref === 'string') {
    $('#reference-error').textContent = ref;
    return;
  }
  if (!form.validate()) return;
  const profile = profiles.profile();
  if (typeof profile === 'string') {
    $('#profile-info').textContent = profile;
    return;
  }
  const fragmentHist = fragments.settings();
  if (typeof fragmentHist === 'string') {
    $('#fragments-info').textContent = fragmentHist;
    return;
  }
  const chosen = await targets.choices();
  if (typeof chosen === 'string') return;
  // "Run again" of a run made from a local file: this must be that file (before any writing).
  const mismatch = await sharing.checkBeforeRun(ref);
  if (mismatch) {
    $('#progress-panel').hidden = false;
    $('#progress-text').textContent = 'Not run. Nothing was saved.';
    showRunState('failed');
    return showError(mismatch);
  }
  let directory: FileSystemDirectoryHandle | undefined;
  if (canSaveToDisk) {
    try {
      directory = await (
        window as unknown as { showDirectoryPicker(o: object): Promise<FileSystemDirectoryHandle> }
      ).showDirectoryPicker({ id: 'readforge-output', mode: 'readwrite' });
    } catch {
      return; // the user closed the folder picker
    }
  }
  const regions = $<HTMLTextAreaElement>('#regions')
    .value.split(/[\n;]/)
    .map((r) => r.trim())
    .filter(Boolean);
  const bed = $<HTMLInputElement>('#bed-file').files?.[0];
  const settings = [
    ...form.settings(),
    ...fragmentHist,
    ...regions.map((r): [string, string] => ['region', r]),
    ...chosen.settings,
  ];
  const variants = $<HTMLInputElement>('#variants-file').files?.[0];
  const sample = $<HTMLInputElement>('#variants-sample').value.trim();
  if (variants) settings.push(['variants', variants.name]);
  if (variants && sample) settings.push(['sample', sample]);
  const request: RunRequest = {
    type: 'run',
    settings,
    bedTexts: bed ? [await bed.text()] : [],
    reference: ref,
    output: { directory, names: outputNames(ref), gzip: $<HTMLInputElement>('#out-gzip').checked },
    needLengths:
      form.amountMode === 'pairs' ||
      $<HTMLInputElement>('#out-vcf').checked ||
      $<HTMLInputElement>('#out-bam').checked ||
      Boolean(variants) ||
      Boolean(chosen.texts.copyNumberText) ||
      Boolean(chosen.texts.somaticCopyNumberText) ||
      Boolean(chosen.texts.somaticText),
    needGaps: form.amountMode === 'pairs',
    workers: workerCount(),
    texts: chosen.texts,
    ...(profile ? { profile: { texts: profile.texts, names: profile.names } } : {}),
    ...(variants ? { variants } : {}),
  };
  const appHash = encodeRun(shareState());
  history.replaceState(null, '', `/${appHash}`);
  sharing.runStarted({
    settings: [...settings],
    reference: ref,
    choice: references.choice,
    remoteContigs: references.choice === 'remote' ? remote.contigLister() : () => [],
    appHash,
    version: module.version(),
  });
  if ($<HTMLInputElement>('#on-server').checked) {
    if (Object.keys(chosen.texts).length > 0 || ref.kind === 'community') {
      $('#targets-info').textContent =
        'The server does not take your genomes, genome map, amplicons, copy numbers or somatic VCF: run with them here, in the page.';
      return;
    }
    if (variants) {
      $('#variants-info').textContent =
        'The server plants only the VCFs it is configured with: run with your VCF here, in the page.';
      return;
    }
    // The server knows profiles by name: its built-in one (and what it is configured with).
    if (profile && profiles.choice !== BUILT_IN_PROFILE) {
      $('#profile-info').textContent =
        'The server has only its own profiles (the built-in one): run a profile file or a ' +
        'learned profile here, in the page.';
      return;
    }
    await simulateOnServer(
      profile ? [...settings, ['profile', BUILT_IN_PROFILE]] : settings,
      request.output,
    );
    return;
  }
  if ($<HTMLInputElement>('#out-vcf').checked) settings.push(['vcf', '1']);
  if ($<HTMLInputElement>('#out-bam').checked) settings.push(['bam', '1']);
  startedAt = performance.now();
  $('#progress-panel').hidden = false;
  $<HTMLProgressElement>('#progress').removeAttribute('value');
  $('#progress-text').textContent = 'Starting…';
  setRunning(true);
  // Without the File System Access API, stream each file as a download through the service
  // worker (web/src/sw/download-streams.ts); without that either, the Worker hands back Blobs.
  const transfer: Transferable[] = [];
  const downloader = directory ? null : await streamingDownloads();
  if (downloader) {
    const names = request.output.names;
    const suffix = request.output.gzip ? '.gz' : '';
    const streams: NonNullable<OutputSpec['streams']> = {};
    for (const key of ['read1', 'read2', 'vcf', 'bam'] as const) {
      const name = names[key];
      if (!name) continue;
      // (BAM is BGZF whatever the form says: its name never takes .gz.)
      streams[key] = await startDownload(downloader, key === 'bam' ? name : name + suffix);
      transfer.push(streams[key] as unknown as Transferable);
    }
    request.output.streams = streams;
  }
  document.body.dataset.saveMode = directory ? 'folder' : downloader ? 'stream' : 'blob';
  worker.postMessage(request, transfer);
});

let serverRun: AbortController | null = null;
$('#cancel').addEventListener('click', () => {
  serverRun?.abort(new Error('cancelled'));
  worker.postMessage({ type: 'cancel' });
});

/** "Run on the server": the edge API simulates; the page saves what it streams. */
async function simulateOnServer(settings: [string, string][], output: OutputSpec): Promise<void> {
  const server = SERVER_REFERENCES[references.choice];
  if (!server) {
    $('#reference-error').textContent =
      'Running on the server works with the built-in references (the server has its own copy).';
    return;
  }
  startedAt = performance.now();
  $('#progress-panel').hidden = false;
  $('#progress-text').textContent = 'Asking the server…';
  setRunning(true);
  serverRun = new AbortController();
  try {
    const files = await runOnServer({
      reference: server,
      settings,
      names: output.names,
      gzip: output.gzip,
      directory: output.directory,
      signal: serverRun.signal,
      onBytes: (total) => {
        $('#progress-text').textContent =
          `Downloading from the server (${SHARDS} shards, ${IN_FLIGHT} at a time): ` +
          `${(total / 1e6).toFixed(1)} MB`;
        document.body.dataset.bytesOut = String(total);
      },
      onRetry: (line) => console.warn(`readforge: ${line}`),
    });
    const seconds = (performance.now() - startedAt) / 1000;
    $('#progress-text').textContent = `Finished on the server in ${seconds.toFixed(1)} s.`;
    $<HTMLProgressElement>('#progress').value = 1;
    downloadBlobs(files);
    document.body.dataset.serverDone = String(Date.now());
    showRunState('done');
  } catch (error) {
    const cancelled = serverRun.signal.aborted;
    $('#progress-text').textContent = cancelled ? 'Cancelled.' : 'Failed.';
    showRunState(cancelled ? 'cancelled' : 'failed');
    if (!cancelled) showError((error as Error).message);
  } finally {
    serverRun = null;
    setRunning(false);
  }
}

worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
  const m = event.data;
  if (m.type === 'learn-progress') {
    if (learning) $(learning.info).textContent = `Learning… ${(m.bytes / 1e6).toFixed(0)} MB read`;
    return;
  }
  if (m.type === 'learned' || m.type === 'learn-error') {
    if (m.type === 'learned') learning?.resolve(m);
    else learning?.reject(new Error(m.message));
    learning = null;
    return;
  }
  const seconds = (performance.now() - startedAt) / 1000;
  if (m.type === 'progress') {
    const wanted = form.amountMode === 'pairs' ? Number(form.input('pairs').value) : 0;
    return showProgress(m, seconds, wanted);
  }
  setRunning(false);
  if (m.type === 'error') {
    $('#progress-text').textContent = m.cancelled
      ? 'Cancelled. Nothing was saved.'
      : 'Failed. Nothing was saved.';
    showRunState(m.cancelled ? 'cancelled' : 'failed');
    if (!m.cancelled) showError(m.message);
    return;
  }
  $('#progress-text').textContent =
    `Finished in ${seconds.toFixed(1)} s.` +
    (m.fetched === undefined
      ? ''
      : ` Downloaded ${(m.fetched / 1e6).toFixed(2)} MB of the reference.`);
  document.body.dataset.fetched = String(m.fetched ?? '');
  $<HTMLProgressElement>('#progress').value = 1;
  $('#results').hidden = false;
  showRunState('done');
  const shownFrom = performance.now();
  showSummary(m.summary, m.preview, m.files, seconds);
  showGenomes(m.genomeTruth ?? '');
  // How long the results took to draw once the run ended (a test keeps it under a second).
  document.body.dataset.resultsMs = String(Math.round(performance.now() - shownFrom));
  sharing.runFinished(
    m.summary,
    m.files.reduce((sum, f) => sum + f.bytes, 0),
  );
  downloadBlobs(m.files);
};

for (const preset of PRESETS) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = preset.name;
  button.addEventListener('click', () => {
    form.load(preset.settings);
    profiles.choice = preset.quality;
    fragments.choice = 'normal';
  });
  $('#presets').append(button);
}

references.sync();
loadShared();
watchStatistics();
sharing
  .open()
  .catch((error: Error) => showError(`This shared run cannot be shown: ${error.message}`));
registerServiceWorker(() => isRunning);
form.validate();
if (!canSaveToDisk) void streamingDownloads(); // register the service worker early
$<HTMLButtonElement>('#simulate').disabled = false;
document.body.dataset.ready = 'true';
