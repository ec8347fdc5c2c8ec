/**
 * CI gate: the schema in db/schema must match the committed migrations. Runs drizzle-kit generate
 * into a scratch copy and fails when it would write a new migration.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// drizzle-kit resolves `out` relative to the working directory, so the scratch copy lives inside it.
mkdirSync(".data", { recursive: true });
const scratch = mkdtempSync(join(".data", "migration-check-"));
try {
  cpSync("db/migrations", scratch, { recursive: true });
  const config = join(scratch, "drizzle.config.mjs");
  writeFileSync(
    config,
    `export default ${JSON.stringify({ dialect: "postgresql", schema: "./db/schema/index.ts", out: `./${scratch}`, casing: "snake_case" })};\n`,
  );
  const result = spawnSync("npx", ["drizzle-kit", "generate", "--config", config], { encoding: "utf8" });
  // drizzle-kit exits 0 even when it fails, so only its own "nothing to do" line counts as a pass.
  if (!result.stdout.includes("No schema changes")) {
    console.error(result.stdout, result.stderr);
    console.error("db/schema has changes without a migration (or drizzle-kit failed). Run `npm run db:generate` and commit db/migrations.");
    process.exitCode = 1;
  } else {
    console.log("Migrations match the schema.");
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
