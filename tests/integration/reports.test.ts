import { TRPCError } from "@trpc/server";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDepartment, createJobFamily, createPerson, createRole } from "../../db/factories";
import { moves, type Person, people, settings } from "../../db/schema";
import { type Actor, actorForPerson } from "../../server/auth/actor";
import { apply } from "../../server/services/applications/application.service";
import { createOpportunity, setOpportunityStatus } from "../../server/services/opportunities/opportunity.service";
import { type ReportId, reportIds } from "../../server/services/reports/report.schemas";
import { handleReportCsvRequest } from "../../server/trpc/report-csv";
import { createContextInner } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { sessionCookieFor } from "../setup/http";
import { createTestDatabase } from "../setup/test-database";

/**
 * A small company: customer support (a Tokyo section under it) and QA, HR beside them. Nineteen
 * people hired in 2024, one of whom (in QA) left on 2025-06-01, so eighteen in post all through
 * 2026; on 2026-03-01 four of the support manager's nine reports moved to QA and four of QA to
 * support. Groups smaller than three are suppressed.
 */
describe("HR mobility reports", async () => {
  const { db } = await createTestDatabase();
  await db.insert(settings).values({ key: "reportMinimumGroupSize", value: 3 });
  const supportFamily = await createJobFamily(db);
  const qaFamily = await createJobFamily(db);
  const supportRole = await createRole(db, { familyId: supportFamily.id });
  const qaRole = await createRole(db, { familyId: qaFamily.id });
  const cs = await createDepartment(db);
  const csTokyo = await createDepartment(db, { parentId: cs.id });
  const qa = await createDepartment(db);
  const hrDepartment = await createDepartment(db);
  const hired = { hiredOn: "2024-04-01", roleSince: "2024-04-01", levelSince: "2024-04-01" };
  const supportManager = await createPerson(db, { ...hired, departmentId: csTokyo.id, roleId: supportRole.id, level: 3 });
  const supportTeam: Person[] = [];
  for (let i = 0; i < 9; i++) supportTeam.push(await createPerson(db, { ...hired, departmentId: csTokyo.id, roleId: supportRole.id, managerId: supportManager.id }));
  const qaManager = await createPerson(db, { ...hired, departmentId: qa.id, roleId: qaRole.id, level: 3 });
  const qaTeam: Person[] = [];
  for (let i = 0; i < 5; i++) qaTeam.push(await createPerson(db, { ...hired, departmentId: qa.id, roleId: qaRole.id, managerId: qaManager.id }));
  const hrPerson = await createPerson(db, { ...hired, departmentId: hrDepartment.id, roleId: supportRole.id, isHr: true });
  for (let i = 0; i < 2; i++) await createPerson(db, { ...hired, departmentId: hrDepartment.id, roleId: supportRole.id, managerId: hrPerson.id });

  // Four of support moved to QA and four of QA to support on the same day: both departments kept their size.
  const toQa = supportTeam.slice(0, 4);
  const toSupport = qaTeam.slice(1, 5);
  const move = (personId: number, from: { departmentId: number; roleId: number; managerId: number }, to: { departmentId: number; roleId: number; managerId: number }) => ({
    personId,
    kind: "transfer" as const,
    fromDepartmentId: from.departmentId,
    toDepartmentId: to.departmentId,
    fromRoleId: from.roleId,
    toRoleId: to.roleId,
    fromManagerId: from.managerId,
    toManagerId: to.managerId,
    effectiveOn: "2026-03-01",
  });
  const supportPost = { departmentId: csTokyo.id, roleId: supportRole.id, managerId: supportManager.id };
  const qaPost = { departmentId: qa.id, roleId: qaRole.id, managerId: qaManager.id };
  await db.insert(moves).values([...toQa.map((person) => move(person.id, supportPost, qaPost)), ...toSupport.map((person) => move(person.id, qaPost, supportPost))]);
  await db.update(people).set(qaPost).where(inArray(people.id, toQa.map((person) => person.id)));
  await db.update(people).set(supportPost).where(inArray(people.id, toSupport.map((person) => person.id)));
  await db.update(people).set({ active: false, leftOn: "2025-06-01" }).where(eq(people.id, qaTeam[0]!.id));

  const actorOf = async (personId: number): Promise<Actor> => (await actorForPerson(db, personId))!;
  const callerFor = (actor: Actor, locale: "ja" | "en" = "en") => createCaller(createContextInner({ db, actor, locale }));
  const hr = callerFor(await actorOf(hrPerson.id));
  const manager = callerFor(await actorOf(supportManager.id));
  const employee = callerFor(await actorOf(supportTeam[5]!.id));
  const period = { from: "2026-01", to: "2026-06" };
  const headline = (report: { headlines: { id: string; cell: { kind: string } }[] }, id: string) => report.headlines.find((candidate) => candidate.id === id)?.cell;

  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => "resolved",
      (error: unknown) => (error instanceof TRPCError ? error.code : "other"),
    );

  it("HR sees the whole company: eight moves over eighteen people, four out of each department that moved", async () => {
    const report = await hr.report.get({ report: "mobility", filters: period });
    expect(report.scope).toBe("company");
    expect(report.threshold).toBe(3);
    expect(headline(report, "moves")).toEqual({ kind: "count", value: 8 });
    expect(headline(report, "mobilityRate")).toEqual({ kind: "rate", value: 8 / 18, numerator: 8, denominator: 18 });
    const byDepartment = report.tables.find((table) => table.id === "mobilityByDepartment")!;
    const rows = Object.fromEntries(byDepartment.rows.map((row) => [row.key, row.cells]));
    expect(Object.keys(rows).sort()).toEqual([cs.id, qa.id, hrDepartment.id].map((id) => `department:${id}`).sort());
    expect(rows[`department:${cs.id}`]!.mobilityRate).toEqual({ kind: "rate", value: 0.4, numerator: 4, denominator: 10 });
    expect(rows[`department:${qa.id}`]!.mobilityRate).toEqual({ kind: "rate", value: 0.8, numerator: 4, denominator: 5 });
    expect(rows[`department:${hrDepartment.id}`]!.moves).toEqual({ kind: "count", value: 0 });
    expect(byDepartment.total?.moves).toEqual({ kind: "count", value: 8 });
    expect(byDepartment.total?.averageHeadcount).toEqual({ kind: "count", value: 18 });
  });

  it("HR's flows show support → QA and back, by department and by job family", async () => {
    const report = await hr.report.get({ report: "flows", filters: period });
    const flow = (tableId: string, from: string, to: string) =>
      report.tables.find((table) => table.id === tableId)!.rows.find((row) => row.link?.source === `from:${from}` && row.link.target === `to:${to}`)?.cells.moves;
    expect(flow("departmentFlows", `department:${cs.id}`, `department:${qa.id}`)).toEqual({ kind: "count", value: 4 });
    expect(flow("departmentFlows", `department:${qa.id}`, `department:${cs.id}`)).toEqual({ kind: "count", value: 4 });
    expect(flow("jobFamilyFlows", `family:${supportFamily.id}`, `family:${qaFamily.id}`)).toEqual({ kind: "count", value: 4 });
  });

  it("the reports home gives every report's headlines from the same filters", async () => {
    const home = await hr.report.home({ filters: period });
    expect(home.reports.map((entry) => entry.report)).toEqual([...reportIds]);
    expect(headline(home.reports.find((entry) => entry.report === "mobility")!, "moves")).toEqual({ kind: "count", value: 8 });
  });

  it("a manager sees their own organisation by default, and is refused outside it", async () => {
    const report = await manager.report.get({ report: "flows", filters: period });
    expect(report.scope).toBe("organisation");
    expect(report.filters.departmentId).toBe(csTokyo.id);
    const flows = report.tables.find((table) => table.id === "departmentFlows")!;
    expect(flows.total?.moves).toEqual({ kind: "count", value: 8 });
    expect(await codeOf(manager.report.get({ report: "mobility", filters: { ...period, departmentId: qa.id } }))).toBe("FORBIDDEN");
    expect(await codeOf(manager.report.get({ report: "mobility", filters: { ...period, departmentId: cs.id } }))).toBe("FORBIDDEN");
    expect(await codeOf(manager.report.home({ filters: { ...period, departmentId: hrDepartment.id } }))).toBe("FORBIDDEN");
    const options = await manager.report.filterOptions();
    expect(options.scope).toBe("organisation");
    expect(options.departments).toEqual([{ id: csTokyo.id, name: { ja: csTokyo.nameJa, en: csTokyo.nameEn }, children: [] }]);
    expect(options.defaults.departmentId).toBe(csTokyo.id);
  });

  it("an employee is refused every report, the home and the filter options", async () => {
    for (const report of reportIds) expect(await codeOf(employee.report.get({ report, filters: period }))).toBe("FORBIDDEN");
    expect(await codeOf(employee.report.home({}))).toBe("FORBIDDEN");
    expect(await codeOf(employee.report.filterOptions())).toBe("FORBIDDEN");
  });

  it("refuses a backwards or over-long period with a translated message", async () => {
    await expect(hr.report.get({ report: "mobility", filters: { from: "2026-06", to: "2026-01" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(await actorOf(hrPerson.id), "ja").report.get({ report: "mobility", filters: { from: "2020-01", to: "2026-01" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("a manager learns nothing of a report's undisclosed application through any report or the home", async () => {
    const managerActor = await actorOf(supportManager.id);
    const everything = async () => {
      const reports: Partial<Record<ReportId, unknown>> = {};
      for (const report of reportIds) reports[report] = await callerFor(managerActor).report.get({ report, filters: { from: "2026-01", to: "2026-12" } });
      return { reports, home: await callerFor(managerActor).report.home({ filters: { from: "2026-01", to: "2026-12" } }) };
    };
    const before = await everything();
    const qaActor = await actorOf(qaManager.id);
    const posting = await createOpportunity(db, qaActor, { kind: "transfer", title: "QA エンジニア", departmentId: qa.id, roleId: qaRole.id });
    await setOpportunityStatus(db, qaActor, { opportunityId: posting.id, status: "open" });
    for (const applicant of supportTeam.slice(4, 7)) await apply(db, await actorOf(applicant.id), { opportunityId: posting.id, motivation: "QA に挑戦したい" });
    expect(await everything()).toEqual(before);
    // HR sees the three applications from support.
    const funnel = await hr.report.get({ report: "funnel", filters: { from: "2026-01", to: "2026-12" } });
    expect(JSON.stringify(funnel)).not.toEqual(JSON.stringify(await callerFor(await actorOf(hrPerson.id)).report.get({ report: "funnel", filters: { from: "2025-01", to: "2025-12" } })));
  });

  describe("CSV export", () => {
    const csv = async (personId: number | null, query: string, headers: Record<string, string> = {}) => {
      const cookie = personId === null ? "" : await sessionCookieFor(db, personId);
      return handleReportCsvRequest(new Request(`http://localhost/api/reports/flows?${query}`, { headers: { cookie, ...headers } }), db, "flows");
    };

    it("writes the table HR sees, with a BOM, translated headers and the file name of the report, table and period", async () => {
      const response = await csv(hrPerson.id, "table=departmentFlows&from=2026-01&to=2026-06&locale=en");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="flows-departmentFlows-2026-01-2026-06.csv"');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
      const report = await hr.report.get({ report: "flows", filters: period });
      const table = report.tables.find((candidate) => candidate.id === "departmentFlows")!;
      expect(lines).toHaveLength(1 + table.rows.length + 1);
      expect(lines.some((line) => line.endsWith(`,${cs.nameEn},${qa.nameEn},4`))).toBe(true);
      expect(lines.at(-1)).toBe("Total,,,8");
    });

    it("answers a manager outside their organisation, an employee and a signed-out visitor as the procedures do", async () => {
      expect((await csv(supportManager.id, `table=departmentFlows&from=2026-01&to=2026-06&department=${qa.id}`)).status).toBe(403);
      expect((await csv(supportManager.id, "table=departmentFlows&from=2026-01&to=2026-06")).status).toBe(200);
      expect((await csv(supportTeam[5]!.id, "table=departmentFlows")).status).toBe(403);
      expect((await csv(null, "table=departmentFlows")).status).toBe(401);
      expect((await csv(hrPerson.id, "table=noSuchTable")).status).toBe(404);
      expect((await csv(hrPerson.id, "table=departmentFlows&department=abc")).status).toBe(400);
    });

    it("refuses a request a page of another site sends", async () => {
      const response = await csv(hrPerson.id, "table=departmentFlows", { "sec-fetch-site": "cross-site" });
      expect(response.status).toBe(403);
    });
  });
});
