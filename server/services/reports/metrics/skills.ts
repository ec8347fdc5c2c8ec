import type { Cell } from "../report.schemas";
import type { MetricInput, RawReport } from "../report.raw";
import type { ColumnId } from "../message-keys";
import { column, countCell, headline, numberCell, table, textLabel } from "../report.cells";
import { inDepartments, inJobFamily } from "../report.dimensions";
import { tally } from "../report.tally";

const levels = [1, 2, 3, 4] as const;
const supplyColumns: Record<(typeof levels)[number], ColumnId> = { 1: "supplyLevel1", 2: "supplyLevel2", 3: "supplyLevel3", 4: "supplyLevel4" };
const demandColumns: Record<(typeof levels)[number], ColumnId> = { 1: "demandLevel1", 2: "demandLevel2", 3: "demandLevel3", 4: "demandLevel4" };

/** How many skills the table lists: the most demanded ones. */
export const skillsShown = 20;

/**
 * Skill supply against demand, today (the period is ignored): the skills most required by the
 * open postings in the filter, with the people in the filter holding each at levels 1–4 beside
 * the postings requiring each level. Postings are not people: demand cells are plain numbers.
 * A person holds many skills, so the rows have no total.
 */
export function skillsReport({ facts, selection }: MetricInput): RawReport {
  const selected = <T extends { departmentId: number; jobFamilyId: number }>(atom: T) => inDepartments(selection, atom.departmentId) && inJobFamily(selection, atom.jobFamilyId);
  const demand = facts.skillDemand.filter((atom) => atom.postings > 0 && selected(atom));
  const supply = facts.skillSupply.filter((atom) => atom.people > 0 && selected(atom));

  const demandBySkill = tally(demand, (atom) => atom.skillId, (atom) => atom.postings);
  const demandByLevel = tally(demand, (atom) => `${atom.skillId}:${atom.level}`, (atom) => atom.postings);
  const supplyByLevel = tally(supply, (atom) => `${atom.skillId}:${atom.level}`, (atom) => atom.people);
  const mostDemanded = facts.skills
    .flatMap((skill) => {
      const postings = demandBySkill.get(skill.id);
      return postings === undefined ? [] : [{ skill, postings }];
    })
    .sort((a, b) => b.postings - a.postings || a.skill.id - b.skill.id)
    .slice(0, skillsShown);

  return {
    headlines: [headline("skillsInDemand", numberCell(demandBySkill.size), "skillsInDemand")],
    tables: [
      table("skillSupplyDemand", {
        columns: [...levels.map((level) => column(supplyColumns[level], "count")), ...levels.map((level) => column(demandColumns[level], "number"))],
        rows: mostDemanded.map(({ skill }) => {
          const cells: Record<string, Cell> = {};
          for (const level of levels) {
            cells[supplyColumns[level]] = countCell(supplyByLevel.get(`${skill.id}:${level}`) ?? 0);
            cells[demandColumns[level]] = numberCell(demandByLevel.get(`${skill.id}:${level}`) ?? 0);
          }
          return { key: `skill:${skill.id}`, label: textLabel(skill.name), cells };
        }),
        chart: "bars",
      }),
    ],
  };
}
