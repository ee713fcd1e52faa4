// One simulation in the Worker: open the reference (a File or a URL), scan it for contig lengths
// when needed, pump it through the engine into the sinks, and report progress.
import { OutputStream, ReadforgeModule, Setting } from '../runner/module-types.js';
import type { SimulatorInputs } from '../runner/module-types.js';
import { decompressIfGzip, plannedGenomeTruth, ReadforgeError, simulate } from '../runner/pump.js';
import { BamIndexWriter } from '../runner/bam-index.js';
import { measureSpans, scanReference, sidecarListsDigests } from '../runner/first-pass.js';
import { Phase, RunRequest, WorkerMessage } from '../shared/protocol.js';
import { remoteSpans } from '../remote/remote.js';
import { openRemoteAccess } from '../remote/remote-fasta.js';
import { joinedCommunity, openReference, vcfStream } from './inputs.js';
import { simulateOnWorkers } from './parallel-run.js';
import { Sinks } from './sinks.js';

const PREVIEW_BYTES = 2400;
const PREVIEW_SOURCE_BYTES = 65536; // a whole BGZF block when compressed

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The first reads as text: compressed output's first BGZF block is inflated on its own. */
async function previewText(head: Uint8Array, gzip: boolean): Promise<string> {
  let bytes = head;
  if (gzip && head.length >= 18) {
    const block = head.subarray(0, (head[16] | (head[17] << 8)) + 1);
    const inflated = new Blob([block as BlobPart])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
  }
  return new TextDecoder().decode(bytes.subarray(0, PREVIEW_BYTES));
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  return response.ok ? response.text() : '';
}

/** The index and N-run sidecar that come with a local or built-in reference, if any. */
async function knownIndex(request: RunRequest): Promise<SimulatorInputs> {
  const ref = request.reference;
  if (ref.kind === 'file') {
    return {
      faiText: ref.fai ? await ref.fai.text() : '',
      ...(ref.gaps ? { gapsText: await ref.gaps.text(), gapsName: ref.gaps.name } : {}),
    };
  }
  if (ref.kind !== 'url') return {}; // remote references are opened by runSimulation
  const gapsText = ref.gapsUrl ? await fetchText(ref.gapsUrl) : '';
  return {
    faiText: ref.faiUrl ? await fetchText(ref.faiUrl) : '',
    ...(gapsText ? { gapsText, gapsName: ref.gapsUrl } : {}),
  };
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
    const ref = request.reference;
    // A remote FASTA: its format from its bytes, its indexes, signed when credentials are given.
    const fasta = ref.kind === 'remote' ? await openRemoteAccess(module, ref, { signal }) : null;
    const remote = fasta?.file ?? null;
    const inputs: SimulatorInputs = fasta
      ? {
          faiText: fasta.faiText,
          ...(fasta.gapsText === null
            ? {}
            : { gapsText: fasta.gapsText, gapsName: fasta.gapsName }),
        }
      : await knownIndex(request);
    const missingGaps = request.needGaps && !inputs.gapsText;
    const missingLengths = request.needLengths && !inputs.faiText && !inputs.gapsText;
    // The BAM's header carries each contig's MD5 (M5), from the sidecar or the first pass.
    const bam = request.output.names.bam;
    const missingDigests = Boolean(bam) && !sidecarListsDigests(inputs.gapsText ?? '');
    const community = ref.kind === 'community';
    if (!remote && (missingGaps || missingLengths || missingDigests || community)) {
      // One first pass measures all (a .gaps.bed next to the FASTA skips it).
      progress('scanning', null);
      // A community's genome map comes from joining its files, here on the first pass.
      const joined = ref.kind === 'community' ? joinedCommunity(module, ref) : null;
      const reference = joined ? joined.stream : await openReference(ref, module);
      const scan = await scanReference(module, reference, signal, Boolean(bam));
      if (joined) inputs.genomeMapText = joined.mapText();
      const problem = inputs.faiText ? module.checkIndex(inputs.faiText, scan.faiText) : '';
      if (problem) throw new ReadforgeError(problem);
      inputs.faiText = scan.faiText;
      if (missingGaps || missingDigests) inputs.gapsText = scan.gapsText;
    }
    const simulation = {
      // gzip: the engine writes BGZF (the same bytes as the command line's .gz files).
      settings: request.output.gzip
        ? [...request.settings, ['gzip', '1'] as Setting]
        : request.settings,
      bedTexts: request.bedTexts,
      ...request.texts,
      ...inputs,
      alignmentIndex: Boolean(bam),
      ...(request.profile
        ? { profileTexts: request.profile.texts, profileNames: request.profile.names }
        : {}),
    };
    const parallel = request.workers > 1 && !remote;
    let input;
    if (remote) {
      // bgzip: only the blocks holding the regions, found with its .gzi.
      const bgzf = fasta?.bgzf;
      if (missingGaps) {
        // No .gaps.bed beside it: the regions' bytes are fetched twice, first to measure.
        progress('measuring', null);
        simulation.gapsText = await measureSpans(
          module,
          simulation,
          remoteSpans(remote, { signal }, bgzf),
          signal,
        );
      }
      input = remoteSpans(remote, { signal }, bgzf);
    } else if (!parallel) {
      input = await openReference(request.reference, module);
    }
    progress('simulating', 0);
    sinks = await Sinks.open(request.output);
    const index = bam ? new BamIndexWriter(module, simulation) : null;
    let head: Uint8Array = new Uint8Array(0); // the first bytes of read 1, for the preview
    const onOutput = async (stream: OutputStream, bytes: Uint8Array) => {
      if (stream === OutputStream.Read1 && head.length < PREVIEW_SOURCE_BYTES)
        head = concat(head, bytes.subarray(0, PREVIEW_SOURCE_BYTES - head.length));
      if (stream === OutputStream.AlignmentIndex) return index!.push(bytes);
      await sinks!.write(stream, bytes);
    };
    const onProgress = (fraction: number | null, pairs: number) =>
      progress('simulating', fraction, pairs, sinks!.bytesOut);
    // Several Workers for a local or built-in reference (each reads it itself); a remote one is
    // fetched in ranges by this Worker alone.
    const summary = parallel
      ? await simulateOnWorkers(module, simulation, request, onOutput, onProgress, signal)
      : await simulate(module, simulation, input!, {
          signal,
          variants: request.variants ? await vcfStream(request.variants) : undefined,
          onOutput,
          onProgress: (p) => onProgress(p.fraction, p.stats.pairs),
        });
    progress('saving', 1, summary.stats.pairs, sinks.bytesOut);
    if (index) {
      const { bytes, extension } = index.finish();
      await sinks.writeWhole(request.output, bam + extension, bytes);
    }
    // A community's genomes, from the plan (the same table in every part of the run).
    const genomeTruth = simulation.genomeMapText ? plannedGenomeTruth(module, simulation) : '';
    if (genomeTruth)
      await sinks.writeWhole(request.output, 'genomes.tsv', new TextEncoder().encode(genomeTruth));
    const files = await sinks.close();
    const preview = await previewText(head, request.output.gzip);
    post({ type: 'done', summary, preview, files, fetched: remote?.fetchedBytes, genomeTruth });
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
