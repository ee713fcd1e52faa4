// readforge-wasm: the native CLI's arguments, run through the WebAssembly module in Node.
import {
  closeSync,
  createReadStream,
  existsSync,
  fstatSync,
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
import {
  OutputStream,
  ParsedArgs,
  ReadforgeModule,
  Setting,
  SimulatorInputs,
} from '../runner/module-types.js';
import {
  displayUrl,
  RemoteFile,
  RemoteOptions,
  remoteSpans,
  resolveReferenceUrl,
} from '../remote/remote.js';
import { accessOptions, besideUrl, openRemoteFasta } from '../remote/remote-fasta.js';
import { remoteVcf, vcfRegions } from '../remote/remote-vcf.js';
import {
  ByteSource,
  plannedCopyNumberTruth,
  plannedGenomeTruth,
  plannedSpans,
  ReadforgeError,
  simulate,
  SimulationRequest,
  Summary,
} from '../runner/pump.js';
import { BamIndexWriter } from '../runner/bam-index.js';
import { measureSpans, scanReference, sidecarListsDigests } from '../runner/first-pass.js';
import { isRegularFile, named, readText, referenceSource } from './file-sources.js';
import { runOnServer, takeFanOutFlags } from './fan-out.js';
import { evalCommand } from './eval-command.js';
import { indexCommand } from './index-command.js';
import { installInterruptHandlers, protect, release } from './interrupt.js';
import { simulateOnThreads } from './threads.js';
import { profileCommand } from './profile-command.js';
import { loadReadforge } from './load-module.js';
import { JoinedCommunity, joinCommunity } from './community.js';
import { RUN_OPTIONS } from '../shared/run-options.js';

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
    const output = new Output(path, path === '-' ? null : openSync(path, 'w'));
    protect(path);
    return output;
  }

  /** Only a regular file is removed: /dev/null (as root) or a pipe must stay. */
  private get removable(): boolean {
    return this.fd !== null && fstatSync(this.fd).isFile();
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
    release(this.path);
  }

  discard(): void {
    if (this.fd === null) return;
    const removable = this.removable;
    closeSync(this.fd);
    if (removable) rmSync(this.path, { force: true });
    release(this.path);
  }
}

async function run(module: ReadforgeModule, argv: string[]): Promise<void> {
  const { rest, fanOut } = takeFanOutFlags(argv);
  const args = module.parseArgs(rest);
  if (args.error) throw new ReadforgeError(args.error);
  if (args.communityPath && fanOut && !args.help)
    throw new ReadforgeError(
      '--community joins your genomes here: the server runs the communities it is configured with (genome-map=NAME)',
    );
  if (!args.communityPath || args.help || args.version) return runParsed(module, args, fanOut);
  // --community: its genomes joined into one reference first, with their map and amounts.
  const community = await joinCommunity(module, args.communityPath, remoteFile);
  try {
    await runParsed(
      module,
      { ...args, positional: [community.path, ...args.positional] },
      fanOut,
      community,
    );
  } finally {
    community.remove();
  }
}

async function runParsed(
  module: ReadforgeModule,
  args: ParsedArgs,
  fanOut: ReturnType<typeof takeFanOutFlags>['fanOut'],
  community?: JoinedCommunity,
): Promise<void> {
  if (args.help) {
    process.stdout.write(module.usage().replace(/^Usage: readforge/, 'Usage: readforge-wasm'));
    return;
  }
  if (args.version) {
    process.stdout.write(`readforge-wasm ${module.version()}\n`);
    return;
  }
  const ref = args.positional[0];
  const settings = [...args.settings];
  let seed = '';
  if (!args.seedGiven) {
    seed = randomBytes(8).readBigUInt64BE().toString();
    settings.push(['seed', seed]);
  }
  if (fanOut) {
    // One seed for every shard (drawn here when not given); threads are the server's business.
    const remote = settings.filter(([name]) => RUN_OPTIONS.has(name) || name === 'region');
    const log = (line: string) => args.quiet || process.stderr.write(`readforge: ${line}\n`);
    if (seed) log(`seed ${seed}`);
    return runOnServer(args, remote, fanOut, log);
  }
  if (/^(https?|s3):\/\//.test(ref)) return runRemote(module, args, settings, seed);
  if (ref !== '-' && !existsSync(ref))
    throw new ReadforgeError(`cannot open ${ref}: No such file or directory`);
  const bedTexts = args.bedPaths.map(readText);
  const profile = {
    ...optionFiles(args),
    ...(community
      ? { genomeMapText: community.genomeMapText, abundanceText: community.abundanceText }
      : {}),
  };
  const localVcf = args.variantsPath && args.variantsPath !== '-' && !isUrl(args.variantsPath);
  if (localVcf && !existsSync(args.variantsPath))
    throw new ReadforgeError(`cannot open ${args.variantsPath}: No such file or directory`);
  const inputs = await localIndex(module, ref, args);
  const request = {
    settings,
    bedTexts,
    ...profile,
    ...inputs,
    outputNames: outputNames(args),
    alignmentIndex: indexesAlignments(args),
  };
  // -t N: worker threads that each read the files themselves (as native threads do), so the
  // reference, and a VCF if any, must be regular files; otherwise one thread does the work.
  const vcf = args.variantsPath;
  if (args.threads > 1 && isRegularFile(ref) && (!vcf || isRegularFile(vcf))) {
    await simulateInto(module, args, request, ref, seed, (onOutput) =>
      simulateOnThreads(module, request, ref, vcf, args.threads, onOutput),
    );
    return;
  }
  const variants = await variantsSource(module, args, request);
  await simulateInto(module, args, request, ref, seed, async (onOutput) =>
    simulate(module, request, await referenceSource(ref), { onOutput, variants: variants?.source }),
  );
  variants?.report();
}

const isUrl = (path: string) => /^(https?|s3):\/\//.test(path);

/**
 * --bam to a file: its index is written beside it (from the simulators' index entries); not for
 * a shard's piece, whose index is the joined file's.
 */
const indexesAlignments = (args: ParsedArgs) =>
  args.alignments === 'bam' && args.alignmentsPath !== '-' && args.wholeRun;

const s3Settings = () => ({
  endpoint: process.env.AWS_ENDPOINT_URL,
  region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION,
});

/**
 * How to fetch `uri`: s3:// URIs are signed (SigV4) when AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY are set, as the AWS tools do; http(s) URLs (public, or presigned) are
 * fetched as given.
 */
function fetchFor(uri: string): RemoteOptions {
  const env = process.env;
  if (!uri.startsWith('s3://') || !env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) return {};
  const credentials = {
    accessKeyId: env.AWS_ACCESS_KEY_ID,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
    sessionToken: env.AWS_SESSION_TOKEN,
    region: s3Settings().region,
  };
  return accessOptions({ url: uri, credentials }); // (never signs a presigned URL)
}

/** A remote file named by an http(s):// URL or an s3:// URI. */
const remoteFile = (uri: string) =>
  new RemoteFile(resolveReferenceUrl(uri, s3Settings()), fetchFor(uri));

/**
 * The VCF of --variants, plain or gzip, read as the engine asks for it. At a URL, with a tabix
 * or CSI index beside it, only the run's regions are fetched. Problems in its bytes (a
 * truncated gzip) name it, as the native CLI's do.
 */
async function variantsSource(
  module: ReadforgeModule,
  args: ParsedArgs,
  request: SimulationRequest,
): Promise<{ source: ByteSource; report: () => void } | undefined> {
  const path = args.variantsPath;
  if (!path) return undefined;
  if (!isUrl(path)) return { source: named(path, await referenceSource(path)), report: () => {} };
  const file = remoteFile(path);
  const regions = request.faiText ? vcfRegions(plannedSpans(module, request)) : null;
  const stream = await remoteVcf(module, file, regions);
  const report = () => {
    if (!args.quiet)
      process.stderr.write(
        `readforge: fetched ${file.fetchedBytes} bytes of ${file.name} in ${file.requests} requests\n`,
      );
  };
  return { source: named(file.name, stream), report };
}

/** The outputs' names as the native CLI passes them: those named .gz are compressed. */
function outputNames(args: ParsedArgs): string[] {
  const [, out1, out2] = args.positional;
  const mutations = args.mutationsPath || '-';
  const pair = args.paired && !args.interleaved ? out2 : '';
  return [out1, pair, mutations, args.vcfPath, args.alignmentsPath];
}

/** The texts of the files options name: --profile's (with their names), --quality-bins',
 * --fragment-hist's, --gc-bias', --genome-map's, --abundance's, --amplicons' and
 * --copy-number's, --somatic-copy-number's and --somatic's. */
function optionFiles(args: ParsedArgs): SimulatorInputs {
  const files: SimulatorInputs = {};
  if (args.qualityBinsPath) files.qualityBinsText = readText(args.qualityBinsPath);
  if (args.fragmentHistPath) files.fragmentHistText = readText(args.fragmentHistPath);
  if (args.gcBiasPath) files.gcBiasText = readText(args.gcBiasPath);
  if (args.genomeMapPath) files.genomeMapText = readText(args.genomeMapPath);
  if (args.abundancePath) files.abundanceText = readText(args.abundancePath);
  if (args.ampliconsPath) files.ampliconsText = readText(args.ampliconsPath);
  if (args.copyNumberPath) files.copyNumberText = readText(args.copyNumberPath);
  if (args.somaticCopyNumberPath)
    files.somaticCopyNumberText = readText(args.somaticCopyNumberPath);
  if (args.somaticPath) files.somaticText = readText(args.somaticPath);
  if (args.profilePaths.length === 0) return files;
  return {
    profileTexts: args.profilePaths.map(readText),
    profileNames: args.profilePaths,
    ...files,
  };
}

/**
 * What the run knows before reading the reference, as the native CLI finds it: the .fai (--fai
 * or <ref>.fai), the N runs -N needs (--gaps or <ref>.gaps.bed), the contigs' MD5s alignments'
 * headers carry (the sidecar), and what is still missing from one first pass over a regular
 * file.
 */
async function localIndex(
  module: ReadforgeModule,
  ref: string,
  args: ParsedArgs,
): Promise<SimulatorInputs> {
  const pairsMode = args.coverage <= 0;
  const beside = (suffix: string) => (ref !== '-' && existsSync(ref + suffix) ? ref + suffix : '');
  const faiPath = args.faiPath || beside('.fai');
  const digests = Boolean(args.alignments);
  const gapsPath = args.gapsPath || (pairsMode || digests ? beside('.gaps.bed') : '');
  const inputs: SimulatorInputs = {};
  if (faiPath) inputs.faiText = readText(faiPath);
  if (gapsPath) Object.assign(inputs, { gapsText: readText(gapsPath), gapsName: gapsPath });
  const lengthsKnown = Boolean(inputs.faiText || inputs.gapsText);
  const needLengths =
    pairsMode ||
    Boolean(args.vcfPath) ||
    Boolean(args.variantsPath) ||
    Boolean(args.alignments) ||
    Boolean(args.copyNumberPath) ||
    Boolean(args.somaticCopyNumberPath);
  const noDigests = digests && !sidecarListsDigests(inputs.gapsText ?? '');
  const missing = (pairsMode && !inputs.gapsText) || (needLengths && !lengthsKnown) || noDigests;
  if (!missing || !isRegularFile(ref)) return inputs;
  // One pass measures all, as wgsim reads its reference twice. `readforge index` saves it.
  const scan = await withName(ref, async () =>
    scanReference(module, await referenceSource(ref), undefined, digests),
  );
  const problem = inputs.faiText ? module.checkIndex(inputs.faiText, scan.faiText) : '';
  if (problem) throw new ReadforgeError(`${ref}: ${problem}`);
  inputs.faiText = scan.faiText;
  if ((pairsMode && !inputs.gapsText) || noDigests) inputs.gapsText = scan.gapsText;
  return inputs;
}

/** Errors in the reference's bytes name the reference, as the native CLI's do. */
async function withName<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReadforgeError && error.inReference)
      throw new ReadforgeError(`${name}: ${error.message}`);
    throw error;
  }
}

/** The keys of --genome-truth's and --copy-number-truth's files among the outputs. */
const GENOME_TRUTH = -1 as OutputStream;
const COPY_NUMBER_TRUTH = -2 as OutputStream;

/**
 * Opens the outputs the native CLI would write, runs the simulation into them, and reports;
 * on failure the partial files are removed.
 */
async function simulateInto(
  module: ReadforgeModule,
  args: ParsedArgs,
  request: SimulationRequest,
  name: string,
  seed: string,
  run: (onOutput: (stream: OutputStream, bytes: Uint8Array) => Promise<void>) => Promise<Summary>,
): Promise<void> {
  const [, out1, out2] = args.positional;
  const outputs = new Map<OutputStream, Output>();
  const stdoutTaken = out1 === '-' || out2 === '-' || args.alignmentsPath === '-';
  const index = request.alignmentIndex ? new BamIndexWriter(module, request) : null;
  const summary = await withName(name, async () => {
    try {
      outputs.set(OutputStream.Read1, Output.open(out1));
      if (args.paired && !args.interleaved) outputs.set(OutputStream.Read2, Output.open(out2));
      if (args.mutationsPath || !stdoutTaken)
        outputs.set(OutputStream.Mutations, Output.open(args.mutationsPath || '-'));
      if (args.vcfPath) outputs.set(OutputStream.Vcf, Output.open(args.vcfPath));
      if (args.alignmentsPath)
        outputs.set(OutputStream.Alignments, Output.open(args.alignmentsPath));
      const genomeTruth = args.genomeTruthPath ? Output.open(args.genomeTruthPath) : null;
      if (genomeTruth) outputs.set(GENOME_TRUTH, genomeTruth);
      const copies = args.copyNumberTruthPath ? Output.open(args.copyNumberTruthPath) : null;
      if (copies) outputs.set(COPY_NUMBER_TRUTH, copies);
      if (seed && !args.quiet)
        process.stderr.write(`readforge: seed ${seed} (repeat this run with -S ${seed})\n`);
      const result = await run(async (stream, bytes) =>
        stream === OutputStream.AlignmentIndex
          ? index?.push(bytes)
          : outputs.get(stream)?.write(bytes),
      );
      if (index) {
        const { bytes, extension } = index.finish();
        const file = Output.open(args.alignmentsPath + extension);
        outputs.set(OutputStream.AlignmentIndex, file);
        await file.write(bytes);
      }
      if (genomeTruth)
        await genomeTruth.write(new TextEncoder().encode(plannedGenomeTruth(module, request)));
      if (copies)
        await copies.write(new TextEncoder().encode(plannedCopyNumberTruth(module, request)));
      for (const output of outputs.values()) await output.close();
      return result;
    } catch (error) {
      for (const output of outputs.values()) output.discard();
      throw error;
    }
  });
  if (args.quiet) return;
  for (const warning of summary.warnings) process.stderr.write(`readforge: warning: ${warning}\n`);
  const s = summary.stats;
  process.stderr.write(
    `readforge: ${module.summaryLine(s.pairs, s.readBases, s.errors, s.contigs)}\n`,
  );
  if (args.variantsPath)
    process.stderr.write(`readforge: planted ${s.planted.planted} VCF records\n`);
  if (args.duplicates)
    process.stderr.write(
      `readforge: ${module.duplicatesLine(s.pcrDuplicates, s.opticalDuplicates, s.pairs)}\n`,
    );
}

/**
 * A reference at an http(s):// URL or s3://bucket/key (AWS_ENDPOINT_URL and AWS_REGION as for
 * the AWS tools): only the regions' bytes are fetched, with the index at <url>.fai or --fai.
 */
async function runRemote(
  module: ReadforgeModule,
  args: ParsedArgs,
  settings: Setting[],
  seed: string,
): Promise<void> {
  const s3 = s3Settings();
  const [ref] = args.positional;
  const url = resolveReferenceUrl(ref, s3);
  const asUrl = (path: string) => (path ? resolveReferenceUrl(path, s3) : undefined);
  // Plain or bgzip (told by its first bytes); for bgzip only the blocks holding the regions are
  // fetched, found with its .gzi. Indexes beside it, or at --fai and --gzi (files or URLs).
  const localFai = args.faiPath && !isUrl(args.faiPath);
  if (args.gziPath && !isUrl(args.gziPath))
    throw new ReadforgeError(`--gzi ${args.gziPath}: give the .gzi's URL (or s3:// URI)`);
  const {
    file: fasta,
    faiText,
    bgzf,
  } = await openRemoteFasta(
    module,
    {
      url,
      faiText: localFai ? readText(args.faiPath) : undefined,
      faiUrl: localFai ? undefined : asUrl(args.faiPath),
      gziUrl: asUrl(args.gziPath),
    },
    fetchFor(ref),
  );
  const bedTexts = args.bedPaths.map(readText);
  const request = {
    settings,
    faiText,
    bedTexts,
    ...optionFiles(args),
    outputNames: outputNames(args),
    alignmentIndex: indexesAlignments(args),
  };
  // -N places pairs by the N runs: the sidecar next to the reference (or --gaps), else a
  // measure of the regions' bytes first.
  let gapsText: string | null = null;
  let gapsName = args.gapsPath;
  if (args.gapsPath && !isUrl(args.gapsPath)) gapsText = readText(args.gapsPath);
  else if (args.gapsPath) gapsText = await remoteFile(gapsName).text();
  else if (args.coverage <= 0 && !url.includes('?')) {
    // (A presigned URL's signature does not sign a sidecar: one is given with --gaps URL.)
    gapsName = displayUrl(besideUrl(url, '.gaps.bed'));
    gapsText = await new RemoteFile(besideUrl(url, '.gaps.bed'), fetchFor(ref)).textIfExists();
  }
  const measured = gapsText === null && args.coverage <= 0;
  if (measured) {
    if (!args.quiet && process.stderr.isTTY)
      process.stderr.write(`readforge: no ${gapsName}: measuring the regions' N runs first\n`);
    gapsText = await withName(fasta.name, () =>
      measureSpans(module, request, remoteSpans(fasta, {}, bgzf)),
    );
    gapsName = '';
  }
  const gaps = gapsText === null ? {} : { gapsText, gapsName };
  const variants = await variantsSource(module, args, { ...request, ...gaps });
  await simulateInto(module, args, { ...request, ...gaps }, fasta.name, seed, (onOutput) =>
    simulate(module, { ...request, ...gaps }, remoteSpans(fasta, {}, bgzf), {
      onOutput,
      variants: variants?.source,
    }),
  );
  if (!args.quiet)
    process.stderr.write(
      `readforge: fetched ${fasta.fetchedBytes} bytes of ${fasta.name} in ${fasta.requests} requests` +
        (measured
          ? ' (the regions twice: with no .gaps.bed beside it, their N runs were measured ' +
            'first; `readforge index` makes one)\n'
          : '\n'),
    );
  variants?.report();
}

export async function main(argv: string[]): Promise<number> {
  installInterruptHandlers();
  try {
    const module = await loadReadforge();
    if (argv[0] === 'index') return await indexCommand(module, argv.slice(1));
    if (argv[0] === 'profile') return await profileCommand(module, argv.slice(1));
    if (argv[0] === 'eval') return await evalCommand(module, argv.slice(1));
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
