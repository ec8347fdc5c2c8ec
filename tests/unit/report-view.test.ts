import { type AbstractIntlMessages, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { chartItems, chartSummary, flowGraph, labelWidth, nodeLabel, sankeyPicture } from "../../app/_components/report-charts";
import { type DepartmentOption, departmentTree } from "../../app/_components/report-department-tree";
import { filtersFromSearch, filtersQuery } from "../../app/_components/report-filters-query";
import { hasSuppressedCell, reportFormatter, type ReportTranslate } from "../../app/_components/report-format";
import type { ReportTable } from "../../server/services/reports/report.schemas";
import en from "../../messages/en.json";
import ja from "../../messages/ja.json";

/** The real messages, with names for the two made-up tables of these tests. */
const withTables = (messages: typeof en, tables: Record<string, string>): AbstractIntlMessages => ({
  ...messages,
  reports: { ...messages.reports, tables: { ...messages.reports.tables, ...tables } },
});
function translate(locale: "en" | "ja", messages: AbstractIntlMessages): ReportTranslate {
  const translator = createTranslator({ locale, messages, namespace: "reports" });
  return (key, values) => translator(key, values as never);
}
const translators = {
  en: translate("en", withTables(en, { departmentFlows: "Department flows", stages: "Stages" })),
  ja: translate("ja", withTables(ja, { departmentFlows: "部署間の流れ", stages: "段階" })),
};
const formatter = (locale: "en" | "ja") => reportFormatter(locale, translators[locale]);
const text = (ja: string, en: string) => ({ text: { ja, en } });

describe("report cells", () => {
  it("write counts, rates and days the way each language does, and a suppressed cell as nothing", () => {
    const english = formatter("en");
    const japanese = formatter("ja");
    expect(english.cell({ kind: "count", value: 1234 })).toBe("1,234");
    expect(english.cell({ kind: "rate", value: 0.125, numerator: 3, denominator: 24 })).toBe("12.5%");
    expect(english.ratio({ kind: "rate", value: 0.125, numerator: 3, denominator: 24 })).toBe("3 / 24");
    expect(english.cell({ kind: "days", value: 12.25, group: 8 })).toBe("12.3 days");
    expect(japanese.cell({ kind: "days", value: 12.25, group: 8 })).toBe("12.3日");
    expect(english.cell({ kind: "number", value: 0.3, unit: "share" })).toBe("30%");
    expect(japanese.cell({ kind: "number", value: 4.5, unit: "days" })).toBe("4.5日");
    expect(english.cell({ kind: "number", value: 30 })).toBe("30");
    expect(english.cell({ kind: "count", value: null })).toBeNull();
    expect(english.cell({ kind: "rate", value: null, numerator: null, denominator: null })).toBeNull();
    expect(english.ratio({ kind: "rate", value: null, numerator: null, denominator: null })).toBeNull();
    expect(japanese.cell({ kind: "label", label: text("品質保証", "QA") })).toBe("品質保証");
    expect(english.cell({ kind: "label", label: text("品質保証", "QA") })).toBe("QA");
  });

  it("notice a table with a suppressed cell in its rows or its total", () => {
    const table = (value: number | null, total: number | null): ReportTable => ({
      id: "t",
      columns: [{ id: "moves", kind: "count" }],
      rows: [{ key: "a", label: text("A", "A"), cells: { moves: { kind: "count", value } } }],
      total: { moves: { kind: "count", value: total } },
    });
    expect(hasSuppressedCell(table(7, 9))).toBe(false);
    expect(hasSuppressedCell(table(null, 9))).toBe(true);
    expect(hasSuppressedCell(table(7, null))).toBe(true);
  });
});

describe("report filters in the URL", () => {
  const defaults = { from: "2025-04", to: "2026-03", departmentId: 4, jobFamilyId: null };

  it("take the URL's filters, falling back to the defaults for missing or malformed ones", () => {
    expect(filtersFromSearch({}, defaults)).toEqual(defaults);
    expect(filtersFromSearch({ from: "2024-01", to: "2024-06", department: "12", family: "3" }, defaults)).toEqual({ from: "2024-01", to: "2024-06", departmentId: 12, jobFamilyId: 3 });
    expect(filtersFromSearch({ from: "2024-13", to: "yesterday", department: "-1", family: "x" }, defaults)).toEqual(defaults);
    expect(filtersFromSearch({ department: "", family: "" }, defaults)).toEqual({ ...defaults, departmentId: null, jobFamilyId: null });
  });

  it("put a reversed period in order", () => {
    expect(filtersFromSearch({ from: "2026-02", to: "2025-05" }, defaults)).toMatchObject({ from: "2025-05", to: "2026-02" });
  });

  it("keep the last months of a period longer than the longest allowed", () => {
    expect(filtersFromSearch({ from: "2020-01", to: "2026-03" }, defaults, 36)).toMatchObject({ from: "2023-04", to: "2026-03" });
    expect(filtersFromSearch({ from: "2025-01", to: "2025-12" }, defaults, 12)).toMatchObject({ from: "2025-01", to: "2025-12" });
    expect(filtersFromSearch({ from: "2024-12", to: "2025-12" }, defaults, 12)).toMatchObject({ from: "2025-01", to: "2025-12" });
  });

  it("write filters back into a query that reads as the same filters", () => {
    const filters = { from: "2024-01", to: "2024-06", departmentId: 12, jobFamilyId: null };
    const query = filtersQuery(filters, { table: "flows" });
    expect(query).toBe("table=flows&from=2024-01&to=2024-06&department=12&family=");
    expect(filtersFromSearch(Object.fromEntries(new URLSearchParams(query)), defaults)).toEqual(filters);
  });
});

describe("the department select", () => {
  it("lists each department before its sub-departments, with its depth", () => {
    const node = (id: number, en: string, children: DepartmentOption[] = []): DepartmentOption => ({ id, name: { ja: en, en }, children });
    const tree = [node(1, "Customer support", [node(2, "Tokyo", [node(4, "Frontline")]), node(3, "Sendai")]), node(5, "Product")];
    expect(departmentTree(tree).map((entry) => [entry.name.en, entry.depth])).toEqual([
      ["Customer support", 0],
      ["Tokyo", 1],
      ["Frontline", 2],
      ["Sendai", 1],
      ["Product", 0],
    ]);
  });
});

const flows: ReportTable = {
  id: "departmentFlows",
  chart: "sankey",
  columns: [
    { id: "from", kind: "label" },
    { id: "to", kind: "label" },
    { id: "moves", kind: "count" },
  ],
  rows: [
    ["cs", "qa", "カスタマーサポート", "Customer support", "品質保証", "QA", 12],
    ["qa", "cs", "品質保証", "QA", "カスタマーサポート", "Customer support", 5],
    ["cs", "pm", "カスタマーサポート", "Customer support", "プロダクト", "Product", 6],
    ["cs", "hr", "カスタマーサポート", "Customer support", "人事", "HR", null],
  ].map(([source, target, fromJa, fromEn, toJa, toEn, moves]) => ({
    key: `${source}>${target}`,
    label: text(`${fromJa} → ${toJa}`, `${fromEn} → ${toEn}`),
    link: { source: String(source), target: String(target) },
    cells: {
      from: { kind: "label" as const, label: text(String(fromJa), String(fromEn)) },
      to: { kind: "label" as const, label: text(String(toJa), String(toEn)) },
      moves: { kind: "count" as const, value: moves === null ? null : Number(moves) },
    },
  })),
};

describe("the flows chart", () => {
  it("draws flows both ways between two departments (origins left, destinations right) and leaves suppressed flows out", () => {
    const graph = flowGraph(flows, formatter("en"));
    expect(graph.hidden).toBe(1);
    expect(graph.links.map((link) => [link.source, link.target, link.value])).toEqual([
      ["from:cs", "to:qa", 12],
      ["from:qa", "to:cs", 5],
      ["from:cs", "to:pm", 6],
    ]);
    const picture = sankeyPicture(graph);
    const node = (id: string) => picture.nodes.find((entry) => entry.id === id)!;
    expect(node("from:cs")).toMatchObject({ name: "Customer support", side: "from", value: 18 });
    expect(node("to:cs")).toMatchObject({ name: "Customer support", side: "to", value: 5 });
    expect(node("from:cs").x0).toBeLessThan(node("to:qa").x0);
    const width = (source: string, target: string) => picture.links.find((link) => link.source === source && link.target === target)!.width;
    expect(width("from:cs", "to:qa") / width("from:qa", "to:cs")).toBeCloseTo(12 / 5, 5);
    expect(picture.links.every((link) => link.path.startsWith("M"))).toBe(true);
    // Every label fits beside its node, inside the picture.
    for (const entry of picture.nodes) {
      if (entry.side === "from") expect(labelWidth(nodeLabel(entry))).toBeLessThan(entry.x0);
      else expect(entry.x1 + labelWidth(nodeLabel(entry))).toBeLessThan(picture.width);
    }
  });

  it("says the largest flows and how many are hidden, in each language", () => {
    expect(chartSummary("sankey", flows, formatter("en"), translators.en)).toBe(
      "Department flows: 3 flows; the largest: Customer support → QA (12), Customer support → Product (6), and QA → Customer support (5). 1 group is hidden because it is too small.",
    );
    expect(chartSummary("sankey", flows, formatter("ja"), translators.ja)).toContain("カスタマーサポート → 品質保証（12）");
  });

  it("has nothing to lay out when every flow is hidden", () => {
    const hidden = { ...flows, rows: flows.rows.filter((row) => row.cells.moves?.kind === "count" && row.cells.moves.value === null) };
    expect(sankeyPicture(flowGraph(hidden, formatter("en"))).links).toEqual([]);
    expect(chartSummary("sankey", hidden, formatter("en"), translators.en)).toBe("Department flows: no flows to show. 1 group is hidden because it is too small.");
  });
});

describe("bars and funnels", () => {
  const funnel: ReportTable = {
    id: "stages",
    chart: "funnel",
    columns: [{ id: "applications", kind: "count" }],
    rows: [
      ["applied", 40],
      ["released", 30],
      ["offered", null],
      ["moved", 10],
    ].map(([key, value]) => ({ key: String(key), label: text(String(key), String(key)), cells: { applications: { kind: "count" as const, value: value === null ? null : Number(value) } } })),
  };

  it("take each row's first figure, suppressed ones as null", () => {
    expect(chartItems(funnel, formatter("en")).map((item) => item.value)).toEqual([40, 30, null, 10]);
  });

  it("carry a row's target beside its rate, as a share the bar can mark", () => {
    const rotation: ReportTable = {
      id: "rotationByDepartment",
      chart: "bars",
      columns: [
        { id: "moves", kind: "count" },
        { id: "annualRotationRate", kind: "rate" },
        { id: "targetPercent", kind: "number" },
      ],
      rows: [
        {
          key: "cs",
          label: text("CS", "CS"),
          cells: { moves: { kind: "count", value: 12 }, annualRotationRate: { kind: "rate", value: 0.25, numerator: 12, denominator: 48 }, targetPercent: { kind: "number", value: 30 } },
        },
      ],
    };
    expect(chartItems(rotation, formatter("en"))).toEqual([{ key: "cs", label: "CS", value: 0.25, text: "25%", target: 0.3, targetText: "30%" }]);
    expect(chartItems(funnel, formatter("en"))[0]).toMatchObject({ target: null, targetText: null });
  });

  it("say a funnel's stages in order and a bar chart's highest and lowest", () => {
    expect(chartSummary("funnel", funnel, formatter("en"), translators.en)).toBe("Stages: applied 40 → released 30 → moved 10. 1 group is hidden because it is too small.");
    const bars = { ...funnel, chart: "bars" as const, rows: [...funnel.rows, { key: "extra", label: text("extra", "extra"), cells: { applications: { kind: "count" as const, value: 20 } } }] };
    expect(chartSummary("bars", bars, formatter("en"), translators.en)).toBe(
      "Stages: highest applied 40, released 30, and extra 20; lowest moved 10. 1 group is hidden because it is too small.",
    );
  });
});
