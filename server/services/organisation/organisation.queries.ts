import { and, asc, count, eq, ilike, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, memberships, people, roles } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { containsPattern, normalizeSearchText } from "../text/normalize";
import { personNameMatches } from "../people/person-name.columns";
import { asPost, membershipPostColumns } from "../people/current-membership";
import { treeOrder } from "./department-tree";
import { requireOrganisationAdmin } from "./organisation.guard";
import { accessColumns, detailColumns, postColumns } from "./person-admin.columns";
import { AppError } from "@/server/errors";
import {
  type AdminPeopleInput,
  adminPeopleInput,
  type AdminPerson,
  type AdminPersonRow,
  type DepartmentNode,
  type MembershipView,
  type OrganisationOptions,
} from "./organisation.schemas";

/** Open concurrent posts of a person (counted on the admin list). */
const openPosts = sql<number>`(select count(*) from memberships m where m.person_id = ${people.id} and m.end_on is null)`.mapWith(Number);

/** The administration's people list: everyone (leavers too), by kana reading; search by name, reading, number or e-mail. */
export async function listPeopleForAdmin(db: Executor, actor: Actor, rawInput: AdminPeopleInput): Promise<{ items: AdminPersonRow[]; total: number }> {
  requireOrganisationAdmin(actor);
  const input = adminPeopleInput.parse(rawInput);
  const query = normalizeSearchText(input.query);
  const matches = query ? or(personNameMatches(query), ilike(people.employeeNumber, containsPattern(query)), ilike(people.email, containsPattern(query))) : undefined;
  const where = and(input.includeInactive ? undefined : eq(people.active, true), matches);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: people.id,
        familyName: people.familyName,
        givenName: people.givenName,
        familyNameKana: people.familyNameKana,
        givenNameKana: people.givenNameKana,
        businessName: people.businessName,
        romanizedName: people.romanizedName,
        employeeNumber: people.employeeNumber,
        email: people.email,
        departmentJa: departments.nameJa,
        departmentEn: departments.nameEn,
        roleJa: roles.nameJa,
        roleEn: roles.nameEn,
        active: people.active,
        isHr: people.isHr,
        isAdmin: people.isAdmin,
        concurrentPosts: openPosts,
      })
      .from(people)
      .innerJoin(departments, eq(departments.id, people.departmentId))
      .innerJoin(roles, eq(roles.id, people.roleId))
      .where(where)
      .orderBy(asc(people.familyNameKana), asc(people.givenNameKana), asc(people.id))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: count() }).from(people).where(where),
  ]);
  return {
    items: rows.map(asPost),
    total: total?.total ?? 0,
  };
}

/** A person's concurrent posts, current and past, latest first. */
export async function membershipsOf(db: Executor, personId: number): Promise<MembershipView[]> {
  const rows = await db
    .select({
      id: memberships.id,
      departmentId: memberships.departmentId,
      roleId: memberships.roleId,
      ...membershipPostColumns,
    })
    .from(memberships)
    .innerJoin(departments, eq(departments.id, memberships.departmentId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(eq(memberships.personId, personId))
    .orderBy(sql`${memberships.endOn} is null desc`, sql`${memberships.startOn} desc`, memberships.id);
  return rows.map(asPost);
}

/** Everything the person form edits (admin). */
export async function personForAdmin(db: Executor, actor: Actor, personId: number): Promise<AdminPerson> {
  requireOrganisationAdmin(actor);
  const [row] = await db
    .select({ id: people.id, ...detailColumns, ...postColumns, ...accessColumns, leftOn: people.leftOn })
    .from(people)
    .where(eq(people.id, personId));
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row, businessName: row.businessName ?? "", memberships: await membershipsOf(db, personId) };
}

/** The department tree in order with heads and member counts (primary posts of active people). */
export async function departmentTreeForAdmin(db: Executor, actor: Actor): Promise<DepartmentNode[]> {
  requireOrganisationAdmin(actor);
  const rows = await db
    .select({
      id: departments.id,
      code: departments.code,
      nameJa: departments.nameJa,
      nameEn: departments.nameEn,
      parentId: departments.parentId,
      headId: departments.headId,
      headFamilyName: people.familyName,
      headGivenName: people.givenName,
      headRomanizedName: people.romanizedName,
      members: sql<number>`(select count(*) from people p where p.department_id = ${departments.id} and p.active)`.mapWith(Number),
    })
    .from(departments)
    .leftJoin(people, eq(people.id, departments.headId))
    .orderBy(departments.code, departments.id);
  return treeOrder(rows).map((row) => ({
    id: row.id,
    code: row.code,
    name: { ja: row.nameJa, en: row.nameEn },
    parentId: row.parentId,
    headId: row.headId,
    head: row.headFamilyName === null ? null : { ja: `${row.headFamilyName} ${row.headGivenName}`, en: row.headRomanizedName ?? "" },
    depth: row.depth,
    members: row.members,
  }));
}

/** The departments, open roles and active people the organisation forms choose from (admin). */
export async function organisationOptions(db: Executor, actor: Actor): Promise<OrganisationOptions> {
  const [tree, roleRows, personRows] = await Promise.all([
    departmentTreeForAdmin(db, actor),
    db.select({ id: roles.id, nameJa: roles.nameJa, nameEn: roles.nameEn }).from(roles).where(isNull(roles.retiredAt)).orderBy(roles.nameJa, roles.id),
    db
      .select({ id: people.id, familyName: people.familyName, givenName: people.givenName, romanizedName: people.romanizedName, employeeNumber: people.employeeNumber })
      .from(people)
      .where(eq(people.active, true))
      .orderBy(people.familyNameKana, people.givenNameKana, people.id),
  ]);
  return {
    departments: tree,
    roles: roleRows.map((role) => ({ id: role.id, name: { ja: role.nameJa, en: role.nameEn } })),
    people: personRows.map((person) => ({ id: person.id, name: `${person.familyName} ${person.givenName}`, romanizedName: person.romanizedName, employeeNumber: person.employeeNumber })),
  };
}
