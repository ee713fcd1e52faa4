// What GET /api/stats answers: the shared runs' totals, as the edge's scheduled job computes
// them (web/src/edge/statistics.ts) and the app shows them (web/src/app/statistics.ts).
export interface Totals {
  runs: number;
  pairs: number;
  bytes: number;
  errors: number;
}

export interface Statistics extends Totals {
  /** When the job ran (ISO time); null before its first run. */
  generatedAt: string | null;
  /** Runs are kept this long, so the totals cover them. */
  days: number;
  last24h: Totals;
  byReference: ({ reference: string } & Totals)[];
}
