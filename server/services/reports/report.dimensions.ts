import type { Atom, Bilingual, DepartmentNode } from "./report.facts";
import type { Label, ReportFilters } from "./report.schemas";
import { monthsOfPeriod } from "./report.period";

/**
 * The department tree and what a filter selects. A department filter means the department and all
 * its sub-departments; rows that are departments partition the filter department (its children,
 * each with its subtree, plus the people directly in it), so the rows add up to the total.
 */

export type DepartmentTree = {
  byId: ReadonlyMap<number, DepartmentNode>;
  /** Children in the order of the facts; key null holds the top-level departments. */
  childrenOf: ReadonlyMap<number | null, readonly DepartmentNode[]>;
};

export function departmentTree(departments: readonly DepartmentNode[]): DepartmentTree {
  const byId = new Map(departments.map((department) => [department.id, department]));
  const childrenOf = new Map<number | null, DepartmentNode[]>();
  for (const department of departments) {
    // A parent missing from the facts (outside a manager's organisation) makes the department a root here.
    const parentId = department.parentId !== null && byId.has(department.parentId) ? department.parentId : null;
    childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), department]);
  }
  return { byId, childrenOf };
}

/** The department and every department below it. */
export function departmentSubtree(tree: DepartmentTree, departmentId: number): Set<number> {
  const subtree = new Set<number>();
  const pending = [departmentId];
  while (pending.length > 0) {
    const id = pending.pop() as number;
    if (subtree.has(id)) continue;
    subtree.add(id);
    for (const child of tree.childrenOf.get(id) ?? []) pending.push(child.id);
  }
  return subtree;
}

/** How far below the top a department sits (a top-level department: 0). */
export function departmentDepth(tree: DepartmentTree, departmentId: number): number {
  let depth = 0;
  const seen = new Set<number>([departmentId]);
  for (let parentId = tree.byId.get(departmentId)?.parentId ?? null; parentId !== null && tree.byId.has(parentId) && !seen.has(parentId); parentId = tree.byId.get(parentId)?.parentId ?? null) {
    seen.add(parentId);
    depth += 1;
  }
  return depth;
}

/** The department itself when it sits at `depth` or above, else its ancestor at `depth`. */
export function ancestorAtDepth(tree: DepartmentTree, departmentId: number, depth: number): number {
  let current = departmentId;
  for (let excess = departmentDepth(tree, departmentId) - depth; excess > 0; excess -= 1) current = tree.byId.get(current)?.parentId ?? current;
  return current;
}

/**
 * The department whose children are the rows of an unfiltered table: none (the top-level
 * departments are the rows), or the single root when the whole company hangs under one, so that
 * its divisions are compared rather than one row that is the company.
 */
export function effectiveFilterDepartment(tree: DepartmentTree, filterDepartmentId: number | null): number | null {
  if (filterDepartmentId !== null) return filterDepartmentId;
  const roots = tree.childrenOf.get(null) ?? [];
  return roots.length === 1 ? roots[0]!.id : null;
}

/** A row of a department table: a subtree, or the people directly in the filter department. */
export type DepartmentRow = { key: string; name: Bilingual; label: Label; departmentId: number; departmentIds: ReadonlySet<number> };

export function departmentKey(departmentId: number): string {
  return `department:${departmentId}`;
}

/** The row of the people placed directly in a department (not in one of its sub-departments). */
function directMembersName(name: Bilingual): Bilingual {
  return { ja: `${name.ja}（直属）`, en: `${name.en} (direct members)` };
}

/**
 * The partition of a filter: with a department, its children (each with its subtree) and, when
 * `hasDirectMembers` says people stand directly in it, one row for them; with no department, the
 * top-level departments (or, under a single root, the root's partition). Every department of the
 * filter falls in exactly one row.
 */
export function departmentPartition(tree: DepartmentTree, requestedDepartmentId: number | null, hasDirectMembers: (departmentId: number) => boolean): DepartmentRow[] {
  const filterDepartmentId = effectiveFilterDepartment(tree, requestedDepartmentId);
  const rows: DepartmentRow[] = (tree.childrenOf.get(filterDepartmentId) ?? []).map((department) => ({
    key: departmentKey(department.id),
    name: department.name,
    label: { text: department.name },
    departmentId: department.id,
    departmentIds: departmentSubtree(tree, department.id),
  }));
  const filterDepartment = filterDepartmentId === null ? undefined : tree.byId.get(filterDepartmentId);
  if (filterDepartment && hasDirectMembers(filterDepartment.id)) {
    const name = directMembersName(filterDepartment.name);
    rows.push({
      key: `${departmentKey(filterDepartment.id)}:direct`,
      name,
      label: { text: name },
      departmentId: filterDepartment.id,
      departmentIds: new Set([filterDepartment.id]),
    });
  }
  return rows;
}

/** Which row each department of the filter falls in, by row key. */
export function rowOfDepartment(rows: readonly DepartmentRow[]): Map<number, string> {
  const rowOf = new Map<number, string>();
  for (const row of rows) for (const id of row.departmentIds) rowOf.set(id, row.key);
  return rowOf;
}

/** What a filter selects: the months of its period, its departments (null: all) and its job family (null: all). */
export type Selection = {
  months: ReadonlySet<string>;
  monthCount: number;
  departmentIds: ReadonlySet<number> | null;
  jobFamilyId: number | null;
};

export function selectionOf(filters: ReportFilters, tree: DepartmentTree): Selection {
  const months = monthsOfPeriod(filters.from, filters.to);
  return {
    months: new Set(months),
    monthCount: months.length,
    departmentIds: filters.departmentId === null ? null : departmentSubtree(tree, filters.departmentId),
    jobFamilyId: filters.jobFamilyId,
  };
}

export function inDepartments(selection: Selection, departmentId: number): boolean {
  return selection.departmentIds === null || selection.departmentIds.has(departmentId);
}

export function inJobFamily(selection: Selection, jobFamilyId: number): boolean {
  return selection.jobFamilyId === null || selection.jobFamilyId === jobFamilyId;
}

/** An atom of the period, the departments and the job family of the selection. */
export function selects(selection: Selection, atom: Atom): boolean {
  return selection.months.has(atom.month) && inDepartments(selection, atom.departmentId) && inJobFamily(selection, atom.jobFamilyId);
}

/** Departments that appear in any of the atoms: the filter department has direct members when it is one of them. */
export function departmentsPresent(...atomLists: readonly (readonly { departmentId: number }[])[]): Set<number> {
  const present = new Set<number>();
  for (const atoms of atomLists) for (const atom of atoms) present.add(atom.departmentId);
  return present;
}
