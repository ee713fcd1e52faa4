// What an edge deployment serves: its references (the only files it will fetch) and its limits.
// Both come from bindings (workerd config or wrangler.toml), as JSON text.
import { MANIFEST_MAX_BYTES } from '../shared/run-manifest.js';
import type { KvNamespace } from './kv.js';
export interface ReferenceConfig {
  /** The name clients use: `ref=<name>`. */
  name: string;
  /** The FASTA (plain, or bgzip with .gzi: told by its bytes); its index at <url>.fai. */
  url: string;
  /** The index's URL, when not <url>.fai (a presigned URL, say). */
  fai?: string;
  /** A bgzip FASTA's .gzi, when not <url>.gzi. */
  gzi?: string;
  /**
   * A private bucket: requests are signed (AWS SigV4) with the secrets <credentials>_ACCESS_KEY_ID
   * and <credentials>_SECRET_ACCESS_KEY (and <credentials>_SESSION_TOKEN if set), which
   * `wrangler secret put` sets; `region` is the bucket's (default us-east-1).
   */
  credentials?: string;
  region?: string;
  /** Its N runs (`readforge index`); default <url>.gaps.bed when there is one. Without any,
   * -N runs measure the regions' bytes first (fetching them twice). */
  gaps?: string;
}

export interface Limits {
  maxPairs: number;
  maxRegionBases: number;
  maxOutputBytes: number;
  /**
   * Runs streaming at once in one isolate; more get 503 with Retry-After. Each run holds about
   * 1 MB of the shared wasm heap and 1 MB of JavaScript memory (edge-load.test.mjs prints the
   * figures).
   */
  maxConcurrentRuns: number;
  /** Shared runs (POST /api/runs) per client address per hour, counted per isolate. */
  sharesPerHour: number;
  /** The largest manifest accepted (the app keeps its contig list within MANIFEST_CONTIG_BYTES). */
  maxManifestBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxPairs: 20_000_000,
  maxRegionBases: 4_000_000_000,
  maxOutputBytes: 16_000_000_000,
  maxConcurrentRuns: 16,
  sharesPerHour: 60,
  maxManifestBytes: MANIFEST_MAX_BYTES,
};

export interface Env {
  REFERENCES: string;
  LIMITS?: string;
  /** Quality profiles by name: {"name": "URL" or ["R1 URL", "R2 URL"]}. */
  PROFILES?: string;
  /** VCFs whose variants `variants=NAME` plants: {"name": "URL of a .vcf or .vcf.gz"}. */
  VARIANTS?: string;
  /** Genome maps, abundance tables and amplicon panels by name (`genome-map=NAME`,
   * `abundance=NAME`, `amplicons=NAME`): {"name": "URL"}. */
  TABLES?: string;
  /** The KV namespace of shared runs and their statistics (permalinks.ts, statistics.ts). */
  RUNS?: KvNamespace;
  /** Secrets (wrangler secret put), e.g. the credentials of private references. */
  [secret: string]: string | KvNamespace | undefined;
}

export interface Config {
  references: ReferenceConfig[];
  limits: Limits;
  profiles: Record<string, string | string[]>;
  variants: Record<string, string>;
  tables: Record<string, string>;
}

export function readConfig(env: Env): Config {
  const references = JSON.parse(env.REFERENCES) as ReferenceConfig[];
  const limits = {
    ...DEFAULT_LIMITS,
    ...(env.LIMITS ? (JSON.parse(env.LIMITS) as Partial<Limits>) : {}),
  };
  const profiles = env.PROFILES ? (JSON.parse(env.PROFILES) as Config['profiles']) : {};
  const variants = env.VARIANTS ? (JSON.parse(env.VARIANTS) as Config['variants']) : {};
  const tables = env.TABLES ? (JSON.parse(env.TABLES) as Config['tables']) : {};
  return { references, limits, profiles, variants, tables };
}
