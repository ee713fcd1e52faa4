// A per-client limit on shared runs: a fixed one-hour window per client address, counted in the
// isolate's memory. An isolate is one of many on the platform, so this bounds a client per
// isolate; a deployment that needs a global bound adds Cloudflare's rate-limiting rules in front
// (docs/edge-api.md). Counting in KV instead would cost a write per post and still race.
import { ApiError } from './http.js';

const HOUR = 3_600_000;
const windows = new Map<string, { start: number; count: number }>();

/** Counts one post by `client`; throws 429 (with Retry-After) past `perHour`. */
export function limitRate(client: string, perHour: number, now = Date.now()): void {
  let window = windows.get(client);
  if (!window || now - window.start >= HOUR) {
    if (windows.size > 10_000) windows.clear(); // bounded memory whatever the traffic
    window = { start: now, count: 0 };
    windows.set(client, window);
  }
  if (window.count >= perHour) {
    const seconds = Math.ceil((window.start + HOUR - now) / 1000);
    throw new ApiError(
      429,
      null,
      `too many shared runs from this address (${perHour} an hour); retry in ${seconds} s`,
      { 'Retry-After': String(seconds) },
    );
  }
  window.count++;
}
