import { describe, expect, it } from "vitest";
import { computeReport } from "../../../server/services/reports/compute";
import { cellAt, companyFacts, filtersOf, headlineOf, rate, rowKeys, sumColumn, totalAt, valueOf } from "./report-fixtures";

describe("internal fill rate and time to fill", () => {
  it("divides postings filled by a move by postings filled, with the median and p90 days to fill", () => {
    const report = computeReport("fill", companyFacts(), filtersOf());
    expect(headlineOf(report, "internalFillRate")).toEqual(rate(3, 6));
    // 10, 20, 20, 30, 30, 40: median (20 + 30) / 2, p90 the 6th case.
    expect(headlineOf(report, "timeToFillMedian")).toEqual({ kind: "days", value: 25, group: 6 });
    expect(headlineOf(report, "timeToFillP90")).toEqual({ kind: "days", value: 40, group: 6 });
  });

  it("splits a department into its sub-departments, adding up to the total", () => {
    const report = computeReport("fill", companyFacts(), filtersOf({ departmentId: 1 }));
    expect(rowKeys(report, "fillByDepartment")).toEqual(["department:11", "department:12"]);
    expect(cellAt(report, "fillByDepartment", "department:11", "internalFillRate")).toEqual(rate(2, 3));
    expect(cellAt(report, "fillByDepartment", "department:11", "timeToFillMedian")).toEqual({ kind: "days", value: 20, group: 3 });
    expect(cellAt(report, "fillByDepartment", "department:12", "timeToFillP90")).toEqual({ kind: "days", value: 40, group: 1 });
    // 10, 20, 20, 40
    expect(totalAt(report, "fillByDepartment", "timeToFillMedian")).toEqual({ kind: "days", value: 20, group: 4 });
    for (const column of ["filled", "internalFills"]) expect(sumColumn(report, "fillByDepartment", column)).toBe(valueOf(totalAt(report, "fillByDepartment", column)));
  });

  it("shows no case as 0 days over a group of 0", () => {
    const report = computeReport("fill", companyFacts(), filtersOf({ from: "2023-01", to: "2023-12" }));
    expect(headlineOf(report, "internalFillRate")).toEqual(rate(0, 0, 0));
    expect(headlineOf(report, "timeToFillP90")).toEqual({ kind: "days", value: 0, group: 0 });
  });
});

describe("the approval funnel", () => {
  it("counts the applications reaching each stage, from applied to moved", () => {
    const report = computeReport("funnel", companyFacts(), filtersOf());
    const stages = report.tables.find((table) => table.id === "funnelStages");
    expect(stages?.chart).toBe("funnel");
    expect(stages?.rows.map((row) => [row.key, valueOf(row.cells.applications)])).toEqual([
      ["applied", 10],
      ["released", 9],
      ["shortlisted", 7],
      ["offered", 3],
      ["finalized", 3],
      ["moved", 3],
    ]);
    expect(cellAt(report, "funnelStages", "released", "shareOfApplications")).toEqual(rate(9, 10));
    expect(stages?.rows[0]?.label).toEqual({ message: "stageApplied" });
    expect(headlineOf(report, "applicationToMoveRate")).toEqual(rate(3, 10));
  });

  it("says where applications ended, every application in exactly one outcome", () => {
    const report = computeReport("funnel", companyFacts(), filtersOf());
    expect(rowKeys(report, "funnelOutcomes")).toEqual(["active", "withdrawn", "declined", "not_released", "finalized", "completed"]);
    expect(valueOf(cellAt(report, "funnelOutcomes", "active", "applications"))).toBe(4);
    expect(valueOf(cellAt(report, "funnelOutcomes", "declined", "applications"))).toBe(0);
    expect(sumColumn(report, "funnelOutcomes", "applications")).toBe(10);
    expect(totalAt(report, "funnelOutcomes", "applications")).toEqual({ kind: "count", value: 10 });
  });

  it("gives each approval step's median and p90 days from creation to decision", () => {
    const report = computeReport("funnel", companyFacts(), filtersOf());
    // Manager release: 1, 1, 1, 3, 3.
    expect(cellAt(report, "stepLeadTimes", "manager_release", "medianDays")).toEqual({ kind: "days", value: 1, group: 5 });
    expect(cellAt(report, "stepLeadTimes", "manager_release", "p90Days")).toEqual({ kind: "days", value: 3, group: 5 });
    expect(cellAt(report, "stepLeadTimes", "hr_finalize", "medianDays")).toEqual({ kind: "days", value: 7, group: 3 });
    expect(cellAt(report, "stepLeadTimes", "hiring_decision", "decidedSteps")).toEqual({ kind: "count", value: 0 });
  });

  it("counts the applications of people in the filter department when they applied", () => {
    const report = computeReport("funnel", companyFacts(), filtersOf({ departmentId: 2 }));
    expect(headlineOf(report, "applications")).toEqual({ kind: "count", value: 4 });
    expect(valueOf(cellAt(report, "funnelStages", "shortlisted", "applications"))).toBe(4);
    expect(valueOf(cellAt(report, "funnelStages", "offered", "applications"))).toBe(0);
    expect(headlineOf(report, "applicationToMoveRate")).toEqual(rate(0, 4));
  });
});
