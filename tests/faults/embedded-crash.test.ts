import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { like } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "../../db/client";
import { departments } from "../../db/schema";
import { startProcess } from "../setup/child-process";

const holder = "tests/setup/hold-embedded-database.ts";

describe("the embedded database after its process is killed mid-write", () => {
  const root = mkdtempSync(join(tmpdir(), "kakezan-pglite-crash-"));
  const dataDir = join(root, "pglite");
  const running: ReturnType<typeof startProcess>[] = [];
  afterAll(() => {
    for (const { child } of running) if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true });
  });

  it("opens again by itself, past the dead process's lock, with every committed write and no half of one", async () => {
    const writer = startProcess(holder, {}, [dataDir, "crash", "--keep-writing"]);
    running.push(writer);
    await writer.next("committed 5 ");
    // SIGKILL: no handler runs, the lock file stays behind and a transaction is cut off midway.
    writer.child.kill("SIGKILL");
    await writer.exited;
    const committed = writer.lines().filter((line) => line.startsWith("committed ")).map((line) => line.split(" ").slice(1).map(Number));
    expect(readFileSync(`${dataDir}.lock`, "utf8").trim()).toBe(String(writer.child.pid));

    // The next start, as `npm run demo` would do it: opens, migrates, writes.
    const restarted = startProcess(holder, {}, [dataDir, "after-crash"]);
    running.push(restarted);
    await restarted.next("ready");
    restarted.child.kill("SIGTERM");
    expect(await restarted.exited).toBe(143);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const handle = await openPglite({ dataDir });
    const codes = (await handle.db.select({ code: departments.code }).from(departments).where(like(departments.code, "crash-%"))).map((row) => row.code);
    const afterCrash = await handle.db.select({ code: departments.code }).from(departments).where(like(departments.code, "after-crash"));
    await handle.close();
    expect(afterCrash).toHaveLength(1);
    const rowsByBatch = new Map<number, number>();
    for (const code of codes) {
      const batch = Number(code.split("-")[1]);
      rowsByBatch.set(batch, (rowsByBatch.get(batch) ?? 0) + 1);
    }
    // Every batch reported committed is there in full…
    for (const [batch, rows] of committed) expect(rowsByBatch.get(batch!), `batch ${batch}`).toBe(rows);
    // …and of the batch being written when the process died, all rows or none (it may have committed just before).
    const lastReported = Math.max(...committed.map(([batch]) => batch!));
    expect([...rowsByBatch.keys()].every((batch) => batch <= lastReported + 1)).toBe(true);
    expect(rowsByBatch.get(lastReported + 1) ?? committed[0]![1]).toBe(committed[0]![1]);
  });
});
