import { and, eq, isNull, lt, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { applications, approvalSteps, moves, opportunities, participations, people } from "@/db/schema";
import { writeAudit } from "../audit/audit.service";
import { enqueue } from "../outbox/outbox";
import { japanDate } from "./business-days";
import { transition, workflowStateOf } from "./transitions";

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
 * On the effective date (発令日) a finalized move takes effect: a transfer changes the person's
 * department, role and manager and writes the ledger row; a project, rotation or other try records
 * a participation instead. Each application in its own transaction, locked, so a rerun is harmless.
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
      const [row] = await tx
        .select({
          id: applications.id,
          status: applications.status,
          hiringStage: applications.hiringStage,
          releaseStatus: applications.releaseStatus,
          confidentiality: applications.confidentiality,
          currentManagerId: applications.currentManagerId,
          personId: applications.personId,
          effectiveOn: applications.effectiveOn,
          opportunityId: opportunities.id,
          kind: opportunities.kind,
          toDepartmentId: opportunities.departmentId,
          toRoleId: opportunities.roleId,
          toManagerId: opportunities.ownerId,
          timePercent: opportunities.timePercent,
          startOn: opportunities.startOn,
          endOn: opportunities.endOn,
        })
        .from(applications)
        .innerJoin(opportunities, eq(opportunities.id, applications.opportunityId))
        .where(eq(applications.id, id))
        .for("update", { of: applications });
      if (!row || row.status !== "finalized" || !row.effectiveOn) return false;
      const result = transition(workflowStateOf(row), "complete", new Set(["system"]));
      if (!result.ok) return false;
      const [person] = await tx
        .select({ departmentId: people.departmentId, roleId: people.roleId, managerId: people.managerId })
        .from(people)
        .where(eq(people.id, row.personId))
        .for("update");
      if (!person) return false;
      if (row.kind === "transfer") {
        const toRoleId = row.toRoleId ?? person.roleId;
        await tx
          .update(people)
          .set({
            departmentId: row.toDepartmentId,
            roleId: toRoleId,
            managerId: row.toManagerId === row.personId ? person.managerId : row.toManagerId,
            ...(toRoleId !== person.roleId ? { roleSince: row.effectiveOn, levelSince: row.effectiveOn } : {}),
          })
          .where(eq(people.id, row.personId));
        await tx.insert(moves).values({
          personId: row.personId,
          applicationId: row.id,
          kind: row.kind,
          fromDepartmentId: person.departmentId,
          toDepartmentId: row.toDepartmentId,
          fromRoleId: person.roleId,
          toRoleId,
          fromManagerId: person.managerId,
          toManagerId: row.toManagerId,
          effectiveOn: row.effectiveOn,
        });
      } else {
        await tx.insert(participations).values({
          personId: row.personId,
          opportunityId: row.opportunityId,
          applicationId: row.id,
          timePercent: row.timePercent,
          startOn: row.startOn && row.startOn > row.effectiveOn ? row.startOn : row.effectiveOn,
          endOn: row.endOn,
        });
      }
      await tx.update(applications).set({ status: "completed" }).where(eq(applications.id, row.id));
      await writeAudit(tx, { actorId: null, action: "application.complete", entityType: "application", entityId: row.id, data: { kind: row.kind } });
      await enqueue(tx, "application.transitioned", { applicationId: row.id, opportunityId: row.opportunityId, personId: row.personId, action: "complete" });
      return true;
    });
    if (done) applied++;
  }
  return applied;
}

