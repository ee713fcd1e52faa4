// The host-independent pump: chunking never changes the bytes, progress is reported,
// back-pressure holds, and AbortSignal stops a run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadReadforge } from '../../dist/node/load-module.js';
import { scanReference } from '../../dist/runner/first-pass.js';
import { simulate, ReadforgeError } from '../../dist/runner/pump.js';
import { awkwardReference, MT, native, read, tempDir, write } from './helpers.mjs';

const module = await loadReadforge();
const encoder = new TextEncoder();

/** The bytes as a stream of chunks of the given sizes, cycled. */
function chunked(bytes, sizes) {
  let at = 0;
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      const n = sizes[i++ % sizes.length];
      controller.enqueue(bytes.slice(at, at + n));
      at += n;
    },
  });
}

async function collect(request, source, extra = {}) {
  const parts = [[], [], [], []];
  const summary = await simulate(module, request, source, {
    onOutput: (stream, bytes) => void parts[stream].push(Buffer.from(bytes)),
    ...extra,
  });
  return { summary, outputs: parts.map((p) => Buffer.concat(p).toString('latin1')) };
}

test('chunk sizes of 1 byte, odd sizes and whole give the bytes of the native CLI', async (t) => {
  const dir = tempDir(t);
  const text = awkwardReference();
  write(join(dir, 'ref.fa'), text);
  const r = native(['-S', '3', '-C', '2', '--mutations', 'm.txt', 'ref.fa', 'a.fq', 'b.fq'], {
    cwd: dir,
  });
  assert.equal(r.status, 0, r.stderr);
  const expected = [read(join(dir, 'a.fq')), read(join(dir, 'b.fq')), read(join(dir, 'm.txt'))];
  const bytes = encoder.encode(text);
  const request = {
    settings: [
      ['S', '3'],
      ['C', '2'],
    ],
  };
  for (const sizes of [[1], [7, 13, 4093], [bytes.length]]) {
    const { outputs } = await collect(request, chunked(bytes, sizes));
    assert.ok(outputs[0] === expected[0], `read 1 differs for chunks ${sizes}`);
    assert.ok(outputs[1] === expected[1], `read 2 differs for chunks ${sizes}`);
    assert.ok(outputs[2] === expected[2], `mutations differ for chunks ${sizes}`);
  }
});

test('progress reaches the whole reference when its size is known', async () => {
  const text = read(MT);
  const faiText = read(`${MT}.fai`);
  const seen = [];
  const { summary } = await collect(
    {
      settings: [
        ['S', '1'],
        ['N', '20000'],
      ],
      faiText,
    },
    chunked(encoder.encode(text), [4096]),
    { onProgress: (p) => seen.push(p.fraction) },
  );
  assert.equal(summary.stats.pairs, 20000);
  assert.equal(seen.at(-1), 1);
  assert.ok(
    seen.every((f, i) => i === 0 || f >= seen[i - 1]),
    'progress never goes back',
  );
});

test('a slow consumer holds the engine back (bounded buffering)', async () => {
  const text = encoder.encode(awkwardReference());
  let pulled = 0;
  const source = new ReadableStream(
    {
      pull(controller) {
        if (pulled >= text.length) return controller.close();
        controller.enqueue(text.slice(pulled, pulled + 1024));
        pulled += 1024;
      },
    },
    { highWaterMark: 0 },
  );
  let outputs = 0;
  let maxPulledBeforeFirstOutput = -1;
  await simulate(
    module,
    {
      settings: [
        ['S', '1'],
        ['C', '20'],
        ['block-size', '4096'],
      ],
    },
    source,
    {
      onOutput: async (_stream, bytes) => {
        if (outputs++ === 0) maxPulledBeforeFirstOutput = pulled;
        assert.ok(bytes.length <= 2 * (1 << 18) + 1000, 'output arrives in bounded pieces');
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
    },
  );
  assert.ok(outputs > 10);
  // The first output is produced long before the whole reference has been read.
  assert.ok(maxPulledBeforeFirstOutput < text.length, `read ${maxPulledBeforeFirstOutput} first`);
});

test('an AbortSignal stops the run and releases the source', async () => {
  const controller = new AbortController();
  let cancelled = false;
  let outputs = 0;
  const text = encoder.encode(read(MT));
  const bases = encoder.encode('ACGTTGCA'.repeat(8192) + '\n');
  let started = false;
  const source = new ReadableStream({
    pull(c) {
      // one endless contig
      c.enqueue(started ? bases : encoder.encode('>endless\n'));
      started = true;
    },
    cancel() {
      cancelled = true;
    },
  });
  await assert.rejects(
    simulate(
      module,
      {
        settings: [
          ['S', '1'],
          ['C', '1000'],
        ],
      },
      source,
      {
        signal: controller.signal,
        onOutput: () => {
          if (++outputs === 3) controller.abort(new Error('user cancelled'));
        },
      },
    ),
    /user cancelled/,
  );
  assert.ok(cancelled, 'the source was cancelled');
  assert.equal(outputs, 3);
  // The same module runs again afterwards.
  const { summary } = await collect(
    {
      settings: [
        ['S', '1'],
        ['N', '10'],
      ],
      faiText: read(`${MT}.fai`),
    },
    chunked(text, [text.length]),
  );
  assert.equal(summary.stats.pairs, 10);
});

test('bad input is a ReadforgeError with the engine message', async () => {
  await assert.rejects(
    collect(
      {
        settings: [
          ['S', '1'],
          ['C', '1'],
        ],
      },
      chunked(encoder.encode('ACGT\n'), [2]),
    ),
    (e) =>
      e instanceof ReadforgeError &&
      e.message === "line 1: expected '>' header before sequence data, found 'A'",
  );
  await assert.rejects(
    collect({ settings: [['e', '7']] }, chunked(encoder.encode('>a\nACGT\n'), [2])),
    (e) => e instanceof ReadforgeError && e.message === '-e/--error-rate must be in [0, 1], got 7',
  );
  const scan = await scanReference(
    module,
    chunked(encoder.encode('>x\nACGT\nA\n>y\nCNNn\nNC\n'), [3]),
  );
  assert.equal(scan.faiText, 'x\t5\t0\t1\t1\ny\t6\t0\t1\t1\n');
  assert.equal(
    scan.gapsText,
    '#readforge-gaps\t1\n#contig\tx\t5\t0\t0\n#contig\ty\t6\t4\t1\ny\t1\t5\n',
  );
});
