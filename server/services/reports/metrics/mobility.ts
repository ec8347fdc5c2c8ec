import type { MoveAtom } from "../report.facts";
import type { MetricInput, RawReport } from "../report.raw";
import { column, countCell, headline, rateCell, sum, table } from "../report.cells";
import { departmentPartition, departmentsPresent, selects } from "../report.dimensions";
import { monthsOfPeriod, quartersOfPeriod } from "../report.period";
import { averageHeadcount } from "./headcount";

/**
 * Internal mobility rate: moves out of the filter's departments in the period ÷ average
 * headcount. A move counts where the person came from, so a move and its reversal are two moves
 * and leave the headcount as it was.
 */
export function mobilityReport({ facts, filters, tree, selection }: MetricInput): RawReport {
  const moves = facts.moves.filter((atom) => atom.moves > 0 && selects(selection, atom));
  const headcount = facts.headcount.filter((atom) => atom.people > 0 && selects(selection, atom));
  const periodMonths = monthsOfPeriod(filters.from, filters.to);

  const movesOf = (departmentIds: ReadonlySet<number> | null, months: readonly string[]) => {
    const monthSet = new Set(months);
    return sum(
      moves.filter((atom: MoveAtom) => monthSet.has(atom.month) && (departmentIds === null || departmentIds.has(atom.departmentId))),
      (atom) => atom.moves,
    );
  };
  const figures = (departmentIds: ReadonlySet<number> | null, months: readonly string[]) => {
    const moved = movesOf(departmentIds, months);
    const people = averageHeadcount(headcount, departmentIds, months);
    return { moves: countCell(moved), averageHeadcount: countCell(people), mobilityRate: rateCell(moved, people) };
  };

  const columns = [column("moves", "count"), column("averageHeadcount", "count"), column("mobilityRate", "rate")];
  const whole = figures(selection.departmentIds, periodMonths);
  const present = departmentsPresent(moves, headcount);
  const departmentRows = departmentPartition(tree, filters.departmentId, (id) => present.has(id));

  return {
    headlines: [headline("mobilityRate", whole.mobilityRate, "mobilityRate"), headline("moves", whole.moves, "movesInPeriod")],
    tables: [
      // Quarters do not add up to the period on average headcount (an average, not a sum): no total row; the headline is the period's figure.
      table("mobilityByQuarter", {
        columns,
        rows: quartersOfPeriod(filters.from, filters.to).map(({ quarter, months }) => ({
          key: quarter,
          label: { text: { ja: quarter, en: quarter } },
          cells: figures(selection.departmentIds, months),
        })),
      }),
      table("mobilityByDepartment", {
        columns,
        rows: departmentRows.map((row) => ({ key: row.key, label: row.label, cells: figures(row.departmentIds, periodMonths) })),
        total: whole,
        chart: "bars",
      }),
    ],
  };
}
