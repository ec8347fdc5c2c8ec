import type { Cell } from "../report.schemas";
import type { MetricInput, RawReport } from "../report.raw";
import type { DepartmentTree } from "../report.dimensions";
import type { ReportFacts } from "../report.facts";
import type { LabelId } from "../message-keys";
import { column, countCell, headline, labelCell, messageLabel, numberCell, rateCell, sum, table } from "../report.cells";
import { departmentPartition, departmentsPresent, selects } from "../report.dimensions";
import { monthsOfPeriod } from "../report.period";
import { averageHeadcount } from "./headcount";

/**
 * A department's rotation target in percent a year: its own, else the nearest ancestor's (targets
 * are inherited by sub-departments), else the company's.
 */
export function rotationTarget(facts: Pick<ReportFacts, "rotationTargetPercent" | "departmentRotationTargets">, tree: DepartmentTree, departmentId: number | null): number {
  const seen = new Set<number>();
  let current = departmentId;
  while (current !== null && !seen.has(current)) {
    const own = facts.departmentRotationTargets[String(current)];
    if (own !== undefined) return own;
    seen.add(current);
    current = tree.byId.get(current)?.parentId ?? null;
  }
  return facts.rotationTargetPercent;
}

/**
 * Rotation against target: moves out of each department in the period, annualised (× 12 ÷ months
 * of the period) and divided by its average headcount, beside its target. A department is above
 * when its annual rate reaches the target; one without headcount is neither.
 */
export function rotationReport({ facts, filters, tree, selection }: MetricInput): RawReport {
  const moves = facts.moves.filter((atom) => atom.moves > 0 && selects(selection, atom));
  const headcount = facts.headcount.filter((atom) => atom.people > 0 && selects(selection, atom));
  const months = monthsOfPeriod(filters.from, filters.to);

  const figures = (departmentIds: ReadonlySet<number> | null, targetPercent: number): { status: LabelId; cells: Record<string, Cell> } => {
    const moved = sum(moves.filter((atom) => departmentIds === null || departmentIds.has(atom.departmentId)), (atom) => atom.moves);
    const people = averageHeadcount(headcount, departmentIds, months);
    // annual rate ≥ target, multiplied out so a rate exactly at its target is not lost to rounding.
    const status: LabelId = people === 0 ? "noHeadcount" : moved * 12 * 100 >= targetPercent * months.length * people ? "above" : "below";
    return {
      status,
      cells: {
        moves: countCell(moved),
        averageHeadcount: countCell(people),
        annualRotationRate: rateCell(moved, people, 12 / months.length),
        targetPercent: numberCell(targetPercent),
        status: labelCell(messageLabel(status)),
      },
    };
  };

  const present = departmentsPresent(moves, headcount);
  const rows = departmentPartition(tree, filters.departmentId, (id) => present.has(id)).map((row) => ({
    row,
    ...figures(row.departmentIds, rotationTarget(facts, tree, row.departmentId)),
  }));
  const withStatus = (status: LabelId) => rows.filter((row) => row.status === status).length;

  return {
    // Departments are not people: these are plain numbers.
    headlines: [
      headline("departmentsAboveTarget", numberCell(withStatus("above")), "departmentsAboveTarget"),
      headline("departmentsBelowTarget", numberCell(withStatus("below")), "departmentsBelowTarget"),
    ],
    tables: [
      table("rotationByDepartment", {
        columns: [column("moves", "count"), column("averageHeadcount", "count"), column("annualRotationRate", "rate"), column("targetPercent", "number"), column("status", "label")],
        rows: rows.map(({ row, cells }) => ({ key: row.key, label: row.label, cells })),
        total: figures(selection.departmentIds, rotationTarget(facts, tree, filters.departmentId)).cells,
        chart: "bars",
      }),
    ],
  };
}
