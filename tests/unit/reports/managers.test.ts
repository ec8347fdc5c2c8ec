import { describe, expect, it } from "vitest";
import { computeReport } from "../../../server/services/reports/compute";
import { cellAt, companyFacts, filtersOf, headlineOf, rate, rowKeys, sumColumn, totalAt, valueOf } from "./report-fixtures";

describe("the managers' release scorecard", () => {
  it("scores each releasing manager, the most declining first", () => {
    const report = computeReport("managers", companyFacts(), filtersOf());
    // Tanaka decided nothing, moved nobody and has nothing overdue: not a row.
    expect(rowKeys(report, "managerScorecard")).toEqual(["manager:100", "manager:101"]);
    const sato = (column: string) => cellAt(report, "managerScorecard", "manager:100", column);
    expect(sato("department")).toEqual({ kind: "label", label: { text: { en: "CS Tokyo", ja: "CS東京" } } });
    expect(sato("outboundMoves")).toEqual({ kind: "count", value: 2 });
    expect(sato("releaseDecisions")).toEqual({ kind: "count", value: 7 });
    // 2, 2, 2, 2, 5, 5, 9
    expect(sato("medianReleaseDays")).toEqual({ kind: "days", value: 2, group: 7 });
    // 2 declined + 1 later, of 7.
    expect(sato("declineOrLaterRate")).toEqual(rate(3, 7));
    // 2 decided after their deadline, 1 open past it.
    expect(sato("overdueSteps")).toEqual({ kind: "count", value: 3 });
  });

  it("sums the managers shown in the total row", () => {
    const report = computeReport("managers", companyFacts(), filtersOf());
    for (const column of ["outboundMoves", "releaseDecisions", "overdueSteps"]) {
      expect(sumColumn(report, "managerScorecard", column)).toBe(valueOf(totalAt(report, "managerScorecard", column)));
    }
    // 1, 1, 2, 2, 2, 2, 5, 5, 9
    expect(totalAt(report, "managerScorecard", "medianReleaseDays")).toEqual({ kind: "days", value: 2, group: 9 });
    expect(headlineOf(report, "declineOrLaterRate")).toEqual(rate(3, 9));
  });

  it("gives the company median of each column beside the managers of a department", () => {
    const report = computeReport("managers", companyFacts(), filtersOf({ departmentId: 2 }));
    expect(rowKeys(report, "managerScorecard")).toEqual(["manager:101"]);
    expect(rowKeys(report, "managerCompanyMedian")).toEqual(["company-median"]);
    const median = (column: string) => cellAt(report, "managerCompanyMedian", "company-median", column);
    // Over Sato and Suzuki, whatever the department filter.
    expect(median("outboundMoves")).toEqual({ kind: "number", value: 1.5 });
    expect(median("releaseDecisions")).toEqual({ kind: "number", value: 4.5 });
    expect(median("medianReleaseDays")).toEqual({ kind: "number", value: 1.5, unit: "days" });
    expect(median("declineOrLaterRate")).toEqual({ kind: "number", value: 3 / 14, unit: "share" });
    expect(median("overdueSteps")).toEqual({ kind: "number", value: 1.5 });
  });

  it("has no row and zero figures for an empty period", () => {
    const report = computeReport("managers", { ...companyFacts(), managerOverdue: [] }, filtersOf({ from: "2023-01", to: "2023-01" }));
    expect(rowKeys(report, "managerScorecard")).toEqual([]);
    expect(headlineOf(report, "medianReleaseDays")).toEqual({ kind: "days", value: 0, group: 0 });
    expect(headlineOf(report, "declineOrLaterRate")).toEqual(rate(0, 0, 0));
    expect(cellAt(report, "managerCompanyMedian", "company-median", "releaseDecisions")).toEqual({ kind: "number", value: 0 });
  });
});
