import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { approvalStepNames } from "../../../db/vocabulary";
import { computeReport, neighbourFilters } from "../../../server/services/reports/compute";
import { publishReport } from "../../../server/services/reports/publish";
import type { ReportFacts } from "../../../server/services/reports/report.facts";
import { reportIds, type ReportFilters } from "../../../server/services/reports/report.schemas";
import { cellAt, companyFacts, emptyFacts, filtersOf, headlineOf } from "./report-fixtures";
import { changedShownCells, judgementsOfHiddenFigures, countsShownElsewhere, loneHiddenCells, revealingTotals, smallDifferences, smallShownCells } from "./suppression.checks";

describe("publishReport", () => {
  it("hides the departments whose moves are too few to show, and shows an empty one", () => {
    const published = publishReport("mobility", companyFacts(), filtersOf(), 5);
    expect(cellAt(published, "mobilityByDepartment", "department:1", "moves")).toEqual({ kind: "count", value: null });
    expect(cellAt(published, "mobilityByDepartment", "department:2", "mobilityRate")).toEqual({ kind: "rate", value: null, numerator: null, denominator: null });
    expect(cellAt(published, "mobilityByDepartment", "department:3", "moves")).toEqual({ kind: "count", value: 0 });
    expect(headlineOf(published, "moves")).toEqual({ kind: "count", value: null });
  });

  it("shows every figure when the threshold is one person", () => {
    expect(publishReport("mobility", companyFacts(), filtersOf(), 1)).toEqual(computeReport("mobility", companyFacts(), filtersOf()));
  });
});

/*
 * A small random company: a department tree, a few job families and managers, and atoms of every
 * kind spread over the months around the filtered period, each counting a few people or many.
 */
const months = ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08"];
const periodMonths = months.slice(2, 8);
const name = (text: string) => ({ ja: text, en: text });

const people = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 25 }));
const atMost = (limit: number) => fc.integer({ min: 0, max: limit });
/** A group and a part of it (none, a quarter, half, three quarters or all). */
const groupAndPart = fc.tuple(people, atMost(4)).map(([whole, quarters]) => ({ whole, part: Math.round((whole * quarters) / 4) }));

const factsArb: fc.Arbitrary<ReportFacts> = fc
  .record({ departments: fc.integer({ min: 2, max: 6 }), families: fc.integer({ min: 1, max: 3 }), managers: fc.integer({ min: 1, max: 4 }) })
  .chain(({ departments, families, managers }) => {
    const departmentId = fc.integer({ min: 1, max: departments });
    const jobFamilyId = fc.integer({ min: 1, max: families });
    const managerId = fc.integer({ min: 1, max: managers });
    const atom = { month: fc.constantFrom(...months), departmentId, jobFamilyId };
    const many = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 14 });
    return fc.record({
      departments: fc.tuple(...Array.from({ length: departments }, (_, index) => (index === 0 ? fc.constant(null) : fc.option(fc.integer({ min: 1, max: index }), { nil: null })))).map((parents) =>
        parents.map((parentId, index) => ({ id: index + 1, parentId, name: name(`D${index + 1}`) })),
      ),
      jobFamilies: fc.constant(Array.from({ length: families }, (_, index) => ({ id: index + 1, name: name(`F${index + 1}`) }))),
      headcount: many(fc.record({ ...atom, people })),
      moves: many(fc.record({ ...atom, toDepartmentId: departmentId, toJobFamilyId: jobFamilyId, moves: people })),
      fills: many(fc.record({ ...atom, split: groupAndPart }).map(({ split, ...rest }) => ({ ...rest, filled: split.whole, internal: split.part }))),
      timeToFill: many(fc.record({ ...atom, days: atMost(90), count: people })),
      applications: many(
        fc.record({
          ...atom,
          released: fc.boolean(),
          shortlisted: fc.boolean(),
          offered: fc.boolean(),
          finalized: fc.boolean(),
          moved: fc.boolean(),
          outcome: fc.constantFrom("active" as const, "withdrawn" as const, "declined" as const, "not_released" as const, "finalized" as const, "completed" as const),
          applications: people,
        }),
      ),
      stepDurations: many(fc.record({ ...atom, step: fc.constantFrom(...approvalStepNames), days: atMost(30), count: people })),
      managers: fc.tuple(...Array.from({ length: managers }, () => departmentId)).map((ids) => ids.map((id, index) => ({ id: index + 1, name: name(`M${index + 1}`), departmentId: id }))),
      managerReleases: many(
        fc.record({ ...atom, managerId, decision: fc.constantFrom("approved" as const, "later" as const, "declined" as const), days: atMost(20), overdue: fc.boolean(), count: people }),
      ),
      managerOverdue: many(fc.record({ managerId, departmentId, jobFamilyId, open: people })),
      managerMoves: many(fc.record({ ...atom, managerId, moves: people })),
      willCoverage: many(fc.record({ ...atom, split: groupAndPart }).map(({ split, ...rest }) => ({ ...rest, people: split.whole, reviewed: split.part }))),
      willFulfilment: many(fc.record({ ...atom, split: groupAndPart, observable: fc.boolean() }).map(({ split, ...rest }) => ({ ...rest, wills: split.whole, fulfilled: split.part }))),
      retention: many(
        fc
          .record({ ...atom, split: groupAndPart, cohort: fc.constantFrom("moved" as const, "declined" as const, "did_not_apply" as const), observable: fc.boolean() })
          .map(({ split, ...rest }) => ({ ...rest, people: split.whole, retained: split.part })),
      ),
      participations: many(
        fc
          .record({ ...atom, split: groupAndPart, kind: fc.constantFrom("project" as const, "trial_joining" as const) })
          .map(({ split, ...rest }) => ({ ...rest, participants: split.whole, movedWithin12Months: split.part })),
      ),
      skills: fc.constant([1, 2].map((id) => ({ id, name: name(`S${id}`) }))),
      skillSupply: many(fc.record({ skillId: fc.integer({ min: 1, max: 2 }), level: fc.integer({ min: 1, max: 4 }), departmentId, jobFamilyId, people })),
      skillDemand: many(fc.record({ skillId: fc.integer({ min: 1, max: 2 }), level: fc.integer({ min: 1, max: 4 }), departmentId, jobFamilyId, postings: people })),
    }).map((generated): ReportFacts => ({ ...emptyFacts(), today: "2025-09-15", ...generated }));
  });

const filtersArb = (facts: ReportFacts): fc.Arbitrary<ReportFilters> =>
  fc
    .record({
      from: fc.integer({ min: 0, max: periodMonths.length - 1 }),
      length: fc.integer({ min: 1, max: periodMonths.length }),
      departmentId: fc.option(fc.constantFrom(...facts.departments.map((department) => department.id)), { nil: null }),
      jobFamilyId: fc.option(fc.constantFrom(...facts.jobFamilies.map((family) => family.id)), { nil: null }),
    })
    .map(({ from, length, departmentId, jobFamilyId }) => ({
      from: periodMonths[from]!,
      to: periodMonths[Math.min(periodMonths.length - 1, from + length - 1)]!,
      departmentId,
      jobFamilyId,
    }));

const scenario = factsArb.chain((facts) => fc.record({ facts: fc.constant(facts), filters: filtersArb(facts), threshold: fc.constantFrom(3, 5) }));

describe("published reports over random companies", () => {
  it("show no small group, and no small difference between overlapping filters, in any report", () => {
    fc.assert(
      fc.property(scenario, ({ facts, filters, threshold }) => {
        for (const report of reportIds) {
          const raw = computeReport(report, facts, filters);
          const published = publishReport(report, facts, filters, threshold);
          expect(smallShownCells(published, threshold), report).toEqual([]);
          expect(revealingTotals(published, raw, threshold), report).toEqual([]);
          expect(loneHiddenCells(published, raw), report).toEqual([]);
          expect(countsShownElsewhere(published, raw), report).toEqual([]);
          expect(changedShownCells(published, raw), report).toEqual([]);
          expect(judgementsOfHiddenFigures(published), report).toEqual([]);
          for (const neighbour of neighbourFilters(filters, facts.departments)) {
            const theirs = publishReport(report, facts, neighbour, threshold);
            const otherPeriod = neighbour.from !== filters.from || neighbour.to !== filters.to;
            expect(smallDifferences(published, theirs, threshold, otherPeriod), `${report} against ${JSON.stringify(neighbour)}`).toEqual([]);
          }
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
