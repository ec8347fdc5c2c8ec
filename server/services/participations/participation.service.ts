import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { opportunities, opportunitySkills, participations, people, personSkills, skills } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
import { enqueue } from "../outbox/outbox";
import { japanDate } from "../workflow/business-days";
import { type EndorseInput, endorseInput } from "./participation.schemas";
import { personNameColumns } from "../people/person-name.columns";

/** Ended projects and rotations in the actor's postings whose skills they have not endorsed yet, with what can be endorsed. */
export async function participationsToEndorse(db: Executor, actor: Actor, now = new Date()) {
  const rows = await db
    .select({
      participationId: participations.id,
      opportunityId: opportunities.id,
      opportunityTitle: opportunities.title,
      startOn: participations.startOn,
      endOn: participations.endOn,
      person: personNameColumns,
    })
    .from(participations)
    .innerJoin(opportunities, eq(opportunities.id, participations.opportunityId))
    .innerJoin(people, eq(people.id, participations.personId))
    .where(and(eq(opportunities.ownerId, actor.personId), isNull(participations.endorsedAt), lte(participations.endOn, japanDate(now))))
    .orderBy(asc(participations.endOn), asc(participations.id));
  if (rows.length === 0) return [];
  const suggested = await db
    .select({ opportunityId: opportunitySkills.opportunityId, skillId: skills.id, ja: skills.nameJa, en: skills.nameEn, level: opportunitySkills.level })
    .from(opportunitySkills)
    .innerJoin(skills, eq(skills.id, opportunitySkills.skillId))
    .where(and(inArray(opportunitySkills.opportunityId, rows.map((row) => row.opportunityId)), inArray(opportunitySkills.kind, ["required", "grows"])))
    // Level ascending, so the map below keeps the highest level a skill is listed at.
    .orderBy(asc(skills.id), asc(opportunitySkills.level));
  return rows.map(({ opportunityId, ...row }) => ({
    ...row,
    suggestedSkills: [...new Map(suggested.filter((skill) => skill.opportunityId === opportunityId).map((skill) => [skill.skillId, skill])).values()].map(
      (skill) => ({ skillId: skill.skillId, name: { ja: skill.ja, en: skill.en }, level: skill.level }),
    ),
  }));
}

/**
 * When a project or rotation has ended, its owner endorses the skills the person used: each becomes
 * verified evidence on their profile. A level the person already holds above the endorsed one is
 * kept as it is (the owner vouches only for what they saw); only the posting's required and grown
 * skills, up to the level it names, can be endorsed; the endorsement happens once.
 */
export async function endorseParticipation(db: Database, actor: Actor, rawInput: EndorseInput, now = new Date()): Promise<void> {
  const input = endorseInput.parse(rawInput);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: participations.id, opportunityId: participations.opportunityId, personId: participations.personId, endOn: participations.endOn, endorsedAt: participations.endorsedAt, ownerId: opportunities.ownerId, title: opportunities.title })
      .from(participations)
      .innerJoin(opportunities, eq(opportunities.id, participations.opportunityId))
      .where(eq(participations.id, input.participationId))
      .for("update", { of: participations });
    if (!row || row.ownerId !== actor.personId) throw new AppError("NOT_FOUND");
    if (row.endorsedAt) throw new AppError("CONFLICT", "alreadyEndorsed");
    if (!row.endOn || row.endOn > japanDate(now)) throw new AppError("CONFLICT", "participationNotEnded");
    const skillIds = [...new Set(input.skills.map((skill) => skill.skillId))];
    // The owner vouches for what the posting offered: its required and grown skills, up to the level it names.
    const offered = new Map<number, number>();
    const listed = await tx
      .select({ skillId: opportunitySkills.skillId, level: opportunitySkills.level })
      .from(opportunitySkills)
      .where(and(eq(opportunitySkills.opportunityId, row.opportunityId), inArray(opportunitySkills.kind, ["required", "grows"])));
    for (const skill of listed) offered.set(skill.skillId, Math.max(offered.get(skill.skillId) ?? 0, skill.level));
    if (input.skills.some((skill) => skill.level > (offered.get(skill.skillId) ?? 0))) throw new AppError("BAD_REQUEST", "endorsementOutsidePosting");
    const held = new Map(
      (await tx.select({ skillId: personSkills.skillId, level: personSkills.level }).from(personSkills).where(and(eq(personSkills.personId, row.personId), inArray(personSkills.skillId, skillIds)))).map(
        (skill) => [skill.skillId, skill.level],
      ),
    );
    const evidence = `「${row.title}」での実績${input.note ? `: ${input.note}` : ""}`;
    for (const skill of input.skills) {
      const current = held.get(skill.skillId);
      if (current !== undefined && current > skill.level) continue;
      await tx
        .insert(personSkills)
        .values({ personId: row.personId, skillId: skill.skillId, level: skill.level, evidence, verifiedById: actor.personId, verifiedAt: now, verificationNote: input.note, reviewedAt: now })
        .onConflictDoUpdate({
          target: [personSkills.personId, personSkills.skillId],
          set: { level: skill.level, evidence, verifiedById: actor.personId, verifiedAt: now, verificationNote: input.note },
        });
    }
    await tx.update(participations).set({ endorsedAt: now }).where(eq(participations.id, row.id));
    await writeAudit(tx, { actorId: actor.personId, action: "participation.endorse", entityType: "person", entityId: row.personId, data: { participationId: row.id, skills: input.skills } });
    await enqueue(tx, "profile.changed", { personId: row.personId });
  });
}
