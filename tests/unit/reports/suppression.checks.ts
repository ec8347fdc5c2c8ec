import type { Cell } from "../../../server/services/reports/report.schemas";
import type { RawReport } from "../../../server/services/reports/compute";

/*
 * What a reader of published reports can see, and the ways it must not single anybody out.
 * Each check returns the breaches it finds (an empty list when there is none), so a failing
 * property prints where the group leaked.
 */

/** The people counts a shown cell discloses; null when it is suppressed or counts nobody. */
export function shownCounts(cell: Cell): number[] | null {
  switch (cell.kind) {
    case "count":
      return cell.value === null ? null : [cell.value];
    case "rate":
      return cell.value === null || cell.numerator === null || cell.denominator === null ? null : [cell.numerator, cell.denominator];
    case "days":
      return cell.value === null || cell.group === null ? null : [cell.group];
    default:
      return null;
  }
}

export function isSmall(count: number, threshold: number) {
  return count > 1e-9 && count < threshold - 1e-9;
}

/** Every suppressible cell of a report by where it is. */
export function cellsByPlace(report: RawReport): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const headline of report.headlines) cells.set(`headline ${headline.id}`, headline.cell);
  for (const table of report.tables) {
    for (const row of table.rows) for (const [column, cell] of Object.entries(row.cells)) cells.set(`${table.id} / ${row.key} / ${column}`, cell);
    for (const [column, cell] of Object.entries(table.total ?? {})) cells.set(`${table.id} / total / ${column}`, cell);
  }
  return cells;
}

/** Shown cells counting between 1 and threshold − 1 people. */
export function smallShownCells(report: RawReport, threshold: number): string[] {
  return [...cellsByPlace(report)].filter(([, cell]) => shownCounts(cell)?.some((count) => isSmall(count, threshold))).map(([place]) => place);
}

/**
 * Cells shown in both reports whose counts differ by 1 to threshold − 1; between reports of
 * different periods, averages over months (fractional counts) are not people and are left out.
 */
export function smallDifferences(report: RawReport, neighbour: RawReport, threshold: number, otherPeriod = false): string[] {
  const theirs = cellsByPlace(neighbour);
  return [...cellsByPlace(report)].flatMap(([place, cell]) => {
    const mine = shownCounts(cell);
    const other = theirs.get(place);
    const their = other && other.kind === cell.kind ? shownCounts(other) : null;
    if (!mine || !their) return [];
    const comparable = (count: number, theirs: number) => !otherPeriod || (Number.isInteger(count) && Number.isInteger(theirs));
    return mine.some((count, measure) => comparable(count, their[measure]!) && isSmall(Math.abs(count - their[measure]!), threshold)) ? [`${place}: ${mine} vs ${their}`] : [];
  });
}

type Place = { table: number; row: number | "total" | null; column: string };
type Sum = { name: string; total: Place & { measure: number }; parts: Place[]; measure: number; partition: boolean };

function cellAt(report: RawReport, place: Place): Cell {
  if (place.row === null) return report.headlines.find((headline) => headline.id === place.column)!.cell;
  const table = report.tables[place.table]!;
  return place.row === "total" ? table.total![place.column]! : table.rows[place.row]!.cells[place.column]!;
}

/**
 * The sums a reader can check in a raw report: each column of a table with a total against that
 * total, and each column of a table without one against any headline or total equal to its sum.
 */
function sumsOf(raw: RawReport): Sum[] {
  const wholes: (Place & { counts: number[] })[] = [
    ...raw.headlines.map((headline) => ({ table: -1, row: null, column: headline.id, counts: rawCounts(headline.cell) ?? [] })),
    ...raw.tables.flatMap((table, tableIndex) => Object.entries(table.total ?? {}).map(([column, cell]) => ({ table: tableIndex, row: "total" as const, column, counts: rawCounts(cell) ?? [] }))),
  ];
  return raw.tables.flatMap((table, tableIndex) => {
    const columns = [...new Set(table.rows.flatMap((row) => Object.keys(row.cells)))];
    return columns.flatMap((column) => {
      const parts: Place[] = table.rows.flatMap((row, rowIndex) => (row.cells[column] ? [{ table: tableIndex, row: rowIndex, column }] : []));
      const partCounts = parts.map((part) => rawCounts(cellAt(raw, part)));
      if (parts.length === 0 || partCounts.some((counts) => counts === null)) return [];
      return partCounts[0]!.flatMap((_, measure) => {
        const sum = partCounts.reduce((acc, counts) => acc + counts![measure]!, 0);
        const totals = table.total
          ? table.total[column] && rawCounts(table.total[column])
            ? [{ table: tableIndex, row: "total" as const, column, measure }]
            : []
          : sum > 0
            ? wholes.flatMap((whole) => whole.counts.flatMap((count, wholeMeasure) => (Math.abs(count - sum) < 1e-9 ? [{ ...whole, measure: wholeMeasure }] : [])))
            : [];
        return totals.map((total) => {
          const totalCount = rawCounts(cellAt(raw, total))![total.measure]!;
          return { name: `${table.id} / ${column} against ${total.row === null ? `headline ${total.column}` : `total ${total.column}`}`, total, parts, measure, partition: Math.abs(totalCount - sum) <= 1e-9 * Math.max(1, sum) };
        });
      });
    });
  });
}

/** Sums whose shown total minus its shown parts is between 1 and threshold − 1. */
export function revealingTotals(published: RawReport, raw: RawReport, threshold: number): string[] {
  return sumsOf(raw).flatMap(({ name, total, parts, measure }) => {
    const totalCount = shownCounts(cellAt(published, total))?.[total.measure];
    if (totalCount === undefined) return [];
    const unexplained = parts.reduce((rest, part) => rest - (shownCounts(cellAt(published, part))?.[measure] ?? 0), totalCount);
    return isSmall(unexplained, threshold) ? [`${name}: ${totalCount} leaves ${unexplained}`] : [];
  });
}

/** Sums whose parts add up to the total exactly with one cell hidden among them: subtracting the shown ones gives it back. */
export function loneHiddenCells(published: RawReport, raw: RawReport): string[] {
  return sumsOf(raw).flatMap(({ name, total, parts, partition }) => {
    const hidden = [total, ...parts].filter((place) => shownCounts(cellAt(published, place)) === null).length;
    return partition && hidden === 1 ? [name] : [];
  });
}

/**
 * Shown cells that changed from the raw report. A suppressed cell is not a change, nor is a
 * judgement withdrawn as "suppressed" or a headline recounted from the judgements left to see.
 */
export function changedShownCells(published: RawReport, raw: RawReport): string[] {
  const before = cellsByPlace(raw);
  const recounted = new Set(published.headlines.filter((headline) => headline.countsLabel).map((headline) => `headline ${headline.id}`));
  const withdrawn = (cell: Cell) => cell.kind === "label" && "message" in cell.label && cell.label.message === "suppressed";
  return [...cellsByPlace(published)]
    .filter(([place, cell]) => !recounted.has(place) && !withdrawn(cell))
    .filter(([place, cell]) => (shownCounts(cell) !== null || cell.kind === "label" || cell.kind === "number") && JSON.stringify(cell) !== JSON.stringify(before.get(place)))
    .map(([place]) => place);
}

/** Judgements ("above target") still shown beside the figure they judge when that figure is hidden. */
export function judgementsOfHiddenFigures(published: RawReport): string[] {
  return published.tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      Object.entries(row.cells)
        .filter(([, cell]) => cell.kind === "label" && cell.judges !== undefined && !("message" in cell.label && cell.label.message === "suppressed"))
        .filter(([, cell]) => cell.kind === "label" && shownCounts(row.cells[cell.judges!]!) === null)
        .map(([column]) => `${table.id} / ${row.key} / ${column}`),
    ),
  );
}

function rawCounts(cell: Cell): number[] | null {
  return cell.kind === "count" ? [cell.value!] : cell.kind === "rate" ? [cell.numerator!, cell.denominator!] : cell.kind === "days" ? [cell.group!] : null;
}

/**
 * Counts of hidden cells that a shown cell of the same row still discloses (a rate hidden beside
 * the count of its numerator), that a shown headline or total discloses for a hidden one, or that a
 * shown share discloses as its denominator for a hidden headline or total.
 */
export function countsShownElsewhere(published: RawReport, raw: RawReport): string[] {
  const scopes: { place: string; raw: Cell; shown: Cell }[][] = raw.tables.flatMap((table, tableIndex) => {
    const shown = published.tables[tableIndex]!;
    return table.rows.map((row, rowIndex) => Object.entries(row.cells).map(([column, cell]) => ({ place: `${table.id} / ${row.key} / ${column}`, raw: cell, shown: shown.rows[rowIndex]!.cells[column]! })));
  });
  scopes.push([
    ...raw.headlines.map((headline, index) => ({ place: `headline ${headline.id}`, raw: headline.cell, shown: published.headlines[index]!.cell })),
    ...raw.tables.flatMap((table, tableIndex) => Object.entries(table.total ?? {}).map(([column, cell]) => ({ place: `${table.id} / total / ${column}`, raw: cell, shown: published.tables[tableIndex]!.total![column]! }))),
  ]);
  const everywhere = scopes.flat();
  const aggregates = scopes.at(-1)!;
  const shownAggregateCounts = aggregates.flatMap((whole) =>
    rawCounts(whole.raw) !== null && shownCounts(whole.shown) === null
      ? everywhere
          .filter((cell) => cell !== whole && cell.shown.kind === "rate" && shownCounts(cell.shown) !== null && cell.shown.denominator !== 0 && rawCounts(whole.raw)!.includes(cell.shown.denominator!))
          .map((cell) => `${cell.place} is a share of ${whole.place}`)
      : [],
  );
  return shownAggregateCounts.concat(scopes.flatMap((scope) => {
    const hidden = scope.filter((cell) => rawCounts(cell.raw) !== null && shownCounts(cell.shown) === null);
    return scope.flatMap((cell) => {
      const shown = shownCounts(cell.shown) ?? [];
      return hidden.filter((other) => rawCounts(other.raw)!.some((count) => count !== 0 && shown.includes(count))).map((other) => `${cell.place} shows a count of ${other.place}`);
    });
  }));
}
