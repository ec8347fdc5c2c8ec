/**
 * The application workflow as a pure transition table: state × action × actor → next state and
 * effects. No database, no clock: `applyTransition` (./apply-transition.ts) carries the result out
 * in one transaction. Anything not listed is refused with a reason and changes nothing.
 */
import type { ApplicationStatus, ApprovalStepName, ConfidentialityPolicy, HiringStage, ReleaseStatus } from "@/db/vocabulary";

export type WorkflowState = {
  status: ApplicationStatus;
  hiringStage: HiringStage;
  releaseStatus: ReleaseStatus;
  confidentiality: ConfidentialityPolicy;
  /** The applicant has a manager who must release them (false: nobody to ask). */
  hasReleasingManager: boolean;
  /**
   * The release step still open went to HR: past its deadline, or with nobody left to ask. Read
   * from that step; false whenever no release is awaited.
   */
  releaseEscalated: boolean;
};

/** How the actor relates to this application; one person may hold several relations. */
export type ActorRelation = "applicant" | "current_manager" | "hiring_manager" | "hr";

/**
 * Every workflow action, in the order screens offer them; the audit log records `application.<action>`.
 * The system's own actions come last: "complete" (the effective-date job) and "withdraw_on_leave"
 * (the person left the company, so their applications close).
 */
export const actions = [
  "withdraw",
  "shortlist",
  "interview",
  "offer",
  "decline",
  "release_approve",
  "release_later",
  "release_decline",
  "hr_release",
  "hr_override",
  "hr_uphold",
  "finalize",
  "complete",
  "withdraw_on_leave",
] as const;
export type Action = (typeof actions)[number];

export type Effect =
  /** The current manager may now see the application; their release step opens with a deadline. */
  | { type: "disclose" }
  | { type: "open_step"; step: ApprovalStepName }
  | { type: "close_step"; step: ApprovalStepName; decision: string }
  /** The application ended: every step still open is closed with this decision (nothing left waiting or escalating). */
  | { type: "close_open_steps"; decision: string }
  /** Apply the move (or record the participation): the person's department, role, manager change. */
  | { type: "apply_move" };

const everyEffectType: Record<Effect["type"], true> = { disclose: true, open_step: true, close_step: true, close_open_steps: true, apply_move: true };
/** Every effect type, at run time: the test that each has a branch in the interpreter iterates it. */
export const effectTypes = Object.keys(everyEffectType) as Effect["type"][];

export type Refusal = "not_allowed_for_actor" | "wrong_state" | "hr_conflict_of_interest";

export type TransitionResult = { ok: true; next: WorkflowState; effects: Effect[] } | { ok: false; refusal: Refusal };

/** Which relation may take each action ("system" actions run from the effective-date job). */
export const actorFor: Record<Action, ActorRelation | "system"> = {
  withdraw: "applicant",
  shortlist: "hiring_manager",
  interview: "hiring_manager",
  offer: "hiring_manager",
  decline: "hiring_manager",
  release_approve: "current_manager",
  release_later: "current_manager",
  release_decline: "current_manager",
  hr_release: "hr",
  hr_override: "hr",
  hr_uphold: "hr",
  finalize: "hr",
  complete: "system",
  withdraw_on_leave: "system",
};

/** Actions only the system takes; no screen offers them. */
export type SystemAction = "complete" | "withdraw_on_leave";
const isPersonAction = (action: Action): action is Exclude<Action, SystemAction> => actorFor[action] !== "system";

const grantedReleases: ReadonlySet<ReleaseStatus> = new Set(["approved", "later", "overridden"]);

/** The current manager let the person go (now, later), or HR did in their place (over their decline, or their silence). */
export const releaseGranted = (state: Pick<WorkflowState, "releaseStatus">) => grantedReleases.has(state.releaseStatus);

/** The hiring step that discloses the application to the current manager under each policy. */
const disclosingStage: Record<ConfidentialityPolicy, HiringStage | "apply"> = {
  manager_first: "apply",
  until_shortlist: "shortlisted",
  until_offer: "offered",
};

/** Under "manager first", the hiring manager waits for the release before deciding. */
const hiringWaitsForRelease = (state: WorkflowState) => state.confidentiality === "manager_first" && state.hasReleasingManager && !releaseGranted(state);

/** Effects when a state reaches a hiring stage: disclosure (per policy) and, once both sides agree, HR's step. */
function afterHiringStage(state: WorkflowState, stage: HiringStage): { next: WorkflowState; effects: Effect[] } {
  let next: WorkflowState = { ...state, hiringStage: stage };
  const effects: Effect[] = [];
  if (disclosingStage[state.confidentiality] === stage && next.releaseStatus === "not_requested") {
    if (state.hasReleasingManager) {
      next = { ...next, releaseStatus: "pending" };
      effects.push({ type: "disclose" }, { type: "open_step", step: "manager_release" });
    } else {
      next = { ...next, releaseStatus: "approved" };
    }
  }
  if (stage === "offered") effects.push({ type: "close_step", step: "hiring_decision", decision: "offer" });
  if (stage === "offered" && releaseGranted(next)) effects.push({ type: "open_step", step: "hr_finalize" });
  return { next, effects };
}

/** The state right after applying: the hiring step opens; under "manager first" the manager is asked at once. */
export function initialState(confidentiality: ConfidentialityPolicy, hasReleasingManager: boolean): { state: WorkflowState; effects: Effect[] } {
  const base: WorkflowState = { status: "active", hiringStage: "review", releaseStatus: "not_requested", confidentiality, hasReleasingManager, releaseEscalated: false };
  const opened: Effect[] = [{ type: "open_step", step: "hiring_decision" }];
  if (disclosingStage[confidentiality] !== "apply") return { state: base, effects: opened };
  if (!hasReleasingManager) return { state: { ...base, releaseStatus: "approved" }, effects: opened };
  return {
    state: { ...base, releaseStatus: "pending" },
    effects: [...opened, { type: "disclose" }, { type: "open_step", step: "manager_release" }],
  };
}

/**
 * Decides one transition. `relations` are all the ways the actor relates to the application; HR
 * staff who are also the hiring manager may not finalize their own hire.
 */
export function transition(state: WorkflowState, action: Action, relations: ReadonlySet<ActorRelation | "system">): TransitionResult {
  const required = actorFor[action];
  if (!relations.has(required)) return { ok: false, refusal: "not_allowed_for_actor" };
  if (required === "hr" && hasHrConflictOfInterest(relations)) return { ok: false, refusal: "hr_conflict_of_interest" };
  const result = decide(state, action);
  if (!result.ok) return result;
  // An escalation belongs to the open release step: once no release is awaited, nothing is escalated.
  const awaitingRelease = result.next.status === "active" && result.next.releaseStatus === "pending";
  return { ...result, next: { ...result.next, releaseEscalated: result.next.releaseEscalated && awaitingRelease } };
}

/** The release is granted — by the current manager, or by HR in their place: the step closes and, after an offer, HR's finalize opens. */
function grantRelease(state: WorkflowState, releaseStatus: "approved" | "later" | "overridden"): { next: WorkflowState; effects: Effect[] } {
  const effects: Effect[] = [{ type: "close_step", step: "manager_release", decision: releaseStatus }];
  if (state.hiringStage === "offered") effects.push({ type: "open_step", step: "hr_finalize" });
  return { next: { ...state, releaseStatus }, effects };
}

/** The table itself, for an actor already allowed the action. */
function decide(state: WorkflowState, action: Action): TransitionResult {
  const refuse: TransitionResult = { ok: false, refusal: "wrong_state" };
  const active = state.status === "active";

  switch (action) {
    case "withdraw":
    case "withdraw_on_leave":
      if (!active && state.status !== "finalized") return refuse;
      return { ok: true, next: { ...state, status: "withdrawn" }, effects: [{ type: "close_open_steps", decision: "withdrawn" }] };
    case "shortlist": {
      if (!active || state.hiringStage !== "review" || hiringWaitsForRelease(state)) return refuse;
      return { ok: true, ...afterHiringStage(state, "shortlisted") };
    }
    case "interview": {
      if (!active || state.hiringStage !== "shortlisted" || hiringWaitsForRelease(state)) return refuse;
      return { ok: true, ...afterHiringStage(state, "interview") };
    }
    case "offer": {
      const ready = state.hiringStage === "shortlisted" || state.hiringStage === "interview";
      // Before the offer the manager must have released, unless the policy hides it until the offer.
      const releaseFirst = state.confidentiality !== "until_offer" && state.hasReleasingManager && !releaseGranted(state);
      if (!active || !ready || releaseFirst) return refuse;
      return { ok: true, ...afterHiringStage(state, "offered") };
    }
    case "decline":
      if (!active) return refuse;
      // Whatever is open (the hiring decision, a release, HR's finalize after an offer) closes with it.
      return { ok: true, next: { ...state, status: "declined" }, effects: [{ type: "close_open_steps", decision: "decline" }] };
    case "release_approve":
    case "release_later":
      if (!active || state.releaseStatus !== "pending") return refuse;
      return { ok: true, ...grantRelease(state, action === "release_approve" ? "approved" : "later") };
    case "hr_release":
      // HR releases in the manager's place only once the release went to them: overdue, or nobody to ask.
      if (!active || state.releaseStatus !== "pending" || !state.releaseEscalated) return refuse;
      return { ok: true, ...grantRelease(state, "overridden") };
    case "release_decline":
      if (!active || state.releaseStatus !== "pending") return refuse;
      return {
        ok: true,
        next: { ...state, releaseStatus: "declined" },
        effects: [
          { type: "close_step", step: "manager_release", decision: "declined" },
          { type: "open_step", step: "hr_decline_review" },
        ],
      };
    case "hr_override": {
      if (!active || state.releaseStatus !== "declined") return refuse;
      const effects: Effect[] = [{ type: "close_step", step: "hr_decline_review", decision: "overridden" }];
      if (state.hiringStage === "offered") effects.push({ type: "open_step", step: "hr_finalize" });
      return { ok: true, next: { ...state, releaseStatus: "overridden" }, effects };
    }
    case "hr_uphold":
      if (!active || state.releaseStatus !== "declined") return refuse;
      return {
        ok: true,
        next: { ...state, status: "not_released" },
        effects: [
          { type: "close_step", step: "hr_decline_review", decision: "upheld" },
          { type: "close_open_steps", decision: "cancelled" },
        ],
      };
    case "finalize":
      if (!active || state.hiringStage !== "offered" || !releaseGranted(state)) return refuse;
      return { ok: true, next: { ...state, status: "finalized" }, effects: [{ type: "close_step", step: "hr_finalize", decision: "finalized" }] };
    case "complete":
      if (state.status !== "finalized") return refuse;
      return { ok: true, next: { ...state, status: "completed" }, effects: [{ type: "apply_move" }] };
  }
}

/**
 * HR's checks must come from someone not already party to the move: not the applicant, the
 * releasing manager or the hiring manager.
 */
export function hasHrConflictOfInterest(relations: ReadonlySet<ActorRelation | "system">): boolean {
  return relations.has("applicant") || relations.has("current_manager") || relations.has("hiring_manager");
}

/**
 * Actions that need a reason: every applicant gets a decision with a reason, HR releasing in the
 * manager's place or overriding their decline is justified in the audit trail, and an application
 * closed because its person left says why.
 */
export const needsReason: ReadonlySet<Action> = new Set(["decline", "release_later", "release_decline", "hr_release", "hr_override", "hr_uphold", "withdraw_on_leave"]);

/** An action this viewer may take now, and whether it asks them for a reason. */
export type AllowedAction = { action: Exclude<Action, SystemAction>; needsReason: boolean };

/** What the viewer may do to an application in this state, in the table's order (the system's actions are never offered). */
export function allowedActions(state: WorkflowState, relations: ReadonlySet<ActorRelation>): AllowedAction[] {
  return actions.flatMap((action) =>
    isPersonAction(action) && transition(state, action, relations).ok ? [{ action, needsReason: needsReason.has(action) }] : [],
  );
}

/** The workflow state of a stored application row. */
export function workflowStateOf(row: {
  status: ApplicationStatus;
  hiringStage: HiringStage;
  releaseStatus: ReleaseStatus;
  confidentiality: ConfidentialityPolicy;
  currentManagerId: number | null;
  /** Its open release step is escalated to HR (see `releaseEscalated` in ./release-escalated.ts). */
  releaseEscalated: boolean;
}): WorkflowState {
  return {
    status: row.status,
    hiringStage: row.hiringStage,
    releaseStatus: row.releaseStatus,
    confidentiality: row.confidentiality,
    hasReleasingManager: row.currentManagerId !== null,
    releaseEscalated: row.releaseEscalated,
  };
}
