import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { roles, skills, willDesiredSkills, wills, willTargetRoles, willVersions } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
import { enqueue } from "../outbox/outbox";
import { getOwnWill } from "./will.queries";
import { type SaveWillInput, saveWillInput, type WillView } from "./will.schemas";

/**
 * Saves the actor's Will and keeps the previous text as a version. Optimistic concurrency: a save
 * based on an older version (another tab, a double submit) is refused with a conflict, so nothing
 * is overwritten unseen. The statement never goes into the audit log (it is private).
 */
export async function saveOwnWill(db: Database, actor: Actor, rawInput: SaveWillInput): Promise<WillView> {
  const input = saveWillInput.parse(rawInput);
  const targetRoleIds = [...new Set(input.targetRoleIds)];
  const desiredSkillIds = [...new Set(input.desiredSkillIds)];
  await db.transaction(async (tx) => {
    // Retired roles and skills stay in a Will that already names them, but are not chosen anew.
    const kept = await tx.select({ roleId: willTargetRoles.roleId }).from(willTargetRoles).where(eq(willTargetRoles.personId, actor.personId));
    const keptRoles = new Set(kept.map((row) => row.roleId));
    if (targetRoleIds.length > 0) {
      const found = await tx.select({ id: roles.id, retiredAt: roles.retiredAt }).from(roles).where(inArray(roles.id, targetRoleIds));
      if (found.length !== targetRoleIds.length) throw new AppError("BAD_REQUEST", "unknownRole");
      if (found.some((role) => role.retiredAt && !keptRoles.has(role.id))) throw new AppError("BAD_REQUEST", "roleRetired");
    }
    if (desiredSkillIds.length > 0) {
      const found = await tx.select({ id: skills.id, retiredAt: skills.retiredAt }).from(skills).where(inArray(skills.id, desiredSkillIds));
      if (found.length !== desiredSkillIds.length) throw new AppError("BAD_REQUEST", "unknownSkill");
      const wanted = await tx.select({ skillId: willDesiredSkills.skillId }).from(willDesiredSkills).where(eq(willDesiredSkills.personId, actor.personId));
      const keptSkills = new Set(wanted.map((row) => row.skillId));
      if (found.some((skill) => skill.retiredAt && !keptSkills.has(skill.id))) throw new AppError("BAD_REQUEST", "skillRetired");
    }
    const [current] = await tx.select({ version: wills.version }).from(wills).where(eq(wills.personId, actor.personId)).for("update");
    if ((current?.version ?? 0) !== input.expectedVersion) throw new AppError("CONFLICT", "willChangedElsewhere");
    const version = input.expectedVersion + 1;
    const fields = {
      statement: input.statement,
      horizon: input.horizon,
      openness: input.openness,
      shareWithManager: input.shareWithManager,
      shareWithHr: input.shareWithHr,
      shareWithMatching: input.shareWithMatching,
    };
    await tx
      .insert(wills)
      .values({ personId: actor.personId, ...fields, version })
      .onConflictDoUpdate({ target: wills.personId, set: { ...fields, version, updatedAt: new Date() } });
    await tx.delete(willTargetRoles).where(eq(willTargetRoles.personId, actor.personId));
    if (targetRoleIds.length > 0) await tx.insert(willTargetRoles).values(targetRoleIds.map((roleId) => ({ personId: actor.personId, roleId })));
    await tx.delete(willDesiredSkills).where(eq(willDesiredSkills.personId, actor.personId));
    if (desiredSkillIds.length > 0) await tx.insert(willDesiredSkills).values(desiredSkillIds.map((skillId) => ({ personId: actor.personId, skillId })));
    await tx.insert(willVersions).values({ personId: actor.personId, version, ...fields, targetRoleIds, desiredSkillIds });
    await writeAudit(tx, {
      actorId: actor.personId,
      action: "will.save",
      entityType: "person",
      entityId: actor.personId,
      data: { version, shareWithManager: input.shareWithManager, shareWithHr: input.shareWithHr, shareWithMatching: input.shareWithMatching },
    });
    await enqueue(tx, "profile.changed", { personId: actor.personId });
  });
  return getOwnWill(db, actor);
}
