import { describe, expect, it } from "vitest";
import { computeReport } from "../../../server/services/reports/compute";
import { cellAt, companyFacts, filtersOf, headlineOf, rowKeys, sumColumn, totalAt, valueOf } from "./report-fixtures";

describe("flows between departments and job families", () => {
  it("joins the company's top-level departments and drops moves within one", () => {
    const report = computeReport("flows", companyFacts(), filtersOf());
    // CS Tokyo → QA (2), QA → CS Tokyo (1); CS Osaka → CS Tokyo stays within Customer Support.
    expect(rowKeys(report, "departmentFlows")).toEqual(["department:1>department:2", "department:2>department:1"]);
    expect(cellAt(report, "departmentFlows", "department:1>department:2", "from")).toEqual({ kind: "label", label: { text: { en: "Customer Support", ja: "カスタマーサポート" } } });
    expect(cellAt(report, "departmentFlows", "department:1>department:2", "to")).toEqual({ kind: "label", label: { text: { en: "Quality Assurance", ja: "品質保証" } } });
    expect(report.tables.find((table) => table.id === "departmentFlows")?.rows[0]?.label).toEqual({ text: { en: "Customer Support → Quality Assurance", ja: "カスタマーサポート → 品質保証" } });
    expect(totalAt(report, "departmentFlows", "moves")).toEqual({ kind: "count", value: 3 });
    expect(headlineOf(report, "flowMoves")).toEqual({ kind: "count", value: 3 });
    expect(report.tables.map((table) => table.chart)).toEqual(["sankey", "sankey"]);
  });

  it("names an end outside the filter by its own department at the rows' depth, not by the division above it", () => {
    const facts = companyFacts();
    const qaTeam = { id: 21, parentId: 2, name: { ja: "品質保証チーム", en: "QA Team" } };
    const deeper = { ...facts, departments: [...facts.departments, qaTeam], moves: facts.moves.map((atom) => (atom.toDepartmentId === 2 ? { ...atom, toDepartmentId: 21 } : atom)) };
    const filtered = computeReport("flows", deeper, filtersOf({ departmentId: 1 }));
    expect(cellAt(filtered, "departmentFlows", "department:11>department:21", "to")).toEqual({ kind: "label", label: { text: qaTeam.name } });
    // Without a filter the rows are the top-level departments, and the team counts in Quality Assurance.
    expect(rowKeys(computeReport("flows", deeper, filtersOf()), "departmentFlows")).toContain("department:1>department:2");
  });

  it("shows a filter department's sub-departments, and the other end outside it as its top-level department", () => {
    const report = computeReport("flows", companyFacts(), filtersOf({ departmentId: 1 }));
    expect(rowKeys(report, "departmentFlows")).toEqual(["department:11>department:2", "department:12>department:11", "department:2>department:11"]);
    expect(valueOf(cellAt(report, "departmentFlows", "department:11>department:2", "moves"))).toBe(2);
    expect(sumColumn(report, "departmentFlows", "moves")).toBe(valueOf(totalAt(report, "departmentFlows", "moves")));
  });

  it("puts the people directly in a department without sub-departments in one node", () => {
    const report = computeReport("flows", companyFacts(), filtersOf({ departmentId: 2 }));
    expect(rowKeys(report, "departmentFlows")).toEqual(["department:11>department:2:direct", "department:2:direct>department:11"]);
    expect(cellAt(report, "departmentFlows", "department:11>department:2:direct", "to")).toEqual({ kind: "label", label: { text: { en: "Quality Assurance (direct members)", ja: "品質保証（直属）" } } });
  });

  it("joins job families, keeping moves with either family in the filter", () => {
    const report = computeReport("flows", companyFacts(), filtersOf({ jobFamilyId: 2 }));
    expect(rowKeys(report, "jobFamilyFlows")).toEqual(["family:1>family:2", "family:2>family:1"]);
    expect(valueOf(cellAt(report, "jobFamilyFlows", "family:1>family:2", "moves"))).toBe(2);
    // CS Osaka → CS Tokyo stayed in Support: outside a Quality filter.
    expect(rowKeys(report, "departmentFlows")).toEqual(["department:1>department:2", "department:2>department:1"]);
  });

  it("is empty for an empty period", () => {
    const report = computeReport("flows", companyFacts(), filtersOf({ from: "2023-01", to: "2023-01" }));
    expect(report.tables.every((table) => table.rows.length === 0)).toBe(true);
    expect(headlineOf(report, "flowMoves")).toEqual({ kind: "count", value: 0 });
  });
});
