import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, people } from "../../db/schema";
import { actorForPerson } from "../../server/auth/actor";
import { handleAuditCsvRequest } from "../../server/trpc/audit-csv";
import { createContextInner } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { callerAs, createCast } from "../setup/cast";
import { sessionCookieFor } from "../setup/http";
import { createReceivingTeam } from "../setup/mobility";
import { createTestDatabase } from "../setup/test-database";

describe("the audit trail", async () => {
  const { db, engine } = await createTestDatabase();
  const cast = await createCast(db);
  // Hidden from the manager until the offer: the application stays confidential while HR reads it.
  const team = await createReceivingTeam(db, cast, { confidentiality: "until_offer" });
  const hr = callerAs(db, cast, "hr");
  const admin = callerAs(db, cast, "admin");
  const applied = await callerAs(db, cast, "employee").application.submit({ opportunityId: team.opportunityId, motivation: "QA に挑戦したい" });
  const founding = { kind: "annual" as const, monthDay: "10-01", nameJa: "=創立記念日", nameEn: "Founding day" };
  await hr.setting.update({ companyHolidays: [founding] });

  it(`shows the admin a settings change with who, before and after, newest first (${engine})`, async () => {
    const page = await admin.audit.list({ filters: { entityType: "setting" } });
    expect(page.items[0]).toMatchObject({
      actor: { id: cast.persons.hr.id },
      action: "settings.update",
      entityId: "companyHolidays",
      data: { from: [], to: [founding] },
    });
    const times = page.items.map((entry) => entry.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("filters by person, action, entity and days in Japan", async () => {
    const hrPerson = (await db.select().from(people).where(eq(people.id, cast.persons.hr.id)))[0]!;
    const byName = await admin.audit.list({ filters: { actor: hrPerson.familyName + hrPerson.givenName, action: "settings" } });
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((entry) => entry.actor?.id === cast.persons.hr.id && entry.action.startsWith("settings"))).toBe(true);
    const byNumber = await admin.audit.list({ filters: { actor: hrPerson.employeeNumber, entityType: "setting", entityId: "companyHolidays" } });
    expect(byNumber.total).toBe(1);
    const submitted = await admin.audit.list({ filters: { entityType: "application", entityId: String(applied.applicationId), action: "application.submit" } });
    expect(submitted.items.map((entry) => entry.actor?.id)).toEqual([cast.persons.employee.id]);
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const settingChanges = (await admin.audit.list({ filters: { entityType: "setting" } })).total;
    expect((await admin.audit.list({ filters: { fromDate: today, toDate: today, entityType: "setting" } })).total).toBe(settingChanges);
    expect((await admin.audit.list({ filters: { toDate: "2020-01-01" } })).total).toBe(0);
    await expect(admin.audit.list({ filters: { fromDate: "2026-12-02", toDate: "2026-12-01" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("logs HR's reads of a confidential application, for the admin to see; the hiring manager's own reads are not", async () => {
    const reads = () => db.select().from(auditLog).where(and(eq(auditLog.action, "application.read"), eq(auditLog.entityId, String(applied.applicationId))));
    expect(await reads()).toHaveLength(0);
    await team.hiring.application.pipeline({ opportunityId: team.opportunityId });
    expect(await reads()).toHaveLength(0);
    const pipeline = await hr.application.pipeline({ opportunityId: team.opportunityId });
    expect(pipeline.map((row) => row.id)).toContain(applied.applicationId);
    expect(await reads()).toMatchObject([{ actorId: cast.persons.hr.id, entityType: "application", data: { via: "pipeline" } }]);
    const seen = await admin.audit.list({ filters: { action: "application.read" } });
    expect(seen.items).toMatchObject([{ actor: { id: cast.persons.hr.id }, entityId: String(applied.applicationId) }]);
  });

  it("gives HR the workflow's entries only", async () => {
    const page = await hr.audit.list({ filters: {} });
    expect(page.entityTypes).toEqual(["application", "opportunity"]);
    expect(page.items.length).toBeGreaterThan(0);
    expect(new Set(page.items.map((entry) => entry.entityType))).toEqual(new Set(["application", "opportunity"]));
    expect((await hr.audit.list({ filters: { entityType: "setting" } })).total).toBe(0);
    await expect(callerAs(db, cast, "manager").audit.list({ filters: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("never shows the applicant's manager an application before disclosure, whatever their role", async () => {
    // The current manager becomes an admin: still nothing of the undisclosed application.
    await db.update(people).set({ isAdmin: true, isHr: true }).where(eq(people.id, cast.persons.manager.id));
    const manager = createCaller(createContextInner({ db, actor: (await actorForPerson(db, cast.persons.manager.id))! }));
    const filters = { entityType: "application", entityId: String(applied.applicationId) };
    expect((await manager.audit.list({ filters })).total).toBe(0);
    expect((await manager.audit.export(filters)).items).toEqual([]);
    expect((await admin.audit.list({ filters })).total).toBeGreaterThan(0);
    // Once the offer discloses it, the trail shows it to them too.
    await team.hiring.application.act({ applicationId: applied.applicationId, action: "shortlist" });
    await team.hiring.application.act({ applicationId: applied.applicationId, action: "offer" });
    expect((await manager.audit.list({ filters })).total).toBeGreaterThan(0);
    await db.update(people).set({ isAdmin: false, isHr: false }).where(eq(people.id, cast.persons.manager.id));
  });

  it("exports the filtered entries as CSV for Excel: BOM, translated headers, before and after, formulas kept as text", async () => {
    // A business name that a spreadsheet would run as a formula.
    await db.update(people).set({ businessName: '=HYPERLINK("http://example.com")' }).where(eq(people.id, cast.persons.hr.id));
    const cookie = await sessionCookieFor(db, cast.persons.admin.id);
    const response = await handleAuditCsvRequest(new Request("http://localhost/api/audit?entityType=setting&entityId=companyHolidays&locale=ja", { headers: { cookie } }), db);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("日時（日本時間）,操作した人,操作,対象の種類,対象の ID,変更前,変更後,詳細");
    expect(lines).toHaveLength(2);
    // The name starting with "=" stays text; the holiday reads as its fields (in the database's key order).
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},"'=HYPERLINK\(""http:\/\/example\.com""\)",settings\.update,setting,companyHolidays,\[\],"\{.*kind: annual.*\}",$/);
    expect(lines[1]).toContain("monthDay: 10-01");
    expect(lines[1]).toContain("nameJa: =創立記念日");
    const refused = await handleAuditCsvRequest(new Request("http://localhost/api/audit", { headers: { cookie: await sessionCookieFor(db, cast.persons.employee.id) } }), db);
    expect(refused.status).toBe(403);
  });
});
