#!/usr/bin/env node
// Writes public/profiles/illumina-like-2x150.profile: a *parametric* quality profile (not
// learned from real reads) that the repository may redistribute. Qualities use Illumina's
// 8-level binning (2 6 15 22 27 33 37 40). The mean falls along the read (R1 from about 37 to
// 31, R2 from about 36 to 28) and the spread widens late; a quality tends to repeat the one
// before (runs of low quality, as on real runs). The counts come from running that process for
// 200,000 reads and counting, so the cycle counts and transition rows agree exactly.
//   node scripts/make-parametric-profile.mjs [out]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT =
  process.argv[2] ??
  fileURLToPath(new URL('../public/profiles/illumina-like-2x150.profile', import.meta.url));
const BINS = [2, 6, 15, 22, 27, 33, 37, 40];
const EDGES = [-Infinity, 4, 10.5, 19.5, 24.5, 29.5, 34.5, 39.5, Infinity]; // bin boundaries
const CYCLES = 150;
const READS = 200_000;
const STAY = 0.45; // probability that a base repeats the previous base's quality

// A reproducible uniform in [0, 1) (a 32-bit LCG; the profile must not change between runs).
let seed = 20261127;
const uniform = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;

function normalCdf(x) {
  // Abramowitz and Stegun 7.1.26: plenty for a parametric shape.
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const erf =
    1 -
    t *
      (0.254829592 +
        t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The target distribution over the bins at a cycle: a normal cut into bins, plus no-calls. */
function target(mate, cycle) {
  const f = cycle / (CYCLES - 1);
  const mean = mate === 0 ? 37.2 - 6 * f * f : 36.0 - 8 * f * f;
  const sd = 1.6 + (mate === 0 ? 4.4 : 5.5) * f;
  const probs = BINS.map(
    (_, i) => normalCdf((EDGES[i + 1] - mean) / sd) - normalCdf((EDGES[i] - mean) / sd),
  );
  probs[0] += 0.0005 + 0.004 * f ** 3; // no-calls (Q2) become commoner late
  const total = probs.reduce((a, b) => a + b, 0);
  return probs.map((p) => p / total);
}

function draw(probs) {
  let u = uniform();
  for (let i = 0; i < probs.length - 1; i++) if ((u -= probs[i]) < 0) return i;
  return probs.length - 1;
}

const k = BINS.length;
const lines = [
  '#readforge-profile\t1',
  'meta\tkind\tparametric',
  'meta\tname\tIllumina-like 2x150',
  'meta\tdescription\tparametric, not learned from real reads: Illumina 8-level binned ' +
    'qualities, mean falling along the read (R1 37 to 31, R2 36 to 28), wider spread late, ' +
    `runs of repeated quality (stay ${STAY}); made by scripts/make-parametric-profile.mjs`,
  `alphabet\t${BINS.join('\t')}`,
];
for (const mate of [0, 1]) {
  const name = `R${mate + 1}`;
  const targets = Array.from({ length: CYCLES }, (_, c) => target(mate, c));
  const counts = targets.map(() => new Array(k).fill(0));
  const trans = targets.map(() => Array.from({ length: k }, () => new Array(k).fill(0)));
  for (let read = 0; read < READS; read++) {
    let previous = -1;
    for (let c = 0; c < CYCLES; c++) {
      const state = previous >= 0 && uniform() < STAY ? previous : draw(targets[c]);
      counts[c][state]++;
      if (previous >= 0) trans[c][previous][state]++;
      previous = state;
    }
  }
  lines.push(`end\t${name}\t${CYCLES}\t2`);
  for (let c = 0; c < CYCLES; c++) lines.push(`cycle\t${name}\t${c}\t${counts[c].join('\t')}`);
  for (let c = 1; c < CYCLES; c++)
    for (let p = 0; p < k; p++)
      if (trans[c][p].some((n) => n > 0))
        lines.push(`trans\t${name}\t${c}\t${p}\t${trans[c][p].join('\t')}`);
}
writeFileSync(OUT, lines.join('\n') + '\n');
console.log(`wrote ${OUT}`);
