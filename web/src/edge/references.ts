// The configured references (the only files this API fetches): picked by name, opened with
// their indexes (the format told by their bytes), private ones signed with the deployment's
// secrets.
import { faiPage } from '../runner/fai-contigs.js';
import type { ReadforgeModule } from '../runner/module-types.js';
import { openRemoteFasta, RemoteFasta } from '../remote/remote-fasta.js';
import { displayUrl, RemoteOptions } from '../remote/remote.js';
import { signedFetch } from '../remote/s3-signing.js';
import { Env, ReferenceConfig } from './config.js';
import { ApiError, json } from './http.js';

/** The configured reference a `ref=` names (by name, or by its exact URL); nothing else. */
export function pickReference(references: ReferenceConfig[], ref: string | null): ReferenceConfig {
  const names = references.map((r) => r.name).join(', ');
  if (!ref) throw new ApiError(400, 'ref', `ref is required: one of ${names}`);
  const found = references.find((r) => r.name === ref || r.url === ref);
  if (!found) {
    throw new ApiError(
      403,
      'ref',
      `'${ref}' is not a reference this server serves (only configured references can be ` +
        `fetched): ${names}`,
    );
  }
  return found;
}

/**
 * How to fetch a reference's files: signed (SigV4) with the secrets its `credentials` names
 * (<NAME>_ACCESS_KEY_ID, <NAME>_SECRET_ACCESS_KEY, <NAME>_SESSION_TOKEN), or as they are.
 */
export function accessOf(reference: ReferenceConfig, env: Env): RemoteOptions {
  const prefix = reference.credentials;
  if (!prefix) return {};
  const accessKeyId = env[`${prefix}_ACCESS_KEY_ID`];
  const secretAccessKey = env[`${prefix}_SECRET_ACCESS_KEY`];
  if (typeof accessKeyId !== 'string' || typeof secretAccessKey !== 'string') {
    throw new ApiError(
      500,
      'ref',
      `the server is misconfigured: reference '${reference.name}' needs the secrets ` +
        `${prefix}_ACCESS_KEY_ID and ${prefix}_SECRET_ACCESS_KEY (wrangler secret put)`,
    );
  }
  const token = env[`${prefix}_SESSION_TOKEN`];
  return {
    fetch: signedFetch({
      accessKeyId,
      secretAccessKey,
      sessionToken: typeof token === 'string' ? token : undefined,
      region: reference.region,
    }),
  };
}

/** The reference opened (a 502 naming it when its files cannot be read). */
export async function openReference(
  module: ReadforgeModule,
  reference: ReferenceConfig,
  env: Env,
  options: RemoteOptions = {},
): Promise<RemoteFasta> {
  try {
    return await openRemoteFasta(
      module,
      { url: reference.url, faiUrl: reference.fai, gziUrl: reference.gzi },
      { ...accessOf(reference, env), ...options },
    );
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(502, 'ref', `cannot read ${reference.name}: ${(error as Error).message}`);
  }
}

/** Contigs listed per page: a reference of a million contigs is listed in pages. */
export const CONTIG_PAGE = 1000;
const MAX_CONTIG_PAGE = 10_000;

function pageOf(faiText: string, name: string, offset: number, limit: number) {
  const { contigs, count, bases } = faiPage(faiText, offset, limit);
  const end = offset + contigs.length;
  const next =
    end < count
      ? `/api/references/${encodeURIComponent(name)}?offset=${end}&limit=${limit}`
      : undefined;
  return { contigCount: count, bases, offset, contigs, ...(next ? { next } : {}) };
}

/**
 * GET /api/references: each reference with its contig count, bases and first page of contigs
 * (CONTIG_PAGE), from its index (the indexes read at once), and where the next page is. One that
 * cannot be read is listed with the reason instead, and the others still are.
 */
export async function listReferences(
  module: ReadforgeModule,
  references: ReferenceConfig[],
  env: Env,
): Promise<Response> {
  const list = await Promise.all(
    references.map(async (ref) => {
      const entry = { name: ref.name, url: displayUrl(ref.url) };
      try {
        const { faiText } = await openReference(module, ref, env);
        return { ...entry, ...pageOf(faiText, ref.name, 0, CONTIG_PAGE) };
      } catch (error) {
        return { ...entry, error: (error as Error).message };
      }
    }),
  );
  return json(200, { references: list });
}

/** GET /api/references/NAME?offset=O&limit=L: one page of a reference's contigs. */
export async function listContigs(
  module: ReadforgeModule,
  references: ReferenceConfig[],
  name: string,
  params: URLSearchParams,
  env: Env,
): Promise<Response> {
  const reference = pickReference(references, name);
  const number = (key: string, fallback: number, max: number) => {
    const text = params.get(key);
    const value = text === null ? fallback : Number(text);
    if (!Number.isInteger(value) || value < 0 || value > max)
      throw new ApiError(400, key, `${key} must be an integer in [0, ${max}], got '${text}'`);
    return value;
  };
  for (const key of params.keys()) {
    if (key !== 'offset' && key !== 'limit')
      throw new ApiError(
        400,
        key,
        `unknown parameter '${key}' (this endpoint takes offset, limit)`,
      );
  }
  const offset = number('offset', 0, Number.MAX_SAFE_INTEGER);
  const limit = Math.max(1, number('limit', CONTIG_PAGE, MAX_CONTIG_PAGE));
  const { faiText } = await openReference(module, reference, env);
  return json(200, {
    name: reference.name,
    url: displayUrl(reference.url),
    ...pageOf(faiText, reference.name, offset, limit),
  });
}
