import { openPglite, openPostgres } from "../db/client";

/**
 * The database a benchmark runs on: the dedicated PostgreSQL database in BENCH_DATABASE_URL (never
 * DATABASE_URL, so a benchmark cannot write into a real deployment), else an in-memory PGlite.
 */
export function openBenchDatabase() {
  const url = process.env.BENCH_DATABASE_URL;
  return url ? openPostgres({ url }) : openPglite();
}
