// readforge-wasm: the native CLI's arguments, run through the WebAssembly module in Node.
import {
  createReadStream,
  createWriteStream,
  existsSync,
  readFileSync,
  statSync,
  rmSync,
} from 'node:fs';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { OutputStream, ReadforgeModule } from '../engine/module-types.js';
import { decompressIfGzip, ReadforgeError, scanContigs, simulate } from '../engine/pump.js';
import { loadReadforge } from './load-module.js';

class Output {
  private constructor(
    private readonly stream: Writable,
    private readonly path: string,
  ) {}

  static open(path: string): Output {
    const stream = path === '-' ? process.stdout : createWriteStream(path);
    return new Output(stream, path);
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.stream.write(bytes)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.path === '-') return;
    await new Promise<void>((resolve, reject) =>
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }

  discard(): void {
    if (this.path === '-') return;
    this.stream.destroy();
    rmSync(this.path, { force: true });
  }
}

function fileStream(path: string): ReadableStream<Uint8Array> {
  const node = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  return Readable.toWeb(node) as unknown as ReadableStream<Uint8Array>;
}

function isRegularFile(path: string): boolean {
  return path !== '-' && existsSync(path) && statSync(path).isFile();
}

async function run(module: ReadforgeModule, argv: string[]): Promise<void> {
  const args = module.parseArgs(argv);
  if (args.error) throw new ReadforgeError(args.error);
  if (args.help) {
    process.stdout.write(module.usage().replace(/^Usage: readforge/, 'Usage: readforge-wasm'));
    return;
  }
  if (args.version) {
    process.stdout.write(`readforge-wasm ${module.version()}\n`);
    return;
  }
  const [ref, out1, out2] = args.positional;
  const settings = [...args.settings];
  let seed = '';
  if (!args.seedGiven) {
    seed = randomBytes(8).readBigUInt64BE().toString();
    settings.push(['seed', seed]);
  }
  if (ref !== '-' && !existsSync(ref))
    throw new ReadforgeError(`cannot open ${ref}: No such file or directory`);
  const bedTexts = args.bedPaths.map((p) => readFileSync(p, 'latin1'));
  let faiText = '';
  const faiPath = args.faiPath || (ref !== '-' && existsSync(`${ref}.fai`) ? `${ref}.fai` : '');
  if (faiPath) {
    faiText = readFileSync(faiPath, 'latin1');
  } else if ((args.coverage <= 0 || args.vcfPath) && isRegularFile(ref)) {
    try {
      faiText = await scanContigs(module, await decompressIfGzip(fileStream(ref)));
    } catch (error) {
      if (error instanceof ReadforgeError && error.inReference)
        throw new ReadforgeError(`${ref}: ${error.message}`);
      throw error;
    }
  }

  const readsOnStdout = out1 === '-' || out2 === '-';
  const outputs = new Map<OutputStream, Output>();
  const summary = await (async () => {
    try {
      outputs.set(OutputStream.Read1, Output.open(out1));
      if (args.paired && !args.interleaved) outputs.set(OutputStream.Read2, Output.open(out2));
      if (args.mutationsPath || !readsOnStdout)
        outputs.set(OutputStream.Mutations, Output.open(args.mutationsPath || '-'));
      if (args.vcfPath) outputs.set(OutputStream.Vcf, Output.open(args.vcfPath));
      if (seed && !args.quiet)
        process.stderr.write(`readforge: seed ${seed} (repeat this run with -S ${seed})\n`);
      const result = await simulate(
        module,
        { settings, faiText, bedTexts },
        await decompressIfGzip(fileStream(ref)),
        { onOutput: (stream, bytes) => outputs.get(stream)?.write(bytes) },
      );
      for (const output of outputs.values()) await output.close();
      return result;
    } catch (error) {
      for (const output of outputs.values()) output.discard();
      if (error instanceof ReadforgeError && error.inReference)
        throw new ReadforgeError(`${ref}: ${error.message}`);
      throw error;
    }
  })();
  if (!args.quiet) {
    for (const warning of summary.warnings)
      process.stderr.write(`readforge: warning: ${warning}\n`);
    const s = summary.stats;
    process.stderr.write(
      `readforge: wrote ${s.pairs} read pairs (${s.readBases} bases) from ${s.contigs} contigs\n`,
    );
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    const module = await loadReadforge();
    await run(module, argv);
    return 0;
  } catch (error) {
    const message =
      error instanceof ReadforgeError
        ? error.message
        : error instanceof Error && 'code' in error
          ? error.message
          : String(error instanceof Error ? (error.stack ?? error) : error);
    process.stderr.write(`readforge: error: ${message}\n`);
    return 1;
  }
}
