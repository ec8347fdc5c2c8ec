import type { Cell, ReportTable } from "../../../server/services/reports/report.schemas";
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

/** Cells shown in both reports whose counts differ by 1 to threshold − 1. */
export function smallDifferences(report: RawReport, neighbour: RawReport, threshold: number): string[] {
  const theirs = cellsByPlace(neighbour);
  return [...cellsByPlace(report)].flatMap(([place, cell]) => {
    const mine = shownCounts(cell);
    const other = theirs.get(place);
    const their = other && other.kind === cell.kind ? shownCounts(other) : null;
    if (!mine || !their) return [];
    return mine.some((count, measure) => isSmall(Math.abs(count - their[measure]!), threshold)) ? [`${place}: ${mine} vs ${their}`] : [];
  });
}

function columnCounts(table: ReportTable, column: string) {
  return table.rows.flatMap((row) => (row.cells[column] ? [row.cells[column]] : []));
}

/** Columns of tables with a shown total where the total minus the shown rows is between 1 and threshold − 1. */
export function revealingTotals(report: RawReport, threshold: number): string[] {
  return report.tables.flatMap((table) =>
    Object.entries(table.total ?? {}).flatMap(([column, totalCell]) => {
      const total = shownCounts(totalCell);
      if (!total) return [];
      return total.flatMap((count, measure) => {
        const unexplained = columnCounts(table, column).reduce((rest, cell) => rest - (shownCounts(cell)?.[measure] ?? 0), count);
        return isSmall(unexplained, threshold) ? [`${table.id} / ${column}: ${count} leaves ${unexplained}`] : [];
      });
    }),
  );
}

/**
 * Columns whose rows add up to the total (in the raw report) with exactly one cell hidden among
 * the rows and the total: subtracting the shown ones gives it back.
 */
export function loneHiddenCells(published: RawReport, raw: RawReport): string[] {
  return raw.tables.flatMap((table, tableIndex) => {
    const shown = published.tables[tableIndex]!;
    return Object.entries(table.total ?? {}).flatMap(([column, totalCell]) => {
      const total = rawCounts(totalCell);
      if (!total) return [];
      const parts = columnCounts(table, column).map(rawCounts);
      const partition = parts.length > 0 && total.some((count, measure) => Math.abs(parts.reduce((sum, part) => sum + (part?.[measure] ?? 0), 0) - count) <= 1e-9 * Math.max(1, count));
      const cells = [...columnCounts(shown, column), shown.total![column]!];
      const hidden = cells.filter((cell) => shownCounts(cell) === null).length;
      return partition && hidden === 1 ? [`${table.id} / ${column}`] : [];
    });
  });
}

/** Shown cells that changed from the raw report (a suppressed cell is not a change). */
export function changedShownCells(published: RawReport, raw: RawReport): string[] {
  const before = cellsByPlace(raw);
  return [...cellsByPlace(published)].filter(([place, cell]) => (shownCounts(cell) !== null || cell.kind === "label" || cell.kind === "number") && JSON.stringify(cell) !== JSON.stringify(before.get(place))).map(([place]) => place);
}

function rawCounts(cell: Cell): number[] | null {
  return cell.kind === "count" ? [cell.value!] : cell.kind === "rate" ? [cell.numerator!, cell.denominator!] : cell.kind === "days" ? [cell.group!] : null;
}

/**
 * Counts of hidden cells that a shown cell of the same row still discloses (a rate hidden beside
 * the count of its numerator), or that a shown headline or total discloses for a hidden one.
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
  return scopes.flatMap((scope) => {
    const hidden = scope.filter((cell) => rawCounts(cell.raw) !== null && shownCounts(cell.shown) === null);
    return scope.flatMap((cell) => {
      const shown = shownCounts(cell.shown) ?? [];
      return hidden.filter((other) => rawCounts(other.raw)!.some((count) => count !== 0 && shown.includes(count))).map((other) => `${cell.place} shows a count of ${other.place}`);
    });
  });
}
