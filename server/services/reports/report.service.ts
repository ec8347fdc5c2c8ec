import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "@/db/client";
import { asSystem } from "@/db/scope";
import type { Actor } from "@/server/auth/actor";
import type { Settings } from "../settings/settings.schemas";
import { getSettings } from "../settings/settings.service";
import { japanDate } from "../workflow/business-days";
import type { DepartmentNode, JobFamilyNode } from "./report.facts";
import type { DepartmentOption, ReportFilterOptions, ReportFiltersInput, ReportHome } from "./report.input.schemas";
import { publishReport } from "./publish";
import { type CachedFacts, cachedReportFacts } from "./report.cache";
import { type FactPart, factParts, loadReportFacts } from "./report.loader";
import type { RawReport } from "./report.raw";
import { type Report, type ReportFilters, type ReportId, reportIds } from "./report.schemas";
import { MAX_REPORT_MONTHS, type ReportScope, reportScopeFor, resolveFilters } from "./report.scope";

/** The facts each report is computed from: a single report loads only these. */
const partsOf: Record<ReportId, FactPart[]> = {
  mobility: ["headcount", "moves"],
  fill: ["fills"],
  funnel: ["applications"],
  flows: ["moves"],
  managers: ["managers"],
  rotation: ["headcount", "moves"],
  "past-standard": ["pastStandard"],
  skills: ["skills"],
  wills: ["wills"],
  retention: ["retention", "stayers"],
  participation: ["participations"],
};

type Viewing = { scope: ReportScope; filters: ReportFilters; departments: DepartmentNode[]; jobFamilies: JobFamilyNode[]; settings: Settings; threshold: number; today: string };

/** Who is asking, for which filters: decided before anything but the organisation chart is read. */
async function viewing(db: Executor, actor: Actor, input: ReportFiltersInput | undefined, now: Date): Promise<Viewing> {
  const departments = (
    await queryRows<{ id: number; parent_id: number | null; name_ja: string; name_en: string }>(db, sql`select id, parent_id, name_ja, name_en from departments order by id`)
  ).map((row): DepartmentNode => ({ id: row.id, parentId: row.parent_id, name: { ja: row.name_ja, en: row.name_en } }));
  const scope = reportScopeFor(actor, departments);
  const jobFamilies = (await queryRows<{ id: number; name_ja: string; name_en: string }>(db, sql`select id, name_ja, name_en from job_families order by id`)).map(
    (row): JobFamilyNode => ({ id: row.id, name: { ja: row.name_ja, en: row.name_en } }),
  );
  const today = japanDate(now);
  const filters = resolveFilters(scope, input, { today, departments, jobFamilyIds: jobFamilies.map((family) => family.id) });
  const settings = await getSettings(db);
  return { scope, filters, departments, jobFamilies, settings, threshold: settings.reportMinimumGroupSize, today };
}

/**
 * The facts for one viewing, from the cache when nothing they are computed from has changed
 * (report.cache.ts), loaded inside `asSystem`: the atoms count rows (Wills, applications) the
 * viewer may not read one by one. What leaves is decided here: the department's parent subtree
 * (its figures only feed suppression), in an organisation only applications already disclosed to
 * the applicant's manager or made to the organisation's own postings, Wills shared with the
 * viewer's role, and the past-standard list of the manager's own reports.
 */
function factsFor(db: Executor, actor: Actor, view: Viewing, wanted: readonly FactPart[]): Promise<CachedFacts> {
  const { scope, filters, departments } = view;
  const parentId = filters.departmentId === null ? null : (departments.find((department) => department.id === filters.departmentId)?.parentId ?? null);
  // Rows and neighbours reach two levels below the filter department (one below the top without one).
  const detailDepth = filters.departmentId === null ? 1 : depthOf(departments, filters.departmentId) + 2;
  const organisation = scope.kind === "organisation";
  const window = { from: filters.from, to: filters.to };
  const options = {
    today: view.today,
    rootDepartmentId: parentId,
    visibleApplicationsOf: organisation ? [...scope.departmentIds] : null,
    willAudience: organisation ? ("manager" as const) : ("hr" as const),
    pastStandardManagerId: organisation ? actor.personId : null,
    detailDepth,
  };
  return asSystem(db, (tx) =>
    cachedReportFacts(tx, { key: JSON.stringify({ window, ...options }), organisation }, wanted, (parts) => loadReportFacts(tx, window, { ...options, settings: view.settings, parts })),
  );
}

/** A report as published for the viewing, computed once per change of the facts it reads. */
function publishedFor(cached: CachedFacts, report: ReportId, view: Viewing): RawReport {
  const { filters, threshold } = view;
  const key = JSON.stringify({ report, filters, threshold });
  return cached.publication(key, partsOf[report], () => publishReport(report, cached.facts, filters, threshold));
}

function depthOf(departments: readonly DepartmentNode[], departmentId: number): number {
  const parentOf = new Map(departments.map((department) => [department.id, department.parentId]));
  let depth = 0;
  for (let current = parentOf.get(departmentId) ?? null; current !== null && depth < departments.length; current = parentOf.get(current) ?? null) depth += 1;
  return depth;
}

/** One report for the viewer: HR the whole company, a manager their organisation; anyone else is refused. */
export async function getReport(db: Executor, actor: Actor, report: ReportId, input?: ReportFiltersInput, now = new Date()): Promise<Report> {
  const view = await viewing(db, actor, input, now);
  const published = publishedFor(await factsFor(db, actor, view, partsOf[report]), report, view);
  return { report, filters: view.filters, scope: view.scope.kind, threshold: view.threshold, headlines: published.headlines, tables: published.tables };
}

/** The reports home: the headline figures of every report, from one load of the facts. */
export async function getReportHome(db: Executor, actor: Actor, input?: ReportFiltersInput, now = new Date()): Promise<ReportHome> {
  const view = await viewing(db, actor, input, now);
  const cached = await factsFor(db, actor, view, factParts);
  return {
    filters: view.filters,
    scope: view.scope.kind,
    threshold: view.threshold,
    reports: reportIds.map((report) => ({ report, headlines: publishedFor(cached, report, view).headlines })),
  };
}

/** The filter form's choices for this viewer: the departments in their scope as a tree, the job families, the defaults. */
export async function getReportFilterOptions(db: Executor, actor: Actor, now = new Date()): Promise<ReportFilterOptions> {
  const view = await viewing(db, actor, undefined, now);
  const visible = view.scope.kind === "organisation" ? view.scope.departmentIds : new Set(view.departments.map((department) => department.id));
  const children = new Map<number | null, DepartmentNode[]>();
  for (const department of view.departments) {
    if (!visible.has(department.id)) continue;
    const parentId = department.parentId !== null && visible.has(department.parentId) ? department.parentId : null;
    children.set(parentId, [...(children.get(parentId) ?? []), department]);
  }
  const branch = (parentId: number | null): DepartmentOption[] =>
    (children.get(parentId) ?? []).map((department) => ({ id: department.id, name: department.name, children: branch(department.id) }));
  return {
    scope: view.scope.kind,
    departments: branch(null),
    jobFamilies: view.jobFamilies,
    defaults: view.filters,
    maxMonths: MAX_REPORT_MONTHS,
  };
}
