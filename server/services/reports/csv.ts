import type { Cell, Label, ReportTable } from "./report.schemas";

/**
 * One report table as a CSV file for Excel: UTF-8 with a byte-order mark (without it Excel reads
 * Japanese as Shift_JIS), CRLF line ends, RFC 4180 quoting, and every cell that a spreadsheet would
 * take for a formula (beginning with =, +, -, @, a tab or a carriage return) prefixed with a single
 * quote, so an exported name like "=HYPERLINK(…)" stays text. Pure.
 */

/** Texts under `reports.` in the requested language: the header row, label cells and the suppression mark. */
export type CsvTexts = {
  locale: "ja" | "en";
  /** `reports.<key>`, e.g. "columns.moves", "labels.above", "rowHeaders.<table>", "total", "suppressedCell". */
  translate: (key: string) => string;
};

const BOM = "\uFEFF";
const formulaStart = /^[=+\-@\t\r]/;

/** A cell's text made safe for a spreadsheet, then quoted when it holds a separator, a quote or a line break. */
export function csvField(text: string): string {
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const oneDecimal = (value: number) => String(Math.round(value * 10) / 10);

function labelText(label: Label, texts: CsvTexts): string {
  return "text" in label ? label.text[texts.locale] : texts.translate(`labels.${label.message}`);
}

/** A figure as a spreadsheet reads it: counts whole, rates as percentages, days and numbers to one decimal. */
function cellText(cell: Cell | undefined, texts: CsvTexts): string {
  if (!cell) return "";
  if (cell.kind === "label") return labelText(cell.label, texts);
  if (cell.value === null) return texts.translate("suppressedCell");
  switch (cell.kind) {
    case "count":
      return String(cell.value);
    case "rate":
      return `${oneDecimal(cell.value * 100)}%`;
    case "number":
      return cell.unit === "share" ? `${oneDecimal(cell.value * 100)}%` : oneDecimal(cell.value);
    case "days":
      return oneDecimal(cell.value);
  }
}

/** Lines of text cells as a CSV file (the byte-order mark, escaped cells, CRLF line ends). */
export function csvDocument(lines: readonly (readonly string[])[]): string {
  return BOM + lines.map((line) => line.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export function tableToCsv(table: ReportTable, texts: CsvTexts): string {
  const lines: string[][] = [[texts.translate(`rowHeaders.${table.id}`), ...table.columns.map((column) => texts.translate(`columns.${column.id}`))]];
  for (const row of table.rows) lines.push([labelText(row.label, texts), ...table.columns.map((column) => cellText(row.cells[column.id], texts))]);
  if (table.total) {
    const total = table.total;
    lines.push([texts.translate("total"), ...table.columns.map((column) => cellText(total[column.id], texts))]);
  }
  return csvDocument(lines);
}

/** The download's file name: `<report>-<table>-<from>-<to>.csv` (ASCII only: ids and months). */
export function csvFileName(report: string, tableId: string, from: string, to: string): string {
  return `${report}-${tableId}-${from}-${to}.csv`.replace(/[^A-Za-z0-9._-]/g, "_");
}
