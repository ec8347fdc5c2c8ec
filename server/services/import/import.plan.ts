import { createHash } from "node:crypto";
import type { Person } from "@/db/schema";
import { personDetailsInput } from "../organisation/organisation.schemas";
import type { Table } from "./import.decode";
import { type ColumnMapping, departmentLevelFields } from "./import.headers";
import { cleanCell, hasLeft, normaliseKana, parseDate, parseLevel, postKind, splitDepartmentPath, splitList, splitName } from "./import.values";

/*
 * Rows → a plan of changes against the organisation as it is (a snapshot), without touching the
 * database: every row's errors (row number, column, value, why), and what committing would create,
 * update, move and deactivate. The service applies the plan only when it has no errors.
 */

export type Snapshot = {
  departments: { id: number; code: string; nameJa: string; parentId: number | null; headId: number | null }[];
  roles: { id: number; slug: string; nameJa: string; nameEn: string }[];
  skills: { id: number; slug: string; nameJa: string; nameEn: string; aliases: string[] }[];
  people: Pick<
    Person,
    "id" | "employeeNumber" | "familyName" | "givenName" | "familyNameKana" | "givenNameKana" | "businessName" | "romanizedName" | "email" | "hiredOn" | "departmentId" | "roleId" | "level" | "managerId" | "active"
  >[];
  /** Open concurrent posts. */
  memberships: { id: number; personId: number; departmentId: number }[];
  personSkills: { personId: number; skillId: number; level: number }[];
};

export const rowErrorCodes = [
  "brokenEncoding",
  "missingValue",
  "invalidValue",
  "invalidDate",
  "invalidKana",
  "invalidName",
  "unknownDepartmentCode",
  "unknownRole",
  "levelOutOfRange",
  "unknownManager",
  "duplicateEmployeeNumber",
  "duplicateEmail",
  "managerCycle",
  "unknownSkill",
  "invalidPostKind",
  "concurrentWithoutPrimary",
] as const;
export type RowErrorCode = (typeof rowErrorCodes)[number];

export type RowError = { line: number; column: string; value: string; code: RowErrorCode };

/** A department by id, or one the import creates (by the key of its path). */
export type DepartmentRef = { id: number } | { newKey: string };

export type NewDepartment = { key: string; code: string; nameJa: string; parent: DepartmentRef | null };

export type PersonValues = {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  businessName: string;
  romanizedName: string;
  email: string;
  hiredOn: string;
};

export type PlannedPerson = {
  line: number;
  existingId: number | null;
  values: PersonValues;
  department: DepartmentRef;
  roleId: number;
  level: number;
  /** Employee number of the manager, or null: nobody. */
  managerNumber: string | null;
  left: boolean;
  concurrent: DepartmentRef[];
  skills: { skillId: number; level: number }[];
  /** What committing does to this person. */
  change: { create: boolean; identity: boolean; post: boolean; move: boolean; deactivate: boolean; reactivate: boolean; memberships: boolean; skills: boolean };
};

export type ImportPlan = {
  errors: RowError[];
  departments: NewDepartment[];
  people: PlannedPerson[];
  counts: { creates: number; updates: number; deactivations: number; moves: number; errors: number };
};

const DEFAULT_SKILL_LEVEL = 2;

const fold = (text: string) => cleanCell(text).toLowerCase();

/** A generated, stable code for a department the file names only by its path. */
export function departmentCodeForPath(path: string[]): string {
  return `imp-${createHash("sha256").update(path.join("/")).digest("hex").slice(0, 12)}`;
}

class DepartmentIndex {
  private readonly byCode = new Map<string, number>();
  private readonly byPath = new Map<string, DepartmentRef>();
  private readonly pathOf = new Map<number, string[]>();
  readonly created: NewDepartment[] = [];

  constructor(private readonly snapshot: Snapshot) {
    const byId = new Map(snapshot.departments.map((department) => [department.id, department]));
    const path = (id: number, seen = new Set<number>()): string[] => {
      const known = this.pathOf.get(id);
      if (known) return known;
      const department = byId.get(id)!;
      const parent = department.parentId !== null && !seen.has(department.parentId) ? path(department.parentId, seen.add(id)) : [];
      const own = [...parent, cleanCell(department.nameJa)];
      this.pathOf.set(id, own);
      return own;
    };
    for (const department of snapshot.departments) {
      this.byCode.set(fold(department.code), department.id);
      this.byPath.set(path(department.id).join("/"), { id: department.id });
    }
  }

  code(code: string): DepartmentRef | null {
    const id = this.byCode.get(fold(code));
    return id === undefined ? null : { id };
  }

  /** The department at a path, created (with its missing ancestors) when the tree has none. */
  path(names: string[]): DepartmentRef {
    let parent: DepartmentRef | null = null;
    for (let depth = 1; depth <= names.length; depth += 1) {
      const prefix = names.slice(0, depth);
      const key = prefix.join("/");
      let ref = this.byPath.get(key);
      if (!ref) {
        ref = { newKey: key };
        this.created.push({ key, code: departmentCodeForPath(prefix), nameJa: prefix[depth - 1]!, parent });
        this.byPath.set(key, ref);
      }
      parent = ref;
    }
    return parent!;
  }
}

type Cell = (field: string) => string;

/** The row's department: by code, by path, or by level columns; null with an error when unreadable. */
function readDepartment(cell: Cell, mapping: ColumnMapping, departments: DepartmentIndex, fail: (field: string, code: RowErrorCode) => void): DepartmentRef | null {
  const levels = departmentLevelFields(mapping)
    .map((field) => cleanCell(cell(field)))
    .filter((name) => name !== "");
  if (mapping.departmentCode && cleanCell(cell("departmentCode")) !== "") {
    const ref = departments.code(cell("departmentCode"));
    if (!ref) fail("departmentCode", "unknownDepartmentCode");
    return ref;
  }
  if (mapping.departmentPath && cleanCell(cell("departmentPath")) !== "") return departments.path(splitDepartmentPath(cell("departmentPath")));
  if (levels.length > 0) return departments.path(levels);
  fail(mapping.departmentCode ? "departmentCode" : mapping.departmentPath ? "departmentPath" : (departmentLevelFields(mapping)[0] ?? "departmentPath"), "missingValue");
  return null;
}

function readConcurrent(raw: string, departments: DepartmentIndex): DepartmentRef[] {
  return splitList(raw).map((entry) => departments.code(entry) ?? departments.path(splitDepartmentPath(entry)));
}

const sameRef = (a: DepartmentRef, b: DepartmentRef) => ("id" in a && "id" in b ? a.id === b.id : "newKey" in a && "newKey" in b && a.newKey === b.newKey);

export function planImport(table: Table, mapping: ColumnMapping, snapshot: Snapshot): ImportPlan {
  const errors: RowError[] = [];
  const departments = new DepartmentIndex(snapshot);
  const column = new Map(Object.entries(mapping).map(([field, header]) => [field, table.headers.indexOf(header)]));
  const roleBy = new Map<string, number>();
  for (const role of snapshot.roles) for (const name of [role.slug, role.nameJa, role.nameEn]) roleBy.set(fold(name), role.id);
  const skillBy = new Map<string, number>();
  for (const skill of snapshot.skills) for (const name of [skill.slug, skill.nameJa, skill.nameEn, ...skill.aliases]) skillBy.set(fold(name), skill.id);
  const existingByNumber = new Map(snapshot.people.map((person) => [person.employeeNumber, person]));
  const existingById = new Map(snapshot.people.map((person) => [person.id, person]));

  const planned = new Map<string, PlannedPerson>();
  const concurrentRows: { line: number; employeeNumber: string; refs: DepartmentRef[] }[] = [];
  const emails = new Map<string, string>();

  for (const row of table.rows) {
    const cell: Cell = (field) => {
      const index = column.get(field);
      return index === undefined || index < 0 ? "" : (row.cells[index] ?? "");
    };
    const rowErrors: RowError[] = [];
    const fail = (field: string, code: RowErrorCode, value = cell(field)) => rowErrors.push({ line: row.line, column: mapping[field] ?? field, value, code });
    if (row.brokenEncoding) {
      const index = row.cells.findIndex((value) => value.includes("\uFFFD"));
      errors.push({ line: row.line, column: table.headers[index] ?? "", value: row.cells[index] ?? "", code: "brokenEncoding" });
      continue;
    }
    const employeeNumber = cleanCell(cell("employeeNumber"));
    if (employeeNumber === "") {
      fail("employeeNumber", "missingValue");
      errors.push(...rowErrors);
      continue;
    }
    const kind = mapping.postKind ? postKind(cell("postKind")) : "primary";
    if (kind === null) {
      fail("postKind", "invalidPostKind");
      errors.push(...rowErrors);
      continue;
    }
    if (kind === "concurrent") {
      const ref = readDepartment(cell, mapping, departments, fail);
      if (ref) concurrentRows.push({ line: row.line, employeeNumber, refs: [ref] });
      errors.push(...rowErrors);
      continue;
    }
    if (planned.has(employeeNumber)) {
      fail("employeeNumber", "duplicateEmployeeNumber");
      errors.push(...rowErrors);
      continue;
    }

    let familyName = cleanCell(cell("familyName"));
    let givenName = cleanCell(cell("givenName"));
    if ((familyName === "" || givenName === "") && mapping.fullName) {
      const split = splitName(cell("fullName"));
      if (split) ({ family: familyName, given: givenName } = split);
      else fail("fullName", cleanCell(cell("fullName")) === "" ? "missingValue" : "invalidName");
    } else if (familyName === "" || givenName === "") fail(familyName === "" ? "familyName" : "givenName", "missingValue");

    let familyNameKana: string | null = null;
    let givenNameKana: string | null = null;
    if (mapping.familyNameKana && mapping.givenNameKana && cleanCell(cell("familyNameKana")) !== "") {
      familyNameKana = normaliseKana(cell("familyNameKana"));
      givenNameKana = normaliseKana(cell("givenNameKana"));
      if (familyNameKana === null) fail("familyNameKana", "invalidKana");
      else if (givenNameKana === null) fail("givenNameKana", "invalidKana");
    } else {
      const split = splitName(cell("fullNameKana"));
      familyNameKana = split && normaliseKana(split.family);
      givenNameKana = split && normaliseKana(split.given);
      if (familyNameKana === null || givenNameKana === null) fail(mapping.fullNameKana ? "fullNameKana" : "familyNameKana", "invalidKana");
    }

    const hiredOn = parseDate(cell("hiredOn"));
    if (hiredOn === null) fail("hiredOn", cleanCell(cell("hiredOn")) === "" ? "missingValue" : "invalidDate");

    const email = cleanCell(cell("email")).toLowerCase();
    const values = {
      employeeNumber,
      familyName,
      givenName,
      familyNameKana: familyNameKana ?? "",
      givenNameKana: givenNameKana ?? "",
      businessName: cleanCell(cell("businessName")),
      romanizedName: cleanCell(cell("romanizedName")),
      email,
      hiredOn: hiredOn ?? "",
    };
    if (rowErrors.length === 0) {
      const checked = personDetailsInput.safeParse(values);
      if (!checked.success) {
        const field = String(checked.error.issues[0]?.path[0] ?? "employeeNumber");
        // A name part read from a whole-name column is that column's error.
        const wholeColumn: Record<string, string> = { familyName: "fullName", givenName: "fullName", familyNameKana: "fullNameKana", givenNameKana: "fullNameKana" };
        fail(field in mapping ? field : (wholeColumn[field] ?? field), "invalidValue");
      }
    }
    const emailOwner = emails.get(email);
    if (email !== "" && emailOwner !== undefined && emailOwner !== employeeNumber) fail("email", "duplicateEmail");
    emails.set(email, employeeNumber);

    const department = readDepartment(cell, mapping, departments, fail);
    const roleId = roleBy.get(fold(cell("role")));
    if (roleId === undefined) fail("role", cleanCell(cell("role")) === "" ? "missingValue" : "unknownRole");
    const level = parseLevel(cell("level"));
    if (level === null || level < 1 || level > 4) fail("level", cleanCell(cell("level")) === "" ? "missingValue" : "levelOutOfRange");

    const skills: { skillId: number; level: number }[] = [];
    for (const entry of splitList(cell("skills"))) {
      const [name = "", rawLevel] = entry.split(/[:：]/);
      const skillId = skillBy.get(fold(name));
      const skillLevel = rawLevel === undefined ? DEFAULT_SKILL_LEVEL : parseLevel(rawLevel);
      if (skillId === undefined) fail("skills", "unknownSkill", entry);
      else if (skillLevel === null || skillLevel < 1 || skillLevel > 4) fail("skills", "levelOutOfRange", entry);
      else {
        // A skill named twice keeps its last level.
        const held = skills.find((other) => other.skillId === skillId);
        if (held) held.level = skillLevel;
        else skills.push({ skillId, level: skillLevel });
      }
    }

    const managerNumber = cleanCell(cell("managerNumber"));
    const left = mapping.status ? hasLeft(cell("status")) : false;
    const concurrent = mapping.concurrentDepartments ? readConcurrent(cell("concurrentDepartments"), departments) : [];
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const existing = existingByNumber.get(employeeNumber);
    planned.set(employeeNumber, {
      line: row.line,
      existingId: existing?.id ?? null,
      values,
      department: department!,
      roleId: roleId!,
      level: level!,
      managerNumber: managerNumber === "" ? null : managerNumber,
      left,
      concurrent,
      skills,
      change: { create: false, identity: false, post: false, move: false, deactivate: false, reactivate: false, memberships: false, skills: false },
    });
  }

  for (const row of concurrentRows) {
    const person = planned.get(row.employeeNumber);
    if (!person) {
      errors.push({ line: row.line, column: mapping.employeeNumber ?? "", value: row.employeeNumber, code: "concurrentWithoutPrimary" });
      continue;
    }
    for (const ref of row.refs) if (!person.concurrent.some((other) => sameRef(other, ref))) person.concurrent.push(ref);
  }

  resolveManagers(planned, snapshot, mapping, errors);
  for (const person of planned.values()) person.concurrent = person.concurrent.filter((ref) => !sameRef(ref, person.department));

  // Emails held by someone else in the database who keeps it (is not in the file with another one).
  const fileEmailOf = new Map([...planned.values()].map((person) => [person.values.employeeNumber, person.values.email]));
  const holderOfEmail = new Map(snapshot.people.map((person) => [person.email.toLowerCase(), person]));
  for (const person of planned.values()) {
    const holder = holderOfEmail.get(person.values.email);
    if (holder && holder.employeeNumber !== person.values.employeeNumber && (fileEmailOf.get(holder.employeeNumber) ?? holder.email.toLowerCase()) === person.values.email) {
      errors.push({ line: person.line, column: mapping.email ?? "email", value: person.values.email, code: "duplicateEmail" });
    }
  }

  const counts = { creates: departments.created.length, updates: 0, deactivations: 0, moves: 0, errors: 0 };
  const skillsOf = groupBy(snapshot.personSkills, (row) => row.personId);
  const membershipsOf = groupBy(snapshot.memberships, (row) => row.personId);
  const idOfNumber = new Map(snapshot.people.map((person) => [person.employeeNumber, person.id]));
  for (const person of planned.values()) {
    const existing = person.existingId === null ? null : existingById.get(person.existingId)!;
    const change = person.change;
    if (!existing) {
      if (person.left) continue;
      change.create = true;
      change.memberships = person.concurrent.length > 0;
      change.skills = person.skills.length > 0;
      counts.creates += 1;
      continue;
    }
    const before: PersonValues = { ...existing, businessName: existing.businessName ?? "" };
    change.identity = (Object.keys(person.values) as (keyof PersonValues)[]).some((field) => person.values[field] !== before[field]);
    const departmentChanged = !("id" in person.department) || person.department.id !== existing.departmentId;
    const managerId = person.managerNumber === null ? null : (idOfNumber.get(person.managerNumber) ?? -1);
    // A new manager is a move in the ledger too (a reorganisation), as the admin form records it.
    change.move = departmentChanged || person.roleId !== existing.roleId || managerId !== existing.managerId;
    change.post = change.move || person.level !== existing.level;
    if (person.left) {
      // A leaver's post stays as it was on the day they left.
      change.move = false;
      change.post = false;
    }
    change.deactivate = person.left && existing.active;
    change.reactivate = !person.left && !existing.active;
    const open = membershipsOf.get(existing.id) ?? [];
    change.memberships =
      !person.left &&
      (open.length !== person.concurrent.length || person.concurrent.some((ref) => !("id" in ref) || !open.some((membership) => membership.departmentId === ref.id)));
    const held = skillsOf.get(existing.id) ?? [];
    change.skills = !person.left && person.skills.some((skill) => held.find((row) => row.skillId === skill.skillId)?.level !== skill.level);
    if (change.deactivate) counts.deactivations += 1;
    if (change.move) counts.moves += 1;
    if (change.identity || (!person.left && (change.post || change.memberships || change.skills || change.reactivate))) counts.updates += 1;
  }
  counts.errors = errors.length;
  errors.sort((a, b) => a.line - b.line);
  return { errors, departments: departments.created, people: [...planned.values()], counts };
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * Each person's manager: the employee number in the manager column, or (column absent or blank)
 * the head of their department, or of the nearest department above it with another head. A
 * manager neither in the file nor in the company, or a chain that comes back to a person, is the
 * row's error.
 */
function resolveManagers(planned: Map<string, PlannedPerson>, snapshot: Snapshot, mapping: ColumnMapping, errors: RowError[]) {
  const byId = new Map(snapshot.people.map((person) => [person.id, person]));
  const byNumber = new Map(snapshot.people.map((person) => [person.employeeNumber, person]));
  const numbers = new Set(snapshot.people.filter((person) => person.active).map((person) => person.employeeNumber));
  const departmentById = new Map(snapshot.departments.map((department) => [department.id, department]));
  const failed = new Set<string>();
  for (const person of planned.values()) {
    if (person.managerNumber !== null) {
      const inFile = planned.get(person.managerNumber);
      if ((inFile && !inFile.left) || (!inFile && numbers.has(person.managerNumber))) continue;
      errors.push({ line: person.line, column: mapping.managerNumber ?? "managerNumber", value: person.managerNumber, code: "unknownManager" });
      failed.add(person.values.employeeNumber);
      continue;
    }
    if (mapping.managerNumber) continue;
    let departmentId = "id" in person.department ? person.department.id : null;
    while (departmentId !== null) {
      const department = departmentById.get(departmentId);
      const head = department?.headId == null ? undefined : byId.get(department.headId);
      if (head && head.active && head.employeeNumber !== person.values.employeeNumber) {
        person.managerNumber = head.employeeNumber;
        break;
      }
      departmentId = department?.parentId ?? null;
    }
  }
  for (const number of failed) planned.delete(number);
  const managerOf = (number: string): string | null => {
    const inFile = planned.get(number);
    if (inFile) return inFile.managerNumber;
    const existing = byNumber.get(number);
    const manager = existing?.managerId == null ? undefined : byId.get(existing.managerId);
    return manager?.employeeNumber ?? null;
  };
  const inCycle = new Set<string>();
  for (const person of planned.values()) {
    const seen = new Set<string>([person.values.employeeNumber]);
    let next = person.managerNumber;
    while (next !== null && !seen.has(next)) {
      seen.add(next);
      next = managerOf(next);
    }
    if (next === person.values.employeeNumber) inCycle.add(next);
  }
  for (const number of inCycle) {
    const person = planned.get(number)!;
    errors.push({ line: person.line, column: mapping.managerNumber ?? "managerNumber", value: person.managerNumber ?? "", code: "managerCycle" });
    planned.delete(number);
  }
}
