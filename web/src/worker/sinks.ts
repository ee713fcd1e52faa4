// Where the Worker writes output: files in a user-chosen directory (File System Access API,
// streamed, so memory stays flat), streamed downloads, or, where the browser has neither, Blobs
// for small runs. Compressed output comes from the engine (BGZF). A failed or cancelled run
// aborts the writables, so a partial file never replaces the target (the API writes to a
// temporary file until close()).
import { OutputStream } from '../runner/module-types.js';
import { ReadforgeError } from '../runner/pump.js';
import { MEMORY_OUTPUT_LIMIT, OutputSpec } from '../shared/protocol.js';

/**
 * The File System Access API writes large pieces far faster than small ones, so output is
 * gathered into 4 MB buffers. Two per file: the engine fills one while the other is written, and a buffer
 * is refilled only once its write has resolved (the writable reads the bytes later).
 */
const BATCH_BYTES = 4 << 20;

class BatchedWriter {
  private buffers = [new Uint8Array(BATCH_BYTES), new Uint8Array(BATCH_BYTES)];
  private filled = 0;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly writer: WritableStreamDefaultWriter<Uint8Array>,
    /** Whether the destination keeps the chunks it is given (Blob parts): then they are copies. */
    private readonly keepsChunks: boolean,
  ) {}

  async write(bytes: Uint8Array): Promise<void> {
    for (let at = 0; at < bytes.length;) {
      const n = Math.min(bytes.length - at, BATCH_BYTES - this.filled);
      this.buffers[0].set(bytes.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === BATCH_BYTES) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    await this.pending; // the other buffer's write: it may now be refilled
    const full = this.buffers[0].subarray(0, this.filled);
    this.pending = this.writer.write(this.keepsChunks ? full.slice() : full);
    this.pending.catch(() => {}); // awaited by the next flush or close
    this.buffers.reverse();
    this.filled = 0;
  }

  async close(): Promise<void> {
    if (this.filled > 0) await this.flush();
    await this.pending;
    await this.writer.close();
  }

  async abort(reason: unknown): Promise<void> {
    await this.writer.abort(reason).catch(() => {});
  }
}

interface Sink {
  name: string;
  writer: BatchedWriter;
  bytes: number;
  blob?: () => Promise<Blob>;
  /** A file this run created in the folder: removed when the run fails. */
  remove?: () => Promise<void>;
}

async function openSink(
  spec: OutputSpec,
  fileName: string,
  given: WritableStream<Uint8Array> | undefined,
): Promise<Sink> {
  let destination: WritableStream<Uint8Array>;
  let blob: (() => Promise<Blob>) | undefined;
  let remove: (() => Promise<void>) | undefined;
  if (given) {
    destination = given;
  } else if (spec.directory) {
    const folder = spec.directory;
    // An aborted writable leaves a file it created behind, empty: such a file is removed (a
    // file that was there keeps its old bytes).
    const existed = await folder.getFileHandle(fileName).then(
      () => true,
      () => false,
    );
    const handle = await folder.getFileHandle(fileName, { create: true });
    destination = (await handle.createWritable()) as unknown as WritableStream<Uint8Array>;
    if (!existed) remove = () => folder.removeEntry(fileName);
  } else {
    const parts: Uint8Array[] = [];
    destination = new WritableStream({ write: (chunk) => void parts.push(chunk) });
    blob = async () => new Blob(parts as BlobPart[]);
  }
  const writer = new BatchedWriter(destination.getWriter(), Boolean(blob));
  return { name: fileName, writer, bytes: 0, blob, remove };
}

export class Sinks {
  private readonly sinks = new Map<OutputStream, Sink>();
  private readonly extra: Sink[] = [];
  private memoryBytes = 0;

  private constructor(private readonly inMemory: boolean) {}

  static async open(spec: OutputSpec): Promise<Sinks> {
    const sinks = new Sinks(!spec.directory && !spec.streams);
    const gz = (name: string | undefined) => (name && spec.gzip ? `${name}.gz` : name);
    const wanted: [OutputStream, string | undefined, WritableStream<Uint8Array> | undefined][] = [
      [OutputStream.Read1, gz(spec.names.read1), spec.streams?.read1],
      [OutputStream.Read2, gz(spec.names.read2), spec.streams?.read2],
      [OutputStream.Vcf, gz(spec.names.vcf), spec.streams?.vcf],
      [OutputStream.Alignments, spec.names.bam, spec.streams?.bam],
    ];
    for (const [stream, name, given] of wanted) {
      if (name) sinks.sinks.set(stream, await openSink(spec, name, given));
    }
    return sinks;
  }

  /**
   * A file written whole once the run is complete (the BAM's index), beside the others: in the
   * folder, else a Blob (downloaded with the run's end, as small runs' files are).
   */
  async writeWhole(spec: OutputSpec, name: string, bytes: Uint8Array): Promise<void> {
    const sink = await openSink(spec, name, undefined);
    this.extra.push(sink);
    sink.bytes = bytes.length;
    await sink.writer.write(bytes);
  }

  /** Writes `bytes` (copied: the engine's view is only lent for the call). */
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
    await sink.writer.write(bytes);
  }

  get bytesOut(): number {
    let n = 0;
    for (const sink of this.sinks.values()) n += sink.bytes;
    return n;
  }

  async close(): Promise<{ name: string; bytes: number; blob?: Blob }[]> {
    const files = [];
    for (const sink of [...this.sinks.values(), ...this.extra]) {
      await sink.writer.close();
      files.push({
        name: sink.name,
        bytes: sink.bytes,
        blob: sink.blob ? await sink.blob() : undefined,
      });
    }
    return files;
  }

  async abort(reason: unknown): Promise<void> {
    for (const sink of [...this.sinks.values(), ...this.extra]) {
      await sink.writer.abort(reason);
      await sink.remove?.().catch(() => {});
    }
  }
}
