import type { Cell, Label, ReportTable } from "@/server/services/reports/report.schemas";
import { pick } from "@/app/_i18n/localized";

/** A translator under the `reports` namespace (next-intl's, on the server). */
export type ReportTranslate = (key: string, values?: Record<string, string | number>) => string;

/** Numbers as the page's language writes them; rates as percentages, durations with their unit. */
export function reportFormatter(locale: string, t: ReportTranslate) {
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const label = (value: Label): string => ("text" in value ? pick(value.text, locale) : t(`labels.${value.message}`));
  /** The cell as text, or null when it is suppressed (labels never are). */
  const cell = (value: Cell): string | null => {
    switch (value.kind) {
      case "label":
        return label(value.label);
      case "count":
        return value.value === null ? null : whole.format(value.value);
      case "rate":
        return value.value === null ? null : percent.format(value.value);
      case "days":
        return value.value === null ? null : t("units.days", { days: decimal.format(value.value) });
      case "number":
        if (value.value === null) return null;
        if (value.unit === "share") return percent.format(value.value);
        return value.unit === "days" ? t("units.days", { days: decimal.format(value.value) }) : decimal.format(value.value);
    }
  };
  /** "3 / 24" under a rate: what the share is made of, when both counts are shown. */
  const ratio = (value: Cell): string | null =>
    value.kind === "rate" && value.value !== null && value.numerator !== null && value.denominator !== null
      ? `${whole.format(value.numerator)} / ${whole.format(value.denominator)}`
      : null;
  return { label, cell, ratio, list: (items: string[]) => list.format(items) };
}
export type ReportFormatter = ReturnType<typeof reportFormatter>;

/** A value cell's number (null when suppressed or not a figure), what charts draw. */
export function cellNumber(cell: Cell | undefined): number | null {
  if (!cell || cell.kind === "label") return null;
  return cell.value;
}

/** The column a chart draws: a funnel's first count (people at each stage), else the table's first rate, else its first count. */
export function chartColumn(table: ReportTable): string | null {
  const first = (kind: "count" | "rate") => table.columns.find((column) => column.kind === kind)?.id ?? null;
  return table.chart === "funnel" ? first("count") : (first("rate") ?? first("count"));
}

/**
 * The columns a table shows: a label column that only repeats each row's own label (a person's
 * name on a list of people) is left out, since the row header already says it.
 */
export function shownColumns(table: ReportTable): ReportTable["columns"] {
  const same = (a: Label, b: Label) => JSON.stringify(a) === JSON.stringify(b);
  return table.columns.filter(
    (column) =>
      column.kind !== "label" ||
      table.rows.length === 0 ||
      !table.rows.every((row) => {
        const cell = row.cells[column.id];
        return cell?.kind === "label" && same(cell.label, row.label);
      }),
  );
}

/** True when any cell of the table, its total or a headline is suppressed: the page then explains the mark. */
export function hasSuppressedCell(table: ReportTable): boolean {
  const cells = [...table.rows.flatMap((row) => Object.values(row.cells)), ...Object.values(table.total ?? {})];
  return cells.some((cell) => cell.kind !== "label" && cell.value === null);
}
