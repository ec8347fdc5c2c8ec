/**
 * `npm run bench`: every benchmark in bench/, one after another, each writing its result to
 * bench/results/. On the PostgreSQL database in BENCH_DATABASE_URL (where the targets are judged:
 * 2 cores, PostgreSQL on the same host), else an in-memory PGlite.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const benches = readdirSync("bench").filter((file) => file.endsWith(".bench.ts")).sort();
let failed = 0;
for (const bench of benches) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `bench/${bench}`], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
if (failed > 0) {
  console.error(`${failed} benchmark(s) missed their target.`);
  process.exitCode = 1;
}
