// Helpers for scripts/bench.mjs: reproducible references, timing under /usr/bin/time, tables.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';

/**
 * A random reference, reproducible (a 32-bit LCG), in 60-base lines, with gaps of N where asked
 * ({name, length, gaps: [[start, length], ...]}), and its .fai (samtools faidx).
 */
export function writeReference(path, contigs) {
  if (existsSync(path)) return;
  const fd = openSync(path, 'w');
  let x = 11;
  const line = Buffer.alloc(61);
  for (const { name, length, gaps = [] } of contigs) {
    writeSync(fd, `>${name}\n`);
    const inGap = (p) => gaps.some(([start, size]) => p >= start && p < start + size);
    for (let done = 0; done < length; done += 60) {
      const n = Math.min(60, length - done);
      const gap = gaps.length > 0 && (inGap(done) || inGap(done + n - 1));
      for (let i = 0; i < n; i++) {
        x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
        line[i] = gap && inGap(done + i) ? 78 : 'ACGT'.charCodeAt(x >>> 30);
      }
      line[n] = 10;
      writeSync(fd, line, 0, n + 1);
    }
  }
  closeSync(fd);
  spawnSync('samtools', ['faidx', path]);
}

/** Runs a command under /usr/bin/time -v: seconds, peak RSS in MB, and the wasm heap if told. */
let repeats = 1;

/**
 * Each measure() runs its command this many times and keeps the fastest (and the largest peak
 * memory): a shared machine's slow spells last seconds and come and go, and the fastest of a few
 * runs is what the code can do.
 */
export function setRepeats(n) {
  repeats = Math.max(1, Math.floor(n));
}

export function measure(command, commandArgs, options = {}) {
  return best(Array.from({ length: repeats }, () => measureOnce(command, commandArgs, options)));
}

/**
 * Several commands measured in turn, round after round, for figures compared with each other
 * (an overhead): a slow spell then weighs on all of them alike. `commands`: [command, args].
 */
export function measureAlternating(commands) {
  const runs = commands.map(() => []);
  for (let round = 0; round < repeats; round++)
    commands.forEach(([command, commandArgs], i) =>
      runs[i].push(measureOnce(command, commandArgs)),
    );
  return runs.map(best);
}

function best(runs) {
  const fastest = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...fastest, peakMB: Math.max(...runs.map((r) => r.peakMB)) };
}

function measureOnce(command, commandArgs, { input } = {}) {
  const r = spawnSync('/usr/bin/time', ['-v', command, ...commandArgs], {
    encoding: 'utf8',
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
    env: { ...process.env, READFORGE_WASM_HEAP: '1' },
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed: ${r.stderr}`);
  const field = (name) => r.stderr.match(new RegExp(`${name}: (.*)`))[1];
  const [m, s] = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').slice(-2);
  const heap = r.stderr.match(/wasm heap (\d+) bytes/);
  return {
    seconds: Number(m) * 60 + Number(s),
    peakMB: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024,
    wasmHeapMB: heap ? Number(heap[1]) / (1 << 20) : undefined,
  };
}

/** Prints rows under [title, value(row), width] columns (the first left-aligned). */
export function printTable(rows, columns) {
  const cell = (text, width, i) =>
    i === 0 ? String(text).padEnd(width) : String(text).padStart(width);
  console.log(columns.map(([title, , width], i) => cell(title, width, i)).join(''));
  for (const row of rows)
    console.log(columns.map(([, value, width], i) => cell(value(row), width, i)).join(''));
}

// GRCh38's chromosome lengths (chr1..22, X, Y).
const GRCH38 = [
  248956422, 242193529, 198295559, 190214555, 181538259, 170805979, 159345973, 145138636, 138394717,
  133797422, 135086622, 133275309, 114364328, 107043718, 101991189, 90338345, 83257441, 80373285,
  58617616, 64444167, 46709983, 50818468, 156040895, 57227415,
];

/**
 * A genome shaped like GRCh38 for sizing the gap sidecar: 10 kb of N at each telomere, a
 * centromere gap of about 3 Mb, and 33 scaffold gaps of 50 kb per chromosome, plus 4 lone IUPAC
 * codes each. fasta() yields it in 4 MB chunks built from one random block (fast to stream).
 */
export function grch38Like() {
  const block = Buffer.alloc(4 << 20);
  let x = 7;
  for (let i = 0; i < block.length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    block[i] = 'ACGT'.charCodeAt(x >>> 30);
  }
  const layout = GRCH38.map((length, c) => {
    const runs = [
      [0, 10_000],
      [length - 10_000, 10_000],
      [Math.floor(length * 0.4), 3_000_000],
    ];
    for (let g = 1; g <= 33; g++) runs.push([Math.floor((length * g) / 34) + 17, 50_000]);
    for (let k = 1; k <= 4; k++) runs.push([Math.floor((length * k) / 5) + 101, 1]);
    runs.sort((a, b) => a[0] - b[0]);
    return { name: `chr${c < 22 ? c + 1 : c === 22 ? 'X' : 'Y'}`, length, runs };
  });
  let nBases = 0;
  let runs = 0;
  for (const c of layout) for (const [, size] of c.runs) ((nBases += size), runs++);
  return {
    bases: GRCH38.reduce((a, b) => a + b, 0),
    nBases,
    runs,
    *fasta() {
      for (const { name, length, runs: gaps } of layout) {
        yield Buffer.from(`>${name}\n`);
        let at = 0;
        for (const [start, size] of [...gaps, [length, 0]]) {
          for (let p = at; p < start; p += block.length) {
            const n = Math.min(block.length, start - p);
            yield block.subarray(0, n);
          }
          if (size > 0) yield Buffer.alloc(size, size === 1 ? 'R' : 'N');
          at = start + size;
        }
        yield Buffer.from('\n');
      }
    },
  };
}

/**
 * A VCF of `count` variants spread evenly over a reference's bases that are not N (every one's
 * REF the reference's): SNPs, with every tenth an insertion and every tenth a deletion of up to
 * 8 bases, genotypes cycling through 0|1, 1|0, 1|1 and 0/1. Written bgzip-compressed.
 */
export function writeVariants(refPath, vcfPath, count) {
  if (existsSync(vcfPath)) return;
  const contigs = readContigs(refPath);
  const usable = contigs.reduce((sum, c) => sum + c.bases.replace(/N/g, '').length, 0);
  const step = Math.floor(usable / count) - 1; // a little short: count is reached
  const plain = vcfPath.replace(/\.gz$/, '');
  const fd = openSync(plain, 'w');
  writeSync(fd, '##fileformat=VCFv4.2\n');
  for (const c of contigs) writeSync(fd, `##contig=<ID=${c.name},length=${c.bases.length}>\n`);
  writeSync(fd, '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n');
  writeSync(fd, '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tBENCH\n');
  const other = { A: 'C', C: 'G', G: 'T', T: 'A' };
  const genotypes = ['0|1', '1|0', '1|1', '0/1'];
  let k = 0;
  let lines = [];
  for (const c of contigs) {
    for (let pos = step; pos + 10 < c.bases.length && k < count; pos += step) {
      const kind = k % 10; // 1: a deletion, 2: an insertion, else a SNP
      const ref = c.bases.slice(pos, pos + (kind === 1 ? 2 + (k % 8) : 1));
      if (/N/.test(c.bases.slice(pos, pos + 10))) continue;
      const alt =
        kind === 1 ? ref[0] : kind === 2 ? ref + 'GATTACA'.slice(0, 1 + (k % 7)) : other[ref];
      const record = `${c.name}\t${pos + 1}\t.\t${ref}\t${alt}\t.\tPASS\t.\tGT\t${genotypes[k % 4]}\n`;
      lines.push(record);
      k++;
      if (lines.length === 10000) {
        writeSync(fd, lines.join(''));
        lines = [];
      }
    }
  }
  writeSync(fd, lines.join(''));
  closeSync(fd);
  spawnSync('bgzip', ['-f', '-@2', plain]);
  return k;
}

/** A FASTA's contigs (names, and bases joined), read whole: for the bench's small references. */
function readContigs(refPath) {
  return readFileSync(refPath, 'latin1')
    .split('>')
    .slice(1)
    .map((text) => {
      const newline = text.indexOf('\n');
      return { name: text.slice(0, newline), bases: text.slice(newline + 1).replace(/\n/g, '') };
    });
}

/**
 * `count` symbolic structural variants for the reference at `refPath`, as a bgzip VCF: <DEL>,
 * <DUP>, <INV> and <INS> (its sequence in SVINSSEQ) in turn, of 100 bp to 10 kb (log-uniform),
 * apart from each other and from Ns, genotypes 0|1, 1|0 and 1|1 in turn. Returns how many.
 */
export function writeStructuralVariants(refPath, vcfPath, count) {
  const contigs = readContigs(refPath);
  let x = 2024;
  const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const kinds = ['DEL', 'DUP', 'INV', 'INS'];
  const genotypes = ['0|1', '1|0', '1|1'];
  const plain = vcfPath.replace(/\.gz$/, '');
  const lines = ['##fileformat=VCFv4.3\n'];
  for (const c of contigs) lines.push(`##contig=<ID=${c.name},length=${c.bases.length}>\n`);
  lines.push('#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tBENCH\n');
  let k = 0;
  for (const c of contigs) {
    for (let pos = 1000; k < count && pos + 12000 < c.bases.length;) {
      const length = Math.floor(100 * 100 ** next());
      if (/N/.test(c.bases.slice(pos - 1, pos + length + 1))) {
        pos += length + 5000;
        continue;
      }
      const kind = kinds[k % 4];
      const info =
        kind === 'INS'
          ? `SVINSSEQ=${Array.from({ length }, () => 'ACGT'[Math.floor(4 * next())]).join('')}`
          : `END=${pos + length}`;
      lines.push(
        `${c.name}\t${pos}\t.\t${c.bases[pos - 1]}\t<${kind}>\t.\tPASS\t${info}\tGT\t${genotypes[k % 3]}\n`,
      );
      k++;
      pos += length + 100 + Math.floor(400 * next());
    }
  }
  writeFileSync(plain, lines.join(''));
  spawnSync('bgzip', ['-f', plain]);
  return k;
}

/**
 * A draft assembly: `count` contigs of `length` random bases (NODE_<i>), reproducible, written
 * in 1 MB pieces (a million contigs would be millions of small writes otherwise).
 */
export function writeAssembly(path, count, length) {
  if (existsSync(path)) return;
  const fd = openSync(path, 'w');
  let x = count;
  let text = '';
  for (let i = 0; i < count; i++) {
    let seq = '';
    for (let j = 0; j < length; j++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      seq += 'ACGT'[x >>> 30];
    }
    text += `>NODE_${i}\n`;
    for (let j = 0; j < length; j += 60) text += `${seq.slice(j, j + 60)}\n`;
    if (text.length >= 1 << 20) {
      writeSync(fd, text);
      text = '';
    }
  }
  writeSync(fd, text);
  closeSync(fd);
}

/**
 * A community for bench.mjs: `genomes` draft genomes of 50 to 5,000 contigs each (log-uniform)
 * of 500 to 1,500 bases, as one FASTA (contigs named G<g>_NODE_<i>) with its genome map, and an
 * abundance table with shares 1 to 100 (log-uniform). Returns the contig count.
 */
export function writeCommunity(fasta, map, abundance, genomes) {
  let x = 12345;
  const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const sizes = Array.from({ length: genomes }, () => Math.round(50 * 100 ** next()));
  const shares = sizes.map(() => (100 ** next()).toFixed(3));
  writeFileSync(abundance, sizes.map((_, g) => `G${g}\t${shares[g]}\n`).join(''));
  const contigs = sizes.reduce((a, b) => a + b, 0);
  if (existsSync(fasta) && existsSync(map)) return contigs;
  const fd = openSync(fasta, 'w');
  let text = '';
  let mapText = '';
  for (let g = 0; g < genomes; g++) {
    for (let i = 0; i < sizes[g]; i++) {
      const length = 500 + Math.floor(1001 * next());
      let seq = '';
      for (let j = 0; j < length; j++) seq += 'ACGT'[Math.floor(4 * next())];
      text += `>G${g}_NODE_${i}\n`;
      for (let j = 0; j < length; j += 60) text += `${seq.slice(j, j + 60)}\n`;
      mapText += `G${g}_NODE_${i}\tG${g}\n`;
      if (text.length >= 1 << 20) {
        writeSync(fd, text);
        text = '';
      }
    }
  }
  writeSync(fd, text);
  closeSync(fd);
  writeFileSync(map, mapText);
  return contigs;
}

/** Records in a FASTQ file (lines / 4), counted by wc. */
export function fastqRecords(path) {
  const r = spawnSync('wc', ['-l', path], { encoding: 'utf8' });
  return Math.floor(Number(r.stdout.trim().split(/\s+/)[0]) / 4);
}
