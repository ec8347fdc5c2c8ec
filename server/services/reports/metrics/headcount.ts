import type { HeadcountAtom } from "../report.facts";

/**
 * Average headcount: the mean of the month-start headcounts over `months`, for the departments
 * asked for (null: every department of the atoms, already selected by the filter). Dividing each
 * department's sum by the same month count keeps it additive, so department rows add up to the
 * filter department's figure.
 */
export function averageHeadcount(atoms: readonly HeadcountAtom[], departmentIds: ReadonlySet<number> | null, months: readonly string[]): number {
  if (months.length === 0) return 0;
  const monthSet = new Set(months);
  let people = 0;
  for (const atom of atoms) {
    if (monthSet.has(atom.month) && (departmentIds === null || departmentIds.has(atom.departmentId))) people += atom.people;
  }
  return people / months.length;
}
