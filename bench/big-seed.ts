/**
 * Shared by the benchmarks that need the synthetic company of `npm run bench:seed` (100,000 people
 * on PostgreSQL): without BENCH_DATABASE_URL they print a SKIPPED line and exit 0.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { type DatabaseHandle, openPostgres, queryRows } from "../db/client";
import { migrateDatabase } from "../db/migrate";

/** The seeded PostgreSQL database, or null (after printing SKIPPED) when BENCH_DATABASE_URL is unset. */
export async function openBigSeed(name: string): Promise<DatabaseHandle | null> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    console.log(`${name}: SKIPPED — set BENCH_DATABASE_URL and run npm run bench:seed first`);
    return null;
  }
  const handle = await openPostgres({ url, statementTimeoutMs: 120_000 });
  const [seeded] = await queryRows<{ people: number | null }>(handle.db, sql`select case when to_regclass('people') is null then null else (select count(*)::int from people) end as people`).catch(() => []);
  if (!seeded?.people || seeded.people < 50_000) {
    console.log(`${name}: SKIPPED — the database in BENCH_DATABASE_URL holds no synthetic company: run npm run bench:seed first`);
    await handle.close();
    return null;
  }
  // A company seeded before the latest migration is brought up to date (the seed itself is kept).
  await migrateDatabase(handle);
  return handle;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const ms = (value: number) => Number(value.toFixed(2));

/** p50 / p95 / max of a list of timings, in ms. */
export function summarize(timings: readonly number[]) {
  const sorted = [...timings].sort((a, b) => a - b);
  return { samples: sorted.length, p50Ms: ms(percentile(sorted, 50)), p95Ms: ms(percentile(sorted, 95)), maxMs: ms(sorted.at(-1) ?? 0) };
}

export function writeResult(name: string, result: Record<string, unknown>): void {
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/${name}.json`, `${JSON.stringify({ name, engine: "postgres", node: process.version, ...result, measuredAt: new Date().toISOString() }, null, 2)}\n`);
}

export const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");
