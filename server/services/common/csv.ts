/*
 * CSV files for Excel: UTF-8 with a byte-order mark (without it Excel reads Japanese as Shift_JIS),
 * CRLF line ends, RFC 4180 quoting, and every cell that a spreadsheet would take for a formula
 * (beginning with =, +, -, @, a tab or a carriage return) prefixed with a single quote, so an
 * exported name like "=HYPERLINK(…)" stays text. Pure; every CSV download is written by `csvDocument`.
 */

const BOM = "\uFEFF";
const formulaStart = /^[=+\-@\t\r]/;

/** A cell's text made safe for a spreadsheet, then quoted when it holds a separator, a quote or a line break. */
export function csvField(text: string): string {
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows of cell texts as a whole file: the byte-order mark, each cell made safe, CRLF after every row. */
export function csvDocument(lines: readonly (readonly string[])[]): string {
  return BOM + lines.map((line) => line.map(csvField).join(",")).join("\r\n") + "\r\n";
}
