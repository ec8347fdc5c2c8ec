import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";

/*
 * Reading an uploaded file into a table of strings: the encoding detected (never asked), the CSV
 * or .xlsx parsed by libraries; this module only decides which and reports what it found.
 */

export type FileEncoding = "utf-8" | "utf-8-bom" | "cp932" | "xlsx";

export type Table = {
  encoding: FileEncoding;
  headers: string[];
  /** Data rows, each as many cells as headers; `line` is the row number a person sees (header = 1). */
  rows: { line: number; cells: string[]; brokenEncoding: boolean }[];
};

const REPLACEMENT = "\uFFFD";

/**
 * UTF-8 (with or without BOM) or CP932 (Shift_JIS as Windows writes it). A file whose non-ASCII
 * bytes mostly decode as UTF-8 is UTF-8 (its undecodable rows are reported as broken); otherwise
 * it is CP932, whose undecodable rows are broken in turn.
 */
export function decodeText(bytes: Uint8Array): { encoding: FileEncoding; text: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: "utf-8-bom", text: new TextDecoder("utf-8").decode(bytes.subarray(3)) };
  }
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  let bad = 0;
  let good = 0;
  for (const char of utf8) {
    if (char === REPLACEMENT) bad += 1;
    else if (char.charCodeAt(0) > 0x7f) good += 1;
  }
  if (bad === 0 || good > bad) return { encoding: "utf-8", text: utf8 };
  return { encoding: "cp932", text: iconv.decode(Buffer.from(bytes), "cp932") };
}

/** Whether the bytes are an .xlsx (a ZIP archive) rather than text. */
export function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function toTable(encoding: FileEncoding, records: string[][]): Table {
  const [headers = [], ...data] = records;
  const width = headers.length;
  const trimmedHeaders = headers.map((header) => header.normalize("NFKC").trim());
  return {
    encoding,
    headers: trimmedHeaders,
    rows: data
      .map((cells, index) => ({
        line: index + 2,
        cells: Array.from({ length: width }, (_, column) => cells[column] ?? ""),
        brokenEncoding: cells.some((cell) => cell.includes(REPLACEMENT)),
      }))
      .filter((row) => row.cells.some((cell) => cell.trim() !== "")),
  };
}

export function parseCsv(bytes: Uint8Array): Table {
  const { encoding, text } = decodeText(bytes);
  const records = parse(text, { relaxColumnCount: true, skipEmptyLines: true, bom: true }) as string[][];
  return toTable(encoding, records);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const cell = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (cell.richText) return cell.richText.map((part) => part.text).join("");
    if (cell.result !== undefined) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    return "";
  }
  return String(value);
}

/** The first worksheet of an .xlsx; dates typed as dates read as `yyyy-mm-dd`. */
export async function parseXlsx(bytes: Uint8Array): Promise<Table> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const records: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    while (records.length < row.number - 1) records.push([]);
    records.push(values.slice(1).map(cellText));
  });
  return toTable("xlsx", records);
}

export async function readTable(bytes: Uint8Array): Promise<Table> {
  return isXlsx(bytes) ? parseXlsx(bytes) : parseCsv(bytes);
}
