import { describe, expect, it } from "vitest";
import { computeReport } from "../../../server/services/reports/compute";
import { concealJudgements } from "../../../server/services/reports/publish";
import { cellAt, companyFacts, filtersOf, headlineOf, rate, rowKeys, sumColumn, totalAt, valueOf } from "./report-fixtures";

describe("rotation against target", () => {
  it("annualises each department's moves out over its average headcount and sets it against its target", () => {
    const report = computeReport("rotation", companyFacts(), filtersOf());
    const row = (key: string, column: string) => cellAt(report, "rotationByDepartment", key, column);
    // Customer Support: 3 moves in 3 months → 12 a year, over 18 people = 67 %, target 20 %.
    expect(row("department:1", "annualRotationRate")).toEqual(rate(3, 18, 12 / 18));
    expect(row("department:1", "targetPercent")).toEqual({ kind: "number", value: 20 });
    expect(row("department:1", "status")).toEqual({ kind: "label", label: { message: "above" }, judges: "annualRotationRate" });
    // Quality Assurance: 4 a year over 8 people = 50 %, target 60 %.
    expect(row("department:2", "annualRotationRate")).toEqual(rate(1, 8, 0.5));
    expect(row("department:2", "status")).toEqual({ kind: "label", label: { message: "below" }, judges: "annualRotationRate" });
    // HR: nobody, neither above nor below; its target is the company's.
    expect(row("department:3", "annualRotationRate")).toEqual(rate(0, 0, 0));
    expect(row("department:3", "targetPercent")).toEqual({ kind: "number", value: 30 });
    expect(row("department:3", "status")).toEqual({ kind: "label", label: { message: "noHeadcount" }, judges: "annualRotationRate" });
    expect(headlineOf(report, "departmentsAboveTarget")).toEqual({ kind: "number", value: 1 });
    expect(headlineOf(report, "departmentsBelowTarget")).toEqual({ kind: "number", value: 1 });
    expect(report.tables[0]?.chart).toBe("bars");
  });

  it("gives the company figure and target in the total row, the rows adding up to it", () => {
    const report = computeReport("rotation", companyFacts(), filtersOf());
    expect(totalAt(report, "rotationByDepartment", "annualRotationRate")).toEqual(rate(4, 26, 16 / 26));
    expect(totalAt(report, "rotationByDepartment", "targetPercent")).toEqual({ kind: "number", value: 30 });
    for (const column of ["moves", "averageHeadcount"]) expect(sumColumn(report, "rotationByDepartment", column)).toBe(valueOf(totalAt(report, "rotationByDepartment", column)));
  });

  it("lets a sub-department inherit its parent's target unless it has its own", () => {
    const report = computeReport("rotation", companyFacts(), filtersOf({ departmentId: 1 }));
    expect(rowKeys(report, "rotationByDepartment")).toEqual(["department:11", "department:12", "department:1:direct"]);
    expect(cellAt(report, "rotationByDepartment", "department:11", "targetPercent")).toEqual({ kind: "number", value: 50 });
    expect(cellAt(report, "rotationByDepartment", "department:12", "targetPercent")).toEqual({ kind: "number", value: 20 });
    expect(cellAt(report, "rotationByDepartment", "department:1:direct", "targetPercent")).toEqual({ kind: "number", value: 20 });
    // CS Tokyo: 8 a year over 10 = 80 % ≥ 50 %; the 2 people directly in Customer Support did not move: 0 % < 20 %.
    expect(cellAt(report, "rotationByDepartment", "department:11", "status")).toEqual({ kind: "label", label: { message: "above" }, judges: "annualRotationRate" });
    expect(cellAt(report, "rotationByDepartment", "department:1:direct", "status")).toEqual({ kind: "label", label: { message: "below" }, judges: "annualRotationRate" });
    expect(totalAt(report, "rotationByDepartment", "targetPercent")).toEqual({ kind: "number", value: 20 });
  });

  it("counts a department exactly at its target as above", () => {
    // 12 months, 3 moves out of 10 people = 30 %, the company target.
    const facts = companyFacts();
    const months = Array.from({ length: 12 }, (_, index) => `2024-${String(index + 1).padStart(2, "0")}`);
    const report = computeReport(
      "rotation",
      { ...facts, departmentRotationTargets: {}, headcount: months.map((month) => ({ month, departmentId: 3, jobFamilyId: 1, people: 10 })), moves: [{ month: "2024-05", departmentId: 3, jobFamilyId: 1, toDepartmentId: 2, toJobFamilyId: 2, moves: 3 }] },
      filtersOf({ from: "2024-01", to: "2024-12", departmentId: 3 }),
    );
    expect(totalAt(report, "rotationByDepartment", "annualRotationRate")).toEqual(rate(3, 10, 0.3));
    expect(totalAt(report, "rotationByDepartment", "status")).toEqual({ kind: "label", label: { message: "above" }, judges: "annualRotationRate" });
  });

  it("withdraws a judgement, and its count in the headlines, when the rate it judges is hidden", () => {
    const report = computeReport("rotation", companyFacts(), filtersOf());
    const hidden = {
      ...report,
      tables: report.tables.map((table) => ({
        ...table,
        rows: table.rows.map((row) => (row.key === "department:1" ? { ...row, cells: { ...row.cells, annualRotationRate: { kind: "rate" as const, value: null, numerator: null, denominator: null } } } : row)),
      })),
    };
    const concealed = concealJudgements(hidden);
    expect(cellAt(concealed, "rotationByDepartment", "department:1", "status")).toEqual({ kind: "label", label: { message: "suppressed" } });
    expect(cellAt(concealed, "rotationByDepartment", "department:2", "status")).toEqual({ kind: "label", label: { message: "below" }, judges: "annualRotationRate" });
    expect(headlineOf(concealed, "departmentsAboveTarget")).toEqual({ kind: "number", value: valueOf(headlineOf(report, "departmentsAboveTarget"))! - 1 });
  });
});
