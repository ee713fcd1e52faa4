// readforge-wasm index: the native `readforge index`, through the WebAssembly module. Measures a
// reference's N runs and writes them beside it as <ref>.gaps.bed (same arguments, same bytes).
import { existsSync } from 'node:fs';
import { replaceFile } from './interrupt.js';
import type { ReadforgeModule } from '../runner/module-types.js';
import { scanReference } from '../runner/first-pass.js';
import { ReadforgeError } from '../runner/pump.js';
import { readText, referenceSource } from './file-sources.js';
import { parseSubcommand } from './subcommand.js';

const USAGE =
  'Usage: readforge-wasm index [-o FILE] [-q] <ref.fa|ref.fa.gz|->\n' +
  "Measures the reference's N runs (assembly gaps, any base not A/C/G/T) and writes them as\n" +
  '<ref>.gaps.bed (or FILE; - for standard output), a BED file with a small header. Runs\n' +
  'with -N then place pairs without a first pass over the reference. A reference read from\n' +
  'standard input (-) needs -o.\n';

function parse(argv: string[]): { ref: string; out: string; quiet: boolean; help: boolean } {
  const { positional, out, quiet, help } = parseSubcommand('index', argv);
  if (help) return { ref: '', out, quiet, help };
  if (positional.length === 0)
    throw new ReadforgeError('readforge index needs a reference file (see --help)');
  if (positional.length > 1)
    throw new ReadforgeError(
      `readforge index takes one reference, got '${positional[0]}' and '${positional[1]}'`,
    );
  if (positional[0] === '-' && !out)
    throw new ReadforgeError(
      'readforge index - (standard input) needs -o FILE: there is no file to put the sidecar ' +
        'beside',
    );
  return { ref: positional[0], out, quiet, help };
}

export async function indexCommand(module: ReadforgeModule, argv: string[]): Promise<number> {
  const args = parse(argv);
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.ref !== '-' && !existsSync(args.ref))
    throw new ReadforgeError(`cannot open ${args.ref}: No such file or directory`);
  let scan;
  try {
    scan = await scanReference(module, await referenceSource(args.ref), undefined, true);
  } catch (error) {
    if (error instanceof ReadforgeError) throw new ReadforgeError(`${args.ref}: ${error.message}`);
    throw error;
  }
  if (args.ref !== '-' && existsSync(`${args.ref}.fai`)) {
    const problem = module.checkIndex(readText(`${args.ref}.fai`), scan.faiText);
    if (problem)
      throw new ReadforgeError(`${args.ref}.fai: ${problem} (make it again with samtools faidx)`);
  }
  const path = args.out || `${args.ref}.gaps.bed`;
  if (path === '-') process.stdout.write(scan.gapsText);
  else replaceFile(path, scan.gapsText);
  if (!args.quiet) {
    const lines = scan.gapsText.split('\n').filter((l) => l.startsWith('#contig\t'));
    const fields = lines.map((l) => l.split('\t'));
    const bases = fields.reduce((sum, f) => sum + Number(f[2]), 0);
    const n = fields.reduce((sum, f) => sum + Number(f[3]), 0);
    const runs = fields.reduce((sum, f) => sum + Number(f[4]), 0);
    process.stderr.write(
      `readforge: wrote ${path === '-' ? 'the N runs' : path}: ${lines.length} contigs, ` +
        `${bases} bases, ${n} N in ${runs} runs (${scan.gapsText.length} bytes)\n`,
    );
  }
  return 0;
}
