import type { Bilingual } from "@/app/_i18n/localized";

export type DepartmentOption = { id: number; parentId: number | null; name: Bilingual };

/**
 * Departments in tree order (each followed by its sub-departments, siblings by name), with their
 * depth, for a select that indents them. A department whose parent is not in the list (a manager's
 * own department, the top of their organisation) is a root.
 */
export function departmentTree(departments: DepartmentOption[], locale: string): (DepartmentOption & { depth: number })[] {
  const ids = new Set(departments.map((department) => department.id));
  const children = new Map<number | null, DepartmentOption[]>();
  for (const department of departments) {
    const parent = department.parentId !== null && ids.has(department.parentId) ? department.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), department]);
  }
  const collator = new Intl.Collator(locale);
  const ordered: (DepartmentOption & { depth: number })[] = [];
  const visit = (parent: number | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => collator.compare(locale === "en" ? a.name.en : a.name.ja, locale === "en" ? b.name.en : b.name.ja) || a.id - b.id);
    for (const department of list) {
      ordered.push({ ...department, depth });
      visit(department.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}
