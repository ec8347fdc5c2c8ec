import { describe, expect, it } from "vitest";
import { computeReport, neighbourFilters } from "../../../server/services/reports/compute";
import { columnIds, formulaIds, headlineIds, labelIds, reportTableIds } from "../../../server/services/reports/message-keys";
import { reportIds, type Cell, type Label } from "../../../server/services/reports/report.schemas";
import { companyFacts, emptyFacts, filtersOf } from "./report-fixtures";

const filterCases = [
  filtersOf(),
  filtersOf({ departmentId: 1 }),
  filtersOf({ departmentId: 11, jobFamilyId: 1 }),
  filtersOf({ departmentId: 3 }),
  filtersOf({ from: "2023-01", to: "2023-01" }),
];

function finite(cell: Cell): boolean {
  switch (cell.kind) {
    case "label":
      return true;
    case "rate":
      return [cell.value, cell.numerator, cell.denominator].every((value) => value !== null && Number.isFinite(value));
    case "days":
      return [cell.value, cell.group].every((value) => value !== null && Number.isFinite(value));
    default:
      return cell.value !== null && Number.isFinite(cell.value);
  }
}

function knownLabel(label: Label): boolean {
  return "text" in label || (labelIds as readonly string[]).includes(label.message);
}

describe("every report", () => {
  it.each(reportIds)("%s: only listed message keys, finite values, cells for the declared columns", (report) => {
    for (const facts of [companyFacts(), emptyFacts()]) {
      for (const filters of filterCases) {
        for (const neighbour of [filters, ...neighbourFilters(filters, facts.departments)]) {
          const raw = computeReport(report, facts, neighbour);
          for (const headline of raw.headlines) {
            expect(headlineIds).toContain(headline.id);
            expect(formulaIds).toContain(headline.formula);
            expect(finite(headline.cell)).toBe(true);
          }
          for (const table of raw.tables) {
            expect(reportTableIds).toContain(table.id);
            const declared = table.columns.map((column) => column.id);
            for (const column of declared) expect(columnIds).toContain(column);
            for (const row of table.rows) {
              expect(knownLabel(row.label)).toBe(true);
              expect(Object.keys(row.cells).sort()).toEqual([...declared].sort());
              for (const cell of Object.values(row.cells)) {
                expect(finite(cell)).toBe(true);
                if (cell.kind === "label") expect(knownLabel(cell.label)).toBe(true);
              }
            }
            for (const [column, cell] of Object.entries(table.total ?? {})) {
              expect(declared).toContain(column);
              expect(finite(cell)).toBe(true);
            }
            expect(new Set(table.rows.map((row) => row.key)).size).toBe(table.rows.length);
          }
        }
      }
    }
  });
});
