import { and, eq, isNull } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { applications, approvalSteps, idempotencyKeys, opportunities, people } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { isHrStaff } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
import { enqueue } from "../outbox/outbox";
import { getSettings } from "../settings/settings.service";
import { businessDeadline, japanDate } from "../workflow/business-days";
import {
  type Action,
  type ActorRelation,
  actorFor,
  type Effect,
  initialState,
  needsReason,
  type StepName,
  transition,
  type WorkflowState,
  workflowStateOf,
} from "../workflow/transitions";
import { type ActInput, type ActResult, actInput, type ApplyInput, applyInput } from "./application.schemas";

/** Runs `work` once per (actor, key): a replay returns the stored first result, inside the same transaction. */
async function once<T>(tx: Executor, actor: Actor, key: string | undefined, operation: string, work: () => Promise<T>): Promise<T> {
  if (!key) return work();
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ actorId: actor.personId, key, operation, response: "" })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length === 0) {
    const [stored] = await tx
      .select({ operation: idempotencyKeys.operation, response: idempotencyKeys.response })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.actorId, actor.personId), eq(idempotencyKeys.key, key)));
    if (!stored || stored.operation !== operation) throw new AppError("CONFLICT", "idempotencyKeyReused");
    return { ...(JSON.parse(stored.response) as T), replayed: true };
  }
  const result = await work();
  await tx
    .update(idempotencyKeys)
    .set({ response: JSON.stringify(result) })
    .where(and(eq(idempotencyKeys.actorId, actor.personId), eq(idempotencyKeys.key, key)));
  return result;
}

/** The step rows and dates an effect list asks for. */
async function applyEffects(
  tx: Executor,
  context: { applicationId: number; hiringManagerId: number; currentManagerId: number | null; actorId: number; reason: string; now: Date },
  effects: Effect[],
): Promise<{ disclosedAt?: Date }> {
  const changes: { disclosedAt?: Date } = {};
  for (const effect of effects) {
    if (effect.type === "disclose") changes.disclosedAt = context.now;
    if (effect.type === "open_step") {
      const approverId: Record<StepName, number | null> = {
        manager_release: context.currentManagerId,
        hiring_decision: context.hiringManagerId,
        hr_decline_review: null,
        hr_finalize: null,
      };
      const dueAt = effect.step === "manager_release" ? businessDeadline(context.now, (await getSettings(tx)).releaseDeadlineBusinessDays) : null;
      await tx.insert(approvalSteps).values({ applicationId: context.applicationId, step: effect.step, approverId: approverId[effect.step], dueAt });
    }
    if (effect.type === "close_open_steps") {
      await tx
        .update(approvalSteps)
        .set({ decidedAt: context.now, decidedById: context.actorId, decision: effect.decision, reason: context.reason || null })
        .where(and(eq(approvalSteps.applicationId, context.applicationId), isNull(approvalSteps.decidedAt)));
    }
    if (effect.type === "close_step") {
      // `decided_at is null` + the unique (application, step) index: a step is decided once, ever.
      const closed = await tx
        .update(approvalSteps)
        .set({ decidedAt: context.now, decidedById: context.actorId, decision: effect.decision, reason: context.reason || null })
        .where(and(eq(approvalSteps.applicationId, context.applicationId), eq(approvalSteps.step, effect.step), isNull(approvalSteps.decidedAt)))
        .returning({ id: approvalSteps.id });
      if (closed.length !== 1) throw new AppError("CONFLICT", "applicationChanged");
    }
  }
  return changes;
}

/**
 * Applies to an open posting. One live application per person and posting (a partial unique index
 * backs this up); the confidentiality policy in force is recorded with it.
 */
export async function apply(db: Executor, actor: Actor, rawInput: ApplyInput, now = new Date()): Promise<ActResult> {
  const input = applyInput.parse(rawInput);
  return db.transaction((tx) =>
    once(tx, actor, input.idempotencyKey, `apply:${input.opportunityId}`, async () => {
      const [opportunity] = await tx
        .select({ id: opportunities.id, status: opportunities.status, ownerId: opportunities.ownerId })
        .from(opportunities)
        .where(eq(opportunities.id, input.opportunityId))
        .for("share");
      if (!opportunity || opportunity.status !== "open") throw new AppError("NOT_FOUND", "opportunityNotOpen");
      if (opportunity.ownerId === actor.personId) throw new AppError("FORBIDDEN", "cannotApplyToOwn");
      const [person] = await tx.select({ managerId: people.managerId }).from(people).where(eq(people.id, actor.personId));
      const currentManagerId = person?.managerId ?? null;
      const { confidentialityPolicy } = await getSettings(tx);
      const start = initialState(confidentialityPolicy, currentManagerId !== null);
      const inserted = await tx
        .insert(applications)
        .values({
          opportunityId: opportunity.id,
          personId: actor.personId,
          motivation: input.motivation,
          status: start.state.status,
          hiringStage: start.state.hiringStage,
          releaseStatus: start.state.releaseStatus,
          confidentiality: confidentialityPolicy,
          currentManagerId,
        })
        .onConflictDoNothing()
        .returning({ id: applications.id });
      if (inserted.length === 0) throw new AppError("CONFLICT", "alreadyApplied");
      const applicationId = inserted[0]!.id;
      const { disclosedAt } = await applyEffects(
        tx,
        { applicationId, hiringManagerId: opportunity.ownerId, currentManagerId, actorId: actor.personId, reason: "", now },
        start.effects,
      );
      if (disclosedAt) await tx.update(applications).set({ disclosedAt }).where(eq(applications.id, applicationId));
      await writeAudit(tx, { actorId: actor.personId, action: "application.submit", entityType: "application", entityId: applicationId });
      await enqueue(tx, "application.submitted", { applicationId, opportunityId: opportunity.id, personId: actor.personId, disclosed: Boolean(disclosedAt) });
      return { applicationId, ...start.state, version: 0, replayed: false };
    }),
  );
}

/** How the actor relates to a locked application. The current manager counts only once it is disclosed. */
function relationsOf(actor: Actor, row: { personId: number; currentManagerId: number | null; disclosedAt: Date | null; ownerId: number }) {
  const relations = new Set<ActorRelation>();
  if (row.personId === actor.personId) relations.add("applicant");
  if (row.currentManagerId === actor.personId && row.disclosedAt) relations.add("current_manager");
  if (row.ownerId === actor.personId) relations.add("hiring_manager");
  if (isHrStaff(actor)) relations.add("hr");
  return relations;
}

/** True when `action` has already been applied to this state (a retry or a double click). */
function alreadyApplied(state: WorkflowState, action: Action): boolean {
  const done: Partial<Record<Action, boolean>> = {
    withdraw: state.status === "withdrawn",
    shortlist: state.hiringStage !== "review",
    interview: state.hiringStage === "interview" || state.hiringStage === "offered",
    offer: state.hiringStage === "offered",
    decline: state.status === "declined",
    release_approve: state.releaseStatus === "approved",
    release_later: state.releaseStatus === "later",
    release_decline: state.releaseStatus === "declined" || state.status === "not_released",
    hr_override: state.releaseStatus === "overridden",
    hr_uphold: state.status === "not_released",
    finalize: state.status === "finalized" || state.status === "completed",
  };
  return done[action] ?? false;
}

/**
 * One workflow transition, atomically: lock the application, check actor, state and version,
 * write the new state, the step decision, the audit row and the outbox event, commit. A repeat of
 * an action already applied returns the current state and changes nothing.
 */
export async function act(db: Database, actor: Actor, rawInput: ActInput, now = new Date()): Promise<ActResult> {
  const input = actInput.parse(rawInput);
  const action = input.action as Action;
  return db.transaction((tx) =>
    once(tx, actor, input.idempotencyKey, `act:${input.applicationId}:${action}`, async () => {
      const [row] = await tx
        .select({
          id: applications.id,
          personId: applications.personId,
          opportunityId: applications.opportunityId,
          status: applications.status,
          hiringStage: applications.hiringStage,
          releaseStatus: applications.releaseStatus,
          confidentiality: applications.confidentiality,
          currentManagerId: applications.currentManagerId,
          disclosedAt: applications.disclosedAt,
          releaseOn: applications.releaseOn,
          version: applications.version,
          ownerId: opportunities.ownerId,
        })
        .from(applications)
        .innerJoin(opportunities, eq(opportunities.id, applications.opportunityId))
        .where(eq(applications.id, input.applicationId))
        .for("update", { of: applications });
      const relations = row ? relationsOf(actor, row) : new Set<ActorRelation>();
      // Not involved (or a manager before disclosure): the application does not exist for them.
      if (!row || relations.size === 0) throw new AppError("NOT_FOUND");
      const state = workflowStateOf(row);
      const current = { applicationId: row.id, ...state, version: row.version };
      const mayAct = relations.has(actorFor[action] as ActorRelation);
      if (mayAct && alreadyApplied(state, action) && !transition(state, action, relations).ok) return { ...current, replayed: true };
      if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) throw new AppError("CONFLICT", "applicationChanged");
      if (needsReason.has(action) && !input.reason) throw new AppError("BAD_REQUEST", "reasonRequired");
      if (action === "release_later" && !input.releaseOn) throw new AppError("BAD_REQUEST", "releaseDateRequired");
      // A date in the past would make the next job run apply a backdated move at once.
      const today = japanDate(now);
      if ((input.releaseOn && input.releaseOn < today) || (input.effectiveOn && input.effectiveOn < today)) throw new AppError("BAD_REQUEST", "dateInPast");
      if (action === "finalize") {
        if (!input.effectiveOn) throw new AppError("BAD_REQUEST", "effectiveDateRequired");
        if (row.releaseOn && input.effectiveOn < row.releaseOn) throw new AppError("BAD_REQUEST", "effectiveBeforeRelease", { releaseOn: row.releaseOn });
      }
      const result = transition(state, action, relations);
      if (!result.ok) {
        throw result.refusal === "wrong_state" ? new AppError("CONFLICT", "applicationChanged") : new AppError("FORBIDDEN", `workflow.${result.refusal}`);
      }
      const { disclosedAt } = await applyEffects(
        tx,
        { applicationId: row.id, hiringManagerId: row.ownerId, currentManagerId: row.currentManagerId, actorId: actor.personId, reason: input.reason, now },
        result.effects,
      );
      const version = row.version + 1;
      await tx
        .update(applications)
        .set({
          status: result.next.status,
          hiringStage: result.next.hiringStage,
          releaseStatus: result.next.releaseStatus,
          ...(disclosedAt ? { disclosedAt } : {}),
          ...(action === "release_later" ? { releaseOn: input.releaseOn } : {}),
          ...(action === "finalize" ? { effectiveOn: input.effectiveOn } : {}),
          ...(input.reason ? { decisionReason: input.reason } : {}),
          version,
        })
        .where(eq(applications.id, row.id));
      await writeAudit(tx, {
        actorId: actor.personId,
        action: `application.${action}`,
        entityType: "application",
        entityId: row.id,
        data: { from: state, to: result.next, reason: input.reason || undefined },
      });
      await enqueue(tx, "application.transitioned", {
        applicationId: row.id,
        opportunityId: row.opportunityId,
        personId: row.personId,
        action,
        disclosed: Boolean(disclosedAt),
      });
      return { applicationId: row.id, ...result.next, version, replayed: false };
    }),
  );
}

/**
 * When a posting closes or fills, everyone still in review gets a decision with a reason — nobody
 * is left waiting. Runs in the caller's transaction (the status change); finalized moves stand.
 */
export async function declineRemainingApplications(tx: Executor, input: { opportunityId: number; ownerId: number; actorId: number; reason: string; now: Date }) {
  const open = await tx
    .select({
      id: applications.id,
      personId: applications.personId,
      status: applications.status,
      hiringStage: applications.hiringStage,
      releaseStatus: applications.releaseStatus,
      confidentiality: applications.confidentiality,
      currentManagerId: applications.currentManagerId,
      version: applications.version,
    })
    .from(applications)
    .where(and(eq(applications.opportunityId, input.opportunityId), eq(applications.status, "active")))
    .for("update");
  for (const row of open) {
    const result = transition(workflowStateOf(row), "decline", new Set(["hiring_manager"]));
    if (!result.ok) continue;
    await applyEffects(
      tx,
      { applicationId: row.id, hiringManagerId: input.ownerId, currentManagerId: row.currentManagerId, actorId: input.actorId, reason: input.reason, now: input.now },
      result.effects,
    );
    await tx
      .update(applications)
      .set({ status: result.next.status, decisionReason: input.reason, version: row.version + 1 })
      .where(eq(applications.id, row.id));
    await writeAudit(tx, { actorId: input.actorId, action: "application.decline", entityType: "application", entityId: row.id, data: { reason: input.reason, cause: "opportunity_closed" } });
    await enqueue(tx, "application.transitioned", { applicationId: row.id, opportunityId: input.opportunityId, personId: row.personId, action: "decline" });
  }
}
