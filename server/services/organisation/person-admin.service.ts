import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { asSystem } from "@/db/scope";
import { memberships, moves, people } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canChangeOwnAccess } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
import { enqueue } from "../outbox/outbox";
import { changeManager, type Deactivation, deactivatePerson, type OrganisationChange, reactivatePerson } from "../people/organisation";
import { japanDate } from "../workflow/business-days";
import { requireActivePerson, requireDepartment, requireOpenRole, requireUniqueIdentity } from "./organisation.lookups";
import { requireOrganisationAdmin } from "./organisation.guard";
import { accessColumns, detailColumns, postColumns } from "./person-admin.columns";
import {
  type ChangePostInput,
  changePostInput,
  type CreatePersonInput,
  createPersonInput,
  deactivateInput,
  type SetAccessInput,
  setAccessInput,
  type UpdatePersonInput,
  updatePersonInput,
} from "./organisation.schemas";

/*
 * Administrators create people and change their posts and rights. Each function is one audited
 * transaction (before and after in the audit row) in system scope, like the org-chart changes in
 * people/organisation.ts, which these reuse for managers, leavers and returns.
 */

/** The person's row under lock, or not found. */
async function lockPerson(tx: Executor, personId: number) {
  const [row] = await tx
    .select({ ...detailColumns, ...postColumns, ...accessColumns })
    .from(people)
    .where(eq(people.id, personId))
    .for("update");
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

const pick = <T extends object, K extends keyof T>(row: T, columns: Record<K, unknown>) => Object.fromEntries(Object.keys(columns).map((key) => [key, row[key as K]])) as Pick<T, K>;

/** Only the fields that differ, before and after: what an audit row of an edit holds. */
function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const keys = (Object.keys(after) as (keyof T)[]).filter((key) => after[key] !== undefined && after[key] !== before[key]);
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
    changed: keys.length > 0,
  };
}

/** A new person in a post (admin). Sign-in links to them by e-mail on first sign-in. */
export async function createPerson(db: Executor, actor: Actor, rawInput: CreatePersonInput): Promise<{ id: number }> {
  requireOrganisationAdmin(actor);
  const input = createPersonInput.parse(rawInput);
  return asSystem(db, async (tx) => {
    await requireUniqueIdentity(tx, input, null);
    await requireDepartment(tx, input.departmentId);
    await requireOpenRole(tx, input.roleId);
    if (input.managerId !== null) await requireActivePerson(tx, input.managerId, "managerNotActive");
    const values = { ...input, businessName: input.businessName || null, roleSince: input.hiredOn, levelSince: input.hiredOn };
    const [created] = await tx.insert(people).values(values).returning({ id: people.id });
    const id = created!.id;
    await writeAudit(tx, { actorId: actor.personId, action: "person.create", entityType: "person", entityId: id, data: { before: null, after: values } });
    await enqueue(tx, "profile.changed", { personId: id });
    return { id };
  });
}

/** Corrects a person's identity: numbers, names, readings, e-mail, hire date (admin). Posts change through `changePost`. */
export async function updatePerson(db: Executor, actor: Actor, rawInput: UpdatePersonInput): Promise<{ id: number }> {
  requireOrganisationAdmin(actor);
  const { personId, ...input } = updatePersonInput.parse(rawInput);
  return asSystem(db, async (tx) => {
    const before = pick(await lockPerson(tx, personId), detailColumns);
    await requireUniqueIdentity(tx, input, personId);
    const diff = changedFields(before, { ...input, businessName: input.businessName || null });
    if (!diff.changed) return { id: personId };
    await tx.update(people).set(diff.after).where(eq(people.id, personId));
    await writeAudit(tx, { actorId: actor.personId, action: "person.update", entityType: "person", entityId: personId, data: { before: diff.before, after: diff.after } });
    await enqueue(tx, "profile.changed", { personId });
    return { id: personId };
  });
}

/**
 * Moves a person to another post — department, role, level, manager — as one organisation change
 * (admin). A change of department or role is a row in the moves ledger with its kind
 * (transfer, promotion, reorganisation), effective today, so the reports see where the person
 * stood before and after; a level alone is no move (the ledger has no level) and is audited only.
 * A new manager goes through `changeManager`, so live applications follow the chain.
 */
export async function changePost(db: Executor, actor: Actor, rawInput: ChangePostInput, now = new Date()): Promise<OrganisationChange> {
  requireOrganisationAdmin(actor);
  const input = changePostInput.parse(rawInput);
  return asSystem(db, async (tx) => {
    const before = pick(await lockPerson(tx, input.personId), postColumns);
    if (!before.active) throw new AppError("BAD_REQUEST", "personNotActive");
    const movesDepartment = before.departmentId !== input.departmentId;
    const movesRole = before.roleId !== input.roleId;
    if (movesDepartment) await requireDepartment(tx, input.departmentId);
    if (movesRole) await requireOpenRole(tx, input.roleId);
    const today = japanDate(now);
    if (movesDepartment || movesRole || before.level !== input.level) {
      await tx
        .update(people)
        .set({
          departmentId: input.departmentId,
          roleId: input.roleId,
          level: input.level,
          ...(movesRole ? { roleSince: today } : {}),
          ...(before.level !== input.level || movesRole ? { levelSince: today } : {}),
        })
        .where(eq(people.id, input.personId));
    }
    // A new manager alone is a reorganisation around the person, not a move they made: it is in
    // the ledger (where the reports read who managed whom) whatever kind the form chose.
    const movesManager = before.managerId !== input.managerId;
    if (movesDepartment || movesRole || movesManager) {
      await tx.insert(moves).values({
        personId: input.personId,
        kind: movesDepartment || movesRole ? input.kind : "reorganisation",
        fromDepartmentId: before.departmentId,
        toDepartmentId: input.departmentId,
        fromRoleId: before.roleId,
        toRoleId: input.roleId,
        fromManagerId: before.managerId,
        toManagerId: input.managerId,
        effectiveOn: today,
      });
    }
    if (movesDepartment) await endConcurrentPostIn(tx, actor, input.personId, input.departmentId, today);
    const diff = changedFields(before, { departmentId: input.departmentId, roleId: input.roleId, level: input.level, managerId: input.managerId });
    if (diff.changed) {
      await writeAudit(tx, {
        actorId: actor.personId,
        action: "person.post_changed",
        entityType: "person",
        entityId: input.personId,
        data: { kind: input.kind, before: diff.before, after: diff.after, effectiveOn: today },
      });
      await enqueue(tx, "profile.changed", { personId: input.personId });
    }
    if (before.managerId === input.managerId) return { reassignedApplicationIds: [] };
    return changeManager(tx, { personId: input.personId, managerId: input.managerId, actorId: actor.personId }, now);
  });
}

/** A concurrent post in the department that becomes the primary one ends the day before: nobody holds both at once. */
async function endConcurrentPostIn(tx: Executor, actor: Actor, personId: number, departmentId: number, today: string) {
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const ended = await tx
    .update(memberships)
    .set({ endOn: sql`greatest(${memberships.startOn}, ${yesterday}::date)` })
    .where(and(eq(memberships.personId, personId), eq(memberships.departmentId, departmentId), isNull(memberships.endOn)))
    .returning({ id: memberships.id, endOn: memberships.endOn });
  for (const membership of ended) {
    await writeAudit(tx, {
      actorId: actor.personId,
      action: "membership.end",
      entityType: "membership",
      entityId: membership.id,
      data: { before: { endOn: null }, after: { endOn: membership.endOn }, cause: "became_primary_post" },
    });
  }
}

/** Grants or removes HR and admin rights (admin). They apply from the person's next request. */
export async function setAccess(db: Executor, actor: Actor, rawInput: SetAccessInput): Promise<{ id: number }> {
  requireOrganisationAdmin(actor);
  const input = setAccessInput.parse(rawInput);
  if (!canChangeOwnAccess(actor, input.personId, { isAdmin: input.isAdmin })) throw new AppError("BAD_REQUEST", "cannotRemoveOwnAdmin");
  return asSystem(db, async (tx) => {
    const before = pick(await lockPerson(tx, input.personId), accessColumns);
    const diff = changedFields(before, { isHr: input.isHr, isAdmin: input.isAdmin });
    if (!diff.changed) return { id: input.personId };
    await tx.update(people).set(diff.after).where(eq(people.id, input.personId));
    await writeAudit(tx, { actorId: actor.personId, action: "person.access_changed", entityType: "person", entityId: input.personId, data: { before: diff.before, after: diff.after } });
    return { id: input.personId };
  });
}

/** A person leaves (admin): see `deactivatePerson`. An administrator cannot deactivate themself. */
export async function deactivate(db: Executor, actor: Actor, rawInput: { personId: number; reason: string }, now = new Date()): Promise<Deactivation> {
  requireOrganisationAdmin(actor);
  const input = deactivateInput.parse(rawInput);
  if (!canChangeOwnAccess(actor, input.personId, "deactivate")) throw new AppError("BAD_REQUEST", "cannotDeactivateSelf");
  return deactivatePerson(db, { personId: input.personId, actorId: actor.personId, reason: input.reason }, now);
}

/** A person returns (admin): see `reactivatePerson`. */
export async function reactivate(db: Executor, actor: Actor, personId: number, now = new Date()): Promise<OrganisationChange> {
  requireOrganisationAdmin(actor);
  return reactivatePerson(db, { personId, actorId: actor.personId }, now);
}
