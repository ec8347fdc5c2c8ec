import { and, gte, isNull, lte, or } from "drizzle-orm";
import { departments, memberships, roles } from "@/db/schema";

/** Concurrent posts (兼務) held on this day (YYYY-MM-DD, Japan time): started, and not yet ended. */
export const currentMembership = (today: string) => and(lte(memberships.startOn, today), or(isNull(memberships.endOn), gte(memberships.endOn, today)));

/** A concurrent post as pages show it; select with `memberships` joined to `departments` and `roles`, then `asPost`. */
export const membershipPostColumns = {
  departmentJa: departments.nameJa,
  departmentEn: departments.nameEn,
  roleJa: roles.nameJa,
  roleEn: roles.nameEn,
  timePercent: memberships.timePercent,
  startOn: memberships.startOn,
  endOn: memberships.endOn,
};

type PostRow = { departmentJa: string; departmentEn: string; roleJa: string; roleEn: string };

/** The row with its department and role as bilingual texts. */
export function asPost<T extends PostRow>({ departmentJa, departmentEn, roleJa, roleEn, ...row }: T) {
  return { ...row, department: { ja: departmentJa, en: departmentEn }, role: { ja: roleJa, en: roleEn } };
}
