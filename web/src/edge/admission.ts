// Admission control: one isolate serves many requests and the platform's memory limit is per
// isolate, so runs beyond the configured number are turned away (503 with Retry-After) rather
// than admitted to push every stream past the limit.
import { ApiError } from './http.js';

let active = 0;

/** Runs admitted and not yet finished. */
export const activeRuns = () => active;

/**
 * Admits one run, or throws a 503 when `limit` are running. Returns the run's release, which
 * may be called more than once (the first call counts).
 */
export function admit(limit: number): () => void {
  if (active >= limit) {
    throw new ApiError(
      503,
      null,
      `this server is busy: ${active} runs are streaming (it allows ${limit} at once); ` +
        'retry in a few seconds',
      { 'Retry-After': '5' },
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
