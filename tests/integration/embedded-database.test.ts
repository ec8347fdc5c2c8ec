import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { DatabaseLockedError, openPglite, queryRows } from "../../db/client";
import { RUNTIME_ROLE } from "../../db/scope";
import { departments } from "../../db/schema";

function holdDatabase(dataDir: string, code: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/setup/hold-embedded-database.ts", dataDir, code], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) resolve(child);
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`holder exited early (${code}): ${output}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

// The embedded database is PGlite only: these tests run the same way whichever engine the tier uses.
describe("the embedded database directory", () => {
  const root = mkdtempSync(join(tmpdir(), "kakezan-pglite-"));
  const dataDir = join(root, "pglite");
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("is owned by one process: a second one gets a clear message; Ctrl-C closes it cleanly and keeps the data", async () => {
    const holder = await holdDatabase(dataDir, "first-run");
    const attempt = await openPglite({ dataDir }).then(
      async (handle) => {
        await handle.close();
        return null;
      },
      (error: unknown) => error,
    );
    expect(attempt).toBeInstanceOf(DatabaseLockedError);
    expect((attempt as Error).message).toMatch(/in use by another Kakezan process \(pid \d+\)/);

    const exited = exitOf(holder);
    holder.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    // A restart (another process) finds the data intact and adds to it.
    const again = await holdDatabase(dataDir, "second-run");
    const exitedAgain = exitOf(again);
    again.kill("SIGTERM");
    expect(await exitedAgain).toBe(143);

    const handle = await openPglite({ dataDir });
    const rows = await handle.db.select({ code: departments.code }).from(departments).orderBy(departments.id);
    await handle.close();
    expect(rows.map((row) => row.code)).toEqual(["first-run", "second-run"]);
  });

  it("serves as the runtime role once migrated", async () => {
    const handle = await openPglite({ dataDir, role: RUNTIME_ROLE });
    const [who] = await queryRows<{ current_user: string }>(handle.db, sql`select current_user`);
    const departmentCodes = await handle.db.select({ code: departments.code }).from(departments);
    const protectedRows = await queryRows(handle.db, sql`select person_id from wills`);
    await handle.close();
    expect(who?.current_user).toBe(RUNTIME_ROLE);
    expect(departmentCodes).toHaveLength(2);
    expect(protectedRows).toEqual([]);
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(`${dataDir}.lock`, "999999");
    const handle = await openPglite({ dataDir });
    await handle.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
