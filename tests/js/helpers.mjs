// Shared by the JS tests: paths, running both command lines, test references.
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const NATIVE = join(ROOT, 'build/readforge');
export const WASM_CLI = join(ROOT, 'bin/readforge-wasm.mjs');
export const MT = join(ROOT, 'public/refs/MT-human.fa');

export function tempDir(t) {
  const dir = mkdtempSync(join(tmpdir(), 'readforge-js-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const scratchDirs = [];
process.on('exit', () => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** A folder for a test file's shared files (or a test without `t`), removed when its process exits. */
export function scratchDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

/** Runs a command line; returns status, stdout and stderr (as latin1 text). */
export function run(command, args, { cwd, input } = {}) {
  const r = spawnSync(command, args, { cwd, input, maxBuffer: 1 << 30, encoding: 'latin1' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs a command line without blocking the event loop (the test's own server must answer it);
 * extra environment variables in `env`.
 */
export function runAsync(command, args, { cwd, env = {} } = {}) {
  return new Promise((resolve) => {
    const options = {
      cwd,
      encoding: 'latin1',
      maxBuffer: 1 << 28,
      env: { ...process.env, ...env },
    };
    execFile(command, args, options, (error, stdout, stderr) =>
      resolve({ status: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export const native = (args, opts) => run(NATIVE, args, opts);
export const wasm = (args, opts) => run(process.execPath, [WASM_CLI, ...args], opts);

/** A reproducible random sequence (a linear congruential generator: test data only). */
export function randomBases(length, seed) {
  let x = seed >>> 0;
  let s = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    s += 'ACGT'[x >>> 30];
  }
  return s;
}

export function wrap(bases, width = 60, eol = '\n') {
  let out = '';
  for (let i = 0; i < bases.length; i += width) out += bases.slice(i, i + width) + eol;
  return out;
}

/**
 * A reference with everything awkward in it: N runs, lowercase, IUPAC codes, CRLF line ends,
 * several contigs including ones too short to use.
 */
export function awkwardReference() {
  const chr1 = randomBases(30000, 1);
  const withN = chr1.slice(0, 5000) + 'N'.repeat(3000) + chr1.slice(8000);
  const lower = randomBases(12000, 2).toLowerCase();
  const iupac = randomBases(9000, 3)
    .replace(/A(?=C)/g, 'R')
    .replace(/GT/g, 'YK');
  return (
    '>chr1 with an N run\r\n' +
    wrap(withN, 60, '\r\n') +
    '>tiny\r\nACGTACGT\r\n' +
    '>chr2_lower\n' +
    wrap(lower, 70) +
    '>chr3_iupac\n' +
    wrap(iupac, 80) +
    '>short\n' +
    wrap(randomBases(120, 4)) +
    '>allN\n' +
    wrap('N'.repeat(2000))
  );
}

export function read(path) {
  return readFileSync(path, 'latin1');
}

export function write(path, text) {
  writeFileSync(path, text, 'latin1');
}

/**
 * Starts a long-running process (a server) for a test file; resolves once its output matches
 * `ready`. Every process started is in `children`, for the file's after() to kill.
 */
export function startProcess(children, command, args, ready) {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d) => {
      out += d;
      if (ready.test(out)) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${command} exited (${code}): ${out}`)));
  });
}

/** Waits until `url` answers 200 (10 s at most). */
export async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
}

/** The native CLI's outputs (read files named `files`, in a temporary folder) for `args`. */
export function nativeOutputs(args, reference, files) {
  const dir = mkdtempSync(join(tmpdir(), 'readforge-native-'));
  try {
    execFileSync(NATIVE, [
      '-q',
      ...args,
      '--mutations',
      '/dev/null',
      reference,
      ...files.map((f) => join(dir, f)),
    ]);
    return files.map((f) => readFileSync(join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true }); // a run of millions of pairs: gigabytes
  }
}

/** A shared run's manifest (web/src/shared/run-manifest.ts) as the app posts it (README's example). */
export function sampleManifest() {
  return JSON.parse(readFileSync(join(ROOT, 'tests/data/run-manifest.json'), 'utf8'));
}

/** Runs readforge-wasm; resolves with its exit status and peak resident memory (VmHWM, MB). */
export function runWasm(args, { readBytesPerSecond = 0 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WASM_CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peak = 0;
    const status = () => {
      try {
        const text = readFileSync(`/proc/${child.pid}/status`, 'latin1');
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(text)[1]) / 1024);
      } catch {} // it has ended
    };
    const timer = setInterval(status, 50);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let received = 0;
    const started = Date.now();
    child.stdout.on('data', (chunk) => {
      received += chunk.length;
      if (!readBytesPerSecond) return;
      // A slow consumer: pause until the bytes so far are due at that rate.
      const due = (received / readBytesPerSecond) * 1000 - (Date.now() - started);
      if (due > 0) {
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), due);
      }
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, peak, received, stderr });
    });
  });
}
