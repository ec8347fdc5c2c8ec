import type { MetricInput, RawReport } from "../report.raw";
import { column, headline, labelCell, numberCell, table, textLabel } from "../report.cells";
import { inDepartments, inJobFamily } from "../report.dimensions";

/**
 * People past their level's standard years with no move or level-up since: a list HR acts on,
 * one row per person linking to their profile, the longest overdue first. It describes today, so
 * the period is ignored. HR is entitled to these rows, so every figure is a plain number (never
 * suppressed), the headline included.
 */
export function pastStandardReport({ facts, tree, selection }: MetricInput): RawReport {
  const people = facts.pastStandard
    .flatMap((person) => {
      const department = tree.byId.get(person.departmentId);
      return department && inDepartments(selection, person.departmentId) && inJobFamily(selection, person.jobFamilyId) ? [{ person, department }] : [];
    })
    .sort((a, b) => b.person.yearsAtLevel - b.person.standardYears - (a.person.yearsAtLevel - a.person.standardYears) || a.person.personId - b.person.personId);

  return {
    headlines: [headline("peoplePastStandard", numberCell(people.length), "peoplePastStandard")],
    tables: [
      table("pastStandardPeople", {
        columns: [
          column("name", "label"),
          column("department", "label"),
          column("role", "label"),
          column("level", "number"),
          column("yearsAtLevel", "number"),
          column("standardYears", "number"),
        ],
        rows: people.map(({ person, department }) => ({
          key: `person:${person.personId}`,
          label: textLabel(person.name),
          cells: {
            name: labelCell(textLabel(person.name)),
            department: labelCell(textLabel(department.name)),
            role: labelCell(textLabel(person.role)),
            level: numberCell(person.level),
            yearsAtLevel: numberCell(person.yearsAtLevel),
            standardYears: numberCell(person.standardYears),
          },
          href: `/people/${person.personId}`,
        })),
      }),
    ],
  };
}
