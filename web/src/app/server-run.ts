// "Run on the server": the same form, simulated by the edge API (web/src/edge) from the
// server's copy of the reference, and saved the same way. The run is deterministic, so the two
// mates come from two requests with the same seed.
import type { OutputNames } from '../shared/protocol.js';

/** The server's name for a built-in reference. */
export const SERVER_REFERENCES: Record<string, string> = {
  'demo-mt': 'MT-human',
  'demo-ecoli': 'ecoli-536-bgzip',
};

export interface ServerRun {
  reference: string;
  settings: [string, string][];
  names: OutputNames;
  gzip: boolean;
  directory?: FileSystemDirectoryHandle;
  signal: AbortSignal;
  onBytes: (total: number) => void;
}

async function fail(response: Response): Promise<never> {
  const text = await response.text();
  let message = text;
  try {
    const body = JSON.parse(text) as { error: string; parameter?: string };
    message = body.parameter ? `${body.parameter}: ${body.error}` : body.error;
  } catch {}
  throw new Error(`the server refused the run (HTTP ${response.status}): ${message}`);
}

/** Downloads each output from the API into the folder (or as Blobs); returns what was saved. */
export async function runOnServer(
  run: ServerRun,
): Promise<{ name: string; bytes: number; blob?: Blob }[]> {
  const wanted: [string, string | undefined][] = [
    ['mate=1', run.names.read1],
    ['mate=2', run.names.read2],
    ['format=vcf', run.names.vcf],
  ];
  const files = [];
  let total = 0;
  for (const [what, name] of wanted) {
    if (!name) continue;
    const query = new URLSearchParams([['ref', run.reference], ...run.settings]);
    if (what === 'format=vcf') query.set('format', 'vcf');
    else if (run.settings.some(([n, v]) => n === 'interleaved' && v === '1'))
      query.set('format', 'interleaved');
    else query.set('mate', what.slice(5));
    if (run.gzip) query.set('gzip', '1');
    const response = await fetch(`/api/simulate?${query}`, { signal: run.signal });
    if (!response.ok || !response.body) await fail(response);
    const fileName = run.gzip ? `${name}.gz` : name;
    let bytes = 0;
    const counted = response.body!.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          bytes += chunk.length;
          run.onBytes((total += chunk.length));
          controller.enqueue(chunk);
        },
      }),
    );
    if (run.directory) {
      const handle = await run.directory.getFileHandle(fileName, { create: true });
      // pipeTo aborts the writable (discarding the file) if the transfer fails.
      await counted.pipeTo(
        (await handle.createWritable()) as unknown as WritableStream<Uint8Array>,
        {
          signal: run.signal,
        },
      );
      files.push({ name: fileName, bytes });
    } else {
      const blob = await new Response(counted).blob();
      files.push({ name: fileName, bytes, blob });
    }
  }
  return files;
}
