var __defProp = Object.defineProperty;
var __name = (target, value2) => __defProp(target, "name", { value: value2, configurable: true });

// http.ts
var ApiError = class extends Error {
  constructor(status, parameter, message, headers = {}) {
    super(message);
    this.status = status;
    this.parameter = parameter;
    this.headers = headers;
  }
  static {
    __name(this, "ApiError");
  }
};
function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body, null, 1), {
    status,
    headers: { "Content-Type": "application/json", ...headers }
  });
}
__name(json, "json");

// admission.ts
var active = 0;
var activeRuns = /* @__PURE__ */ __name(() => active, "activeRuns");
function admit(limit) {
  if (active >= limit) {
    throw new ApiError(
      503,
      null,
      `this server is busy: ${active} runs are streaming (it allows ${limit} at once); retry in a few seconds`,
      { "Retry-After": "5" }
    );
  }
  active++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    active--;
  };
}
__name(admit, "admit");

// ../engine/module-types.ts
var RunState = {
  NeedInput: 0,
  OutputReady: 1,
  Done: 2,
  Error: 3,
  /** The VCF of --variants must be read further. */
  NeedVariantInput: 4
};
var OutputStream = { Read1: 0, Read2: 1, Mutations: 2, Vcf: 3 };
var OUTPUT_STREAMS = [0, 1, 2, 3];

// ../engine/bgzf.ts
var HEADER = 18;
function isBgzf(head) {
  return head.length >= HEADER && head[0] === 31 && head[1] === 139 && (head[3] & 4) !== 0 && head[12] === 66 && head[13] === 67;
}
__name(isBgzf, "isBgzf");
async function inflate(block) {
  const stream = new Blob([block]).stream().pipeThrough(
    new DecompressionStream("gzip")
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
__name(inflate, "inflate");
function bgzfDecoder() {
  let buffer = new Uint8Array(0);
  const drain = /* @__PURE__ */ __name(async (controller, flush) => {
    while (buffer.length >= HEADER) {
      if (!isBgzf(buffer)) throw new Error("not BGZF data (a bgzip block header was expected)");
      const size = (buffer[16] | buffer[17] << 8) + 1;
      if (buffer.length < size) break;
      const bytes = await inflate(buffer.subarray(0, size));
      if (bytes.length) controller.enqueue(bytes);
      buffer = buffer.subarray(size);
    }
    if (flush && buffer.length)
      throw new Error("unexpected end of file (a BGZF block is cut short)");
  }, "drain");
  return new TransformStream({
    async transform(chunk, controller) {
      const joined = new Uint8Array(buffer.length + chunk.length);
      joined.set(buffer);
      joined.set(chunk, buffer.length);
      buffer = joined;
      await drain(controller, false);
    },
    async flush(controller) {
      await drain(controller, true);
    }
  });
}
__name(bgzfDecoder, "bgzfDecoder");
function sliceBytes(skip, length) {
  let at = 0;
  return new TransformStream({
    transform(chunk, controller) {
      const from = Math.max(0, skip - at);
      const to = Math.min(chunk.length, skip + length - at);
      if (to > from) controller.enqueue(chunk.subarray(from, to));
      at += chunk.length;
    }
  });
}
__name(sliceBytes, "sliceBytes");
async function* bgzfBlocks(bytes, base) {
  for (let at = 0; at + HEADER <= bytes.length; ) {
    if (!isBgzf(bytes.subarray(at))) throw new Error("not BGZF data (a bgzip block was expected)");
    const size = (bytes[at + 16] | bytes[at + 17] << 8) + 1;
    if (at + size > bytes.length) return;
    yield { offset: base + at, data: await inflate(bytes.subarray(at, at + size)) };
    at += size;
  }
}
__name(bgzfBlocks, "bgzfBlocks");
async function bgzfInflateAll(bytes) {
  const parts = [];
  for await (const block of bgzfBlocks(bytes, 0)) parts.push(block.data);
  return new Uint8Array(await new Blob(parts).arrayBuffer());
}
__name(bgzfInflateAll, "bgzfInflateAll");

// ../engine/pump.ts
var ReadforgeError = class extends Error {
  /** True when the problem is in the reference bytes (so a host may name the file). */
  constructor(message, inReference = false) {
    super(message);
    this.inReference = inReference;
  }
  static {
    __name(this, "ReadforgeError");
  }
  name = "ReadforgeError";
};
function streamSource(stream) {
  const reader = stream.getReader();
  let pending = null;
  return {
    async read(into) {
      while (!pending || pending.length === 0) {
        const { value: value2, done } = await reader.read();
        if (done) {
          reader.releaseLock();
          return 0;
        }
        pending = value2;
      }
      const n = Math.min(pending.length, into.length);
      into.set(pending.subarray(0, n));
      pending = pending.subarray(n);
      return n;
    },
    async cancel(reason) {
      await reader.cancel(reason).catch(() => {
      });
    }
  };
}
__name(streamSource, "streamSource");
async function simulate(module, request, input, options) {
  const sim = startSimulator(module, request);
  const source = input instanceof ReadableStream ? streamSource(input) : typeof input === "function" ? sparseSource(sim, input(sim.spans())) : input;
  const maxChunk = options.maxChunk ?? 1 << 20;
  const variants = options.variants instanceof ReadableStream ? streamSource(options.variants) : options.variants;
  let lastProgress = 0;
  let finished = false;
  try {
    while (true) {
      options.signal?.throwIfAborted();
      const state = sim.run();
      if (state === RunState.Error) throw new ReadforgeError(sim.error(), !sim.errorInVariants());
      if (state === RunState.NeedVariantInput) {
        if (!variants) throw new ReadforgeError("--variants is set, but no VCF was given");
        await variants.prepare?.();
        const n = await variants.read(sim.variantInputBuffer(maxChunk));
        sim.commitVariants(n);
        if (n === 0) sim.finishVariants();
        continue;
      }
      if (state === RunState.OutputReady || state === RunState.Done) {
        for (const stream of OUTPUT_STREAMS) {
          const bytes = sim.outputView(stream);
          if (bytes.length > 0) await options.onOutput(stream, bytes);
        }
        sim.consumeOutputs();
        if (options.onBlockEnd && state === RunState.OutputReady && sim.blockComplete())
          await options.onBlockEnd();
      }
      if (state === RunState.Done) break;
      if (state === RunState.NeedInput) {
        if (finished)
          throw new ReadforgeError("internal error: the engine wants input after the end");
        await source.prepare?.();
        const n = await source.read(sim.inputBuffer(maxChunk));
        sim.commitInput(n);
        if (n === 0) {
          sim.finish();
          finished = true;
        }
      }
      const now = Date.now();
      if (options.onProgress && now - lastProgress > 200) {
        lastProgress = now;
        options.onProgress(progressOf(sim.stats()));
      }
    }
    const parted = request.blockStride !== void 0 && request.blockStride > 1;
    const summary = { stats: sim.stats(), warnings: sim.warnings() };
    if (parted) {
      summary.report = sim.report();
      summary.holdsLastBlock = sim.holdsLastBlock();
      summary.compressed = sim.compressedStreams();
    }
    options.onProgress?.(progressOf(summary.stats));
    return summary;
  } catch (error) {
    await source.cancel?.(error);
    await variants?.cancel?.(error);
    throw error;
  } finally {
    sim.delete();
  }
}
__name(simulate, "simulate");
function startSimulator(module, request) {
  const { settings, ...inputs } = request;
  const sim = new module.Simulator(settings, inputs);
  const problem = sim.start();
  if (problem) {
    sim.delete();
    throw new ReadforgeError(problem);
  }
  return sim;
}
__name(startSimulator, "startSimulator");
function plannedSpans(module, request) {
  const sim = startSimulator(module, request);
  try {
    return sim.spans();
  } finally {
    sim.delete();
  }
}
__name(plannedSpans, "plannedSpans");
function sparseSource(sim, sparse) {
  let pending = null;
  let ended = false;
  return {
    // Span starts reach the engine here, while it holds no input and lends no buffer.
    async prepare() {
      while (!ended && (!pending || pending.length === 0)) {
        const item = await sparse.next();
        if (item === null) ended = true;
        else if (item instanceof Uint8Array) pending = item;
        else {
          const problem = sim.beginContigAt(item.contig, item.begin);
          if (problem) throw new ReadforgeError(problem);
        }
      }
    },
    read(into) {
      if (!pending || pending.length === 0) return 0;
      const n = Math.min(pending.length, into.length);
      into.set(pending.subarray(0, n));
      pending = pending.subarray(n);
      return n;
    },
    cancel: /* @__PURE__ */ __name((reason) => sparse.cancel?.(reason), "cancel")
  };
}
__name(sparseSource, "sparseSource");
function progressOf(stats) {
  const total = stats.totalReferenceBases;
  return { stats, fraction: total > 0 ? stats.referenceBases / total : null };
}
__name(progressOf, "progressOf");
async function measureSpans(module, request, input, signal) {
  const sparse = input(plannedSpans(module, request));
  const scanner = new module.ContigScanner(request.faiText ?? "");
  try {
    while (true) {
      signal?.throwIfAborted();
      const item = await sparse.next();
      if (item === null) break;
      const problem2 = item instanceof Uint8Array ? (scanner.inputBuffer(item.length).set(item), scanner.push(item.length)) : scanner.beginContigAt(item.contig, item.begin);
      if (problem2) throw new ReadforgeError(problem2, true);
    }
    const problem = scanner.finish();
    if (problem) throw new ReadforgeError(problem, true);
    return scanner.gapsText();
  } catch (error) {
    sparse.cancel?.(error);
    throw error;
  } finally {
    scanner.delete();
  }
}
__name(measureSpans, "measureSpans");
async function decompressIfGzip(source) {
  const reader = source.getReader();
  const first = await reader.read();
  const whole = new ReadableStream({
    start(controller) {
      if (!first.done) controller.enqueue(first.value);
    },
    async pull(controller) {
      const { value: value2, done } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value2);
    },
    cancel(reason) {
      return reader.cancel(reason);
    }
  });
  const gzip = !first.done && first.value.length >= 2 && first.value[0] === 31 && first.value[1] === 139;
  if (!gzip) return whole;
  const inflated = whole.pipeThrough(
    isBgzf(first.value) ? bgzfDecoder() : new DecompressionStream("gzip")
  ).getReader();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { value: value2, done } = await inflated.read();
        if (done) controller.close();
        else controller.enqueue(value2);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        controller.error(
          new ReadforgeError(
            /unexpected end|truncated|incomplete/i.test(text) ? "the gzip data is truncated (unexpected end of file)" : `corrupt gzip data (${text})`,
            true
          )
        );
      }
    },
    cancel(reason) {
      return inflated.cancel(reason);
    }
  });
}
__name(decompressIfGzip, "decompressIfGzip");

// ../engine/pull-stream.ts
function pullStream(produce, onCancel) {
  const abort = new AbortController();
  let controller;
  let demand = null;
  let started = false;
  const wake = /* @__PURE__ */ __name(() => {
    const resolve = demand;
    demand = null;
    resolve?.();
  }, "wake");
  const write = /* @__PURE__ */ __name(async (bytes, owned = false) => {
    abort.signal.throwIfAborted();
    controller.enqueue(owned ? bytes : bytes.slice());
    if ((controller.desiredSize ?? 0) <= 0) await new Promise((r) => demand = r);
    abort.signal.throwIfAborted();
  }, "write");
  return new ReadableStream(
    {
      start(c) {
        controller = c;
      },
      pull() {
        if (!started) {
          started = true;
          produce(write, abort.signal).then(
            () => controller.close(),
            (error) => {
              if (!abort.signal.aborted) controller.error(error);
            }
          );
        }
        wake();
      },
      cancel(reason) {
        abort.abort(reason ?? new Error("the consumer went away"));
        wake();
        onCancel?.();
      }
    },
    { highWaterMark: 1 }
  );
}
__name(pullStream, "pullStream");

// ../engine/remote.ts
function displayUrl(url) {
  const query = url.indexOf("?");
  return query < 0 ? url : `${url.slice(0, query)}?...`;
}
__name(displayUrl, "displayUrl");
var RemoteFile = class {
  constructor(url, options = {}) {
    this.url = url;
    this.options = {
      chunkBytes: 1 << 20,
      inFlight: 4,
      tries: 4,
      smallFile: 4 << 20,
      fetch: globalThis.fetch.bind(globalThis),
      ...options
    };
    this.name = displayUrl(url);
  }
  static {
    __name(this, "RemoteFile");
  }
  fetchedBytes = 0;
  requests = 0;
  /** The URL as messages show it (displayUrl). */
  name;
  options;
  /** Up to the first `n` bytes (fewer when the file is shorter): what format it is. */
  async head(n) {
    let lastProblem = "";
    for (let attempt = 0; attempt < this.options.tries; attempt++) {
      if (attempt > 0) await sleep(100 * 2 ** attempt, this.options.signal);
      try {
        const response = await this.request({ Range: `bytes=0-${n - 1}` }, 416);
        if (response.status === 416) return new Uint8Array();
        if (response.status >= 500 || !response.body) {
          lastProblem = `HTTP ${response.status}`;
          await response.body?.cancel();
          continue;
        }
        return await this.readAtMost(response.body, n);
      } catch (error) {
        if (error instanceof ReadforgeError) throw error;
        lastProblem = describe(error);
      }
    }
    throw new ReadforgeError(
      `${this.name}: ${lastProblem}, ${this.options.tries} times: giving up`
    );
  }
  /** The first `n` bytes of a body, even from a server that ignores Range and sends it all. */
  async readAtMost(body, n) {
    const reader = body.getReader();
    const out = new Uint8Array(n);
    let length = 0;
    while (length < n) {
      const { value: value2, done } = await reader.read();
      if (done) break;
      const take = Math.min(value2.length, n - length);
      out.set(value2.subarray(0, take), length);
      length += take;
    }
    void reader.cancel().catch(() => {
    });
    this.fetchedBytes += length;
    return out.subarray(0, length);
  }
  /** The whole file (an index), as text. */
  async text() {
    return new TextDecoder().decode(await this.bytes());
  }
  /** The whole file as text, or null when there is none (HTTP 404): an optional sidecar. */
  async textIfExists() {
    const bytes = await this.bytesIfExists();
    return bytes && new TextDecoder().decode(bytes);
  }
  /** The whole file, or null when there is none (HTTP 404): an optional index. */
  async bytesIfExists() {
    try {
      return await this.bytes();
    } catch (error) {
      if (error instanceof ReadforgeError && / \(HTTP 404\)$/.test(error.message)) return null;
      throw error;
    }
  }
  /** The whole file as a stream: one request (a failure mid-way is an error, not a retry). */
  async stream() {
    const response = await this.request({});
    if (response.status >= 400 || !response.body) {
      await response.body?.cancel();
      throw new ReadforgeError(`${this.name}: HTTP ${response.status}`);
    }
    const counter = new TransformStream({
      transform: /* @__PURE__ */ __name((chunk, controller) => {
        this.fetchedBytes += chunk.length;
        controller.enqueue(chunk);
      }, "transform")
    });
    return response.body.pipeThrough(counter);
  }
  /** The whole file (an index), retried like ranges are. */
  async bytes() {
    let lastProblem = "";
    for (let attempt = 0; attempt < this.options.tries; attempt++) {
      if (attempt > 0) await sleep(100 * 2 ** attempt, this.options.signal);
      try {
        const response = await this.request({});
        if (response.status >= 500) {
          lastProblem = `HTTP ${response.status}`;
          await response.body?.cancel();
          continue;
        }
        const bytes = new Uint8Array(await response.arrayBuffer());
        this.fetchedBytes += bytes.length;
        return bytes;
      } catch (error) {
        if (error instanceof ReadforgeError) throw error;
        lastProblem = describe(error);
      }
    }
    throw new ReadforgeError(
      `${this.name}: ${lastProblem}, ${this.options.tries} times: giving up`
    );
  }
  /** The file's size, from the Content-Range of a one-byte request. */
  async size() {
    const response = await this.request({ Range: "bytes=0-0" });
    await response.body?.cancel();
    const total = /\/(\d+)$/.exec(response.headers.get("Content-Range") ?? "");
    const length = Number(response.headers.get("Content-Length"));
    if (total) return Number(total[1]);
    if (response.status === 200 && Number.isFinite(length)) return length;
    throw new ReadforgeError(
      `${this.name}: the server does not tell the file's size (Content-Range)`
    );
  }
  /** Bytes [begin, end), retried until complete. */
  async range(begin, end) {
    const { tries } = this.options;
    let lastProblem = "";
    for (let attempt = 0; attempt < tries; attempt++) {
      if (attempt > 0) await sleep(100 * 2 ** attempt, this.options.signal);
      let response;
      try {
        response = await this.request({ Range: `bytes=${begin}-${end - 1}` });
      } catch (error) {
        if (error instanceof ReadforgeError) throw error;
        lastProblem = describe(error);
        continue;
      }
      if (response.status >= 500) {
        lastProblem = `HTTP ${response.status}`;
        await response.body?.cancel();
        continue;
      }
      let bytes;
      if (response.status === 200) {
        const length = Number(response.headers.get("Content-Length") ?? NaN);
        if (!(length <= this.options.smallFile)) {
          await response.body?.cancel();
          throw new ReadforgeError(
            `${this.name}: the server ignored the Range request and started sending the whole file${Number.isFinite(length) ? ` (${(length / 1e6).toFixed(0)} MB)` : ""}: refused, readforge fetches only the regions it needs (the server must support HTTP Range requests)`
          );
        }
        try {
          bytes = new Uint8Array(await response.arrayBuffer()).subarray(begin, end);
        } catch (error) {
          lastProblem = describe(error);
          continue;
        }
      } else {
        try {
          bytes = new Uint8Array(await response.arrayBuffer());
        } catch (error) {
          lastProblem = `the connection failed mid-response (${describe(error)})`;
          continue;
        }
      }
      this.fetchedBytes += bytes.length;
      if (bytes.length === end - begin) return bytes;
      lastProblem = `the response was cut short (${bytes.length} of ${end - begin} bytes)`;
    }
    throw new ReadforgeError(`${this.name}: ${lastProblem}, ${tries} times: giving up`);
  }
  /** A GET; 4xx answers are errors (but `allowed`), others are the caller's to judge. */
  async request(headers, allowed = 0) {
    this.requests++;
    let response;
    try {
      response = await this.options.fetch(this.url, { headers, signal: this.options.signal });
    } catch (error) {
      if (this.options.signal?.aborted) throw error;
      const inBrowser = typeof document !== "undefined" || typeof WorkerGlobalScope !== "undefined";
      if (inBrowser && error instanceof TypeError) {
        throw new ReadforgeError(
          `cannot read ${this.name} from this page: the server did not answer, or it does not allow this page's origin (CORS). The bucket or server must allow GET with a Range header from this origin and expose Content-Range; or run the simulation on the server instead.`
        );
      }
      throw error;
    }
    if (response.status === 404) throw new ReadforgeError(`${this.name}: not found (HTTP 404)`);
    if (response.status === 403 || response.status === 401) {
      const body = await response.text().catch(() => "");
      const code = /<Code>([^<]{1,80})<\/Code>/.exec(body)?.[1];
      const presigned = /[?&](X-Amz-Signature|Signature)=/.test(this.url);
      throw new ReadforgeError(
        `${this.name}: access denied (HTTP ${response.status}${code ? `, ${code}` : ""}): ` + (presigned ? "the presigned link is not valid for this object, or has expired" : code === "SignatureDoesNotMatch" || code === "InvalidAccessKeyId" ? "the credentials are wrong (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)" : "the object is not public and no credentials were given, or they do not allow reading it")
      );
    }
    if (response.status >= 400 && response.status < 500 && response.status !== allowed)
      throw new ReadforgeError(`${this.name}: HTTP ${response.status} ${response.statusText}`);
    return response;
  }
};
function describe(error) {
  return error instanceof Error ? error.message : String(error);
}
__name(describe, "describe");
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}
__name(sleep, "sleep");
function rangeStream(file, begin, end, chunk, inFlight) {
  const pieces = [];
  for (let at = begin; at < end; at += chunk) pieces.push([at, Math.min(at + chunk, end)]);
  const started = [];
  let next = 0;
  return new ReadableStream(
    {
      async pull(controller) {
        while (started.length < pieces.length && started.length < next + inFlight) {
          const [a, b] = pieces[started.length];
          const promise = file.range(a, b);
          promise.catch(() => {
          });
          started.push(promise);
        }
        if (next >= pieces.length) return controller.close();
        const bytes = await started[next];
        delete started[next++];
        controller.enqueue(bytes);
      }
    },
    { highWaterMark: 0 }
  );
}
__name(rangeStream, "rangeStream");
function remoteSpans(file, options = {}, bgzf) {
  const chunk = options.chunkBytes ?? 1 << 20;
  const inFlight = options.inFlight ?? 4;
  return (spans) => {
    let index = -1;
    let reader = null;
    let slices = [];
    if (bgzf) {
      const result = bgzf.module.bgzfSlices(bgzf.gzi, spans);
      if (result.error) throw new ReadforgeError(result.error);
      slices = result.slices;
    }
    const open = /* @__PURE__ */ __name(async (span, i) => {
      if (span.byteBegin === void 0)
        throw new ReadforgeError(`no index entry for ${span.contig}`);
      if (!bgzf) return rangeStream(file, span.byteBegin, span.byteEnd, chunk, inFlight);
      const slice = slices[i];
      const end = slice.compressedEnd >= 0 ? slice.compressedEnd : await file.size();
      return rangeStream(file, slice.compressedBegin, end, chunk, inFlight).pipeThrough(bgzfDecoder()).pipeThrough(sliceBytes(slice.skip, span.byteEnd - span.byteBegin));
    }, "open");
    return {
      async next() {
        while (true) {
          if (reader) {
            const { value: value2, done } = await reader.read();
            if (!done) return value2;
            reader = null;
          }
          if (++index >= spans.length) return null;
          const span = spans[index];
          reader = (await open(span, index)).getReader();
          return { contig: span.contig, begin: span.begin };
        }
      },
      cancel(reason) {
        void reader?.cancel(reason).catch(() => {
        });
      }
    };
  };
}
__name(remoteSpans, "remoteSpans");

// ../../../node_modules/aws4fetch/dist/aws4fetch.esm.mjs
var encoder = new TextEncoder();
var HOST_SERVICES = {
  appstream2: "appstream",
  cloudhsmv2: "cloudhsm",
  email: "ses",
  marketplace: "aws-marketplace",
  mobile: "AWSMobileHubService",
  pinpoint: "mobiletargeting",
  queue: "sqs",
  "git-codecommit": "codecommit",
  "mturk-requester-sandbox": "mturk-requester",
  "personalize-runtime": "personalize"
};
var UNSIGNABLE_HEADERS = /* @__PURE__ */ new Set([
  "authorization",
  "content-type",
  "content-length",
  "user-agent",
  "presigned-expires",
  "expect",
  "x-amzn-trace-id",
  "range",
  "connection"
]);
var AwsClient = class {
  static {
    __name(this, "AwsClient");
  }
  constructor({ accessKeyId, secretAccessKey, sessionToken, service, region, cache, retries, initRetryMs }) {
    if (accessKeyId == null) throw new TypeError("accessKeyId is a required option");
    if (secretAccessKey == null) throw new TypeError("secretAccessKey is a required option");
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.sessionToken = sessionToken;
    this.service = service;
    this.region = region;
    this.cache = cache || /* @__PURE__ */ new Map();
    this.retries = retries != null ? retries : 10;
    this.initRetryMs = initRetryMs || 50;
  }
  async sign(input, init) {
    if (input instanceof Request) {
      const { method, url, headers, body } = input;
      init = Object.assign({ method, url, headers }, init);
      if (init.body == null && headers.has("Content-Type")) {
        init.body = body != null && headers.has("X-Amz-Content-Sha256") ? body : await input.clone().arrayBuffer();
      }
      input = url;
    }
    const signer = new AwsV4Signer(Object.assign({ url: input.toString() }, init, this, init && init.aws));
    const signed = Object.assign({}, init, await signer.sign());
    delete signed.aws;
    try {
      return new Request(signed.url.toString(), signed);
    } catch (e) {
      if (e instanceof TypeError) {
        return new Request(signed.url.toString(), Object.assign({ duplex: "half" }, signed));
      }
      throw e;
    }
  }
  async fetch(input, init) {
    for (let i = 0; i <= this.retries; i++) {
      const fetched2 = fetch(await this.sign(input, init));
      if (i === this.retries) {
        return fetched2;
      }
      const res = await fetched2;
      if (res.status < 500 && res.status !== 429) {
        return res;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * this.initRetryMs * Math.pow(2, i)));
    }
    throw new Error("An unknown error occurred, ensure retries is not negative");
  }
};
var AwsV4Signer = class {
  static {
    __name(this, "AwsV4Signer");
  }
  constructor({ method, url, headers, body, accessKeyId, secretAccessKey, sessionToken, service, region, cache, datetime, signQuery, appendSessionToken, allHeaders, singleEncode }) {
    if (url == null) throw new TypeError("url is a required option");
    if (accessKeyId == null) throw new TypeError("accessKeyId is a required option");
    if (secretAccessKey == null) throw new TypeError("secretAccessKey is a required option");
    this.method = method || (body ? "POST" : "GET");
    this.url = new URL(url);
    this.headers = new Headers(headers || {});
    this.body = body;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.sessionToken = sessionToken;
    let guessedService, guessedRegion;
    if (!service || !region) {
      [guessedService, guessedRegion] = guessServiceRegion(this.url, this.headers);
    }
    this.service = service || guessedService || "";
    this.region = region || guessedRegion || "us-east-1";
    this.cache = cache || /* @__PURE__ */ new Map();
    this.datetime = datetime || (/* @__PURE__ */ new Date()).toISOString().replace(/[:-]|\.\d{3}/g, "");
    this.signQuery = signQuery;
    this.appendSessionToken = appendSessionToken || this.service === "iotdevicegateway";
    this.headers.delete("Host");
    if (this.service === "s3" && !this.signQuery && !this.headers.has("X-Amz-Content-Sha256")) {
      this.headers.set("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD");
    }
    const params = this.signQuery ? this.url.searchParams : this.headers;
    params.set("X-Amz-Date", this.datetime);
    if (this.sessionToken && !this.appendSessionToken) {
      params.set("X-Amz-Security-Token", this.sessionToken);
    }
    this.signableHeaders = ["host", ...this.headers.keys()].filter((header) => allHeaders || !UNSIGNABLE_HEADERS.has(header)).sort();
    this.signedHeaders = this.signableHeaders.join(";");
    this.canonicalHeaders = this.signableHeaders.map((header) => header + ":" + (header === "host" ? this.url.host : (this.headers.get(header) || "").replace(/\s+/g, " "))).join("\n");
    this.credentialString = [this.datetime.slice(0, 8), this.region, this.service, "aws4_request"].join("/");
    if (this.signQuery) {
      if (this.service === "s3" && !params.has("X-Amz-Expires")) {
        params.set("X-Amz-Expires", "86400");
      }
      params.set("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
      params.set("X-Amz-Credential", this.accessKeyId + "/" + this.credentialString);
      params.set("X-Amz-SignedHeaders", this.signedHeaders);
    }
    if (this.service === "s3") {
      try {
        this.encodedPath = decodeURIComponent(this.url.pathname.replace(/\+/g, " "));
      } catch (e) {
        this.encodedPath = this.url.pathname;
      }
    } else {
      this.encodedPath = this.url.pathname.replace(/\/+/g, "/");
    }
    if (!singleEncode) {
      this.encodedPath = encodeURIComponent(this.encodedPath).replace(/%2F/g, "/");
    }
    this.encodedPath = encodeRfc3986(this.encodedPath);
    const seenKeys = /* @__PURE__ */ new Set();
    this.encodedSearch = [...this.url.searchParams].filter(([k]) => {
      if (!k) return false;
      if (this.service === "s3") {
        if (seenKeys.has(k)) return false;
        seenKeys.add(k);
      }
      return true;
    }).map((pair) => pair.map((p) => encodeRfc3986(encodeURIComponent(p)))).sort(([k1, v1], [k2, v2]) => k1 < k2 ? -1 : k1 > k2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0).map((pair) => pair.join("=")).join("&");
  }
  async sign() {
    if (this.signQuery) {
      this.url.searchParams.set("X-Amz-Signature", await this.signature());
      if (this.sessionToken && this.appendSessionToken) {
        this.url.searchParams.set("X-Amz-Security-Token", this.sessionToken);
      }
    } else {
      this.headers.set("Authorization", await this.authHeader());
    }
    return {
      method: this.method,
      url: this.url,
      headers: this.headers,
      body: this.body
    };
  }
  async authHeader() {
    return [
      "AWS4-HMAC-SHA256 Credential=" + this.accessKeyId + "/" + this.credentialString,
      "SignedHeaders=" + this.signedHeaders,
      "Signature=" + await this.signature()
    ].join(", ");
  }
  async signature() {
    const date = this.datetime.slice(0, 8);
    const cacheKey = [this.secretAccessKey, date, this.region, this.service].join();
    let kCredentials = this.cache.get(cacheKey);
    if (!kCredentials) {
      const kDate = await hmac("AWS4" + this.secretAccessKey, date);
      const kRegion = await hmac(kDate, this.region);
      const kService = await hmac(kRegion, this.service);
      kCredentials = await hmac(kService, "aws4_request");
      this.cache.set(cacheKey, kCredentials);
    }
    return buf2hex(await hmac(kCredentials, await this.stringToSign()));
  }
  async stringToSign() {
    return [
      "AWS4-HMAC-SHA256",
      this.datetime,
      this.credentialString,
      buf2hex(await hash(await this.canonicalString()))
    ].join("\n");
  }
  async canonicalString() {
    return [
      this.method.toUpperCase(),
      this.encodedPath,
      this.encodedSearch,
      this.canonicalHeaders + "\n",
      this.signedHeaders,
      await this.hexBodyHash()
    ].join("\n");
  }
  async hexBodyHash() {
    let hashHeader = this.headers.get("X-Amz-Content-Sha256") || (this.service === "s3" && this.signQuery ? "UNSIGNED-PAYLOAD" : null);
    if (hashHeader == null) {
      if (this.body && typeof this.body !== "string" && !("byteLength" in this.body)) {
        throw new Error("body must be a string, ArrayBuffer or ArrayBufferView, unless you include the X-Amz-Content-Sha256 header");
      }
      hashHeader = buf2hex(await hash(this.body || ""));
    }
    return hashHeader;
  }
};
async function hmac(key, string) {
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    typeof key === "string" ? encoder.encode(key) : key,
    { name: "HMAC", hash: { name: "SHA-256" } },
    false,
    ["sign"]
  );
  return crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(string));
}
__name(hmac, "hmac");
async function hash(content) {
  return crypto.subtle.digest("SHA-256", typeof content === "string" ? encoder.encode(content) : content);
}
__name(hash, "hash");
var HEX_CHARS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"];
function buf2hex(arrayBuffer) {
  const buffer = new Uint8Array(arrayBuffer);
  let out = "";
  for (let idx = 0; idx < buffer.length; idx++) {
    const n = buffer[idx];
    out += HEX_CHARS[n >>> 4 & 15];
    out += HEX_CHARS[n & 15];
  }
  return out;
}
__name(buf2hex, "buf2hex");
function encodeRfc3986(urlEncodedStr) {
  return urlEncodedStr.replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}
__name(encodeRfc3986, "encodeRfc3986");
function guessServiceRegion(url, headers) {
  const { hostname, pathname } = url;
  if (hostname.endsWith(".on.aws")) {
    const match2 = hostname.match(/^[^.]{1,63}\.lambda-url\.([^.]{1,63})\.on\.aws$/);
    return match2 != null ? ["lambda", match2[1] || ""] : ["", ""];
  }
  if (hostname.endsWith(".r2.cloudflarestorage.com")) {
    return ["s3", "auto"];
  }
  if (hostname.endsWith(".backblazeb2.com")) {
    const match2 = hostname.match(/^(?:[^.]{1,63}\.)?s3\.([^.]{1,63})\.backblazeb2\.com$/);
    return match2 != null ? ["s3", match2[1] || ""] : ["", ""];
  }
  const match = hostname.replace("dualstack.", "").match(/([^.]{1,63})\.(?:([^.]{0,63})\.)?amazonaws\.com(?:\.cn)?$/);
  let service = match && match[1] || "";
  let region = match && match[2];
  if (region === "us-gov") {
    region = "us-gov-west-1";
  } else if (region === "s3" || region === "s3-accelerate") {
    region = "us-east-1";
    service = "s3";
  } else if (service === "iot") {
    if (hostname.startsWith("iot.")) {
      service = "execute-api";
    } else if (hostname.startsWith("data.jobs.iot.")) {
      service = "iot-jobs-data";
    } else {
      service = pathname === "/mqtt" ? "iotdevicegateway" : "iotdata";
    }
  } else if (service === "autoscaling") {
    const targetPrefix = (headers.get("X-Amz-Target") || "").split(".")[0];
    if (targetPrefix === "AnyScaleFrontendService") {
      service = "application-autoscaling";
    } else if (targetPrefix === "AnyScaleScalingPlannerFrontendService") {
      service = "autoscaling-plans";
    }
  } else if (region == null && service.startsWith("s3-")) {
    region = service.slice(3).replace(/^fips-|^external-1/, "");
    service = "s3";
  } else if (service.endsWith("-fips")) {
    service = service.slice(0, -5);
  } else if (region && /-\d$/.test(service) && !/-\d$/.test(region)) {
    [service, region] = [region, service];
  }
  return [HOST_SERVICES[service] || service, region || ""];
}
__name(guessServiceRegion, "guessServiceRegion");

// ../engine/s3-signing.ts
function signedFetch(credentials) {
  const client = new AwsClient({
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken || void 0,
    service: "s3",
    region: credentials.region || "us-east-1",
    retries: 0
  });
  return (input, init) => client.fetch(input, init);
}
__name(signedFetch, "signedFetch");

// ../engine/remote-fasta.ts
function besideUrl(url, suffix) {
  const query = url.indexOf("?");
  return query < 0 ? url + suffix : url.slice(0, query) + suffix + url.slice(query);
}
__name(besideUrl, "besideUrl");
function fastaFormat(head, name) {
  if (head.length >= 2 && head[0] === 31 && head[1] === 139) {
    const bgzf = head.length >= 14 && (head[3] & 4) !== 0 && head[12] === 66 && head[13] === 67;
    if (bgzf) return "bgzf";
    throw new ReadforgeError(
      `${name}: gzip, but not bgzip (BGZF): reading regions needs bgzip's blocks; recompress it with \`zcat ref.fa.gz | bgzip > ref.fa.bgz\` and index it with \`samtools faidx\``
    );
  }
  const magic = [
    [[66, 90, 104], "bzip2"],
    [[253, 55, 122, 88, 90], "xz"],
    [[40, 181, 47, 253], "zstd"],
    [[80, 75, 3, 4], "zip"]
  ];
  for (const [bytes, kind] of magic) {
    if (bytes.every((b, i) => head[i] === b))
      throw new ReadforgeError(
        `${name}: compressed with ${kind}, which cannot be read by region: use plain FASTA or bgzip (with its .fai and .gzi)`
      );
  }
  const first = head.find((b) => b !== 32 && b !== 9 && b !== 10 && b !== 13);
  if (first !== void 0 && first !== 62) {
    throw new ReadforgeError(
      `${name}: neither FASTA nor bgzip (it starts with byte 0x${first.toString(16).padStart(2, "0")}${head.length >= 1 && first >= 32 && first < 127 ? ` '${String.fromCharCode(first)}'` : ""}, not '>')`
    );
  }
  return "fasta";
}
__name(fastaFormat, "fastaFormat");
async function openRemoteFasta(module, urls, options = {}) {
  const file = new RemoteFile(urls.url, options);
  const index = { url: urls.url, options };
  const [head, faiText] = await Promise.all([
    file.head(32),
    urls.faiText ?? readIndex({ ...index, given: urls.faiUrl, suffix: ".fai" }, (f) => f.text())
  ]);
  if (fastaFormat(head, file.name) === "fasta") return { file, faiText };
  const gzi = await readIndex({ ...index, given: urls.gziUrl, suffix: ".gzi" }, (f) => f.bytes());
  return { file, faiText, bgzf: { module, gzi } };
}
__name(openRemoteFasta, "openRemoteFasta");
async function readIndex(where, read) {
  const beside = besideUrl(where.url, where.suffix);
  try {
    return await read(new RemoteFile(where.given || beside, where.options));
  } catch (error) {
    if (where.given || !beside.includes("?") || !(error instanceof ReadforgeError)) throw error;
    throw new ReadforgeError(
      `${error.message} (a presigned reference's index needs its own presigned URL: --${where.suffix.slice(1)} URL)`
    );
  }
}
__name(readIndex, "readIndex");

// ../engine/remote-vcf.ts
var MAX_BLOCK = 65536;
function vcfRegions(spans) {
  return spans.map((s) => ({ contig: s.contig, begin: Math.max(0, s.begin - 2e4), end: s.end }));
}
__name(vcfRegions, "vcfRegions");
async function findIndex(url) {
  if (!/\.b?gz$/.test(new URL(url).pathname)) return null;
  for (const suffix of [".tbi", ".csi"]) {
    const bytes = await new RemoteFile(url + suffix).bytesIfExists();
    if (bytes) return bgzfInflateAll(bytes);
  }
  return null;
}
__name(findIndex, "findIndex");
async function remoteVcf(module, file, regions) {
  const index = regions && await findIndex(file.url);
  if (!index) return decompressIfGzip(await file.stream());
  const { error, header, ranges } = module.tabixRanges(index, regions);
  if (error) throw new ReadforgeError(`${file.url}: its index: ${error}`);
  if (header.compressedEnd === 0 && header.offsetEnd === 0)
    return decompressIfGzip(await file.stream());
  let size = -1;
  async function* read(r) {
    if (!r.fetchEnd && size < 0) size = await file.size();
    const end = r.fetchEnd || Math.min(size, r.compressedEnd + MAX_BLOCK);
    const bytes = await file.range(r.compressedBegin, end);
    for await (const block of bgzfBlocks(bytes, r.compressedBegin)) {
      const from = block.offset === r.compressedBegin ? r.offsetBegin : 0;
      const last = block.offset === r.compressedEnd;
      const to = last ? r.offsetEnd : block.data.length;
      if (to > from) yield block.data.subarray(from, to);
      if (last) return;
    }
    if (r.offsetEnd > 0) throw new ReadforgeError(`${file.url}: shorter than its index says`);
  }
  __name(read, "read");
  async function* pieces() {
    const text = [];
    for await (const piece of read(header)) text.push(piece);
    const decoder = new TextDecoder("latin1");
    const headerText = text.map((piece) => decoder.decode(piece)).join("");
    if (!/(^|\n)#CHROM[^\n]*\n$/.test(headerText))
      throw new ReadforgeError(`${file.url}: no '#CHROM' line before its first record`);
    yield* text;
    for (const r of ranges) yield* read(r);
  }
  __name(pieces, "pieces");
  const iterator = pieces();
  return new ReadableStream(
    {
      async pull(controller) {
        const { value: value2, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(value2);
      },
      async cancel() {
        await iterator.return(void 0);
      }
    },
    { highWaterMark: 0 }
  );
}
__name(remoteVcf, "remoteVcf");

// references.ts
function pickReference(references, ref) {
  const names = references.map((r) => r.name).join(", ");
  if (!ref) throw new ApiError(400, "ref", `ref is required: one of ${names}`);
  const found = references.find((r) => r.name === ref || r.url === ref);
  if (!found) {
    throw new ApiError(
      403,
      "ref",
      `'${ref}' is not a reference this server serves (only configured references can be fetched): ${names}`
    );
  }
  return found;
}
__name(pickReference, "pickReference");
function accessOf(reference, env) {
  const prefix = reference.credentials;
  if (!prefix) return {};
  const accessKeyId = env[`${prefix}_ACCESS_KEY_ID`];
  const secretAccessKey = env[`${prefix}_SECRET_ACCESS_KEY`];
  if (typeof accessKeyId !== "string" || typeof secretAccessKey !== "string") {
    throw new ApiError(
      500,
      "ref",
      `the server is misconfigured: reference '${reference.name}' needs the secrets ${prefix}_ACCESS_KEY_ID and ${prefix}_SECRET_ACCESS_KEY (wrangler secret put)`
    );
  }
  const token = env[`${prefix}_SESSION_TOKEN`];
  return {
    fetch: signedFetch({
      accessKeyId,
      secretAccessKey,
      sessionToken: typeof token === "string" ? token : void 0,
      region: reference.region
    })
  };
}
__name(accessOf, "accessOf");
async function openReference(module, reference, env, options = {}) {
  try {
    return await openRemoteFasta(
      module,
      { url: reference.url, faiUrl: reference.fai, gziUrl: reference.gzi },
      { ...accessOf(reference, env), ...options }
    );
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(502, "ref", `cannot read ${reference.name}: ${error.message}`);
  }
}
__name(openReference, "openReference");
async function listReferences(module, references, env) {
  const list = [];
  for (const ref of references) {
    const { faiText } = await openReference(module, ref, env);
    const contigs = faiText.split("\n").filter(Boolean).map((line) => {
      const [name, length] = line.split("	");
      return { name, length: Number(length) };
    });
    list.push({ name: ref.name, url: displayName(ref.url), contigs });
  }
  return json(200, { references: list });
}
__name(listReferences, "listReferences");
var displayName = /* @__PURE__ */ __name((url) => url.split("?")[0], "displayName");

// profiles.ts
import illuminaLike from "./7eb2044d4e6bab4025453e6b2f85793fea10f709-illumina-like-2x150.profile";
var BUILT_IN_PROFILES = {
  "illumina-like-2x150": [illuminaLike]
};
var fetched = /* @__PURE__ */ new Map();
async function resolveProfile(name, configured) {
  const builtIn = BUILT_IN_PROFILES[name];
  if (builtIn) return { profileTexts: builtIn, profileNames: [name] };
  const urls = configured[name];
  if (!urls) return null;
  const list = Array.isArray(urls) ? urls : [urls];
  if (!fetched.has(name)) {
    const texts = Promise.all(list.map((url) => new RemoteFile(url).text()));
    texts.catch(() => fetched.delete(name));
    fetched.set(name, texts);
  }
  return { profileTexts: await fetched.get(name), profileNames: list };
}
__name(resolveProfile, "resolveProfile");
function profileNames(configured) {
  return [...Object.keys(BUILT_IN_PROFILES), ...Object.keys(configured)];
}
__name(profileNames, "profileNames");

// api.ts
var RESERVED = /* @__PURE__ */ new Set(["ref", "region", "format", "mate", "gzip", "shard", "profile"]);
var DEFAULT_BLOCK_SIZE = 262144;
var REFERENCE_READS = { chunkBytes: 1 << 17, inFlight: 1 };
var PIECE = 1 << 16;
async function fetchGaps(reference, env) {
  const url = reference.gaps ?? besideUrl(reference.url, ".gaps.bed");
  try {
    const file = new RemoteFile(url, accessOf(reference, env));
    const text = reference.gaps ? await file.text() : await file.textIfExists();
    return text === null ? null : { gapsText: text, gapsName: url };
  } catch (error) {
    throw new ApiError(
      502,
      "ref",
      `cannot read ${reference.name}'s N runs: ${error.message}`
    );
  }
}
__name(fetchGaps, "fetchGaps");
async function plan(module, url, config, env) {
  const params = url.searchParams;
  const reference = pickReference(config.references, params.get("ref"));
  const settings = [];
  for (const [name, value2] of params) {
    if (RESERVED.has(name)) continue;
    const problem2 = module.checkSettings([[name, value2]]);
    if (problem2) throw new ApiError(400, name, problem2);
    settings.push([name, value2]);
  }
  for (const region of params.getAll("region")) settings.push(["region", region]);
  const format = params.get("format") ?? "fastq";
  if (!["fastq", "interleaved", "vcf", "summary"].includes(format)) {
    throw new ApiError(
      400,
      "format",
      `format must be fastq, interleaved, vcf or summary, got '${format}'`
    );
  }
  const variantsName = params.get("variants");
  const variantsUrl = variantsName ? config.variants[variantsName] : void 0;
  if (variantsName && !variantsUrl) {
    const known = Object.keys(config.variants);
    throw new ApiError(
      400,
      "variants",
      `'${variantsName}' is not a VCF this server has${known.length ? `: ${known.join(", ")}` : " (none are configured)"}`
    );
  }
  const profileName = params.get("profile");
  const profile = profileName ? await resolveProfile(profileName, config.profiles) : null;
  if (profileName && !profile) {
    throw new ApiError(
      400,
      "profile",
      `'${profileName}' is not a profile this server has: ${profileNames(config.profiles).join(", ")}`
    );
  }
  if (format === "interleaved") settings.push(["interleaved", "1"]);
  if (format === "vcf") settings.push(["vcf", "1"]);
  if (params.get("gzip") === "1") settings.push(["gzip", "1"]);
  const mate = params.get("mate") ?? "1";
  if (mate !== "1" && mate !== "2")
    throw new ApiError(400, "mate", `mate must be 1 or 2, got '${mate}'`);
  let seed = settings.find(([n]) => n === "S" || n === "seed")?.[1] ?? "";
  if (!seed) {
    const words = crypto.getRandomValues(new Uint32Array(2));
    seed = (BigInt(words[0]) << 32n | BigInt(words[1])).toString();
    settings.push(["seed", seed]);
  }
  const problem = module.checkSettings(settings);
  if (problem) throw new ApiError(400, null, problem);
  const fasta = await openReference(module, reference, env);
  const pairsMode = !settings.some(([n]) => n === "C" || n === "coverage");
  const gaps = pairsMode ? await fetchGaps(reference, env) : null;
  const sim = new module.Simulator(settings, { faiText: fasta.faiText, ...gaps, ...profile });
  let spans;
  try {
    const error = sim.start();
    const parameter = error.startsWith("region") ? "region" : error.includes("quality profile") ? "profile" : null;
    if (error) throw new ApiError(400, parameter, error);
    spans = sim.spans();
  } finally {
    sim.delete();
  }
  enforceLimits(settings, spans, config.limits);
  const shard = params.get("shard");
  if (shard) settings.push(...shardSettings(shard, settings, spans));
  const paired = !settings.some(([n, v]) => (n === "2" || n === "read2-length") && v === "0");
  const stream = format === "vcf" ? OutputStream.Vcf : mate === "2" && paired && format !== "interleaved" ? OutputStream.Read2 : OutputStream.Read1;
  return {
    settings,
    stream,
    summary: format === "summary",
    variantsUrl,
    gzip: params.get("gzip") === "1",
    profile,
    reference,
    fasta,
    gaps,
    pairsMode,
    seed
  };
}
__name(plan, "plan");
function value(settings, names, fallback) {
  const found = settings.filter(([n]) => names.includes(n)).at(-1);
  return found ? Number(found[1]) : fallback;
}
__name(value, "value");
function enforceLimits(settings, spans, limits) {
  const bases = spans.reduce((sum, s) => sum + (s.end - s.begin), 0);
  if (bases > limits.maxRegionBases) {
    throw new ApiError(
      400,
      "region",
      `the regions hold ${bases} bases; this server allows ${limits.maxRegionBases} per request`
    );
  }
  const l1 = value(settings, ["1", "read1-length"], 70);
  const l2 = value(settings, ["2", "read2-length"], 70);
  const coverage = value(settings, ["C", "coverage"], 0);
  const pairs = coverage > 0 ? coverage * bases / Math.max(1, l1 + l2) : value(settings, ["N", "pairs"], 1e6);
  const name = coverage > 0 ? "C" : "N";
  if (pairs > limits.maxPairs)
    throw new ApiError(
      400,
      name,
      `${Math.round(pairs)} read pairs asked; this server allows ${limits.maxPairs} per request`
    );
  const bytes = pairs * (2 * (l1 + l2) + 2 * 120);
  if (bytes > limits.maxOutputBytes)
    throw new ApiError(
      400,
      name,
      `about ${Math.round(bytes / 1e9)} GB of output asked; this server allows ${limits.maxOutputBytes / 1e9} GB per request`
    );
}
__name(enforceLimits, "enforceLimits");
function shardSettings(shard, settings, spans) {
  const match = /^(\d+)\/(\d+)$/.exec(shard);
  const i = match ? Number(match[1]) : NaN;
  const k = match ? Number(match[2]) : NaN;
  if (!(k >= 1 && k <= 1e4 && i >= 0 && i < k))
    throw new ApiError(400, "shard", `shard must be i/k with 0 <= i < k <= 10000, got '${shard}'`);
  const size = value(settings, ["block-size"], DEFAULT_BLOCK_SIZE);
  const blocks = spans.reduce((sum, s) => sum + Math.ceil((s.end - s.begin) / size), 0);
  return [
    ["first-block", String(Math.floor(i * blocks / k))],
    ["end-block", String(Math.floor((i + 1) * blocks / k))]
  ];
}
__name(shardSettings, "shardSettings");
async function simulateResponse(module, url, config, env) {
  const release = admit(config.limits.maxConcurrentRuns);
  try {
    return await startRun(module, url, config, env, release);
  } catch (error) {
    release();
    throw error;
  }
}
__name(simulateResponse, "simulateResponse");
async function startRun(module, url, config, env, release) {
  const { limits } = config;
  const p = await plan(module, url, config, env);
  const { file, bgzf } = p.fasta;
  const request = { settings: p.settings, faiText: p.fasta.faiText, ...p.gaps, ...p.profile };
  if (p.pairsMode && !p.gaps) {
    try {
      request.gapsText = await measureSpans(
        module,
        request,
        remoteSpans(file, REFERENCE_READS, bgzf)
      );
    } catch (error) {
      throw new ApiError(502, "ref", `cannot measure ${file.name}: ${error.message}`);
    }
  }
  const variants = /* @__PURE__ */ __name(async () => {
    if (!p.variantsUrl) return void 0;
    const vcfFile = new RemoteFile(p.variantsUrl);
    try {
      const regions = vcfRegions(plannedSpans(module, request));
      return await remoteVcf(module, vcfFile, regions);
    } catch (error) {
      throw new ApiError(
        502,
        "variants",
        `cannot read ${vcfFile.name}: ${error.message}`
      );
    }
  }, "variants");
  const vcf = await variants();
  if (p.summary) {
    try {
      return await summaryResponse(
        module,
        request,
        remoteSpans(file, REFERENCE_READS, bgzf),
        vcf,
        p.seed
      );
    } finally {
      release();
    }
  }
  let written = 0;
  const output = pullStream(async (write, signal) => {
    try {
      await simulate(module, request, remoteSpans(file, { ...REFERENCE_READS, signal }, bgzf), {
        signal,
        variants: vcf,
        maxChunk: REFERENCE_READS.chunkBytes,
        // the engine's input buffer: no larger than reads
        onOutput: /* @__PURE__ */ __name(async (stream, bytes) => {
          if (stream !== p.stream) return;
          written += bytes.length;
          if (written > limits.maxOutputBytes)
            throw new ReadforgeError("the output passed this server's limit");
          const { byteOffset, length } = bytes;
          for (let at = 0; at < length; at += PIECE) {
            const end = byteOffset + Math.min(at + PIECE, length);
            await write(
              new Uint8Array(module.HEAP8.buffer, byteOffset + at, end - byteOffset - at)
            );
          }
        }, "onOutput")
      });
    } finally {
      release();
    }
  }, release);
  return new Response(output, {
    headers: {
      // gzip=1 asks for a .gz file (not transfer compression): clients keep the bytes as sent.
      "Content-Type": p.gzip ? "application/gzip" : "text/plain; charset=utf-8",
      "X-Readforge-Seed": p.seed,
      "X-Readforge-Expected-Error-Rate": expectedErrorRate(module, p),
      "Cache-Control": "no-store"
    }
  });
}
__name(startRun, "startRun");
function expectedErrorRate(module, p) {
  const l1 = value(p.settings, ["1", "read1-length"], 70);
  const l2 = value(p.settings, ["2", "read2-length"], 70);
  if (!p.profile) return String(value(p.settings, ["e", "error-rate"], 0.02));
  const [first, second] = p.profile.profileTexts.map((t) => module.describeProfile(t, l1, l2));
  const [r1, r2] = second ? [first.expectedErrorRate[0], second.expectedErrorRate[0]] : first.expectedErrorRate;
  return ((l1 * r1 + l2 * r2) / Math.max(1, l1 + l2)).toPrecision(4);
}
__name(expectedErrorRate, "expectedErrorRate");
async function summaryResponse(module, request, input, variants, seed) {
  const { stats, warnings } = await simulate(module, request, input, {
    onOutput: /* @__PURE__ */ __name(() => {
    }, "onOutput"),
    variants
  });
  return json(200, {
    seed,
    summary: module.summaryLine(stats.pairs, stats.readBases, stats.errors, stats.contigs),
    pairs: stats.pairs,
    readBases: stats.readBases,
    errors: stats.errors,
    errorRate: stats.readBases ? stats.errors / stats.readBases : 0,
    snps: stats.snps,
    insertions: stats.insertions,
    deletions: stats.deletions,
    warnings
  });
}
__name(summaryResponse, "summaryResponse");

// config.ts
var DEFAULT_LIMITS = {
  maxPairs: 2e7,
  maxRegionBases: 4e9,
  maxOutputBytes: 16e9,
  maxConcurrentRuns: 16
};
function readConfig(env) {
  const references = JSON.parse(env.REFERENCES);
  const limits = {
    ...DEFAULT_LIMITS,
    ...env.LIMITS ? JSON.parse(env.LIMITS) : {}
  };
  const profiles = env.PROFILES ? JSON.parse(env.PROFILES) : {};
  const variants = env.VARIANTS ? JSON.parse(env.VARIANTS) : {};
  return { references, limits, profiles, variants };
}
__name(readConfig, "readConfig");

// ../../../build-wasm/readforge.mjs
var createReadforge = (() => {
  var _scriptDir = import.meta.url;
  return (function(createReadforge2) {
    createReadforge2 = createReadforge2 || {};
    var Module = typeof createReadforge2 != "undefined" ? createReadforge2 : {};
    var readyPromiseResolve, readyPromiseReject;
    Module["ready"] = new Promise(function(resolve, reject) {
      readyPromiseResolve = resolve;
      readyPromiseReject = reject;
    });
    var moduleOverrides = Object.assign({}, Module);
    var arguments_ = [];
    var thisProgram = "./this.program";
    var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
      throw toThrow;
    }, "quit_");
    var ENVIRONMENT_IS_WEB = typeof window == "object";
    var ENVIRONMENT_IS_WORKER = typeof importScripts == "function";
    var ENVIRONMENT_IS_NODE = typeof process == "object" && typeof process.versions == "object" && typeof process.versions.node == "string";
    var scriptDirectory = "";
    function locateFile(path) {
      if (Module["locateFile"]) {
        return Module["locateFile"](path, scriptDirectory);
      }
      return scriptDirectory + path;
    }
    __name(locateFile, "locateFile");
    var read_, readAsync, readBinary, setWindowTitle;
    if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
      if (ENVIRONMENT_IS_WORKER) {
        scriptDirectory = self.location.href;
      } else if (typeof document != "undefined" && document.currentScript) {
        scriptDirectory = document.currentScript.src;
      }
      if (_scriptDir) {
        scriptDirectory = _scriptDir;
      }
      if (scriptDirectory.indexOf("blob:") !== 0) {
        scriptDirectory = scriptDirectory.substr(0, scriptDirectory.replace(/[?#].*/, "").lastIndexOf("/") + 1);
      } else {
        scriptDirectory = "";
      }
      {
        read_ = /* @__PURE__ */ __name(((url) => {
          var xhr = new XMLHttpRequest();
          xhr.open("GET", url, false);
          xhr.send(null);
          return xhr.responseText;
        }), "read_");
        if (ENVIRONMENT_IS_WORKER) {
          readBinary = /* @__PURE__ */ __name(((url) => {
            var xhr = new XMLHttpRequest();
            xhr.open("GET", url, false);
            xhr.responseType = "arraybuffer";
            xhr.send(null);
            return new Uint8Array(xhr.response);
          }), "readBinary");
        }
        readAsync = /* @__PURE__ */ __name(((url, onload, onerror) => {
          var xhr = new XMLHttpRequest();
          xhr.open("GET", url, true);
          xhr.responseType = "arraybuffer";
          xhr.onload = (() => {
            if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
              onload(xhr.response);
              return;
            }
            onerror();
          });
          xhr.onerror = onerror;
          xhr.send(null);
        }), "readAsync");
      }
      setWindowTitle = /* @__PURE__ */ __name(((title) => document.title = title), "setWindowTitle");
    } else {
    }
    var out = Module["print"] || console.log.bind(console);
    var err = Module["printErr"] || console.warn.bind(console);
    Object.assign(Module, moduleOverrides);
    moduleOverrides = null;
    if (Module["arguments"]) arguments_ = Module["arguments"];
    if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
    if (Module["quit"]) quit_ = Module["quit"];
    var wasmBinary;
    if (Module["wasmBinary"]) wasmBinary = Module["wasmBinary"];
    var noExitRuntime = Module["noExitRuntime"] || true;
    if (typeof WebAssembly != "object") {
      abort("no native wasm support detected");
    }
    var wasmMemory;
    var ABORT = false;
    var EXITSTATUS;
    function assert(condition, text) {
      if (!condition) {
        abort(text);
      }
    }
    __name(assert, "assert");
    var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder("utf8") : void 0;
    function UTF8ArrayToString(heap, idx, maxBytesToRead) {
      var endIdx = idx + maxBytesToRead;
      var endPtr = idx;
      while (heap[endPtr] && !(endPtr >= endIdx)) ++endPtr;
      if (endPtr - idx > 16 && heap.subarray && UTF8Decoder) {
        return UTF8Decoder.decode(heap.subarray(idx, endPtr));
      } else {
        var str = "";
        while (idx < endPtr) {
          var u0 = heap[idx++];
          if (!(u0 & 128)) {
            str += String.fromCharCode(u0);
            continue;
          }
          var u1 = heap[idx++] & 63;
          if ((u0 & 224) == 192) {
            str += String.fromCharCode((u0 & 31) << 6 | u1);
            continue;
          }
          var u2 = heap[idx++] & 63;
          if ((u0 & 240) == 224) {
            u0 = (u0 & 15) << 12 | u1 << 6 | u2;
          } else {
            u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heap[idx++] & 63;
          }
          if (u0 < 65536) {
            str += String.fromCharCode(u0);
          } else {
            var ch = u0 - 65536;
            str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
          }
        }
      }
      return str;
    }
    __name(UTF8ArrayToString, "UTF8ArrayToString");
    function UTF8ToString(ptr, maxBytesToRead) {
      return ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead) : "";
    }
    __name(UTF8ToString, "UTF8ToString");
    function stringToUTF8Array(str, heap, outIdx, maxBytesToWrite) {
      if (!(maxBytesToWrite > 0)) return 0;
      var startIdx = outIdx;
      var endIdx = outIdx + maxBytesToWrite - 1;
      for (var i = 0; i < str.length; ++i) {
        var u = str.charCodeAt(i);
        if (u >= 55296 && u <= 57343) {
          var u1 = str.charCodeAt(++i);
          u = 65536 + ((u & 1023) << 10) | u1 & 1023;
        }
        if (u <= 127) {
          if (outIdx >= endIdx) break;
          heap[outIdx++] = u;
        } else if (u <= 2047) {
          if (outIdx + 1 >= endIdx) break;
          heap[outIdx++] = 192 | u >> 6;
          heap[outIdx++] = 128 | u & 63;
        } else if (u <= 65535) {
          if (outIdx + 2 >= endIdx) break;
          heap[outIdx++] = 224 | u >> 12;
          heap[outIdx++] = 128 | u >> 6 & 63;
          heap[outIdx++] = 128 | u & 63;
        } else {
          if (outIdx + 3 >= endIdx) break;
          heap[outIdx++] = 240 | u >> 18;
          heap[outIdx++] = 128 | u >> 12 & 63;
          heap[outIdx++] = 128 | u >> 6 & 63;
          heap[outIdx++] = 128 | u & 63;
        }
      }
      heap[outIdx] = 0;
      return outIdx - startIdx;
    }
    __name(stringToUTF8Array, "stringToUTF8Array");
    function stringToUTF8(str, outPtr, maxBytesToWrite) {
      return stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite);
    }
    __name(stringToUTF8, "stringToUTF8");
    function lengthBytesUTF8(str) {
      var len = 0;
      for (var i = 0; i < str.length; ++i) {
        var u = str.charCodeAt(i);
        if (u >= 55296 && u <= 57343) u = 65536 + ((u & 1023) << 10) | str.charCodeAt(++i) & 1023;
        if (u <= 127) ++len;
        else if (u <= 2047) len += 2;
        else if (u <= 65535) len += 3;
        else len += 4;
      }
      return len;
    }
    __name(lengthBytesUTF8, "lengthBytesUTF8");
    var UTF16Decoder = typeof TextDecoder != "undefined" ? new TextDecoder("utf-16le") : void 0;
    function UTF16ToString(ptr, maxBytesToRead) {
      var endPtr = ptr;
      var idx = endPtr >> 1;
      var maxIdx = idx + maxBytesToRead / 2;
      while (!(idx >= maxIdx) && HEAPU16[idx]) ++idx;
      endPtr = idx << 1;
      if (endPtr - ptr > 32 && UTF16Decoder) {
        return UTF16Decoder.decode(HEAPU8.subarray(ptr, endPtr));
      } else {
        var str = "";
        for (var i = 0; !(i >= maxBytesToRead / 2); ++i) {
          var codeUnit = HEAP16[ptr + i * 2 >> 1];
          if (codeUnit == 0) break;
          str += String.fromCharCode(codeUnit);
        }
        return str;
      }
    }
    __name(UTF16ToString, "UTF16ToString");
    function stringToUTF16(str, outPtr, maxBytesToWrite) {
      if (maxBytesToWrite === void 0) {
        maxBytesToWrite = 2147483647;
      }
      if (maxBytesToWrite < 2) return 0;
      maxBytesToWrite -= 2;
      var startPtr = outPtr;
      var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
      for (var i = 0; i < numCharsToWrite; ++i) {
        var codeUnit = str.charCodeAt(i);
        HEAP16[outPtr >> 1] = codeUnit;
        outPtr += 2;
      }
      HEAP16[outPtr >> 1] = 0;
      return outPtr - startPtr;
    }
    __name(stringToUTF16, "stringToUTF16");
    function lengthBytesUTF16(str) {
      return str.length * 2;
    }
    __name(lengthBytesUTF16, "lengthBytesUTF16");
    function UTF32ToString(ptr, maxBytesToRead) {
      var i = 0;
      var str = "";
      while (!(i >= maxBytesToRead / 4)) {
        var utf32 = HEAP32[ptr + i * 4 >> 2];
        if (utf32 == 0) break;
        ++i;
        if (utf32 >= 65536) {
          var ch = utf32 - 65536;
          str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
        } else {
          str += String.fromCharCode(utf32);
        }
      }
      return str;
    }
    __name(UTF32ToString, "UTF32ToString");
    function stringToUTF32(str, outPtr, maxBytesToWrite) {
      if (maxBytesToWrite === void 0) {
        maxBytesToWrite = 2147483647;
      }
      if (maxBytesToWrite < 4) return 0;
      var startPtr = outPtr;
      var endPtr = startPtr + maxBytesToWrite - 4;
      for (var i = 0; i < str.length; ++i) {
        var codeUnit = str.charCodeAt(i);
        if (codeUnit >= 55296 && codeUnit <= 57343) {
          var trailSurrogate = str.charCodeAt(++i);
          codeUnit = 65536 + ((codeUnit & 1023) << 10) | trailSurrogate & 1023;
        }
        HEAP32[outPtr >> 2] = codeUnit;
        outPtr += 4;
        if (outPtr + 4 > endPtr) break;
      }
      HEAP32[outPtr >> 2] = 0;
      return outPtr - startPtr;
    }
    __name(stringToUTF32, "stringToUTF32");
    function lengthBytesUTF32(str) {
      var len = 0;
      for (var i = 0; i < str.length; ++i) {
        var codeUnit = str.charCodeAt(i);
        if (codeUnit >= 55296 && codeUnit <= 57343) ++i;
        len += 4;
      }
      return len;
    }
    __name(lengthBytesUTF32, "lengthBytesUTF32");
    function writeArrayToMemory(array, buffer2) {
      HEAP8.set(array, buffer2);
    }
    __name(writeArrayToMemory, "writeArrayToMemory");
    function writeAsciiToMemory(str, buffer2, dontAddNull) {
      for (var i = 0; i < str.length; ++i) {
        HEAP8[buffer2++ >> 0] = str.charCodeAt(i);
      }
      if (!dontAddNull) HEAP8[buffer2 >> 0] = 0;
    }
    __name(writeAsciiToMemory, "writeAsciiToMemory");
    var buffer, HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAPF64;
    function updateGlobalBufferAndViews(buf) {
      buffer = buf;
      Module["HEAP8"] = HEAP8 = new Int8Array(buf);
      Module["HEAP16"] = HEAP16 = new Int16Array(buf);
      Module["HEAP32"] = HEAP32 = new Int32Array(buf);
      Module["HEAPU8"] = HEAPU8 = new Uint8Array(buf);
      Module["HEAPU16"] = HEAPU16 = new Uint16Array(buf);
      Module["HEAPU32"] = HEAPU32 = new Uint32Array(buf);
      Module["HEAPF32"] = HEAPF32 = new Float32Array(buf);
      Module["HEAPF64"] = HEAPF64 = new Float64Array(buf);
    }
    __name(updateGlobalBufferAndViews, "updateGlobalBufferAndViews");
    var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 8388608;
    var wasmTable;
    var __ATPRERUN__ = [];
    var __ATINIT__ = [];
    var __ATPOSTRUN__ = [];
    var runtimeInitialized = false;
    function preRun() {
      if (Module["preRun"]) {
        if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
        while (Module["preRun"].length) {
          addOnPreRun(Module["preRun"].shift());
        }
      }
      callRuntimeCallbacks(__ATPRERUN__);
    }
    __name(preRun, "preRun");
    function initRuntime() {
      runtimeInitialized = true;
      callRuntimeCallbacks(__ATINIT__);
    }
    __name(initRuntime, "initRuntime");
    function postRun() {
      if (Module["postRun"]) {
        if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
        while (Module["postRun"].length) {
          addOnPostRun(Module["postRun"].shift());
        }
      }
      callRuntimeCallbacks(__ATPOSTRUN__);
    }
    __name(postRun, "postRun");
    function addOnPreRun(cb) {
      __ATPRERUN__.unshift(cb);
    }
    __name(addOnPreRun, "addOnPreRun");
    function addOnInit(cb) {
      __ATINIT__.unshift(cb);
    }
    __name(addOnInit, "addOnInit");
    function addOnPostRun(cb) {
      __ATPOSTRUN__.unshift(cb);
    }
    __name(addOnPostRun, "addOnPostRun");
    var runDependencies = 0;
    var runDependencyWatcher = null;
    var dependenciesFulfilled = null;
    function addRunDependency(id) {
      runDependencies++;
      if (Module["monitorRunDependencies"]) {
        Module["monitorRunDependencies"](runDependencies);
      }
    }
    __name(addRunDependency, "addRunDependency");
    function removeRunDependency(id) {
      runDependencies--;
      if (Module["monitorRunDependencies"]) {
        Module["monitorRunDependencies"](runDependencies);
      }
      if (runDependencies == 0) {
        if (runDependencyWatcher !== null) {
          clearInterval(runDependencyWatcher);
          runDependencyWatcher = null;
        }
        if (dependenciesFulfilled) {
          var callback = dependenciesFulfilled;
          dependenciesFulfilled = null;
          callback();
        }
      }
    }
    __name(removeRunDependency, "removeRunDependency");
    Module["preloadedImages"] = {};
    Module["preloadedAudios"] = {};
    function abort(what) {
      {
        if (Module["onAbort"]) {
          Module["onAbort"](what);
        }
      }
      what = "Aborted(" + what + ")";
      err(what);
      ABORT = true;
      EXITSTATUS = 1;
      what += ". Build with -s ASSERTIONS=1 for more info.";
      var e = new WebAssembly.RuntimeError(what);
      readyPromiseReject(e);
      throw e;
    }
    __name(abort, "abort");
    var dataURIPrefix = "data:application/octet-stream;base64,";
    function isDataURI(filename) {
      return filename.startsWith(dataURIPrefix);
    }
    __name(isDataURI, "isDataURI");
    var wasmBinaryFile;
    if (Module["locateFile"]) {
      wasmBinaryFile = "readforge.wasm";
      if (!isDataURI(wasmBinaryFile)) {
        wasmBinaryFile = locateFile(wasmBinaryFile);
      }
    } else {
      wasmBinaryFile = new URL("readforge.wasm", import.meta.url).toString();
    }
    function getBinary(file) {
      try {
        if (file == wasmBinaryFile && wasmBinary) {
          return new Uint8Array(wasmBinary);
        }
        if (readBinary) {
          return readBinary(file);
        } else {
          throw "both async and sync fetching of the wasm failed";
        }
      } catch (err2) {
        abort(err2);
      }
    }
    __name(getBinary, "getBinary");
    function getBinaryPromise() {
      if (!wasmBinary && (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER)) {
        if (typeof fetch == "function") {
          return fetch(wasmBinaryFile, { credentials: "same-origin" }).then(function(response) {
            if (!response["ok"]) {
              throw "failed to load wasm binary file at '" + wasmBinaryFile + "'";
            }
            return response["arrayBuffer"]();
          }).catch(function() {
            return getBinary(wasmBinaryFile);
          });
        }
      }
      return Promise.resolve().then(function() {
        return getBinary(wasmBinaryFile);
      });
    }
    __name(getBinaryPromise, "getBinaryPromise");
    function createWasm() {
      var info = { "a": asmLibraryArg };
      function receiveInstance(instance, module) {
        var exports2 = instance.exports;
        Module["asm"] = exports2;
        wasmMemory = Module["asm"]["I"];
        updateGlobalBufferAndViews(wasmMemory.buffer);
        wasmTable = Module["asm"]["L"];
        addOnInit(Module["asm"]["J"]);
        removeRunDependency("wasm-instantiate");
      }
      __name(receiveInstance, "receiveInstance");
      addRunDependency("wasm-instantiate");
      function receiveInstantiationResult(result) {
        receiveInstance(result["instance"]);
      }
      __name(receiveInstantiationResult, "receiveInstantiationResult");
      function instantiateArrayBuffer(receiver) {
        return getBinaryPromise().then(function(binary) {
          return WebAssembly.instantiate(binary, info);
        }).then(function(instance) {
          return instance;
        }).then(receiver, function(reason) {
          err("failed to asynchronously prepare wasm: " + reason);
          abort(reason);
        });
      }
      __name(instantiateArrayBuffer, "instantiateArrayBuffer");
      function instantiateAsync() {
        if (!wasmBinary && typeof WebAssembly.instantiateStreaming == "function" && !isDataURI(wasmBinaryFile) && typeof fetch == "function") {
          return fetch(wasmBinaryFile, { credentials: "same-origin" }).then(function(response) {
            var result = WebAssembly.instantiateStreaming(response, info);
            return result.then(receiveInstantiationResult, function(reason) {
              err("wasm streaming compile failed: " + reason);
              err("falling back to ArrayBuffer instantiation");
              return instantiateArrayBuffer(receiveInstantiationResult);
            });
          });
        } else {
          return instantiateArrayBuffer(receiveInstantiationResult);
        }
      }
      __name(instantiateAsync, "instantiateAsync");
      if (Module["instantiateWasm"]) {
        try {
          var exports = Module["instantiateWasm"](info, receiveInstance);
          return exports;
        } catch (e) {
          err("Module.instantiateWasm callback failed with error: " + e);
          return false;
        }
      }
      instantiateAsync().catch(readyPromiseReject);
      return {};
    }
    __name(createWasm, "createWasm");
    function callRuntimeCallbacks(callbacks) {
      while (callbacks.length > 0) {
        var callback = callbacks.shift();
        if (typeof callback == "function") {
          callback(Module);
          continue;
        }
        var func = callback.func;
        if (typeof func == "number") {
          if (callback.arg === void 0) {
            getWasmTableEntry(func)();
          } else {
            getWasmTableEntry(func)(callback.arg);
          }
        } else {
          func(callback.arg === void 0 ? null : callback.arg);
        }
      }
    }
    __name(callRuntimeCallbacks, "callRuntimeCallbacks");
    var wasmTableMirror = [];
    function getWasmTableEntry(funcPtr) {
      var func = wasmTableMirror[funcPtr];
      if (!func) {
        if (funcPtr >= wasmTableMirror.length) wasmTableMirror.length = funcPtr + 1;
        wasmTableMirror[funcPtr] = func = wasmTable.get(funcPtr);
      }
      return func;
    }
    __name(getWasmTableEntry, "getWasmTableEntry");
    function __embind_register_bigint(primitiveType, name, size, minRange, maxRange) {
    }
    __name(__embind_register_bigint, "__embind_register_bigint");
    function getShiftFromSize(size) {
      switch (size) {
        case 1:
          return 0;
        case 2:
          return 1;
        case 4:
          return 2;
        case 8:
          return 3;
        default:
          throw new TypeError("Unknown type size: " + size);
      }
    }
    __name(getShiftFromSize, "getShiftFromSize");
    function embind_init_charCodes() {
      var codes = new Array(256);
      for (var i = 0; i < 256; ++i) {
        codes[i] = String.fromCharCode(i);
      }
      embind_charCodes = codes;
    }
    __name(embind_init_charCodes, "embind_init_charCodes");
    var embind_charCodes = void 0;
    function readLatin1String(ptr) {
      var ret = "";
      var c = ptr;
      while (HEAPU8[c]) {
        ret += embind_charCodes[HEAPU8[c++]];
      }
      return ret;
    }
    __name(readLatin1String, "readLatin1String");
    var awaitingDependencies = {};
    var registeredTypes = {};
    var typeDependencies = {};
    var char_0 = 48;
    var char_9 = 57;
    function makeLegalFunctionName(name) {
      if (void 0 === name) {
        return "_unknown";
      }
      name = name.replace(/[^a-zA-Z0-9_]/g, "$");
      var f = name.charCodeAt(0);
      if (f >= char_0 && f <= char_9) {
        return "_" + name;
      } else {
        return name;
      }
    }
    __name(makeLegalFunctionName, "makeLegalFunctionName");
    function createNamedFunction(name, body) {
      name = makeLegalFunctionName(name);
      return function() {
        null;
        return body.apply(this, arguments);
      };
    }
    __name(createNamedFunction, "createNamedFunction");
    function extendError(baseErrorType, errorName) {
      var errorClass = createNamedFunction(errorName, function(message) {
        this.name = errorName;
        this.message = message;
        var stack = new Error(message).stack;
        if (stack !== void 0) {
          this.stack = this.toString() + "\n" + stack.replace(/^Error(:[^\n]*)?\n/, "");
        }
      });
      errorClass.prototype = Object.create(baseErrorType.prototype);
      errorClass.prototype.constructor = errorClass;
      errorClass.prototype.toString = function() {
        if (this.message === void 0) {
          return this.name;
        } else {
          return this.name + ": " + this.message;
        }
      };
      return errorClass;
    }
    __name(extendError, "extendError");
    var BindingError = void 0;
    function throwBindingError(message) {
      throw new BindingError(message);
    }
    __name(throwBindingError, "throwBindingError");
    var InternalError = void 0;
    function throwInternalError(message) {
      throw new InternalError(message);
    }
    __name(throwInternalError, "throwInternalError");
    function whenDependentTypesAreResolved(myTypes, dependentTypes, getTypeConverters) {
      myTypes.forEach(function(type) {
        typeDependencies[type] = dependentTypes;
      });
      function onComplete(typeConverters2) {
        var myTypeConverters = getTypeConverters(typeConverters2);
        if (myTypeConverters.length !== myTypes.length) {
          throwInternalError("Mismatched type converter count");
        }
        for (var i = 0; i < myTypes.length; ++i) {
          registerType(myTypes[i], myTypeConverters[i]);
        }
      }
      __name(onComplete, "onComplete");
      var typeConverters = new Array(dependentTypes.length);
      var unregisteredTypes = [];
      var registered = 0;
      dependentTypes.forEach(function(dt, i) {
        if (registeredTypes.hasOwnProperty(dt)) {
          typeConverters[i] = registeredTypes[dt];
        } else {
          unregisteredTypes.push(dt);
          if (!awaitingDependencies.hasOwnProperty(dt)) {
            awaitingDependencies[dt] = [];
          }
          awaitingDependencies[dt].push(function() {
            typeConverters[i] = registeredTypes[dt];
            ++registered;
            if (registered === unregisteredTypes.length) {
              onComplete(typeConverters);
            }
          });
        }
      });
      if (0 === unregisteredTypes.length) {
        onComplete(typeConverters);
      }
    }
    __name(whenDependentTypesAreResolved, "whenDependentTypesAreResolved");
    function registerType(rawType, registeredInstance, options = {}) {
      if (!("argPackAdvance" in registeredInstance)) {
        throw new TypeError("registerType registeredInstance requires argPackAdvance");
      }
      var name = registeredInstance.name;
      if (!rawType) {
        throwBindingError('type "' + name + '" must have a positive integer typeid pointer');
      }
      if (registeredTypes.hasOwnProperty(rawType)) {
        if (options.ignoreDuplicateRegistrations) {
          return;
        } else {
          throwBindingError("Cannot register type '" + name + "' twice");
        }
      }
      registeredTypes[rawType] = registeredInstance;
      delete typeDependencies[rawType];
      if (awaitingDependencies.hasOwnProperty(rawType)) {
        var callbacks = awaitingDependencies[rawType];
        delete awaitingDependencies[rawType];
        callbacks.forEach(function(cb) {
          cb();
        });
      }
    }
    __name(registerType, "registerType");
    function __embind_register_bool(rawType, name, size, trueValue, falseValue) {
      var shift = getShiftFromSize(size);
      name = readLatin1String(name);
      registerType(rawType, { name, "fromWireType": /* @__PURE__ */ __name(function(wt) {
        return !!wt;
      }, "fromWireType"), "toWireType": /* @__PURE__ */ __name(function(destructors, o) {
        return o ? trueValue : falseValue;
      }, "toWireType"), "argPackAdvance": 8, "readValueFromPointer": /* @__PURE__ */ __name(function(pointer) {
        var heap;
        if (size === 1) {
          heap = HEAP8;
        } else if (size === 2) {
          heap = HEAP16;
        } else if (size === 4) {
          heap = HEAP32;
        } else {
          throw new TypeError("Unknown boolean type size: " + name);
        }
        return this["fromWireType"](heap[pointer >> shift]);
      }, "readValueFromPointer"), destructorFunction: null });
    }
    __name(__embind_register_bool, "__embind_register_bool");
    function ClassHandle_isAliasOf(other) {
      if (!(this instanceof ClassHandle)) {
        return false;
      }
      if (!(other instanceof ClassHandle)) {
        return false;
      }
      var leftClass = this.$$.ptrType.registeredClass;
      var left = this.$$.ptr;
      var rightClass = other.$$.ptrType.registeredClass;
      var right = other.$$.ptr;
      while (leftClass.baseClass) {
        left = leftClass.upcast(left);
        leftClass = leftClass.baseClass;
      }
      while (rightClass.baseClass) {
        right = rightClass.upcast(right);
        rightClass = rightClass.baseClass;
      }
      return leftClass === rightClass && left === right;
    }
    __name(ClassHandle_isAliasOf, "ClassHandle_isAliasOf");
    function shallowCopyInternalPointer(o) {
      return { count: o.count, deleteScheduled: o.deleteScheduled, preservePointerOnDelete: o.preservePointerOnDelete, ptr: o.ptr, ptrType: o.ptrType, smartPtr: o.smartPtr, smartPtrType: o.smartPtrType };
    }
    __name(shallowCopyInternalPointer, "shallowCopyInternalPointer");
    function throwInstanceAlreadyDeleted(obj) {
      function getInstanceTypeName(handle) {
        return handle.$$.ptrType.registeredClass.name;
      }
      __name(getInstanceTypeName, "getInstanceTypeName");
      throwBindingError(getInstanceTypeName(obj) + " instance already deleted");
    }
    __name(throwInstanceAlreadyDeleted, "throwInstanceAlreadyDeleted");
    var finalizationRegistry = false;
    function detachFinalizer(handle) {
    }
    __name(detachFinalizer, "detachFinalizer");
    function runDestructor($$) {
      if ($$.smartPtr) {
        $$.smartPtrType.rawDestructor($$.smartPtr);
      } else {
        $$.ptrType.registeredClass.rawDestructor($$.ptr);
      }
    }
    __name(runDestructor, "runDestructor");
    function releaseClassHandle($$) {
      $$.count.value -= 1;
      var toDelete = 0 === $$.count.value;
      if (toDelete) {
        runDestructor($$);
      }
    }
    __name(releaseClassHandle, "releaseClassHandle");
    function downcastPointer(ptr, ptrClass, desiredClass) {
      if (ptrClass === desiredClass) {
        return ptr;
      }
      if (void 0 === desiredClass.baseClass) {
        return null;
      }
      var rv = downcastPointer(ptr, ptrClass, desiredClass.baseClass);
      if (rv === null) {
        return null;
      }
      return desiredClass.downcast(rv);
    }
    __name(downcastPointer, "downcastPointer");
    var registeredPointers = {};
    function getInheritedInstanceCount() {
      return Object.keys(registeredInstances).length;
    }
    __name(getInheritedInstanceCount, "getInheritedInstanceCount");
    function getLiveInheritedInstances() {
      var rv = [];
      for (var k in registeredInstances) {
        if (registeredInstances.hasOwnProperty(k)) {
          rv.push(registeredInstances[k]);
        }
      }
      return rv;
    }
    __name(getLiveInheritedInstances, "getLiveInheritedInstances");
    var deletionQueue = [];
    function flushPendingDeletes() {
      while (deletionQueue.length) {
        var obj = deletionQueue.pop();
        obj.$$.deleteScheduled = false;
        obj["delete"]();
      }
    }
    __name(flushPendingDeletes, "flushPendingDeletes");
    var delayFunction = void 0;
    function setDelayFunction(fn) {
      delayFunction = fn;
      if (deletionQueue.length && delayFunction) {
        delayFunction(flushPendingDeletes);
      }
    }
    __name(setDelayFunction, "setDelayFunction");
    function init_embind() {
      Module["getInheritedInstanceCount"] = getInheritedInstanceCount;
      Module["getLiveInheritedInstances"] = getLiveInheritedInstances;
      Module["flushPendingDeletes"] = flushPendingDeletes;
      Module["setDelayFunction"] = setDelayFunction;
    }
    __name(init_embind, "init_embind");
    var registeredInstances = {};
    function getBasestPointer(class_, ptr) {
      if (ptr === void 0) {
        throwBindingError("ptr should not be undefined");
      }
      while (class_.baseClass) {
        ptr = class_.upcast(ptr);
        class_ = class_.baseClass;
      }
      return ptr;
    }
    __name(getBasestPointer, "getBasestPointer");
    function getInheritedInstance(class_, ptr) {
      ptr = getBasestPointer(class_, ptr);
      return registeredInstances[ptr];
    }
    __name(getInheritedInstance, "getInheritedInstance");
    function makeClassHandle(prototype, record) {
      if (!record.ptrType || !record.ptr) {
        throwInternalError("makeClassHandle requires ptr and ptrType");
      }
      var hasSmartPtrType = !!record.smartPtrType;
      var hasSmartPtr = !!record.smartPtr;
      if (hasSmartPtrType !== hasSmartPtr) {
        throwInternalError("Both smartPtrType and smartPtr must be specified");
      }
      record.count = { value: 1 };
      return attachFinalizer(Object.create(prototype, { $$: { value: record } }));
    }
    __name(makeClassHandle, "makeClassHandle");
    function RegisteredPointer_fromWireType(ptr) {
      var rawPointer = this.getPointee(ptr);
      if (!rawPointer) {
        this.destructor(ptr);
        return null;
      }
      var registeredInstance = getInheritedInstance(this.registeredClass, rawPointer);
      if (void 0 !== registeredInstance) {
        if (0 === registeredInstance.$$.count.value) {
          registeredInstance.$$.ptr = rawPointer;
          registeredInstance.$$.smartPtr = ptr;
          return registeredInstance["clone"]();
        } else {
          var rv = registeredInstance["clone"]();
          this.destructor(ptr);
          return rv;
        }
      }
      function makeDefaultHandle() {
        if (this.isSmartPointer) {
          return makeClassHandle(this.registeredClass.instancePrototype, { ptrType: this.pointeeType, ptr: rawPointer, smartPtrType: this, smartPtr: ptr });
        } else {
          return makeClassHandle(this.registeredClass.instancePrototype, { ptrType: this, ptr });
        }
      }
      __name(makeDefaultHandle, "makeDefaultHandle");
      var actualType = this.registeredClass.getActualType(rawPointer);
      var registeredPointerRecord = registeredPointers[actualType];
      if (!registeredPointerRecord) {
        return makeDefaultHandle.call(this);
      }
      var toType;
      if (this.isConst) {
        toType = registeredPointerRecord.constPointerType;
      } else {
        toType = registeredPointerRecord.pointerType;
      }
      var dp = downcastPointer(rawPointer, this.registeredClass, toType.registeredClass);
      if (dp === null) {
        return makeDefaultHandle.call(this);
      }
      if (this.isSmartPointer) {
        return makeClassHandle(toType.registeredClass.instancePrototype, { ptrType: toType, ptr: dp, smartPtrType: this, smartPtr: ptr });
      } else {
        return makeClassHandle(toType.registeredClass.instancePrototype, { ptrType: toType, ptr: dp });
      }
    }
    __name(RegisteredPointer_fromWireType, "RegisteredPointer_fromWireType");
    function attachFinalizer(handle) {
      if ("undefined" === typeof FinalizationRegistry) {
        attachFinalizer = /* @__PURE__ */ __name(((handle2) => handle2), "attachFinalizer");
        return handle;
      }
      finalizationRegistry = new FinalizationRegistry((info) => {
        releaseClassHandle(info.$$);
      });
      attachFinalizer = /* @__PURE__ */ __name(((handle2) => {
        var $$ = handle2.$$;
        var hasSmartPtr = !!$$.smartPtr;
        if (hasSmartPtr) {
          var info = { $$ };
          finalizationRegistry.register(handle2, info, handle2);
        }
        return handle2;
      }), "attachFinalizer");
      detachFinalizer = /* @__PURE__ */ __name(((handle2) => finalizationRegistry.unregister(handle2)), "detachFinalizer");
      return attachFinalizer(handle);
    }
    __name(attachFinalizer, "attachFinalizer");
    function ClassHandle_clone() {
      if (!this.$$.ptr) {
        throwInstanceAlreadyDeleted(this);
      }
      if (this.$$.preservePointerOnDelete) {
        this.$$.count.value += 1;
        return this;
      } else {
        var clone = attachFinalizer(Object.create(Object.getPrototypeOf(this), { $$: { value: shallowCopyInternalPointer(this.$$) } }));
        clone.$$.count.value += 1;
        clone.$$.deleteScheduled = false;
        return clone;
      }
    }
    __name(ClassHandle_clone, "ClassHandle_clone");
    function ClassHandle_delete() {
      if (!this.$$.ptr) {
        throwInstanceAlreadyDeleted(this);
      }
      if (this.$$.deleteScheduled && !this.$$.preservePointerOnDelete) {
        throwBindingError("Object already scheduled for deletion");
      }
      detachFinalizer(this);
      releaseClassHandle(this.$$);
      if (!this.$$.preservePointerOnDelete) {
        this.$$.smartPtr = void 0;
        this.$$.ptr = void 0;
      }
    }
    __name(ClassHandle_delete, "ClassHandle_delete");
    function ClassHandle_isDeleted() {
      return !this.$$.ptr;
    }
    __name(ClassHandle_isDeleted, "ClassHandle_isDeleted");
    function ClassHandle_deleteLater() {
      if (!this.$$.ptr) {
        throwInstanceAlreadyDeleted(this);
      }
      if (this.$$.deleteScheduled && !this.$$.preservePointerOnDelete) {
        throwBindingError("Object already scheduled for deletion");
      }
      deletionQueue.push(this);
      if (deletionQueue.length === 1 && delayFunction) {
        delayFunction(flushPendingDeletes);
      }
      this.$$.deleteScheduled = true;
      return this;
    }
    __name(ClassHandle_deleteLater, "ClassHandle_deleteLater");
    function init_ClassHandle() {
      ClassHandle.prototype["isAliasOf"] = ClassHandle_isAliasOf;
      ClassHandle.prototype["clone"] = ClassHandle_clone;
      ClassHandle.prototype["delete"] = ClassHandle_delete;
      ClassHandle.prototype["isDeleted"] = ClassHandle_isDeleted;
      ClassHandle.prototype["deleteLater"] = ClassHandle_deleteLater;
    }
    __name(init_ClassHandle, "init_ClassHandle");
    function ClassHandle() {
    }
    __name(ClassHandle, "ClassHandle");
    function ensureOverloadTable(proto, methodName, humanName) {
      if (void 0 === proto[methodName].overloadTable) {
        var prevFunc = proto[methodName];
        proto[methodName] = function() {
          if (!proto[methodName].overloadTable.hasOwnProperty(arguments.length)) {
            throwBindingError("Function '" + humanName + "' called with an invalid number of arguments (" + arguments.length + ") - expects one of (" + proto[methodName].overloadTable + ")!");
          }
          return proto[methodName].overloadTable[arguments.length].apply(this, arguments);
        };
        proto[methodName].overloadTable = [];
        proto[methodName].overloadTable[prevFunc.argCount] = prevFunc;
      }
    }
    __name(ensureOverloadTable, "ensureOverloadTable");
    function exposePublicSymbol(name, value2, numArguments) {
      if (Module.hasOwnProperty(name)) {
        if (void 0 === numArguments || void 0 !== Module[name].overloadTable && void 0 !== Module[name].overloadTable[numArguments]) {
          throwBindingError("Cannot register public name '" + name + "' twice");
        }
        ensureOverloadTable(Module, name, name);
        if (Module.hasOwnProperty(numArguments)) {
          throwBindingError("Cannot register multiple overloads of a function with the same number of arguments (" + numArguments + ")!");
        }
        Module[name].overloadTable[numArguments] = value2;
      } else {
        Module[name] = value2;
        if (void 0 !== numArguments) {
          Module[name].numArguments = numArguments;
        }
      }
    }
    __name(exposePublicSymbol, "exposePublicSymbol");
    function RegisteredClass(name, constructor, instancePrototype, rawDestructor, baseClass, getActualType, upcast, downcast) {
      this.name = name;
      this.constructor = constructor;
      this.instancePrototype = instancePrototype;
      this.rawDestructor = rawDestructor;
      this.baseClass = baseClass;
      this.getActualType = getActualType;
      this.upcast = upcast;
      this.downcast = downcast;
      this.pureVirtualFunctions = [];
    }
    __name(RegisteredClass, "RegisteredClass");
    function upcastPointer(ptr, ptrClass, desiredClass) {
      while (ptrClass !== desiredClass) {
        if (!ptrClass.upcast) {
          throwBindingError("Expected null or instance of " + desiredClass.name + ", got an instance of " + ptrClass.name);
        }
        ptr = ptrClass.upcast(ptr);
        ptrClass = ptrClass.baseClass;
      }
      return ptr;
    }
    __name(upcastPointer, "upcastPointer");
    function constNoSmartPtrRawPointerToWireType(destructors, handle) {
      if (handle === null) {
        if (this.isReference) {
          throwBindingError("null is not a valid " + this.name);
        }
        return 0;
      }
      if (!handle.$$) {
        throwBindingError('Cannot pass "' + _embind_repr(handle) + '" as a ' + this.name);
      }
      if (!handle.$$.ptr) {
        throwBindingError("Cannot pass deleted object as a pointer of type " + this.name);
      }
      var handleClass = handle.$$.ptrType.registeredClass;
      var ptr = upcastPointer(handle.$$.ptr, handleClass, this.registeredClass);
      return ptr;
    }
    __name(constNoSmartPtrRawPointerToWireType, "constNoSmartPtrRawPointerToWireType");
    function genericPointerToWireType(destructors, handle) {
      var ptr;
      if (handle === null) {
        if (this.isReference) {
          throwBindingError("null is not a valid " + this.name);
        }
        if (this.isSmartPointer) {
          ptr = this.rawConstructor();
          if (destructors !== null) {
            destructors.push(this.rawDestructor, ptr);
          }
          return ptr;
        } else {
          return 0;
        }
      }
      if (!handle.$$) {
        throwBindingError('Cannot pass "' + _embind_repr(handle) + '" as a ' + this.name);
      }
      if (!handle.$$.ptr) {
        throwBindingError("Cannot pass deleted object as a pointer of type " + this.name);
      }
      if (!this.isConst && handle.$$.ptrType.isConst) {
        throwBindingError("Cannot convert argument of type " + (handle.$$.smartPtrType ? handle.$$.smartPtrType.name : handle.$$.ptrType.name) + " to parameter type " + this.name);
      }
      var handleClass = handle.$$.ptrType.registeredClass;
      ptr = upcastPointer(handle.$$.ptr, handleClass, this.registeredClass);
      if (this.isSmartPointer) {
        if (void 0 === handle.$$.smartPtr) {
          throwBindingError("Passing raw pointer to smart pointer is illegal");
        }
        switch (this.sharingPolicy) {
          case 0:
            if (handle.$$.smartPtrType === this) {
              ptr = handle.$$.smartPtr;
            } else {
              throwBindingError("Cannot convert argument of type " + (handle.$$.smartPtrType ? handle.$$.smartPtrType.name : handle.$$.ptrType.name) + " to parameter type " + this.name);
            }
            break;
          case 1:
            ptr = handle.$$.smartPtr;
            break;
          case 2:
            if (handle.$$.smartPtrType === this) {
              ptr = handle.$$.smartPtr;
            } else {
              var clonedHandle = handle["clone"]();
              ptr = this.rawShare(ptr, Emval.toHandle(function() {
                clonedHandle["delete"]();
              }));
              if (destructors !== null) {
                destructors.push(this.rawDestructor, ptr);
              }
            }
            break;
          default:
            throwBindingError("Unsupporting sharing policy");
        }
      }
      return ptr;
    }
    __name(genericPointerToWireType, "genericPointerToWireType");
    function nonConstNoSmartPtrRawPointerToWireType(destructors, handle) {
      if (handle === null) {
        if (this.isReference) {
          throwBindingError("null is not a valid " + this.name);
        }
        return 0;
      }
      if (!handle.$$) {
        throwBindingError('Cannot pass "' + _embind_repr(handle) + '" as a ' + this.name);
      }
      if (!handle.$$.ptr) {
        throwBindingError("Cannot pass deleted object as a pointer of type " + this.name);
      }
      if (handle.$$.ptrType.isConst) {
        throwBindingError("Cannot convert argument of type " + handle.$$.ptrType.name + " to parameter type " + this.name);
      }
      var handleClass = handle.$$.ptrType.registeredClass;
      var ptr = upcastPointer(handle.$$.ptr, handleClass, this.registeredClass);
      return ptr;
    }
    __name(nonConstNoSmartPtrRawPointerToWireType, "nonConstNoSmartPtrRawPointerToWireType");
    function simpleReadValueFromPointer(pointer) {
      return this["fromWireType"](HEAPU32[pointer >> 2]);
    }
    __name(simpleReadValueFromPointer, "simpleReadValueFromPointer");
    function RegisteredPointer_getPointee(ptr) {
      if (this.rawGetPointee) {
        ptr = this.rawGetPointee(ptr);
      }
      return ptr;
    }
    __name(RegisteredPointer_getPointee, "RegisteredPointer_getPointee");
    function RegisteredPointer_destructor(ptr) {
      if (this.rawDestructor) {
        this.rawDestructor(ptr);
      }
    }
    __name(RegisteredPointer_destructor, "RegisteredPointer_destructor");
    function RegisteredPointer_deleteObject(handle) {
      if (handle !== null) {
        handle["delete"]();
      }
    }
    __name(RegisteredPointer_deleteObject, "RegisteredPointer_deleteObject");
    function init_RegisteredPointer() {
      RegisteredPointer.prototype.getPointee = RegisteredPointer_getPointee;
      RegisteredPointer.prototype.destructor = RegisteredPointer_destructor;
      RegisteredPointer.prototype["argPackAdvance"] = 8;
      RegisteredPointer.prototype["readValueFromPointer"] = simpleReadValueFromPointer;
      RegisteredPointer.prototype["deleteObject"] = RegisteredPointer_deleteObject;
      RegisteredPointer.prototype["fromWireType"] = RegisteredPointer_fromWireType;
    }
    __name(init_RegisteredPointer, "init_RegisteredPointer");
    function RegisteredPointer(name, registeredClass, isReference, isConst, isSmartPointer, pointeeType, sharingPolicy, rawGetPointee, rawConstructor, rawShare, rawDestructor) {
      this.name = name;
      this.registeredClass = registeredClass;
      this.isReference = isReference;
      this.isConst = isConst;
      this.isSmartPointer = isSmartPointer;
      this.pointeeType = pointeeType;
      this.sharingPolicy = sharingPolicy;
      this.rawGetPointee = rawGetPointee;
      this.rawConstructor = rawConstructor;
      this.rawShare = rawShare;
      this.rawDestructor = rawDestructor;
      if (!isSmartPointer && registeredClass.baseClass === void 0) {
        if (isConst) {
          this["toWireType"] = constNoSmartPtrRawPointerToWireType;
          this.destructorFunction = null;
        } else {
          this["toWireType"] = nonConstNoSmartPtrRawPointerToWireType;
          this.destructorFunction = null;
        }
      } else {
        this["toWireType"] = genericPointerToWireType;
      }
    }
    __name(RegisteredPointer, "RegisteredPointer");
    function replacePublicSymbol(name, value2, numArguments) {
      if (!Module.hasOwnProperty(name)) {
        throwInternalError("Replacing nonexistant public symbol");
      }
      if (void 0 !== Module[name].overloadTable && void 0 !== numArguments) {
        Module[name].overloadTable[numArguments] = value2;
      } else {
        Module[name] = value2;
        Module[name].argCount = numArguments;
      }
    }
    __name(replacePublicSymbol, "replacePublicSymbol");
    function dynCallLegacy(sig, ptr, args) {
      var f = Module["dynCall_" + sig];
      return args && args.length ? f.apply(null, [ptr].concat(args)) : f.call(null, ptr);
    }
    __name(dynCallLegacy, "dynCallLegacy");
    function dynCall(sig, ptr, args) {
      if (sig.includes("j")) {
        return dynCallLegacy(sig, ptr, args);
      }
      return getWasmTableEntry(ptr).apply(null, args);
    }
    __name(dynCall, "dynCall");
    function getDynCaller(sig, ptr) {
      var argCache = [];
      return function() {
        argCache.length = 0;
        Object.assign(argCache, arguments);
        return dynCall(sig, ptr, argCache);
      };
    }
    __name(getDynCaller, "getDynCaller");
    function embind__requireFunction(signature, rawFunction) {
      signature = readLatin1String(signature);
      function makeDynCaller() {
        if (signature.includes("j")) {
          return getDynCaller(signature, rawFunction);
        }
        return getWasmTableEntry(rawFunction);
      }
      __name(makeDynCaller, "makeDynCaller");
      var fp = makeDynCaller();
      if (typeof fp != "function") {
        throwBindingError("unknown function pointer with signature " + signature + ": " + rawFunction);
      }
      return fp;
    }
    __name(embind__requireFunction, "embind__requireFunction");
    var UnboundTypeError = void 0;
    function getTypeName(type) {
      var ptr = ___getTypeName(type);
      var rv = readLatin1String(ptr);
      _free(ptr);
      return rv;
    }
    __name(getTypeName, "getTypeName");
    function throwUnboundTypeError(message, types) {
      var unboundTypes = [];
      var seen = {};
      function visit(type) {
        if (seen[type]) {
          return;
        }
        if (registeredTypes[type]) {
          return;
        }
        if (typeDependencies[type]) {
          typeDependencies[type].forEach(visit);
          return;
        }
        unboundTypes.push(type);
        seen[type] = true;
      }
      __name(visit, "visit");
      types.forEach(visit);
      throw new UnboundTypeError(message + ": " + unboundTypes.map(getTypeName).join([", "]));
    }
    __name(throwUnboundTypeError, "throwUnboundTypeError");
    function __embind_register_class(rawType, rawPointerType, rawConstPointerType, baseClassRawType, getActualTypeSignature, getActualType, upcastSignature, upcast, downcastSignature, downcast, name, destructorSignature, rawDestructor) {
      name = readLatin1String(name);
      getActualType = embind__requireFunction(getActualTypeSignature, getActualType);
      if (upcast) {
        upcast = embind__requireFunction(upcastSignature, upcast);
      }
      if (downcast) {
        downcast = embind__requireFunction(downcastSignature, downcast);
      }
      rawDestructor = embind__requireFunction(destructorSignature, rawDestructor);
      var legalFunctionName = makeLegalFunctionName(name);
      exposePublicSymbol(legalFunctionName, function() {
        throwUnboundTypeError("Cannot construct " + name + " due to unbound types", [baseClassRawType]);
      });
      whenDependentTypesAreResolved([rawType, rawPointerType, rawConstPointerType], baseClassRawType ? [baseClassRawType] : [], function(base) {
        base = base[0];
        var baseClass;
        var basePrototype;
        if (baseClassRawType) {
          baseClass = base.registeredClass;
          basePrototype = baseClass.instancePrototype;
        } else {
          basePrototype = ClassHandle.prototype;
        }
        var constructor = createNamedFunction(legalFunctionName, function() {
          if (Object.getPrototypeOf(this) !== instancePrototype) {
            throw new BindingError("Use 'new' to construct " + name);
          }
          if (void 0 === registeredClass.constructor_body) {
            throw new BindingError(name + " has no accessible constructor");
          }
          var body = registeredClass.constructor_body[arguments.length];
          if (void 0 === body) {
            throw new BindingError("Tried to invoke ctor of " + name + " with invalid number of parameters (" + arguments.length + ") - expected (" + Object.keys(registeredClass.constructor_body).toString() + ") parameters instead!");
          }
          return body.apply(this, arguments);
        });
        var instancePrototype = Object.create(basePrototype, { constructor: { value: constructor } });
        constructor.prototype = instancePrototype;
        var registeredClass = new RegisteredClass(name, constructor, instancePrototype, rawDestructor, baseClass, getActualType, upcast, downcast);
        var referenceConverter = new RegisteredPointer(name, registeredClass, true, false, false);
        var pointerConverter = new RegisteredPointer(name + "*", registeredClass, false, false, false);
        var constPointerConverter = new RegisteredPointer(name + " const*", registeredClass, false, true, false);
        registeredPointers[rawType] = { pointerType: pointerConverter, constPointerType: constPointerConverter };
        replacePublicSymbol(legalFunctionName, constructor);
        return [referenceConverter, pointerConverter, constPointerConverter];
      });
    }
    __name(__embind_register_class, "__embind_register_class");
    function heap32VectorToArray(count, firstElement) {
      var array = [];
      for (var i = 0; i < count; i++) {
        array.push(HEAP32[(firstElement >> 2) + i]);
      }
      return array;
    }
    __name(heap32VectorToArray, "heap32VectorToArray");
    function runDestructors(destructors) {
      while (destructors.length) {
        var ptr = destructors.pop();
        var del = destructors.pop();
        del(ptr);
      }
    }
    __name(runDestructors, "runDestructors");
    function __embind_register_class_constructor(rawClassType, argCount, rawArgTypesAddr, invokerSignature, invoker, rawConstructor) {
      assert(argCount > 0);
      var rawArgTypes = heap32VectorToArray(argCount, rawArgTypesAddr);
      invoker = embind__requireFunction(invokerSignature, invoker);
      whenDependentTypesAreResolved([], [rawClassType], function(classType) {
        classType = classType[0];
        var humanName = "constructor " + classType.name;
        if (void 0 === classType.registeredClass.constructor_body) {
          classType.registeredClass.constructor_body = [];
        }
        if (void 0 !== classType.registeredClass.constructor_body[argCount - 1]) {
          throw new BindingError("Cannot register multiple constructors with identical number of parameters (" + (argCount - 1) + ") for class '" + classType.name + "'! Overload resolution is currently only performed using the parameter count, not actual type info!");
        }
        classType.registeredClass.constructor_body[argCount - 1] = (() => {
          throwUnboundTypeError("Cannot construct " + classType.name + " due to unbound types", rawArgTypes);
        });
        whenDependentTypesAreResolved([], rawArgTypes, function(argTypes) {
          argTypes.splice(1, 0, null);
          classType.registeredClass.constructor_body[argCount - 1] = craftInvokerFunction(humanName, argTypes, null, invoker, rawConstructor);
          return [];
        });
        return [];
      });
    }
    __name(__embind_register_class_constructor, "__embind_register_class_constructor");
    function craftInvokerFunction(humanName, argTypes, classType, cppInvokerFunc, cppTargetFunc) {
      var argCount = argTypes.length;
      if (argCount < 2) {
        throwBindingError("argTypes array size mismatch! Must at least get return value and 'this' types!");
      }
      var isClassMethodFunc = argTypes[1] !== null && classType !== null;
      var needsDestructorStack = false;
      for (var i = 1; i < argTypes.length; ++i) {
        if (argTypes[i] !== null && argTypes[i].destructorFunction === void 0) {
          needsDestructorStack = true;
          break;
        }
      }
      var returns = argTypes[0].name !== "void";
      var expectedArgCount = argCount - 2;
      var argsWired = new Array(expectedArgCount);
      var invokerFuncArgs = [];
      var destructors = [];
      return function() {
        if (arguments.length !== expectedArgCount) {
          throwBindingError("function " + humanName + " called with " + arguments.length + " arguments, expected " + expectedArgCount + " args!");
        }
        destructors.length = 0;
        var thisWired;
        invokerFuncArgs.length = isClassMethodFunc ? 2 : 1;
        invokerFuncArgs[0] = cppTargetFunc;
        if (isClassMethodFunc) {
          thisWired = argTypes[1]["toWireType"](destructors, this);
          invokerFuncArgs[1] = thisWired;
        }
        for (var i2 = 0; i2 < expectedArgCount; ++i2) {
          argsWired[i2] = argTypes[i2 + 2]["toWireType"](destructors, arguments[i2]);
          invokerFuncArgs.push(argsWired[i2]);
        }
        var rv = cppInvokerFunc.apply(null, invokerFuncArgs);
        function onDone(rv2) {
          if (needsDestructorStack) {
            runDestructors(destructors);
          } else {
            for (var i3 = isClassMethodFunc ? 1 : 2; i3 < argTypes.length; i3++) {
              var param = i3 === 1 ? thisWired : argsWired[i3 - 2];
              if (argTypes[i3].destructorFunction !== null) {
                argTypes[i3].destructorFunction(param);
              }
            }
          }
          if (returns) {
            return argTypes[0]["fromWireType"](rv2);
          }
        }
        __name(onDone, "onDone");
        return onDone(rv);
      };
    }
    __name(craftInvokerFunction, "craftInvokerFunction");
    function __embind_register_class_function(rawClassType, methodName, argCount, rawArgTypesAddr, invokerSignature, rawInvoker, context, isPureVirtual) {
      var rawArgTypes = heap32VectorToArray(argCount, rawArgTypesAddr);
      methodName = readLatin1String(methodName);
      rawInvoker = embind__requireFunction(invokerSignature, rawInvoker);
      whenDependentTypesAreResolved([], [rawClassType], function(classType) {
        classType = classType[0];
        var humanName = classType.name + "." + methodName;
        if (methodName.startsWith("@@")) {
          methodName = Symbol[methodName.substring(2)];
        }
        if (isPureVirtual) {
          classType.registeredClass.pureVirtualFunctions.push(methodName);
        }
        function unboundTypesHandler() {
          throwUnboundTypeError("Cannot call " + humanName + " due to unbound types", rawArgTypes);
        }
        __name(unboundTypesHandler, "unboundTypesHandler");
        var proto = classType.registeredClass.instancePrototype;
        var method = proto[methodName];
        if (void 0 === method || void 0 === method.overloadTable && method.className !== classType.name && method.argCount === argCount - 2) {
          unboundTypesHandler.argCount = argCount - 2;
          unboundTypesHandler.className = classType.name;
          proto[methodName] = unboundTypesHandler;
        } else {
          ensureOverloadTable(proto, methodName, humanName);
          proto[methodName].overloadTable[argCount - 2] = unboundTypesHandler;
        }
        whenDependentTypesAreResolved([], rawArgTypes, function(argTypes) {
          var memberFunction = craftInvokerFunction(humanName, argTypes, classType, rawInvoker, context);
          if (void 0 === proto[methodName].overloadTable) {
            memberFunction.argCount = argCount - 2;
            proto[methodName] = memberFunction;
          } else {
            proto[methodName].overloadTable[argCount - 2] = memberFunction;
          }
          return [];
        });
        return [];
      });
    }
    __name(__embind_register_class_function, "__embind_register_class_function");
    var emval_free_list = [];
    var emval_handle_array = [{}, { value: void 0 }, { value: null }, { value: true }, { value: false }];
    function __emval_decref(handle) {
      if (handle > 4 && 0 === --emval_handle_array[handle].refcount) {
        emval_handle_array[handle] = void 0;
        emval_free_list.push(handle);
      }
    }
    __name(__emval_decref, "__emval_decref");
    function count_emval_handles() {
      var count = 0;
      for (var i = 5; i < emval_handle_array.length; ++i) {
        if (emval_handle_array[i] !== void 0) {
          ++count;
        }
      }
      return count;
    }
    __name(count_emval_handles, "count_emval_handles");
    function get_first_emval() {
      for (var i = 5; i < emval_handle_array.length; ++i) {
        if (emval_handle_array[i] !== void 0) {
          return emval_handle_array[i];
        }
      }
      return null;
    }
    __name(get_first_emval, "get_first_emval");
    function init_emval() {
      Module["count_emval_handles"] = count_emval_handles;
      Module["get_first_emval"] = get_first_emval;
    }
    __name(init_emval, "init_emval");
    var Emval = { toValue: /* @__PURE__ */ __name(function(handle) {
      if (!handle) {
        throwBindingError("Cannot use deleted val. handle = " + handle);
      }
      return emval_handle_array[handle].value;
    }, "toValue"), toHandle: /* @__PURE__ */ __name(function(value2) {
      switch (value2) {
        case void 0: {
          return 1;
        }
        case null: {
          return 2;
        }
        case true: {
          return 3;
        }
        case false: {
          return 4;
        }
        default: {
          var handle = emval_free_list.length ? emval_free_list.pop() : emval_handle_array.length;
          emval_handle_array[handle] = { refcount: 1, value: value2 };
          return handle;
        }
      }
    }, "toHandle") };
    function __embind_register_emval(rawType, name) {
      name = readLatin1String(name);
      registerType(rawType, { name, "fromWireType": /* @__PURE__ */ __name(function(handle) {
        var rv = Emval.toValue(handle);
        __emval_decref(handle);
        return rv;
      }, "fromWireType"), "toWireType": /* @__PURE__ */ __name(function(destructors, value2) {
        return Emval.toHandle(value2);
      }, "toWireType"), "argPackAdvance": 8, "readValueFromPointer": simpleReadValueFromPointer, destructorFunction: null });
    }
    __name(__embind_register_emval, "__embind_register_emval");
    function _embind_repr(v) {
      if (v === null) {
        return "null";
      }
      var t = typeof v;
      if (t === "object" || t === "array" || t === "function") {
        return v.toString();
      } else {
        return "" + v;
      }
    }
    __name(_embind_repr, "_embind_repr");
    function floatReadValueFromPointer(name, shift) {
      switch (shift) {
        case 2:
          return function(pointer) {
            return this["fromWireType"](HEAPF32[pointer >> 2]);
          };
        case 3:
          return function(pointer) {
            return this["fromWireType"](HEAPF64[pointer >> 3]);
          };
        default:
          throw new TypeError("Unknown float type: " + name);
      }
    }
    __name(floatReadValueFromPointer, "floatReadValueFromPointer");
    function __embind_register_float(rawType, name, size) {
      var shift = getShiftFromSize(size);
      name = readLatin1String(name);
      registerType(rawType, { name, "fromWireType": /* @__PURE__ */ __name(function(value2) {
        return value2;
      }, "fromWireType"), "toWireType": /* @__PURE__ */ __name(function(destructors, value2) {
        return value2;
      }, "toWireType"), "argPackAdvance": 8, "readValueFromPointer": floatReadValueFromPointer(name, shift), destructorFunction: null });
    }
    __name(__embind_register_float, "__embind_register_float");
    function __embind_register_function(name, argCount, rawArgTypesAddr, signature, rawInvoker, fn) {
      var argTypes = heap32VectorToArray(argCount, rawArgTypesAddr);
      name = readLatin1String(name);
      rawInvoker = embind__requireFunction(signature, rawInvoker);
      exposePublicSymbol(name, function() {
        throwUnboundTypeError("Cannot call " + name + " due to unbound types", argTypes);
      }, argCount - 1);
      whenDependentTypesAreResolved([], argTypes, function(argTypes2) {
        var invokerArgsArray = [argTypes2[0], null].concat(argTypes2.slice(1));
        replacePublicSymbol(name, craftInvokerFunction(name, invokerArgsArray, null, rawInvoker, fn), argCount - 1);
        return [];
      });
    }
    __name(__embind_register_function, "__embind_register_function");
    function integerReadValueFromPointer(name, shift, signed) {
      switch (shift) {
        case 0:
          return signed ? /* @__PURE__ */ __name(function readS8FromPointer(pointer) {
            return HEAP8[pointer];
          }, "readS8FromPointer") : /* @__PURE__ */ __name(function readU8FromPointer(pointer) {
            return HEAPU8[pointer];
          }, "readU8FromPointer");
        case 1:
          return signed ? /* @__PURE__ */ __name(function readS16FromPointer(pointer) {
            return HEAP16[pointer >> 1];
          }, "readS16FromPointer") : /* @__PURE__ */ __name(function readU16FromPointer(pointer) {
            return HEAPU16[pointer >> 1];
          }, "readU16FromPointer");
        case 2:
          return signed ? /* @__PURE__ */ __name(function readS32FromPointer(pointer) {
            return HEAP32[pointer >> 2];
          }, "readS32FromPointer") : /* @__PURE__ */ __name(function readU32FromPointer(pointer) {
            return HEAPU32[pointer >> 2];
          }, "readU32FromPointer");
        default:
          throw new TypeError("Unknown integer type: " + name);
      }
    }
    __name(integerReadValueFromPointer, "integerReadValueFromPointer");
    function __embind_register_integer(primitiveType, name, size, minRange, maxRange) {
      name = readLatin1String(name);
      if (maxRange === -1) {
        maxRange = 4294967295;
      }
      var shift = getShiftFromSize(size);
      var fromWireType = /* @__PURE__ */ __name((value2) => value2, "fromWireType");
      if (minRange === 0) {
        var bitshift = 32 - 8 * size;
        fromWireType = /* @__PURE__ */ __name(((value2) => value2 << bitshift >>> bitshift), "fromWireType");
      }
      var isUnsignedType = name.includes("unsigned");
      var checkAssertions = /* @__PURE__ */ __name((value2, toTypeName) => {
      }, "checkAssertions");
      var toWireType;
      if (isUnsignedType) {
        toWireType = /* @__PURE__ */ __name(function(destructors, value2) {
          checkAssertions(value2, this.name);
          return value2 >>> 0;
        }, "toWireType");
      } else {
        toWireType = /* @__PURE__ */ __name(function(destructors, value2) {
          checkAssertions(value2, this.name);
          return value2;
        }, "toWireType");
      }
      registerType(primitiveType, { name, "fromWireType": fromWireType, "toWireType": toWireType, "argPackAdvance": 8, "readValueFromPointer": integerReadValueFromPointer(name, shift, minRange !== 0), destructorFunction: null });
    }
    __name(__embind_register_integer, "__embind_register_integer");
    function __embind_register_memory_view(rawType, dataTypeIndex, name) {
      var typeMapping = [Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
      var TA = typeMapping[dataTypeIndex];
      function decodeMemoryView(handle) {
        handle = handle >> 2;
        var heap = HEAPU32;
        var size = heap[handle];
        var data = heap[handle + 1];
        return new TA(buffer, data, size);
      }
      __name(decodeMemoryView, "decodeMemoryView");
      name = readLatin1String(name);
      registerType(rawType, { name, "fromWireType": decodeMemoryView, "argPackAdvance": 8, "readValueFromPointer": decodeMemoryView }, { ignoreDuplicateRegistrations: true });
    }
    __name(__embind_register_memory_view, "__embind_register_memory_view");
    function __embind_register_std_string(rawType, name) {
      name = readLatin1String(name);
      var stdStringIsUTF8 = name === "std::string";
      registerType(rawType, { name, "fromWireType": /* @__PURE__ */ __name(function(value2) {
        var length = HEAPU32[value2 >> 2];
        var str;
        if (stdStringIsUTF8) {
          var decodeStartPtr = value2 + 4;
          for (var i = 0; i <= length; ++i) {
            var currentBytePtr = value2 + 4 + i;
            if (i == length || HEAPU8[currentBytePtr] == 0) {
              var maxRead = currentBytePtr - decodeStartPtr;
              var stringSegment = UTF8ToString(decodeStartPtr, maxRead);
              if (str === void 0) {
                str = stringSegment;
              } else {
                str += String.fromCharCode(0);
                str += stringSegment;
              }
              decodeStartPtr = currentBytePtr + 1;
            }
          }
        } else {
          var a = new Array(length);
          for (var i = 0; i < length; ++i) {
            a[i] = String.fromCharCode(HEAPU8[value2 + 4 + i]);
          }
          str = a.join("");
        }
        _free(value2);
        return str;
      }, "fromWireType"), "toWireType": /* @__PURE__ */ __name(function(destructors, value2) {
        if (value2 instanceof ArrayBuffer) {
          value2 = new Uint8Array(value2);
        }
        var getLength;
        var valueIsOfTypeString = typeof value2 == "string";
        if (!(valueIsOfTypeString || value2 instanceof Uint8Array || value2 instanceof Uint8ClampedArray || value2 instanceof Int8Array)) {
          throwBindingError("Cannot pass non-string to std::string");
        }
        if (stdStringIsUTF8 && valueIsOfTypeString) {
          getLength = /* @__PURE__ */ __name((() => lengthBytesUTF8(value2)), "getLength");
        } else {
          getLength = /* @__PURE__ */ __name((() => value2.length), "getLength");
        }
        var length = getLength();
        var ptr = _malloc(4 + length + 1);
        HEAPU32[ptr >> 2] = length;
        if (stdStringIsUTF8 && valueIsOfTypeString) {
          stringToUTF8(value2, ptr + 4, length + 1);
        } else {
          if (valueIsOfTypeString) {
            for (var i = 0; i < length; ++i) {
              var charCode = value2.charCodeAt(i);
              if (charCode > 255) {
                _free(ptr);
                throwBindingError("String has UTF-16 code units that do not fit in 8 bits");
              }
              HEAPU8[ptr + 4 + i] = charCode;
            }
          } else {
            for (var i = 0; i < length; ++i) {
              HEAPU8[ptr + 4 + i] = value2[i];
            }
          }
        }
        if (destructors !== null) {
          destructors.push(_free, ptr);
        }
        return ptr;
      }, "toWireType"), "argPackAdvance": 8, "readValueFromPointer": simpleReadValueFromPointer, destructorFunction: /* @__PURE__ */ __name(function(ptr) {
        _free(ptr);
      }, "destructorFunction") });
    }
    __name(__embind_register_std_string, "__embind_register_std_string");
    function __embind_register_std_wstring(rawType, charSize, name) {
      name = readLatin1String(name);
      var decodeString, encodeString, getHeap, lengthBytesUTF, shift;
      if (charSize === 2) {
        decodeString = UTF16ToString;
        encodeString = stringToUTF16;
        lengthBytesUTF = lengthBytesUTF16;
        getHeap = /* @__PURE__ */ __name((() => HEAPU16), "getHeap");
        shift = 1;
      } else if (charSize === 4) {
        decodeString = UTF32ToString;
        encodeString = stringToUTF32;
        lengthBytesUTF = lengthBytesUTF32;
        getHeap = /* @__PURE__ */ __name((() => HEAPU32), "getHeap");
        shift = 2;
      }
      registerType(rawType, { name, "fromWireType": /* @__PURE__ */ __name(function(value2) {
        var length = HEAPU32[value2 >> 2];
        var HEAP = getHeap();
        var str;
        var decodeStartPtr = value2 + 4;
        for (var i = 0; i <= length; ++i) {
          var currentBytePtr = value2 + 4 + i * charSize;
          if (i == length || HEAP[currentBytePtr >> shift] == 0) {
            var maxReadBytes = currentBytePtr - decodeStartPtr;
            var stringSegment = decodeString(decodeStartPtr, maxReadBytes);
            if (str === void 0) {
              str = stringSegment;
            } else {
              str += String.fromCharCode(0);
              str += stringSegment;
            }
            decodeStartPtr = currentBytePtr + charSize;
          }
        }
        _free(value2);
        return str;
      }, "fromWireType"), "toWireType": /* @__PURE__ */ __name(function(destructors, value2) {
        if (!(typeof value2 == "string")) {
          throwBindingError("Cannot pass non-string to C++ string type " + name);
        }
        var length = lengthBytesUTF(value2);
        var ptr = _malloc(4 + length + charSize);
        HEAPU32[ptr >> 2] = length >> shift;
        encodeString(value2, ptr + 4, length + charSize);
        if (destructors !== null) {
          destructors.push(_free, ptr);
        }
        return ptr;
      }, "toWireType"), "argPackAdvance": 8, "readValueFromPointer": simpleReadValueFromPointer, destructorFunction: /* @__PURE__ */ __name(function(ptr) {
        _free(ptr);
      }, "destructorFunction") });
    }
    __name(__embind_register_std_wstring, "__embind_register_std_wstring");
    function __embind_register_void(rawType, name) {
      name = readLatin1String(name);
      registerType(rawType, { isVoid: true, name, "argPackAdvance": 0, "fromWireType": /* @__PURE__ */ __name(function() {
        return void 0;
      }, "fromWireType"), "toWireType": /* @__PURE__ */ __name(function(destructors, o) {
        return void 0;
      }, "toWireType") });
    }
    __name(__embind_register_void, "__embind_register_void");
    function requireRegisteredType(rawType, humanName) {
      var impl = registeredTypes[rawType];
      if (void 0 === impl) {
        throwBindingError(humanName + " has unknown type " + getTypeName(rawType));
      }
      return impl;
    }
    __name(requireRegisteredType, "requireRegisteredType");
    function __emval_as(handle, returnType, destructorsRef) {
      handle = Emval.toValue(handle);
      returnType = requireRegisteredType(returnType, "emval::as");
      var destructors = [];
      var rd = Emval.toHandle(destructors);
      HEAP32[destructorsRef >> 2] = rd;
      return returnType["toWireType"](destructors, handle);
    }
    __name(__emval_as, "__emval_as");
    function __emval_lookupTypes(argCount, argTypes) {
      var a = new Array(argCount);
      for (var i = 0; i < argCount; ++i) {
        a[i] = requireRegisteredType(HEAP32[(argTypes >> 2) + i], "parameter " + i);
      }
      return a;
    }
    __name(__emval_lookupTypes, "__emval_lookupTypes");
    function __emval_call(handle, argCount, argTypes, argv) {
      handle = Emval.toValue(handle);
      var types = __emval_lookupTypes(argCount, argTypes);
      var args = new Array(argCount);
      for (var i = 0; i < argCount; ++i) {
        var type = types[i];
        args[i] = type["readValueFromPointer"](argv);
        argv += type["argPackAdvance"];
      }
      var rv = handle.apply(void 0, args);
      return Emval.toHandle(rv);
    }
    __name(__emval_call, "__emval_call");
    var emval_symbols = {};
    function getStringOrSymbol(address) {
      var symbol = emval_symbols[address];
      if (symbol === void 0) {
        return readLatin1String(address);
      } else {
        return symbol;
      }
    }
    __name(getStringOrSymbol, "getStringOrSymbol");
    var emval_methodCallers = [];
    function __emval_call_void_method(caller, handle, methodName, args) {
      caller = emval_methodCallers[caller];
      handle = Emval.toValue(handle);
      methodName = getStringOrSymbol(methodName);
      caller(handle, methodName, null, args);
    }
    __name(__emval_call_void_method, "__emval_call_void_method");
    function emval_get_global() {
      if (typeof globalThis == "object") {
        return globalThis;
      }
      function testGlobal(obj) {
        obj["$$$embind_global$$$"] = obj;
        var success = typeof $$$embind_global$$$ == "object" && obj["$$$embind_global$$$"] == obj;
        if (!success) {
          delete obj["$$$embind_global$$$"];
        }
        return success;
      }
      __name(testGlobal, "testGlobal");
      if (typeof $$$embind_global$$$ == "object") {
        return $$$embind_global$$$;
      }
      if (typeof global == "object" && testGlobal(global)) {
        $$$embind_global$$$ = global;
      } else if (typeof self == "object" && testGlobal(self)) {
        $$$embind_global$$$ = self;
      }
      if (typeof $$$embind_global$$$ == "object") {
        return $$$embind_global$$$;
      }
      throw Error("unable to get global object.");
    }
    __name(emval_get_global, "emval_get_global");
    function __emval_get_global(name) {
      if (name === 0) {
        return Emval.toHandle(emval_get_global());
      } else {
        name = getStringOrSymbol(name);
        return Emval.toHandle(emval_get_global()[name]);
      }
    }
    __name(__emval_get_global, "__emval_get_global");
    function __emval_addMethodCaller(caller) {
      var id = emval_methodCallers.length;
      emval_methodCallers.push(caller);
      return id;
    }
    __name(__emval_addMethodCaller, "__emval_addMethodCaller");
    var emval_registeredMethods = [];
    function __emval_get_method_caller(argCount, argTypes) {
      var types = __emval_lookupTypes(argCount, argTypes);
      var retType = types[0];
      var signatureName = retType.name + "_$" + types.slice(1).map(function(t) {
        return t.name;
      }).join("_") + "$";
      var returnId = emval_registeredMethods[signatureName];
      if (returnId !== void 0) {
        return returnId;
      }
      var argN = new Array(argCount - 1);
      var invokerFunction = /* @__PURE__ */ __name((handle, name, destructors, args) => {
        var offset = 0;
        for (var i = 0; i < argCount - 1; ++i) {
          argN[i] = types[i + 1]["readValueFromPointer"](args + offset);
          offset += types[i + 1]["argPackAdvance"];
        }
        var rv = handle[name].apply(handle, argN);
        for (var i = 0; i < argCount - 1; ++i) {
          if (types[i + 1].deleteObject) {
            types[i + 1].deleteObject(argN[i]);
          }
        }
        if (!retType.isVoid) {
          return retType["toWireType"](destructors, rv);
        }
      }, "invokerFunction");
      returnId = __emval_addMethodCaller(invokerFunction);
      emval_registeredMethods[signatureName] = returnId;
      return returnId;
    }
    __name(__emval_get_method_caller, "__emval_get_method_caller");
    function __emval_get_property(handle, key) {
      handle = Emval.toValue(handle);
      key = Emval.toValue(key);
      return Emval.toHandle(handle[key]);
    }
    __name(__emval_get_property, "__emval_get_property");
    function __emval_incref(handle) {
      if (handle > 4) {
        emval_handle_array[handle].refcount += 1;
      }
    }
    __name(__emval_incref, "__emval_incref");
    function craftEmvalAllocator(argCount) {
      var argsList = new Array(argCount + 1);
      return function(constructor, argTypes, args) {
        argsList[0] = constructor;
        for (var i = 0; i < argCount; ++i) {
          var argType = requireRegisteredType(HEAP32[(argTypes >> 2) + i], "parameter " + i);
          argsList[i + 1] = argType["readValueFromPointer"](args);
          args += argType["argPackAdvance"];
        }
        var obj = new (constructor.bind.apply(constructor, argsList))();
        return Emval.toHandle(obj);
      };
    }
    __name(craftEmvalAllocator, "craftEmvalAllocator");
    var emval_newers = {};
    function __emval_new(handle, argCount, argTypes, args) {
      handle = Emval.toValue(handle);
      var newer = emval_newers[argCount];
      if (!newer) {
        newer = craftEmvalAllocator(argCount);
        emval_newers[argCount] = newer;
      }
      return newer(handle, argTypes, args);
    }
    __name(__emval_new, "__emval_new");
    function __emval_new_array() {
      return Emval.toHandle([]);
    }
    __name(__emval_new_array, "__emval_new_array");
    function __emval_new_cstring(v) {
      return Emval.toHandle(getStringOrSymbol(v));
    }
    __name(__emval_new_cstring, "__emval_new_cstring");
    function __emval_new_object() {
      return Emval.toHandle({});
    }
    __name(__emval_new_object, "__emval_new_object");
    function __emval_run_destructors(handle) {
      var destructors = Emval.toValue(handle);
      runDestructors(destructors);
      __emval_decref(handle);
    }
    __name(__emval_run_destructors, "__emval_run_destructors");
    function __emval_set_property(handle, key, value2) {
      handle = Emval.toValue(handle);
      key = Emval.toValue(key);
      value2 = Emval.toValue(value2);
      handle[key] = value2;
    }
    __name(__emval_set_property, "__emval_set_property");
    function __emval_take_value(type, argv) {
      type = requireRegisteredType(type, "_emval_take_value");
      var v = type["readValueFromPointer"](argv);
      return Emval.toHandle(v);
    }
    __name(__emval_take_value, "__emval_take_value");
    function _abort() {
      abort("");
    }
    __name(_abort, "_abort");
    function _emscripten_memcpy_big(dest, src, num) {
      HEAPU8.copyWithin(dest, src, src + num);
    }
    __name(_emscripten_memcpy_big, "_emscripten_memcpy_big");
    function _emscripten_get_heap_max() {
      return 268435456;
    }
    __name(_emscripten_get_heap_max, "_emscripten_get_heap_max");
    function emscripten_realloc_buffer(size) {
      try {
        wasmMemory.grow(size - buffer.byteLength + 65535 >>> 16);
        updateGlobalBufferAndViews(wasmMemory.buffer);
        return 1;
      } catch (e) {
      }
    }
    __name(emscripten_realloc_buffer, "emscripten_realloc_buffer");
    function _emscripten_resize_heap(requestedSize) {
      var oldSize = HEAPU8.length;
      requestedSize = requestedSize >>> 0;
      var maxHeapSize = _emscripten_get_heap_max();
      if (requestedSize > maxHeapSize) {
        return false;
      }
      let alignUp = /* @__PURE__ */ __name((x, multiple) => x + (multiple - x % multiple) % multiple, "alignUp");
      for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
        var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
        overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
        var newSize = Math.min(maxHeapSize, alignUp(Math.max(requestedSize, overGrownHeapSize), 65536));
        var replacement = emscripten_realloc_buffer(newSize);
        if (replacement) {
          return true;
        }
      }
      return false;
    }
    __name(_emscripten_resize_heap, "_emscripten_resize_heap");
    var ENV = {};
    function getExecutableName() {
      return thisProgram || "./this.program";
    }
    __name(getExecutableName, "getExecutableName");
    function getEnvStrings() {
      if (!getEnvStrings.strings) {
        var lang = (typeof navigator == "object" && navigator.languages && navigator.languages[0] || "C").replace("-", "_") + ".UTF-8";
        var env = { "USER": "web_user", "LOGNAME": "web_user", "PATH": "/", "PWD": "/", "HOME": "/home/web_user", "LANG": lang, "_": getExecutableName() };
        for (var x in ENV) {
          if (ENV[x] === void 0) delete env[x];
          else env[x] = ENV[x];
        }
        var strings = [];
        for (var x in env) {
          strings.push(x + "=" + env[x]);
        }
        getEnvStrings.strings = strings;
      }
      return getEnvStrings.strings;
    }
    __name(getEnvStrings, "getEnvStrings");
    var SYSCALLS = { buffers: [null, [], []], printChar: /* @__PURE__ */ __name(function(stream, curr) {
      var buffer2 = SYSCALLS.buffers[stream];
      if (curr === 0 || curr === 10) {
        (stream === 1 ? out : err)(UTF8ArrayToString(buffer2, 0));
        buffer2.length = 0;
      } else {
        buffer2.push(curr);
      }
    }, "printChar"), varargs: void 0, get: /* @__PURE__ */ __name(function() {
      SYSCALLS.varargs += 4;
      var ret = HEAP32[SYSCALLS.varargs - 4 >> 2];
      return ret;
    }, "get"), getStr: /* @__PURE__ */ __name(function(ptr) {
      var ret = UTF8ToString(ptr);
      return ret;
    }, "getStr"), get64: /* @__PURE__ */ __name(function(low, high) {
      return low;
    }, "get64") };
    function _environ_get(__environ, environ_buf) {
      var bufSize = 0;
      getEnvStrings().forEach(function(string, i) {
        var ptr = environ_buf + bufSize;
        HEAP32[__environ + i * 4 >> 2] = ptr;
        writeAsciiToMemory(string, ptr);
        bufSize += string.length + 1;
      });
      return 0;
    }
    __name(_environ_get, "_environ_get");
    function _environ_sizes_get(penviron_count, penviron_buf_size) {
      var strings = getEnvStrings();
      HEAP32[penviron_count >> 2] = strings.length;
      var bufSize = 0;
      strings.forEach(function(string) {
        bufSize += string.length + 1;
      });
      HEAP32[penviron_buf_size >> 2] = bufSize;
      return 0;
    }
    __name(_environ_sizes_get, "_environ_sizes_get");
    function __isLeapYear(year) {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    }
    __name(__isLeapYear, "__isLeapYear");
    function __arraySum(array, index) {
      var sum = 0;
      for (var i = 0; i <= index; sum += array[i++]) {
      }
      return sum;
    }
    __name(__arraySum, "__arraySum");
    var __MONTH_DAYS_LEAP = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    var __MONTH_DAYS_REGULAR = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    function __addDays(date, days) {
      var newDate = new Date(date.getTime());
      while (days > 0) {
        var leap = __isLeapYear(newDate.getFullYear());
        var currentMonth = newDate.getMonth();
        var daysInCurrentMonth = (leap ? __MONTH_DAYS_LEAP : __MONTH_DAYS_REGULAR)[currentMonth];
        if (days > daysInCurrentMonth - newDate.getDate()) {
          days -= daysInCurrentMonth - newDate.getDate() + 1;
          newDate.setDate(1);
          if (currentMonth < 11) {
            newDate.setMonth(currentMonth + 1);
          } else {
            newDate.setMonth(0);
            newDate.setFullYear(newDate.getFullYear() + 1);
          }
        } else {
          newDate.setDate(newDate.getDate() + days);
          return newDate;
        }
      }
      return newDate;
    }
    __name(__addDays, "__addDays");
    function _strftime(s, maxsize, format, tm) {
      var tm_zone = HEAP32[tm + 40 >> 2];
      var date = { tm_sec: HEAP32[tm >> 2], tm_min: HEAP32[tm + 4 >> 2], tm_hour: HEAP32[tm + 8 >> 2], tm_mday: HEAP32[tm + 12 >> 2], tm_mon: HEAP32[tm + 16 >> 2], tm_year: HEAP32[tm + 20 >> 2], tm_wday: HEAP32[tm + 24 >> 2], tm_yday: HEAP32[tm + 28 >> 2], tm_isdst: HEAP32[tm + 32 >> 2], tm_gmtoff: HEAP32[tm + 36 >> 2], tm_zone: tm_zone ? UTF8ToString(tm_zone) : "" };
      var pattern = UTF8ToString(format);
      var EXPANSION_RULES_1 = { "%c": "%a %b %d %H:%M:%S %Y", "%D": "%m/%d/%y", "%F": "%Y-%m-%d", "%h": "%b", "%r": "%I:%M:%S %p", "%R": "%H:%M", "%T": "%H:%M:%S", "%x": "%m/%d/%y", "%X": "%H:%M:%S", "%Ec": "%c", "%EC": "%C", "%Ex": "%m/%d/%y", "%EX": "%H:%M:%S", "%Ey": "%y", "%EY": "%Y", "%Od": "%d", "%Oe": "%e", "%OH": "%H", "%OI": "%I", "%Om": "%m", "%OM": "%M", "%OS": "%S", "%Ou": "%u", "%OU": "%U", "%OV": "%V", "%Ow": "%w", "%OW": "%W", "%Oy": "%y" };
      for (var rule in EXPANSION_RULES_1) {
        pattern = pattern.replace(new RegExp(rule, "g"), EXPANSION_RULES_1[rule]);
      }
      var WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
      var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
      function leadingSomething(value2, digits, character) {
        var str = typeof value2 == "number" ? value2.toString() : value2 || "";
        while (str.length < digits) {
          str = character[0] + str;
        }
        return str;
      }
      __name(leadingSomething, "leadingSomething");
      function leadingNulls(value2, digits) {
        return leadingSomething(value2, digits, "0");
      }
      __name(leadingNulls, "leadingNulls");
      function compareByDay(date1, date2) {
        function sgn(value2) {
          return value2 < 0 ? -1 : value2 > 0 ? 1 : 0;
        }
        __name(sgn, "sgn");
        var compare;
        if ((compare = sgn(date1.getFullYear() - date2.getFullYear())) === 0) {
          if ((compare = sgn(date1.getMonth() - date2.getMonth())) === 0) {
            compare = sgn(date1.getDate() - date2.getDate());
          }
        }
        return compare;
      }
      __name(compareByDay, "compareByDay");
      function getFirstWeekStartDate(janFourth) {
        switch (janFourth.getDay()) {
          case 0:
            return new Date(janFourth.getFullYear() - 1, 11, 29);
          case 1:
            return janFourth;
          case 2:
            return new Date(janFourth.getFullYear(), 0, 3);
          case 3:
            return new Date(janFourth.getFullYear(), 0, 2);
          case 4:
            return new Date(janFourth.getFullYear(), 0, 1);
          case 5:
            return new Date(janFourth.getFullYear() - 1, 11, 31);
          case 6:
            return new Date(janFourth.getFullYear() - 1, 11, 30);
        }
      }
      __name(getFirstWeekStartDate, "getFirstWeekStartDate");
      function getWeekBasedYear(date2) {
        var thisDate = __addDays(new Date(date2.tm_year + 1900, 0, 1), date2.tm_yday);
        var janFourthThisYear = new Date(thisDate.getFullYear(), 0, 4);
        var janFourthNextYear = new Date(thisDate.getFullYear() + 1, 0, 4);
        var firstWeekStartThisYear = getFirstWeekStartDate(janFourthThisYear);
        var firstWeekStartNextYear = getFirstWeekStartDate(janFourthNextYear);
        if (compareByDay(firstWeekStartThisYear, thisDate) <= 0) {
          if (compareByDay(firstWeekStartNextYear, thisDate) <= 0) {
            return thisDate.getFullYear() + 1;
          } else {
            return thisDate.getFullYear();
          }
        } else {
          return thisDate.getFullYear() - 1;
        }
      }
      __name(getWeekBasedYear, "getWeekBasedYear");
      var EXPANSION_RULES_2 = { "%a": /* @__PURE__ */ __name(function(date2) {
        return WEEKDAYS[date2.tm_wday].substring(0, 3);
      }, "%a"), "%A": /* @__PURE__ */ __name(function(date2) {
        return WEEKDAYS[date2.tm_wday];
      }, "%A"), "%b": /* @__PURE__ */ __name(function(date2) {
        return MONTHS[date2.tm_mon].substring(0, 3);
      }, "%b"), "%B": /* @__PURE__ */ __name(function(date2) {
        return MONTHS[date2.tm_mon];
      }, "%B"), "%C": /* @__PURE__ */ __name(function(date2) {
        var year = date2.tm_year + 1900;
        return leadingNulls(year / 100 | 0, 2);
      }, "%C"), "%d": /* @__PURE__ */ __name(function(date2) {
        return leadingNulls(date2.tm_mday, 2);
      }, "%d"), "%e": /* @__PURE__ */ __name(function(date2) {
        return leadingSomething(date2.tm_mday, 2, " ");
      }, "%e"), "%g": /* @__PURE__ */ __name(function(date2) {
        return getWeekBasedYear(date2).toString().substring(2);
      }, "%g"), "%G": /* @__PURE__ */ __name(function(date2) {
        return getWeekBasedYear(date2);
      }, "%G"), "%H": /* @__PURE__ */ __name(function(date2) {
        return leadingNulls(date2.tm_hour, 2);
      }, "%H"), "%I": /* @__PURE__ */ __name(function(date2) {
        var twelveHour = date2.tm_hour;
        if (twelveHour == 0) twelveHour = 12;
        else if (twelveHour > 12) twelveHour -= 12;
        return leadingNulls(twelveHour, 2);
      }, "%I"), "%j": /* @__PURE__ */ __name(function(date2) {
        return leadingNulls(date2.tm_mday + __arraySum(__isLeapYear(date2.tm_year + 1900) ? __MONTH_DAYS_LEAP : __MONTH_DAYS_REGULAR, date2.tm_mon - 1), 3);
      }, "%j"), "%m": /* @__PURE__ */ __name(function(date2) {
        return leadingNulls(date2.tm_mon + 1, 2);
      }, "%m"), "%M": /* @__PURE__ */ __name(function(date2) {
        return leadingNulls(date2.tm_min, 2);
      }, "%M"), "%n": /* @__PURE__ */ __name(function() {
        return "\n";
      }, "%n"), "%p": /* @__PURE__ */ __name(function(date2) {
        if (date2.tm_hour >= 0 && date2.tm_hour < 12) {
          return "AM";
        } else {
          return "PM";
        }
      }, "%p"), "%S": /* @__PURE__ */ __name(function(date2) {
        return leadingNulls(date2.tm_sec, 2);
      }, "%S"), "%t": /* @__PURE__ */ __name(function() {
        return "	";
      }, "%t"), "%u": /* @__PURE__ */ __name(function(date2) {
        return date2.tm_wday || 7;
      }, "%u"), "%U": /* @__PURE__ */ __name(function(date2) {
        var janFirst = new Date(date2.tm_year + 1900, 0, 1);
        var firstSunday = janFirst.getDay() === 0 ? janFirst : __addDays(janFirst, 7 - janFirst.getDay());
        var endDate = new Date(date2.tm_year + 1900, date2.tm_mon, date2.tm_mday);
        if (compareByDay(firstSunday, endDate) < 0) {
          var februaryFirstUntilEndMonth = __arraySum(__isLeapYear(endDate.getFullYear()) ? __MONTH_DAYS_LEAP : __MONTH_DAYS_REGULAR, endDate.getMonth() - 1) - 31;
          var firstSundayUntilEndJanuary = 31 - firstSunday.getDate();
          var days = firstSundayUntilEndJanuary + februaryFirstUntilEndMonth + endDate.getDate();
          return leadingNulls(Math.ceil(days / 7), 2);
        }
        return compareByDay(firstSunday, janFirst) === 0 ? "01" : "00";
      }, "%U"), "%V": /* @__PURE__ */ __name(function(date2) {
        var janFourthThisYear = new Date(date2.tm_year + 1900, 0, 4);
        var janFourthNextYear = new Date(date2.tm_year + 1901, 0, 4);
        var firstWeekStartThisYear = getFirstWeekStartDate(janFourthThisYear);
        var firstWeekStartNextYear = getFirstWeekStartDate(janFourthNextYear);
        var endDate = __addDays(new Date(date2.tm_year + 1900, 0, 1), date2.tm_yday);
        if (compareByDay(endDate, firstWeekStartThisYear) < 0) {
          return "53";
        }
        if (compareByDay(firstWeekStartNextYear, endDate) <= 0) {
          return "01";
        }
        var daysDifference;
        if (firstWeekStartThisYear.getFullYear() < date2.tm_year + 1900) {
          daysDifference = date2.tm_yday + 32 - firstWeekStartThisYear.getDate();
        } else {
          daysDifference = date2.tm_yday + 1 - firstWeekStartThisYear.getDate();
        }
        return leadingNulls(Math.ceil(daysDifference / 7), 2);
      }, "%V"), "%w": /* @__PURE__ */ __name(function(date2) {
        return date2.tm_wday;
      }, "%w"), "%W": /* @__PURE__ */ __name(function(date2) {
        var janFirst = new Date(date2.tm_year, 0, 1);
        var firstMonday = janFirst.getDay() === 1 ? janFirst : __addDays(janFirst, janFirst.getDay() === 0 ? 1 : 7 - janFirst.getDay() + 1);
        var endDate = new Date(date2.tm_year + 1900, date2.tm_mon, date2.tm_mday);
        if (compareByDay(firstMonday, endDate) < 0) {
          var februaryFirstUntilEndMonth = __arraySum(__isLeapYear(endDate.getFullYear()) ? __MONTH_DAYS_LEAP : __MONTH_DAYS_REGULAR, endDate.getMonth() - 1) - 31;
          var firstMondayUntilEndJanuary = 31 - firstMonday.getDate();
          var days = firstMondayUntilEndJanuary + februaryFirstUntilEndMonth + endDate.getDate();
          return leadingNulls(Math.ceil(days / 7), 2);
        }
        return compareByDay(firstMonday, janFirst) === 0 ? "01" : "00";
      }, "%W"), "%y": /* @__PURE__ */ __name(function(date2) {
        return (date2.tm_year + 1900).toString().substring(2);
      }, "%y"), "%Y": /* @__PURE__ */ __name(function(date2) {
        return date2.tm_year + 1900;
      }, "%Y"), "%z": /* @__PURE__ */ __name(function(date2) {
        var off = date2.tm_gmtoff;
        var ahead = off >= 0;
        off = Math.abs(off) / 60;
        off = off / 60 * 100 + off % 60;
        return (ahead ? "+" : "-") + String("0000" + off).slice(-4);
      }, "%z"), "%Z": /* @__PURE__ */ __name(function(date2) {
        return date2.tm_zone;
      }, "%Z"), "%%": /* @__PURE__ */ __name(function() {
        return "%";
      }, "%%") };
      pattern = pattern.replace(/%%/g, "\0\0");
      for (var rule in EXPANSION_RULES_2) {
        if (pattern.includes(rule)) {
          pattern = pattern.replace(new RegExp(rule, "g"), EXPANSION_RULES_2[rule](date));
        }
      }
      pattern = pattern.replace(/\0\0/g, "%");
      var bytes = intArrayFromString(pattern, false);
      if (bytes.length > maxsize) {
        return 0;
      }
      writeArrayToMemory(bytes, s);
      return bytes.length - 1;
    }
    __name(_strftime, "_strftime");
    function _strftime_l(s, maxsize, format, tm) {
      return _strftime(s, maxsize, format, tm);
    }
    __name(_strftime_l, "_strftime_l");
    embind_init_charCodes();
    BindingError = Module["BindingError"] = extendError(Error, "BindingError");
    InternalError = Module["InternalError"] = extendError(Error, "InternalError");
    init_ClassHandle();
    init_embind();
    init_RegisteredPointer();
    UnboundTypeError = Module["UnboundTypeError"] = extendError(Error, "UnboundTypeError");
    init_emval();
    function intArrayFromString(stringy, dontAddNull, length) {
      var len = length > 0 ? length : lengthBytesUTF8(stringy) + 1;
      var u8array = new Array(len);
      var numBytesWritten = stringToUTF8Array(stringy, u8array, 0, u8array.length);
      if (dontAddNull) u8array.length = numBytesWritten;
      return u8array;
    }
    __name(intArrayFromString, "intArrayFromString");
    var asmLibraryArg = { "y": __embind_register_bigint, "F": __embind_register_bool, "s": __embind_register_class, "r": __embind_register_class_constructor, "g": __embind_register_class_function, "E": __embind_register_emval, "w": __embind_register_float, "p": __embind_register_function, "q": __embind_register_integer, "l": __embind_register_memory_view, "v": __embind_register_std_string, "t": __embind_register_std_wstring, "G": __embind_register_void, "n": __emval_as, "H": __emval_call, "h": __emval_call_void_method, "a": __emval_decref, "u": __emval_get_global, "i": __emval_get_method_caller, "f": __emval_get_property, "k": __emval_incref, "x": __emval_new, "j": __emval_new_array, "b": __emval_new_cstring, "o": __emval_new_object, "m": __emval_run_destructors, "e": __emval_set_property, "d": __emval_take_value, "c": _abort, "D": _emscripten_memcpy_big, "C": _emscripten_resize_heap, "A": _environ_get, "B": _environ_sizes_get, "z": _strftime_l };
    var asm = createWasm();
    var ___wasm_call_ctors = Module["___wasm_call_ctors"] = function() {
      return (___wasm_call_ctors = Module["___wasm_call_ctors"] = Module["asm"]["J"]).apply(null, arguments);
    };
    var _malloc = Module["_malloc"] = function() {
      return (_malloc = Module["_malloc"] = Module["asm"]["K"]).apply(null, arguments);
    };
    var _free = Module["_free"] = function() {
      return (_free = Module["_free"] = Module["asm"]["M"]).apply(null, arguments);
    };
    var ___getTypeName = Module["___getTypeName"] = function() {
      return (___getTypeName = Module["___getTypeName"] = Module["asm"]["N"]).apply(null, arguments);
    };
    var ___embind_register_native_and_builtin_types = Module["___embind_register_native_and_builtin_types"] = function() {
      return (___embind_register_native_and_builtin_types = Module["___embind_register_native_and_builtin_types"] = Module["asm"]["O"]).apply(null, arguments);
    };
    var dynCall_viijii = Module["dynCall_viijii"] = function() {
      return (dynCall_viijii = Module["dynCall_viijii"] = Module["asm"]["P"]).apply(null, arguments);
    };
    var dynCall_iiiiij = Module["dynCall_iiiiij"] = function() {
      return (dynCall_iiiiij = Module["dynCall_iiiiij"] = Module["asm"]["Q"]).apply(null, arguments);
    };
    var dynCall_iiiiijj = Module["dynCall_iiiiijj"] = function() {
      return (dynCall_iiiiijj = Module["dynCall_iiiiijj"] = Module["asm"]["R"]).apply(null, arguments);
    };
    var dynCall_iiiiiijj = Module["dynCall_iiiiiijj"] = function() {
      return (dynCall_iiiiiijj = Module["dynCall_iiiiiijj"] = Module["asm"]["S"]).apply(null, arguments);
    };
    var calledRun;
    dependenciesFulfilled = /* @__PURE__ */ __name(function runCaller() {
      if (!calledRun) run();
      if (!calledRun) dependenciesFulfilled = runCaller;
    }, "runCaller");
    function run(args) {
      args = args || arguments_;
      if (runDependencies > 0) {
        return;
      }
      preRun();
      if (runDependencies > 0) {
        return;
      }
      function doRun() {
        if (calledRun) return;
        calledRun = true;
        Module["calledRun"] = true;
        if (ABORT) return;
        initRuntime();
        readyPromiseResolve(Module);
        if (Module["onRuntimeInitialized"]) Module["onRuntimeInitialized"]();
        postRun();
      }
      __name(doRun, "doRun");
      if (Module["setStatus"]) {
        Module["setStatus"]("Running...");
        setTimeout(function() {
          setTimeout(function() {
            Module["setStatus"]("");
          }, 1);
          doRun();
        }, 1);
      } else {
        doRun();
      }
    }
    __name(run, "run");
    Module["run"] = run;
    if (Module["preInit"]) {
      if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
      while (Module["preInit"].length > 0) {
        Module["preInit"].pop()();
      }
    }
    run();
    return createReadforge2.ready;
  });
})();
var readforge_default = createReadforge;

// load-module.ts
import wasm from "./3407239dc2420b1ab74140f4e98f53b41fb96288-readforge.wasm";
var loaded = null;
function loadReadforge() {
  loaded ??= readforge_default({
    locateFile: /* @__PURE__ */ __name((path) => path, "locateFile"),
    instantiateWasm(imports, receive) {
      void WebAssembly.instantiate(wasm, imports).then(
        (instance) => receive(instance)
      );
      return {};
    }
  });
  return loaded;
}
__name(loadReadforge, "loadReadforge");

// worker.ts
var worker_default = {
  async fetch(request, env) {
    const url = new URL(request.url);
    const config = readConfig(env);
    const { references } = config;
    try {
      if (request.method !== "GET") return json(405, { error: "only GET is supported" });
      if (url.pathname === "/api/references")
        return await listReferences(await loadReadforge(), references, env);
      if (url.pathname === "/api/health") {
        const wasmHeap = (await loadReadforge()).HEAP8.length;
        return json(200, { active: activeRuns(), wasmHeap });
      }
      if (url.pathname === "/api/simulate")
        return await simulateResponse(await loadReadforge(), url, config, env);
      return json(404, { error: `no such endpoint: ${url.pathname}` });
    } catch (error) {
      if (error instanceof ApiError)
        return json(
          error.status,
          { error: error.message, parameter: error.parameter },
          error.headers
        );
      console.error(error);
      return json(500, { error: "internal error" });
    }
  }
};

// ../../../node_modules/wrangler/templates/middleware/middleware-ensure-req-body-drained.ts
var drainBody = /* @__PURE__ */ __name(async (request, env, _ctx, middlewareCtx) => {
  try {
    return await middlewareCtx.next(request, env);
  } finally {
    try {
      if (request.body !== null && !request.bodyUsed) {
        const reader = request.body.getReader();
        while (!(await reader.read()).done) {
        }
      }
    } catch (e) {
      console.error("Failed to drain the unused request body.", e);
    }
  }
}, "drainBody");
var middleware_ensure_req_body_drained_default = drainBody;

// ../../../node_modules/wrangler/templates/middleware/middleware-miniflare3-json-error.ts
function reduceError(e) {
  return {
    name: e?.name,
    message: e?.message ?? String(e),
    stack: e?.stack,
    cause: e?.cause === void 0 ? void 0 : reduceError(e.cause)
  };
}
__name(reduceError, "reduceError");
var jsonError = /* @__PURE__ */ __name(async (request, env, _ctx, middlewareCtx) => {
  try {
    return await middlewareCtx.next(request, env);
  } catch (e) {
    const error = reduceError(e);
    return Response.json(error, {
      status: 500,
      headers: { "MF-Experimental-Error-Stack": "true" }
    });
  }
}, "jsonError");
var middleware_miniflare3_json_error_default = jsonError;

// .wrangler/tmp/bundle-o7Gp5I/middleware-insertion-facade.js
var __INTERNAL_WRANGLER_MIDDLEWARE__ = [
  middleware_ensure_req_body_drained_default,
  middleware_miniflare3_json_error_default
];
var middleware_insertion_facade_default = worker_default;

// ../../../node_modules/wrangler/templates/middleware/common.ts
var __facade_middleware__ = [];
function __facade_register__(...args) {
  __facade_middleware__.push(...args.flat());
}
__name(__facade_register__, "__facade_register__");
function __facade_invokeChain__(request, env, ctx, dispatch, middlewareChain) {
  const [head, ...tail] = middlewareChain;
  const middlewareCtx = {
    dispatch,
    next(newRequest, newEnv) {
      return __facade_invokeChain__(newRequest, newEnv, ctx, dispatch, tail);
    }
  };
  return head(request, env, ctx, middlewareCtx);
}
__name(__facade_invokeChain__, "__facade_invokeChain__");
function __facade_invoke__(request, env, ctx, dispatch, finalMiddleware) {
  return __facade_invokeChain__(request, env, ctx, dispatch, [
    ...__facade_middleware__,
    finalMiddleware
  ]);
}
__name(__facade_invoke__, "__facade_invoke__");

// .wrangler/tmp/bundle-o7Gp5I/middleware-loader.entry.ts
var __Facade_ScheduledController__ = class ___Facade_ScheduledController__ {
  constructor(scheduledTime, cron, noRetry) {
    this.scheduledTime = scheduledTime;
    this.cron = cron;
    this.#noRetry = noRetry;
  }
  static {
    __name(this, "__Facade_ScheduledController__");
  }
  #noRetry;
  noRetry() {
    if (!(this instanceof ___Facade_ScheduledController__)) {
      throw new TypeError("Illegal invocation");
    }
    this.#noRetry();
  }
};
function wrapExportedHandler(worker) {
  if (__INTERNAL_WRANGLER_MIDDLEWARE__ === void 0 || __INTERNAL_WRANGLER_MIDDLEWARE__.length === 0) {
    return worker;
  }
  for (const middleware of __INTERNAL_WRANGLER_MIDDLEWARE__) {
    __facade_register__(middleware);
  }
  const fetchDispatcher = /* @__PURE__ */ __name(function(request, env, ctx) {
    if (worker.fetch === void 0) {
      throw new Error("Handler does not export a fetch() function.");
    }
    return worker.fetch(request, env, ctx);
  }, "fetchDispatcher");
  return {
    ...worker,
    fetch(request, env, ctx) {
      const dispatcher = /* @__PURE__ */ __name(function(type, init) {
        if (type === "scheduled" && worker.scheduled !== void 0) {
          const controller = new __Facade_ScheduledController__(
            Date.now(),
            init.cron ?? "",
            () => {
            }
          );
          return worker.scheduled(controller, env, ctx);
        }
      }, "dispatcher");
      return __facade_invoke__(request, env, ctx, dispatcher, fetchDispatcher);
    }
  };
}
__name(wrapExportedHandler, "wrapExportedHandler");
function wrapWorkerEntrypoint(klass) {
  if (__INTERNAL_WRANGLER_MIDDLEWARE__ === void 0 || __INTERNAL_WRANGLER_MIDDLEWARE__.length === 0) {
    return klass;
  }
  for (const middleware of __INTERNAL_WRANGLER_MIDDLEWARE__) {
    __facade_register__(middleware);
  }
  return class extends klass {
    #fetchDispatcher = /* @__PURE__ */ __name((request, env, ctx) => {
      this.env = env;
      this.ctx = ctx;
      if (super.fetch === void 0) {
        throw new Error("Entrypoint class does not define a fetch() function.");
      }
      return super.fetch(request);
    }, "#fetchDispatcher");
    #dispatcher = /* @__PURE__ */ __name((type, init) => {
      if (type === "scheduled" && super.scheduled !== void 0) {
        const controller = new __Facade_ScheduledController__(
          Date.now(),
          init.cron ?? "",
          () => {
          }
        );
        return super.scheduled(controller);
      }
    }, "#dispatcher");
    fetch(request) {
      return __facade_invoke__(
        request,
        this.env,
        this.ctx,
        this.#dispatcher,
        this.#fetchDispatcher
      );
    }
  };
}
__name(wrapWorkerEntrypoint, "wrapWorkerEntrypoint");
var WRAPPED_ENTRY;
if (typeof middleware_insertion_facade_default === "object") {
  WRAPPED_ENTRY = wrapExportedHandler(middleware_insertion_facade_default);
} else if (typeof middleware_insertion_facade_default === "function") {
  WRAPPED_ENTRY = wrapWorkerEntrypoint(middleware_insertion_facade_default);
}
var middleware_loader_entry_default = WRAPPED_ENTRY;
export {
  __INTERNAL_WRANGLER_MIDDLEWARE__,
  middleware_loader_entry_default as default
};
/*! Bundled license information:

aws4fetch/dist/aws4fetch.esm.mjs:
  (**
   * @license MIT <https://opensource.org/licenses/MIT>
   * @copyright Michael Hart 2024
   *)
*/
//# sourceMappingURL=worker.js.map
