// Shared runs (permalinks): "Share results" posts a finished run's manifest (settings, seed,
// reference contigs with their MD5s, figures; never reads or sequence) to the edge API, which
// answers a link, /r/<id>. Opening the link shows the results read-only, and "Run again" fills
// the form; when the run was made from a local file, the file picked is checked against the
// manifest's MD5s before anything is written.
import type { Setting } from '../runner/module-types.js';
import type { Summary } from '../runner/pump.js';
import type { DigestMessage, ReferenceSpec } from '../shared/protocol.js';
import { ADVANCED_FIELDS, AMOUNT_FIELDS, MUTATION_FIELDS, READ_FIELDS } from './fields.js';
import { showSummary } from './summary.js';
import {
  ContigSummary,
  MANIFEST_FORMAT,
  ManifestReference,
  manifestProblem,
  RunManifest,
  SharedRun,
  summarizeContigs,
} from '../shared/run-manifest.js';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

/** What the page knows of a finished run. */
export interface FinishedRun {
  summary: Summary;
  settings: Setting[];
  reference: ReferenceSpec;
  /** The form's reference choice: 'demo-mt', 'demo-ecoli', 'file' or 'remote'. */
  choice: string;
  /** The contigs of a remote reference's index (listed when the run is shared). */
  remoteContigs: () => { name: string; length: number }[];
  /** The form's settings link (share.ts), the remote address without its query string. */
  appHash: string;
  outputBytes: number;
  version: string;
}

/**
 * Each contig's MD5, computed in a Worker of its own (a large file must not stall the page), as
 * a manifest lists them: the first contigs, the count and a digest of them all.
 */
export function digestReference(reference: ReferenceSpec): Promise<ContigSummary> {
  const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ContigSummary>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<DigestMessage>) => {
      if (event.data.type === 'digested') resolve(event.data.summary);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage({ type: 'digest', reference });
  }).finally(() => worker.terminate());
}

async function manifestReference(run: FinishedRun): Promise<ManifestReference> {
  const ref = run.reference;
  if (ref.kind === 'remote') {
    const url = ref.url.split(/[?#]/)[0];
    return {
      name: ref.name,
      source: 'remote',
      url,
      ...(await summarizeContigs(run.remoteContigs())),
    };
  }
  const contigs = await digestReference(ref);
  if (ref.kind === 'file') return { name: ref.file.name, source: 'local', ...contigs };
  if (ref.kind === 'community') return { name: ref.name, source: 'local', ...contigs };
  return { name: ref.name, source: 'builtin', builtin: run.choice, ...contigs };
}

export async function buildManifest(run: FinishedRun): Promise<RunManifest> {
  const { coverage: _coverage, totalReferenceBases: _total, ...stats } = run.summary.stats;
  const manifest: RunManifest = {
    format: MANIFEST_FORMAT,
    version: run.version,
    settings: run.settings,
    reference: await manifestReference(run),
    stats,
    warnings: run.summary.warnings.slice(0, 32),
    outputBytes: run.outputBytes,
    app: run.appHash,
  };
  const problem = manifestProblem(manifest);
  if (problem) throw new Error(`this run cannot be shared: ${problem}`);
  return manifest;
}

async function apiError(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  return new Error(body?.error ?? `the server answered HTTP ${response.status}`);
}

/** Posts the manifest; returns the link to the shared run. */
export async function shareRun(manifest: RunManifest): Promise<string> {
  let response: Response;
  try {
    response = await fetch('/api/runs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(manifest),
    });
  } catch (error) {
    throw new Error(
      `sharing needs the server, which cannot be reached (${(error as Error).message})`,
    );
  }
  if (!response.ok) throw await apiError(response);
  const { url } = (await response.json()) as { url: string };
  return new URL(url, location.origin).href;
}

/** The shared run a /r/<id> address names, or null for any other address. */
export async function openSharedRun(): Promise<SharedRun | null> {
  const match = /^\/r\/([^/]+)$/.exec(location.pathname);
  if (!match) return null;
  const response = await fetch(`/api/runs/${match[1]}`);
  if (!response.ok) throw await apiError(response);
  return (await response.json()) as SharedRun;
}

/** Whether a file's contigs are the shared run's reference: null, or the first difference. */
export function referenceMismatch(
  expected: ManifestReference,
  actual: ContigSummary,
  file: string,
): string | null {
  const not = `${file} is not the reference this run was made from (${expected.name})`;
  const [count, wanted] = [
    actual.contigCount ?? actual.contigs.length,
    expected.contigCount ?? expected.contigs.length,
  ];
  if (count !== wanted) return `${not}: it has ${count} contig(s), the run's had ${wanted}.`;
  for (let i = 0; i < expected.contigs.length; i++) {
    const [a, e] = [actual.contigs[i], expected.contigs[i]];
    if (a.name !== e.name) return `${not}: contig ${i + 1} is ${a.name}, the run's was ${e.name}.`;
    if (a.length !== e.length)
      return `${not}: ${a.name} has ${a.length} bases, the run's had ${e.length}.`;
    if (e.md5 && a.md5 !== e.md5)
      return `${not}: ${a.name}'s MD5 is ${a.md5}, the run's was ${e.md5}.`;
  }
  // Past the contigs the manifest lists, the digest of the whole list tells.
  if (expected.contigsDigest && actual.contigsDigest !== expected.contigsDigest)
    return `${not}: its contigs after the first ${expected.contigs.length} differ.`;
  return null;
}

/** The run started last, before its figures are known. */
export type StartedRun = Omit<FinishedRun, 'summary' | 'outputBytes'>;

/**
 * The page's side of shared runs: "Share results" after a run, a /r/<id> address shown
 * read-only with "Run again", and the check of a local file before that run starts.
 */
export class RunSharing {
  private started: StartedRun | null = null;
  private finished: FinishedRun | null = null;
  /** After "Run again" of a run made from a local file: the contigs the file must have. */
  private expected: ManifestReference | null = null;

  /** `applyLink` fills the form from a settings link (share.ts), leaving the address as it is. */
  constructor(private readonly applyLink: (hash: string) => void) {
    $('#share-results').addEventListener('click', () => void this.share());
  }

  runStarted(run: StartedRun): void {
    this.started = run;
  }

  runFinished(summary: Summary, outputBytes: number): void {
    this.expected = null;
    this.finished = this.started && { ...this.started, summary, outputBytes };
    $('#results-title').textContent = 'Results';
    $('#share-box').hidden = false;
    $<HTMLButtonElement>('#share-results').disabled = false;
    $('#share-status').textContent = '';
    $('#share-link').hidden = true;
  }

  /** Before a run: null, or why the file is not the shared run's reference. */
  async checkBeforeRun(ref: ReferenceSpec): Promise<string | null> {
    if (!this.expected || ref.kind !== 'file') return null;
    const expected = this.expected;
    $('#progress-panel').hidden = false;
    $('#progress-text').textContent = `Checking ${ref.file.name} against the shared run…`;
    return digestReference(ref).then(
      (contigs) => referenceMismatch(expected, contigs, ref.file.name),
      (error: Error) => `${ref.file.name}: ${error.message}`,
    );
  }

  /** Shows the shared run a /r/<id> address names (nothing for any other address). */
  async open(): Promise<void> {
    const shared = await openSharedRun();
    if (!shared) return;
    const m = shared.manifest;
    $('#shared-run').hidden = false;
    const where = {
      builtin: 'a built-in reference',
      remote: `a remote reference, ${m.reference.url ?? ''}`,
      local: 'a local file (pick your copy to run it again: its MD5s are checked first)',
    }[m.reference.source];
    const listed = m.reference.contigs.length;
    const count = m.reference.contigCount ?? listed;
    const bases = m.reference.contigs.reduce((sum, c) => sum + c.length, 0);
    $('#shared-meta').textContent =
      `Shared on ${new Date(shared.sharedAt).toUTCString()} (kept until ` +
      `${new Date(shared.expiresAt).toUTCString()}), made by readforge ${m.version} from ` +
      `${m.reference.name}: ${where}; ${count.toLocaleString('en')} contig(s)` +
      (count === listed ? `, ${bases.toLocaleString('en')} bases.` : '.');
    showSharedContigs(m.reference);
    showSharedSettings(m.settings);
    // The form holds the shared run's values at once; Run again takes the person to it.
    this.applyLink(m.app ? `#${m.app.replace(/^#/, '')}` : '');
    this.expected = m.reference.source === 'local' ? m.reference : null;
    $('#run-again').onclick = () => {
      $('#run-form').scrollIntoView();
      $<HTMLButtonElement>('#simulate').focus();
    };
    $('#results').hidden = false;
    $('#share-box').hidden = true;
    $('#results-title').textContent = 'Results of the shared run';
    const stats = { ...m.stats, totalReferenceBases: -1, coverage: [] };
    showSummary({ stats, warnings: m.warnings }, '', [], null);
  }

  /** "Share results": the finished run's manifest to the server, and its link. */
  private async share(): Promise<void> {
    if (!this.finished) return;
    $<HTMLButtonElement>('#share-results').disabled = true;
    $('#share-status').textContent = 'Sharing…';
    try {
      const url = await shareRun(await buildManifest(this.finished));
      const link = $<HTMLAnchorElement>('#share-link');
      link.href = link.textContent = url;
      link.hidden = false;
      await navigator.clipboard?.writeText(url).catch(() => {});
      $('#share-status').textContent = 'Shared (no reads or sequence): the link is copied.';
    } catch (error) {
      $('#share-status').textContent = `Not shared: ${(error as Error).message}`;
      $<HTMLButtonElement>('#share-results').disabled = false;
    }
  }
}

/** A shared run's settings, one row each: the form's label (with wgsim's letter) and value. */
function showSharedSettings(settings: Setting[]): void {
  const fields = new Map(
    [...AMOUNT_FIELDS, ...READ_FIELDS, ...MUTATION_FIELDS, ...ADVANCED_FIELDS].map((f) => [
      f.name,
      f,
    ]),
  );
  const rows = settings.map(([name, value]) => {
    const field = fields.get(name);
    const row = document.createElement('tr');
    const label = document.createElement('th');
    label.scope = 'row';
    label.textContent = field
      ? `${field.label} (${field.letter ? `-${field.letter}, ` : ''}--${name})`
      : `--${name}`;
    const cell = document.createElement('td');
    cell.textContent = value.length > 80 ? `${value.slice(0, 77)}…` : value;
    cell.title = value;
    row.append(label, cell);
    return row;
  });
  $('#shared-settings tbody').replaceChildren(...rows);
}

/** The contigs a shared run's manifest lists (names, lengths, MD5s), and what it leaves out. */
function showSharedContigs(reference: ManifestReference): void {
  const listed = reference.contigs.length;
  const count = reference.contigCount ?? listed;
  const rows = reference.contigs.map((c) => {
    const row = document.createElement('tr');
    for (const text of [c.name, c.length.toLocaleString('en'), c.md5 ?? '']) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  });
  $('#shared-contigs tbody').replaceChildren(...rows);
  $('#shared-contigs-note').textContent =
    count > listed
      ? `The first ${listed.toLocaleString('en')} of ${count.toLocaleString('en')} contigs ` +
        `(a shared run keeps its size down); all of them together have the digest ` +
        `${reference.contigsDigest ?? 'unknown'}.`
      : `${count.toLocaleString('en')} contig(s).`;
}
