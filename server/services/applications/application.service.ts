import { and, eq } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { applications, idempotencyKeys, opportunities, people } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
import { enqueue } from "../outbox/outbox";
import { getSettings } from "../settings/settings.service";
import { resolveReleasingManager } from "../people/releasing-manager";
import { applyTransition, lockApplications } from "../workflow/apply-transition";
import { syncCurrentManager } from "../workflow/current-manager";
import { japanDate } from "../workflow/business-days";
import { carryOutEffects } from "../workflow/effects";
import { type Action, type ActorRelation, actorFor, initialState, needsReason, transition, type WorkflowState, workflowStateOf } from "../workflow/transitions";
import { relationsOf } from "./application.relations";
import { managedByActor } from "./managed-people";
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
      // Read from the organisation now: a deactivated manager is skipped for the next active one up.
      const currentManagerId = await resolveReleasingManager(tx, actor.personId);
      // Where the applicant stands today: reports attribute the application here even after a move.
      const [applicant] = await tx.select({ departmentId: people.departmentId, roleId: people.roleId }).from(people).where(eq(people.id, actor.personId));
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
          applicantDepartmentId: applicant!.departmentId,
          applicantRoleId: applicant!.roleId,
          currentManagerId,
        })
        .onConflictDoNothing()
        .returning({ id: applications.id });
      if (inserted.length === 0) throw new AppError("CONFLICT", "alreadyApplied");
      const applicationId = inserted[0]!.id;
      const { disclosedAt } = await carryOutEffects(
        tx,
        {
          application: { id: applicationId, personId: actor.personId, opportunityId: opportunity.id, hiringManagerId: opportunity.ownerId, currentManagerId, effectiveOn: null },
          actorId: actor.personId,
          reason: "",
          now,
        },
        start.effects,
      );
      if (disclosedAt) await tx.update(applications).set({ disclosedAt }).where(eq(applications.id, applicationId));
      await writeAudit(tx, { actorId: actor.personId, action: "application.submit", entityType: "application", entityId: applicationId });
      await enqueue(tx, "application.submitted", { applicationId, opportunityId: opportunity.id, personId: actor.personId, disclosed: Boolean(disclosedAt), currentManagerId });
      return { applicationId, ...start.state, version: 0, replayed: false };
    }),
  );
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
    hr_release: state.releaseStatus === "overridden",
    hr_override: state.releaseStatus === "overridden",
    hr_uphold: state.status === "not_released",
    finalize: state.status === "finalized" || state.status === "completed",
  };
  return done[action] ?? false;
}

/**
 * One workflow step by a person, atomically: lock the application, check actor, version and input,
 * then `applyTransition`. A repeat of an action already applied returns the current state and
 * changes nothing.
 */
export async function act(db: Database, actor: Actor, rawInput: ActInput, now = new Date()): Promise<ActResult> {
  const input = actInput.parse(rawInput);
  const action = input.action;
  return db.transaction((tx) =>
    once(tx, actor, input.idempotencyKey, `act:${input.applicationId}:${action}`, async () => {
      const [locked] = await lockApplications(tx, eq(applications.id, input.applicationId));
      // The releasing manager is the organisation's today: a former manager has no say, the new one has.
      const row = locked && (await syncCurrentManager(tx, locked, { actorId: actor.personId, now, cause: `before ${action}` }));
      const relations: ReadonlySet<ActorRelation | "system"> = row ? relationsOf(actor, row, await managedByActor(tx, actor, [row.personId])) : new Set();
      // Not involved (or a manager — HR staff included — before disclosure): the application does not exist for them.
      if (!row || relations.size === 0) throw new AppError("NOT_FOUND");
      const state = workflowStateOf(row);
      const current = { applicationId: row.id, ...state, version: row.version };
      const mayAct = relations.has(actorFor[action]);
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
      const result = await applyTransition(tx, row, action, relations, {
        actorId: actor.personId,
        reason: input.reason,
        // Each date belongs to one action; one sent with another action is ignored.
        releaseOn: action === "release_later" ? input.releaseOn : undefined,
        effectiveOn: action === "finalize" ? input.effectiveOn : undefined,
        now,
      });
      if (!result.ok) {
        throw result.refusal === "wrong_state" ? new AppError("CONFLICT", "applicationChanged") : new AppError("FORBIDDEN", `workflow.${result.refusal}`);
      }
      return { applicationId: row.id, ...result.state, version: result.version, replayed: false };
    }),
  );
}

/**
 * When a posting closes or fills, everyone still in review gets a decision with a reason — nobody
 * is left waiting. Runs in the caller's transaction (the status change); finalized moves stand.
 */
export async function declineRemainingApplications(tx: Executor, input: { opportunityId: number; actorId: number; reason: string; now: Date }) {
  const open = await lockApplications(tx, eq(applications.opportunityId, input.opportunityId), eq(applications.status, "active"));
  for (const row of open) {
    // The posting's decision, taken for its hiring manager; only live applications were locked, so none is refused.
    await applyTransition(tx, row, "decline", new Set(["hiring_manager"]), {
      actorId: input.actorId,
      reason: input.reason,
      cause: "opportunity_closed",
      now: input.now,
    });
  }
}
