import type { DepartmentNode, ReportFacts } from "./report.facts";
import type { ReportFilters, ReportId } from "./report.schemas";
import type { MetricInput, RawReport } from "./report.raw";
import { departmentTree, selectionOf } from "./report.dimensions";
import { addMonths, monthsOfPeriod } from "./report.period";
import { fillReport } from "./metrics/fill";
import { flowsReport } from "./metrics/flows";
import { funnelReport } from "./metrics/funnel";
import { managersReport } from "./metrics/managers";
import { mobilityReport } from "./metrics/mobility";
import { participationReport } from "./metrics/participation";
import { pastStandardReport } from "./metrics/past-standard";
import { retentionReport } from "./metrics/retention";
import { rotationReport } from "./metrics/rotation";
import { skillsReport } from "./metrics/skills";
import { willsReport } from "./metrics/wills";

export type { RawReport } from "./report.raw";
export { ancestorAtDepth, departmentDepth, departmentPartition, departmentSubtree, departmentTree } from "./report.dimensions";
export { addMonths, monthsOfPeriod, quarterKey, quartersOfPeriod } from "./report.period";
export { medianDays, p90Days } from "./report.histogram";

const metrics: Record<ReportId, (input: MetricInput) => RawReport> = {
  mobility: mobilityReport,
  fill: fillReport,
  funnel: funnelReport,
  flows: flowsReport,
  managers: managersReport,
  rotation: rotationReport,
  "past-standard": pastStandardReport,
  skills: skillsReport,
  wills: willsReport,
  retention: retentionReport,
  participation: participationReport,
};

/** One report, computed from the facts for one filter: pure, every value a number (suppression comes after). */
export function computeReport(report: ReportId, facts: ReportFacts, filters: ReportFilters): RawReport {
  const tree = departmentTree(facts.departments);
  return metrics[report]({ facts, filters, tree, selection: selectionOf(filters, tree) });
}

/**
 * The filters overlapping `filters` closely enough that comparing the two reports could expose a
 * small group: the parent department (no department filter for a top-level one), each child
 * department, the period one month longer at either end, one month shorter at either end (only
 * when it has two months or more: a period is never empty), and the same filter without its job
 * family. Suppression compares the report with each of these.
 */
export function neighbourFilters(filters: ReportFilters, departments: readonly DepartmentNode[]): ReportFilters[] {
  const neighbours: ReportFilters[] = [];
  if (filters.departmentId !== null) {
    const tree = departmentTree(departments);
    const department = tree.byId.get(filters.departmentId);
    const parentId = department?.parentId ?? null;
    neighbours.push({ ...filters, departmentId: parentId !== null && tree.byId.has(parentId) ? parentId : null });
    for (const child of tree.childrenOf.get(filters.departmentId) ?? []) neighbours.push({ ...filters, departmentId: child.id });
  }
  neighbours.push({ ...filters, from: addMonths(filters.from, -1) }, { ...filters, to: addMonths(filters.to, 1) });
  if (monthsOfPeriod(filters.from, filters.to).length >= 2) {
    neighbours.push({ ...filters, from: addMonths(filters.from, 1) }, { ...filters, to: addMonths(filters.to, -1) });
  }
  if (filters.jobFamilyId !== null) neighbours.push({ ...filters, jobFamilyId: null });
  return neighbours;
}
