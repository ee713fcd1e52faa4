// A shared run's manifest: everything needed to show a run's results and to run it again, and
// nothing of its data. It holds the settings (seed included), the readforge version, the
// reference's name and its contigs' names, lengths and MD5s (refget's), the figures and the
// fragment histogram; never reads, sequence or credentials. A reference of many contigs (a draft
// assembly, a transcriptome) keeps its first contigs up to MANIFEST_CONTIG_BYTES, with the count
// and one digest of the whole list, which is what "Run again" checks a file against. The edge API stores it in KV
// (POST /api/runs) and the app builds it (web/src/app/share-run.ts); both check it with this
// schema, whose bounds are what keeps a manifest small.
import { z } from 'zod';

export const MANIFEST_FORMAT = 'readforge-run/1';

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const counts = (max: number) => z.array(count).max(max);
const text = (max: number) => z.string().max(max);

const contig = z.strictObject({
  name: text(1024).min(1),
  length: count,
  md5: z
    .string()
    .regex(/^[0-9a-f]{32}$/, 'an MD5 is 32 lowercase hex digits')
    .optional(),
});

const reference = z.strictObject({
  /** What the person called it: a file name, a built-in reference's title, a URL's last part. */
  name: text(256).min(1),
  source: z.enum(['builtin', 'remote', 'local']),
  /** The app's id of a built-in reference. */
  builtin: text(64).optional(),
  /** A remote reference's URL, without a query string (presigned URLs carry signatures). */
  url: z
    .string()
    .max(2048)
    .regex(/^https?:\/\/[^?#]*$/, 'a URL without a query string')
    .optional(),
  /** The first contigs (all of them when contigCount is absent or equal to their number). */
  contigs: z.array(contig).min(1).max(100_000),
  /** How many contigs the reference has. */
  contigCount: count.optional(),
  /** SHA-256 of every contig's "name<TAB>length<TAB>md5" line (contigsDigest()). */
  contigsDigest: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/, 'sha256: and 64 lowercase hex digits')
    .optional(),
});

/** The figures of SimulatorStats that describe a run as a whole (no per-span coverage). */
const stats = z.strictObject({
  referenceBases: count,
  contigs: count,
  pairs: count,
  readBases: count,
  errors: count,
  droppedPairs: count,
  cutFragments: count,
  snps: count,
  insertions: count,
  deletions: count,
  fragmentLengthSum: count,
  // (Runs shared before duplicates were counted have none.)
  pcrDuplicates: count.default(0),
  opticalDuplicates: count.default(0),
  fragmentHistogram: counts(256),
  fragmentHistogramStart: count,
  fragmentHistogramWidth: count,
  cycleQualitySums: z.tuple([counts(10_000), counts(10_000)]),
  planted: z.strictObject({
    planted: count,
    mismatches: count,
    overlapping: count,
    outside: count,
  }),
});

export const runManifest = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  version: text(64),
  /** The engine options as [name, value], seed included: enough to make the same bytes. */
  settings: z
    .array(z.tuple([z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'an option name'), text(1024)]))
    .max(256),
  reference,
  stats,
  warnings: z.array(text(1024)).max(32),
  /** Bytes of output written (before compression). */
  outputBytes: count,
  /** The app's settings link (its hash: the form as it was), for "Run again". */
  app: z.string().max(8192).regex(/^#/, "the app's settings, starting with #").optional(),
});

export type RunManifest = z.infer<typeof runManifest>;
export type ManifestReference = RunManifest['reference'];

/** The largest manifest the edge API stores by default (its limits may say otherwise). */
export const MANIFEST_MAX_BYTES = 1 << 19;
/** What a manifest's contig list may take (as JSON) of that: about 7,000 contigs. */
export const MANIFEST_CONTIG_BYTES = 384 << 10;

export type ManifestContig = ManifestReference['contigs'][number];

/** A reference's contigs as a manifest lists them: the first that fit, the count, a digest. */
export type ContigSummary = Pick<ManifestReference, 'contigs' | 'contigCount' | 'contigsDigest'>;

/**
 * SHA-256 of the contigs' "name<TAB>length<TAB>md5" lines (md5 empty when unknown): one name for
 * the whole list, however long.
 */
export async function contigsDigest(contigs: ManifestContig[]): Promise<string> {
  const lines = contigs.map((c) => `${c.name}\t${c.length}\t${c.md5 ?? ''}\n`).join('');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(lines));
  return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The manifest's view of a reference's contigs: the first within MANIFEST_CONTIG_BYTES. */
export async function summarizeContigs(contigs: ManifestContig[]): Promise<ContigSummary> {
  let bytes = 0;
  let kept = 0;
  while (kept < contigs.length && kept < 100_000) {
    bytes += JSON.stringify(contigs[kept]).length + 1;
    if (bytes > MANIFEST_CONTIG_BYTES && kept > 0) break;
    kept++;
  }
  return {
    contigs: contigs.slice(0, kept),
    contigCount: contigs.length,
    contigsDigest: await contigsDigest(contigs),
  };
}

/** What is wrong with a would-be manifest, as one line naming the field; null when it is fine. */
export function manifestProblem(value: unknown): string | null {
  const result = runManifest.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const where = issue.path.length ? issue.path.join('.') : 'the manifest';
  return `${where}: ${issue.message}`;
}

/** A stored run as GET /api/runs/<id> answers: the manifest and when it was shared. */
export interface SharedRun {
  id: string;
  sharedAt: string;
  expiresAt: string;
  manifest: RunManifest;
}

/** A shared run's id: 128 random bits, base64url (unguessable; anything else is refused). */
export const RUN_ID = /^[A-Za-z0-9_-]{22}$/;
