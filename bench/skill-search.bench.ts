/**
 * Skill search over the taxonomy: p50/p95 of `searchSkills` for Japanese names, English
 * names and aliases, on BENCH_DATABASE_URL (PostgreSQL) or an in-memory PGlite when unset.
 * Target: every query < 100 ms. Writes bench/results/skill-search-<pglite|postgres>.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { queryRows } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedReferenceData } from "../db/seed/reference-data";
import { searchSkills } from "../server/services/skills/skill.queries";
import { openBenchDatabase } from "./bench-db";

const queries = ["クレーム対応", "苦情", "complaint", "くれーむ", "ｸﾚｰﾑ", "SQL", "研修", "品質", "escalation", "ナレッジ", "KPI", "コミュニティ"];
const ROUNDS = 50;
const TARGET_MS = 100;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const handle = await openBenchDatabase();
  await migrateDatabase(handle);
  const existing = await queryRows(handle.db, sql`select 1 from skills limit 1`);
  if (existing.length === 0) await handle.db.transaction((tx) => seedReferenceData(tx));
  for (const query of queries) await searchSkills(handle.db, { query }); // warm-up
  const timings: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of queries) {
      const start = performance.now();
      await searchSkills(handle.db, { query });
      timings.push(performance.now() - start);
    }
  }
  await handle.close();
  timings.sort((a, b) => a - b);
  const result = {
    name: "skill-search",
    engine: handle.engine,
    samples: timings.length,
    p50Ms: Number(percentile(timings, 50).toFixed(2)),
    p95Ms: Number(percentile(timings, 95).toFixed(2)),
    maxMs: Number(timings.at(-1)!.toFixed(2)),
    targetMs: TARGET_MS,
    pass: timings.at(-1)! < TARGET_MS,
    measuredAt: new Date().toISOString(),
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/skill-search-${handle.engine}.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`skill search (${handle.engine}): p95 ${result.p95Ms} ms, max ${result.maxMs} ms — target < ${TARGET_MS} ms: ${result.pass ? "PASS" : "FAIL"}`);
  if (!result.pass) process.exitCode = 1;
}

void main();
