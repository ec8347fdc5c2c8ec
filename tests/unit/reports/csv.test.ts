import { describe, expect, it } from "vitest";
import { csvField } from "../../../server/services/common/csv";
import { csvFileName, tableToCsv } from "../../../server/services/reports/csv";
import type { ReportTable } from "../../../server/services/reports/report.schemas";

const messages: Record<string, string> = {
  "rowHeaders.byDepartment": "部署",
  total: "合計",
  suppressedCell: "非表示（少人数）",
  "columns.moves": "異動数",
  "columns.rate": "異動率",
  "columns.status": "目標との比較",
  "labels.above": "目標以上",
};
const ja = { locale: "ja" as const, translate: (key: string) => messages[key] ?? `?${key}` };

const table: ReportTable = {
  id: "byDepartment",
  columns: [
    { id: "moves", kind: "count" },
    { id: "rate", kind: "rate" },
    { id: "status", kind: "label" },
  ],
  rows: [
    {
      key: "department:1",
      label: { text: { ja: "カスタマーサポート部", en: "Customer Support" } },
      cells: { moves: { kind: "count", value: 12 }, rate: { kind: "rate", value: 0.125, numerator: 12, denominator: 96 }, status: { kind: "label", label: { message: "above" } } },
    },
    {
      key: "department:2",
      label: { text: { ja: "=HYPERLINK(\"http://x\")", en: "-2+3" } },
      cells: { moves: { kind: "count", value: null }, rate: { kind: "rate", value: null, numerator: null, denominator: null }, status: { kind: "label", label: { message: "above" } } },
    },
  ],
  total: { moves: { kind: "count", value: 15 }, rate: { kind: "rate", value: 0.1, numerator: 15, denominator: 150 }, status: { kind: "label", label: { message: "above" } } },
};

describe("report CSV", () => {
  it("starts with a byte-order mark, translates the header, and writes one line per row plus the total", () => {
    const csv = tableToCsv(table, ja);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("部署,異動数,異動率,目標との比較");
    expect(lines[1]).toBe("カスタマーサポート部,12,12.5%,目標以上");
    expect(lines[3]).toBe("合計,15,10%,目標以上");
    expect(lines[4]).toBe("");
  });

  it("writes suppressed cells as the translated mark, never a number", () => {
    const lines = tableToCsv(table, ja).split("\r\n");
    expect(lines[2]).toContain(",非表示（少人数）,非表示（少人数）,");
  });

  it("escapes cells a spreadsheet would run as a formula, in either language", () => {
    expect(tableToCsv(table, ja).split("\r\n")[2]!.startsWith(`"'=HYPERLINK(""http://x"")"`)).toBe(true);
    expect(tableToCsv(table, { ...ja, locale: "en" }).split("\r\n")[2]!.startsWith("'-2+3,")).toBe(true);
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvField(`${start}1`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("普通の名前")).toBe("普通の名前");
  });

  it("names the file after the report, table and period", () => {
    expect(csvFileName("mobility", "byDepartment", "2025-04", "2026-03")).toBe("mobility-byDepartment-2025-04-2026-03.csv");
  });

  it("writes a median share as a percentage, like a rate", () => {
    const medians: ReportTable = {
      id: "byDepartment",
      columns: [{ id: "rate", kind: "number" }],
      rows: [{ key: "company-median", label: { text: { ja: "全社の中央値", en: "Company median" } }, cells: { rate: { kind: "number", value: 0.25, unit: "share" } } }],
    };
    expect(tableToCsv(medians, ja).split("\r\n")[1]).toBe("全社の中央値,25%");
  });
});
