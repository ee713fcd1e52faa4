// What an edge deployment serves: its references (the only files it will fetch) and its limits.
// Both come from bindings (workerd config or wrangler.toml), as JSON text.
export interface ReferenceConfig {
  /** The name clients use: `ref=<name>`. */
  name: string;
  /** The FASTA (plain, or bgzip with .gzi); its index at <url>.fai. */
  url: string;
  /** Its N runs (`readforge index`); default <url>.gaps.bed when there is one. Without any,
   * -N runs measure the regions' bytes first (fetching them twice). */
  gaps?: string;
}

export interface Limits {
  maxPairs: number;
  maxRegionBases: number;
  maxOutputBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxPairs: 20_000_000,
  maxRegionBases: 4_000_000_000,
  maxOutputBytes: 16_000_000_000,
};

export interface Env {
  REFERENCES: string;
  LIMITS?: string;
  /** Quality profiles by name: {"name": "URL" or ["R1 URL", "R2 URL"]}. */
  PROFILES?: string;
  /** VCFs whose variants `variants=NAME` plants: {"name": "URL of a .vcf or .vcf.gz"}. */
  VARIANTS?: string;
}

export interface Config {
  references: ReferenceConfig[];
  limits: Limits;
  profiles: Record<string, string | string[]>;
  variants: Record<string, string>;
}

export function readConfig(env: Env): Config {
  const references = JSON.parse(env.REFERENCES) as ReferenceConfig[];
  const limits = {
    ...DEFAULT_LIMITS,
    ...(env.LIMITS ? (JSON.parse(env.LIMITS) as Partial<Limits>) : {}),
  };
  const profiles = env.PROFILES ? (JSON.parse(env.PROFILES) as Config['profiles']) : {};
  const variants = env.VARIANTS ? (JSON.parse(env.VARIANTS) as Config['variants']) : {};
  return { references, limits, profiles, variants };
}
