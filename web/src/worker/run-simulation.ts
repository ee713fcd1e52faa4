// One simulation in the Worker: open the reference (a File or a URL), scan it for contig lengths
// when needed, pump it through the engine into the sinks, and report progress.
import { OutputStream, ReadforgeModule } from '../engine/module-types.js';
import { decompressIfGzip, scanContigs, simulate } from '../engine/pump.js';
import { Phase, RunRequest, WorkerMessage } from '../shared/protocol.js';
import { RemoteFile, remoteSpans } from '../engine/remote.js';
import { Sinks } from './sinks.js';

const PREVIEW_BYTES = 2400;

async function open(request: RunRequest): Promise<ReadableStream<Uint8Array>> {
  const ref = request.reference;
  if (ref.kind === 'remote') throw new Error('internal: remote references are read in ranges');
  if (ref.kind === 'file') return decompressIfGzip(ref.file.stream());
  const response = await fetch(ref.url);
  if (!response.ok || !response.body)
    throw new Error(`cannot fetch ${ref.name}: HTTP ${response.status}`);
  return decompressIfGzip(response.body);
}

async function indexText(request: RunRequest): Promise<string> {
  const ref = request.reference;
  if (ref.kind === 'remote') return new RemoteFile(`${ref.url}.fai`).text();
  if (ref.kind === 'file') return ref.fai ? ref.fai.text() : '';
  if (!ref.faiUrl) return '';
  const response = await fetch(ref.faiUrl);
  return response.ok ? response.text() : '';
}

export async function runSimulation(
  module: ReadforgeModule,
  request: RunRequest,
  post: (message: WorkerMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  const progress = (phase: Phase, fraction: number | null, pairs = 0, bytesOut = 0) =>
    post({
      type: 'progress',
      phase,
      fraction,
      pairs,
      bytesOut,
      wasmHeap: module.HEAP8.length,
      jsHeap:
        (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null,
    });
  let sinks: Sinks | null = null;
  try {
    let faiText = await indexText(request);
    if (!faiText && request.needLengths) {
      progress('scanning', null);
      faiText = await scanContigs(module, await open(request), signal);
    }
    progress('simulating', 0);
    sinks = await Sinks.open(request.output);
    let preview = '';
    const ref = request.reference;
    const remote = ref.kind === 'remote' ? new RemoteFile(ref.url, { signal }) : null;
    let input;
    if (remote) {
      // bgzip: only the blocks holding the regions, found with <url>.gzi.
      const gzi = /\.b?gz$/.test(remote.url)
        ? await new RemoteFile(`${remote.url}.gzi`).bytes()
        : null;
      input = remoteSpans(remote, { signal }, gzi ? { module, gzi } : undefined);
    } else {
      input = await open(request);
    }
    const summary = await simulate(
      module,
      { settings: request.settings, faiText, bedTexts: request.bedTexts },
      input,
      {
        signal,
        onOutput: async (stream, bytes) => {
          if (stream === OutputStream.Read1 && preview.length < PREVIEW_BYTES)
            preview += new TextDecoder().decode(bytes.subarray(0, PREVIEW_BYTES - preview.length));
          await sinks!.write(stream, bytes);
        },
        onProgress: (p) => progress('simulating', p.fraction, p.stats.pairs, sinks!.bytesOut),
      },
    );
    progress('saving', 1, summary.stats.pairs, sinks.bytesOut);
    const files = await sinks.close();
    post({ type: 'done', summary, preview, files, fetched: remote?.fetchedBytes });
  } catch (error) {
    await sinks?.abort(error);
    const cancelled = signal.aborted;
    const message = cancelled
      ? 'cancelled'
      : error instanceof Error
        ? error.message
        : String(error);
    post({ type: 'error', message, cancelled });
  }
}
