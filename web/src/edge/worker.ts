// The edge function (Cloudflare Workers API; locally on workerd): the same readforge.wasm as
// the browser and Node, serving FASTQ over HTTP as it is made.
import { activeRuns } from './admission.js';
import { simulateResponse } from './api.js';
import { Env, readConfig } from './config.js';
import { ApiError, json } from './http.js';
import { listReferences } from './references.js';
import { loadReadforge } from './load-module.js';

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const config = readConfig(env);
    const { references } = config;
    try {
      if (request.method !== 'GET') return json(405, { error: 'only GET is supported' });
      if (url.pathname === '/api/references')
        return await listReferences(await loadReadforge(), references, env);
      if (url.pathname === '/api/health') {
        const wasmHeap = (await loadReadforge()).HEAP8.length;
        return json(200, { active: activeRuns(), wasmHeap });
      }
      if (url.pathname === '/api/simulate')
        return await simulateResponse(await loadReadforge(), url, config, env);
      return json(404, { error: `no such endpoint: ${url.pathname}` });
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
};
