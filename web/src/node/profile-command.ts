// readforge-wasm profile: the native `readforge profile`, through the WebAssembly module. Learns
// a quality profile from FASTQ (plain or gzip) and writes it (same arguments, same bytes).
import { existsSync } from 'node:fs';
import { replaceFile } from './interrupt.js';
import type { ReadforgeModule } from '../runner/module-types.js';
import { decompressIfGzip, learnProfile, ReadforgeError } from '../runner/pump.js';
import { learnFragments } from '../runner/fragment-lengths.js';
import { fileStream, nodeGunzip } from './file-sources.js';
import { parseSubcommand } from './subcommand.js';

const USAGE =
  'Usage: readforge-wasm profile [-o FILE] [-q] <reads_1.fq[.gz]|-> [<reads_2.fq[.gz]>]\n' +
  '       readforge-wasm profile --fragments [-o FILE] [-q] <aln.bam|aln.sam|->\n' +
  'Learns a quality profile (qualities by cycle, each given the one before, for read 1 and\n' +
  'read 2) from real FASTQ in one pass, and writes it to standard output (or FILE), for\n' +
  '--profile. Phred+33; Phred+64 is converted. With --fragments, learns the fragment\n' +
  'lengths of real pairs from their alignments (the TLEN of proper pairs) instead, for\n' +
  '--fragment-hist. The reads never leave this machine.\n';

interface ProfileArgs {
  inputs: string[];
  out: string;
  quiet: boolean;
  help: boolean;
  fragments: boolean;
}

function parse(argv: string[]): ProfileArgs {
  const { positional, out, quiet, help, fragments } = parseSubcommand('profile', argv);
  if (!help && fragments && positional.length !== 1)
    throw new ReadforgeError('readforge profile --fragments takes one alignment file (see --help)');
  if (!help && !fragments && (positional.length === 0 || positional.length > 2))
    throw new ReadforgeError('readforge profile takes one or two FASTQ files (R1, R2; see --help)');
  return { inputs: positional, out: out || '-', quiet, help, fragments };
}

/** readforge profile --fragments: the histogram of a BAM's (or SAM's) proper pairs. */
async function fragmentsCommand(module: ReadforgeModule, args: ProfileArgs): Promise<number> {
  const [path] = args.inputs;
  if (path !== '-' && !existsSync(path))
    throw new ReadforgeError(`cannot open ${path}: No such file or directory`);
  const learned = await learnFragments(module, { name: path, stream: fileStream(path) });
  if (args.out === '-') process.stdout.write(learned.text);
  else replaceFile(args.out, learned.text);
  if (!args.quiet)
    process.stderr.write(
      `readforge: learned the lengths of ${learned.pairs} fragments, ${learned.shortest} to ` +
        `${learned.longest} bases\n`,
    );
  return 0;
}

export async function profileCommand(module: ReadforgeModule, argv: string[]): Promise<number> {
  const args = parse(argv);
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.fragments) return fragmentsCommand(module, args);
  const inputs = [];
  for (const path of args.inputs) {
    if (path !== '-' && !existsSync(path))
      throw new ReadforgeError(`cannot open ${path}: No such file or directory`);
    inputs.push({ name: path, stream: await decompressIfGzip(fileStream(path), nodeGunzip) });
  }
  const learned = await learnProfile(module, inputs);
  if (args.out === '-') process.stdout.write(learned.text);
  else replaceFile(args.out, learned.text);
  if (!args.quiet) {
    for (const note of learned.notes) process.stderr.write(`readforge: note: ${note}\n`);
    const cycles = [...learned.text.matchAll(/^end\tR[12]\t(\d+)\t/gm)].map((m) => m[1]);
    const states = learned.text.match(/^alphabet((\t\d+)+)$/m)![1].split('\t').length - 1;
    const reads = learned.text.match(/^meta\treads\t(\d+)(?:\t(\d+))?$/m)!;
    process.stderr.write(
      `readforge: learned a profile of ${cycles[0]} and ${cycles[1] ?? cycles[0]} cycles, ` +
        `${states} quality values, from ${reads[1]} reads` +
        (reads[2] ? ` and ${reads[2]} mates\n` : '\n'),
    );
  }
  return 0;
}
