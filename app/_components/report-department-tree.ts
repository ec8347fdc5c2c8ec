import type { Bilingual } from "@/app/_i18n/localized";

export type DepartmentOption = { id: number; name: Bilingual; children: DepartmentOption[] };

/** The departments of a tree in order (each followed by its sub-departments), with their depth, for a select that indents them. */
export function departmentTree(departments: readonly DepartmentOption[], depth = 0): { id: number; name: Bilingual; depth: number }[] {
  return departments.flatMap((department) => [{ id: department.id, name: department.name, depth }, ...departmentTree(department.children, depth + 1)]);
}
