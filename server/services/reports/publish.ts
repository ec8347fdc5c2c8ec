import type { ReportFacts } from "./report.facts";
import type { Cell, ReportFilters, ReportId } from "./report.schemas";
import { computeReport, neighbourFilters, type RawReport } from "./compute";
import { suppress } from "./suppression";

/**
 * A report as it may be shown or exported: computed for the filters, then suppressed against the
 * same report computed for every overlapping filter (parent and child departments, the period one
 * month longer or shorter, the job family dropped), so that neither the report nor its difference
 * from a neighbour reveals a group smaller than `threshold`.
 */
export function publishReport(report: ReportId, facts: ReportFacts, filters: ReportFilters, threshold: number): RawReport {
  const raw = computeReport(report, facts, filters);
  // A report of lists and plain numbers (the people past their standard years) has nothing to hide
  // and nothing to compare: its overlapping twins are not worth computing.
  if (!hasSuppressibleCell(raw)) return raw;
  const neighbours = neighbourFilters(filters, facts.departments).map((neighbour) => ({
    ...computeReport(report, facts, neighbour),
    otherPeriod: neighbour.from !== filters.from || neighbour.to !== filters.to,
  }));
  return concealJudgements(suppress(raw, neighbours, threshold));
}

function hasSuppressibleCell(raw: RawReport): boolean {
  const suppressible = (cell: Cell) => cell.kind === "count" || cell.kind === "rate" || cell.kind === "days";
  return (
    raw.headlines.some((headline) => suppressible(headline.cell)) ||
    raw.tables.some((table) => Object.values(table.total ?? {}).some(suppressible) || table.rows.some((row) => Object.values(row.cells).some(suppressible)))
  );
}

/**
 * A judgement ("above target") on a suppressed figure would tell what the figure hid, and so would
 * a headline that counts such judgements: the judgement becomes "suppressed", and the headline
 * counts only the judgements left to see.
 */
export function concealJudgements(published: RawReport): RawReport {
  const tables = published.tables.map((table) => ({
    ...table,
    rows: table.rows.map((row) => ({ ...row, cells: withdrawJudgementsOfHidden(row.cells) })),
    ...(table.total ? { total: withdrawJudgementsOfHidden(table.total) } : {}),
  }));
  const headlines = published.headlines.map((headline) => {
    const counted = headline.countsLabel;
    if (!counted) return headline;
    const rows = tables.find((table) => table.id === counted.table)?.rows ?? [];
    const value = rows.filter((row) => {
      const cell = row.cells[counted.column];
      return cell?.kind === "label" && "message" in cell.label && cell.label.message === counted.label;
    }).length;
    return { ...headline, cell: { kind: "number" as const, value } };
  });
  return { headlines, tables };
}

function withdrawJudgementsOfHidden(cells: Record<string, Cell>): Record<string, Cell> {
  return Object.fromEntries(
    Object.entries(cells).map(([id, cell]): [string, Cell] => {
      const judged = cell.kind === "label" && cell.judges !== undefined ? cells[cell.judges] : undefined;
      const hidden = judged !== undefined && judged.kind !== "label" && judged.value === null;
      return [id, hidden ? { kind: "label", label: { message: "suppressed" } } : cell];
    }),
  );
}
