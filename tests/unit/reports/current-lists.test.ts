import { describe, expect, it } from "vitest";
import { computeReport } from "../../../server/services/reports/compute";
import { skillsShown } from "../../../server/services/reports/metrics/skills";
import { cellAt, companyFacts, emptyFacts, filtersOf, headlineOf, rowKeys } from "./report-fixtures";

describe("people past their level's standard years", () => {
  it("lists them longest overdue first, each linking to their profile, whatever the period", () => {
    const report = computeReport("past-standard", companyFacts(), filtersOf({ from: "2020-01", to: "2020-01" }));
    // Yamada 3 years over, Kato 2, Ito 1.
    expect(rowKeys(report, "pastStandardPeople")).toEqual(["person:500", "person:502", "person:501"]);
    const yamada = report.tables[0]?.rows[0];
    expect(yamada?.href).toBe("/people/500");
    expect(yamada?.cells).toEqual({
      name: { kind: "label", label: { text: { en: "Yamada", ja: "山田" } } },
      department: { kind: "label", label: { text: { en: "CS Tokyo", ja: "CS東京" } } },
      role: { kind: "label", label: { text: { en: "Support agent", ja: "サポート担当" } } },
      level: { kind: "number", value: 2 },
      yearsAtLevel: { kind: "number", value: 6 },
      standardYears: { kind: "number", value: 3 },
    });
    expect(headlineOf(report, "peoplePastStandard")).toEqual({ kind: "number", value: 3 });
  });

  it("keeps the people of the filter department and job family", () => {
    expect(rowKeys(computeReport("past-standard", companyFacts(), filtersOf({ departmentId: 1 })), "pastStandardPeople")).toEqual(["person:500", "person:502"]);
    expect(rowKeys(computeReport("past-standard", companyFacts(), filtersOf({ jobFamilyId: 2 })), "pastStandardPeople")).toEqual(["person:501"]);
  });
});

describe("skill supply against demand", () => {
  it("lists the skills open postings require, most demanded first, with holders and postings per level", () => {
    const report = computeReport("skills", companyFacts(), filtersOf());
    // SQL is held but required by no open posting.
    expect(rowKeys(report, "skillSupplyDemand")).toEqual(["skill:2", "skill:1"]);
    expect(cellAt(report, "skillSupplyDemand", "skill:2", "supplyLevel3")).toEqual({ kind: "count", value: 3 });
    expect(cellAt(report, "skillSupplyDemand", "skill:2", "demandLevel3")).toEqual({ kind: "number", value: 2 });
    expect(cellAt(report, "skillSupplyDemand", "skill:2", "demandLevel2")).toEqual({ kind: "number", value: 1 });
    expect(cellAt(report, "skillSupplyDemand", "skill:1", "supplyLevel2")).toEqual({ kind: "count", value: 6 });
    expect(cellAt(report, "skillSupplyDemand", "skill:1", "supplyLevel3")).toEqual({ kind: "count", value: 2 });
    expect(cellAt(report, "skillSupplyDemand", "skill:1", "supplyLevel1")).toEqual({ kind: "count", value: 0 });
    expect(headlineOf(report, "skillsInDemand")).toEqual({ kind: "number", value: 2 });
    expect(report.tables[0]?.chart).toBe("bars");
  });

  it("counts supply and demand within the filter department", () => {
    const report = computeReport("skills", companyFacts(), filtersOf({ departmentId: 1 }));
    // One posting each: the lower skill id first.
    expect(rowKeys(report, "skillSupplyDemand")).toEqual(["skill:1", "skill:2"]);
    expect(cellAt(report, "skillSupplyDemand", "skill:2", "supplyLevel3")).toEqual({ kind: "count", value: 0 });
    expect(cellAt(report, "skillSupplyDemand", "skill:2", "demandLevel3")).toEqual({ kind: "number", value: 0 });
  });

  it(`shows only the ${skillsShown} most demanded skills`, () => {
    const skills = Array.from({ length: skillsShown + 5 }, (_, index) => ({ id: index + 1, name: { en: `Skill ${index + 1}`, ja: `スキル${index + 1}` } }));
    const report = computeReport(
      "skills",
      { ...emptyFacts(), skills, skillDemand: skills.map((skill) => ({ skillId: skill.id, level: 2, departmentId: 1, jobFamilyId: 1, postings: skill.id })) },
      filtersOf(),
    );
    expect(rowKeys(report, "skillSupplyDemand")).toEqual(skills.slice(5).reverse().map((skill) => `skill:${skill.id}`));
    expect(headlineOf(report, "skillsInDemand")).toEqual({ kind: "number", value: skillsShown + 5 });
  });
});
