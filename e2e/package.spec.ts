// The npm package as a user meets it: `npm pack`, installed with vite into a fresh project
// outside the repository, the README's page example bundled by vite and run in Chromium, the
// README's Node example run by plain Node, and both type-checked with `tsc --strict`. Each run
// writes the command line's bytes.
import { expect } from '@playwright/test';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MT, nativeRun, readSaved, ROOT, SHOTS, test, scratchDir } from './helpers';

const PACKAGE = join(ROOT, 'packages/readforge');
const PORT = 4591;
let project = '';
let server: ChildProcess | null = null;

/** The README's code block after `<!-- example: NAME -->`. */
function example(name: string): string {
  const readme = readFileSync(join(PACKAGE, 'README.md'), 'utf8');
  const match = readme.match(new RegExp(`<!-- example: ${name} -->\\s*\`\`\`\\w*\\n([^]*?)\`\`\``));
  if (!match) throw new Error(`README.md has no example ${name}`);
  return match[1];
}

const run = (command: string, args: string[], cwd = project) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  project = mkdtempSync(join(tmpdir(), 'readforge-package-'));
  const tarball = run('npm', ['pack', '--pack-destination', project], PACKAGE).trim();
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'uses-readforge', private: true, type: 'module' }),
  );
  run('npm', [
    'install',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    `./${tarball}`,
    'vite@8',
    '@types/node@20',
  ]);
  writeFileSync(
    join(project, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>readforge</title></head>
<body><input type="file" id="fasta"><input id="pairs" value="1000">
<button id="run">Simulate</button><button id="stop">Stop</button><p id="status"></p>
<script type="module" src="/src/main.ts"></script>
<script type="module" src="/src/extra.ts"></script></body></html>`,
  );
  // For the test: the package's API on the page, and a reference the page serves.
  run('mkdir', ['-p', 'src', 'public']);
  writeFileSync(
    join(project, 'src/extra.ts'),
    `import { simulate } from 'readforge';\n(window as unknown as { simulate: typeof simulate }).simulate = simulate;\n`,
  );
  writeFileSync(join(project, 'public/MT-human.fa'), readFileSync(MT));
  writeFileSync(join(project, 'src/main.ts'), example('src/main.ts'));
  writeFileSync(join(project, 'run.mjs'), example('run.mjs'));
  run('npx', ['vite', 'build']);
  server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
    cwd: project,
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://localhost:${PORT}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('vite preview did not start');
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid);
  if (project) rmSync(project, { recursive: true, force: true });
});

test('a vite page bundles the package and writes the CLI bytes from a Worker', async ({ page }) => {
  await page.goto(`http://localhost:${PORT}/`);
  await page.locator('#fasta').setInputFiles(MT);
  const worker = page.waitForEvent('worker');
  await page.locator('#run').click();
  // The engine runs in a Worker the package starts (vite bundled it as a chunk of its own).
  expect((await worker).url()).toMatch(/\/assets\/worker-[\w-]+\.js$/);
  await expect(page.locator('#status')).toContainText('wrote 1000 read pairs', {
    timeout: 30_000,
  });
  await page.screenshot({ path: join(SHOTS, 'package-vite-page.png') });
  const expected = nativeRun(['-N', '1000', '-S', '7'], MT, ['1.fq', '2.fq']);
  expect((await readSaved(page, 'r1.fq')).equals(expected.fastq[0])).toBe(true);
  expect((await readSaved(page, 'r2.fq')).equals(expected.fastq[1])).toBe(true);

  // Progress as it goes, and an AbortSignal that stops the run.
  await page.locator('#pairs').fill('50000000');
  await page.locator('#run').click();
  await expect(page.locator('#status')).toHaveText(/^[1-9][\d]* pairs$/, { timeout: 30_000 });
  await page.locator('#stop').click();
  await expect(page.locator('#status')).toHaveText('not done: stopped', { timeout: 10_000 });

  // A bad setting is the command line's message.
  await page.locator('#pairs').fill('-5');
  await page.locator('#run').click();
  await expect(page.locator('#status')).toContainText('not done: ');
  await expect(page.locator('#status')).toContainText('pairs');
});

test('in the page: a relative URL, function outputs, in a Worker or in the calling thread', async ({
  page,
}) => {
  await page.goto(`http://localhost:${PORT}/`);
  // The bundle's module sets window.simulate once it has loaded: wait for it.
  await page.waitForFunction(
    () => typeof (window as unknown as { simulate?: unknown }).simulate === 'function',
  );
  const expected = nativeRun(['-N', '500', '-S', '5', '--interleaved'], MT, ['i.fq']);
  for (const worker of [true, false]) {
    const base64 = await page.evaluate(async (inWorker) => {
      const pieces: Uint8Array[] = [];
      const simulate = (window as unknown as { simulate: Function }).simulate;
      await simulate({
        reference: 'MT-human.fa',
        settings: { pairs: 500, seed: 5, interleaved: true },
        outputs: { read1: (bytes: Uint8Array) => void pieces.push(bytes) },
        worker: inWorker,
      });
      const all = new Uint8Array(await new Blob(pieces as BlobPart[]).arrayBuffer());
      let text = '';
      for (const byte of all) text += String.fromCharCode(byte);
      return btoa(text);
    }, worker);
    expect(Buffer.from(base64, 'base64').equals(expected.fastq[0]), `worker: ${worker}`).toBe(true);
  }
  // A reference that is not FASTA (the server answers its page): the message names it.
  const message = await page.evaluate(async () => {
    const simulate = (window as unknown as { simulate: Function }).simulate;
    return simulate({ reference: 'missing.fa', outputs: { read1: () => {} } }).then(
      () => 'no error',
      (e: Error) => e.message,
    );
  });
  expect(message).toBe(
    `http://localhost:${PORT}/missing.fa: line 1: expected '>' header before sequence data, found '<'`,
  );
});

test('plain Node runs the same tarball: the CLI bytes', () => {
  const out = run('node', ['run.mjs', MT]);
  expect(out).toContain('wrote 1000 read pairs');
  const expected = nativeRun(
    ['-N', '1000', '-S', '7', '-1', '100', '-2', '100'],
    MT,
    ['1.fq', '2.fq'],
    true,
  );
  expect(readFileSync(join(project, 'r1.fq')).equals(expected.fastq[0])).toBe(true);
  expect(readFileSync(join(project, 'r2.fq')).equals(expected.fastq[1])).toBe(true);
  expect(readFileSync(join(project, 'truth.vcf')).equals(expected.vcf!)).toBe(true);
  // A reference streamed once: refused without its sidecar, the same bytes with it.
  const sidecar = join(project, 'MT.side');
  execFileSync(join(ROOT, 'build/readforge'), ['index', '-o', sidecar, MT], { stdio: 'ignore' });
  const streamed = (index: string) => `import { simulate } from 'readforge';
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
const reference = Readable.toWeb(createReadStream(${JSON.stringify(MT)}));
const pieces = [];
await simulate({
  reference, ${index}
  settings: { pairs: 1000, seed: 7, interleaved: true },
  outputs: { read1: (bytes) => pieces.push(bytes) },
}).then(() => process.stdout.write(Buffer.concat(pieces)), (e) => process.stdout.write(e.message));`;
  expect(run('node', ['--input-type=module', '-e', streamed('')])).toContain(
    'a reference given as a stream is read once',
  );
  const interleaved = run('node', [
    '--input-type=module',
    '-e',
    streamed(`index: readFileSync(${JSON.stringify(sidecar)}, 'latin1'),`),
  ]);
  const native = nativeRun(['-N', '1000', '-S', '7', '--interleaved'], MT, ['i.fq']);
  expect(Buffer.from(interleaved, 'latin1').equals(native.fastq[0])).toBe(true);

  // Repeated options as lists: two regions, as --region twice.
  const regions = run('node', [
    '--input-type=module',
    '-e',
    `import { simulate } from 'readforge';
const pieces = [];
await simulate({
  reference: ${JSON.stringify(MT)},
  settings: { pairs: 500, seed: 3, 'read2-length': 0, region: ['MT_human:1-5000', 'MT_human:9001-14000'] },
  outputs: { read1: (bytes) => pieces.push(bytes) },
});
process.stdout.write(Buffer.concat(pieces));`,
  ]);
  const twoRegions = nativeRun(
    [
      '-N',
      '500',
      '-S',
      '3',
      '-2',
      '0',
      '--region',
      'MT_human:1-5000',
      '--region',
      'MT_human:9001-14000',
    ],
    MT,
    ['s.fq'],
  );
  expect(Buffer.from(regions, 'latin1').equals(twoRegions.fastq[0])).toBe(true);
  expect(regions).toContain('@MT_human_9'); // pairs from the second region too

  // Outputs without read 1: refused, not dropped.
  const noRead1 = run('node', [
    '--input-type=module',
    '-e',
    `import { simulate } from 'readforge';
await simulate({ reference: ${JSON.stringify(MT)}, outputs: { vcf: 'x.vcf' } }).catch((e) => console.log(e.message));`,
  ]);
  expect(noRead1.trim()).toBe('outputs.read1 is required');

  // A missing reference: the CLI's words, and no output left behind.
  rmSync(join(project, 'r1.fq'));
  let message = '';
  try {
    run('node', ['run.mjs', join(project, 'missing.fa')]);
  } catch (error) {
    message = String((error as { stderr: string }).stderr);
  }
  expect(message).toContain('cannot open');
  expect(message).toContain('missing.fa');
});

test('quality profiles and planted variants through the package: the CLI bytes', () => {
  // One run's truth VCF becomes the known variants the next plants.
  const first = nativeRun(['-N', '100', '-S', '4', '-r', '0.01'], MT, ['a.fq', 'b.fq'], true);
  writeFileSync(join(project, 'known.vcf'), first.vcf!);
  const profile = join(ROOT, 'public/profiles/illumina-like-2x150.profile');
  run('node', [
    '--input-type=module',
    '-e',
    `import { simulate } from 'readforge';
import { readFileSync } from 'node:fs';
await simulate({
  reference: ${JSON.stringify(MT)},
  settings: { pairs: 2000, seed: 12, 'read1-length': 150, 'read2-length': 150, 'mutation-rate': 0 },
  profiles: [readFileSync(${JSON.stringify(profile)}, 'latin1')],
  variants: readFileSync('known.vcf'),
  outputs: { read1: 'p1.fq', read2: 'p2.fq', vcf: 'p.vcf' },
});`,
  ]);
  const expected = nativeRun(
    ['-N', '2000', '-S', '12', '-1', '150', '-2', '150', '-r', '0', '--profile', profile].concat([
      '--variants',
      join(project, 'known.vcf'),
    ]),
    MT,
    ['1.fq', '2.fq'],
    true,
  );
  expect(readFileSync(join(project, 'p1.fq')).equals(expected.fastq[0])).toBe(true);
  expect(readFileSync(join(project, 'p2.fq')).equals(expected.fastq[1])).toBe(true);
  expect(readFileSync(join(project, 'p.vcf')).equals(expected.vcf!)).toBe(true);
  // The planted variants are in the truth, and the reads carry the profile's qualities.
  const planted = first
    .vcf!.toString()
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  expect(planted.length).toBeGreaterThan(50);
  expect(readFileSync(join(project, 'p.vcf'), 'latin1')).toContain(planted[0].split('\t')[1]);
  expect(readFileSync(join(project, 'p1.fq'), 'latin1').split('\n')[3]).not.toMatch(/^I+$/);
});

test('settings naming files: texts given, or read as paths in Node; the CLI bytes', () => {
  writeFileSync(join(project, 'bins.tsv'), '0\t14\t12\n15\t30\t23\n31\t93\t37\n');
  writeFileSync(join(project, 'panel.bed'), 'MT_human\t1000\t6000\nMT_human\t9000\t12000\n');
  writeFileSync(join(project, 'gc.tsv'), '0.2\t0.4\n0.45\t1\n0.7\t0.4\n');
  const script = `import { simulate } from 'readforge';
await simulate({
  reference: ${JSON.stringify(MT)},
  settings: { pairs: 3000, seed: 8, 'quality-bins': 'bins.tsv', bed: 'panel.bed', 'gc-bias': 'gc.tsv' },
  files: { 'bins.tsv': '0\\t14\\t12\\n15\\t30\\t23\\n31\\t93\\t37\\n', 'panel.bed': 'MT_human\\t1000\\t6000\\nMT_human\\t9000\\t12000\\n' },
  outputs: { read1: 'f1.fq', read2: 'f2.fq' },
}).catch((e) => console.log(e.message));`;
  expect(run('node', ['--input-type=module', '-e', script])).toBe(''); // gc.tsv read as a path
  const expected = nativeRun(
    ['-N', '3000', '-S', '8', '--quality-bins', join(project, 'bins.tsv')].concat([
      '--bed',
      join(project, 'panel.bed'),
      '--gc-bias',
      join(project, 'gc.tsv'),
    ]),
    MT,
    ['1.fq', '2.fq'],
  );
  expect(readFileSync(join(project, 'f1.fq')).equals(expected.fastq[0])).toBe(true);
  expect(readFileSync(join(project, 'f2.fq')).equals(expected.fastq[1])).toBe(true);
  // Only the table's values, and only the BED's regions.
  const lines = readFileSync(join(project, 'f1.fq'), 'latin1').split('\n');
  const qualities = new Set(lines.filter((_, i) => i % 4 === 3).join(''));
  expect([...qualities].every((q) => '-8F'.includes(q))).toBe(true); // 12, 23, 37
  for (const name of lines.filter((_, i) => i % 4 === 0 && lines[i])) {
    const [, begin, end] = name.match(/^@MT_human_(\d+)_(\d+)_/)!.map(Number);
    const inside = (b: number, e: number) => begin > b && end <= e;
    expect(inside(1000, 6000) || inside(9000, 12000)).toBe(true);
  }
  // A BED named but neither given nor on disk: a clear error.
  const missing = script.replace("bed: 'panel.bed'", "bed: 'nowhere.bed'");
  expect(run('node', ['--input-type=module', '-e', missing])).toContain(
    "the text of 'nowhere.bed'",
  );
});

test('communities and amplicons through the package: the CLI bytes and genome truth', () => {
  // Two genomes made of the mitochondrion's halves.
  const sequence = readFileSync(MT, 'latin1').split('\n').slice(1).join('');
  writeFileSync(
    join(project, 'two.fa'),
    `>x1\n${sequence.slice(0, 6000)}\n>x2\n${sequence.slice(6000, 9000)}\n>y1\n${sequence.slice(9000)}\n`,
  );
  writeFileSync(join(project, 'map.tsv'), 'x1 X\nx2 X\ny1 Y\n');
  writeFileSync(join(project, 'ab.tsv'), 'genome abundance\nX 1\nY 3\n');
  writeFileSync(join(project, 'amp.bed'), 'MT_human\t100\t400\tone\nMT_human\t300\t700\ttwo\t3\n');
  const script = `import { simulate } from 'readforge';
await simulate({
  reference: 'two.fa',
  settings: { pairs: 2000, seed: 4, 'genome-map': 'map.tsv', abundance: 'ab.tsv' },
  files: { 'map.tsv': 'x1 X\\nx2 X\\ny1 Y\\n' },
  outputs: { read1: 'm1.fq', read2: 'm2.fq', genomeTruth: 'genomes.tsv' },
});
await simulate({
  reference: ${JSON.stringify(MT)},
  settings: { pairs: 1000, seed: 5, amplicons: 'amp.bed', 'amplicon-spread': 0.3 },
  outputs: { read1: 'p1.fq', read2: 'p2.fq' },
});`;
  expect(run('node', ['--input-type=module', '-e', script])).toBe('');
  const dir = scratchDir('readforge-community-');
  const cli = (args: string[]) =>
    execFileSync(join(ROOT, 'build/readforge'), ['-q', '--mutations', '/dev/null', ...args], {
      cwd: project,
    });
  cli(
    ['-N', '2000', '-S', '4', '--genome-map', 'map.tsv', '--abundance', 'ab.tsv'].concat([
      '--genome-truth',
      join(dir, 'genomes.tsv'),
      'two.fa',
      join(dir, 'm1.fq'),
      join(dir, 'm2.fq'),
    ]),
  );
  cli(
    ['-N', '1000', '-S', '5', '--amplicons', 'amp.bed', '--amplicon-spread', '0.3', MT].concat([
      join(dir, 'p1.fq'),
      join(dir, 'p2.fq'),
    ]),
  );
  for (const name of ['m1.fq', 'm2.fq', 'genomes.tsv', 'p1.fq', 'p2.fq'])
    expect(readFileSync(join(project, name)).equals(readFileSync(join(dir, name))), name).toBe(
      true,
    );
  const rows = readFileSync(join(project, 'genomes.tsv'), 'latin1').split('\n');
  expect(rows.filter((r) => /^[XY]\t/.test(r)).map((r) => r.split('\t')[4])).toEqual([
    '500',
    '1500',
  ]);
  // The truth without a map: the engine's message.
  const refused = script.replace(`'genome-map': 'map.tsv', `, '');
  expect(() => run('node', ['--input-type=module', '-e', refused])).toThrow(/needs --genome-map/);
});

test('truth alignments and their index through the package: the CLI bytes', () => {
  const script = `import { simulate } from 'readforge';
const result = await simulate({
  reference: ${JSON.stringify(MT)},
  settings: { pairs: 2000, seed: 21 },
  outputs: { read1: 'g1.fq', read2: 'g2.fq', bam: 'g.bam', bamIndex: 'g.bam.bai' },
});
console.log(result.bamIndex);`;
  expect(run('node', ['--input-type=module', '-e', script]).trim()).toBe('.bai');
  const dir = scratchDir('readforge-bam-');
  execFileSync(join(ROOT, 'build/readforge'), [
    ...['-q', '-N', '2000', '-S', '21', '--bam', join(dir, 'g.bam'), '--mutations', '/dev/null'],
    ...[MT, join(dir, '1.fq'), join(dir, '2.fq')],
  ]);
  for (const name of ['g.bam', 'g.bam.bai'])
    expect(readFileSync(join(project, name)).equals(readFileSync(join(dir, name)))).toBe(true);
  // samtools reads it through the index.
  const stats = run('samtools', ['idxstats', 'g.bam']);
  expect(stats).toMatch(/^MT_human\t16569\t4000\t0/);
  const refused = script.replace("bam: 'g.bam', ", '');
  expect(() => run('node', ['--input-type=module', '-e', refused])).toThrow(/give outputs.bam too/);
});

test('npx readforge-wasm from the tarball: the CLI, on two threads, the same bytes', () => {
  run('npx', ['readforge-wasm', '-q', '-N', '30000', '-S', '9', '-t', '2', MT, 'w1.fq', 'w2.fq']);
  const expected = nativeRun(['-N', '30000', '-S', '9'], MT, ['1.fq', '2.fq']);
  expect(readFileSync(join(project, 'w1.fq')).equals(expected.fastq[0])).toBe(true);
  expect(readFileSync(join(project, 'w2.fq')).equals(expected.fastq[1])).toBe(true);
  expect(run('npx', ['readforge-wasm', '--help'])).toContain('Usage: readforge-wasm');
});

test('the package types check under tsc --strict, for the page and for Node', () => {
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  const common = ['--strict', '--noEmit', '--skipLibCheck', 'false', '--target', 'ES2022'];
  // The page: a bundler's resolution (the browser's types).
  run(tsc, [
    ...common,
    '--module',
    'ESNext',
    '--moduleResolution',
    'Bundler',
    '--lib',
    'ES2022,DOM',
    'src/main.ts',
  ]);
  // Node: the `node` export's types, in a TypeScript copy of the Node example.
  writeFileSync(join(project, 'run.mts'), example('run.mjs'));
  const node = [
    '--module',
    'NodeNext',
    '--moduleResolution',
    'NodeNext',
    '--lib',
    'ES2022',
    '--types',
    'node',
  ];
  run(tsc, [...common, ...node, 'run.mts']);
  // A misuse the types catch: an output that is not one.
  writeFileSync(
    join(project, 'wrong.mts'),
    `import { simulate } from 'readforge';\nawait simulate({ reference: 'a.fa', outputs: { read1: 42 } });\n`,
  );
  let errors = '';
  try {
    run(tsc, [...common, ...node, 'wrong.mts']);
  } catch (error) {
    errors = String((error as { stdout: string }).stdout);
  }
  expect(errors).toContain("Type 'number' is not assignable");
});
