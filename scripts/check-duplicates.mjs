#!/usr/bin/env node
// Repeated code in the production sources (cpp/, web/src/, packages/readforge/src, scripts/,
// bin/): jscpd from npm, runs of six lines or more. Fails on any pair not in the reviewed allow-list below, so that new
// copies are folded into one piece of code instead of landing. Run by scripts/test.sh.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// Pairs of files allowed to share a run, and why (reviewed; keep it short).
const ALLOWED = [
  {
    files: ['cpp/formats/contig_digests.cc', 'cpp/formats/contig_scanner.cc'],
    why: "the FASTA parser's event loop, which each reader ends differently",
  },
  {
    files: ['cpp/engine/quality_profile.cc', 'cpp/formats/gap_index.cc'],
    why: 'two formats read line by line, each checking its own magic line and version',
  },
];

const out = mkdtempSync(join(tmpdir(), 'readforge-jscpd-'));
const run = spawnSync(
  'npx',
  [
    'jscpd',
    ...['--min-lines', '6', '--format', 'cpp,typescript,javascript,css'],
    ...['--ignore', '**/.wrangler/**,**/node_modules/**,**/dist/**'],
    ...['--reporters', 'json', '--output', out],
    '--silent',
    'cpp',
    'web/src',
    'packages/readforge/src',
    'scripts',
    'bin',
  ],
  { cwd: ROOT, encoding: 'utf8' },
);
if (run.status !== 0) {
  console.error(run.stderr || run.stdout);
  process.exit(2);
}
const report = JSON.parse(readFileSync(join(out, 'jscpd-report.json'), 'utf8'));
rmSync(out, { recursive: true, force: true });
const allowed = (a, b) =>
  ALLOWED.some(
    ({ files }) => files.includes(a) && files.includes(b) && (a !== b || files[0] === files[1]),
  );
const found = report.duplicates.filter((d) => !allowed(d.firstFile.name, d.secondFile.name));
for (const d of found)
  console.error(
    `repeated code: ${d.firstFile.name}:${d.firstFile.start}-${d.firstFile.end} ~ ` +
      `${d.secondFile.name}:${d.secondFile.start}-${d.secondFile.end} (${d.lines} lines)`,
  );
console.log(
  `duplicates: ${report.duplicates.length} repeated runs of 6+ lines, ${found.length} not allowed`,
);
process.exit(found.length === 0 ? 0 : 1);
