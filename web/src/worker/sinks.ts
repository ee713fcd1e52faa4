// Where the Worker writes output: files in a user-chosen directory (File System Access API,
// streamed, so memory stays flat) or, where the browser lacks it, Blobs for small runs. gzip
// goes through CompressionStream. A failed or cancelled run aborts the writables, so a partial
// file never replaces the target (the API writes to a temporary file until close()).
import { OutputStream } from '../engine/module-types.js';
import { ReadforgeError } from '../engine/pump.js';
import { MEMORY_OUTPUT_LIMIT, OutputSpec } from '../shared/protocol.js';

interface Sink {
  name: string;
  writer: WritableStreamDefaultWriter<Uint8Array>;
  done: Promise<unknown>;
  bytes: number;
  blob?: () => Promise<Blob>;
}

export class Sinks {
  private readonly sinks = new Map<OutputStream, Sink>();
  private memoryBytes = 0;

  private constructor(private readonly inMemory: boolean) {}

  static async open(spec: OutputSpec): Promise<Sinks> {
    const sinks = new Sinks(!spec.directory && !spec.streams);
    const wanted: [OutputStream, string | undefined, WritableStream<Uint8Array> | undefined][] = [
      [OutputStream.Read1, spec.names.read1, spec.streams?.read1],
      [OutputStream.Read2, spec.names.read2, spec.streams?.read2],
      [OutputStream.Vcf, spec.names.vcf, spec.streams?.vcf],
    ];
    for (const [stream, name, given] of wanted) {
      if (!name) continue;
      const fileName = spec.gzip ? `${name}.gz` : name;
      let destination: WritableStream<Uint8Array>;
      let blob: (() => Promise<Blob>) | undefined;
      if (given) {
        destination = given;
      } else if (spec.directory) {
        const handle = await spec.directory.getFileHandle(fileName, { create: true });
        destination = (await handle.createWritable()) as unknown as WritableStream<Uint8Array>;
      } else {
        const parts: Uint8Array[] = [];
        destination = new WritableStream({ write: (chunk) => void parts.push(chunk) });
        blob = async () => new Blob(parts as BlobPart[]);
      }
      let writer: WritableStreamDefaultWriter<Uint8Array>;
      let done: Promise<unknown>;
      if (spec.gzip) {
        const gzip = new CompressionStream('gzip') as unknown as TransformStream<
          Uint8Array,
          Uint8Array
        >;
        done = gzip.readable.pipeTo(destination);
        writer = gzip.writable.getWriter();
      } else {
        writer = destination.getWriter();
        done = Promise.resolve();
      }
      sinks.sinks.set(stream, { name: fileName, writer, done, bytes: 0, blob });
    }
    return sinks;
  }

  /** Writes a copy of `bytes` (the engine's view is only lent for the call). */
  async write(stream: OutputStream, bytes: Uint8Array): Promise<void> {
    const sink = this.sinks.get(stream);
    if (!sink) return;
    sink.bytes += bytes.length;
    if (this.inMemory) {
      this.memoryBytes += bytes.length;
      if (this.memoryBytes > MEMORY_OUTPUT_LIMIT) {
        throw new ReadforgeError(
          'this browser cannot save to disk as it goes, and the output passed 256 MB: use ' +
            'Chrome or Edge, fewer pairs, or the command line',
        );
      }
    }
    await sink.writer.ready;
    await sink.writer.write(bytes.slice());
  }

  get bytesOut(): number {
    let n = 0;
    for (const sink of this.sinks.values()) n += sink.bytes;
    return n;
  }

  async close(): Promise<{ name: string; bytes: number; blob?: Blob }[]> {
    const files = [];
    for (const sink of this.sinks.values()) {
      await sink.writer.close();
      await sink.done;
      files.push({
        name: sink.name,
        bytes: sink.bytes,
        blob: sink.blob ? await sink.blob() : undefined,
      });
    }
    return files;
  }

  async abort(reason: unknown): Promise<void> {
    for (const sink of this.sinks.values()) {
      await sink.writer.abort(reason).catch(() => {});
      await sink.done.catch(() => {});
    }
  }
}
