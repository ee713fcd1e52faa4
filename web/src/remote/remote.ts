// Remote references: an indexed FASTA on any HTTP server or S3 bucket, read with HTTP Range
// requests so that only the bytes of the chosen regions travel. Transport only: the engine
// gets exactly the bytes a local run reads for those regions, so the reads are the same.
import type { ReadforgeModule, SpanBytes } from '../runner/module-types.js';
import { bgzfDecoder, sliceBytes } from '../runner/bgzf.js';
import { ReadforgeError, SparseInput } from '../runner/pump.js';

export interface S3Settings {
  /** A custom endpoint (an S3-compatible store): path-style URLs under it. */
  endpoint?: string;
  /** The bucket's region, for virtual-hosted AWS URLs. */
  region?: string;
}

/** s3://bucket/key as an HTTPS URL (virtual-hosted on AWS, path-style on a custom endpoint). */
export function resolveReferenceUrl(uri: string, s3: S3Settings = {}): string {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match) {
    if (/^https?:\/\//.test(uri)) return uri;
    throw new ReadforgeError(`${uri}: expected an http(s):// URL or an s3://bucket/key URI`);
  }
  const [, bucket, key] = match;
  const path = key.split('/').map(encodeURIComponent).join('/');
  if (s3.endpoint) return `${s3.endpoint.replace(/\/$/, '')}/${bucket}/${path}`;
  const host = s3.region ? `s3.${s3.region}.amazonaws.com` : 's3.amazonaws.com';
  return `https://${bucket}.${host}/${path}`;
}

export interface RemoteOptions {
  signal?: AbortSignal;
  /** Bytes per request. */
  chunkBytes?: number;
  /** Requests in flight at once. */
  inFlight?: number;
  /** Tries per request (network errors, 5xx, short bodies), with exponential backoff. */
  tries?: number;
  /** A whole file this small may come back for a Range request (a 200); larger is refused. */
  smallFile?: number;
  fetch?: typeof fetch;
}

/**
 * A URL as messages and logs show it: without its query string, which in a presigned URL is a
 * credential ("?..." says there was one).
 */
export function displayUrl(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : `${url.slice(0, query)}?...`;
}

/** One remote file, read in ranges, counting what it fetches. */
export class RemoteFile {
  fetchedBytes = 0;
  requests = 0;
  /** The URL as messages show it (displayUrl). */
  readonly name: string;
  private readonly options: Required<Omit<RemoteOptions, 'signal'>> & { signal?: AbortSignal };

  constructor(
    readonly url: string,
    options: RemoteOptions = {},
  ) {
    this.options = {
      chunkBytes: 1 << 20,
      inFlight: 4,
      tries: 4,
      smallFile: 4 << 20,
      fetch: globalThis.fetch.bind(globalThis),
      ...options,
    };
    this.name = displayUrl(url);
  }

  /** Up to the first `n` bytes (fewer when the file is shorter): what format it is. */
  async head(n: number): Promise<Uint8Array> {
    return this.retrying(async () => {
      const response = await this.request({ Range: `bytes=0-${n - 1}` }, 416);
      if (response.status === 416) return new Uint8Array(); // an empty file
      if (response.status >= 500 || !response.body) throw await askAgain(response);
      return await this.readAtMost(response.body, n);
    });
  }

  /** The first `n` bytes of a body, even from a server that ignores Range and sends it all. */
  private async readAtMost(body: ReadableStream<Uint8Array>, n: number): Promise<Uint8Array> {
    const reader = body.getReader();
    const out = new Uint8Array(n);
    let length = 0;
    while (length < n) {
      const { value, done } = await reader.read();
      if (done) break;
      const take = Math.min(value.length, n - length);
      out.set(value.subarray(0, take), length);
      length += take;
    }
    void reader.cancel().catch(() => {});
    this.fetchedBytes += length;
    return out.subarray(0, length);
  }

  /** The whole file (an index), as text. */
  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }

  /** The whole file as text, or null when there is none (HTTP 404): an optional sidecar. */
  async textIfExists(): Promise<string | null> {
    const bytes = await this.bytesIfExists();
    return bytes && new TextDecoder().decode(bytes);
  }

  /** The whole file, or null when there is none (HTTP 404): an optional index. */
  async bytesIfExists(): Promise<Uint8Array | null> {
    try {
      return await this.bytes();
    } catch (error) {
      if (error instanceof ReadforgeError && / \(HTTP 404\)$/.test(error.message)) return null;
      throw error;
    }
  }

  /** The whole file as a stream: one request (a failure mid-way is an error, not a retry). */
  async stream(): Promise<ReadableStream<Uint8Array>> {
    const response = await this.request({});
    if (response.status >= 400 || !response.body) {
      await response.body?.cancel();
      throw new ReadforgeError(`${this.name}: HTTP ${response.status}`);
    }
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => {
        this.fetchedBytes += chunk.length;
        controller.enqueue(chunk);
      },
    });
    return response.body.pipeThrough(counter);
  }

  /** The whole file (an index), retried like ranges are. */
  async bytes(): Promise<Uint8Array> {
    return this.retrying(async () => {
      const response = await this.request({});
      if (response.status >= 500) throw await askAgain(response);
      const bytes = new Uint8Array(await response.arrayBuffer());
      this.fetchedBytes += bytes.length;
      return bytes;
    });
  }

  /** The file's size, from the Content-Range of a one-byte request. */
  async size(): Promise<number> {
    const response = await this.request({ Range: 'bytes=0-0' });
    await response.body?.cancel();
    const total = /\/(\d+)$/.exec(response.headers.get('Content-Range') ?? '');
    const length = Number(response.headers.get('Content-Length'));
    if (total) return Number(total[1]);
    if (response.status === 200 && Number.isFinite(length)) return length;
    throw new ReadforgeError(
      `${this.name}: the server does not tell the file's size (Content-Range)`,
    );
  }

  /** Bytes [begin, end), retried until complete. */
  async range(begin: number, end: number): Promise<Uint8Array> {
    return this.retrying(async () => {
      const response = await this.request({ Range: `bytes=${begin}-${end - 1}` });
      if (response.status >= 500) throw await askAgain(response);
      let bytes: Uint8Array;
      if (response.status === 200) {
        const length = Number(response.headers.get('Content-Length') ?? NaN);
        if (!(length <= this.options.smallFile)) {
          await response.body?.cancel();
          throw new ReadforgeError(
            `${this.name}: the server ignored the Range request and started sending the whole ` +
              `file${Number.isFinite(length) ? ` (${(length / 1e6).toFixed(0)} MB)` : ''}: ` +
              'refused, readforge fetches only the regions it needs (the server must support ' +
              'HTTP Range requests)',
          );
        }
        bytes = new Uint8Array(await response.arrayBuffer()).subarray(begin, end);
      } else {
        try {
          bytes = new Uint8Array(await response.arrayBuffer());
        } catch (error) {
          throw new Error(`the connection failed mid-response (${describe(error)})`);
        }
      }
      this.fetchedBytes += bytes.length;
      if (bytes.length !== end - begin)
        throw new Error(`the response was cut short (${bytes.length} of ${end - begin} bytes)`);
      return bytes;
    });
  }

  /**
   * `attempt`, tried again (after 200 ms, 400 ms, ...) when it fails for a reason worth trying
   * again (a 5xx answer, a failed connection, a short answer); a ReadforgeError is final.
   */
  private async retrying<T>(attempt: () => Promise<T>): Promise<T> {
    const { tries, signal } = this.options;
    let lastProblem = '';
    for (let n = 0; n < tries; n++) {
      if (n > 0) await sleep(100 * 2 ** n, signal);
      try {
        return await attempt();
      } catch (error) {
        if (error instanceof ReadforgeError) throw error;
        lastProblem = describe(error);
      }
    }
    throw new ReadforgeError(`${this.name}: ${lastProblem}, ${tries} times: giving up`);
  }

  /** A GET; 4xx answers are errors (but `allowed`), others are the caller's to judge. */
  private async request(headers: Record<string, string>, allowed = 0): Promise<Response> {
    this.requests++;
    let response: Response;
    try {
      response = await this.options.fetch(this.url, { headers, signal: this.options.signal });
    } catch (error) {
      if (this.options.signal?.aborted) throw error;
      const inBrowser = typeof document !== 'undefined' || typeof WorkerGlobalScope !== 'undefined';
      if (inBrowser && error instanceof TypeError) {
        throw new ReadforgeError(
          `cannot read ${this.name} from this page: the server did not answer, or it does not ` +
            "allow this page's origin (CORS). The bucket or server must allow GET with a Range " +
            'header from this origin and expose Content-Range; or run the simulation on the ' +
            'server instead.',
        );
      }
      throw error;
    }
    if (response.status === 404) throw new ReadforgeError(`${this.name}: not found (HTTP 404)`);
    if (response.status === 403 || response.status === 401) {
      // S3 says why in a small XML body: <Code>SignatureDoesNotMatch</Code>, AccessDenied...
      const body = await response.text().catch(() => '');
      const code = /<Code>([^<]{1,80})<\/Code>/.exec(body)?.[1];
      const presigned = /[?&](X-Amz-Signature|Signature)=/.test(this.url);
      throw new ReadforgeError(
        `${this.name}: access denied (HTTP ${response.status}${code ? `, ${code}` : ''}): ` +
          (presigned
            ? 'the presigned link is not valid for this object, or has expired'
            : code === 'SignatureDoesNotMatch' || code === 'InvalidAccessKeyId'
              ? 'the credentials are wrong (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)'
              : 'the object is not public and no credentials were given, or they do not ' +
                'allow reading it'),
      );
    }
    if (response.status >= 400 && response.status < 500 && response.status !== allowed)
      throw new ReadforgeError(`${this.name}: HTTP ${response.status} ${response.statusText}`);
    return response;
  }
}

declare const WorkerGlobalScope: unknown;

/** An answer worth asking again for (a server error): its status, its body let go. */
async function askAgain(response: Response): Promise<Error> {
  await response.body?.cancel();
  return new Error(`HTTP ${response.status}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/** Bytes [begin, end) of a remote file as a stream of chunks, a few requests in flight. */
function rangeStream(
  file: RemoteFile,
  begin: number,
  end: number,
  chunk: number,
  inFlight: number,
): ReadableStream<Uint8Array> {
  const pieces: [number, number][] = [];
  for (let at = begin; at < end; at += chunk) pieces.push([at, Math.min(at + chunk, end)]);
  const started: Promise<Uint8Array>[] = [];
  let next = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (started.length < pieces.length && started.length < next + inFlight) {
          const [a, b] = pieces[started.length];
          const promise = file.range(a, b);
          promise.catch(() => {}); // awaited in order below
          started.push(promise);
        }
        if (next >= pieces.length) return controller.close();
        const bytes = await started[next];
        delete started[next++]; // let it be collected
        controller.enqueue(bytes);
      },
    },
    { highWaterMark: 0 },
  );
}

export interface BgzfIndex {
  module: ReadforgeModule;
  gzi: Uint8Array;
}

/**
 * The spans' bytes from a remote FASTA, as sparse input for simulate(): each span's range in
 * chunks, a few requests in flight, in order. For a bgzip FASTA (with its .gzi), only the
 * compressed blocks that hold each span are fetched, then inflated and trimmed.
 */
export function remoteSpans(
  file: RemoteFile,
  options: RemoteOptions = {},
  bgzf?: BgzfIndex,
): SparseInput {
  const chunk = options.chunkBytes ?? 1 << 20;
  const inFlight = options.inFlight ?? 4;
  return (spans: SpanBytes[]) => {
    let index = -1;
    let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
    let slices: { compressedBegin: number; compressedEnd: number; skip: number }[] = [];
    if (bgzf) {
      const result = bgzf.module.bgzfSlices(bgzf.gzi, spans);
      if (result.error) throw new ReadforgeError(result.error);
      slices = result.slices;
    }
    const open = async (span: SpanBytes, i: number): Promise<ReadableStream<Uint8Array>> => {
      if (span.byteBegin === undefined)
        throw new ReadforgeError(`no index entry for ${span.contig}`);
      if (!bgzf) return rangeStream(file, span.byteBegin, span.byteEnd, chunk, inFlight);
      const slice = slices[i];
      const end = slice.compressedEnd >= 0 ? slice.compressedEnd : await file.size();
      return rangeStream(file, slice.compressedBegin, end, chunk, inFlight)
        .pipeThrough(bgzfDecoder())
        .pipeThrough(sliceBytes(slice.skip, span.byteEnd - span.byteBegin));
    };
    return {
      async next() {
        while (true) {
          if (reader) {
            const { value, done } = await reader.read();
            if (!done) return value;
            reader = null;
          }
          if (++index >= spans.length) return null;
          const span = spans[index];
          reader = (await open(span, index)).getReader();
          return { contig: span.contig, begin: span.begin };
        }
      },
      cancel(reason) {
        void reader?.cancel(reason).catch(() => {});
      },
    };
  };
}
