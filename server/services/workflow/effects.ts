import { and, eq, isNull, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, approvalSteps, moves, opportunities, participations, people } from "@/db/schema";
import type { ApprovalStepName } from "@/db/vocabulary";
import { AppError } from "@/server/errors";
import { releaseDeadline } from "../settings/settings.service";
import { syncLiveApplications } from "./current-manager";
import type { Effect } from "./transitions";

/** The application an effect list applies to, and who decided (null: the effective-date job). */
export type EffectContext = {
  application: {
    id: number;
    personId: number;
    opportunityId: number;
    hiringManagerId: number;
    currentManagerId: number | null;
    effectiveOn: string | null;
  };
  actorId: number | null;
  reason: string;
  now: Date;
};

/**
 * Carries out the effects the transition table asked for: step rows, disclosure, the move. Every
 * effect type has its branch; the switch is exhaustive, so a new type without one fails the type
 * check. Returns the moment of disclosure when the list disclosed the application.
 */
export async function carryOutEffects(tx: Executor, context: EffectContext, effects: readonly Effect[]): Promise<{ disclosedAt?: Date }> {
  const changes: { disclosedAt?: Date } = {};
  for (const effect of effects) {
    switch (effect.type) {
      case "disclose":
        changes.disclosedAt = context.now;
        break;
      case "open_step":
        await openStep(tx, context, effect.step);
        break;
      case "close_step":
        await closeStep(tx, context, effect.step, effect.decision);
        break;
      case "close_open_steps":
        await tx
          .update(approvalSteps)
          .set({ decidedAt: context.now, decidedById: context.actorId, decision: effect.decision, reason: context.reason || null })
          .where(and(eq(approvalSteps.applicationId, context.application.id), isNull(approvalSteps.decidedAt)));
        break;
      case "apply_move":
        await applyMove(tx, context);
        break;
      default:
        return unhandled(effect);
    }
  }
  return changes;
}

function unhandled(effect: never): never {
  throw new Error(`No branch for the workflow effect ${JSON.stringify(effect)}`);
}

async function openStep(tx: Executor, context: EffectContext, step: ApprovalStepName) {
  const approverId: Record<ApprovalStepName, number | null> = {
    manager_release: context.application.currentManagerId,
    hiring_decision: context.application.hiringManagerId,
    hr_decline_review: null,
    hr_finalize: null,
  };
  const dueAt = step === "manager_release" ? await releaseDeadline(tx, context.now) : null;
  await tx.insert(approvalSteps).values({ applicationId: context.application.id, step, approverId: approverId[step], dueAt });
}

async function closeStep(tx: Executor, context: EffectContext, step: ApprovalStepName, decision: string) {
  // `decided_at is null` + the unique (application, step) index: a step is decided once, ever.
  const closed = await tx
    .update(approvalSteps)
    .set({ decidedAt: context.now, decidedById: context.actorId, decision, reason: context.reason || null })
    .where(and(eq(approvalSteps.applicationId, context.application.id), eq(approvalSteps.step, step), isNull(approvalSteps.decidedAt)))
    .returning({ id: approvalSteps.id });
  if (closed.length !== 1) throw new AppError("CONFLICT", "applicationChanged");
}

/**
 * On the effective date (発令日) a transfer changes the person's department, role and manager and
 * writes the ledger row; a project, rotation or other try records a participation instead.
 */
async function applyMove(tx: Executor, context: EffectContext) {
  const { application } = context;
  const effectiveOn = application.effectiveOn;
  if (!effectiveOn) throw new Error(`Application ${application.id} has no effective date to move on`);
  const [opportunity] = await tx
    .select({
      kind: opportunities.kind,
      departmentId: opportunities.departmentId,
      roleId: opportunities.roleId,
      ownerId: opportunities.ownerId,
      timePercent: opportunities.timePercent,
      startOn: opportunities.startOn,
      endOn: opportunities.endOn,
    })
    .from(opportunities)
    .where(eq(opportunities.id, application.opportunityId));
  const [person] = await tx
    .select({ departmentId: people.departmentId, roleId: people.roleId, managerId: people.managerId })
    .from(people)
    .where(eq(people.id, application.personId))
    .for("update");
  if (!opportunity || !person) throw new Error(`Application ${application.id} has lost its posting or person`);
  if (opportunity.kind !== "transfer") {
    await tx.insert(participations).values({
      personId: application.personId,
      opportunityId: application.opportunityId,
      applicationId: application.id,
      timePercent: opportunity.timePercent,
      startOn: opportunity.startOn && opportunity.startOn > effectiveOn ? opportunity.startOn : effectiveOn,
      endOn: opportunity.endOn,
    });
    return;
  }
  const toRoleId = opportunity.roleId ?? person.roleId;
  await tx
    .update(people)
    .set({
      departmentId: opportunity.departmentId,
      roleId: toRoleId,
      // Nobody becomes their own manager.
      managerId: opportunity.ownerId === application.personId ? person.managerId : opportunity.ownerId,
      ...(toRoleId !== person.roleId ? { roleSince: effectiveOn, levelSince: effectiveOn } : {}),
    })
    .where(eq(people.id, application.personId));
  await tx.insert(moves).values({
    personId: application.personId,
    applicationId: application.id,
    kind: opportunity.kind,
    fromDepartmentId: person.departmentId,
    toDepartmentId: opportunity.departmentId,
    fromRoleId: person.roleId,
    toRoleId,
    fromManagerId: person.managerId,
    toManagerId: opportunity.ownerId,
    effectiveOn,
  });
  // The person's other live applications now have the new manager as releasing manager.
  await syncLiveApplications(tx, and(eq(applications.personId, application.personId), ne(applications.id, application.id))!, {
    actorId: context.actorId,
    now: context.now,
    cause: "moved",
  });
}
