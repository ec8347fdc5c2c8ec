import type { MetricInput, RawReport } from "../report.raw";
import { column, countCell, headline, medianCell, p90Cell, rateCell, sum, table } from "../report.cells";
import { departmentPartition, departmentsPresent, selects } from "../report.dimensions";

/**
 * Internal fill rate (postings filled by an internal move ÷ postings filled) and time to fill
 * (posting opened → HR finalized the move that filled it), for postings filled in the period whose
 * department is in the filter.
 */
export function fillReport({ facts, filters, tree, selection }: MetricInput): RawReport {
  const fills = facts.fills.filter((atom) => atom.filled > 0 && selects(selection, atom));
  const durations = facts.timeToFill.filter((atom) => atom.count > 0 && selects(selection, atom));

  const figures = (departmentIds: ReadonlySet<number> | null) => {
    const within = <T extends { departmentId: number }>(atom: T) => departmentIds === null || departmentIds.has(atom.departmentId);
    const rowFills = fills.filter(within);
    const rowDurations = durations.filter(within);
    const filled = sum(rowFills, (atom) => atom.filled);
    const internal = sum(rowFills, (atom) => atom.internal);
    return {
      filled: countCell(filled),
      internalFills: countCell(internal),
      internalFillRate: rateCell(internal, filled),
      timeToFillMedian: medianCell(rowDurations),
      timeToFillP90: p90Cell(rowDurations),
    };
  };

  const whole = figures(selection.departmentIds);
  const present = departmentsPresent(fills, durations);
  return {
    headlines: [
      headline("internalFillRate", whole.internalFillRate, "internalFillRate"),
      headline("timeToFillMedian", whole.timeToFillMedian, "timeToFillMedian"),
      headline("timeToFillP90", whole.timeToFillP90, "timeToFillP90"),
    ],
    tables: [
      table("fillByDepartment", {
        columns: [column("filled", "count"), column("internalFills", "count"), column("internalFillRate", "rate"), column("timeToFillMedian", "days"), column("timeToFillP90", "days")],
        rows: departmentPartition(tree, filters.departmentId, (id) => present.has(id)).map((row) => ({ key: row.key, label: row.label, cells: figures(row.departmentIds) })),
        total: whole,
      }),
    ],
  };
}
