import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { approvalSteps, auditLog } from "../../db/schema";
import { apply } from "../../server/services/applications/application.service";
import { japanDate } from "../../server/services/workflow/business-days";
import { createCast } from "../setup/cast";
import { sessionCookieFor, type TrpcErrorBody, trpcHttp } from "../setup/http";
import { createReceivingTeam } from "../setup/mobility";
import { createTestDatabase } from "../setup/test-database";

describe("company holidays", async () => {
  const { db, engine } = await createTestDatabase();
  const cast = await createCast(db);
  // The manager hears of an application at once, so applying opens the release step with its deadline.
  const team = await createReceivingTeam(db, cast, { confidentiality: "manager_first" });
  const hr = team.as("hr");
  await hr.setting.update({ releaseDeadlineBusinessDays: 1 });

  const releaseDueOn = async (applicationId: number) => {
    const [step] = await db
      .select({ dueAt: approvalSteps.dueAt })
      .from(approvalSteps)
      .where(and(eq(approvalSteps.applicationId, applicationId), eq(approvalSteps.step, "manager_release")));
    return step?.dueAt ? japanDate(step.dueAt) : null;
  };

  it(`move a new release step's deadline by one business day once HR adds one (${engine})`, async () => {
    // Thursday 2027-01-14, 10:00 in Japan; one business day later is Friday the 15th.
    const now = new Date("2027-01-14T01:00:00Z");
    const before = await apply(db, cast.actors.employee, { opportunityId: team.opportunityId, motivation: "QA に挑戦したい" }, now);
    expect(await releaseDueOn(before.applicationId)).toBe("2027-01-15");

    const saved = await hr.setting.update({ companyHolidays: [{ kind: "once", date: "2027-01-15", nameJa: "臨時休業日", nameEn: "Office move" }] });
    expect(saved.companyHolidays).toHaveLength(1);
    const after = await apply(db, cast.actors.colleague, { opportunityId: team.opportunityId, motivation: "テスト設計を学びたい" }, now);
    // Friday is now closed: Monday the 18th. The step opened earlier keeps its deadline.
    expect(await releaseDueOn(after.applicationId)).toBe("2027-01-18");
    expect(await releaseDueOn(before.applicationId)).toBe("2027-01-15");

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "settings.update"), eq(auditLog.entityId, "companyHolidays")));
    expect(audit).toMatchObject({
      actorId: cast.persons.hr.id,
      data: { from: [], to: [{ kind: "once", date: "2027-01-15", nameJa: "臨時休業日", nameEn: "Office move" }] },
    });
  });

  it("writes no audit row for a setting sent unchanged", async () => {
    const count = async () => (await db.select().from(auditLog).where(eq(auditLog.action, "settings.update"))).length;
    const current = await hr.setting.get();
    const rows = await count();
    await hr.setting.update({ companyHolidays: current.companyHolidays, departmentRotationTargets: current.departmentRotationTargets });
    expect(await count()).toBe(rows);
  });

  it.each([
    ["ja", "会社休日: 同じ日がすでに登録されています", "名称（日本語）: 入力してください"],
    ["en", "Company holidays lists a day that is already listed", "Japanese name is required"],
  ])("refuses a duplicate day and an empty name with translated messages (%s)", async (locale, duplicate, emptyName) => {
    const founding = { kind: "annual", monthDay: "10-01", nameJa: "創立記念日", nameEn: "Founding day" };
    const response = await trpcHttp(db, {
      path: "setting.update",
      method: "POST",
      input: { companyHolidays: [founding, { ...founding, nameJa: "記念日", nameEn: "Anniversary" }, { kind: "once", date: "2027-03-01", nameJa: "", nameEn: "Inventory" }] },
      cookie: await sessionCookieFor(db, cast.persons.hr.id),
      locale,
    });
    expect(response.status).toBe(400);
    const { fieldErrors } = (response.body as TrpcErrorBody).error.json.data as { fieldErrors: Record<string, string> };
    expect(fieldErrors["companyHolidays.1"]).toBe(duplicate);
    expect(fieldErrors["companyHolidays.2.nameJa"]).toBe(emptyName);
    expect((await hr.setting.get()).companyHolidays.map((holiday) => holiday.nameJa)).toEqual(["臨時休業日"]);
  });
});
