import { and, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, approvalSteps } from "@/db/schema";
import { writeAudit } from "../audit/audit.service";
import { enqueue } from "../outbox/outbox";
import { resolveReleasingManager } from "../people/releasing-manager";
import { releaseDeadline } from "../settings/settings.service";
import { type LockedApplication, lockApplications } from "./apply-transition";

/** Who or what brought the organisation change to light, for the audit trail. */
export type ManagerSyncContext = { actorId: number | null; now: Date; cause?: string };

/** Applications whose current manager still matters: live ones, and finalized moves not yet in effect. */
const followingStatuses = ["active", "finalized"] as const;
const followsOrganisation = (status: LockedApplication["status"]) => (followingStatuses as readonly string[]).includes(status);

/**
 * Brings a locked application's current manager in line with the organisation: the releasing
 * manager is read from the org chart, never trusted from the moment of applying. On a difference the
 * stored manager changes, an open release step moves to the new manager with a fresh deadline (or,
 * with nobody left to ask, goes to HR as an escalation), the audit log records it and a disclosed
 * application is announced to the new manager. The former manager keeps nothing: every
 * current-manager relation reads the stored value. Returns the application as it now stands.
 */
export async function syncCurrentManager(tx: Executor, application: LockedApplication, context: ManagerSyncContext): Promise<LockedApplication> {
  if (!followsOrganisation(application.status)) return application;
  const managerId = await resolveReleasingManager(tx, application.personId);
  if (managerId === application.currentManagerId) return application;
  await tx.update(applications).set({ currentManagerId: managerId }).where(eq(applications.id, application.id));
  const openRelease = and(eq(approvalSteps.applicationId, application.id), eq(approvalSteps.step, "manager_release"), isNull(approvalSteps.decidedAt));
  let releaseEscalated = false;
  if (managerId !== null) {
    // The new manager starts their own clock; an escalation of the former manager's delay is not theirs.
    const dueAt = await releaseDeadline(tx, context.now);
    await tx.update(approvalSteps).set({ approverId: managerId, dueAt, escalatedAt: null }).where(openRelease);
  } else {
    // Nobody left to ask: a release still awaited waits on HR from now on.
    const waiting = await tx.update(approvalSteps).set({ approverId: null }).where(openRelease).returning({ id: approvalSteps.id });
    releaseEscalated = waiting.length > 0;
    const escalated = await tx
      .update(approvalSteps)
      .set({ escalatedAt: context.now })
      .where(and(openRelease, isNull(approvalSteps.escalatedAt)))
      .returning({ id: approvalSteps.id });
    if (escalated.length > 0) await enqueue(tx, "application.step_escalated", { applicationId: application.id, approverId: null });
  }
  await writeAudit(tx, {
    actorId: context.actorId,
    action: "application.manager_changed",
    entityType: "application",
    entityId: application.id,
    data: { from: application.currentManagerId, to: managerId, cause: context.cause },
  });
  if (managerId !== null && application.disclosedAt) await enqueue(tx, "application.manager_changed", { applicationId: application.id, managerId });
  return { ...application, currentManagerId: managerId, releaseEscalated };
}

/**
 * After an org change: locks every live application matching `which` and brings each in line with
 * the organisation. Returns the ids of those that got another current manager.
 */
export async function syncLiveApplications(tx: Executor, which: SQL, context: ManagerSyncContext): Promise<number[]> {
  const live = await lockApplications(tx, which, inArray(applications.status, followingStatuses));
  const reassigned: number[] = [];
  for (const application of live) {
    const synced = await syncCurrentManager(tx, application, context);
    if (synced.currentManagerId !== application.currentManagerId) reassigned.push(application.id);
  }
  return reassigned;
}
