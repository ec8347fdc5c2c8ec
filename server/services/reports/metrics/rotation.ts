import type { Cell } from "../report.schemas";
import type { MetricInput, RawReport } from "../report.raw";
import type { DepartmentTree } from "../report.dimensions";
import type { ReportFacts } from "../report.facts";
import type { LabelId } from "../message-keys";
import { column, countCell, headline, judgementCell, numberCell, rateCell, table } from "../report.cells";
import { departmentPartition, departmentsPresent, rowOfDepartment, selects } from "../report.dimensions";
import { sum, tally } from "../report.tally";

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
  const months = selection.monthCount;

  const figures = (moved: number, peopleMonths: number, targetPercent: number): { status: LabelId; cells: Record<string, Cell> } => {
    const people = peopleMonths / months;
    // annual rate ≥ target, multiplied out so a rate exactly at its target is not lost to rounding.
    const status: LabelId = people === 0 ? "noHeadcount" : moved * 12 * 100 >= targetPercent * months * people ? "above" : "below";
    return {
      status,
      cells: {
        moves: countCell(moved),
        averageHeadcount: countCell(people),
        annualRotationRate: rateCell(moved, people, 12 / months),
        targetPercent: numberCell(targetPercent),
        status: judgementCell(status, "annualRotationRate"),
      },
    };
  };

  const present = departmentsPresent(moves, headcount);
  const partition = departmentPartition(tree, filters.departmentId, (id) => present.has(id));
  const rowOf = rowOfDepartment(partition);
  const movesByRow = tally(moves, (atom) => rowOf.get(atom.departmentId), (atom) => atom.moves);
  const peopleByRow = tally(headcount, (atom) => rowOf.get(atom.departmentId), (atom) => atom.people);
  const rows = partition.map((row) => ({
    row,
    ...figures(movesByRow.get(row.key) ?? 0, peopleByRow.get(row.key) ?? 0, rotationTarget(facts, tree, row.departmentId)),
  }));
  const withStatus = (status: LabelId) => rows.filter((row) => row.status === status).length;
  const total = figures(
    sum(moves, (atom) => atom.moves),
    sum(headcount, (atom) => atom.people),
    rotationTarget(facts, tree, filters.departmentId),
  );

  return {
    // Departments are not people: these are plain numbers, recounted from the judgements left visible.
    headlines: [
      { ...headline("departmentsAboveTarget", numberCell(withStatus("above")), "departmentsAboveTarget"), countsLabel: { table: "rotationByDepartment", column: "status", label: "above" } },
      { ...headline("departmentsBelowTarget", numberCell(withStatus("below")), "departmentsBelowTarget"), countsLabel: { table: "rotationByDepartment", column: "status", label: "below" } },
    ],
    tables: [
      table("rotationByDepartment", {
        columns: [column("moves", "count"), column("averageHeadcount", "count"), column("annualRotationRate", "rate"), column("targetPercent", "number"), column("status", "label")],
        rows: rows.map(({ row, cells }) => ({ key: row.key, label: row.label, cells })),
        total: total.cells,
        chart: "bars",
      }),
    ],
  };
}
