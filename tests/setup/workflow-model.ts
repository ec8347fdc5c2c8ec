import type { ApprovalStepName, ConfidentialityPolicy, OpportunityKind } from "../../db/vocabulary";
import type { AppErrorCode } from "../../server/errors";
import {
  type Action,
  type ActorRelation,
  actorFor,
  type Effect,
  initialState,
  needsReason,
  transition,
  type WorkflowState,
} from "../../server/services/workflow/transitions";

/**
 * The small model a model-based workflow test runs against the real services: who reports to whom,
 * the postings, and each application's state, open steps and dates. Its rules are the pure
 * transition table plus the service's own checks (who is involved, reasons, dates), written out
 * here as the expected behaviour.
 */
export type ModelPerson = { id: number; managerId: number | null; departmentId: number; active: boolean; isHr: boolean };
export type ModelPosting = { id: number; ownerId: number; kind: OpportunityKind; departmentId: number; open: boolean };
export type ModelApplication = {
  id: number;
  personId: number;
  posting: ModelPosting;
  state: WorkflowState;
  /** Who must release the applicant (null: nobody to ask). */
  currentManagerId: number | null;
  disclosed: boolean;
  version: number;
  openSteps: Set<ApprovalStepName>;
  releaseOn: string | null;
  effectiveOn: string | null;
};
export type Model = {
  people: Map<number, ModelPerson>;
  postings: ModelPosting[];
  applications: ModelApplication[];
  policy: ConfidentialityPolicy;
};

/** What the service must do with a command: carry out a transition, repeat nothing, or refuse. */
export type Outcome =
  | { kind: "transition"; next: WorkflowState; effects: Effect[] }
  | { kind: "replayed" }
  | { kind: "refused"; code: AppErrorCode | "invalid_input" };

const refused = (code: AppErrorCode | "invalid_input"): Outcome => ({ kind: "refused", code });

/** Live applications hold the (person, posting) slot. */
export const isLive = (application: ModelApplication) => application.state.status === "active" || application.state.status === "finalized";

export function relationsIn(model: Model, application: ModelApplication, actorId: number): Set<ActorRelation> {
  const relations = new Set<ActorRelation>();
  if (actorId === application.personId) relations.add("applicant");
  if (actorId === application.currentManagerId && application.disclosed) relations.add("current_manager");
  if (actorId === application.posting.ownerId) relations.add("hiring_manager");
  if (model.people.get(actorId)?.isHr) relations.add("hr");
  return relations;
}

/** The outcome of a person applying to a posting. */
export function expectApply(model: Model, personId: number, posting: ModelPosting): Outcome {
  if (!posting.open) return refused("NOT_FOUND");
  if (posting.ownerId === personId) return refused("FORBIDDEN");
  if (model.applications.some((application) => application.personId === personId && application.posting === posting && isLive(application))) {
    return refused("CONFLICT");
  }
  const start = initialState(model.policy, model.people.get(personId)!.managerId !== null);
  return { kind: "transition", next: start.state, effects: start.effects };
}

/** A repeat of an action already taken (a retry, a double click) changes nothing. */
function alreadyTaken(state: WorkflowState, action: Action): boolean {
  switch (action) {
    case "withdraw":
      return state.status === "withdrawn";
    case "shortlist":
      return state.hiringStage !== "review";
    case "interview":
      return state.hiringStage === "interview" || state.hiringStage === "offered";
    case "offer":
      return state.hiringStage === "offered";
    case "decline":
      return state.status === "declined";
    case "release_approve":
      return state.releaseStatus === "approved";
    case "release_later":
      return state.releaseStatus === "later";
    case "release_decline":
      return state.releaseStatus === "declined" || state.status === "not_released";
    case "hr_override":
      return state.releaseStatus === "overridden";
    case "hr_uphold":
      return state.status === "not_released";
    case "finalize":
      return state.status === "finalized" || state.status === "completed";
    case "complete":
      return false;
  }
}

export type ActInputs = { reason: string; releaseOn?: string; effectiveOn?: string };

/** The outcome of a person taking a workflow action on an application, on the day `today` (Japan). */
export function expectAct(model: Model, application: ModelApplication, actorId: number, action: Action, input: ActInputs, today: string): Outcome {
  if (action === "complete") return refused("invalid_input");
  const relations = relationsIn(model, application, actorId);
  if (relations.size === 0) return refused("NOT_FOUND");
  const decided = transition(application.state, action, relations);
  if (relations.has(actorFor[action] as ActorRelation) && alreadyTaken(application.state, action) && !decided.ok) return { kind: "replayed" };
  if (needsReason.has(action) && !input.reason) return refused("BAD_REQUEST");
  if (action === "release_later" && !input.releaseOn) return refused("BAD_REQUEST");
  if ((input.releaseOn && input.releaseOn < today) || (input.effectiveOn && input.effectiveOn < today)) return refused("BAD_REQUEST");
  if (action === "finalize") {
    if (!input.effectiveOn) return refused("BAD_REQUEST");
    if (application.releaseOn && input.effectiveOn < application.releaseOn) return refused("BAD_REQUEST");
  }
  if (!decided.ok) return refused(decided.refusal === "wrong_state" ? "CONFLICT" : "FORBIDDEN");
  return { kind: "transition", next: decided.next, effects: decided.effects };
}

/** Records a transition the service carried out: state, version, disclosure and the open steps. */
export function recordTransition(application: ModelApplication, next: WorkflowState, effects: readonly Effect[]) {
  application.state = next;
  application.version++;
  recordEffects(application, effects);
}

/** The steps and disclosure an effect list leaves behind (applying carries out effects at version 0). */
export function recordEffects(application: ModelApplication, effects: readonly Effect[]) {
  for (const effect of effects) {
    if (effect.type === "disclose") application.disclosed = true;
    if (effect.type === "open_step") application.openSteps.add(effect.step);
    if (effect.type === "close_step") application.openSteps.delete(effect.step);
    if (effect.type === "close_open_steps") application.openSteps.clear();
  }
}

/**
 * The effective-date job on `day`: every finalized application due by then completes, in id
 * order; a transfer moves the person into the posting's department under its hiring manager.
 */
export function expectDueMoves(model: Model, day: string): ModelApplication[] {
  const due = model.applications.filter((application) => application.state.status === "finalized" && application.effectiveOn! <= day);
  for (const application of due) {
    const decided = transition(application.state, "complete", new Set(["system"]));
    if (!decided.ok) throw new Error(`the model cannot complete application ${application.id}`);
    recordTransition(application, decided.next, decided.effects);
    if (application.posting.kind !== "transfer") continue;
    const person = model.people.get(application.personId)!;
    person.departmentId = application.posting.departmentId;
    if (application.posting.ownerId !== person.id) person.managerId = application.posting.ownerId;
  }
  return due;
}

/** Closing a posting declines every application still active on it, as its hiring manager's decision. */
export function expectClosePosting(model: Model, posting: ModelPosting): ModelApplication[] {
  posting.open = false;
  const active = model.applications.filter((application) => application.posting === posting && application.state.status === "active");
  for (const application of active) {
    const decided = transition(application.state, "decline", new Set(["hiring_manager"]));
    if (!decided.ok) throw new Error(`the model cannot decline application ${application.id}`);
    recordTransition(application, decided.next, decided.effects);
  }
  return active;
}
