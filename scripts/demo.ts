/**
 * `npm run demo`: the whole product on the embedded database in one command. Builds when the
 * build is missing or older than the sources, migrates, seeds an empty database (and reuses an
 * existing one), then serves on http://localhost:3000 with the one-click demo sign-in.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed";
import { demoPersonas } from "../db/seed/personas";
import { recomputeCandidates } from "../server/services/matching/matching.service";
import { startServer } from "./start";

const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.PGLITE_DIR ?? ".data/pglite";
const sourceDirs = ["app", "server", "db", "messages", "proxy.ts", "next.config.mjs", "package.json"];

function newestSourceTime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestSourceTime(join(path, entry))));
}

function buildIfNeeded() {
  const buildId = ".next/BUILD_ID";
  const stale = !existsSync(buildId) || sourceDirs.some((dir) => existsSync(dir) && newestSourceTime(dir) > statSync(buildId).mtimeMs);
  if (!stale) return;
  console.log("Building the app (first run or changed sources)…");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** A stable secret for this demo data directory (sign-in CSRF tokens), made once. */
function demoSecret(): string {
  const path = join(".data", "demo-secret");
  mkdirSync(".data", { recursive: true });
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(path, "utf8").trim();
}

async function main() {
  if (process.env.KAKEZAN_FRESH === "1" && !process.env.DATABASE_URL) rmSync(dataDir, { recursive: true, force: true });
  buildIfNeeded();
  Object.assign(process.env, { NODE_ENV: "production", KAKEZAN_DEMO: "1" });
  process.env.PGLITE_DIR = dataDir;
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  process.env.NEXTAUTH_SECRET ??= demoSecret();

  const handle = await openDatabase();
  try {
    await migrateDatabase(handle);
    const outcome = await seedDemo(handle.db);
    // Suggested candidates are precomputed by the background job after changes; a fresh demo
    // has had none yet, so compute them once here.
    if (outcome === "seeded") await recomputeCandidates(handle.db);
    console.log(outcome === "seeded" ? "Seeded the demo company." : "Reusing the existing demo data.");
  } finally {
    await handle.close();
  }

  await startServer({ port });
  console.log(`\nKakezan demo: http://localhost:${port}  (日本語: /ja, English: /en)`);
  console.log(`Sign in at http://localhost:${port}/ja/signin as one of the personas: ${demoPersonas.map((p) => `${p.key} (${p.employeeNumber})`).join(", ")}`);
  console.log("Stop with Ctrl-C; the data in", dataDir, "is kept for the next run.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
