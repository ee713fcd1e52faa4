// readforge-wasm: the native CLI's arguments, run through the WebAssembly module in Node.
import {
  closeSync,
  createReadStream,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { OutputStream, ReadforgeModule } from '../engine/module-types.js';
import {
  ByteSource,
  decompressIfGzip,
  ReadforgeError,
  scanContigs,
  simulate,
} from '../engine/pump.js';
import { loadReadforge } from './load-module.js';

/**
 * An output file, written synchronously: a command-line tool has nothing else to do meanwhile,
 * and no copy is queued, so memory stays flat. Standard output goes through its stream.
 */
class Output {
  private constructor(
    private readonly path: string,
    private readonly fd: number | null,
  ) {}

  static open(path: string): Output {
    return new Output(path, path === '-' ? null : openSync(path, 'w'));
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.fd === null) {
      // The stream keeps what it is given until flushed: hand it a copy of the engine's view.
      if (!process.stdout.write(bytes.slice())) await once(process.stdout, 'drain');
      return;
    }
    for (let at = 0; at < bytes.length;) at += writeSync(this.fd, bytes, at);
  }

  async close(): Promise<void> {
    if (this.fd !== null) closeSync(this.fd);
  }

  discard(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }
}

function fileStream(path: string): ReadableStream<Uint8Array> {
  const node = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  return Readable.toWeb(node) as unknown as ReadableStream<Uint8Array>;
}

function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  const magic = new Uint8Array(2);
  const n = readSync(fd, magic);
  closeSync(fd);
  return n === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
}

/**
 * The reference as the engine reads it. A plain file is read straight into the engine's input
 * buffer: no copies and no garbage, so memory stays flat whatever the file's size.
 */
async function referenceSource(path: string): Promise<ByteSource | ReadableStream<Uint8Array>> {
  if (path === '-' || isGzip(path)) return decompressIfGzip(fileStream(path));
  const fd = openSync(path, 'r');
  return {
    read: (into) => readSync(fd, into),
    cancel: () => closeSync(fd),
  };
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
        await referenceSource(ref),
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
    // For scripts/bench.mjs: how large the wasm memory grew.
    if (process.env.READFORGE_WASM_HEAP)
      process.stderr.write(`readforge-wasm: wasm heap ${module.HEAP8.length} bytes\n`);
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
