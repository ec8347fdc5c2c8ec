import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemo } from "../../db/seed";
import { DEMO_AS_OF, demoPersonas } from "../../db/seed/demo-company";
import { departments, people } from "../../db/schema";
import { actorForPerson } from "../../server/auth/actor";
import { addMonths } from "../../server/services/reports/report.period";
import { getReport, getReportFilterOptions } from "../../server/services/reports/report.service";
import type { Cell, Report, ReportFilters } from "../../server/services/reports/report.schemas";
import { createTestDatabase } from "../setup/test-database";

const valueOf = (cell: Cell | undefined) => (cell && cell.kind !== "label" ? cell.value : undefined);
const textOf = (cell: Cell | undefined) => (cell?.kind === "label" && "text" in cell.label ? cell.label.text.en : undefined);

/**
 * The demo's history follows the Japanese HR calendar: moves take effect on 1 April and 1 October,
 * applications come in the January–February and July–August internal job-posting rounds, and May,
 * June, November and December are quiet. A year from December to November is then bounded by quiet
 * months, so lengthening or shortening it by a month changes nothing and its figures can be shown.
 */
describe("demo reports over a year bounded by quiet months", async () => {
  const { db } = await createTestDatabase();
  await seedDemo(db);
  const now = new Date(`${DEMO_AS_OF}T03:00:00Z`);
  const hrNumber = demoPersonas.find((persona) => persona.key === "hr")!.employeeNumber;
  const [hrPerson] = await db.select().from(people).where(eq(people.employeeNumber, hrNumber));
  const hr = (await actorForPerson(db, hrPerson!.id))!;
  const [cs] = await db.select().from(departments).where(eq(departments.code, "CS"));
  const period = { from: "2025-12", to: "2026-11" };
  const report = (id: Parameters<typeof getReport>[2], filters: Partial<ReportFilters> = {}): Promise<Report> =>
    getReport(db, hr, id, { ...period, departmentId: null, jobFamilyId: null, ...filters }, now);

  it("has no move, hire, leaver, application, decision, posting, participation or Will save in May, June, November or December", async () => {
    const quiet = (column: string) => sql.raw(`extract(month from ${column}) in (5, 6, 11, 12)`);
    const [counts] = (
      (await db.execute(sql`select
          (select count(*) from moves where ${quiet("effective_on")})::int as moves,
          (select count(*) from people where ${quiet("hired_on")} and hired_on >= ${DEMO_AS_OF}::date - interval '3 years')::int as hires,
          (select count(*) from people where ${quiet("left_on")})::int as leavers,
          (select count(*) from applications where ${quiet("created_at")})::int as applications,
          (select count(*) from approval_steps where ${quiet("created_at")} or ${quiet("decided_at")})::int as steps,
          (select count(*) from opportunities where ${quiet("opened_at")} or ${quiet("closed_at")})::int as postings,
          (select count(*) from participations where ${quiet("start_on")} or ${quiet("end_on")})::int as participations,
          (select count(*) from will_versions where ${quiet("saved_at")} and saved_at >= ${DEMO_AS_OF}::date - interval '3 years')::int as wills`)) as unknown as { rows: Record<string, number>[] }
    ).rows;
    expect(counts).toEqual({ moves: 0, hires: 0, leavers: 0, applications: 0, steps: 0, postings: 0, participations: 0, wills: 0 });
  });

  it("shows the company's mobility rate, applications and rotation by department", async () => {
    const mobility = await report("mobility");
    expect(valueOf(mobility.headlines.find((headline) => headline.id === "mobilityRate")?.cell)).toBeGreaterThan(0);

    const funnel = await report("funnel");
    const applied = funnel.tables.find((table) => table.id === "funnelStages")!.rows.find((row) => row.key === "applied")!;
    expect(valueOf(applied.cells.applications)).toBeGreaterThanOrEqual(5);

    // The company's divisions: at least one shown above its target and one below.
    const rotation = (await report("rotation")).tables.find((table) => table.id === "rotationByDepartment")!;
    const judged = (status: string) => rotation.rows.filter((row) => row.cells.status?.kind === "label" && "message" in row.cells.status.label && row.cells.status.label.message === status);
    expect(judged("above").length).toBeGreaterThan(0);
    expect(judged("below").length).toBeGreaterThan(0);
    for (const row of [...judged("above"), ...judged("below")]) expect(valueOf(row.cells.annualRotationRate), row.key).not.toBeNull();
  });

  it("shows customer support's people moving into product, QA among them, within the Customer Service Division", async () => {
    const flows = await report("flows", { departmentId: cs!.id });
    const toQa = flows.tables.find((table) => table.id === "departmentFlows")!.rows.filter((row) => textOf(row.cells.to) === "Quality Assurance Group");
    expect(toQa.length).toBeGreaterThan(0);
    const families = flows.tables.find((table) => table.id === "jobFamilyFlows")!;
    const supportToProduct = families.rows.find((row) => textOf(row.cells.from) === "Customer support" && textOf(row.cells.to) === "Product");
    expect(valueOf(supportToProduct?.cells.moves)).toBeGreaterThanOrEqual(5);
  });

  it("shows HR filtering to the Customer Service Division a site's flow into the QA group, over the form's default twelve months, over three years and over the year bounded by quiet months", async () => {
    const sites = (await db.select().from(departments).where(eq(departments.parentId, cs!.id))).map((department) => department.nameEn);
    const options = await getReportFilterOptions(db, hr, now);
    const { defaults, maxMonths } = options;
    const periods = [defaults, { from: addMonths(defaults.to, -(maxMonths - 1)), to: defaults.to }, period];
    expect(periods.map(({ from }) => from)).toEqual(["2025-11", "2023-11", "2025-12"]);
    for (const { from, to } of periods) {
      const flows = await getReport(db, hr, "flows", { from, to, departmentId: cs!.id }, now);
      const siteToQa = flows.tables
        .find((table) => table.id === "departmentFlows")!
        .rows.filter((row) => sites.includes(textOf(row.cells.from) ?? "") && textOf(row.cells.to) === "Quality Assurance Group");
      const shown = siteToQa.filter((row) => valueOf(row.cells.moves) !== null);
      expect(shown.length, from).toBeGreaterThan(0);
      for (const row of shown) expect(valueOf(row.cells.moves), from).toBeGreaterThanOrEqual(flows.threshold);
    }
  });
});
