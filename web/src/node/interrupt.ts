// An interrupted run leaves nothing that looks complete: on SIGINT or SIGTERM the regular files
// being written are removed and the process exits with 128 + the signal's number (130, 143), as
// the native command line does (cpp/cli/interrupt.h). Small files written whole (a sidecar, a
// profile) go to a temporary name and are renamed when complete.
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';

const writing = new Set<string>();

export function installInterruptHandlers(): void {
  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      for (const path of writing) rmSync(path, { force: true });
      process.exit(status);
    });
  }
}

/** `path` is removed on an interrupt until released; only regular files (a pipe stays). */
export function protect(path: string): void {
  if (path !== '-' && existsSync(path) && statSync(path).isFile()) writing.add(path);
}

export function release(path: string): void {
  writing.delete(path);
}

/** Writes `text` to `path` through a temporary file beside it, renamed once written. */
export function replaceFile(path: string, text: string): void {
  const regular = !existsSync(path) || statSync(path).isFile();
  if (!regular) return writeFileSync(path, text, 'latin1'); // a device or a pipe, as it is
  const temporary = `${path}.partial-${process.pid}`;
  writing.add(temporary);
  try {
    writeFileSync(temporary, text, 'latin1');
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  } finally {
    writing.delete(temporary);
  }
}

let lastTurn = Date.now();

/**
 * Lets the event loop run (and signals in) every 50 ms: a run reading files synchronously would
 * otherwise never return to it, and an interrupt would wait for the end of the run.
 */
export async function letSignalsIn(): Promise<void> {
  if (Date.now() - lastTurn < 50) return;
  lastTurn = Date.now();
  await nextTurn();
}
