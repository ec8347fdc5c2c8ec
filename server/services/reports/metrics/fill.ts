import type { DurationAtom, FillAtom } from "../report.facts";
import type { MetricInput, RawReport } from "../report.raw";
import { column, countCell, headline, medianCell, p90Cell, rateCell, table } from "../report.cells";
import { departmentPartition, departmentsPresent, rowOfDepartment, selects } from "../report.dimensions";
import { groupBy, sum } from "../report.tally";

/**
 * Internal fill rate (postings filled by an internal move ÷ postings filled) and time to fill
 * (posting opened → HR finalized the move that filled it), for postings filled in the period whose
 * department is in the filter.
 */
export function fillReport({ facts, filters, tree, selection }: MetricInput): RawReport {
  const fills = facts.fills.filter((atom) => atom.filled > 0 && selects(selection, atom));
  const durations = facts.timeToFill.filter((atom) => atom.count > 0 && selects(selection, atom));

  const figures = (rowFills: readonly FillAtom[], rowDurations: readonly DurationAtom[]) => {
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

  const whole = figures(fills, durations);
  const present = departmentsPresent(fills, durations);
  const rows = departmentPartition(tree, filters.departmentId, (id) => present.has(id));
  const rowOf = rowOfDepartment(rows);
  const fillsByRow = groupBy(fills, (atom) => rowOf.get(atom.departmentId));
  const durationsByRow = groupBy(durations, (atom) => rowOf.get(atom.departmentId));
  return {
    headlines: [
      headline("internalFillRate", whole.internalFillRate, "internalFillRate"),
      headline("timeToFillMedian", whole.timeToFillMedian, "timeToFillMedian"),
      headline("timeToFillP90", whole.timeToFillP90, "timeToFillP90"),
    ],
    tables: [
      table("fillByDepartment", {
        columns: [column("filled", "count"), column("internalFills", "count"), column("internalFillRate", "rate"), column("timeToFillMedian", "days"), column("timeToFillP90", "days")],
        rows: rows.map((row) => ({ key: row.key, label: row.label, cells: figures(fillsByRow.get(row.key) ?? [], durationsByRow.get(row.key) ?? []) })),
        total: whole,
      }),
    ],
  };
}
