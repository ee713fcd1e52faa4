// The configured references (the only files this API fetches): picked by name, opened with
// their indexes (the format told by their bytes), private ones signed with the deployment's
// secrets.
import { faiContigs } from '../engine/fai-contigs.js';
import type { ReadforgeModule } from '../engine/module-types.js';
import { openRemoteFasta, RemoteFasta } from '../engine/remote-fasta.js';
import { displayUrl, RemoteOptions } from '../engine/remote.js';
import { signedFetch } from '../engine/s3-signing.js';
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

/**
 * GET /api/references: each reference's contigs, from its index (the indexes read at once). One
 * that cannot be read is listed with the reason instead, and the others still are.
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
        return { ...entry, contigs: faiContigs(faiText) };
      } catch (error) {
        return { ...entry, error: (error as Error).message };
      }
    }),
  );
  return json(200, { references: list });
}
