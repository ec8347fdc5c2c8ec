import type { RawReport } from "./compute";
import type { Cell } from "./report.schemas";

/**
 * A report for an overlapping filter, to compare with. `otherPeriod` when it covers other months:
 * an average over months (a fractional count, such as an average headcount) then differs from
 * the report's by a fraction of a month's figure, which isolates nobody, and is not compared.
 */
export type NeighbourReport = RawReport & { otherPeriod?: boolean };

/**
 * Small-group suppression: nobody may be singled out by a report, by its CSV export, or by
 * comparing two reports whose filters overlap.
 *
 * A cell's people counts are what it discloses about a group: a count's value, a rate's
 * numerator and denominator, a duration's group. Labels and plain numbers count nobody and are
 * always shown. A cell is hidden whole (its kind kept, its value and counts null) when:
 *
 * 1. primary: one of its counts is between 1 and threshold − 1 (zero is shown);
 * 2. differencing: the same cell of a neighbour report (same table, row key and column; headlines
 *    by id) has counts the neighbour shows, and one of them differs from this cell's by 1 to
 *    threshold − 1, so subtracting the two would expose the few people in between (averages over
 *    months are compared only between reports of the same period);
 * 3. complementary, repeated until nothing changes:
 *    - in a table with a total, for each column and each count, what the total leaves unexplained
 *      by the visible rows (total − sum of the visible rows) is 0 or at least the threshold; when
 *      the rows add up to the total exactly, a hidden cell never stands alone among the rows and
 *      the total, or the subtraction would give it back;
 *    - the same for a table without a total row whose rows add up to a figure given elsewhere in
 *      the report (quarters to the period's headline);
 *    - the same across a row when one count column is the sum of the other count columns in
 *      every row of the table;
 *    - cells that disclose the same count (a rate's numerator beside the count it divides, a
 *      median and a 90th percentile over one group, a headline repeating a table's total) are
 *      hidden together: within a row, and among the headlines and the totals; and a hidden
 *      headline or total hides the shares of it (rates whose denominator is one of its counts).
 *    The cell hidden to complete a group is the smallest visible non-zero one, the total last.
 *
 * Cells already null in the input are taken as suppressed, and a sum involving one as already
 * protected, so suppressing a suppressed report changes nothing.
 */
export function suppress(raw: RawReport, neighbours: NeighbourReport[], threshold: number): RawReport {
  const small = (count: number) => count > EPSILON && count < threshold - EPSILON;
  const layout = lay(raw);
  const { entries } = layout;
  const hidden = entries.map((entry) => entry.counts === null || entry.counts.some(small));

  for (const neighbour of neighbours) {
    const theirs = new Map(lay(neighbour).entries.map((entry) => [entry.key, entry]));
    entries.forEach((entry, index) => {
      const other = theirs.get(entry.key);
      if (hidden[index] || entry.counts === null || !other || other.cell.kind !== entry.cell.kind) return;
      // A neighbour cell that is itself below the threshold is never shown: nothing to subtract from.
      if (other.counts === null || other.counts.some(small)) return;
      const theirCounts = other.counts;
      const comparable = (count: number, theirs: number) => !neighbour.otherPeriod || (Number.isInteger(count) && Number.isInteger(theirs));
      if (entry.counts.some((count, measure) => comparable(count, theirCounts[measure]!) && small(Math.abs(count - theirCounts[measure]!)))) hidden[index] = true;
    });
  }

  const sums = sumRelations(layout);
  const links = linkedCells(layout);
  complete(hidden, entries, sums, links, small);

  let position = 0;
  const next = () => hidden[position++]!;
  return {
    headlines: raw.headlines.map((headline) => (isSuppressible(headline.cell) ? { ...headline, cell: conceal(headline.cell, next()) } : headline)),
    tables: raw.tables.map((table) => ({
      ...table,
      rows: table.rows.map((row) => ({ ...row, cells: concealAll(row.cells, next) })),
      ...(table.total ? { total: concealAll(table.total, next) } : {}),
    })),
  };
}

const EPSILON = 1e-9;

type SuppressibleCell = Extract<Cell, { kind: "count" | "rate" | "days" }>;

type Entry = {
  /** Where the cell is, the same in every report of one kind: how neighbours are matched. */
  key: string;
  cell: SuppressibleCell;
  /** The people counts it discloses; null when the input already suppressed it. */
  counts: number[] | null;
};

/** Every suppressible cell of a report in a fixed order (headlines, then each table's rows and total), with the indices of each row. */
type Layout = {
  entries: Entry[];
  /** Index of a headline's cell. */
  headlines: number[];
  /** Per table: per row (the total last, when present) the index of each suppressible cell by column id. */
  tables: { rows: Map<string, number>[]; total: Map<string, number> | null }[];
};

function isSuppressible(cell: Cell): cell is SuppressibleCell {
  return cell.kind === "count" || cell.kind === "rate" || cell.kind === "days";
}

function peopleCounts(cell: SuppressibleCell): number[] | null {
  const counts = cell.kind === "count" ? [cell.value] : cell.kind === "rate" ? [cell.numerator, cell.denominator] : [cell.group];
  return counts.every((count): count is number => count !== null) ? counts : null;
}

function lay(report: RawReport): Layout {
  const entries: Entry[] = [];
  const add = (key: string, cell: SuppressibleCell) => entries.push({ key, cell, counts: peopleCounts(cell) }) - 1;
  // Ids and keys are message keys and ids joined by ":": a control character cannot occur in them.
  const row = (path: string, cells: Record<string, Cell>) => {
    const indices = new Map<string, number>();
    for (const column in cells) {
      const cell = cells[column]!;
      if (isSuppressible(cell)) indices.set(column, add(`${path}\u0000${column}`, cell));
    }
    return indices;
  };
  const headlines: number[] = [];
  for (const headline of report.headlines) {
    if (isSuppressible(headline.cell)) headlines.push(add(`headline\u0000${headline.id}`, headline.cell));
  }
  const tables = report.tables.map((table) => ({
    rows: table.rows.map((tableRow) => row(`row\u0000${table.id}\u0000${tableRow.key}`, tableRow.cells)),
    total: table.total ? row(`total\u0000${table.id}`, table.total) : null,
  }));
  return { entries, headlines, tables };
}

/** The total's count `totalMeasure` against the sum of the parts' counts `measure`: equal to it when `exact`. */
type SumRelation = { total: number; totalMeasure: number; parts: number[]; measure: number; exact: boolean };

const same = (a: number, b: number) => Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));

/** Headline cells and table totals: the figures a report gives for its whole filter. */
function aggregates(layout: Layout): number[] {
  return [...layout.headlines, ...layout.tables.flatMap((table) => (table.total ? [...table.total.values()] : []))];
}

function sumRelations(layout: Layout): SumRelation[] {
  const { entries } = layout;
  const wholes = aggregates(layout);
  const relations: SumRelation[] = [];
  const known = (indices: number[]) => indices.every((index) => entries[index]!.counts !== null);
  const partSum = (parts: number[], measure: number) => parts.reduce((acc, index) => acc + entries[index]!.counts![measure]!, 0);
  const relate = (total: number, parts: number[], exactOnly: boolean) => {
    const kind = entries[total]!.cell.kind;
    if (parts.length === 0 || !known([total, ...parts]) || parts.some((index) => entries[index]!.cell.kind !== kind)) return;
    entries[total]!.counts!.forEach((totalCount, measure) => {
      const exact = same(partSum(parts, measure), totalCount);
      if (exact || !exactOnly) relations.push({ total, totalMeasure: measure, parts, measure, exact });
    });
  };

  for (const table of layout.tables) {
    const columns = new Map<string, number[]>();
    for (const row of table.rows) {
      for (const [column, index] of row) {
        const cells = columns.get(column);
        if (cells) cells.push(index);
        else columns.set(column, [index]);
      }
    }
    if (table.total) {
      for (const [column, total] of table.total) relate(total, columns.get(column) ?? [], false);
    } else {
      // Rows without a total row may still add up to a figure given elsewhere (quarters to the period's headline).
      for (const parts of columns.values()) {
        if (!known(parts) || new Set(parts.map((index) => entries[index]!.cell.kind)).size !== 1) continue;
        entries[parts[0]!]!.counts!.forEach((_, measure) => {
          const sum = partSum(parts, measure);
          if (sum <= EPSILON) return;
          for (const whole of wholes) {
            entries[whole]!.counts?.forEach((count, totalMeasure) => {
              if (same(count, sum)) relations.push({ total: whole, totalMeasure, parts, measure, exact: true });
            });
          }
        });
      }
    }
    const rows = table.total ? [...table.rows, table.total] : table.rows;
    const sumColumn = rowSumColumn(rows, entries);
    if (sumColumn !== null) {
      for (const row of rows) {
        const total = row.get(sumColumn);
        const parts = [...row].flatMap(([column, index]) => (column !== sumColumn && entries[index]!.cell.kind === "count" ? [index] : []));
        if (total !== undefined) relate(total, parts, true);
      }
    }
  }
  return relations;
}

/** The count column that is, in every row, the sum of at least two other count columns of the row; null when there is none. */
function rowSumColumn(rows: Map<string, number>[], entries: Entry[]): string | null {
  const value = (index: number | undefined) => (index === undefined || entries[index]!.cell.kind !== "count" ? null : (entries[index]!.counts?.[0] ?? null));
  const firstRow = rows[0];
  if (!firstRow) return null;
  for (const column of firstRow.keys()) {
    const holds = rows.every((row) => {
      const total = value(row.get(column));
      const parts = [...row].filter(([other, index]) => other !== column && entries[index]!.cell.kind === "count").map(([, index]) => value(index));
      if (total === null || parts.length < 2 || parts.some((part) => part === null)) return false;
      return same(
        parts.reduce<number>((acc, part) => acc + part!, 0),
        total,
      );
    });
    if (holds) return column;
  }
  return null;
}

type Links = {
  /** Cells hidden together: within a row, and among headlines and totals, those disclosing a common non-zero count. */
  groups: number[][];
  /** For a headline or total: the shares whose denominator is one of its non-zero counts, hidden when it is. */
  disclosers: Map<number, number[]>;
};

function linkedCells(layout: Layout): Links {
  const { entries } = layout;
  const parent = entries.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]!]!;
      index = parent[index]!;
    }
    return index;
  };
  const link = (scope: number[]) => {
    const holder = new Map<number, number>();
    for (const index of scope) {
      for (const count of entries[index]!.counts ?? []) {
        if (count === 0) continue;
        const other = holder.get(count);
        if (other === undefined) holder.set(count, index);
        else parent[root(index)] = root(other);
      }
    }
  };
  for (const table of layout.tables) {
    for (const row of table.rows) link([...row.values()]);
    if (table.total) link([...table.total.values()]);
  }
  const wholes = aggregates(layout);
  link(wholes);

  const groups = new Map<number, number[]>();
  entries.forEach((_, index) => {
    const group = groups.get(root(index));
    if (group) group.push(index);
    else groups.set(root(index), [index]);
  });

  const shareOf = new Map<number, number[]>();
  entries.forEach((entry, index) => {
    const denominator = entry.cell.kind === "rate" ? entry.counts?.[1] : undefined;
    if (denominator === undefined || denominator === 0) return;
    const shares = shareOf.get(denominator);
    if (shares) shares.push(index);
    else shareOf.set(denominator, [index]);
  });
  const disclosers = new Map<number, number[]>();
  for (const whole of wholes) {
    const others = [...new Set((entries[whole]!.counts ?? []).flatMap((count) => (count === 0 ? [] : (shareOf.get(count) ?? []))))].filter((index) => index !== whole);
    if (others.length > 0) disclosers.set(whole, others);
  }
  return { groups: [...groups.values()].filter((group) => group.length > 1), disclosers };
}

function complete(hidden: boolean[], entries: Entry[], sums: SumRelation[], links: Links, small: (count: number) => boolean) {
  const count = (index: number, measure: number) => entries[index]!.counts![measure]!;
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of links.groups) {
      if (group.some((index) => hidden[index]) && group.some((index) => !hidden[index])) {
        for (const index of group) hidden[index] = true;
        changed = true;
      }
    }
    for (const [whole, others] of links.disclosers) {
      if (!hidden[whole]) continue;
      for (const index of others) {
        if (hidden[index]) continue;
        hidden[index] = true;
        changed = true;
      }
    }
    for (const { total, totalMeasure, parts, measure, exact } of sums) {
      for (;;) {
        const hiddenParts = parts.filter((index) => hidden[index]).length;
        const unexplained = hidden[total] ? null : parts.reduce((rest, index) => (hidden[index] ? rest : rest - count(index, measure)), count(total, totalMeasure));
        const tooSmall = unexplained !== null && small(unexplained);
        const alone = exact && hiddenParts + (hidden[total] ? 1 : 0) === 1;
        if (!tooSmall && !alone) break;
        const visible = parts.filter((index) => !hidden[index]).sort((a, b) => count(a, measure) - count(b, measure) || a - b);
        const nonZero = visible.find((index) => count(index, measure) > EPSILON);
        const pick = nonZero ?? (hidden[total] ? visible[0] : total);
        if (pick === undefined) break;
        hidden[pick] = true;
        changed = true;
      }
    }
  }
}

function conceal(cell: SuppressibleCell, hide: boolean): SuppressibleCell {
  if (!hide) return cell;
  switch (cell.kind) {
    case "count":
      return { kind: "count", value: null };
    case "rate":
      return { kind: "rate", value: null, numerator: null, denominator: null };
    case "days":
      return { kind: "days", value: null, group: null };
  }
}

function concealAll(cells: Record<string, Cell>, next: () => boolean): Record<string, Cell> {
  return Object.fromEntries(Object.entries(cells).map(([column, cell]) => [column, isSuppressible(cell) ? conceal(cell, next()) : cell]));
}
