import { and, asc, count, eq, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { asSystem } from "@/db/scope";
import { applications, careerPaths, jobFamilies, moves, opportunities, people, roleLevels, roles, willTargetRoles } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canEditCareerMap } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
import { setRetired } from "../common/retirement";
import { freeSlug } from "../taxonomy/slug";
import {
  type CareerMapOutline,
  type RetireInput,
  retireInput,
  type SaveCareerPathInput,
  type SaveJobFamilyInput,
  type SaveRoleInput,
  type SaveRoleLevelInput,
  pathIdInput,
  roleIdInput,
  saveCareerPathInput,
  saveJobFamilyInput,
  saveRoleInput,
  saveRoleLevelInput,
} from "./career-map-editor.schemas";

/*
 * The administrator's edits of the career map. Each is checked against the policy, runs in one
 * transaction and writes its audit row (before and after) there. The map and the gap read these
 * tables on every request, so an edit shows at once.
 */

function assertMayEdit(actor: Actor) {
  if (!canEditCareerMap(actor)) throw new AppError("FORBIDDEN");
}

const bilingualOf = (ja: string, en: string) => ({ ja, en });

/** The whole career map with retired rows, levels and how many people hold each role. */
export async function getCareerMapOutline(db: Executor, actor: Actor): Promise<CareerMapOutline> {
  assertMayEdit(actor);
  const [familyRows, roleRows, levelRows, pathRows, holderRows] = await Promise.all([
    db.select().from(jobFamilies).orderBy(asc(jobFamilies.id)),
    db.select().from(roles).orderBy(asc(roles.familyId), asc(roles.id)),
    db.select().from(roleLevels).orderBy(asc(roleLevels.roleId), asc(roleLevels.level)),
    db.select().from(careerPaths).orderBy(asc(careerPaths.id)),
    db.select({ roleId: people.roleId, holders: count() }).from(people).where(eq(people.active, true)).groupBy(people.roleId),
  ]);
  const holders = new Map(holderRows.map((row) => [row.roleId, Number(row.holders)]));
  return {
    families: familyRows.map((row) => ({ id: row.id, slug: row.slug, name: bilingualOf(row.nameJa, row.nameEn), retired: row.retiredAt !== null })),
    roles: roleRows.map((row) => ({
      id: row.id,
      slug: row.slug,
      familyId: row.familyId,
      track: row.track,
      name: bilingualOf(row.nameJa, row.nameEn),
      description: bilingualOf(row.descriptionJa, row.descriptionEn),
      retired: row.retiredAt !== null,
      holders: holders.get(row.id) ?? 0,
      levels: levelRows
        .filter((level) => level.roleId === row.id)
        .map((level) => ({ level: level.level, standardYears: level.standardYears, keyExperiences: level.keyExperiences, qualifications: level.qualifications })),
    })),
    paths: pathRows.map((row) => ({ id: row.id, fromRoleId: row.fromRoleId, toRoleId: row.toRoleId, kind: row.kind, note: bilingualOf(row.noteJa, row.noteEn) })),
  };
}

const familySnapshot = (row: typeof jobFamilies.$inferSelect) => ({ slug: row.slug, nameJa: row.nameJa, nameEn: row.nameEn, retiredAt: row.retiredAt });
const roleSnapshot = (row: typeof roles.$inferSelect) => ({
  slug: row.slug,
  familyId: row.familyId,
  track: row.track,
  nameJa: row.nameJa,
  nameEn: row.nameEn,
  descriptionJa: row.descriptionJa,
  descriptionEn: row.descriptionEn,
  retiredAt: row.retiredAt,
});

async function lockFamily(tx: Executor, familyId: number) {
  const [row] = await tx.select().from(jobFamilies).where(eq(jobFamilies.id, familyId)).for("update");
  if (!row) throw new AppError("NOT_FOUND", "unknownJobFamily");
  return row;
}

async function lockRole(tx: Executor, roleId: number) {
  const [row] = await tx.select().from(roles).where(eq(roles.id, roleId)).for("update");
  if (!row) throw new AppError("NOT_FOUND", "unknownRole");
  return row;
}

/** Creates a job family or renames one. */
export async function saveJobFamily(db: Executor, actor: Actor, rawInput: SaveJobFamilyInput): Promise<{ id: number }> {
  assertMayEdit(actor);
  const { familyId, ...fields } = saveJobFamilyInput.parse(rawInput);
  return db.transaction(async (tx) => {
    if (familyId === undefined) {
      const slug = await freeSlug(tx, jobFamilies, jobFamilies.slug, fields.nameEn, "family");
      const [row] = await tx.insert(jobFamilies).values({ ...fields, slug }).returning();
      await writeAudit(tx, { actorId: actor.personId, action: "career_map.job_family_create", entityType: "job_family", entityId: row!.id, data: { before: null, after: familySnapshot(row!) } });
      return { id: row!.id };
    }
    const before = await lockFamily(tx, familyId);
    const [after] = await tx.update(jobFamilies).set(fields).where(eq(jobFamilies.id, familyId)).returning();
    await writeAudit(tx, { actorId: actor.personId, action: "career_map.job_family_update", entityType: "job_family", entityId: familyId, data: { before: familySnapshot(before), after: familySnapshot(after!) } });
    return { id: familyId };
  });
}

/** Retires a job family (it takes no new roles; its roles stay) or brings it back. */
export async function setJobFamilyRetired(db: Executor, actor: Actor, rawInput: RetireInput, now = new Date()): Promise<{ ok: true }> {
  assertMayEdit(actor);
  const input = retireInput.parse(rawInput);
  return setRetired(
    db,
    {
      actorId: actor.personId,
      retired: input.retired,
      entityType: "job_family",
      entityId: input.id,
      actions: { retire: "career_map.job_family_retire", restore: "career_map.job_family_restore" },
      lock: (tx) => lockFamily(tx, input.id),
      write: (tx, retiredAt) => tx.update(jobFamilies).set({ retiredAt }).where(eq(jobFamilies.id, input.id)),
    },
    now,
  );
}

/** Creates a role (with its four levels, one standard year each until edited) or edits one. */
export async function saveRole(db: Executor, actor: Actor, rawInput: SaveRoleInput): Promise<{ id: number }> {
  assertMayEdit(actor);
  const { roleId, ...fields } = saveRoleInput.parse(rawInput);
  return db.transaction(async (tx) => {
    const [family] = await tx.select().from(jobFamilies).where(eq(jobFamilies.id, fields.familyId));
    if (!family) throw new AppError("BAD_REQUEST", "unknownJobFamily");
    if (roleId === undefined) {
      if (family.retiredAt) throw new AppError("CONFLICT", "jobFamilyRetired");
      const slug = await freeSlug(tx, roles, roles.slug, fields.nameEn, "role");
      const [row] = await tx.insert(roles).values({ ...fields, slug }).returning();
      await tx.insert(roleLevels).values([1, 2, 3, 4].map((level) => ({ roleId: row!.id, level, standardYears: level === 4 ? 0 : 2 })));
      await writeAudit(tx, { actorId: actor.personId, action: "career_map.role_create", entityType: "role", entityId: row!.id, data: { before: null, after: roleSnapshot(row!) } });
      return { id: row!.id };
    }
    const before = await lockRole(tx, roleId);
    if (family.retiredAt && before.familyId !== fields.familyId) throw new AppError("CONFLICT", "jobFamilyRetired");
    const [after] = await tx.update(roles).set(fields).where(eq(roles.id, roleId)).returning();
    await writeAudit(tx, { actorId: actor.personId, action: "career_map.role_update", entityType: "role", entityId: roleId, data: { before: roleSnapshot(before), after: roleSnapshot(after!) } });
    return { id: roleId };
  });
}

/** Sets a role level's standard years, key experiences and qualifications (creating the level when missing). */
export async function saveRoleLevel(db: Executor, actor: Actor, rawInput: SaveRoleLevelInput): Promise<{ ok: true }> {
  assertMayEdit(actor);
  const { roleId, level, ...fields } = saveRoleLevelInput.parse(rawInput);
  await db.transaction(async (tx) => {
    await lockRole(tx, roleId);
    const [before] = await tx
      .select()
      .from(roleLevels)
      .where(and(eq(roleLevels.roleId, roleId), eq(roleLevels.level, level)));
    await tx
      .insert(roleLevels)
      .values({ roleId, level, ...fields })
      .onConflictDoUpdate({ target: [roleLevels.roleId, roleLevels.level], set: fields });
    const snapshot = (row: Pick<typeof roleLevels.$inferSelect, "standardYears" | "keyExperiences" | "qualifications">) => ({
      standardYears: row.standardYears,
      keyExperiences: row.keyExperiences,
      qualifications: row.qualifications,
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      action: "career_map.role_level_update",
      entityType: "role",
      entityId: roleId,
      data: { level, before: before ? snapshot(before) : null, after: snapshot(fields) },
    });
  });
  return { ok: true };
}

/**
 * Retires a role or brings it back. A retired role is not offered for new postings or Will
 * targets; people who hold it, postings and moves that name it keep it and show it.
 */
export async function setRoleRetired(db: Executor, actor: Actor, rawInput: RetireInput, now = new Date()): Promise<{ ok: true }> {
  assertMayEdit(actor);
  const input = retireInput.parse(rawInput);
  return setRetired(
    db,
    {
      actorId: actor.personId,
      retired: input.retired,
      entityType: "role",
      entityId: input.id,
      actions: { retire: "career_map.role_retire", restore: "career_map.role_restore" },
      lock: (tx) => lockRole(tx, input.id),
      write: (tx, retiredAt) => tx.update(roles).set({ retiredAt }).where(eq(roles.id, input.id)),
    },
    now,
  );
}

/**
 * Deletes a role nothing names: with its levels and paths. A role someone holds (active or not)
 * cannot be deleted — it is retired instead; nor one that a posting, an application, a move or
 * a Will names, since that history would lose its role. In system scope: a Will or an
 * application the administrator may not read still counts.
 */
export async function deleteRole(db: Executor, actor: Actor, rawInput: { roleId: number }): Promise<{ ok: true }> {
  assertMayEdit(actor);
  const { roleId } = roleIdInput.parse(rawInput);
  await asSystem(db, async (tx) => {
    const before = await lockRole(tx, roleId);
    const [held] = await tx.select({ id: people.id }).from(people).where(eq(people.roleId, roleId)).limit(1);
    if (held) throw new AppError("CONFLICT", "roleHeld");
    const named = await Promise.all([
      tx.select({ id: opportunities.id }).from(opportunities).where(eq(opportunities.roleId, roleId)).limit(1),
      tx.select({ id: applications.id }).from(applications).where(eq(applications.applicantRoleId, roleId)).limit(1),
      tx
        .select({ id: moves.id })
        .from(moves)
        .where(or(eq(moves.fromRoleId, roleId), eq(moves.toRoleId, roleId)))
        .limit(1),
      tx.select({ personId: willTargetRoles.personId }).from(willTargetRoles).where(eq(willTargetRoles.roleId, roleId)).limit(1),
    ]);
    if (named.some((rows) => rows.length > 0)) throw new AppError("CONFLICT", "roleInUse");
    const levels = await tx.select().from(roleLevels).where(eq(roleLevels.roleId, roleId));
    await tx.delete(roles).where(eq(roles.id, roleId));
    await writeAudit(tx, {
      actorId: actor.personId,
      action: "career_map.role_delete",
      entityType: "role",
      entityId: roleId,
      data: { before: { ...roleSnapshot(before), levels: levels.map((level) => ({ level: level.level, standardYears: level.standardYears })) }, after: null },
    });
  });
  return { ok: true };
}

const pathSnapshot = (row: typeof careerPaths.$inferSelect) => ({ fromRoleId: row.fromRoleId, toRoleId: row.toRoleId, kind: row.kind, noteJa: row.noteJa, noteEn: row.noteEn });

/** Creates a path between two roles or edits one; one path per ordered pair of roles. */
export async function saveCareerPath(db: Executor, actor: Actor, rawInput: SaveCareerPathInput): Promise<{ id: number }> {
  assertMayEdit(actor);
  const { pathId, ...fields } = saveCareerPathInput.parse(rawInput);
  return db.transaction(async (tx) => {
    const ends = await tx
      .select({ id: roles.id })
      .from(roles)
      .where(or(eq(roles.id, fields.fromRoleId), eq(roles.id, fields.toRoleId)));
    if (ends.length !== 2) throw new AppError("BAD_REQUEST", "unknownRole");
    const [same] = await tx
      .select({ id: careerPaths.id })
      .from(careerPaths)
      .where(and(eq(careerPaths.fromRoleId, fields.fromRoleId), eq(careerPaths.toRoleId, fields.toRoleId)));
    if (same && same.id !== pathId) throw new AppError("CONFLICT", "careerPathExists");
    if (pathId === undefined) {
      const [row] = await tx.insert(careerPaths).values(fields).returning();
      await writeAudit(tx, { actorId: actor.personId, action: "career_map.career_path_create", entityType: "career_path", entityId: row!.id, data: { before: null, after: pathSnapshot(row!) } });
      return { id: row!.id };
    }
    const [before] = await tx.select().from(careerPaths).where(eq(careerPaths.id, pathId)).for("update");
    if (!before) throw new AppError("NOT_FOUND", "unknownCareerPath");
    const [after] = await tx.update(careerPaths).set(fields).where(eq(careerPaths.id, pathId)).returning();
    await writeAudit(tx, { actorId: actor.personId, action: "career_map.career_path_update", entityType: "career_path", entityId: pathId, data: { before: pathSnapshot(before), after: pathSnapshot(after!) } });
    return { id: pathId };
  });
}

/** Deletes a path (a path is no history of anyone's: deleting it loses nothing but the suggestion). */
export async function deleteCareerPath(db: Executor, actor: Actor, rawInput: { pathId: number }): Promise<{ ok: true }> {
  assertMayEdit(actor);
  const { pathId } = pathIdInput.parse(rawInput);
  await db.transaction(async (tx) => {
    const [before] = await tx.delete(careerPaths).where(eq(careerPaths.id, pathId)).returning();
    if (!before) throw new AppError("NOT_FOUND", "unknownCareerPath");
    await writeAudit(tx, { actorId: actor.personId, action: "career_map.career_path_delete", entityType: "career_path", entityId: pathId, data: { before: pathSnapshot(before), after: null } });
  });
  return { ok: true };
}
