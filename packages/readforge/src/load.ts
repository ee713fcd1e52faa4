// The engine: Emscripten's module factory, given readforge.wasm's bytes (so one build serves
// browsers, Workers and Node alike).
import factory from '../../../build-wasm/readforge.mjs';
import type { ReadforgeFactory, ReadforgeModule } from '../../../web/src/runner/module-types.js';
import { decompressIfGzip } from '../../../web/src/runner/pump.js';
import type { ReferenceInput } from './types.js';

export function loadEngine(wasm: ArrayBuffer | Uint8Array): Promise<ReadforgeModule> {
  return (factory as ReadforgeFactory)({ wasmBinary: wasm });
}

/** A fetch that answered 200 with a body, or an error naming the URL. */
async function fetchOk(
  url: string | URL,
): Promise<Response & { body: ReadableStream<Uint8Array> }> {
  const response = await fetch(url);
  if (!response.ok || !response.body)
    throw new Error(`cannot fetch ${String(url)}: HTTP ${response.status}`);
  return response as Response & { body: ReadableStream<Uint8Array> };
}

export async function fetchBytes(url: string | URL): Promise<ArrayBuffer> {
  return (await fetchOk(url)).arrayBuffer();
}

/** A fresh, decompressed stream of a reference given as bytes, a Blob or a URL. */
export async function openInput(input: Exclude<ReferenceInput, ReadableStream<Uint8Array>>) {
  if (input instanceof Uint8Array || input instanceof ArrayBuffer)
    return decompressIfGzip(new Blob([input as BlobPart]).stream());
  if (input instanceof Blob) return decompressIfGzip(input.stream());
  return decompressIfGzip((await fetchOk(input)).body);
}
