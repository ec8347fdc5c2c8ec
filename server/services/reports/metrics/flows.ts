import type { Bilingual, MoveAtom } from "../report.facts";
import type { Cell, ReportRow } from "../report.schemas";
import type { MetricInput, RawReport } from "../report.raw";
import { column, countCell, headline, labelCell, table, textLabel } from "../report.cells";
import { sum } from "../report.tally";
import { ancestorAtDepth, departmentDepth, departmentKey, departmentPartition, departmentsPresent, effectiveFilterDepartment, inDepartments, inJobFamily } from "../report.dimensions";

type FlowNode = { key: string; name: Bilingual };

/**
 * Flows between departments and between job families: moves of the period with either end in the
 * filter. Department ends inside the filter are its partition rows; an end outside it is shown as
 * its department at the rows' depth (a deeper department as its ancestor there), so a flow from
 * customer support to the QA group reads so, not as a flow to the division above QA. A flow
 * within one node is not a flow between two and is dropped.
 *
 * Sources and targets are distinct Sankey nodes ("from:…", "to:…"): a move and its reversal are
 * two links A→B and B→A, which a Sankey layout can only draw without a cycle this way.
 */
export function flowsReport({ facts, filters, tree, selection }: MetricInput): RawReport {
  const moves = facts.moves.filter(
    (atom) =>
      atom.moves > 0 &&
      selection.months.has(atom.month) &&
      (inDepartments(selection, atom.departmentId) || inDepartments(selection, atom.toDepartmentId)) &&
      (inJobFamily(selection, atom.jobFamilyId) || inJobFamily(selection, atom.toJobFamilyId)),
  );

  const present = departmentsPresent(
    moves.map((atom) => ({ departmentId: atom.departmentId })),
    moves.map((atom) => ({ departmentId: atom.toDepartmentId })),
  );
  const partition = departmentPartition(tree, filters.departmentId, (id) => present.has(id));
  const rowOfDepartment = new Map<number, FlowNode>();
  for (const row of partition) for (const id of row.departmentIds) rowOfDepartment.set(id, { key: row.key, name: row.name });
  const filterDepartmentId = effectiveFilterDepartment(tree, filters.departmentId);
  const rowDepth = filterDepartmentId === null ? 0 : departmentDepth(tree, filterDepartmentId) + 1;
  const departmentNode = (departmentId: number): FlowNode => {
    const inside = rowOfDepartment.get(departmentId);
    if (inside) return inside;
    const outside = ancestorAtDepth(tree, departmentId, rowDepth);
    // The facts name every department; an id without a name would be a loader bug, shown as the id rather than hidden.
    const name = tree.byId.get(outside)?.name ?? { ja: String(outside), en: String(outside) };
    return { key: departmentKey(outside), name };
  };

  const familyNames = new Map(facts.jobFamilies.map((family) => [family.id, family.name]));
  const familyNode = (jobFamilyId: number): FlowNode => ({
    key: `family:${jobFamilyId}`,
    name: familyNames.get(jobFamilyId) ?? { ja: String(jobFamilyId), en: String(jobFamilyId) },
  });

  const departmentFlows = flowRows(moves, (atom) => departmentNode(atom.departmentId), (atom) => departmentNode(atom.toDepartmentId));
  const familyFlows = flowRows(moves, (atom) => familyNode(atom.jobFamilyId), (atom) => familyNode(atom.toJobFamilyId));
  const columns = [column("from", "label"), column("to", "label"), column("moves", "count")];

  return {
    headlines: [headline("flowMoves", departmentFlows.total, "movesBetweenDepartments")],
    tables: [
      table("departmentFlows", { columns, rows: departmentFlows.rows, total: { moves: departmentFlows.total }, chart: "sankey" }),
      table("jobFamilyFlows", { columns, rows: familyFlows.rows, total: { moves: familyFlows.total }, chart: "sankey" }),
    ],
  };
}

/** One row per (source, target) pair of distinct nodes, largest flow first, and their total. */
function flowRows(moves: readonly MoveAtom[], source: (atom: MoveAtom) => FlowNode, target: (atom: MoveAtom) => FlowNode): { rows: ReportRow[]; total: Cell } {
  const flows = new Map<string, { from: FlowNode; to: FlowNode; moves: number }>();
  for (const atom of moves) {
    const from = source(atom);
    const to = target(atom);
    if (from.key === to.key) continue;
    const key = `${from.key}>${to.key}`;
    const flow = flows.get(key) ?? { from, to, moves: 0 };
    flow.moves += atom.moves;
    flows.set(key, flow);
  }
  const rows = [...flows]
    .sort(([keyA, a], [keyB, b]) => b.moves - a.moves || keyA.localeCompare(keyB))
    .map(([key, flow]) => ({
      key,
      label: textLabel({ ja: `${flow.from.name.ja} → ${flow.to.name.ja}`, en: `${flow.from.name.en} → ${flow.to.name.en}` }),
      cells: { from: labelCell(textLabel(flow.from.name)), to: labelCell(textLabel(flow.to.name)), moves: countCell(flow.moves) },
      link: { source: `from:${flow.from.key}`, target: `to:${flow.to.key}` },
    }));
  return { rows, total: countCell(sum(flows.values(), (flow) => flow.moves)) };
}
