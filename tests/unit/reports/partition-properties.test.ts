import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeReport } from "../../../server/services/reports/compute";
import type { ReportFacts } from "../../../server/services/reports/report.facts";
import { reportIds, type ReportFilters } from "../../../server/services/reports/report.schemas";
import { emptyFacts, headlineOf, sumColumn } from "./report-fixtures";

/*
 * Over arbitrary facts in a small company (1 with children 11 and 12, 12 with child 121; 2; 3),
 * every table with a total row adds up to it, whatever the filter: the rows partition the total.
 */
const departmentIds = [1, 11, 12, 121, 2, 3];
const months = ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04"];
const name = (id: number) => ({ en: `D${id}`, ja: `部${id}` });

const atom = fc.record({ month: fc.constantFrom(...months), departmentId: fc.constantFrom(...departmentIds), jobFamilyId: fc.constantFrom(1, 2) });
const small = fc.integer({ min: 0, max: 6 });

const factsArb: fc.Arbitrary<ReportFacts> = fc
  .record({
    headcount: fc.array(fc.record({ at: atom, people: small }), { maxLength: 30 }),
    moves: fc.array(fc.record({ at: atom, toDepartmentId: fc.constantFrom(...departmentIds), toJobFamilyId: fc.constantFrom(1, 2), moves: small }), { maxLength: 20 }),
    fills: fc.array(fc.record({ at: atom, filled: small, internalShare: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 10 }),
    applications: fc.array(fc.record({ at: atom, outcome: fc.constantFrom("active", "withdrawn", "declined", "not_released", "finalized", "completed" as const), applications: small }), { maxLength: 10 }),
    willCoverage: fc.array(fc.record({ at: atom, people: small, reviewedShare: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 10 }),
    participations: fc.array(fc.record({ at: atom, kind: fc.constantFrom("project", "trial_joining" as const), participants: small }), { maxLength: 10 }),
    managerReleases: fc.array(fc.record({ at: atom, managerId: fc.constantFrom(7, 8, 9), count: small }), { maxLength: 10 }),
  })
  .map((drawn) => ({
    ...emptyFacts(),
    departments: departmentIds.map((id) => ({ id, parentId: id === 11 || id === 12 ? 1 : id === 121 ? 12 : null, name: name(id) })),
    jobFamilies: [1, 2].map((id) => ({ id, name: name(id) })),
    managers: [7, 8, 9].map((id, index) => ({ id, name: name(id), departmentId: departmentIds[index * 2] ?? 1 })),
    headcount: drawn.headcount.map(({ at, people }) => ({ ...at, people })),
    moves: drawn.moves.map(({ at, ...move }) => ({ ...at, ...move })),
    fills: drawn.fills.map(({ at, filled, internalShare }) => ({ ...at, filled, internal: Math.floor(filled * internalShare) })),
    applications: drawn.applications.map(({ at, outcome, applications }) => ({ ...at, outcome, applications, released: true, shortlisted: false, offered: false, finalized: false, moved: false })),
    willCoverage: drawn.willCoverage.map(({ at, people, reviewedShare }) => ({ ...at, people, reviewed: Math.floor(people * reviewedShare) })),
    participations: drawn.participations.map(({ at, kind, participants }) => ({ ...at, kind, participants, movedWithin12Months: Math.floor(participants / 2) })),
    managerReleases: drawn.managerReleases.map(({ at, managerId, count }) => ({ ...at, managerId, count, decision: "declined" as const, days: count, overdue: false })),
  }));

const filtersArb: fc.Arbitrary<ReportFilters> = fc
  .record({ first: fc.integer({ min: 0, max: months.length - 1 }), length: fc.integer({ min: 1, max: months.length }), departmentId: fc.constantFrom(null, ...departmentIds), jobFamilyId: fc.constantFrom(null, 1, 2) })
  .map(({ first, length, departmentId, jobFamilyId }) => ({
    from: months[first] ?? "2025-01",
    to: months[Math.min(first + length - 1, months.length - 1)] ?? "2025-01",
    departmentId,
    jobFamilyId,
  }));

describe("partition rows", () => {
  it("add up to the total row in every column counting people, and in every rate's numerator and (unless a share of the total) denominator", () => {
    fc.assert(
      fc.property(factsArb, filtersArb, (facts, filters) => {
        for (const report of reportIds) {
          for (const table of computeReport(report, facts, filters).tables) {
            if (!table.total) continue;
            for (const column of table.columns) {
              const total = table.total[column.id];
              if (column.kind === "count" && total?.kind === "count") expect(sumColumn({ headlines: [], tables: [table] }, table.id, column.id)).toBeCloseTo(total.value ?? 0, 9);
              if (column.kind === "rate" && total?.kind === "rate") {
                const rates = table.rows.map((row) => row.cells[column.id]).flatMap((cell) => (cell?.kind === "rate" ? [cell] : []));
                expect(rates.reduce((sum, cell) => sum + (cell.numerator ?? 0), 0)).toBeCloseTo(total.numerator ?? 0, 9);
                // A share of the total (an outcome's share of all applications) has the total as every row's denominator.
                const shares = rates.every((cell) => cell.denominator === total.denominator);
                if (!shares || rates.length === 1) expect(rates.reduce((sum, cell) => sum + (cell.denominator ?? 0), 0)).toBeCloseTo(total.denominator ?? 0, 9);
              }
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("give a department the sum of its sub-departments and its direct members", () => {
    fc.assert(
      fc.property(factsArb, filtersArb, (facts, filters) => {
        const whole = headlineOf(computeReport("mobility", facts, { ...filters, departmentId: 1 }), "moves");
        const parts = [11, 12].map((departmentId) => headlineOf(computeReport("mobility", facts, { ...filters, departmentId }), "moves"));
        const direct = facts.moves.filter((move) => move.departmentId === 1 && move.month >= filters.from && move.month <= filters.to && (filters.jobFamilyId === null || move.jobFamilyId === filters.jobFamilyId));
        const partSum = parts.reduce((sum, cell) => sum + (cell?.kind === "count" ? (cell.value ?? 0) : 0), 0) + direct.reduce((sum, move) => sum + move.moves, 0);
        expect(whole).toEqual({ kind: "count", value: partSum });
      }),
      { numRuns: 200 },
    );
  });

  it("split the period's moves into its quarters", () => {
    fc.assert(
      fc.property(factsArb, filtersArb, (facts, filters) => {
        const report = computeReport("mobility", facts, filters);
        expect({ kind: "count", value: sumColumn(report, "mobilityByQuarter", "moves") }).toEqual(headlineOf(report, "moves"));
      }),
      { numRuns: 100 },
    );
  });
});
