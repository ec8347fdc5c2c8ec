import { and, asc, count, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { asSystem } from "@/db/scope";
import { departments, people, roles } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { changePost, createPerson, deactivate, reactivate, updatePerson } from "../organisation/person-admin.service";
import { detailColumns, postColumns } from "../organisation/person-admin.columns";
import { japanDate } from "../workflow/business-days";
import { invalidValue, ScimError } from "./scim.errors";
import { parseScimFilter } from "./scim.filter";
import { ENTERPRISE_SCHEMA, kanaReading, personToScimUser, readScimUser, romanizedFallback, type ScimPersonRow, type ScimUserFields, USER_EXTENSIONS } from "./scim.mapping";
import { applyPatch } from "./scim.patch";

/*
 * The SCIM Users resource over the organisation services: every create, change and deactivation
 * goes through person-admin.service as the token's administrator, so the same checks, audit rows,
 * ledger moves (kind `reorganisation`) and workflow consequences apply as in the admin screens.
 */

/** Why a person is deactivated through SCIM (the reason the workflow records on their own applications). */
export const SCIM_DEACTIVATION_REASON = "IdP (SCIM) による無効化 / Deactivated by the identity provider";

const manager = alias(people, "manager");

const rowColumns = {
  id: people.id,
  ...detailColumns,
  ...postColumns,
  departmentCode: departments.code,
  roleSlug: roles.slug,
  managerEmployeeNumber: manager.employeeNumber,
  managerName: manager.romanizedName,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
};

function selectPeople(tx: Executor) {
  return tx
    .select(rowColumns)
    .from(people)
    .innerJoin(departments, eq(departments.id, people.departmentId))
    .innerJoin(roles, eq(roles.id, people.roleId))
    .leftJoin(manager, eq(manager.id, people.managerId));
}

const userFilterColumns: Record<string, (value: string | boolean | null) => SQL> = {
  id: (value) => (/^\d{1,9}$/.test(String(value)) ? eq(people.id, Number(value)) : sql`false`),
  username: (value) => sql`lower(${people.email}) = lower(${String(value)})`,
  "emails.value": (value) => sql`lower(${people.email}) = lower(${String(value)})`,
  emails: (value) => sql`lower(${people.email}) = lower(${String(value)})`,
  externalid: (value) => eq(people.employeeNumber, String(value)),
  employeenumber: (value) => eq(people.employeeNumber, String(value)),
  [`${ENTERPRISE_SCHEMA}:employeenumber`.toLowerCase()]: (value) => eq(people.employeeNumber, String(value)),
  active: (value) => eq(people.active, String(value).toLowerCase() === "true"),
};

/** A SCIM filter as a condition on people: equality on the attributes providers look users up by. */
export function userFilterCondition(filter: string | null): SQL | undefined {
  if (filter === null || filter.trim() === "") return undefined;
  const conditions = parseScimFilter(filter).map((comparison) => {
    const column = userFilterColumns[comparison.attribute.toLowerCase()];
    if (!column || comparison.operator !== "eq") throw new ScimError(400, `Users can be filtered with eq on ${Object.keys(userFilterColumns).join(", ")}.`, "invalidFilter");
    return column(comparison.value);
  });
  return and(...conditions);
}

export type Page = { startIndex: number; count: number };

export async function listScimUsers(db: Executor, baseUrl: string, filter: string | null, page: Page) {
  const where = userFilterCondition(filter);
  return asSystem(db, async (tx) => {
    const [total] = await tx.select({ value: count() }).from(people).where(where);
    const rows = page.count === 0 ? [] : await selectPeople(tx).where(where).orderBy(asc(people.id)).limit(page.count).offset(page.startIndex - 1);
    return { totalResults: total!.value, resources: rows.map((row) => personToScimUser(row, baseUrl)) };
  });
}

async function loadRow(tx: Executor, id: string): Promise<ScimPersonRow & { departmentId: number; roleId: number }> {
  const [row] = /^\d{1,9}$/.test(id) ? await selectPeople(tx).where(eq(people.id, Number(id))) : [];
  if (!row) throw new ScimError(404, `User ${id} not found.`);
  return row;
}

export async function getScimUser(db: Executor, baseUrl: string, id: string) {
  return personToScimUser(await asSystem(db, (tx) => loadRow(tx, id)), baseUrl);
}

async function resolveDepartment(tx: Executor, value: string): Promise<number> {
  const [row] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(or(sql`lower(${departments.code}) = lower(${value})`, eq(departments.nameJa, value), sql`lower(${departments.nameEn}) = lower(${value})`))
    .orderBy(asc(departments.id))
    .limit(1);
  if (!row) throw invalidValue(`No department has the code or name "${value}".`);
  return row.id;
}

async function resolveRole(tx: Executor, value: string): Promise<number> {
  const [row] = await tx
    .select({ id: roles.id })
    .from(roles)
    .where(and(isNull(roles.retiredAt), or(eq(roles.slug, value), eq(roles.nameJa, value), sql`lower(${roles.nameEn}) = lower(${value})`)))
    .orderBy(asc(roles.id))
    .limit(1);
  if (!row) throw invalidValue(`No open role has the slug or name "${value}".`);
  return row.id;
}

/** The manager by their SCIM id (what Entra ID sends back), else by employee number. */
async function resolveManager(tx: Executor, value: string): Promise<number> {
  const byId = /^\d{1,9}$/.test(value) ? await tx.select({ id: people.id }).from(people).where(eq(people.id, Number(value))) : [];
  const [row] = byId.length > 0 ? byId : await tx.select({ id: people.id }).from(people).where(eq(people.employeeNumber, value));
  if (!row) throw invalidValue(`No person has the id or employee number "${value}" (manager).`);
  return row.id;
}

function required<K extends keyof ScimUserFields>(fields: ScimUserFields, key: K, attribute: string): NonNullable<ScimUserFields[K]> {
  const value = fields[key];
  if (value === undefined || value === null) throw invalidValue(`${attribute} is required.`);
  return value as NonNullable<ScimUserFields[K]>;
}

export async function createScimUser(db: Executor, actor: Actor, baseUrl: string, resource: Record<string, unknown>, now = new Date()) {
  const fields = readScimUser(resource);
  const email = required(fields, "email", "userName");
  const familyName = required(fields, "familyName", "name.familyName");
  const givenName = required(fields, "givenName", "name.givenName");
  const employeeNumber = required(fields, "employeeNumber", `${ENTERPRISE_SCHEMA}:employeeNumber`);
  const { departmentId, roleId, managerId } = await asSystem(db, async (tx) => ({
    departmentId: await resolveDepartment(tx, required(fields, "department", `${ENTERPRISE_SCHEMA}:department`)),
    roleId: await resolveRole(tx, required(fields, "role", "title")),
    managerId: fields.manager ? await resolveManager(tx, fields.manager) : null,
  }));
  const { id } = await createPerson(db, actor, {
    employeeNumber,
    familyName,
    givenName,
    familyNameKana: kanaReading(fields.familyNameKana, familyName),
    givenNameKana: kanaReading(fields.givenNameKana, givenName),
    romanizedName: romanizedFallback(resource, fields),
    email,
    hiredOn: fields.hiredOn ?? japanDate(now),
    departmentId,
    roleId,
    level: fields.level ?? 1,
    managerId,
  });
  if (fields.active === false) await deactivate(db, actor, { personId: id, reason: SCIM_DEACTIVATION_REASON }, now);
  return getScimUser(db, baseUrl, String(id));
}

/** Brings the person to what `fields` say: return, identity, post (a reorganisation), leaving — each through its organisation service. */
async function applyFields(db: Executor, actor: Actor, id: string, fields: ScimUserFields, now: Date) {
  const current = await asSystem(db, (tx) => loadRow(tx, id));
  if (fields.active === true && !current.active) await reactivate(db, actor, current.id, now);
  const familyName = fields.familyName ?? current.familyName;
  const givenName = fields.givenName ?? current.givenName;
  const details = {
    employeeNumber: fields.employeeNumber ?? current.employeeNumber,
    familyName,
    givenName,
    familyNameKana: fields.familyNameKana ?? (familyName === current.familyName ? current.familyNameKana : kanaReading(undefined, familyName)),
    givenNameKana: fields.givenNameKana ?? (givenName === current.givenName ? current.givenNameKana : kanaReading(undefined, givenName)),
    businessName: current.businessName ?? "",
    romanizedName: fields.romanizedName ?? current.romanizedName,
    email: fields.email ?? current.email,
    hiredOn: fields.hiredOn ?? current.hiredOn,
  };
  await updatePerson(db, actor, { personId: current.id, ...details });
  const post = await asSystem(db, async (tx) => ({
    departmentId: fields.department ? await resolveDepartment(tx, fields.department) : current.departmentId,
    roleId: fields.role && fields.role !== current.roleSlug ? await resolveRole(tx, fields.role) : current.roleId,
    managerId: fields.manager === undefined ? current.managerId : fields.manager === null ? null : await resolveManager(tx, fields.manager),
    level: fields.level ?? current.level,
  }));
  const postChanged = post.departmentId !== current.departmentId || post.roleId !== current.roleId || post.managerId !== current.managerId || post.level !== current.level;
  // A leaver's post is history: changes sent for an inactive person are not applied.
  if (postChanged && (current.active || fields.active === true)) await changePost(db, actor, { personId: current.id, kind: "reorganisation", ...post }, now);
  if (fields.active === false && current.active) await deactivate(db, actor, { personId: current.id, reason: SCIM_DEACTIVATION_REASON }, now);
}

/**
 * PUT: the resource as sent replaces ours, except that an attribute it leaves out is kept (a
 * provider that maps no manager or department must not clear them); null clears the manager.
 */
export async function replaceScimUser(db: Executor, actor: Actor, baseUrl: string, id: string, resource: Record<string, unknown>, now = new Date()) {
  await applyFields(db, actor, id, readScimUser(resource), now);
  return getScimUser(db, baseUrl, id);
}

export async function patchScimUser(db: Executor, actor: Actor, baseUrl: string, id: string, body: unknown, now = new Date()) {
  const before = (await getScimUser(db, baseUrl, id)) as Record<string, unknown>;
  const patched = applyPatch(before, body, USER_EXTENSIONS);
  await applyFields(db, actor, id, readScimUser(patched, before), now);
  return getScimUser(db, baseUrl, id);
}

/** DELETE deactivates: people are never deleted (their history stays). */
export async function deleteScimUser(db: Executor, actor: Actor, id: string, now = new Date()) {
  const current = await asSystem(db, (tx) => loadRow(tx, id));
  if (current.active) await deactivate(db, actor, { personId: current.id, reason: SCIM_DEACTIVATION_REASON }, now);
}
