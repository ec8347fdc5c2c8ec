import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, settings } from "../../db/schema";
import { defaultSettings } from "../../server/services/settings/settings.schemas";
import { callerAs, createCast } from "../setup/cast";
import { createTestDatabase } from "../setup/test-database";

describe("workflow settings", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);

  it("start from the defaults", async () => {
    expect(await callerAs(db, cast, "hr").setting.get()).toEqual(defaultSettings);
  });

  it("let HR change a setting and audit the change", async () => {
    const updated = await callerAs(db, cast, "hr").setting.update({ releaseDeadlineBusinessDays: 5, confidentialityPolicy: "until_shortlist" });
    expect(updated.releaseDeadlineBusinessDays).toBe(5);
    expect(updated.confidentialityPolicy).toBe("until_shortlist");
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "settings.update"));
    expect(audit.map((row) => [row.entityId, row.data])).toEqual(
      expect.arrayContaining([
        ["releaseDeadlineBusinessDays", { from: 10, to: 5 }],
        ["confidentialityPolicy", { from: "until_offer", to: "until_shortlist" }],
      ]),
    );
  });

  it("refuse an out-of-range value and change nothing, not even the valid part", async () => {
    const before = await db.select().from(settings);
    const auditBefore = await db.select().from(auditLog);
    const error = await callerAs(db, cast, "hr")
      .setting.update({ minimumOpenDays: 3, releaseDeadlineBusinessDays: 61 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(await db.select().from(settings)).toEqual(before);
    expect(await db.select().from(auditLog)).toEqual(auditBefore);
  });

  it("refuse unknown setting keys", async () => {
    await expect(callerAs(db, cast, "hr").setting.update({ anything: 1 } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
