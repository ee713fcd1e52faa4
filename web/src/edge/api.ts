// The HTTP API: GET /api/references and GET /api/simulate. Parameters are the command line's
// options by wgsim letter or long name, checked by the engine; answers stream as they are made.
import {
  OutputStream,
  ReadforgeModule,
  Setting,
  SimulatorInputs,
  SpanBytes,
} from '../runner/module-types.js';
import {
  plannedGenomeTruth,
  plannedSpans,
  ReadforgeError,
  simulate,
  SimulationRequest,
  SparseInput,
} from '../runner/pump.js';
import { measureSpans } from '../runner/first-pass.js';
import { RemoteFile, remoteSpans } from '../remote/remote.js';
import { besideUrl, RemoteFasta } from '../remote/remote-fasta.js';
import { remoteVcf, vcfRegions } from '../remote/remote-vcf.js';
import { admit } from './admission.js';
import { bodyStream, PIECE } from './body-stream.js';
import { Config, Env, Limits, ReferenceConfig } from './config.js';
import { ApiError, json } from './http.js';
import { accessOf, openReference, pickReference } from './references.js';
import { ProfileTexts, profileNames, resolveProfile } from './profiles.js';
import { COMPANIONS, INSTEAD, RUN_OPTIONS, TABLE_OPTIONS } from '../shared/run-options.js';

/** Not engine options: how the answer is shaped. */
const RESERVED = new Set(['ref', 'region', 'format', 'mate', 'gzip', 'shard', 'profile']);
const DEFAULT_BLOCK_SIZE = 262144;

// Memory per run is what bounds an isolate serving many (its limit is shared): the reference
// is fetched 128 KB at a time, one request at a time (not 1 MB with four ahead: 4 MB a run),
// and answers are sent in 64 KB pieces through one reused buffer (body-stream.ts). Measured in
// edge-load.test.mjs.
const REFERENCE_READS = { chunkBytes: 1 << 17, inFlight: 1 };

interface Plan {
  settings: Setting[];
  stream: OutputStream;
  /** format=summary: the run's figures as JSON instead of its reads. */
  summary: boolean;
  /** The configured VCF whose variants are planted (variants=NAME). */
  variantsUrl?: string;
  gzip: boolean;
  /** format=bam: binary bytes. */
  binary: boolean;
  profile: ProfileTexts | null;
  /** The texts of the configured tables the run names (genome-map, abundance, amplicons). */
  tables: SimulatorInputs;
  /** format=genomes: the community's genome table (--genome-truth) instead of reads. */
  genomes: boolean;
  reference: ReferenceConfig;
  /** The reference opened: its file, index and, for bgzip, its .gzi. */
  fasta: RemoteFasta;
  /** The reference's sidecar (N runs, MD5s), when -N or alignments need it and there is one
   * (else -N measures the runs). */
  gaps: { gapsText: string; gapsName: string } | null;
  pairsMode: boolean;
  seed: string;
}

/** The configured sidecar, or <url>.gaps.bed when there is one. */
async function fetchGaps(reference: ReferenceConfig, env: Env): Promise<Plan['gaps']> {
  const url = reference.gaps ?? besideUrl(reference.url, '.gaps.bed');
  try {
    const file = new RemoteFile(url, accessOf(reference, env));
    const text = reference.gaps ? await file.text() : await file.textIfExists();
    return text === null ? null : { gapsText: text, gapsName: url };
  } catch (error) {
    throw new ApiError(
      502,
      'ref',
      `cannot read ${reference.name}'s N runs: ${(error as Error).message}`,
    );
  }
}

/** Checks every parameter and the limits; returns what to run. */
async function plan(module: ReadforgeModule, url: URL, config: Config, env: Env): Promise<Plan> {
  const params = url.searchParams;
  const reference = pickReference(config.references, params.get('ref'));
  const settings: Setting[] = [];
  for (const [name, value] of params) {
    if (RESERVED.has(name)) continue;
    if (
      !RUN_OPTIONS.has(name) &&
      !module.checkSettings([[name, '']], false).startsWith('unknown')
    ) {
      const instead = INSTEAD[name] ? `: use ${INSTEAD[name]}` : ' (the server chooses it)';
      throw new ApiError(400, name, `${name} is not a parameter of this API${instead}`);
    }
    // A configured table's name, and the options beside one, are taken as given here (the
    // tables are fetched below); a file the server would have to read is refused.
    const companion: Setting[] = COMPANIONS[name] ?? [];
    const tableNamed = name in TABLE_OPTIONS || companion.length > 0;
    const problem = module.checkSettings([...companion, [name, value]], tableNamed);
    if (problem) throw new ApiError(400, name, problem);
    settings.push([name, value]);
  }
  const tables = await fetchTables(params, config);
  for (const region of params.getAll('region')) settings.push(['region', region]);
  const format = params.get('format') ?? 'fastq';
  if (!['fastq', 'interleaved', 'vcf', 'bam', 'sam', 'summary', 'genomes'].includes(format)) {
    throw new ApiError(
      400,
      'format',
      `format must be fastq, interleaved, vcf, bam, sam, summary or genomes, got '${format}'`,
    );
  }
  if (format === 'genomes') {
    if (!params.get('genome-map'))
      throw new ApiError(400, 'format', 'format=genomes reports a community: give genome-map');
    settings.push(['genome-truth', '1']);
  }
  const alignments = format === 'bam' || format === 'sam';
  const variantsName = params.get('variants');
  const variantsUrl = variantsName ? config.variants[variantsName] : undefined;
  if (variantsName && !variantsUrl) {
    const known = Object.keys(config.variants);
    throw new ApiError(
      400,
      'variants',
      `'${variantsName}' is not a VCF this server has${known.length ? `: ${known.join(', ')}` : ' (none are configured)'}`,
    );
  }
  const profileName = params.get('profile');
  const profile = profileName ? await resolveProfile(profileName, config.profiles) : null;
  if (profileName && !profile) {
    throw new ApiError(
      400,
      'profile',
      `'${profileName}' is not a profile this server has: ${profileNames(config.profiles).join(', ')}`,
    );
  }
  if (format === 'interleaved') settings.push(['interleaved', '1']);
  if (format === 'vcf') settings.push(['vcf', '1']);
  // The reads' true alignments: a shard's BAM piece (pieces concatenate to the run's BAM).
  if (alignments) settings.push([format, '1']);
  // gzip=1: BGZF from the engine, the bytes of the command line's .gz files (shards concatenate).
  if (params.get('gzip') === '1') settings.push(['gzip', '1']);
  const mate = params.get('mate') ?? '1';
  if (mate !== '1' && mate !== '2')
    throw new ApiError(400, 'mate', `mate must be 1 or 2, got '${mate}'`);
  let seed = settings.find(([n]) => n === 'S' || n === 'seed')?.[1] ?? '';
  if (!seed) {
    const words = crypto.getRandomValues(new Uint32Array(2));
    seed = ((BigInt(words[0]) << 32n) | BigInt(words[1])).toString();
    settings.push(['seed', seed]);
  }
  const problem = module.checkSettings(settings, true);
  if (problem) throw new ApiError(400, null, problem);

  const fasta = await openReference(module, reference, env);
  const pairsMode = !settings.some(([n]) => n === 'C' || n === 'coverage');
  // The sidecar holds the N runs -N needs, and the contigs' MD5s an alignment header carries.
  const gaps = pairsMode || alignments ? await fetchGaps(reference, env) : null;
  const sim = new module.Simulator(settings, {
    faiText: fasta.faiText,
    ...gaps,
    ...profile,
    ...tables,
  });
  let spans: SpanBytes[];
  try {
    const error = sim.start();
    const table = Object.keys(TABLE_OPTIONS).find((name) =>
      error.startsWith(`${params.get(name)}: `),
    );
    const parameter = error.startsWith('region')
      ? 'region'
      : error.includes('quality profile')
        ? 'profile'
        : (table ?? null);
    if (error) throw new ApiError(400, parameter, error);
    spans = sim.spans();
  } finally {
    sim.delete();
  }
  enforceLimits(settings, spans, config.limits);
  const shard = params.get('shard');
  if (shard) settings.push(...shardSettings(shard, settings, spans));
  const paired = !settings.some(([n, v]) => (n === '2' || n === 'read2-length') && v === '0');
  const stream =
    format === 'vcf'
      ? OutputStream.Vcf
      : alignments
        ? OutputStream.Alignments
        : mate === '2' && paired && format !== 'interleaved'
          ? OutputStream.Read2
          : OutputStream.Read1;
  return {
    settings,
    stream,
    summary: format === 'summary',
    variantsUrl,
    gzip: params.get('gzip') === '1',
    binary: format === 'bam',
    profile,
    tables,
    genomes: format === 'genomes',
    reference,
    fasta,
    gaps,
    pairsMode,
    seed,
  };
}

/** The texts of the configured tables the parameters name (a 400 for an unknown name). */
async function fetchTables(params: URLSearchParams, config: Config): Promise<SimulatorInputs> {
  const texts: SimulatorInputs = {};
  for (const [name, field] of Object.entries(TABLE_OPTIONS)) {
    const table = params.get(name);
    if (!table) continue;
    const url = config.tables[table];
    if (!url) {
      const known = Object.keys(config.tables);
      throw new ApiError(
        400,
        name,
        `'${table}' is not a table this server has${known.length ? `: ${known.join(', ')}` : ' (none are configured)'}`,
      );
    }
    const file = new RemoteFile(url);
    try {
      texts[field] = await file.text();
    } catch (error) {
      throw new ApiError(502, name, `cannot read ${file.name}: ${(error as Error).message}`);
    }
  }
  return texts;
}

function value(settings: Setting[], names: string[], fallback: number): number {
  const found = settings.filter(([n]) => names.includes(n)).at(-1);
  return found ? Number(found[1]) : fallback;
}

function enforceLimits(settings: Setting[], spans: SpanBytes[], limits: Limits): void {
  const bases = spans.reduce((sum, s) => sum + (s.end - s.begin), 0);
  if (bases > limits.maxRegionBases) {
    throw new ApiError(
      400,
      'region',
      `the regions hold ${bases} bases; this server allows ${limits.maxRegionBases} per request`,
    );
  }
  const l1 = value(settings, ['1', 'read1-length'], 70);
  const l2 = value(settings, ['2', 'read2-length'], 70);
  const coverage = value(settings, ['C', 'coverage'], 0);
  const pairs =
    coverage > 0
      ? (coverage * bases) / Math.max(1, l1 + l2)
      : value(settings, ['N', 'pairs'], 1_000_000);
  const name = coverage > 0 ? 'C' : 'N';
  if (pairs > limits.maxPairs)
    throw new ApiError(
      400,
      name,
      `${Math.round(pairs)} read pairs asked; this server allows ${limits.maxPairs} per request`,
    );
  const bytes = pairs * (2 * (l1 + l2) + 2 * 120);
  if (bytes > limits.maxOutputBytes)
    throw new ApiError(
      400,
      name,
      `about ${Math.round(bytes / 1e9)} GB of output asked; this server allows ${limits.maxOutputBytes / 1e9} GB per request`,
    );
}

/** shard=i/k: the i-th of k contiguous, block-aligned parts of the run. */
function shardSettings(shard: string, settings: Setting[], spans: SpanBytes[]): Setting[] {
  const match = /^(\d+)\/(\d+)$/.exec(shard);
  const i = match ? Number(match[1]) : NaN;
  const k = match ? Number(match[2]) : NaN;
  if (!(k >= 1 && k <= 10000 && i >= 0 && i < k))
    throw new ApiError(400, 'shard', `shard must be i/k with 0 <= i < k <= 10000, got '${shard}'`);
  const size = value(settings, ['block-size'], DEFAULT_BLOCK_SIZE);
  const blocks = spans.reduce((sum, s) => sum + Math.ceil((s.end - s.begin) / size), 0);
  return [
    ['first-block', String(Math.floor((i * blocks) / k))],
    ['end-block', String(Math.floor(((i + 1) * blocks) / k))],
  ];
}

/**
 * GET /api/simulate. Each run is admitted first (limits.maxConcurrentRuns; 503 beyond) and
 * released when its answer is complete, fails, or its client goes away.
 */
export async function simulateResponse(
  module: ReadforgeModule,
  url: URL,
  config: Config,
  env: Env,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<Response> {
  const release = admit(config.limits.maxConcurrentRuns);
  try {
    return await startRun(module, url, config, env, release, waitUntil);
  } catch (error) {
    release();
    throw error;
  }
}

async function startRun(
  module: ReadforgeModule,
  url: URL,
  config: Config,
  env: Env,
  release: () => void,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<Response> {
  const { limits } = config;
  const p = await plan(module, url, config, env);
  const { file, bgzf } = p.fasta;
  const request = {
    settings: p.settings,
    faiText: p.fasta.faiText,
    ...p.gaps,
    ...p.profile,
    ...p.tables,
  };
  if (p.pairsMode && !p.gaps) {
    // No sidecar: the regions' bytes are fetched twice, first to measure their N runs.
    try {
      request.gapsText = await measureSpans(
        module,
        request,
        remoteSpans(file, REFERENCE_READS, bgzf),
      );
    } catch (error) {
      throw new ApiError(502, 'ref', `cannot measure ${file.name}: ${(error as Error).message}`);
    }
  }
  if (p.genomes) {
    release();
    return new Response(plannedGenomeTruth(module, request), {
      headers: {
        'Content-Type': 'text/tab-separated-values; charset=utf-8',
        'X-Readforge-Seed': p.seed,
        'Cache-Control': 'no-store',
      },
    });
  }
  // The planted VCF streams in step with the reference (fetched per request, by region when it
  // has a tabix index; its errors name it).
  const variants = async () => {
    if (!p.variantsUrl) return undefined;
    const vcfFile = new RemoteFile(p.variantsUrl);
    try {
      const regions = vcfRegions(plannedSpans(module, request));
      return await remoteVcf(module, vcfFile, regions);
    } catch (error) {
      throw new ApiError(
        502,
        'variants',
        `cannot read ${vcfFile.name}: ${(error as Error).message}`,
      );
    }
  };
  const vcf = await variants(); // before the first byte: an unreachable VCF is a 502
  if (p.summary) {
    try {
      return await summaryResponse(
        module,
        request,
        remoteSpans(file, REFERENCE_READS, bgzf),
        vcf,
        p.seed,
      );
    } finally {
      release();
    }
  }
  // The engine runs only as fast as the client reads, one piece in flight per request.
  let written = 0;
  const output = bodyStream(
    async (write, signal) => {
      await simulate(module, request, remoteSpans(file, { ...REFERENCE_READS, signal }, bgzf), {
        signal,
        variants: vcf,
        maxChunk: REFERENCE_READS.chunkBytes, // the engine's input buffer: no larger than reads
        onOutput: async (stream, bytes) => {
          if (stream !== p.stream) return;
          written += bytes.length;
          if (written > limits.maxOutputBytes)
            throw new ReadforgeError("the output passed this server's limit");
          // `bytes` views the engine's output in the wasm heap, which stays put until this
          // returns; but another request's run may grow the heap (detaching the view) while
          // this one waits, so each piece is taken from the heap as it is now. write() rejects
          // once the client has gone: the run stops.
          const { byteOffset, length } = bytes;
          for (let at = 0; at < length; at += PIECE) {
            const end = Math.min(at + PIECE, length);
            await write(new Uint8Array(module.HEAP8.buffer, byteOffset + at, end - at));
          }
        },
      });
    },
    release,
    waitUntil,
  );
  return new Response(output, {
    headers: {
      // gzip=1 asks for a .gz file (not transfer compression): clients keep the bytes as sent.
      'Content-Type': p.binary
        ? 'application/octet-stream'
        : p.gzip
          ? 'application/gzip'
          : 'text/plain; charset=utf-8',
      'X-Readforge-Seed': p.seed,
      'X-Readforge-Expected-Error-Rate': expectedErrorRate(module, p),
      'Cache-Control': 'no-store',
    },
  });
}

/**
 * The error rate the run's quality model implies for its reads (-e, or the profile's over the
 * reads' cycles): known before the first byte, unlike the realised rate (format=summary).
 */
function expectedErrorRate(module: ReadforgeModule, p: Plan): string {
  const l1 = value(p.settings, ['1', 'read1-length'], 70);
  const l2 = value(p.settings, ['2', 'read2-length'], 70);
  if (!p.profile) return String(value(p.settings, ['e', 'error-rate'], 0.02));
  const [first, second] = p.profile.profileTexts.map((t) => module.describeProfile(t, l1, l2));
  const [r1, r2] = second
    ? [first.expectedErrorRate[0], second.expectedErrorRate[0]]
    : first.expectedErrorRate;
  return ((l1 * r1 + l2 * r2) / Math.max(1, l1 + l2)).toPrecision(4);
}

/** format=summary: runs the simulation without sending its reads; the realised figures. */
async function summaryResponse(
  module: ReadforgeModule,
  request: SimulationRequest,
  input: SparseInput,
  variants: ReadableStream<Uint8Array> | undefined,
  seed: string,
): Promise<Response> {
  const { stats, warnings } = await simulate(module, request, input, {
    onOutput: () => {},
    variants,
  });
  return json(200, {
    seed,
    summary: module.summaryLine(stats.pairs, stats.readBases, stats.errors, stats.contigs),
    pairs: stats.pairs,
    readBases: stats.readBases,
    errors: stats.errors,
    errorRate: stats.readBases ? stats.errors / stats.readBases : 0,
    snps: stats.snps,
    insertions: stats.insertions,
    deletions: stats.deletions,
    warnings,
  });
}
