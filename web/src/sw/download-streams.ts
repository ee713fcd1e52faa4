// Streamed downloads where the File System Access API is missing: the page hands the service
// worker a ReadableStream per output file, then opens /__readforge_download/<id>; the response
// streams the file to the browser's download manager as the Worker produces it, so memory stays
// flat whatever the size. A failed or cancelled run errors the stream, and the download fails
// instead of looking complete.
/// <reference lib="webworker" />

const pending = new Map<string, { name: string; stream: ReadableStream<Uint8Array> }>();

/** A message from the page: {id, name, stream} (a transferred ReadableStream). */
export function takeDownload(event: ExtendableMessageEvent): void {
  const { id, name, stream } = event.data ?? {};
  if (!id || !stream) return;
  pending.set(id, { name, stream });
  event.ports[0]?.postMessage('ready');
}

export function serveDownload(event: FetchEvent): void {
  const match = /\/__readforge_download\/([\w-]+)$/.exec(new URL(event.request.url).pathname);
  if (!match) return;
  const entry = pending.get(match[1]);
  pending.delete(match[1]);
  if (!entry) {
    event.respondWith(new Response('This download has expired.', { status: 404 }));
    return;
  }
  const name = entry.name.replace(/["\\\r\n]/g, '_');
  event.respondWith(
    new Response(entry.stream, {
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      },
    }),
  );
}
