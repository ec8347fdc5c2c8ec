import type { Cell, Headline, Label, ReportTable } from "./report.schemas";
import type { ColumnId, FormulaId, HeadlineId, LabelId, ReportTableId } from "./message-keys";
import type { Bilingual } from "./report.facts";
import { caseCount, medianDays, p90Days, type DurationBucket } from "./report.histogram";

/** Cell constructors: every value is a finite number before suppression. */

export function countCell(value: number): Cell {
  return { kind: "count", value };
}

/**
 * numerator ÷ denominator. A group with nobody in it (denominator 0: a department without
 * headcount, a period without cases) has rate 0 over 0 rather than NaN or Infinity, so the page
 * shows "0 % (0 / 0)" and suppression sees an empty group, which it shows.
 */
export function rateCell(numerator: number, denominator: number, scale = 1): Cell {
  return { kind: "rate", value: denominator === 0 ? 0 : (numerator / denominator) * scale, numerator, denominator };
}

export function medianCell(buckets: readonly DurationBucket[]): Cell {
  return { kind: "days", value: medianDays(buckets), group: caseCount(buckets) };
}

export function p90Cell(buckets: readonly DurationBucket[]): Cell {
  return { kind: "days", value: p90Days(buckets), group: caseCount(buckets) };
}

export function numberCell(value: number, unit?: "share" | "days"): Cell {
  return unit ? { kind: "number", value, unit } : { kind: "number", value };
}

export function textLabel(text: Bilingual): Label {
  return { text };
}

export function messageLabel(message: LabelId): Label {
  return { message };
}

export function labelCell(label: Label): Cell {
  return { kind: "label", label };
}

/** A judgement on the figure in column `judges` of the same row, hidden whenever that figure is. */
export function judgementCell(label: LabelId, judges: ColumnId): Cell {
  return { kind: "label", label: { message: label }, judges };
}

/** Builders that only accept the listed message keys, so every key a report carries has a message. */

export function column(id: ColumnId, kind: ReportTable["columns"][number]["kind"]): ReportTable["columns"][number] {
  return { id, kind };
}

export function headline(id: HeadlineId, cell: Cell, formula: FormulaId): Headline {
  return { id, cell, formula };
}

export function table(id: ReportTableId, content: Omit<ReportTable, "id">): ReportTable {
  return { id, ...content };
}
