// Summary statistics of the shared runs, computed on a schedule (cron in wrangler.toml, every 30
// minutes) from the KV listing's metadata alone (no value is fetched), stored as one record
// that GET /api/stats serves.
import { json } from './http.js';
import type { KvNamespace } from './kv.js';
import type { Statistics, Totals } from '../shared/run-statistics.js';
import { RUN_DAYS, RunMetadata } from './permalinks.js';

const STATS_KEY = 'stats:latest';
const DAY = 86_400_000;

const zero = (): Totals => ({ runs: 0, pairs: 0, bytes: 0, errors: 0 });

function add(totals: Totals, run: RunMetadata): void {
  totals.runs++;
  totals.pairs += run.pairs;
  totals.bytes += run.bytes;
  totals.errors += run.errors;
}

/** The scheduled job: aggregates every stored run into the statistics record. */
export async function computeStatistics(kv: KvNamespace, now = Date.now()): Promise<Statistics> {
  const all = zero();
  const last24h = zero();
  const byReference = new Map<string, Totals>();
  let cursor: string | undefined;
  do {
    const page = await kv.list<RunMetadata>({ prefix: 'run:', cursor });
    for (const key of page.keys) {
      const run = key.metadata;
      if (!run) continue;
      add(all, run);
      if (now - run.t < DAY) add(last24h, run);
      if (!byReference.has(run.reference)) byReference.set(run.reference, zero());
      add(byReference.get(run.reference)!, run);
    }
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  const statistics: Statistics = {
    generatedAt: new Date(now).toISOString(),
    days: RUN_DAYS,
    ...all,
    last24h,
    byReference: [...byReference]
      .map(([reference, totals]) => ({ reference, ...totals }))
      .sort((a, b) => b.runs - a.runs || a.reference.localeCompare(b.reference)),
  };
  await kv.put(STATS_KEY, JSON.stringify(statistics));
  return statistics;
}

/**
 * GET /api/stats: the last record the job wrote (all zero before it first runs). Never cached:
 * a page would go on showing a record the job has replaced.
 */
export async function statisticsResponse(kv: KvNamespace): Promise<Response> {
  const text = await kv.get(STATS_KEY);
  if (text !== null)
    return new Response(text, {
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' },
    });
  const empty: Statistics = {
    generatedAt: null,
    days: RUN_DAYS,
    ...zero(),
    last24h: zero(),
    byReference: [],
  };
  return json(200, empty, { 'Cache-Control': 'no-cache' });
}
