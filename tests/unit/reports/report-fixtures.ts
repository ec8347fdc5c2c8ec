import { emptyFacts as emptyFactsOf, type ReportFacts } from "../../../server/services/reports/report.facts";
import type { Cell, ReportFilters } from "../../../server/services/reports/report.schemas";
import type { RawReport } from "../../../server/services/reports/compute";

/**
 * A small company to check the reports against figures computed by hand:
 *
 *   Customer Support (1) — 2 people directly in it
 *     ├ CS Tokyo (11)  — 10 people
 *     └ CS Osaka (12)  — 4 Support + 2 Quality people
 *   Quality Assurance (2) — 8 people
 *   HR (3)                — nobody
 *
 * The same 26 people are in post at the start of each month of 2025-Q1.
 */

export const months2025Q1 = ["2025-01", "2025-02", "2025-03"];

export function emptyFacts(): ReportFacts {
  return emptyFactsOf("2026-06-15", { rotationTargetPercent: 30, departmentRotationTargets: {} });
}

const name = (en: string, ja: string) => ({ en, ja });

export function companyFacts(): ReportFacts {
  return {
    ...emptyFacts(),
    departments: [
      { id: 1, parentId: null, name: name("Customer Support", "カスタマーサポート") },
      { id: 11, parentId: 1, name: name("CS Tokyo", "CS東京") },
      { id: 12, parentId: 1, name: name("CS Osaka", "CS大阪") },
      { id: 2, parentId: null, name: name("Quality Assurance", "品質保証") },
      { id: 3, parentId: null, name: name("HR", "人事") },
    ],
    jobFamilies: [
      { id: 1, name: name("Support", "サポート") },
      { id: 2, name: name("Quality", "品質") },
    ],
    headcount: months2025Q1.flatMap((month) => [
      { month, departmentId: 1, jobFamilyId: 1, people: 2 },
      { month, departmentId: 11, jobFamilyId: 1, people: 10 },
      { month, departmentId: 12, jobFamilyId: 1, people: 4 },
      { month, departmentId: 12, jobFamilyId: 2, people: 2 },
      { month, departmentId: 2, jobFamilyId: 2, people: 8 },
    ]),
    moves: [
      { month: "2024-12", departmentId: 11, jobFamilyId: 1, toDepartmentId: 2, toJobFamilyId: 2, moves: 5 },
      { month: "2025-01", departmentId: 11, jobFamilyId: 1, toDepartmentId: 2, toJobFamilyId: 2, moves: 2 },
      { month: "2025-02", departmentId: 2, jobFamilyId: 2, toDepartmentId: 11, toJobFamilyId: 1, moves: 1 },
      { month: "2025-03", departmentId: 12, jobFamilyId: 1, toDepartmentId: 11, toJobFamilyId: 1, moves: 1 },
    ],
    fills: [
      { month: "2025-01", departmentId: 11, jobFamilyId: 1, filled: 3, internal: 2 },
      { month: "2025-02", departmentId: 2, jobFamilyId: 2, filled: 2, internal: 0 },
      { month: "2025-03", departmentId: 12, jobFamilyId: 1, filled: 1, internal: 1 },
    ],
    timeToFill: [
      { month: "2025-01", departmentId: 11, jobFamilyId: 1, days: 10, count: 1 },
      { month: "2025-01", departmentId: 11, jobFamilyId: 1, days: 20, count: 2 },
      { month: "2025-02", departmentId: 2, jobFamilyId: 2, days: 30, count: 2 },
      { month: "2025-03", departmentId: 12, jobFamilyId: 1, days: 40, count: 1 },
    ],
    applications: [
      { month: "2025-02", departmentId: 11, jobFamilyId: 1, released: true, shortlisted: true, offered: true, finalized: true, moved: true, outcome: "completed", applications: 3 },
      { month: "2025-02", departmentId: 11, jobFamilyId: 1, released: true, shortlisted: false, offered: false, finalized: false, moved: false, outcome: "withdrawn", applications: 2 },
      { month: "2025-02", departmentId: 11, jobFamilyId: 1, released: false, shortlisted: false, offered: false, finalized: false, moved: false, outcome: "not_released", applications: 1 },
      { month: "2025-02", departmentId: 2, jobFamilyId: 2, released: true, shortlisted: true, offered: false, finalized: false, moved: false, outcome: "active", applications: 4 },
    ],
    stepDurations: [
      { month: "2025-02", departmentId: 11, jobFamilyId: 1, step: "manager_release", days: 1, count: 3 },
      { month: "2025-02", departmentId: 11, jobFamilyId: 1, step: "manager_release", days: 3, count: 2 },
      { month: "2025-02", departmentId: 11, jobFamilyId: 1, step: "hr_finalize", days: 7, count: 3 },
    ],
    managers: [
      { id: 100, name: name("Sato", "佐藤"), departmentId: 11 },
      { id: 101, name: name("Suzuki", "鈴木"), departmentId: 2 },
      { id: 102, name: name("Tanaka", "田中"), departmentId: 12 },
    ],
    managerReleases: [
      { month: "2025-02", departmentId: 11, jobFamilyId: 1, managerId: 100, decision: "approved", days: 2, overdue: false, count: 4 },
      { month: "2025-02", departmentId: 11, jobFamilyId: 1, managerId: 100, decision: "declined", days: 5, overdue: true, count: 2 },
      { month: "2025-02", departmentId: 11, jobFamilyId: 1, managerId: 100, decision: "later", days: 9, overdue: false, count: 1 },
      { month: "2025-02", departmentId: 2, jobFamilyId: 2, managerId: 101, decision: "approved", days: 1, overdue: false, count: 2 },
    ],
    managerOverdue: [{ managerId: 100, departmentId: 11, jobFamilyId: 1, open: 1 }],
    managerMoves: [
      { month: "2025-01", departmentId: 11, jobFamilyId: 1, managerId: 100, moves: 2 },
      { month: "2025-02", departmentId: 2, jobFamilyId: 2, managerId: 101, moves: 1 },
    ],
    pastStandard: [
      { personId: 500, name: name("Yamada", "山田"), departmentId: 11, jobFamilyId: 1, role: name("Support agent", "サポート担当"), level: 2, yearsAtLevel: 6, standardYears: 3 },
      { personId: 501, name: name("Ito", "伊藤"), departmentId: 2, jobFamilyId: 2, role: name("QA engineer", "QAエンジニア"), level: 3, yearsAtLevel: 5, standardYears: 4 },
      { personId: 502, name: name("Kato", "加藤"), departmentId: 12, jobFamilyId: 1, role: name("Support agent", "サポート担当"), level: 1, yearsAtLevel: 4, standardYears: 2 },
    ],
    skills: [
      { id: 1, name: name("Zendesk", "Zendesk") },
      { id: 2, name: name("Test automation", "テスト自動化") },
      { id: 3, name: name("SQL", "SQL") },
    ],
    skillDemand: [
      { skillId: 2, level: 3, departmentId: 2, jobFamilyId: 2, postings: 2 },
      { skillId: 2, level: 2, departmentId: 11, jobFamilyId: 1, postings: 1 },
      { skillId: 1, level: 2, departmentId: 11, jobFamilyId: 1, postings: 1 },
    ],
    skillSupply: [
      { skillId: 1, level: 2, departmentId: 11, jobFamilyId: 1, people: 6 },
      { skillId: 1, level: 3, departmentId: 12, jobFamilyId: 1, people: 2 },
      { skillId: 2, level: 3, departmentId: 2, jobFamilyId: 2, people: 3 },
      { skillId: 3, level: 1, departmentId: 11, jobFamilyId: 1, people: 9 },
    ],
    willCoverage: [
      { month: "2025-02", departmentId: 11, jobFamilyId: 1, people: 10, reviewed: 0 },
      { month: "2025-03", departmentId: 11, jobFamilyId: 1, people: 10, reviewed: 6 },
      { month: "2025-03", departmentId: 12, jobFamilyId: 1, people: 6, reviewed: 1 },
      { month: "2025-03", departmentId: 2, jobFamilyId: 2, people: 8, reviewed: 8 },
    ],
    willFulfilment: [
      { month: "2025-01", departmentId: 11, jobFamilyId: 1, wills: 4, fulfilled: 1, observable: true },
      { month: "2025-02", departmentId: 2, jobFamilyId: 2, wills: 2, fulfilled: 2, observable: true },
      { month: "2025-03", departmentId: 12, jobFamilyId: 1, wills: 3, fulfilled: 0, observable: false },
    ],
    retention: [
      { month: "2025-01", departmentId: 11, jobFamilyId: 1, cohort: "moved", people: 2, retained: 2, observable: true },
      { month: "2025-02", departmentId: 11, jobFamilyId: 1, cohort: "declined", people: 3, retained: 1, observable: true },
      { month: "2025-01", departmentId: 11, jobFamilyId: 1, cohort: "did_not_apply", people: 10, retained: 9, observable: true },
      { month: "2025-03", departmentId: 2, jobFamilyId: 2, cohort: "moved", people: 1, retained: 0, observable: false },
    ],
    participations: [
      { month: "2024-11", departmentId: 11, jobFamilyId: 1, kind: "project", participants: 5, movedWithin12Months: 5 },
      { month: "2025-01", departmentId: 11, jobFamilyId: 1, kind: "project", participants: 4, movedWithin12Months: 1 },
      { month: "2025-02", departmentId: 2, jobFamilyId: 2, kind: "trial_joining", participants: 2, movedWithin12Months: 1 },
    ],
    rotationTargetPercent: 30,
    departmentRotationTargets: { "1": 20, "11": 50, "2": 60 },
  };
}

export function filtersOf(overrides: Partial<ReportFilters> = {}): ReportFilters {
  return { from: "2025-01", to: "2025-03", departmentId: null, jobFamilyId: null, ...overrides };
}

function tableOf(report: RawReport, tableId: string) {
  const table = report.tables.find((candidate) => candidate.id === tableId);
  if (!table) throw new Error(`no table ${tableId}`);
  return table;
}

export function rowKeys(report: RawReport, tableId: string): string[] {
  return tableOf(report, tableId).rows.map((row) => row.key);
}

export function cellAt(report: RawReport, tableId: string, rowKey: string, columnId: string): Cell | undefined {
  return tableOf(report, tableId).rows.find((row) => row.key === rowKey)?.cells[columnId];
}

export function totalAt(report: RawReport, tableId: string, columnId: string): Cell | undefined {
  return tableOf(report, tableId).total?.[columnId];
}

export function headlineOf(report: RawReport, id: string): Cell | undefined {
  return report.headlines.find((headline) => headline.id === id)?.cell;
}

/** The value of a count, number or days cell; a rate's value, numerator and denominator. */
export function valueOf(cell: Cell | undefined): number | null | undefined {
  return cell && "value" in cell ? cell.value : undefined;
}

export function rate(numerator: number, denominator: number, value = denominator === 0 ? 0 : numerator / denominator): Cell {
  return { kind: "rate", value, numerator, denominator };
}

export function sumColumn(report: RawReport, tableId: string, columnId: string): number {
  return tableOf(report, tableId).rows.reduce((sum, row) => sum + (valueOf(row.cells[columnId]) ?? 0), 0);
}
