// The page: the form, the reference choice, the Worker that simulates, progress, results.
// Plain DOM and TypeScript: one form and three panels need no framework (and load instantly).
import createReadforge from '../../../build-wasm/readforge.mjs';
import wasmUrl from '../../../build-wasm/readforge.wasm?url';
import type { ReadforgeFactory } from '../engine/module-types.js';
import type { OutputSpec, ReferenceSpec, RunRequest, WorkerMessage } from '../shared/protocol.js';
import { OptionsForm } from './form.js';
import { PRESETS } from './presets.js';
import { BUILT_IN_PROFILE, ProfilePicker, type QualityChoice } from './profile-picker.js';
import { RemoteReference } from './remote-reference.js';
import { IN_FLIGHT, runOnServer, SERVER_REFERENCES, SHARDS } from './server-run.js';
import { startDownload, streamingDownloads } from './stream-download.js';
import { decodeRun, encodeRun } from './share.js';
import { RunSharing } from './shared-runs.js';
import { watchStatistics } from './statistics.js';
import { showSummary } from './summary.js';
import { offerWaitingUpdate, registerServiceWorker } from './updates.js';
import './styles.css';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const DEMOS: Record<string, ReferenceSpec> = {
  'demo-mt': {
    kind: 'url',
    url: '/refs/MT-human.fa',
    faiUrl: '/refs/MT-human.fa.fai',
    gapsUrl: '/refs/MT-human.fa.gaps.bed',
    name: 'MT-human',
  },
  // Its sidecar lists the contig and its (no) N runs: no first pass, and no .fai needed.
  'demo-ecoli': {
    kind: 'url',
    url: '/refs/ecoli-536.fa.gz',
    gapsUrl: '/refs/ecoli-536.fa.gz.gaps.bed',
    name: 'ecoli-536',
  },
};

const module = await (createReadforge as ReadforgeFactory)({ locateFile: () => wasmUrl });
const form = new OptionsForm($('#run-form'), module);
const remote = new RemoteReference(module, () => form.settings());
const sharing = new RunSharing((hash) => {
  history.replaceState(null, '', `/${hash}`);
  loadShared();
});
const worker = new Worker(new URL('../worker.ts', import.meta.url), { type: 'module' });
let learning: {
  resolve: (r: { text: string; notes: string[] }) => void;
  reject: (e: Error) => void;
} | null = null;
const profiles = new ProfilePicker(
  module,
  (files) =>
    new Promise((resolve, reject) => {
      learning = { resolve, reject };
      worker.postMessage({ type: 'learn', files });
    }),
  () => form.validate(),
);
const canSaveToDisk = 'showDirectoryPicker' in window;
// All cores but one (the page and the writer need one), at least one.
$<HTMLInputElement>('#opt-workers').value = String(
  Math.max(1, (navigator.hardwareConcurrency || 2) - 1),
);
let fastaFile: File | null = null;
let faiFile: File | null = null;
let gapsFile: File | null = null;
let startedAt = 0;

$('#save-note').textContent = canSaveToDisk
  ? 'You will choose a folder; files are written as they are made, whatever their size.'
  : 'Files download as they are made (or, where this browser cannot stream, up to 256 MB at the end).';

function referenceChoice(): string {
  return document.querySelector<HTMLInputElement>('input[name="reference"]:checked')!.value;
}

/** Only the chosen source's inputs are shown: the file picker, or the remote address. */
function syncReferenceBoxes(): void {
  const choice = referenceChoice();
  $('#drop-zone').hidden = choice !== 'file';
  $('#remote-box').hidden = choice !== 'remote';
}
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="reference"]'))
  radio.addEventListener('change', syncReferenceBoxes);

function setFiles(files: Iterable<File>): void {
  for (const file of files) {
    if (file.name.endsWith('.fai')) faiFile = file;
    else if (file.name.endsWith('.gaps.bed')) gapsFile = file;
    else fastaFile = file;
  }
  document.querySelector<HTMLInputElement>('input[name="reference"][value="file"]')!.checked = true;
  syncReferenceBoxes();
  const extras = [faiFile, gapsFile].filter((f): f is File => f !== null).map((f) => f.name);
  $('#reference-error').textContent = fastaFile
    ? `Using ${fastaFile.name}${extras.length ? ` with ${extras.join(' and ')}` : ''}`
    : '';
}

$<HTMLInputElement>('#fasta-file').addEventListener('change', (e) =>
  setFiles((e.target as HTMLInputElement).files ?? []),
);
$<HTMLInputElement>('#fai-file').addEventListener('change', (e) =>
  setFiles((e.target as HTMLInputElement).files ?? []),
);
// Files may be dropped anywhere on the reference box, whichever source is chosen.
const drop = $('#group-reference');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  setFiles(e.dataTransfer?.files ?? []);
});

function reference(): ReferenceSpec | string {
  const choice = referenceChoice();
  if (choice === 'remote') {
    try {
      const access = remote.access();
      const name = access.url.split('?')[0].split('/').pop() ?? 'remote';
      return { kind: 'remote', name, ...access };
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (choice !== 'file') return DEMOS[choice];
  if (!fastaFile) return 'Choose a FASTA file (or drop it on the form).';
  return { kind: 'file', file: fastaFile, fai: faiFile ?? undefined, gaps: gapsFile ?? undefined };
}

function baseName(ref: ReferenceSpec): string {
  const name = ref.kind === 'file' ? ref.file.name : ref.name;
  return name.replace(/\.(gz)$/, '').replace(/\.(fa|fasta|fna)$/, '');
}

function outputNames(ref: ReferenceSpec): OutputSpec['names'] {
  const base = baseName(ref);
  const settings = new Map(form.settings());
  const single = settings.get('read2-length') === '0';
  const interleaved = settings.get('interleaved') === '1';
  return {
    read1: single ? `${base}.fq` : interleaved ? `${base}_interleaved.fq` : `${base}_R1.fq`,
    read2: single || interleaved ? undefined : `${base}_R2.fq`,
    vcf: $<HTMLInputElement>('#out-vcf').checked ? `${base}.vcf` : undefined,
  };
}

function shareState() {
  const choice = referenceChoice();
  return {
    reference:
      choice === 'file'
        ? `file:${fastaFile?.name ?? ''}`
        : choice === 'remote'
          ? // A query string may be a presigned URL's signature: a credential, never in links.
            `remote:${remote.address.split('?')[0]}`
          : choice,
    regions: $<HTMLTextAreaElement>('#regions').value,
    settings: form.settings(),
    gzip: $<HTMLInputElement>('#out-gzip').checked,
    vcf: $<HTMLInputElement>('#out-vcf').checked,
    server: $<HTMLInputElement>('#on-server').checked,
    quality: profiles.shareValue,
    variants: $<HTMLInputElement>('#variants-file').files?.[0]?.name ?? '',
    sample: $<HTMLInputElement>('#variants-sample').value.trim(),
    workers: workerCount(),
  };
}

/** Workers simulating in parallel: the form's number, 1 to 16. */
function workerCount(): number {
  const n = Math.floor(Number($<HTMLInputElement>('#opt-workers').value));
  return Number.isFinite(n) ? Math.min(16, Math.max(1, n)) : 1;
}

function loadShared(): void {
  const run = decodeRun(location.hash);
  if (!run) return;
  const choice = /^(file|remote):/.test(run.reference)
    ? run.reference.split(':')[0]
    : run.reference;
  if (choice === 'remote') remote.address = run.reference.slice('remote:'.length);
  const radio = document.querySelector<HTMLInputElement>(
    `input[name="reference"][value="${choice}"]`,
  );
  if (radio) radio.checked = true;
  syncReferenceBoxes();
  if (choice === 'file')
    $('#reference-error').textContent =
      `This link used the file ${run.reference.slice(5)}: choose your copy of it.`;
  $<HTMLTextAreaElement>('#regions').value = run.regions.replace(/;/g, '\n');
  $<HTMLInputElement>('#out-gzip').checked = run.gzip;
  $<HTMLInputElement>('#out-vcf').checked = run.vcf;
  $<HTMLInputElement>('#on-server').checked = run.server;
  form.load(run.settings);
  $<HTMLInputElement>('#variants-sample').value = run.sample;
  if (run.workers) $<HTMLInputElement>('#opt-workers').value = String(run.workers);
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
  if (!running) offerWaitingUpdate();
}

function showError(message: string): void {
  $('#error-panel').hidden = false;
  $('#run-error').textContent = message;
}

$('#run-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('#error-panel').hidden = true;
  $('#results').hidden = true;
  const ref = reference();
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
  // "Run again" of a run made from a local file: this must be that file (before any writing).
  const mismatch = await sharing.checkBeforeRun(ref);
  if (mismatch) {
    $('#progress-panel').hidden = false;
    $('#progress-text').textContent = 'Not run. Nothing was saved.';
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
  const settings = [...form.settings(), ...regions.map((r): [string, string] => ['region', r])];
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
      form.amountMode === 'pairs' || $<HTMLInputElement>('#out-vcf').checked || Boolean(variants),
    needGaps: form.amountMode === 'pairs',
    workers: workerCount(),
    ...(profile ? { profile: { texts: profile.texts, names: profile.names } } : {}),
    ...(variants ? { variants } : {}),
  };
  const appHash = encodeRun(shareState());
  history.replaceState(null, '', `/${appHash}`);
  sharing.runStarted({
    settings: [...settings],
    reference: ref,
    choice: referenceChoice(),
    remoteContigs: referenceChoice() === 'remote' ? remote.contigs() : [],
    appHash,
    version: module.version(),
  });
  if ($<HTMLInputElement>('#on-server').checked) {
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
    for (const key of ['read1', 'read2', 'vcf'] as const) {
      const name = names[key];
      if (!name) continue;
      streams[key] = await startDownload(downloader, name + suffix);
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
  const server = SERVER_REFERENCES[referenceChoice()];
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
    for (const file of files) {
      if (!file.blob) continue;
      const a = document.createElement('a');
      a.href = URL.createObjectURL(file.blob);
      a.download = file.name;
      a.click();
    }
    document.body.dataset.serverDone = String(Date.now());
  } catch (error) {
    const cancelled = serverRun.signal.aborted;
    $('#progress-text').textContent = cancelled ? 'Cancelled.' : 'Failed.';
    if (!cancelled) showError((error as Error).message);
  } finally {
    serverRun = null;
    setRunning(false);
  }
}

worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
  const m = event.data;
  if (m.type === 'learn-progress') {
    $('#profile-info').textContent = `Learning… ${(m.bytes / 1e6).toFixed(0)} MB read`;
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
    // The largest memory figures seen, for the record (and for the memory test).
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
    const phase = {
      loading: 'Loading',
      scanning: 'Measuring contigs and N runs (no .gaps.bed given)',
      measuring: 'Measuring the regions’ N runs (no .gaps.bed beside it: fetched twice)',
      simulating: 'Simulating',
      saving: 'Saving',
    }[m.phase];
    const wanted = form.amountMode === 'pairs' ? Number(form.input('pairs').value) : 0;
    const pairs = wanted
      ? `${m.pairs.toLocaleString('en')} of ${wanted.toLocaleString('en')} pairs (${Math.floor((100 * m.pairs) / wanted)}%)`
      : `${m.pairs.toLocaleString('en')} pairs`;
    const consumed =
      m.fraction === null ? '' : `${Math.round(100 * m.fraction)}% of the reference read · `;
    $('#progress-text').textContent =
      m.phase === 'simulating' || m.phase === 'saving'
        ? `${phase}: ${consumed}${pairs} · ${rate.toFixed(1)} MB/s written${left}`
        : `${phase}…`;
    return;
  }
  setRunning(false);
  if (m.type === 'error') {
    $('#progress-text').textContent = m.cancelled
      ? 'Cancelled. Nothing was saved.'
      : 'Failed. Nothing was saved.';
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
  showSummary(m.summary, m.preview, m.files, seconds);
  sharing.runFinished(
    m.summary,
    m.files.reduce((sum, f) => sum + f.bytes, 0),
  );
  for (const file of m.files) {
    if (!file.blob) continue;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(file.blob);
    a.download = file.name;
    a.click();
  }
};

for (const preset of PRESETS) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = preset.name;
  button.addEventListener('click', () => {
    form.load(preset.settings);
    profiles.choice = preset.quality;
  });
  $('#presets').append(button);
}

syncReferenceBoxes();
loadShared();
watchStatistics();
sharing
  .open()
  .catch((error: Error) => showError(`This shared run cannot be shown: ${error.message}`));
registerServiceWorker(() => isRunning);
form.validate();
if (!canSaveToDisk) void streamingDownloads(); // register the service worker early
document.body.dataset.ready = 'true';
