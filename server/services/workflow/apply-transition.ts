import { and, eq, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, opportunities } from "@/db/schema";
import { writeAudit } from "../audit/audit.service";
import { enqueue } from "../outbox/outbox";
import { syncCurrentManager } from "./current-manager";
import { releaseEscalated } from "./release-escalated";
import { carryOutEffects } from "./effects";
import { type Action, type ActorRelation, type Refusal, transition, type WorkflowState, workflowStateOf } from "./transitions";

/** An application as `applyTransition` needs it, read under a row lock. */
export type LockedApplication = Awaited<ReturnType<typeof lockApplications>>[number];

/** Reads and locks the applications matching every condition (the posting is only read) until the transaction ends. */
export function lockApplications(tx: Executor, condition: SQL, ...more: SQL[]) {
  return tx
    .select({
      id: applications.id,
      personId: applications.personId,
      opportunityId: applications.opportunityId,
      status: applications.status,
      hiringStage: applications.hiringStage,
      releaseStatus: applications.releaseStatus,
      confidentiality: applications.confidentiality,
      currentManagerId: applications.currentManagerId,
      releaseEscalated,
      disclosedAt: applications.disclosedAt,
      releaseOn: applications.releaseOn,
      effectiveOn: applications.effectiveOn,
      version: applications.version,
      hiringManagerId: opportunities.ownerId,
    })
    .from(applications)
    .innerJoin(opportunities, eq(opportunities.id, applications.opportunityId))
    .where(and(condition, ...more))
    .orderBy(applications.id)
    .for("update", { of: applications });
}

export type TransitionExtras = {
  /** Who decided (null: the effective-date job). */
  actorId: number | null;
  reason?: string;
  /** Dates the action decides: the release date, the effective date (発令日). */
  releaseOn?: string;
  effectiveOn?: string;
  /** Why it happened when not by the actor's own choice, for the audit trail (e.g. the posting closed). */
  cause?: string;
  now: Date;
};

export type AppliedTransition = { ok: true; state: WorkflowState; version: number } | { ok: false; refusal: Refusal };

/**
 * The one way an application changes state. On a locked row: bring its current manager in line
 * with the organisation, decide the transition, carry out its effects, write the new state with the
 * next version, the audit row and the outbox event — all in the caller's transaction, so they exist
 * together or not at all. A refusal changes nothing but the manager sync.
 */
export async function applyTransition(
  tx: Executor,
  locked: LockedApplication,
  action: Action,
  relations: ReadonlySet<ActorRelation | "system">,
  extras: TransitionExtras,
): Promise<AppliedTransition> {
  const application = await syncCurrentManager(tx, locked, { actorId: extras.actorId, now: extras.now, cause: `before ${action}` });
  const from = workflowStateOf(application);
  const result = transition(from, action, relations);
  if (!result.ok) return result;
  const reason = extras.reason ?? "";
  const effectiveOn = extras.effectiveOn ?? application.effectiveOn;
  const { disclosedAt } = await carryOutEffects(
    tx,
    { application: { ...application, effectiveOn }, actorId: extras.actorId, reason, now: extras.now },
    result.effects,
  );
  const version = application.version + 1;
  await tx
    .update(applications)
    .set({
      status: result.next.status,
      hiringStage: result.next.hiringStage,
      releaseStatus: result.next.releaseStatus,
      ...(disclosedAt ? { disclosedAt } : {}),
      ...(extras.releaseOn ? { releaseOn: extras.releaseOn } : {}),
      ...(extras.effectiveOn ? { effectiveOn: extras.effectiveOn } : {}),
      ...(reason ? { decisionReason: reason } : {}),
      version,
    })
    .where(eq(applications.id, application.id));
  await writeAudit(tx, {
    actorId: extras.actorId,
    action: `application.${action}`,
    entityType: "application",
    entityId: application.id,
    data: { from, to: result.next, reason: reason || undefined, cause: extras.cause },
  });
  await enqueue(tx, "application.transitioned", {
    applicationId: application.id,
    opportunityId: application.opportunityId,
    personId: application.personId,
    action,
    disclosed: Boolean(disclosedAt),
    hiringStage: result.next.hiringStage,
    releaseStatus: result.next.releaseStatus,
    currentManagerId: application.currentManagerId,
  });
  return { ok: true, state: result.next, version };
}
