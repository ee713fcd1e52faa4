// readforge's one service worker (built by vite-plugin-pwa, injectManifest):
// - offline: the app shell, the wasm module, the Worker scripts, the built-in mitochondrial
//   reference and the shipped profile are precached at install; the E. coli reference is cached
//   the first time it is used. After one visit, runs from local files or a built-in reference
//   work with the network off.
// - updates: a new version installs in the background and waits; the page offers it (never
//   swapped in during a run) and asks it to take over (SKIP_WAITING).
// - streamed downloads, for browsers without the File System Access API (see
//   sw/download-streams.ts).
/// <reference lib="webworker" />
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { serveDownload, takeDownload } from './download-streams.js';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: { url: string; revision: string | null }[];
};

// The first install takes over at once (there is no older version to interrupt); later ones wait.
self.addEventListener('install', () => {
  if (!self.registration.active) void self.skipWaiting();
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
  else takeDownload(event);
});

// Before the precache's route: download URLs are never cached.
self.addEventListener('fetch', (event) => serveDownload(event));

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/refs/'),
  new CacheFirst({ cacheName: 'readforge-references' }),
);
// A shared run's address (/r/<id>) is the app's page, which fetches the run from the API.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { allowlist: [/^\/r\//] }),
);
