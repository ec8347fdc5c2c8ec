import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell, Headline, ReportTable } from "../../../server/services/reports/report.schemas";
import type { RawReport } from "../../../server/services/reports/compute";
import { suppress } from "../../../server/services/reports/suppression";
import { changedShownCells, countsShownElsewhere, loneHiddenCells, revealingTotals, smallDifferences, smallShownCells } from "./suppression.checks";

const k = 5;
const count = (value: number): Cell => ({ kind: "count", value });
const rate = (numerator: number, denominator: number): Cell => ({ kind: "rate", value: denominator === 0 ? 0 : numerator / denominator, numerator, denominator });
const days = (value: number, group: number): Cell => ({ kind: "days", value, group });
const hiddenCount: Cell = { kind: "count", value: null };
const hiddenRate: Cell = { kind: "rate", value: null, numerator: null, denominator: null };
const hiddenDays: Cell = { kind: "days", value: null, group: null };

/** A one-column table of departments with a total. */
function byDepartment(values: Record<string, Cell>, total: Cell, column = "moves"): ReportTable {
  return {
    id: "byDepartment",
    columns: [{ id: column, kind: total.kind === "label" ? "label" : total.kind }],
    rows: Object.entries(values).map(([key, cell]) => ({ key, label: { message: key }, cells: { [column]: cell } })),
    total: { [column]: total },
  };
}

function report(tables: ReportTable[], headlines: Headline[] = []): RawReport {
  return { headlines, tables };
}

/** The cells of a one-column table, row by row, then the total. */
function column(published: RawReport, name = "moves") {
  const table = published.tables[0]!;
  return [...table.rows.map((row) => row.cells[name]), table.total![name]];
}

describe("primary and complementary suppression", () => {
  it("hides a group smaller than the threshold and the next-smallest row, so the total cannot give it back", () => {
    const published = suppress(report([byDepartment({ sales: count(3), support: count(10), qa: count(12) }, count(25))]), [], k);
    expect(column(published)).toEqual([hiddenCount, hiddenCount, count(12), count(25)]);
  });

  it("shows zero and every group of at least the threshold", () => {
    const raw = report([byDepartment({ sales: count(0), support: count(5), qa: count(12) }, count(17))]);
    expect(suppress(raw, [], k)).toEqual(raw);
  });

  it("hides the total when it alone would give back the one hidden row, and a headline repeating it", () => {
    const raw = report([byDepartment({ sales: count(10), support: count(0) }, count(10))], [{ id: "moves", cell: count(10), formula: "moves" }]);
    // Beside it, sales has two people more; three people of a new department make up the total's difference.
    const neighbour = report([byDepartment({ sales: count(12), support: count(0), hr: count(3) }, count(15))], [{ id: "moves", cell: count(15), formula: "moves" }]);
    const published = suppress(raw, [neighbour], k);
    expect(column(published)).toEqual([hiddenCount, count(0), hiddenCount]);
    expect(published.headlines[0]!.cell).toEqual(hiddenCount);
  });

  it("hides rows until the people left out of every row are not a small group", () => {
    // A flow table leaves out moves within one department: here two of them.
    const published = suppress(report([byDepartment({ "a>b": count(9), "b>c": count(20) }, count(31))]), [], k);
    expect(column(published)).toEqual([hiddenCount, count(20), count(31)]);
  });

  it("protects rows without a total row that add up to a headline", () => {
    const quarters: ReportTable = {
      id: "mobilityByQuarter",
      columns: [{ id: "moves", kind: "count" }],
      rows: [
        { key: "2025-Q1", label: { message: "q1" }, cells: { moves: count(3) } },
        { key: "2025-Q2", label: { message: "q2" }, cells: { moves: count(8) } },
        { key: "2025-Q3", label: { message: "q3" }, cells: { moves: count(9) } },
      ],
    };
    const published = suppress(report([quarters], [{ id: "moves", cell: count(20), formula: "movesInPeriod" }]), [], k);
    expect(published.tables[0]!.rows.map((row) => row.cells.moves)).toEqual([hiddenCount, hiddenCount, count(9)]);
    expect(published.headlines[0]!.cell).toEqual(count(20));
  });

  it("hides shares whose denominator is a hidden headline, with the counts they divide", () => {
    const stages: ReportTable = {
      id: "funnelStages",
      columns: [
        { id: "applications", kind: "count" },
        { id: "shareOfApplications", kind: "rate" },
      ],
      rows: [
        { key: "applied", label: { message: "applied" }, cells: { applications: count(40), shareOfApplications: rate(40, 40) } },
        { key: "moved", label: { message: "moved" }, cells: { applications: count(10), shareOfApplications: rate(10, 40) } },
      ],
    };
    const raw = report([stages], [{ id: "applications", cell: count(40), formula: "applications" }]);
    const neighbour = report([{ ...stages, rows: [] }], [{ id: "applications", cell: count(42), formula: "applications" }]);
    const published = suppress(raw, [neighbour], k);
    expect(published.headlines[0]!.cell).toEqual(hiddenCount);
    expect(published.tables[0]!.rows.map((row) => row.cells)).toEqual([
      { applications: hiddenCount, shareOfApplications: hiddenRate },
      { applications: hiddenCount, shareOfApplications: hiddenRate },
    ]);
  });

  it("hides the count equal to a hidden rate's numerator and a headline repeating a hidden total", () => {
    const table: ReportTable = {
      id: "byDepartment",
      columns: [
        { id: "moves", kind: "count" },
        { id: "mobilityRate", kind: "rate" },
      ],
      rows: [
        { key: "sales", label: { message: "sales" }, cells: { moves: count(6), mobilityRate: rate(6, 3) } },
        { key: "qa", label: { message: "qa" }, cells: { moves: count(9), mobilityRate: rate(9, 40) } },
      ],
      total: { moves: count(15), mobilityRate: rate(15, 43) },
    };
    const published = suppress(report([table], [{ id: "mobilityRate", cell: rate(15, 43), formula: "mobilityRate" }]), [], k);
    const [sales, qa] = published.tables[0]!.rows;
    expect(sales!.cells).toEqual({ moves: hiddenCount, mobilityRate: hiddenRate });
    // The denominators 3 and 40 add up to the total's 43: the qa row's must go too, and with it its moves.
    expect(qa!.cells).toEqual({ moves: hiddenCount, mobilityRate: hiddenRate });
    expect(published.tables[0]!.total).toEqual({ moves: count(15), mobilityRate: rate(15, 43) });
    expect(published.headlines[0]!.cell).toEqual(rate(15, 43));
  });

  it("hides a rate whose numerator or denominator is a small group, and protects both sums", () => {
    const raw = report([byDepartment({ sales: rate(2, 40), support: rate(10, 50), qa: rate(12, 60), hr: rate(0, 3) }, rate(24, 153), "retention")]);
    const published = suppress(raw, [], k);
    expect(column(published, "retention")).toEqual([hiddenRate, hiddenRate, rate(12, 60), hiddenRate, rate(24, 153)]);
    expect(revealingTotals(published, raw, k)).toEqual([]);
  });

  it("hides a duration over a small group, with every figure over the same group, and protects the groups' sum", () => {
    const table: ReportTable = {
      id: "timeToFill",
      columns: [
        { id: "median", kind: "days" },
        { id: "p90", kind: "days" },
      ],
      rows: [
        { key: "sales", label: { message: "sales" }, cells: { median: days(30, 3), p90: days(44, 3) } },
        { key: "support", label: { message: "support" }, cells: { median: days(20, 9), p90: days(31, 9) } },
        { key: "qa", label: { message: "qa" }, cells: { median: days(25, 20), p90: days(40, 20) } },
      ],
      total: { median: days(24, 32), p90: days(40, 32) },
    };
    const published = suppress(report([table]), [], k);
    expect(published.tables[0]!.rows.map((row) => row.cells)).toEqual([
      { median: hiddenDays, p90: hiddenDays },
      { median: hiddenDays, p90: hiddenDays },
      { median: days(25, 20), p90: days(40, 20) },
    ]);
    expect(published.tables[0]!.total).toEqual(table.total);
  });

  it("protects a row whose cells add up to a cell of the same row", () => {
    const table: ReportTable = {
      id: "releases",
      columns: ["approved", "later", "declined", "decisions"].map((id) => ({ id, kind: "count" as const })),
      rows: [
        { key: "m1", label: { message: "m1" }, cells: { approved: count(10), later: count(3), declined: count(7), decisions: count(20) } },
        { key: "m2", label: { message: "m2" }, cells: { approved: count(12), later: count(6), declined: count(0), decisions: count(18) } },
      ],
    };
    const published = suppress(report([table]), [], k);
    expect(published.tables[0]!.rows.map((row) => row.cells)).toEqual([
      { approved: count(10), later: hiddenCount, declined: hiddenCount, decisions: count(20) },
      table.rows[1]!.cells,
    ]);
  });

  it("never hides labels and plain numbers", () => {
    const table: ReportTable = {
      id: "rotation",
      columns: [
        { id: "department", kind: "label" },
        { id: "target", kind: "number" },
        { id: "moves", kind: "count" },
      ],
      rows: [{ key: "sales", label: { message: "sales" }, cells: { department: { kind: "label", label: { message: "sales" } }, target: { kind: "number", value: 3 }, moves: count(2) } }],
    };
    const published = suppress(report([table]), [], k);
    expect(published.tables[0]!.rows[0]!.cells).toEqual({ department: { kind: "label", label: { message: "sales" } }, target: { kind: "number", value: 3 }, moves: hiddenCount });
  });
});

describe("differencing against overlapping filters", () => {
  const raw = report([byDepartment({ sales: count(10), support: count(12), qa: count(20) }, count(42))], [{ id: "moves", cell: count(42), formula: "moves" }]);

  it("hides a cell that differs from the neighbour's by fewer than the threshold, with what would give it back", () => {
    const neighbour = report([byDepartment({ sales: count(12), support: count(12), qa: count(20) }, count(44))], [{ id: "moves", cell: count(44), formula: "moves" }]);
    const published = suppress(raw, [neighbour], k);
    expect(column(published)).toEqual([hiddenCount, count(12), count(20), hiddenCount]);
    expect(published.headlines[0]!.cell).toEqual(hiddenCount);
    expect(smallDifferences(published, suppress(neighbour, [raw], k), k)).toEqual([]);
  });

  it("shows cells equal to the neighbour's or differing by at least the threshold", () => {
    const neighbour = report([byDepartment({ sales: count(10), support: count(17), qa: count(30) }, count(57))], [{ id: "moves", cell: count(57), formula: "moves" }]);
    expect(suppress(raw, [neighbour], k)).toEqual(raw);
  });

  it("shows a zero beside a neighbour's group too small to be shown there", () => {
    const here = report([byDepartment({ sales: count(0), support: count(12) }, count(12))]);
    const neighbour = report([byDepartment({ sales: count(3), support: count(20) }, count(23))]);
    expect(suppress(here, [neighbour], k)).toEqual(here);
  });

  it("compares averages over months only with a report of the same period", () => {
    const here = report([byDepartment({ sales: count(20.5), support: count(30) }, count(50.5), "averageHeadcount")]);
    const longer = { ...report([byDepartment({ sales: count(20.25), support: count(30) }, count(50.25), "averageHeadcount")]), otherPeriod: true };
    expect(suppress(here, [longer], k)).toEqual(here);
    const parent = report([byDepartment({ sales: count(22.5), support: count(30) }, count(52.5), "averageHeadcount")]);
    expect(column(suppress(here, [parent], k), "averageHeadcount")).toEqual([hiddenCount, count(30), hiddenCount]);
  });

  it("compares a rate's numerator and denominator", () => {
    const here = report([byDepartment({ sales: rate(10, 50), support: rate(20, 60) }, rate(30, 110), "retention")]);
    const neighbour = report([byDepartment({ sales: rate(10, 53), support: rate(20, 60) }, rate(30, 113), "retention")]);
    expect(column(suppress(here, [neighbour], k), "retention")).toEqual([hiddenRate, rate(20, 60), hiddenRate]);
  });
});

/*
 * Random reports and random neighbours: tables of count, rate, duration, number and label
 * columns, whose total adds up the rows, adds people in no row, or is unrelated to them (a
 * company median); rows whose cells add up to one of them; headlines repeating a total. A
 * neighbour is the same report with some rows' counts moved by a few people and rows added or
 * dropped, its totals worked out the same way.
 */
type Counts = { kind: "count"; value: number } | { kind: "rate"; numerator: number; denominator: number } | { kind: "days"; days: number; group: number };
type Kind = "count" | "rate" | "days" | "number" | "label";
type TableSpec = { kinds: Kind[]; rows: Counts[][]; total: "sum" | "more" | "unrelated" | "none"; extra: number; rowSum: boolean };
type Spec = { tables: TableSpec[]; repeatTotal: boolean; headline: number };

const people = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 4, max: 40 }));
const countsOf = (kind: Kind): fc.Arbitrary<Counts> =>
  kind === "rate"
    ? fc.tuple(people, people).map(([a, b]) => ({ kind: "rate", numerator: Math.min(a, b), denominator: Math.max(a, b) }))
    : kind === "days"
      ? fc.tuple(fc.integer({ min: 0, max: 90 }), people).map(([value, group]) => ({ kind: "days", days: value, group }))
      : people.map((value) => ({ kind: "count", value }));

const tableSpec: fc.Arbitrary<TableSpec> = fc
  .record({
    kinds: fc.array(fc.constantFrom<Kind>("count", "count", "rate", "days", "number", "label"), { minLength: 1, maxLength: 4 }),
    rowCount: fc.integer({ min: 0, max: 6 }),
    total: fc.constantFrom("sum", "sum", "more", "unrelated", "none") as fc.Arbitrary<TableSpec["total"]>,
    extra: fc.integer({ min: 1, max: 8 }),
    rowSum: fc.boolean(),
  })
  .chain(({ kinds, rowCount, total, extra, rowSum }) => {
    const allKinds: Kind[] = rowSum ? ["count", "count", "count", ...kinds] : kinds;
    return fc.array(fc.tuple(...allKinds.map(countsOf)), { minLength: rowCount, maxLength: rowCount }).map((rows) => ({ kinds: allKinds, rows, total, extra, rowSum }));
  });

const specArb: fc.Arbitrary<Spec> = fc.record({ tables: fc.array(tableSpec, { minLength: 1, maxLength: 3 }), repeatTotal: fc.boolean(), headline: people });

/** Moves each count by `shift` (consumed in turn), keeping rates' numerators within their denominators. */
function perturb(spec: Spec, shifts: number[], keep: boolean[]): Spec {
  let turn = 0;
  const shift = (value: number) => Math.max(0, value + shifts[turn++ % shifts.length]!);
  const move = (counts: Counts): Counts => {
    if (counts.kind === "count") return { ...counts, value: shift(counts.value) };
    if (counts.kind === "days") return { ...counts, group: shift(counts.group) };
    const denominator = shift(counts.denominator);
    return { ...counts, numerator: Math.min(denominator, shift(counts.numerator)), denominator };
  };
  let kept = 0;
  return {
    ...spec,
    headline: shift(spec.headline),
    tables: spec.tables.map((table) => ({
      ...table,
      extra: shift(table.extra),
      rows: [...table.rows, ...table.rows.slice(0, 1)].filter(() => keep[kept++ % keep.length]).map((row) => row.map(move)),
    })),
  };
}

function cellOf(kind: Kind, counts: Counts | undefined): Cell {
  if (kind === "number") return { kind: "number", value: 3 };
  if (kind === "label") return { kind: "label", label: { message: "label" } };
  if (counts?.kind === "rate") return rate(counts.numerator, counts.denominator);
  if (counts?.kind === "days") return days(counts.days, counts.group);
  return count(counts?.kind === "count" ? counts.value : 0);
}

function totalOf(kind: Kind, rows: Counts[], table: TableSpec): Cell {
  const sum = (pick: (counts: Counts) => number) => rows.reduce((acc, counts) => acc + pick(counts), 0) + (table.total === "more" ? table.extra : 0);
  if (table.total === "unrelated") {
    if (kind === "rate") return rate(table.extra, table.extra + 3);
    if (kind === "days") return days(40, table.extra);
    return cellOf(kind, { kind: "count", value: table.extra });
  }
  if (kind === "rate") {
    const numerator = sum((counts) => (counts.kind === "rate" ? counts.numerator : 0));
    return rate(numerator, Math.max(numerator, sum((counts) => (counts.kind === "rate" ? counts.denominator : 0))));
  }
  if (kind === "days") return days(40, sum((counts) => (counts.kind === "days" ? counts.group : 0)));
  return cellOf(kind, { kind: "count", value: sum((counts) => (counts.kind === "count" ? counts.value : 0)) });
}

function countValue(cell: Cell) {
  return cell.kind === "count" ? (cell.value ?? 0) : 0;
}

function build(spec: Spec): RawReport {
  const tables = spec.tables.map((table, index): ReportTable => {
    const columns = table.kinds.map((kind, column) => ({ id: `c${column}`, kind }));
    const rows = table.rows.map((row, rowIndex) => {
      const cells = Object.fromEntries(columns.map(({ id, kind }, column) => [id, cellOf(kind, row[column])]));
      if (table.rowSum) cells.all = count([0, 1, 2].reduce((acc, column) => acc + (row[column]?.kind === "count" ? row[column].value : 0), 0));
      return { key: `r${rowIndex}`, label: { message: `r${rowIndex}` }, cells };
    });
    const built: ReportTable = { id: `t${index}`, columns: table.rowSum ? [...columns, { id: "all", kind: "count" }] : columns, rows };
    if (table.total === "none") return built;
    const total = Object.fromEntries(columns.map(({ id, kind }, column) => [id, totalOf(kind, table.rows.flatMap((row) => (row[column] ? [row[column]] : [])), table)]));
    if (table.rowSum) total.all = count([0, 1, 2].reduce((acc, column) => acc + countValue(total[`c${column}`]!), 0));
    return { ...built, total };
  });
  const headlines: Headline[] = [{ id: "people", cell: count(spec.headline), formula: "people" }];
  const firstTotal = tables[0]?.total?.c0;
  if (spec.repeatTotal && firstTotal) headlines.push({ id: "repeated", cell: firstTotal, formula: "repeated" });
  // A table without a total row whose first column adds up to a headline, as quarters add up to the period.
  spec.tables.forEach((table, index) => {
    const kind = table.kinds[0];
    if (!spec.repeatTotal || table.total !== "none" || table.rows.length === 0) return;
    const parts = table.rows.map((row) => row[0]!);
    const total = (pick: (counts: Counts) => number) => parts.reduce((acc, counts) => acc + pick(counts), 0);
    if (kind === "count") headlines.push({ id: `sum${index}`, cell: count(total((counts) => (counts.kind === "count" ? counts.value : 0))), formula: "sum" });
    if (kind === "rate") {
      const numerator = total((counts) => (counts.kind === "rate" ? counts.numerator : 0));
      headlines.push({ id: `sum${index}`, cell: rate(numerator, Math.max(numerator, Math.ceil(total((counts) => (counts.kind === "rate" ? counts.denominator : 0)) / 2))), formula: "sum" });
    }
  });
  return { headlines, tables };
}

const scenario = fc.record({
  threshold: fc.constantFrom(2, 3, 5),
  spec: specArb,
  neighbours: fc.array(fc.record({ shifts: fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 12 }), keep: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }) }), {
    minLength: 1,
    maxLength: 3,
  }),
});

describe("suppression over random reports", () => {
  it("shows no small group, no small difference from a neighbour, no total or sibling cell that gives one back; is stable and changes no shown value", () => {
    fc.assert(
      fc.property(scenario, ({ threshold, spec, neighbours }) => {
        const raw = build(spec);
        const others = neighbours.map(({ shifts, keep }) => build(perturb(spec, shifts, keep)));
        const published = suppress(raw, others, threshold);

        expect(smallShownCells(published, threshold)).toEqual([]);
        expect(revealingTotals(published, raw, threshold)).toEqual([]);
        expect(loneHiddenCells(published, raw)).toEqual([]);
        expect(changedShownCells(published, raw)).toEqual([]);
        expect(countsShownElsewhere(published, raw)).toEqual([]);
        expect(suppress(published, others, threshold)).toEqual(published);
        for (const other of others) {
          const theirs = suppress(other, [raw], threshold);
          expect(smallDifferences(published, theirs, threshold)).toEqual([]);
        }
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
