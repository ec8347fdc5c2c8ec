import { sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from "d3-sankey";
import type { ReportTable } from "@/server/services/reports/report.schemas";
import { cellNumber, chartColumn, type ReportFormatter, type ReportTranslate } from "./report-format";

/**
 * One bar of a bar chart or stage of a funnel: its row's label and figure (null when suppressed),
 * and the row's target as a share when it has one (rotation: the yearly rate against its target).
 */
export type ChartItem = { key: string; label: string; value: number | null; text: string | null; target: number | null; targetText: string | null };

/** The figure a chart draws for each row, in the table's order. */
export function chartItems(table: ReportTable, format: ReportFormatter): ChartItem[] {
  const column = chartColumn(table);
  const rated = table.columns.find((entry) => entry.id === column)?.kind === "rate";
  return table.rows.map((row) => {
    const cell = column ? row.cells[column] : undefined;
    const targetPercent = rated ? cellNumber(row.cells.targetPercent) : null;
    const target = targetPercent === null ? null : targetPercent / 100;
    return {
      key: row.key,
      label: format.label(row.label),
      value: cellNumber(cell),
      text: cell ? format.cell(cell) : null,
      target,
      targetText: target === null ? null : format.cell({ kind: "rate", value: target, numerator: null, denominator: null }),
    };
  });
}

type FlowNode = { id: string; name: string; side: "from" | "to" };
type FlowLink = { source: string; target: string; value: number; text: string };
export type FlowGraph = { nodes: FlowNode[]; links: FlowLink[]; hidden: number };

/**
 * The flows of a table as a two-column graph: where people came from on the left, where they went
 * on the right. Keeping the two sides apart keeps the graph acyclic when people moved both ways
 * (CS → QA and QA → CS). An end's name is the row's label cell for that end; suppressed flows are
 * left out of the drawing and counted in `hidden`.
 */
export function flowGraph(table: ReportTable, format: ReportFormatter): FlowGraph {
  const column = chartColumn(table);
  const labelColumns = table.columns.filter((entry) => entry.kind === "label").map((entry) => entry.id);
  const nodes = new Map<string, FlowNode>();
  const links: FlowLink[] = [];
  let hidden = 0;
  for (const row of table.rows) {
    if (!row.link || !column) continue;
    const cell = row.cells[column];
    const value = cellNumber(cell);
    if (value === null || !cell) {
      hidden += 1;
      continue;
    }
    if (value <= 0) continue;
    const names = labelColumns.map((id) => row.cells[id]).map((entry) => (entry ? format.cell(entry) : null));
    const source = `from:${row.link.source}`;
    const target = `to:${row.link.target}`;
    if (!nodes.has(source)) nodes.set(source, { id: source, name: names[0] ?? row.link.source, side: "from" });
    if (!nodes.has(target)) nodes.set(target, { id: target, name: names[1] ?? row.link.target, side: "to" });
    links.push({ source, target, value, text: format.cell(cell) ?? "" });
  }
  return { nodes: [...nodes.values()], links, hidden };
}

export type PlacedNode = { id: string; name: string; side: "from" | "to"; x0: number; x1: number; y0: number; y1: number; value: number };
export type PlacedLink = { source: string; target: string; value: number; text: string; path: string; width: number };
export type SankeyPicture = { width: number; height: number; nodes: PlacedNode[]; links: PlacedLink[] };

/** About how wide a 12px label is: CJK characters are full width, others about half. */
export function labelWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 12 : 7;
  return width;
}

/** The label beside a node: its name and how many moves pass through it. */
export function nodeLabel(node: { name: string; value: number }): string {
  return `${node.name} (${node.value})`;
}

/**
 * Where d3-sankey puts each node and link, with room on each side for the longest label; the
 * page draws them as SVG on the server and scales the picture to the width it has.
 */
export function sankeyPicture(graph: FlowGraph, bandWidth = 320): SankeyPicture {
  const totals = new Map<string, number>();
  for (const link of graph.links) {
    totals.set(link.source, (totals.get(link.source) ?? 0) + link.value);
    totals.set(link.target, (totals.get(link.target) ?? 0) + link.value);
  }
  const room = (side: FlowNode["side"]) =>
    Math.max(60, ...graph.nodes.filter((node) => node.side === side).map((node) => labelWidth(nodeLabel({ name: node.name, value: totals.get(node.id) ?? 0 })) + 12));
  const left = room("from");
  const right = room("to");
  const width = left + bandWidth + right;
  const height = Math.max(160, Math.max(graph.nodes.filter((node) => node.side === "from").length, graph.nodes.filter((node) => node.side === "to").length) * 34);
  if (graph.links.length === 0) return { width, height, nodes: [], links: [] };
  const layout = sankey<FlowNode, FlowLink>()
    .nodeId((node) => node.id)
    .nodeWidth(14)
    .nodePadding(12)
    .nodeSort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .extent([
      [left, 4],
      [width - right, height - 4],
    ]);
  const laid = layout({ nodes: graph.nodes.map((node) => ({ ...node })), links: graph.links.map((link) => ({ ...link })) });
  const path = sankeyLinkHorizontal<FlowNode, FlowLink>();
  const nodeOf = (end: SankeyLink<FlowNode, FlowLink>["source"]) => end as SankeyNode<FlowNode, FlowLink>;
  return {
    width,
    height,
    nodes: laid.nodes.map((node) => ({
      id: node.id,
      name: node.name,
      side: node.side,
      x0: node.x0 ?? 0,
      x1: node.x1 ?? 0,
      y0: node.y0 ?? 0,
      y1: node.y1 ?? 0,
      value: node.value ?? 0,
    })),
    links: laid.links.map((link) => ({
      source: nodeOf(link.source).id,
      target: nodeOf(link.target).id,
      value: link.value,
      text: link.text,
      path: path(link) ?? "",
      width: Math.max(1, link.width ?? 1),
    })),
  };
}

/** The words a chart says to someone who cannot see it: its largest figures, and what is hidden. */
export function chartSummary(kind: NonNullable<ReportTable["chart"]>, table: ReportTable, format: ReportFormatter, t: ReportTranslate): string {
  const name = t(`tables.${table.id}`);
  if (kind === "sankey") {
    const graph = flowGraph(table, format);
    const names = new Map(graph.nodes.map((node) => [node.id, node.name]));
    const largest = [...graph.links].sort((a, b) => b.value - a.value).slice(0, 5);
    const parts = [
      largest.length === 0
        ? t("summaries.noFlows", { table: name })
        : t("summaries.flows", {
            table: name,
            count: graph.links.length,
            largest: format.list(largest.map((link) => t("summaries.flow", { from: names.get(link.source) ?? "", to: names.get(link.target) ?? "", value: link.text }))),
          }),
    ];
    if (graph.hidden > 0) parts.push(t("summaries.hidden", { count: graph.hidden }));
    return parts.join(" ");
  }
  const items = chartItems(table, format);
  const shown = items.filter((item) => item.value !== null);
  const hidden = items.length - shown.length;
  const entry = (item: ChartItem) => t("summaries.item", { label: item.label, value: item.text ?? "" });
  const parts: string[] = [];
  if (shown.length === 0) parts.push(t("summaries.noFigures", { table: name }));
  else if (kind === "funnel") parts.push(t("summaries.funnel", { table: name, stages: shown.map(entry).join(" → ") }));
  else {
    const sorted = [...shown].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    parts.push(
      sorted.length <= 3
        ? t("summaries.bars", { table: name, items: format.list(sorted.map(entry)) })
        : t("summaries.barsRange", { table: name, highest: format.list(sorted.slice(0, 3).map(entry)), lowest: entry(sorted[sorted.length - 1]!) }),
    );
  }
  if (hidden > 0) parts.push(t("summaries.hidden", { count: hidden }));
  return parts.join(" ");
}
