import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { people, personSkills, skills } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canVerifySkillsOf } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
import { enqueue } from "../outbox/outbox";
import {
  removeOwnSkillInput,
  type SetOwnSkillInput,
  setOwnSkillInput,
  type UpdateProfileInput,
  updateProfileInput,
  type VerifySkillInput,
  verifySkillInput,
} from "./profile.schemas";

async function assertSkillExists(db: Pick<Database, "select">, skillId: number) {
  const [skill] = await db.select({ id: skills.id, retiredAt: skills.retiredAt }).from(skills).where(eq(skills.id, skillId));
  if (!skill) throw new AppError("BAD_REQUEST", "unknownSkill");
  return skill;
}

/**
 * Adds a skill to the actor's own profile or changes its level or evidence. A changed level
 * clears the manager's verification: the badge must never vouch for a level nobody checked.
 */
export async function setOwnSkill(db: Database, actor: Actor, rawInput: SetOwnSkillInput, now = new Date()): Promise<void> {
  const input = setOwnSkillInput.parse(rawInput);
  await db.transaction(async (tx) => {
    const skill = await assertSkillExists(tx, input.skillId);
    const [current] = await tx
      .select({ level: personSkills.level })
      .from(personSkills)
      .where(and(eq(personSkills.personId, actor.personId), eq(personSkills.skillId, input.skillId)))
      .for("update");
    // A retired skill stays where held (its level may still change) but is not taken up anew.
    if (skill.retiredAt && !current) throw new AppError("BAD_REQUEST", "skillRetired");
    const levelChanged = current?.level !== input.level;
    const verificationReset = levelChanged ? { verifiedById: null, verifiedAt: null, verificationNote: "" } : {};
    await tx
      .insert(personSkills)
      .values({ personId: actor.personId, skillId: input.skillId, level: input.level, evidence: input.evidence, reviewedAt: now })
      .onConflictDoUpdate({
        target: [personSkills.personId, personSkills.skillId],
        set: { level: input.level, evidence: input.evidence, reviewedAt: now, ...verificationReset },
      });
    await tx.update(people).set({ profileReviewedAt: now }).where(eq(people.id, actor.personId));
    await writeAudit(tx, {
      actorId: actor.personId,
      action: current ? "skill.update" : "skill.add",
      entityType: "person",
      entityId: actor.personId,
      data: { skillId: input.skillId, from: current?.level ?? null, to: input.level },
    });
    await enqueue(tx, "profile.changed", { personId: actor.personId });
  });
}

/** Removes a skill from the actor's own profile. */
export async function removeOwnSkill(db: Database, actor: Actor, rawInput: { skillId: number }, now = new Date()): Promise<void> {
  const input = removeOwnSkillInput.parse(rawInput);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(personSkills)
      .where(and(eq(personSkills.personId, actor.personId), eq(personSkills.skillId, input.skillId)))
      .returning({ level: personSkills.level });
    if (removed.length === 0) throw new AppError("NOT_FOUND");
    await tx.update(people).set({ profileReviewedAt: now }).where(eq(people.id, actor.personId));
    await writeAudit(tx, { actorId: actor.personId, action: "skill.remove", entityType: "person", entityId: actor.personId, data: { skillId: input.skillId } });
    await enqueue(tx, "profile.changed", { personId: actor.personId });
  });
}

/** The actor's tagline and directory visibility. */
export async function updateOwnProfile(db: Database, actor: Actor, rawInput: UpdateProfileInput): Promise<void> {
  const input = updateProfileInput.parse(rawInput);
  if (Object.values(input).every((value) => value === undefined)) return;
  await db.transaction(async (tx) => {
    await tx.update(people).set(input).where(eq(people.id, actor.personId));
    await writeAudit(tx, { actorId: actor.personId, action: "profile.update", entityType: "person", entityId: actor.personId, data: input });
    await enqueue(tx, "profile.changed", { personId: actor.personId });
  });
}

/** "My profile is up to date": resets the staleness clock without changing anything else. */
export async function markOwnProfileReviewed(db: Database, actor: Actor, now = new Date()): Promise<void> {
  await db.update(people).set({ profileReviewedAt: now }).where(eq(people.id, actor.personId));
}

/**
 * The direct manager confirms a report's skill level, or corrects it (a different level needs a
 * note saying why). The badge records who verified it and when.
 */
export async function verifySkill(db: Database, actor: Actor, rawInput: VerifySkillInput, now = new Date()): Promise<void> {
  const input = verifySkillInput.parse(rawInput);
  await db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: people.id, managerId: people.managerId })
      .from(people)
      .where(and(eq(people.id, input.personId), eq(people.active, true)));
    // Not your report reads as not found: the existence of someone else's skills is not disclosed.
    if (!person || !canVerifySkillsOf(actor, person)) throw new AppError("NOT_FOUND");
    const [held] = await tx
      .select({ level: personSkills.level })
      .from(personSkills)
      .where(and(eq(personSkills.personId, person.id), eq(personSkills.skillId, input.skillId)))
      .for("update");
    if (!held) throw new AppError("NOT_FOUND");
    const level = input.level ?? held.level;
    if (level !== held.level && !input.note) throw new AppError("BAD_REQUEST", "correctionNeedsNote");
    await tx
      .update(personSkills)
      .set({ level, verifiedById: actor.personId, verifiedAt: now, verificationNote: input.note })
      .where(and(eq(personSkills.personId, person.id), eq(personSkills.skillId, input.skillId)));
    await writeAudit(tx, {
      actorId: actor.personId,
      action: level === held.level ? "skill.verify" : "skill.correct",
      entityType: "person",
      entityId: person.id,
      data: { skillId: input.skillId, from: held.level, to: level },
    });
    await enqueue(tx, "profile.changed", { personId: person.id });
  });
}
