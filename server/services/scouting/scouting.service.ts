import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { departments, matchScores, opportunities, people, scoutInvites, wills } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canManageOpportunity } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { apply } from "../applications/application.service";
import { writeAudit } from "../audit/audit.service";
import { enqueue } from "../outbox/outbox";
import { candidateKey, servableCandidates } from "../matching/matching.service";
import { invitee, reachesInvitee } from "./invitation.relations";
import { inviteInput, respondInput } from "./scouting.schemas";
import { personNameColumns } from "../people/person-name.columns";

/**
 * 社内FA: the hiring manager invites a suggested candidate, identified only by the opaque key the
 * candidates list gave. Invitations are sealed: any servable candidate may be invited, and the
 * sender's answer, audit and view are the same whether or not the person opted in to scouting. The
 * opt-in decides only whether the invitation reaches them (`reachesInvitee`, checked on delivery
 * and on reading), never whether a sender may try — so the sender learns nothing of it. Nothing
 * goes to the person's current manager.
 */
export async function invite(db: Database, actor: Actor, rawInput: z.input<typeof inviteInput>): Promise<{ inviteId: number }> {
  const input = inviteInput.parse(rawInput);
  return db.transaction(async (tx) => {
    const [opportunity] = await tx.select({ id: opportunities.id, ownerId: opportunities.ownerId, status: opportunities.status }).from(opportunities).where(eq(opportunities.id, input.opportunityId));
    if (!opportunity || !canManageOpportunity(actor, opportunity)) throw new AppError("NOT_FOUND");
    if (opportunity.status !== "open") throw new AppError("CONFLICT", "opportunityNotOpen");
    // Only someone the candidates list may serve to this actor now can be invited.
    const rows = await tx
      .select({ personId: matchScores.personId })
      .from(matchScores)
      .innerJoin(people, eq(people.id, matchScores.personId))
      .leftJoin(wills, eq(wills.personId, matchScores.personId))
      .where(servableCandidates(opportunity.id, { ownerId: opportunity.ownerId, actorId: actor.personId }));
    const candidate = rows.find((row) => candidateKey(opportunity.id, row.personId) === input.candidateKey);
    if (!candidate) throw new AppError("NOT_FOUND");
    const inserted = await tx
      .insert(scoutInvites)
      .values({ opportunityId: opportunity.id, personId: candidate.personId, fromId: actor.personId, message: input.message })
      .onConflictDoNothing()
      .returning({ id: scoutInvites.id });
    if (inserted.length === 0) throw new AppError("CONFLICT", "alreadyInvited");
    const inviteId = inserted[0]!.id;
    await writeAudit(tx, { actorId: actor.personId, action: "scout.invite", entityType: "scout_invite", entityId: inviteId });
    await enqueue(tx, "scout.invited", { inviteId });
    return { inviteId };
  });
}

/**
 * The invited person decides, on an invitation that reaches them (else NOT_FOUND, as for anyone
 * else's): a casual interview (the hiring manager is told; nobody else), an application (which
 * then follows the company's confidentiality policy), or no.
 */
export async function respond(db: Database, actor: Actor, rawInput: z.input<typeof respondInput>): Promise<{ applicationId: number | null }> {
  const input = respondInput.parse(rawInput);
  // One transaction, the invite locked: the answer and the application it may create stand or fall together.
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: scoutInvites.id, opportunityId: scoutInvites.opportunityId, status: scoutInvites.status })
      .from(scoutInvites)
      .innerJoin(invitee, eq(invitee.id, scoutInvites.personId))
      .innerJoin(opportunities, eq(opportunities.id, scoutInvites.opportunityId))
      .where(and(eq(scoutInvites.id, input.inviteId), eq(scoutInvites.personId, actor.personId), reachesInvitee))
      .for("update", { of: scoutInvites });
    if (!row) throw new AppError("NOT_FOUND");
    if (row.status !== "pending") throw new AppError("CONFLICT", "alreadyAnswered");
    let applicationId: number | null = null;
    if (input.response === "application") {
      if (!input.motivation) throw new AppError("BAD_REQUEST", "motivationRequired");
      applicationId = (await apply(tx, actor, { opportunityId: row.opportunityId, motivation: input.motivation })).applicationId;
    }
    await tx
      .update(scoutInvites)
      .set({ status: input.response === "decline" ? "declined" : "accepted", response: input.response === "decline" ? null : input.response, respondedAt: new Date() })
      .where(eq(scoutInvites.id, row.id));
    await writeAudit(tx, { actorId: actor.personId, action: `scout.${input.response}`, entityType: "scout_invite", entityId: row.id });
    await enqueue(tx, "scout.responded", { inviteId: row.id });
    return { applicationId };
  });
}

/** The actor's scout invitations that reach them, newest first: none while they are not open to scouting. */
export async function myInvites(db: Executor, actor: Actor) {
  return db
    .select({
      id: scoutInvites.id,
      opportunityId: opportunities.id,
      opportunityTitle: opportunities.title,
      departmentJa: departments.nameJa,
      departmentEn: departments.nameEn,
      message: scoutInvites.message,
      status: scoutInvites.status,
      response: scoutInvites.response,
      createdAt: scoutInvites.createdAt,
      from: personNameColumns,
    })
    .from(scoutInvites)
    .innerJoin(opportunities, eq(opportunities.id, scoutInvites.opportunityId))
    .innerJoin(departments, eq(departments.id, opportunities.departmentId))
    .innerJoin(people, eq(people.id, scoutInvites.fromId))
    .innerJoin(invitee, eq(invitee.id, scoutInvites.personId))
    .where(and(eq(scoutInvites.personId, actor.personId), reachesInvitee))
    .orderBy(desc(scoutInvites.id));
}
