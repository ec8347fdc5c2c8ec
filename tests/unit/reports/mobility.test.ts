import { describe, expect, it } from "vitest";
import { computeReport } from "../../../server/services/reports/compute";
import { cellAt, companyFacts, emptyFacts, filtersOf, headlineOf, rate, rowKeys, sumColumn, totalAt, valueOf } from "./report-fixtures";

describe("internal mobility rate", () => {
  it("divides the moves out of the filter's departments by the average month-start headcount", () => {
    const report = computeReport("mobility", companyFacts(), filtersOf());
    // January 2, February 1, March 1 (December's 5 are outside the period); 26 people each month.
    expect(headlineOf(report, "moves")).toEqual({ kind: "count", value: 4 });
    expect(headlineOf(report, "mobilityRate")).toEqual(rate(4, 26));
    expect(report.headlines.find((headline) => headline.id === "mobilityRate")?.formula).toBe("mobilityRate");
  });

  it("splits the company into its top-level departments, which add up to the total", () => {
    const report = computeReport("mobility", companyFacts(), filtersOf());
    expect(rowKeys(report, "mobilityByDepartment")).toEqual(["department:1", "department:2", "department:3"]);
    expect(cellAt(report, "mobilityByDepartment", "department:1", "mobilityRate")).toEqual(rate(3, 18));
    expect(cellAt(report, "mobilityByDepartment", "department:2", "mobilityRate")).toEqual(rate(1, 8));
    for (const column of ["moves", "averageHeadcount"]) {
      expect(sumColumn(report, "mobilityByDepartment", column)).toBe(valueOf(totalAt(report, "mobilityByDepartment", column)));
    }
    expect(report.tables.find((table) => table.id === "mobilityByDepartment")?.chart).toBe("bars");
  });

  it("gives a department without headcount a rate of 0 over 0, never NaN", () => {
    const report = computeReport("mobility", companyFacts(), filtersOf());
    expect(cellAt(report, "mobilityByDepartment", "department:3", "mobilityRate")).toEqual(rate(0, 0, 0));
    expect(cellAt(report, "mobilityByDepartment", "department:3", "averageHeadcount")).toEqual({ kind: "count", value: 0 });
  });

  it("splits a department into its sub-departments and the people directly in it", () => {
    const report = computeReport("mobility", companyFacts(), filtersOf({ departmentId: 1 }));
    expect(rowKeys(report, "mobilityByDepartment")).toEqual(["department:11", "department:12", "department:1:direct"]);
    expect(cellAt(report, "mobilityByDepartment", "department:11", "mobilityRate")).toEqual(rate(2, 10));
    expect(cellAt(report, "mobilityByDepartment", "department:12", "mobilityRate")).toEqual(rate(1, 6));
    expect(cellAt(report, "mobilityByDepartment", "department:1:direct", "mobilityRate")).toEqual(rate(0, 2));
    expect(totalAt(report, "mobilityByDepartment", "mobilityRate")).toEqual(rate(3, 18));
    expect(headlineOf(report, "mobilityRate")).toEqual(rate(3, 18));
  });

  it("counts a move in the job family the person left", () => {
    const report = computeReport("mobility", companyFacts(), filtersOf({ jobFamilyId: 1 }));
    // Support people: 2 + 10 + 4 a month; January's 2 and March's 1 left from Support.
    expect(headlineOf(report, "mobilityRate")).toEqual(rate(3, 16));
  });

  it("gives each quarter its own moves and average headcount, months outside the period left out", () => {
    const report = computeReport("mobility", companyFacts(), filtersOf({ from: "2024-12", to: "2025-04" }));
    expect(rowKeys(report, "mobilityByQuarter")).toEqual(["2024-Q4", "2025-Q1", "2025-Q2"]);
    // December: 5 moves but no headcount loaded for it: 5 over 0 is shown as 0.
    expect(cellAt(report, "mobilityByQuarter", "2024-Q4", "mobilityRate")).toEqual(rate(5, 0, 0));
    expect(cellAt(report, "mobilityByQuarter", "2025-Q1", "mobilityRate")).toEqual(rate(4, 26));
    expect(cellAt(report, "mobilityByQuarter", "2025-Q2", "moves")).toEqual({ kind: "count", value: 0 });
    // Five months, 26 people in three of them.
    expect(headlineOf(report, "mobilityRate")).toEqual(rate(9, (26 * 3) / 5));
  });

  it("shows zeros for an empty period", () => {
    const report = computeReport("mobility", companyFacts(), filtersOf({ from: "2023-01", to: "2023-02" }));
    expect(headlineOf(report, "mobilityRate")).toEqual(rate(0, 0, 0));
    expect(headlineOf(report, "moves")).toEqual({ kind: "count", value: 0 });
    expect(rowKeys(report, "mobilityByQuarter")).toEqual(["2023-Q1"]);
    expect(computeReport("mobility", emptyFacts(), filtersOf()).tables.find((table) => table.id === "mobilityByDepartment")?.rows).toEqual([]);
  });
});

describe("a move and its reversal", () => {
  const facts = () => ({
    ...emptyFacts(),
    departments: [
      { id: 1, parentId: null, name: { en: "A", ja: "A" } },
      { id: 2, parentId: null, name: { en: "B", ja: "B" } },
    ],
    jobFamilies: [{ id: 7, name: { en: "Support", ja: "サポート" } }],
    headcount: ["2025-01", "2025-02"].flatMap((month) => [
      { month, departmentId: 1, jobFamilyId: 7, people: 5 },
      { month, departmentId: 2, jobFamilyId: 7, people: 5 },
    ]),
    moves: [
      { month: "2025-01", departmentId: 1, jobFamilyId: 7, toDepartmentId: 2, toJobFamilyId: 7, moves: 1 },
      { month: "2025-02", departmentId: 2, jobFamilyId: 7, toDepartmentId: 1, toJobFamilyId: 7, moves: 1 },
    ],
  });
  const filters = filtersOf({ from: "2025-01", to: "2025-02" });

  it("counts two moves and leaves both headcounts as they were", () => {
    const report = computeReport("mobility", facts(), filters);
    expect(headlineOf(report, "moves")).toEqual({ kind: "count", value: 2 });
    expect(cellAt(report, "mobilityByDepartment", "department:1", "mobilityRate")).toEqual(rate(1, 5));
    expect(cellAt(report, "mobilityByDepartment", "department:2", "mobilityRate")).toEqual(rate(1, 5));
  });

  it("draws a flow each way, on distinct source and target nodes so the diagram has no cycle", () => {
    const report = computeReport("flows", facts(), filters);
    const departmentFlows = report.tables.find((table) => table.id === "departmentFlows");
    expect(departmentFlows?.rows.map((row) => [row.key, row.link, valueOf(row.cells.moves)])).toEqual([
      ["department:1>department:2", { source: "from:department:1", target: "to:department:2" }, 1],
      ["department:2>department:1", { source: "from:department:2", target: "to:department:1" }, 1],
    ]);
    // Within one job family: no flow between two families.
    expect(report.tables.find((table) => table.id === "jobFamilyFlows")?.rows).toEqual([]);
  });
});
