// "Run on the server": the same form, simulated by the edge API (web/src/edge) from the
// server's copy of the reference, and saved the same way. The run is fanned out in SHARDS
// shards, IN_FLIGHT requested at once and written in order (runner/shards.ts): the bytes of one
// request, and so of the in-browser run. The two mates come from requests with the same seed.
import { fetchShardsInOrder } from '../runner/shards.js';
import type { OutputNames } from '../shared/protocol.js';
import { RUN_OPTIONS } from '../shared/run-options.js';

/** The server's name for a built-in reference. */
export const SERVER_REFERENCES: Record<string, string> = {
  'demo-mt': 'MT-human',
  'demo-ecoli': 'ecoli-536-bgzip',
};

export const SHARDS = 8;
export const IN_FLIGHT = 4;

export interface ServerRun {
  reference: string;
  settings: [string, string][];
  names: OutputNames;
  gzip: boolean;
  directory?: FileSystemDirectoryHandle;
  signal: AbortSignal;
  onBytes: (total: number) => void;
  /** A shard asked again after a failure, and why. */
  onRetry: (line: string) => void;
}

/** Downloads each output from the API into the folder (or as Blobs); returns what was saved. */
export async function runOnServer(
  run: ServerRun,
): Promise<{ name: string; bytes: number; blob?: Blob }[]> {
  const wanted: [string, string | undefined][] = [
    ['mate=1', run.names.read1],
    ['mate=2', run.names.read2],
    ['format=vcf', run.names.vcf],
    ['format=bam', run.names.bam],
  ];
  const files = [];
  let total = 0;
  for (const [what, name] of wanted) {
    if (!name) continue;
    // The run's options the API takes (interleaving and outputs are its format= and mate=).
    const options = run.settings.filter(([n]) => RUN_OPTIONS.has(n) || n === 'region');
    const query = new URLSearchParams([['ref', run.reference], ...options]);
    if (what.startsWith('format=')) query.set('format', what.slice(7));
    else if (run.settings.some(([n, v]) => n === 'interleaved' && v === '1'))
      query.set('format', 'interleaved');
    else query.set('mate', what.slice(5));
    if (run.gzip) query.set('gzip', '1');
    const url = (i: number) => `/api/simulate?${query}&shard=${i}/${SHARDS}`;
    const fileName = run.gzip && what !== 'format=bam' ? `${name}.gz` : name;
    const parts: Uint8Array[] = [];
    const handle = await run.directory?.getFileHandle(fileName, { create: true });
    const writable = (await handle?.createWritable()) as WritableStream<Uint8Array> | undefined;
    const writer = writable?.getWriter();
    const sink = async (chunk: Uint8Array) => {
      run.onBytes((total += chunk.length));
      if (writer) await writer.write(chunk);
      else parts.push(chunk.slice());
    };
    try {
      const bytes = await fetchShardsInOrder(
        url,
        sink,
        { shards: SHARDS, parallel: IN_FLIGHT },
        run.onRetry,
        run.signal,
      );
      await writer?.close();
      files.push({
        name: fileName,
        bytes,
        ...(writer ? {} : { blob: new Blob(parts as BlobPart[]) }),
      });
    } catch (error) {
      await writer?.abort(error); // the file is discarded, never left short
      throw new Error(`the server's run failed: ${(error as Error).message}`);
    }
  }
  return files;
}
