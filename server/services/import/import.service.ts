import { createHash } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { asSystem } from "@/db/scope";
import { departments, importMappings, imports, memberships, people, personSkills, roles, skills } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canImportPeople } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { writeAudit, writeAuditEntries } from "../audit/audit.service";
import { enqueueMany } from "../outbox/outbox";
import { createDepartment } from "../organisation/department.service";
import { addMembership, endMembership } from "../organisation/membership.service";
import { detailColumns, postColumns } from "../organisation/person-admin.columns";
import { changePost, deactivate, reactivate, updatePerson } from "../organisation/person-admin.service";
import { japanDate } from "../workflow/business-days";
import { readTable, type Table } from "./import.decode";
import { type ColumnMapping, detectSourceSystem, guessMapping, missingFields, type SourceSystem } from "./import.headers";
import { type DepartmentRef, type ImportPlan, planImport, type PlannedPerson, type Snapshot } from "./import.plan";
import { importProgress } from "./import.progress";

/*
 * The CSV / Excel import of departments, people, posts and skills (administrators only). A dry
 * run reads the file against the organisation as it is and lists every row's error and every
 * change; a commit does the same and, when no row has an error, applies the changes in one
 * transaction through the organisation services the admin forms use (so moves, manager changes,
 * leavers and audit rows are written exactly as by hand). Each run is recorded in `imports`.
 */

/** Share of time a concurrent post (兼務) gets when the file gives none. */
export const CONCURRENT_POST_PERCENT = 10;

export type ImportFile = { fileName: string; bytes: Uint8Array };

function requireImporter(actor: Actor) {
  if (!canImportPeople(actor)) throw new AppError("FORBIDDEN");
}

export function fileSha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function tableOf(file: ImportFile): Promise<Table> {
  try {
    return await readTable(file.bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "importUnreadable");
  }
}

/** What the page shows after upload: the format found and the mapping (remembered for the source, else guessed). */
export async function analyseImport(db: Executor, actor: Actor, file: ImportFile) {
  requireImporter(actor);
  const table = await tableOf(file);
  const sourceSystem = detectSourceSystem(table.headers);
  const guessed = guessMapping(table.headers);
  const remembered = await asSystem(db, async (tx) => (await tx.select({ mapping: importMappings.mapping }).from(importMappings).where(eq(importMappings.sourceSystem, sourceSystem)))[0]?.mapping);
  const usable = remembered && Object.values(remembered).every((header) => table.headers.includes(header)) ? remembered : guessed;
  return {
    sourceSystem,
    encoding: table.encoding,
    headers: table.headers,
    rowCount: table.rows.length,
    mapping: usable,
    remembered: usable === remembered,
    missing: missingFields(usable),
  };
}

async function loadSnapshot(tx: Executor): Promise<Snapshot> {
  const [departmentRows, roleRows, skillRows, peopleRows, membershipRows, skillLevelRows] = await Promise.all([
    tx.select({ id: departments.id, code: departments.code, nameJa: departments.nameJa, parentId: departments.parentId, headId: departments.headId }).from(departments),
    tx.select({ id: roles.id, slug: roles.slug, nameJa: roles.nameJa, nameEn: roles.nameEn }).from(roles).where(isNull(roles.retiredAt)),
    tx.select({ id: skills.id, slug: skills.slug, nameJa: skills.nameJa, nameEn: skills.nameEn, aliases: skills.aliases }).from(skills).where(isNull(skills.retiredAt)),
    tx.select({ id: people.id, ...detailColumns, ...postColumns }).from(people),
    tx.select({ id: memberships.id, personId: memberships.personId, departmentId: memberships.departmentId }).from(memberships).where(isNull(memberships.endOn)),
    tx.select({ personId: personSkills.personId, skillId: personSkills.skillId, level: personSkills.level }).from(personSkills),
  ]);
  return { departments: departmentRows, roles: roleRows, skills: skillRows, people: peopleRows, memberships: membershipRows, personSkills: skillLevelRows };
}

export type ImportRunInput = { sourceSystem: SourceSystem; mapping: ColumnMapping };

/** The plan's changes as the page lists them: one line per person or department, by kind. */
export type ImportChange = { kind: "create" | "update" | "move" | "deactivate"; line: number | null; employeeNumber: string | null; name: string };

function changesOf(plan: ImportPlan): ImportChange[] {
  const changes: ImportChange[] = plan.departments.map((department) => ({ kind: "create", line: null, employeeNumber: null, name: department.key }));
  for (const person of plan.people) {
    const { change, values } = person;
    const name = `${values.familyName} ${values.givenName}`;
    const kind = change.create ? "create" : change.deactivate ? "deactivate" : change.move ? "move" : change.identity || change.post || change.memberships || change.skills || change.reactivate ? "update" : null;
    if (kind) changes.push({ kind, line: person.line, employeeNumber: values.employeeNumber, name });
  }
  return changes;
}

/** How many changes a dry run lists (the counts cover all of them). */
export const LISTED_CHANGES = 500;

async function record(db: Executor, actor: Actor, file: ImportFile, input: ImportRunInput, status: "dry_run" | "committed" | "failed", plan: ImportPlan, rowsTotal: number) {
  return asSystem(db, async (tx) => {
    const [row] = await tx
      .insert(imports)
      .values({
        actorId: actor.personId,
        sourceSystem: input.sourceSystem,
        fileName: file.fileName,
        fileSha256: fileSha256(file.bytes),
        status,
        counts: plan.counts,
        rowsDone: rowsTotal,
        rowsTotal,
        finishedAt: new Date(),
      })
      .returning({ id: imports.id });
    return row!.id;
  });
}

async function planFile(db: Executor, file: ImportFile, input: ImportRunInput) {
  const table = await tableOf(file);
  const missing = missingFields(input.mapping);
  if (missing.length > 0) throw new AppError("BAD_REQUEST", "importMappingIncomplete", { fields: missing.join(", ") });
  const unknownHeader = Object.values(input.mapping).find((header) => !table.headers.includes(header));
  if (unknownHeader !== undefined) throw new AppError("BAD_REQUEST", "importUnknownHeader", { header: unknownHeader });
  const plan = await asSystem(db, async (tx) => planImport(table, input.mapping, await loadSnapshot(tx)));
  return { table, plan };
}

/** Reads the file and lists its errors and changes without changing anything but the record of the run. */
export async function dryRunImport(db: Executor, actor: Actor, file: ImportFile, input: ImportRunInput) {
  requireImporter(actor);
  const { table, plan } = await planFile(db, file, input);
  const importId = await record(db, actor, file, input, "dry_run", plan, table.rows.length);
  const changes = changesOf(plan);
  return { importId, counts: plan.counts, errors: plan.errors, changes: changes.slice(0, LISTED_CHANGES), changesTruncated: changes.length > LISTED_CHANGES };
}

/**
 * Applies the file when no row has an error, all in the caller's transaction (a failure anywhere
 * undoes every change); with errors nothing changes and the run is recorded as failed. The mapping
 * is remembered for the source system either way.
 */
export async function commitImport(db: Executor, actor: Actor, file: ImportFile, input: ImportRunInput, now = new Date()) {
  requireImporter(actor);
  const { table, plan } = await planFile(db, file, input);
  await rememberMapping(db, actor, input);
  if (plan.errors.length > 0) {
    const importId = await record(db, actor, file, input, "failed", plan, table.rows.length);
    return { importId, status: "failed" as const, counts: plan.counts, errors: plan.errors };
  }
  const progress = importProgress.start(actor.personId, plan.people.length + plan.departments.length);
  try {
    await db.transaction(async (tx) => applyPlan(tx, actor, plan, now, progress.step));
  } finally {
    progress.finish();
  }
  const importId = await record(db, actor, file, input, "committed", plan, table.rows.length);
  await asSystem(db, (tx) =>
    writeAudit(tx, { actorId: actor.personId, action: "import.commit", entityType: "import", entityId: importId, data: { fileName: file.fileName, sourceSystem: input.sourceSystem, counts: plan.counts } }),
  );
  return { importId, status: "committed" as const, counts: plan.counts, errors: [] };
}

async function rememberMapping(db: Executor, actor: Actor, input: ImportRunInput) {
  await asSystem(db, (tx) =>
    tx
      .insert(importMappings)
      .values({ sourceSystem: input.sourceSystem, mapping: input.mapping, updatedById: actor.personId })
      .onConflictDoUpdate({ target: importMappings.sourceSystem, set: { mapping: input.mapping, updatedById: actor.personId, updatedAt: new Date() } }),
  );
}

/** Managers before the people they manage, so each manager exists (and is active) when named. */
function managersFirst(people: PlannedPerson[]): PlannedPerson[] {
  const byNumber = new Map(people.map((person) => [person.values.employeeNumber, person]));
  const ordered: PlannedPerson[] = [];
  const placed = new Set<string>();
  const place = (person: PlannedPerson) => {
    const stack: PlannedPerson[] = [];
    let current: PlannedPerson | undefined = person;
    while (current && !placed.has(current.values.employeeNumber) && !stack.includes(current)) {
      stack.push(current);
      current = current.managerNumber === null ? undefined : byNumber.get(current.managerNumber);
    }
    for (const entry of stack.reverse()) {
      placed.add(entry.values.employeeNumber);
      ordered.push(entry);
    }
  };
  for (const person of people) place(person);
  return ordered;
}

/** Rows per multi-row insert when hiring in bulk. */
const CHUNK = 500;

/**
 * New hires in waves — those whose manager already exists first, then the people they manage —
 * each wave inserted in chunks with the audit row and outbox event `createPerson` writes for one.
 * The plan has already checked what `createPerson` checks (unique numbers and e-mails, departments,
 * open roles, active managers), so 10,000 hires take seconds rather than minutes.
 */
async function hireInBulk(tx: Executor, actor: Actor, hires: PlannedPerson[], departmentIdOf: (ref: DepartmentRef) => number, personIds: Map<string, number>, step: () => void) {
  let waiting = hires;
  while (waiting.length > 0) {
    const wave = waiting.filter((person) => person.managerNumber === null || personIds.has(person.managerNumber));
    if (wave.length === 0) throw new Error("import: a manager of a new hire is neither in the company nor hired by the file");
    waiting = waiting.filter((person) => !wave.includes(person));
    for (let start = 0; start < wave.length; start += CHUNK) {
      const chunk = wave.slice(start, start + CHUNK);
      const values = chunk.map((person) => ({
        ...person.values,
        businessName: person.values.businessName || null,
        departmentId: departmentIdOf(person.department),
        roleId: person.roleId,
        level: person.level,
        managerId: person.managerNumber === null ? null : personIds.get(person.managerNumber)!,
        roleSince: person.values.hiredOn,
        levelSince: person.values.hiredOn,
      }));
      await asSystem(tx, async (scoped) => {
        const created = await scoped.insert(people).values(values).returning({ id: people.id, employeeNumber: people.employeeNumber });
        for (const row of created) personIds.set(row.employeeNumber, row.id);
        const idOfNumber = (employeeNumber: string) => personIds.get(employeeNumber)!;
        await writeAuditEntries(
          scoped,
          values.map((value) => ({ actorId: actor.personId, action: "person.create", entityType: "person", entityId: idOfNumber(value.employeeNumber), data: { before: null, after: value } })),
        );
        await enqueueMany(scoped, "profile.changed", values.map((value) => ({ personId: idOfNumber(value.employeeNumber) })));
      });
      for (const _ of chunk) step();
    }
  }
}

async function applyPlan(tx: Executor, actor: Actor, plan: ImportPlan, now: Date, step: () => void) {
  const departmentIds = new Map<string, number>();
  const idOf = (ref: DepartmentRef) => ("id" in ref ? ref.id : departmentIds.get(ref.newKey)!);
  for (const department of plan.departments) {
    const { id } = await createDepartment(tx, actor, { code: department.code, nameJa: department.nameJa, nameEn: department.nameJa, parentId: department.parent && idOf(department.parent) });
    departmentIds.set(department.key, id);
    step();
  }
  const personIds = new Map(
    (await asSystem(tx, (scoped) => scoped.select({ id: people.id, employeeNumber: people.employeeNumber }).from(people))).map((row) => [row.employeeNumber, row.id]),
  );
  await hireInBulk(
    tx,
    actor,
    plan.people.filter((person) => person.change.create),
    idOf,
    personIds,
    step,
  );
  const managerIdOf = (person: PlannedPerson) => (person.managerNumber === null ? null : (personIds.get(person.managerNumber) ?? null));
  const today = japanDate(now);
  for (const person of managersFirst(plan.people)) {
    const { change } = person;
    const personId = person.existingId ?? personIds.get(person.values.employeeNumber) ?? null;
    if (person.existingId !== null) {
      if (change.reactivate) await reactivate(tx, actor, person.existingId, now);
      if (change.identity) await updatePerson(tx, actor, { ...person.values, personId: person.existingId });
      if (change.post && !person.left) {
        await changePost(tx, actor, { personId: person.existingId, kind: "reorganisation", departmentId: idOf(person.department), roleId: person.roleId, level: person.level, managerId: managerIdOf(person) }, now);
      }
      step();
    }
    if (personId !== null && change.memberships) await syncMemberships(tx, actor, personId, person, idOf, today);
  }
  await setSkills(
    tx,
    actor,
    plan.people.filter((person) => person.change.skills).map((person) => ({ personId: person.existingId ?? personIds.get(person.values.employeeNumber)!, skills: person.skills })),
  );
  for (const person of plan.people) {
    if (person.change.deactivate && person.existingId !== null) await deactivate(tx, actor, { personId: person.existingId, reason: "import" }, now);
  }
}

/** Concurrent posts as the file lists them: missing ones added (in the primary role), unlisted ones ended yesterday. */
async function syncMemberships(tx: Executor, actor: Actor, personId: number, person: PlannedPerson, idOf: (ref: DepartmentRef) => number, today: string) {
  const open = await asSystem(tx, (scoped) =>
    scoped.select({ id: memberships.id, departmentId: memberships.departmentId, startOn: memberships.startOn }).from(memberships).where(and(eq(memberships.personId, personId), isNull(memberships.endOn))),
  );
  const wanted = new Set(person.concurrent.map(idOf));
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  for (const membership of open) {
    if (!wanted.has(membership.departmentId)) await endMembership(tx, actor, { membershipId: membership.id, endOn: membership.startOn > yesterday ? membership.startOn : yesterday });
  }
  for (const departmentId of wanted) {
    if (!open.some((membership) => membership.departmentId === departmentId)) {
      await addMembership(tx, actor, { personId, departmentId, roleId: person.roleId, timePercent: CONCURRENT_POST_PERCENT, startOn: today });
    }
  }
}

/** Skill levels as the file gives them, in chunks; a changed level loses its manager's verification, as an edit does. */
async function setSkills(tx: Executor, actor: Actor, rows: { personId: number; skills: { skillId: number; level: number }[] }[]) {
  const levels = rows.flatMap((row) => row.skills.map((skill) => ({ personId: row.personId, skillId: skill.skillId, level: skill.level })));
  await asSystem(tx, async (scoped) => {
    for (let start = 0; start < levels.length; start += CHUNK) {
      await scoped
        .insert(personSkills)
        .values(levels.slice(start, start + CHUNK))
        .onConflictDoUpdate({
          target: [personSkills.personId, personSkills.skillId],
          set: { level: sql`excluded.level`, verifiedById: null, verifiedAt: null },
          setWhere: sql`${personSkills.level} <> excluded.level`,
        });
    }
    for (let start = 0; start < rows.length; start += CHUNK) {
      await writeAuditEntries(
        scoped,
        rows.slice(start, start + CHUNK).map((row) => ({ actorId: actor.personId, action: "person_skill.import", entityType: "person", entityId: row.personId, data: { after: row.skills } })),
      );
    }
  });
}

/** The running commit's progress for the page's bar, else the administrator's latest recorded import. */
export async function importStatus(db: Executor, actor: Actor) {
  requireImporter(actor);
  const running = importProgress.of(actor.personId);
  if (running) return { running: true, rowsDone: running.done, rowsTotal: running.total, latest: null };
  const [latest] = await asSystem(db, (tx) =>
    tx
      .select({ id: imports.id, status: imports.status, fileName: imports.fileName, counts: imports.counts, startedAt: imports.startedAt, rowsDone: imports.rowsDone, rowsTotal: imports.rowsTotal })
      .from(imports)
      .where(eq(imports.actorId, actor.personId))
      .orderBy(desc(imports.id))
      .limit(1),
  );
  return { running: false, rowsDone: latest?.rowsDone ?? 0, rowsTotal: latest?.rowsTotal ?? 0, latest: latest ?? null };
}
