import { describe, expect, it } from "vitest";
import { addMonths, departmentPartition, departmentSubtree, departmentTree, medianDays, monthsOfPeriod, neighbourFilters, p90Days, quarterKey, quartersOfPeriod, ancestorAtDepth, departmentDepth } from "../../../server/services/reports/compute";
import { companyFacts, filtersOf } from "./report-fixtures";

const departments = companyFacts().departments;

describe("report periods", () => {
  it("lists the months of a period across a year end", () => {
    expect(monthsOfPeriod("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(monthsOfPeriod("2025-03", "2025-03")).toEqual(["2025-03"]);
    expect(addMonths("2025-01", -1)).toBe("2024-12");
    expect(addMonths("2024-12", 1)).toBe("2025-01");
    expect(addMonths("2025-06", 19)).toBe("2027-01");
  });

  it("groups months into calendar quarters, cutting the first and last at the period", () => {
    expect(quarterKey("2025-01")).toBe("2025-Q1");
    expect(quarterKey("2025-04")).toBe("2025-Q2");
    expect(quarterKey("2025-12")).toBe("2025-Q4");
    expect(quartersOfPeriod("2024-12", "2025-04")).toEqual([
      { quarter: "2024-Q4", months: ["2024-12"] },
      { quarter: "2025-Q1", months: ["2025-01", "2025-02", "2025-03"] },
      { quarter: "2025-Q2", months: ["2025-04"] },
    ]);
  });
});

describe("durations from whole-day histograms", () => {
  it("takes the middle case for an odd count and the mean of the two middle cases for an even count", () => {
    // 1, 3, 8
    expect(medianDays([{ days: 8, count: 1 }, { days: 1, count: 1 }, { days: 3, count: 1 }])).toBe(3);
    // 1, 3, 8, 20 → (3 + 8) / 2
    expect(medianDays([{ days: 20, count: 1 }, { days: 1, count: 1 }, { days: 3, count: 1 }, { days: 8, count: 1 }])).toBe(5.5);
    // 2, 2, 2, 4, 4, 4 → (2 + 4) / 2, the two middle cases in different buckets
    expect(medianDays([{ days: 2, count: 3 }, { days: 4, count: 3 }])).toBe(3);
    // The same duration in two buckets (two departments) counts as one bucket.
    expect(medianDays([{ days: 5, count: 1 }, { days: 5, count: 1 }, { days: 9, count: 1 }])).toBe(5);
  });

  it("takes the 90th percentile by nearest rank: the case at rank ⌈0.9 n⌉", () => {
    // n = 10 → rank 9: 1..10 → 9
    expect(p90Days(Array.from({ length: 10 }, (_, index) => ({ days: index + 1, count: 1 })))).toBe(9);
    // n = 11 → rank ⌈9.9⌉ = 10
    expect(p90Days(Array.from({ length: 11 }, (_, index) => ({ days: index + 1, count: 1 })))).toBe(10);
    // n = 3 → rank 3: the longest
    expect(p90Days([{ days: 1, count: 2 }, { days: 30, count: 1 }])).toBe(30);
    // n = 1
    expect(p90Days([{ days: 4, count: 1 }])).toBe(4);
  });

  it("gives 0 for no case", () => {
    expect(medianDays([])).toBe(0);
    expect(p90Days([{ days: 12, count: 0 }])).toBe(0);
  });
});

describe("the department partition", () => {
  const tree = departmentTree(departments);

  it("holds a department and everything below it", () => {
    expect([...departmentSubtree(tree, 1)].sort((a, b) => a - b)).toEqual([1, 11, 12]);
    expect([...departmentSubtree(tree, 11)]).toEqual([11]);
    expect(departmentDepth(tree, 12)).toBe(1);
    expect(ancestorAtDepth(tree, 12, 0)).toBe(1);
    expect(ancestorAtDepth(tree, 12, 1)).toBe(12);
    expect(ancestorAtDepth(tree, 2, 1)).toBe(2);
  });

  it("compares the divisions of a company that hangs under a single root", () => {
    const root = { id: 100, parentId: null, name: { ja: "本社", en: "Head office" } };
    const underRoot = departmentTree([root, ...departments.map((department) => (department.parentId === null ? { ...department, parentId: 100 } : department))]);
    const rows = departmentPartition(underRoot, null, (id) => id === 100);
    expect(rows.map((row) => row.key)).toEqual(["department:1", "department:2", "department:3", "department:100:direct"]);
  });

  it("is the top-level departments without a department filter", () => {
    expect(departmentPartition(tree, null, () => true).map((row) => row.key)).toEqual(["department:1", "department:2", "department:3"]);
  });

  it("is the children plus the people directly in the filter department, when there are any", () => {
    const withDirect = departmentPartition(tree, 1, (id) => id === 1);
    expect(withDirect.map((row) => row.key)).toEqual(["department:11", "department:12", "department:1:direct"]);
    expect(withDirect.at(-1)?.label).toEqual({ text: { en: "Customer Support (direct members)", ja: "カスタマーサポート（直属）" } });
    expect([...(withDirect.at(-1)?.departmentIds ?? [])]).toEqual([1]);
    expect(departmentPartition(tree, 1, () => false).map((row) => row.key)).toEqual(["department:11", "department:12"]);
  });

  it("covers each department of the filter exactly once", () => {
    const rows = departmentPartition(tree, 1, () => true);
    const covered = rows.flatMap((row) => [...row.departmentIds]).sort((a, b) => a - b);
    expect(covered).toEqual([...departmentSubtree(tree, 1)].sort((a, b) => a - b));
  });
});

describe("neighbour filters", () => {
  it("compares a top-level department with the whole company and with each child", () => {
    const neighbours = neighbourFilters(filtersOf({ departmentId: 1 }), departments);
    expect(neighbours).toContainEqual(filtersOf({ departmentId: null }));
    expect(neighbours).toContainEqual(filtersOf({ departmentId: 11 }));
    expect(neighbours).toContainEqual(filtersOf({ departmentId: 12 }));
  });

  it("compares a sub-department with its parent, and a department without children with no child", () => {
    const neighbours = neighbourFilters(filtersOf({ departmentId: 11 }), departments);
    expect(neighbours.filter((filters) => filters.departmentId !== 11)).toEqual([filtersOf({ departmentId: 1 })]);
  });

  it("lengthens the period by a month at either end and shortens it only when it has two months or more", () => {
    expect(neighbourFilters(filtersOf(), departments)).toEqual([
      filtersOf({ from: "2024-12" }),
      filtersOf({ to: "2025-04" }),
      filtersOf({ from: "2025-02" }),
      filtersOf({ to: "2025-02" }),
    ]);
    expect(neighbourFilters(filtersOf({ from: "2025-03", to: "2025-03" }), departments)).toEqual([
      filtersOf({ from: "2025-02", to: "2025-03" }),
      filtersOf({ from: "2025-03", to: "2025-04" }),
    ]);
  });

  it("drops the job family when one is set", () => {
    expect(neighbourFilters(filtersOf({ jobFamilyId: 2 }), departments)).toContainEqual(filtersOf({ jobFamilyId: null }));
    expect(neighbourFilters(filtersOf(), departments).every((filters) => filters.jobFamilyId === null)).toBe(true);
  });
});
