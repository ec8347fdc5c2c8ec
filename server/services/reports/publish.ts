import type { ReportFacts } from "./report.facts";
import type { ReportFilters, ReportId } from "./report.schemas";
import { computeReport, neighbourFilters, type RawReport } from "./compute";
import { suppress } from "./suppression";

/**
 * A report as it may be shown or exported: computed for the filters, then suppressed against the
 * same report computed for every overlapping filter (parent and child departments, the period one
 * month longer or shorter, the job family dropped), so that neither the report nor its difference
 * from a neighbour reveals a group smaller than `threshold`.
 */
export function publishReport(report: ReportId, facts: ReportFacts, filters: ReportFilters, threshold: number): RawReport {
  const neighbours = neighbourFilters(filters, facts.departments).map((neighbour) => ({
    ...computeReport(report, facts, neighbour),
    otherPeriod: neighbour.from !== filters.from || neighbour.to !== filters.to,
  }));
  return suppress(computeReport(report, facts, filters), neighbours, threshold);
}
