// The service worker (web/src/sw/sw.ts): registered on load, so the app works offline after one
// visit; a new version is offered in a banner and only taken when no run is going (a run's
// Workers and downloads belong to the version that started them).
import { Workbox } from 'workbox-window';

export function registerServiceWorker(running: () => boolean): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || !navigator.serviceWorker) return;
  const workbox = new Workbox('/sw.js');
  const banner = document.querySelector<HTMLElement>('#update')!;
  const button = document.querySelector<HTMLButtonElement>('#update-reload')!;
  workbox.addEventListener('waiting', () => {
    banner.hidden = false;
  });
  button.addEventListener('click', () => {
    if (running()) {
      banner.querySelector('p')!.textContent =
        'A new version of readforge is ready: it will be offered again when this run ends.';
      return;
    }
    workbox.addEventListener('controlling', () => location.reload());
    workbox.messageSkipWaiting();
  });
  void workbox.register();
}

/** Offers a waiting version again (after a run). */
export function offerWaitingUpdate(): void {
  const banner = document.querySelector<HTMLElement>('#update');
  if (banner && !banner.hidden)
    banner.querySelector('p')!.textContent = 'A new version of readforge is ready.';
}
