import { invalidValue } from "./scim.errors";
import { scimBoolean } from "./scim.patch";

/*
 * A person as a SCIM User and back. userName is the person's e-mail address (what Entra ID's
 * userPrincipalName and Okta's login usually are, and what sign-in links on); the enterprise
 * extension carries the employee number, the department (by code or name) and the manager (by id
 * or employee number). Kakezan's own extension carries what no standard attribute holds: the kana
 * readings, the romanised name, the role, the level and the hire date.
 */

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const KAKEZAN_SCHEMA = "urn:kakezan:params:scim:schemas:extension:2.0:User";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const USER_EXTENSIONS = [ENTERPRISE_SCHEMA, KAKEZAN_SCHEMA] as const;

/** The reading stored when the provider sends none and the name is not kana itself; an administrator corrects it. */
export const UNKNOWN_KANA = "ー";

export type ScimPersonRow = {
  id: number;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  businessName: string | null;
  romanizedName: string;
  email: string;
  active: boolean;
  hiredOn: string;
  level: number;
  departmentCode: string;
  roleSlug: string;
  managerId: number | null;
  managerEmployeeNumber: string | null;
  managerName: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export function personToScimUser(row: ScimPersonRow, baseUrl: string) {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA, KAKEZAN_SCHEMA],
    id: String(row.id),
    externalId: row.employeeNumber,
    userName: row.email,
    name: { familyName: row.familyName, givenName: row.givenName, formatted: `${row.familyName} ${row.givenName}` },
    displayName: row.businessName ?? `${row.familyName} ${row.givenName}`,
    emails: [{ value: row.email, type: "work", primary: true }],
    active: row.active,
    [ENTERPRISE_SCHEMA]: {
      employeeNumber: row.employeeNumber,
      department: row.departmentCode,
      ...(row.managerId === null ? {} : { manager: { value: String(row.managerId), $ref: `${baseUrl}/Users/${row.managerId}`, displayName: row.managerName } }),
    },
    [KAKEZAN_SCHEMA]: { familyNameKana: row.familyNameKana, givenNameKana: row.givenNameKana, romanizedName: row.romanizedName, role: row.roleSlug, level: row.level, hiredOn: row.hiredOn },
    meta: { resourceType: "User", created: row.createdAt.toISOString(), lastModified: row.updatedAt.toISOString(), location: `${baseUrl}/Users/${row.id}` },
  };
}

/** What a User resource says, in our terms; `undefined` where it says nothing. Department, manager and role stay as sent, for the database to resolve. */
export type ScimUserFields = {
  email?: string;
  familyName?: string;
  givenName?: string;
  familyNameKana?: string;
  givenNameKana?: string;
  romanizedName?: string;
  employeeNumber?: string;
  department?: string;
  /** null: no manager. */
  manager?: string | null;
  role?: string;
  level?: number;
  hiredOn?: string;
  active?: boolean;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The attribute, matched case-insensitively as SCIM names are. */
function attribute(container: unknown, name: string): unknown {
  if (!isObject(container)) return undefined;
  const key = Object.keys(container).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : container[key];
}

function text(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") throw invalidValue(`"${name}" must be a string.`);
  return value.trim() || undefined;
}

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+$/.test(value);

/** The work (else primary, else first) address of `emails`. */
function workEmail(emails: unknown): string | undefined {
  if (!Array.isArray(emails)) return undefined;
  const list = emails.filter(isObject);
  const chosen = list.find((email) => attribute(email, "type") === "work") ?? list.find((email) => attribute(email, "primary") === true) ?? list[0];
  return text(attribute(chosen, "value"), "emails.value");
}

function managerValue(manager: unknown): string | null {
  if (Array.isArray(manager)) return managerValue(manager[0] ?? null);
  if (manager === null || manager === "") return null;
  if (typeof manager === "string" || typeof manager === "number") return String(manager).trim() || null;
  return text(attribute(manager, "value"), "manager.value") ?? null;
}

/**
 * Reads a User resource. `previous` is the resource before a PATCH: there the e-mail follows
 * whichever of userName and the work address changed (Entra ID maps them from two attributes).
 */
export function readScimUser(resource: Record<string, unknown>, previous?: Record<string, unknown>): ScimUserFields {
  const enterprise = attribute(resource, ENTERPRISE_SCHEMA);
  const kakezan = attribute(resource, KAKEZAN_SCHEMA);
  const name = attribute(resource, "name");
  const userName = text(attribute(resource, "userName"), "userName");
  const work = workEmail(attribute(resource, "emails"));
  let email = userName !== undefined && looksLikeEmail(userName) ? userName : work;
  if (previous && userName === attribute(previous, "userName") && work !== undefined && work !== workEmail(attribute(previous, "emails"))) email = work;
  if (userName !== undefined && email === undefined) throw invalidValue("userName must be the person's e-mail address.");
  const levelValue = attribute(kakezan, "level");
  const level = levelValue === undefined || levelValue === null ? undefined : Number(levelValue);
  if (level !== undefined && !Number.isInteger(level)) throw invalidValue("level must be a whole number.");
  const activeValue = attribute(resource, "active");
  // Entra ID's older mapping sends the manager as a core "manager" attribute holding [{ value }].
  const managerAttribute = attribute(enterprise, "manager") ?? attribute(resource, "manager");
  // Absent: unchanged; null or empty: no manager; removed by a PATCH: no manager.
  const removedManager = previous !== undefined && (attribute(attribute(previous, ENTERPRISE_SCHEMA), "manager") ?? attribute(previous, "manager")) !== undefined;
  const manager = managerAttribute === undefined ? (removedManager ? null : undefined) : managerValue(managerAttribute);
  const fields: ScimUserFields = {
    email,
    familyName: text(attribute(name, "familyName"), "name.familyName"),
    givenName: text(attribute(name, "givenName"), "name.givenName"),
    familyNameKana: text(attribute(kakezan, "familyNameKana"), "familyNameKana"),
    givenNameKana: text(attribute(kakezan, "givenNameKana"), "givenNameKana"),
    romanizedName: text(attribute(kakezan, "romanizedName"), "romanizedName"),
    employeeNumber: text(attribute(enterprise, "employeeNumber"), "employeeNumber"),
    department: text(attribute(enterprise, "department"), "department"),
    manager,
    role: text(attribute(kakezan, "role"), "role") ?? text(attribute(resource, "title"), "title"),
    level,
    hiredOn: text(attribute(kakezan, "hiredOn"), "hiredOn"),
    active: activeValue === undefined || activeValue === null ? undefined : scimBoolean(activeValue, "active"),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as ScimUserFields;
}

/** A reading the kana field accepts: the one sent, else the name itself when it is kana, else the placeholder. */
export function kanaReading(sent: string | undefined, name: string): string {
  if (sent) return sent;
  return /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s]+$/u.test(name) ? name : UNKNOWN_KANA;
}

/** The romanised name when none is sent: the display name if it is Latin, else the names given. */
export function romanizedFallback(resource: Record<string, unknown>, fields: ScimUserFields): string {
  const display = text(attribute(resource, "displayName"), "displayName");
  const latin = (value: string | undefined) => (value && /^[\p{Script=Latin}\s.'-]+$/u.test(value) ? value : undefined);
  return fields.romanizedName ?? latin(display) ?? latin(`${fields.givenName ?? ""} ${fields.familyName ?? ""}`.trim()) ?? display ?? `${fields.familyName ?? ""} ${fields.givenName ?? ""}`.trim();
}
