import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { asSystem } from "@/db/scope";
import { applications, approvalSteps, departments, memberships, opportunities, people, sessions } from "@/db/schema";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
import { peopleBelow } from "../matching/management-chain";
import { enqueue } from "../outbox/outbox";
import { applyTransition, lockApplications } from "../workflow/apply-transition";
import { japanDate } from "../workflow/business-days";
import { syncLiveApplications } from "../workflow/current-manager";
import { resolveReleasingManager } from "./releasing-manager";

/*
 * Changes to the org chart that the workflow must follow. Callers decide who may make them (an
 * admin or HR screen); these functions keep the data consistent: each runs in one transaction,
 * is audited, and afterwards every live application whose releasing manager changed has been moved
 * to the manager the organisation now names (see `syncCurrentManager`). They run in system scope:
 * whoever asks, every affected application must follow, not only those the asker may see.
 */

export type ChangeManagerInput = { personId: number; managerId: number | null; actorId: number };
export type DeactivateInput = { personId: number; actorId: number; reason: string };
export type ReactivateInput = { personId: number; actorId: number };

/** What an organisation change did to the workflow. */
export type OrganisationChange = {
  /** Live applications that now have another current manager. */
  reassignedApplicationIds: number[];
};
export type Deactivation = OrganisationChange & {
  /** The person's own applications, closed because they left. */
  withdrawnApplicationIds: number[];
  /** Postings the person owned that passed to their releasing manager. */
  handedOverOpportunityIds: number[];
  endedSessions: number;
  /** Concurrent posts (兼務) that ended on the leaving day. */
  endedMembershipIds: number[];
  /** Departments the person headed, now without a head until an administrator names one. */
  vacatedDepartmentIds: number[];
};

async function lockPerson(tx: Executor, personId: number) {
  const [person] = await tx
    .select({ id: people.id, managerId: people.managerId, active: people.active, userId: people.userId })
    .from(people)
    .where(eq(people.id, personId))
    .for("update");
  if (!person) throw new AppError("NOT_FOUND");
  return person;
}

/** Applications whose releasing manager may go through this person: theirs, and those of everyone below them. */
const releasedThrough = (personId: number) =>
  or(eq(applications.personId, personId), sql`${applications.personId} in ${peopleBelow([personId])}`, eq(applications.currentManagerId, personId))!;

/**
 * Gives a person another manager (null: nobody). The new manager must be active and not below the
 * person (no loops). The person's live applications, and those of anyone whose releasing manager
 * passes through them, follow at once.
 */
export async function changeManager(db: Executor, input: ChangeManagerInput, now = new Date()): Promise<OrganisationChange> {
  return asSystem(db, async (tx) => {
    const person = await lockPerson(tx, input.personId);
    if (input.managerId !== null) {
      if (input.managerId === input.personId) throw new AppError("BAD_REQUEST", "managerIsSelf");
      const [manager] = await tx.select({ active: people.active }).from(people).where(eq(people.id, input.managerId));
      if (!manager?.active) throw new AppError("BAD_REQUEST", "managerNotActive");
      const [loop] = await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.id, input.managerId), sql`${people.id} in ${peopleBelow([input.personId])}`));
      if (loop) throw new AppError("BAD_REQUEST", "managerLoop");
    }
    if (person.managerId === input.managerId) return { reassignedApplicationIds: [] };
    await tx.update(people).set({ managerId: input.managerId }).where(eq(people.id, input.personId));
    await writeAudit(tx, { actorId: input.actorId, action: "person.manager_changed", entityType: "person", entityId: input.personId, data: { from: person.managerId, to: input.managerId } });
    await enqueue(tx, "profile.changed", { personId: input.personId });
    const reassignedApplicationIds = await syncLiveApplications(tx, releasedThrough(input.personId), { actorId: input.actorId, now, cause: "manager_changed" });
    return { reassignedApplicationIds };
  });
}

/**
 * A person leaves (or is suspended): they can no longer sign in, their sessions end at once, their
 * own live applications close with the reason through the workflow, postings they own pass to their
 * releasing manager (with the hiring steps), and releases waiting on them move to the next active
 * manager up the chain. Nothing is deleted; `reactivatePerson` undoes the flag.
 */
export async function deactivatePerson(db: Executor, input: DeactivateInput, now = new Date()): Promise<Deactivation> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError("BAD_REQUEST", "reasonRequired");
  return asSystem(db, async (tx) => {
    const person = await lockPerson(tx, input.personId);
    if (!person.active) return { reassignedApplicationIds: [], withdrawnApplicationIds: [], handedOverOpportunityIds: [], endedSessions: 0, endedMembershipIds: [], vacatedDepartmentIds: [] };
    const leftOn = japanDate(now);
    await tx.update(people).set({ active: false, leftOn }).where(eq(people.id, input.personId));
    await writeAudit(tx, {
      actorId: input.actorId,
      action: "person.deactivate",
      entityType: "person",
      entityId: input.personId,
      data: { reason, before: { active: true, leftOn: null }, after: { active: false, leftOn } },
    });
    const ended = person.userId ? await tx.delete(sessions).where(eq(sessions.userId, person.userId)).returning({ token: sessions.sessionToken }) : [];

    const own = await lockApplications(tx, eq(applications.personId, input.personId), inArray(applications.status, ["active", "finalized"]));
    const withdrawnApplicationIds: number[] = [];
    for (const application of own) {
      const result = await applyTransition(tx, application, "withdraw_on_leave", new Set(["system"]), { actorId: input.actorId, reason, cause: "person_deactivated", now });
      if (result.ok) withdrawnApplicationIds.push(application.id);
    }

    const handedOverOpportunityIds = await handOverPostings(tx, input.personId, input.actorId);
    const reassignedApplicationIds = await syncLiveApplications(tx, releasedThrough(input.personId), { actorId: input.actorId, now, cause: "manager_deactivated" });
    const { endedMembershipIds, vacatedDepartmentIds } = await endPosts(tx, input.personId, input.actorId, leftOn);
    await enqueue(tx, "profile.changed", { personId: input.personId });
    return { reassignedApplicationIds, withdrawnApplicationIds, handedOverOpportunityIds, endedSessions: ended.length, endedMembershipIds, vacatedDepartmentIds };
  });
}

/**
 * The leaver's postings that still matter — drafts, open ones, closed ones (they can be reopened:
 * new applicants' hiring decisions must not wait on the leaver), and any with a live application or
 * a finalized move still to take effect — pass to the leaver's releasing manager, who answers for
 * the team's hiring; the open hiring decisions follow. With nobody above the leaver the postings
 * stay as they are and HR reassigns them.
 */
async function handOverPostings(tx: Executor, leaverId: number, actorId: number): Promise<number[]> {
  const successorId = await resolveReleasingManager(tx, leaverId);
  if (successorId === null) return [];
  const live = sql`exists (select 1 from applications a where a.opportunity_id = ${opportunities.id} and a.status in ('active', 'finalized'))`;
  const handedOver = await tx
    .update(opportunities)
    .set({ ownerId: successorId, version: sql`${opportunities.version} + 1` })
    .where(and(eq(opportunities.ownerId, leaverId), or(inArray(opportunities.status, ["draft", "open", "closed"]), live)))
    .returning({ id: opportunities.id });
  for (const { id } of handedOver) {
    await writeAudit(tx, { actorId, action: "opportunity.owner_changed", entityType: "opportunity", entityId: id, data: { from: leaverId, to: successorId, cause: "owner_deactivated" } });
    await enqueue(tx, "opportunity.changed", { opportunityId: id });
  }
  await tx
    .update(approvalSteps)
    .set({ approverId: successorId })
    .where(and(eq(approvalSteps.approverId, leaverId), eq(approvalSteps.step, "hiring_decision"), isNull(approvalSteps.decidedAt)));
  return handedOver.map(({ id }) => id);
}

/**
 * A leaver's concurrent posts end on their leaving day and their departments lose them as head, so
 * no team lists them as a member and no department names an inactive head. Both are audited;
 * reactivation does not restore them (an administrator decides the returner's posts).
 */
async function endPosts(tx: Executor, leaverId: number, actorId: number, leftOn: string) {
  const ended = await tx
    .update(memberships)
    .set({ endOn: sql`greatest(${memberships.startOn}, ${leftOn}::date)` })
    .where(and(eq(memberships.personId, leaverId), or(isNull(memberships.endOn), sql`${memberships.endOn} > ${leftOn}::date`)))
    .returning({ id: memberships.id, endOn: memberships.endOn });
  for (const membership of ended) {
    await writeAudit(tx, { actorId, action: "membership.end", entityType: "membership", entityId: membership.id, data: { after: { endOn: membership.endOn }, cause: "person_deactivated" } });
  }
  const vacated = await tx.update(departments).set({ headId: null }).where(eq(departments.headId, leaverId)).returning({ id: departments.id });
  for (const department of vacated) {
    await writeAudit(tx, { actorId, action: "department.update", entityType: "department", entityId: department.id, data: { before: { headId: leaverId }, after: { headId: null }, cause: "head_deactivated" } });
  }
  return { endedMembershipIds: ended.map(({ id }) => id), vacatedDepartmentIds: vacated.map(({ id }) => id) };
}

/**
 * Brings a person back. Their reports' live applications return to them as releasing manager;
 * what was closed or handed over while they were away stays so.
 */
export async function reactivatePerson(db: Executor, input: ReactivateInput, now = new Date()): Promise<OrganisationChange> {
  return asSystem(db, async (tx) => {
    const person = await lockPerson(tx, input.personId);
    if (person.active) return { reassignedApplicationIds: [] };
    await tx.update(people).set({ active: true, leftOn: null }).where(eq(people.id, input.personId));
    await writeAudit(tx, { actorId: input.actorId, action: "person.reactivate", entityType: "person", entityId: input.personId });
    await enqueue(tx, "profile.changed", { personId: input.personId });
    const reassignedApplicationIds = await syncLiveApplications(tx, releasedThrough(input.personId), { actorId: input.actorId, now, cause: "manager_reactivated" });
    return { reassignedApplicationIds };
  });
}
