// An interrupted run leaves nothing a later tool could take for complete: SIGINT and SIGTERM,
// native and readforge-wasm, one thread and two, remove every output file being written and
// exit 130 or 143; a sidecar being replaced keeps the old one until the new one is whole.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { NATIVE, ROOT, WASM_CLI, tempDir } from './helpers.mjs';

const HOSTS = [
  ['native', NATIVE, []],
  ['readforge-wasm', process.execPath, [WASM_CLI]],
];

/** Starts `command`, waits until `path` holds over `bytes` bytes, sends `signal`. */
function interrupt(command, args, cwd, path, bytes, signal) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'ignore' });
    let sent = false;
    const timer = setInterval(() => {
      if (!sent && existsSync(path) && statSync(path).size > bytes) {
        sent = true;
        child.kill(signal);
      }
    }, 20);
    child.on('error', reject);
    child.on('exit', (code, by) => {
      clearInterval(timer);
      if (!sent) reject(new Error(`${args.join(' ')} ended (${code ?? by}) before the signal`));
      else resolve(code);
    });
  });
}

test('SIGINT and SIGTERM remove every output file, natively and in readforge-wasm', async (t) => {
  const dir = tempDir(t);
  writeFileSync(
    join(dir, 'ecoli.fa'),
    gunzipSync(readFileSync(`${ROOT}/public/refs/ecoli-536.fa.gz`)),
  );
  for (const [host, command, prefix] of HOSTS) {
    for (const threads of ['1', '2']) {
      for (const [signal, status] of [
        ['SIGINT', 130],
        ['SIGTERM', 143],
      ]) {
        const args = [
          ...prefix,
          ...['-S', '1', '-N', '20000000', '-1', '150', '-2', '150', '-t', threads],
          ...['--vcf', 'truth.vcf', '--mutations', 'list.txt', 'ecoli.fa', 'r1.fq', 'r2.fq'],
        ];
        const code = await interrupt(command, args, dir, join(dir, 'r1.fq'), 4 << 20, signal);
        const what = `${host} -t ${threads}, ${signal}`;
        assert.equal(code, status, what);
        assert.deepEqual(readdirSync(dir).sort(), ['ecoli.fa'], `${what}: files left`);
      }
    }
  }
});

test('readforge index replaces its sidecar whole, and leaves the old one when interrupted', async (t) => {
  const dir = tempDir(t);
  for (const [host, command, prefix] of HOSTS) {
    writeFileSync(join(dir, 'ref.fa'), '>a\nACGTNNNNACGT\n');
    const run = spawn(command, [...prefix, 'index', '-q', 'ref.fa'], { cwd: dir });
    assert.equal(await new Promise((r) => run.on('exit', r)), 0);
    const sidecar = readFileSync(join(dir, 'ref.fa.gaps.bed'), 'latin1');
    // (The contig's MD5 is that of its letters: md5('ACGTNNNNACGT').)
    assert.match(
      sidecar,
      /^#readforge-gaps\t1\n#contig\ta\t12\t4\t1\te33226e7ee2eef5c6e288e60ec51b2af\na\t4\t8\n$/,
    );
    // From a pipe that never ends: interrupted while measuring, the old sidecar stays as it was.
    const child = spawn(command, [...prefix, 'index', '-q', '-o', 'ref.fa.gaps.bed', '-'], {
      cwd: dir,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    const ended = new Promise((r) => child.on('exit', r));
    child.stdin.on('error', () => {}); // the reader goes away
    let open = true;
    ended.then(() => (open = false));
    setTimeout(() => child.kill('SIGTERM'), 500);
    const line = Buffer.from('ACGT'.repeat(1 << 14) + '\n');
    child.stdin.write('>b\n');
    while (open) if (!child.stdin.write(line)) await new Promise((r) => setTimeout(r, 5));
    assert.equal(await ended, 143, host);
    assert.equal(readFileSync(join(dir, 'ref.fa.gaps.bed'), 'latin1'), sidecar, host);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes('.partial')),
      [],
      `${host}: a temporary file left`,
    );
  }
});
