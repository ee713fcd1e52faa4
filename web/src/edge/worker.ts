// The edge function (Cloudflare Workers API; locally on workerd): the same readforge.wasm as
// the browser and Node, serving FASTQ over HTTP as it is made; shared runs in KV, and their
// statistics computed on a schedule.
import { activeRuns } from './admission.js';
import { simulateResponse } from './api.js';
import { Env, readConfig } from './config.js';
import { ApiError, json } from './http.js';
import { createRun, getRun, runsStore } from './permalinks.js';
import { listContigs, listReferences } from './references.js';
import { loadReadforge } from './load-module.js';
import { computeStatistics, statisticsResponse } from './statistics.js';

/** The part of the Workers ExecutionContext this API uses. */
interface Context {
  waitUntil(promise: Promise<unknown>): void;
}

async function route(request: Request, env: Env, ctx: Context): Promise<Response> {
  const url = new URL(request.url);
  const config = readConfig(env);
  const path = url.pathname;
  if (path === '/api/runs' && request.method === 'POST')
    return await createRun(request, runsStore(env.RUNS), config.limits);
  if (request.method !== 'GET')
    throw new ApiError(405, null, `${request.method} ${path} is not supported`);
  if (path.startsWith('/api/runs/'))
    return await getRun(path.slice('/api/runs/'.length), runsStore(env.RUNS));
  if (path === '/api/stats') return await statisticsResponse(runsStore(env.RUNS));
  if (path === '/api/references')
    return await listReferences(await loadReadforge(), config.references, env);
  if (path.startsWith('/api/references/')) {
    const name = decodeURIComponent(path.slice('/api/references/'.length));
    return await listContigs(await loadReadforge(), config.references, name, url.searchParams, env);
  }
  if (path === '/api/health') {
    const wasmHeap = (await loadReadforge()).HEAP8.length;
    return json(200, { active: activeRuns(), wasmHeap });
  }
  if (path === '/api/simulate')
    return await simulateResponse(await loadReadforge(), url, config, env, (p) => ctx.waitUntil(p));
  throw new ApiError(404, null, `no such endpoint: ${path}`);
}

export default {
  async fetch(request: Request, env: Env, ctx: Context): Promise<Response> {
    try {
      return await route(request, env, ctx);
    } catch (error) {
      if (error instanceof ApiError)
        return json(
          error.status,
          { error: error.message, parameter: error.parameter },
          error.headers,
        );
      // No stack traces to clients.
      console.error(error);
      return json(500, { error: 'internal error' });
    }
  },

  /** The cron trigger (every 30 minutes, wrangler.toml): the shared runs' statistics. */
  async scheduled(_controller: unknown, env: Env): Promise<void> {
    if (env.RUNS) await computeStatistics(env.RUNS);
  },
};
