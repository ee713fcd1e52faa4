// Streaming downloads through the app's service worker (web/src/sw/download-streams.ts), where
// the File System Access API is missing. Each output gets a TransformStream: the Worker writes into one end, the service
// worker serves the other as a download.
let registration: Promise<ServiceWorker | null> | null = null;

/** The active service worker controlling this page, or null where there is none. */
export function streamingDownloads(): Promise<ServiceWorker | null> {
  registration ??= (async () => {
    if (!('serviceWorker' in navigator) || !navigator.serviceWorker) return null;
    try {
      // registered by updates.ts; in development (no service worker built) this never settles
      const ready = await Promise.race([
        navigator.serviceWorker.ready,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000)),
      ]);
      if (!ready) return null;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      }
      return navigator.serviceWorker.controller;
    } catch {
      return null;
    }
  })();
  return registration;
}

/** Starts a download named `name`; returns the stream to write the file's bytes into. */
export async function startDownload(
  worker: ServiceWorker,
  name: string,
): Promise<WritableStream<Uint8Array>> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const id = crypto.randomUUID();
  const channel = new MessageChannel();
  const ready = new Promise((resolve) => (channel.port1.onmessage = resolve));
  worker.postMessage({ id, name, stream: readable }, [
    readable as unknown as Transferable,
    channel.port2,
  ]);
  await ready;
  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.src = `/__readforge_download/${id}`;
  document.body.append(frame);
  setTimeout(() => frame.remove(), 60_000);
  return writable;
}
