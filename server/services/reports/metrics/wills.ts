import type { WillCoverageAtom, WillFulfilmentAtom } from "../report.facts";
import type { MetricInput, RawReport } from "../report.raw";
import { column, countCell, headline, rateCell, table } from "../report.cells";
import { departmentPartition, departmentsPresent, inDepartments, inJobFamily, rowOfDepartment, selects } from "../report.dimensions";
import { groupBy, sum } from "../report.tally";

/**
 * Will coverage: people in post at the end of the period with a Will saved in the 180 days
 * before ÷ people in post. Will fulfilment: Wills saved in the period (a person's latest, with a
 * target role or a desired skill) reached within 12 months ÷ those Wills, counting only Wills at
 * least 12 months old (younger ones are shown apart as not yet observable).
 */
export function willsReport({ facts, filters, tree, selection }: MetricInput): RawReport {
  const coverage = facts.willCoverage.filter(
    (atom) => atom.people > 0 && atom.month === filters.to && inDepartments(selection, atom.departmentId) && inJobFamily(selection, atom.jobFamilyId),
  );
  const wills = facts.willFulfilment.filter((atom) => atom.wills > 0 && selects(selection, atom));

  const figures = (rowCoverage: readonly WillCoverageAtom[], rowWills: readonly WillFulfilmentAtom[]) => {
    const people = sum(rowCoverage, (atom) => atom.people);
    const reviewed = sum(rowCoverage, (atom) => atom.reviewed);
    const observable = rowWills.filter((atom) => atom.observable);
    const observed = sum(observable, (atom) => atom.wills);
    const fulfilled = sum(observable, (atom) => atom.fulfilled);
    return {
      peopleInPost: countCell(people),
      willReviewed: countCell(reviewed),
      willCoverage: rateCell(reviewed, people),
      willsObserved: countCell(observed),
      willsFulfilled: countCell(fulfilled),
      willFulfilment: rateCell(fulfilled, observed),
      notYetObservable: countCell(sum(rowWills, (atom) => atom.wills) - observed),
    };
  };

  const whole = figures(coverage, wills);
  const present = departmentsPresent(coverage, wills);
  const rows = departmentPartition(tree, filters.departmentId, (id) => present.has(id));
  const rowOf = rowOfDepartment(rows);
  const coverageByRow = groupBy(coverage, (atom) => rowOf.get(atom.departmentId));
  const willsByRow = groupBy(wills, (atom) => rowOf.get(atom.departmentId));
  return {
    headlines: [headline("willCoverage", whole.willCoverage, "willCoverage"), headline("willFulfilment", whole.willFulfilment, "willFulfilment")],
    tables: [
      table("willsByDepartment", {
        columns: [
          column("peopleInPost", "count"),
          column("willReviewed", "count"),
          column("willCoverage", "rate"),
          column("willsObserved", "count"),
          column("willsFulfilled", "count"),
          column("willFulfilment", "rate"),
          column("notYetObservable", "count"),
        ],
        rows: rows.map((row) => ({ key: row.key, label: row.label, cells: figures(coverageByRow.get(row.key) ?? [], willsByRow.get(row.key) ?? []) })),
        total: whole,
      }),
    ],
  };
}
