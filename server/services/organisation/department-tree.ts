/*
 * Pure checks on the department tree, shared by the department editor's service and its tests.
 * No database import: the service loads the parent links and asks.
 */

/** Each department's parent (null: a top-level department). */
export type ParentLinks = ReadonlyMap<number, number | null>;

/** The departments above this one, nearest first. Stops at a loop already in the data instead of running forever. */
export function ancestorsOf(links: ParentLinks, departmentId: number): number[] {
  const ancestors: number[] = [];
  const seen = new Set([departmentId]);
  let current = links.get(departmentId) ?? null;
  while (current !== null && !seen.has(current)) {
    ancestors.push(current);
    seen.add(current);
    current = links.get(current) ?? null;
  }
  return ancestors;
}

/**
 * Whether putting `departmentId` under `newParentId` would close a loop: the new parent is the
 * department itself or one of the departments below it. A top-level move (null) never does.
 */
export function wouldCreateCycle(links: ParentLinks, departmentId: number, newParentId: number | null): boolean {
  if (newParentId === null) return false;
  if (newParentId === departmentId) return true;
  return ancestorsOf(links, newParentId).includes(departmentId);
}

/** The departments in tree order (parents before children, siblings by the given order), each with its depth. */
export function treeOrder<T extends { id: number; parentId: number | null }>(departments: readonly T[]): (T & { depth: number })[] {
  const known = new Set(departments.map((department) => department.id));
  const children = new Map<number | null, T[]>();
  for (const department of departments) {
    // A parent outside the list (or a loop's member) is shown at the top rather than lost.
    const parent = department.parentId !== null && known.has(department.parentId) ? department.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), department]);
  }
  const ordered: (T & { depth: number })[] = [];
  const placed = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    for (const department of children.get(parent) ?? []) {
      if (placed.has(department.id)) continue;
      placed.add(department.id);
      ordered.push({ ...department, depth });
      visit(department.id, depth + 1);
    }
  };
  visit(null, 0);
  // Departments caught in a loop of bad data have no path from the top; list them last, flat.
  for (const department of departments) if (!placed.has(department.id)) ordered.push({ ...department, depth: 0 });
  return ordered;
}
