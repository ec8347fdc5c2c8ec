import type { DepartmentTree, Selection } from "./report.dimensions";
import type { ReportFacts } from "./report.facts";
import type { Headline, ReportFilters, ReportTable } from "./report.schemas";

/** A computed report before suppression: every value is a number, none is null yet. */
export type RawReport = { headlines: Headline[]; tables: ReportTable[] };

/** What every metric function is given: the facts, the filter, and what the filter selects in the department tree. */
export type MetricInput = {
  facts: ReportFacts;
  filters: ReportFilters;
  tree: DepartmentTree;
  selection: Selection;
};
