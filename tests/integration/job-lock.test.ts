import { describe, expect, it } from "vitest";
import { openPostgres } from "../../db/client";
import { exclusiveRunner } from "../../server/jobs/exclusive";
import { createTestDatabase } from "../setup/test-database";

describe("once-at-a-time jobs", async () => {
  const handle = await createTestDatabase();

  it("do not start while a run is in progress, and start again once it ends", async () => {
    // On PostgreSQL the second runner stands for another process (its own pool and sessions); the
    // embedded database has one process, whose runner is shared.
    const other = handle.url ? await openPostgres({ url: handle.url, poolSize: 2 }) : null;
    try {
      const [runExclusive, runElsewhere] = [exclusiveRunner(handle), exclusiveRunner(other ?? handle)];
      const inside = await runExclusive("schedule", async () => ({
        elsewhere: await runElsewhere("schedule", async () => "ran"),
        otherJob: await runElsewhere("matches.refresh", async () => "ran"),
      }));
      expect(inside).toEqual({ ran: true, value: { elsewhere: { ran: false }, otherJob: { ran: true, value: "ran" } } });
      expect(await runElsewhere("schedule", async () => "ran")).toEqual({ ran: true, value: "ran" });
    } finally {
      await other?.close();
    }
  });
});
