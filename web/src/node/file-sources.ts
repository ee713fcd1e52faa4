// Local files as readforge-wasm reads them: straight into the engine's buffer when plain,
// decompressed when gzip, and read errors worded as the native CLI words them.
import {
  closeSync,
  createReadStream,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs';
import { Duplex, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import {
  ByteSource,
  decompressIfGzip,
  GunzipStream,
  ReadforgeError,
  streamSource,
} from '../runner/pump.js';
import { letSignalsIn } from './interrupt.js';

/**
 * Node's zlib: it decodes every gzip member (so BGZF too) in the thread pool, ahead of the
 * engine, where the JavaScript decoders would go block by block between the engine's requests.
 */
export const nodeGunzip: GunzipStream = () =>
  Duplex.toWeb(createGunzip({ chunkSize: 1 << 20 })) as unknown as TransformStream<
    Uint8Array,
    Uint8Array
  >;

export function fileStream(path: string): ReadableStream<Uint8Array> {
  const node = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  return Readable.toWeb(node) as unknown as ReadableStream<Uint8Array>;
}

function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  const magic = new Uint8Array(2);
  const n = readSync(fd, magic);
  closeSync(fd);
  return n === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
}

/**
 * The reference as the engine reads it. A plain file is read straight into the engine's input
 * buffer: no copies and no garbage, so memory stays flat whatever the file's size.
 */
export async function referenceSource(
  path: string,
): Promise<ByteSource | ReadableStream<Uint8Array>> {
  if (path === '-' || isGzip(path)) return decompressIfGzip(fileStream(path), nodeGunzip);
  const fd = openSync(path, 'r');
  return {
    prepare: letSignalsIn,
    read: (into) => readSync(fd, into),
    cancel: () => closeSync(fd),
  };
}

export function isRegularFile(path: string): boolean {
  return path !== '-' && existsSync(path) && statSync(path).isFile();
}

/** A source whose read errors (a truncated gzip) name the file, as the native CLI's do. */
export function named(path: string, inner: ByteSource | ReadableStream<Uint8Array>): ByteSource {
  const source = inner instanceof ReadableStream ? streamSource(inner) : inner;
  const named = (error: unknown) =>
    error instanceof ReadforgeError ? new ReadforgeError(`${path}: ${error.message}`) : error;
  const prepare = source.prepare;
  return {
    prepare:
      prepare &&
      (async () => {
        try {
          await prepare.call(source);
        } catch (error) {
          throw named(error);
        }
      }),
    read: async (into) => {
      try {
        return await source.read(into);
      } catch (error) {
        throw named(error);
      }
    },
    cancel: source.cancel,
  };
}

/** A local file's text, or the native CLI's message when it cannot be read. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    throw new ReadforgeError(`cannot open ${path}: No such file or directory`);
  }
}
