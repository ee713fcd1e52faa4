// Shared runs (permalinks): "Share results" posts a finished run's manifest (settings, seed,
// reference contigs with their MD5s, figures; never reads or sequence) to the edge API, which
// answers a link, /r/<id>. Opening the link shows the results read-only, and "Run again" fills
// the form; when the run was made from a local file, the file picked is checked against the
// manifest's MD5s before anything is written.
import type { ContigDigest, Setting } from '../engine/module-types.js';
import type { Summary } from '../engine/pump.js';
import type { DigestMessage, ReferenceSpec } from '../shared/protocol.js';
import {
  MANIFEST_FORMAT,
  ManifestReference,
  manifestProblem,
  RunManifest,
  SharedRun,
} from '../shared/run-manifest.js';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

/** What the page knows of a finished run. */
export interface FinishedRun {
  summary: Summary;
  settings: Setting[];
  reference: ReferenceSpec;
  /** The form's reference choice: 'demo-mt', 'demo-ecoli', 'file' or 'remote'. */
  choice: string;
  /** The contigs of a remote reference's index. */
  remoteContigs: { name: string; length: number }[];
  /** The form's settings link (share.ts), the remote address without its query string. */
  appHash: string;
  outputBytes: number;
  version: string;
}

/** Each contig's MD5, computed in a Worker of its own (a large file must not stall the page). */
export function digestReference(reference: ReferenceSpec): Promise<ContigDigest[]> {
  const worker = new Worker(new URL('../worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ContigDigest[]>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<DigestMessage>) => {
      if (event.data.type === 'digested') resolve(event.data.contigs);
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
    return { name: ref.name, source: 'remote', url, contigs: run.remoteContigs };
  }
  const contigs = await digestReference(ref);
  if (ref.kind === 'file') return { name: ref.file.name, source: 'local', contigs };
  return { name: ref.name, source: 'builtin', builtin: run.choice, contigs };
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
  actual: ContigDigest[],
  file: string,
): string | null {
  const not = `${file} is not the reference this run was made from (${expected.name})`;
  if (actual.length !== expected.contigs.length)
    return `${not}: it has ${actual.length} contig(s), the run's had ${expected.contigs.length}.`;
  for (let i = 0; i < actual.length; i++) {
    const [a, e] = [actual[i], expected.contigs[i]];
    if (a.name !== e.name) return `${not}: contig ${i + 1} is ${a.name}, the run's was ${e.name}.`;
    if (a.length !== e.length)
      return `${not}: ${a.name} has ${a.length} bases, the run's had ${e.length}.`;
    if (e.md5 && a.md5 !== e.md5)
      return `${not}: ${a.name}'s MD5 is ${a.md5}, the run's was ${e.md5}.`;
  }
  return null;
}

/** The shared run's header: when, what reference, its settings, and "Run again". */
export function showSharedRun(shared: SharedRun, runAgain: () => void): void {
  const m = shared.manifest;
  $('#shared-run').hidden = false;
  const where = {
    builtin: 'a built-in reference',
    remote: `a remote reference, ${m.reference.url ?? ''}`,
    local: 'a local file (pick your copy to run it again: its MD5s are checked first)',
  }[m.reference.source];
  const bases = m.reference.contigs.reduce((sum, c) => sum + c.length, 0);
  $('#shared-meta').textContent =
    `Shared on ${new Date(shared.sharedAt).toUTCString()} (kept until ` +
    `${new Date(shared.expiresAt).toUTCString()}), made by readforge ${m.version} from ` +
    `${m.reference.name}: ${where}; ${m.reference.contigs.length.toLocaleString('en')} ` +
    `contig(s), ${bases.toLocaleString('en')} bases.`;
  $('#shared-settings').textContent = m.settings.map(([n, v]) => `${n}=${v}`).join('  ');
  $('#run-again').onclick = runAgain;
}
