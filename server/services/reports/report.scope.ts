import type { Actor } from "@/server/auth/actor";
import { reportScopeOf } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import type { DepartmentNode } from "./report.facts";
import { addMonths, monthsOfPeriod } from "./report.period";
import type { ReportFilters } from "./report.schemas";
import type { ReportFiltersInput } from "./report.input.schemas";

/** The longest period a report covers, in months. */
export const MAX_REPORT_MONTHS = 36;

/**
 * What a viewer may see of the reports: HR the whole company; a manager their organisation (their
 * department and every department below it).
 */
export type ReportScope = { kind: "company" } | { kind: "organisation"; departmentId: number; departmentIds: ReadonlySet<number> };

export function subtreeOf(departments: readonly DepartmentNode[], rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const department of departments) {
    if (department.parentId !== null) children.set(department.parentId, [...(children.get(department.parentId) ?? []), department.id]);
  }
  const ids = new Set<number>();
  const pending = [rootId];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (ids.has(id)) continue;
    ids.add(id);
    pending.push(...(children.get(id) ?? []));
  }
  return ids;
}

/** The viewer's scope; anyone who is neither HR nor managing someone is refused. */
export function reportScopeFor(actor: Actor, departments: readonly DepartmentNode[]): ReportScope {
  const kind = reportScopeOf(actor);
  if (kind === null) throw new AppError("FORBIDDEN");
  if (kind === "company") return { kind };
  return { kind, departmentId: actor.departmentId, departmentIds: subtreeOf(departments, actor.departmentId) };
}

/** The last twelve whole months before the month of `today` ("YYYY-MM-DD"). */
export function defaultPeriod(today: string): { from: string; to: string } {
  const current = today.slice(0, 7);
  return { from: addMonths(current, -12), to: addMonths(current, -1) };
}

/**
 * The filters a report runs with: what was asked, completed by the defaults (the last twelve whole
 * months; a manager's own department), and refused when it reaches outside the viewer's scope, names
 * a department or job family that does not exist, or asks for a period backwards or too long.
 */
export function resolveFilters(
  scope: ReportScope,
  input: ReportFiltersInput | undefined,
  context: { today: string; departments: readonly DepartmentNode[]; jobFamilyIds: readonly number[] },
): ReportFilters {
  const period = defaultPeriod(context.today);
  const from = input?.from ?? (input?.to ? addMonths(input.to, -11) : period.from);
  const to = input?.to ?? (input?.from ? minMonth(addMonths(input.from, 11), period.to) : period.to);
  if (from > to || monthsOfPeriod(from, to).length > MAX_REPORT_MONTHS) throw new AppError("BAD_REQUEST", "reportPeriod", { maximum: MAX_REPORT_MONTHS });
  const asked = input?.departmentId ?? null;
  const departmentId = asked ?? (scope.kind === "organisation" ? scope.departmentId : null);
  if (departmentId !== null && !context.departments.some((department) => department.id === departmentId)) throw new AppError("NOT_FOUND");
  if (scope.kind === "organisation" && (departmentId === null || !scope.departmentIds.has(departmentId))) throw new AppError("FORBIDDEN");
  const jobFamilyId = input?.jobFamilyId ?? null;
  if (jobFamilyId !== null && !context.jobFamilyIds.includes(jobFamilyId)) throw new AppError("NOT_FOUND");
  return { from, to, departmentId, jobFamilyId };
}

const minMonth = (a: string, b: string) => (a < b ? a : b);
