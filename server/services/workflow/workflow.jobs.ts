import { and, eq, isNull, lt, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { applications, approvalSteps } from "@/db/schema";
import { writeAudit } from "../audit/audit.service";
import { enqueue } from "../outbox/outbox";
import { applyTransition, lockApplications } from "./apply-transition";
import { japanDate } from "./business-days";
import { syncLiveApplications } from "./current-manager";

/**
 * Catches org-chart changes made outside the organisation service (an HR import, a direct fix):
 * every live application whose stored current manager may no longer be the one the organisation
 * names — the person's manager differs from it, or that manager is deactivated — is brought in
 * line, so releases never wait on a former or departed manager. Returns how many moved.
 */
export async function followOrganisation(db: Database, now = new Date()): Promise<number> {
  const mayDiffer = sql`exists (
    select 1 from people p left join people m on m.id = p.manager_id
    where p.id = ${applications.personId} and (p.manager_id is distinct from ${applications.currentManagerId} or m.active is false)
  )`;
  const moved = await db.transaction((tx) => syncLiveApplications(tx, mayDiffer, { actorId: null, now, cause: "organisation_changed" }));
  return moved.length;
}

/**
 * Escalates every release step past its deadline to HR — exactly once per step: the update only
 * matches steps not yet escalated, so a second run (or a second worker) finds nothing.
 */
export async function escalateOverdueReleases(db: Database, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const escalated = await tx
      .update(approvalSteps)
      .set({ escalatedAt: now })
      .where(
        and(
          eq(approvalSteps.step, "manager_release"),
          isNull(approvalSteps.decidedAt),
          isNull(approvalSteps.escalatedAt),
          lt(approvalSteps.dueAt, now),
          // Only live applications: an ended one has nothing to escalate.
          sql`exists (select 1 from applications a where a.id = ${approvalSteps.applicationId} and a.status = 'active')`,
        ),
      )
      .returning({ id: approvalSteps.id, applicationId: approvalSteps.applicationId, approverId: approvalSteps.approverId });
    for (const step of escalated) {
      await writeAudit(tx, { actorId: null, action: "application.step_escalated", entityType: "application", entityId: step.applicationId, data: { step: "manager_release" } });
      await enqueue(tx, "application.step_escalated", { applicationId: step.applicationId, approverId: step.approverId });
    }
    return escalated.length;
  });
}

/**
 * On the effective date (発令日) a finalized move takes effect through the "complete" transition,
 * whose move effect changes the person's post or records the participation. Each application in
 * its own transaction, locked, so a rerun (or a second worker) finds nothing left to do.
 */
export async function applyDueMoves(db: Database, now = new Date()): Promise<number> {
  const today = japanDate(now);
  const due = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.status, "finalized"), lte(applications.effectiveOn, today)));
  let applied = 0;
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      const [row] = await lockApplications(tx, eq(applications.id, id), eq(applications.status, "finalized"), lte(applications.effectiveOn, today));
      if (!row) return false;
      const result = await applyTransition(tx, row, "complete", new Set(["system"]), { actorId: null, now });
      return result.ok;
    });
    if (done) applied++;
  }
  return applied;
}
