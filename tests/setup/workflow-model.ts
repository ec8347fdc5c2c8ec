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
 * the postings, and each application's state, open steps, dates and events. Its rules are the pure
 * transition table plus the service's own checks (who is involved, reasons, dates) and the
 * organisation's (the releasing manager is the nearest active one up the chain), written out here
 * as the expected behaviour.
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
  /** Outbox events about it: manager changes announced to a new manager, and escalations to HR. */
  managerEvents: number;
  escalations: number;
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
  const start = initialState(model.policy, releasingManager(model, personId) !== null);
  return { kind: "transition", next: start.state, effects: start.effects };
}

/** A repeat of an action already taken (a retry, a double click) changes nothing. */
function alreadyTaken(state: WorkflowState, action: Action): boolean {
  switch (action) {
    case "complete":
    case "withdraw_on_leave":
      return false;
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
    case "hr_release":
    case "hr_override":
      return state.releaseStatus === "overridden";
    case "hr_uphold":
      return state.status === "not_released";
    case "finalize":
      return state.status === "finalized" || state.status === "completed";
  }
}

export type ActInputs = { reason: string; releaseOn?: string; effectiveOn?: string };

/** The outcome of a person taking a workflow action on an application, on the day `today` (Japan). */
export function expectAct(model: Model, application: ModelApplication, actorId: number, action: Action, input: ActInputs, today: string): Outcome {
  if (actorFor[action] === "system") return refused("invalid_input");
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
 * order; a transfer moves the person into the posting's department under its hiring manager, and
 * their other live applications follow the new manager.
 */
export function expectDueMoves(model: Model, day: string): ModelApplication[] {
  const due = model.applications.filter((application) => application.state.status === "finalized" && application.effectiveOn! <= day);
  for (const application of due) {
    if (application.state.status !== "finalized") continue;
    recordSystemTransition(application, "complete");
    if (application.posting.kind !== "transfer") continue;
    const person = model.people.get(application.personId)!;
    person.departmentId = application.posting.departmentId;
    if (application.posting.ownerId !== person.id) person.managerId = application.posting.ownerId;
    followOrganisation(model);
  }
  return due;
}

function recordSystemTransition(application: ModelApplication, action: "complete" | "withdraw_on_leave") {
  const decided = transition(application.state, action, new Set(["system"]));
  if (!decided.ok) throw new Error(`the model cannot ${action} application ${application.id}`);
  recordTransition(application, decided.next, decided.effects);
}

/** The nearest active manager above a person (never the person themself); null when there is none. */
export function releasingManager(model: Model, personId: number): number | null {
  let managerId = model.people.get(personId)!.managerId;
  for (let depth = 0; managerId !== null && depth < 50; depth++) {
    const manager = model.people.get(managerId)!;
    if (manager.active && manager.id !== personId) return manager.id;
    managerId = manager.managerId;
  }
  return null;
}

/**
 * Every live application's releasing manager is the organisation's: on a difference it changes,
 * an open release step moves with it (or goes to HR when nobody is left), and a disclosed
 * application is announced to its new manager.
 */
export function followOrganisation(model: Model) {
  for (const application of model.applications.filter(isLive)) {
    const managerId = releasingManager(model, application.personId);
    if (managerId === application.currentManagerId) continue;
    application.currentManagerId = managerId;
    // The open release step moves to the new manager on a fresh clock, or goes to HR with nobody left (once).
    const waiting = application.openSteps.has("manager_release");
    if (waiting && managerId === null && !application.state.releaseEscalated) application.escalations++;
    application.state = { ...application.state, hasReleasingManager: managerId !== null, releaseEscalated: waiting && managerId === null };
    if (managerId !== null && application.disclosed) application.managerEvents++;
  }
}

/**
 * The escalation job finds this application's release past its deadline: an open release step not
 * yet with HR goes to HR, once (HR may then release in the manager's place). Returns whether it did.
 */
export function expectOverdueRelease(application: ModelApplication): boolean {
  if (!application.openSteps.has("manager_release") || application.state.releaseEscalated) return false;
  application.state = { ...application.state, releaseEscalated: true };
  application.escalations++;
  return true;
}

/** People at or below a person in the org chart, whatever their status. */
function atOrBelow(model: Model, personId: number): Set<number> {
  const found = new Set([personId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const person of model.people.values()) {
      if (person.managerId !== null && found.has(person.managerId) && !found.has(person.id)) {
        found.add(person.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Changing a person's manager: refused for themself, an inactive manager or a loop; then everything follows. */
export function expectChangeManager(model: Model, personId: number, managerId: number | null): "changed" | "unchanged" | "refused" {
  if (managerId !== null && (managerId === personId || !model.people.get(managerId)!.active || atOrBelow(model, personId).has(managerId))) return "refused";
  const person = model.people.get(personId)!;
  if (person.managerId === managerId) return "unchanged";
  person.managerId = managerId;
  followOrganisation(model);
  return "changed";
}

/**
 * A person leaves: their live applications close, the postings that still matter pass to their
 * releasing manager, and releases waiting on them move up the chain.
 */
export function expectDeactivate(model: Model, personId: number): "changed" | "unchanged" {
  const person = model.people.get(personId)!;
  if (!person.active) return "unchanged";
  person.active = false;
  for (const application of model.applications) {
    if (application.personId === personId && isLive(application)) recordSystemTransition(application, "withdraw_on_leave");
  }
  // The model's postings are open or closed, never filled: every one of them can still take applicants.
  const successorId = releasingManager(model, personId);
  for (const posting of model.postings) {
    if (posting.ownerId === personId && successorId !== null) posting.ownerId = successorId;
  }
  followOrganisation(model);
  return "changed";
}

/** Someone who owns a posting may only leave when someone above them can take it over. */
export function ownsPostingWithoutSuccessor(model: Model, personId: number): boolean {
  return model.postings.some((posting) => posting.ownerId === personId) && releasingManager(model, personId) === null;
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
