import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { asSystem } from "@/db/scope";
import { departments, people } from "@/db/schema";
import { ScimError } from "./scim.errors";
import { parseScimFilter } from "./scim.filter";
import { GROUP_SCHEMA } from "./scim.mapping";
import type { Page } from "./scim-users.service";

/*
 * Groups are departments, read-only: a person's department is set through the enterprise
 * extension's `department`, never by group membership, and no group grants HR or admin rights
 * (an identity provider must not be able to make someone an administrator).
 */

const groupFilterColumns: Record<string, (value: string) => SQL> = {
  id: (value) => (/^\d{1,9}$/.test(value) ? eq(departments.id, Number(value)) : sql`false`),
  displayname: (value) => sql`(lower(${departments.nameEn}) = lower(${value}) or ${departments.nameJa} = ${value})`,
  externalid: (value) => sql`lower(${departments.code}) = lower(${value})`,
};

function groupFilterCondition(filter: string | null): SQL | undefined {
  if (filter === null || filter.trim() === "") return undefined;
  return and(
    ...parseScimFilter(filter).map((comparison) => {
      const column = groupFilterColumns[comparison.attribute.toLowerCase()];
      if (!column || comparison.operator !== "eq") throw new ScimError(400, "Groups can be filtered with eq on id, displayName and externalId.", "invalidFilter");
      return column(String(comparison.value));
    }),
  );
}

type DepartmentRow = { id: number; code: string; nameEn: string };

async function toGroup(tx: Executor, department: DepartmentRow, baseUrl: string, withMembers: boolean) {
  const members = withMembers
    ? await tx.select({ id: people.id, name: people.romanizedName }).from(people).where(and(eq(people.departmentId, department.id), eq(people.active, true))).orderBy(asc(people.id))
    : null;
  return {
    schemas: [GROUP_SCHEMA],
    id: String(department.id),
    externalId: department.code,
    displayName: department.nameEn,
    ...(members ? { members: members.map((member) => ({ value: String(member.id), display: member.name, $ref: `${baseUrl}/Users/${member.id}` })) } : {}),
    meta: { resourceType: "Group", location: `${baseUrl}/Groups/${department.id}` },
  };
}

const departmentColumns = { id: departments.id, code: departments.code, nameEn: departments.nameEn };

export async function listScimGroups(db: Executor, baseUrl: string, filter: string | null, page: Page, withMembers: boolean) {
  const where = groupFilterCondition(filter);
  return asSystem(db, async (tx) => {
    const [total] = await tx.select({ value: count() }).from(departments).where(where);
    const rows = page.count === 0 ? [] : await tx.select(departmentColumns).from(departments).where(where).orderBy(asc(departments.id)).limit(page.count).offset(page.startIndex - 1);
    const resources = [];
    for (const row of rows) resources.push(await toGroup(tx, row, baseUrl, withMembers));
    return { totalResults: total!.value, resources };
  });
}

export async function getScimGroup(db: Executor, baseUrl: string, id: string, withMembers: boolean) {
  return asSystem(db, async (tx) => {
    const [row] = /^\d{1,9}$/.test(id) ? await tx.select(departmentColumns).from(departments).where(eq(departments.id, Number(id))) : [];
    if (!row) throw new ScimError(404, `Group ${id} not found.`);
    return toGroup(tx, row, baseUrl, withMembers);
  });
}
