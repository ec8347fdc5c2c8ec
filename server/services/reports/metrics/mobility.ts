import type { MetricInput, RawReport } from "../report.raw";
import { column, countCell, headline, rateCell, table } from "../report.cells";
import { departmentPartition, departmentsPresent, rowOfDepartment, selects } from "../report.dimensions";
import { quartersOfPeriod } from "../report.period";
import { sum, tally } from "../report.tally";

/**
 * Internal mobility rate: moves out of the filter's departments in the period ÷ average headcount
 * (the mean of the month-start headcounts over the period's months). A move counts where the
 * person came from, so a move and its reversal are two moves and leave the headcount as it was.
 */
export function mobilityReport({ facts, filters, tree, selection }: MetricInput): RawReport {
  const moves = facts.moves.filter((atom) => atom.moves > 0 && selects(selection, atom));
  const headcount = facts.headcount.filter((atom) => atom.people > 0 && selects(selection, atom));

  // Average headcount = people summed over the months ÷ number of months: additive, so department rows add up to the total.
  const figures = (moved: number, peopleMonths: number, monthCount: number) => {
    const people = monthCount === 0 ? 0 : peopleMonths / monthCount;
    return { moves: countCell(moved), averageHeadcount: countCell(people), mobilityRate: rateCell(moved, people) };
  };
  const columns = [column("moves", "count"), column("averageHeadcount", "count"), column("mobilityRate", "rate")];
  const whole = figures(
    sum(moves, (atom) => atom.moves),
    sum(headcount, (atom) => atom.people),
    selection.monthCount,
  );

  const present = departmentsPresent(moves, headcount);
  const departmentRows = departmentPartition(tree, filters.departmentId, (id) => present.has(id));
  const rowOf = rowOfDepartment(departmentRows);
  const movesByRow = tally(moves, (atom) => rowOf.get(atom.departmentId), (atom) => atom.moves);
  const peopleByRow = tally(headcount, (atom) => rowOf.get(atom.departmentId), (atom) => atom.people);

  const quarters = quartersOfPeriod(filters.from, filters.to);
  const quarterOf = new Map(quarters.flatMap(({ quarter, months }) => months.map((month) => [month, quarter] as const)));
  const movesByQuarter = tally(moves, (atom) => quarterOf.get(atom.month), (atom) => atom.moves);
  const peopleByQuarter = tally(headcount, (atom) => quarterOf.get(atom.month), (atom) => atom.people);

  return {
    headlines: [headline("mobilityRate", whole.mobilityRate, "mobilityRate"), headline("moves", whole.moves, "movesInPeriod")],
    tables: [
      // Quarters do not add up to the period on average headcount (an average over other months): no total row; the headline is the period's figure.
      table("mobilityByQuarter", {
        columns,
        rows: quarters.map(({ quarter, months }) => ({
          key: quarter,
          label: { text: { ja: quarter, en: quarter } },
          cells: figures(movesByQuarter.get(quarter) ?? 0, peopleByQuarter.get(quarter) ?? 0, months.length),
        })),
      }),
      table("mobilityByDepartment", {
        columns,
        rows: departmentRows.map((row) => ({ key: row.key, label: row.label, cells: figures(movesByRow.get(row.key) ?? 0, peopleByRow.get(row.key) ?? 0, selection.monthCount) })),
        total: whole,
        chart: "bars",
      }),
    ],
  };
}
