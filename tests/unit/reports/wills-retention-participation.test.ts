import { describe, expect, it } from "vitest";
import { computeReport } from "../../../server/services/reports/compute";
import { cellAt, companyFacts, filtersOf, headlineOf, rate, rowKeys, sumColumn, totalAt, valueOf } from "./report-fixtures";

describe("Will coverage and fulfilment", () => {
  it("covers the people in post at the end of the period and fulfils the Wills old enough to tell", () => {
    const report = computeReport("wills", companyFacts(), filtersOf());
    // End of March: 6 + 1 + 8 of 10 + 6 + 8 people had a Will saved in the 180 days before.
    expect(headlineOf(report, "willCoverage")).toEqual(rate(15, 24));
    // January's 4 Wills (1 reached) and February's 2 (both reached); March's 3 are too recent.
    expect(headlineOf(report, "willFulfilment")).toEqual(rate(3, 6));
    expect(totalAt(report, "willsByDepartment", "notYetObservable")).toEqual({ kind: "count", value: 3 });
  });

  it("splits a department into its sub-departments, with no direct row when nobody is directly in it", () => {
    const report = computeReport("wills", companyFacts(), filtersOf({ departmentId: 1 }));
    expect(rowKeys(report, "willsByDepartment")).toEqual(["department:11", "department:12"]);
    expect(cellAt(report, "willsByDepartment", "department:11", "willCoverage")).toEqual(rate(6, 10));
    expect(cellAt(report, "willsByDepartment", "department:11", "willFulfilment")).toEqual(rate(1, 4));
    expect(cellAt(report, "willsByDepartment", "department:12", "willFulfilment")).toEqual(rate(0, 0, 0));
    for (const column of ["peopleInPost", "willReviewed", "willsObserved", "willsFulfilled", "notYetObservable"]) {
      expect(sumColumn(report, "willsByDepartment", column)).toBe(valueOf(totalAt(report, "willsByDepartment", column)));
    }
  });

  it("reads coverage at the last month of the period", () => {
    const report = computeReport("wills", companyFacts(), filtersOf({ to: "2025-02" }));
    expect(headlineOf(report, "willCoverage")).toEqual(rate(0, 10));
  });
});

describe("retention 12 months after", () => {
  it("compares movers, declined applicants and people who did not apply, over the observable cohorts", () => {
    const report = computeReport("retention", companyFacts(), filtersOf());
    expect(rowKeys(report, "retentionByCohort")).toEqual(["moved", "declined", "did_not_apply"]);
    expect(headlineOf(report, "retentionMoved")).toEqual(rate(2, 2));
    expect(headlineOf(report, "retentionDeclined")).toEqual(rate(1, 3));
    expect(headlineOf(report, "retentionDidNotApply")).toEqual(rate(9, 10));
    // The March mover's 12 months have not passed.
    expect(cellAt(report, "retentionByCohort", "moved", "notYetObservable")).toEqual({ kind: "count", value: 1 });
    expect(report.tables[0]?.rows[2]?.label).toEqual({ message: "cohortDidNotApply" });
  });

  it("is 0 over 0 for a cohort nobody is in", () => {
    const report = computeReport("retention", companyFacts(), filtersOf({ departmentId: 2 }));
    expect(headlineOf(report, "retentionDeclined")).toEqual(rate(0, 0, 0));
    expect(headlineOf(report, "retentionMoved")).toEqual(rate(0, 0, 0));
  });
});

describe("participation → move conversion", () => {
  it("divides the participants who moved within 12 months by the participants, per kind and in total", () => {
    const report = computeReport("participation", companyFacts(), filtersOf());
    // November's project is outside the period.
    expect(cellAt(report, "participationByKind", "project", "conversionRate")).toEqual(rate(1, 4));
    expect(cellAt(report, "participationByKind", "trial_joining", "conversionRate")).toEqual(rate(1, 2));
    expect(totalAt(report, "participationByKind", "conversionRate")).toEqual(rate(2, 6));
    expect(headlineOf(report, "participationConversion")).toEqual(rate(2, 6));
    expect(sumColumn(report, "participationByKind", "participants")).toBe(6);
  });

  it("keeps the participations of the job family", () => {
    const report = computeReport("participation", companyFacts(), filtersOf({ jobFamilyId: 1 }));
    expect(headlineOf(report, "participationConversion")).toEqual(rate(1, 4));
    expect(cellAt(report, "participationByKind", "trial_joining", "participants")).toEqual({ kind: "count", value: 0 });
  });
});
