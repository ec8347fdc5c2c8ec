import { describe, expect, it } from "vitest";
import {
  applicationStatuses as statuses,
  confidentialityPolicies as policies,
  type ConfidentialityPolicy,
  hiringStages as stages,
  type ReleaseStatus,
  releaseStatuses as releases,
} from "../../db/vocabulary";
import {
  type Action,
  type ActorRelation,
  actions,
  actorFor,
  allowedActions,
  effectTypes,
  initialState,
  needsReason,
  transition,
  type WorkflowState,
} from "../../server/services/workflow/transitions";

const relationSets: Array<Set<ActorRelation | "system">> = [
  new Set(),
  new Set(["applicant"]),
  new Set(["current_manager"]),
  new Set(["hiring_manager"]),
  new Set(["hr"]),
  new Set(["system"]),
  new Set(["hr", "hiring_manager"]),
  new Set(["hr", "applicant"]),
  new Set(["hr", "current_manager"]),
];

function* allStates(): Generator<WorkflowState> {
  for (const confidentiality of policies)
    for (const status of statuses)
      for (const hiringStage of stages)
        for (const releaseStatus of releases)
          for (const hasReleasingManager of [true, false])
            for (const releaseEscalated of [true, false]) yield { confidentiality, status, hiringStage, releaseStatus, hasReleasingManager, releaseEscalated };
}

/** Walks a sequence of (action, relation) from a fresh application; fails loudly on a refusal. */
function walk(policy: ConfidentialityPolicy, steps: Array<[Action, ActorRelation | "system"]>, hasReleasingManager = true) {
  const start = initialState(policy, hasReleasingManager);
  let state = start.state;
  const effects = [...start.effects];
  for (const [action, relation] of steps) {
    const result = transition(state, action, new Set([relation]));
    if (!result.ok) throw new Error(`${policy}: ${action} by ${relation} refused (${result.refusal}) in ${JSON.stringify(state)}`);
    state = result.next;
    effects.push(...result.effects);
  }
  return { state, effects };
}

const granted = new Set<ReleaseStatus>(["approved", "later", "overridden"]);

describe("the workflow transition table (every state × action × actor)", () => {
  it("refuses every action to anyone but its actor, and HR's decisions to HR staff who are party to the move", () => {
    let checked = 0;
    // Mismatches are collected, not asserted one by one: ~90,000 checks stay fast and fail with the full list.
    const wrong: string[] = [];
    for (const state of allStates())
      for (const action of actions)
        for (const relations of relationSets) {
          const result = transition(state, action, relations);
          checked++;
          const refusal =
            !relations.has(actorFor[action]) ? "not_allowed_for_actor"
            : ["finalize", "hr_release", "hr_override", "hr_uphold"].includes(action) && relations.size > 1 ? "hr_conflict_of_interest"
            : undefined;
          if (refusal && (result.ok || result.refusal !== refusal)) wrong.push(`${action} by ${[...relations]} in ${JSON.stringify(state)}: ${JSON.stringify(result)}`);
        }
    expect(wrong).toEqual([]);
    expect(checked).toBe(policies.length * statuses.length * stages.length * releases.length * 2 * 2 * actions.length * relationSets.length);
  });

  it("never moves out of a closed application, except withdrawing (by the person or on leaving) or completing a finalized one", () => {
    for (const state of allStates())
      for (const action of actions) {
        if (state.status === "active") continue;
        const result = transition(state, action, new Set([actorFor[action]]));
        const allowed = state.status === "finalized" && ["withdraw", "withdraw_on_leave", "complete"].includes(action);
        expect(result.ok, `${action} from ${state.status}`).toBe(allowed);
      }
  });

  it("opens HR's finalize step only when the offer is made and the release granted, and finalizes only then", () => {
    for (const state of allStates())
      for (const action of actions) {
        const result = transition(state, action, new Set([actorFor[action]]));
        if (!result.ok) continue;
        if (result.effects.some((effect) => effect.type === "open_step" && effect.step === "hr_finalize")) {
          expect(result.next.hiringStage).toBe("offered");
          expect(granted.has(result.next.releaseStatus)).toBe(true);
        }
        if (action === "finalize") {
          expect(state.hiringStage).toBe("offered");
          expect(granted.has(state.releaseStatus)).toBe(true);
        }
      }
  });

  it("discloses to the current manager only at the stage the policy names", () => {
    for (const state of allStates())
      for (const action of actions) {
        const result = transition(state, action, new Set([actorFor[action]]));
        if (!result.ok || !result.effects.some((effect) => effect.type === "disclose")) continue;
        expect(state.releaseStatus).toBe("not_requested");
        expect(result.next.hiringStage).toBe(state.confidentiality === "until_shortlist" ? "shortlisted" : "offered");
      }
  });

  it("a refusal carries a reason and no next state", () => {
    const result = transition(initialState("until_offer", true).state, "finalize", new Set(["hr"]));
    expect(result).toEqual({ ok: false, refusal: "wrong_state" });
  });

  it("asks for every effect type in the run-time list, and for no other", () => {
    const asked = new Set<string>();
    for (const policy of policies) for (const hasReleasingManager of [true, false]) for (const effect of initialState(policy, hasReleasingManager).effects) asked.add(effect.type);
    for (const state of allStates())
      for (const action of actions) {
        const result = transition(state, action, new Set([actorFor[action]]));
        if (result.ok) for (const effect of result.effects) asked.add(effect.type);
      }
    expect([...asked].sort()).toEqual([...effectTypes].sort());
  });
});

describe("what a viewer may do", () => {
  const viewers = relationSets.filter((relations) => !relations.has("system")) as Array<Set<ActorRelation>>;

  it("offers exactly the actions the table accepts from them (never the job's), each saying whether it needs a reason", () => {
    const wrong: string[] = [];
    for (const state of allStates())
      for (const relations of viewers) {
        const expected = actions.flatMap((action) => (actorFor[action] !== "system" && transition(state, action, relations).ok ? [{ action, needsReason: needsReason.has(action) }] : []));
        const allowed = allowedActions(state, relations);
        if (JSON.stringify(allowed) !== JSON.stringify(expected)) wrong.push(`${[...relations]} in ${JSON.stringify(state)}: ${JSON.stringify(allowed)}`);
      }
    expect(wrong).toEqual([]);
  });

  it("asks a reason for every decision against the applicant, for HR deciding a release in the manager's place and for closing a leaver's application", () => {
    expect([...needsReason].sort()).toEqual(["decline", "hr_override", "hr_release", "hr_uphold", "release_decline", "release_later", "withdraw_on_leave"]);
  });

  it("offers HR nothing to decide on a move they are party to", () => {
    const declined: WorkflowState = { status: "active", hiringStage: "offered", releaseStatus: "declined", confidentiality: "until_offer", hasReleasingManager: true, releaseEscalated: false };
    expect(allowedActions(declined, new Set(["hr"])).map((item) => item.action)).toEqual(["hr_override", "hr_uphold"]);
    expect(allowedActions(declined, new Set(["hr", "current_manager"])).map((item) => item.action)).toEqual([]);
    expect(allowedActions(declined, new Set(["hr", "applicant"])).map((item) => item.action)).toEqual(["withdraw"]);
  });
});

describe("HR releasing in the manager's place", () => {
  const hr = new Set<ActorRelation>(["hr"]);
  const escalatedOffer: WorkflowState = { status: "active", hiringStage: "offered", releaseStatus: "pending", confidentiality: "until_offer", hasReleasingManager: true, releaseEscalated: true };

  it("is allowed exactly while the release is awaited and went to HR, and grants it as the manager's approval would", () => {
    const wrong: string[] = [];
    for (const state of allStates()) {
      const result = transition(state, "hr_release", hr);
      const allowed = state.status === "active" && state.releaseStatus === "pending" && state.releaseEscalated;
      const effects = [
        { type: "close_step", step: "manager_release", decision: "overridden" },
        ...(state.hiringStage === "offered" ? [{ type: "open_step", step: "hr_finalize" }] : []),
      ];
      const expected = allowed ? { ok: true, next: { ...state, releaseStatus: "overridden", releaseEscalated: false }, effects } : { ok: false, refusal: "wrong_state" };
      if (JSON.stringify(result) !== JSON.stringify(expected)) wrong.push(`${JSON.stringify(state)}: ${JSON.stringify(result)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("is offered to HR with a reason field, and not to HR who is the applicant's manager, nor to anyone before the escalation", () => {
    expect(allowedActions(escalatedOffer, hr)).toEqual([{ action: "hr_release", needsReason: true }]);
    expect(allowedActions(escalatedOffer, new Set(["hr", "current_manager"])).map((item) => item.action)).toEqual(["release_approve", "release_later", "release_decline"]);
    expect(transition(escalatedOffer, "hr_release", new Set(["hr", "current_manager"]))).toEqual({ ok: false, refusal: "hr_conflict_of_interest" });
    expect(transition(escalatedOffer, "hr_release", new Set(["current_manager"]))).toEqual({ ok: false, refusal: "not_allowed_for_actor" });
    expect(allowedActions({ ...escalatedOffer, releaseEscalated: false }, hr)).toEqual([]);
  });

  it("keeps an escalation while the release is awaited and drops it once it is not", () => {
    const wrong: string[] = [];
    for (const state of allStates())
      for (const action of actions) {
        const result = transition(state, action, new Set([actorFor[action]]));
        if (!result.ok) continue;
        const awaited = result.next.status === "active" && result.next.releaseStatus === "pending";
        if (result.next.releaseEscalated !== (state.releaseEscalated && awaited)) wrong.push(`${action} in ${JSON.stringify(state)}: ${JSON.stringify(result.next)}`);
      }
    expect(wrong).toEqual([]);
  });

  it("an overdue release: HR releases, then finalizes the move", () => {
    const offered = walk("until_offer", [
      ["shortlist", "hiring_manager"],
      ["offer", "hiring_manager"],
    ]);
    const released = transition({ ...offered.state, releaseEscalated: true }, "hr_release", hr);
    if (!released.ok) throw new Error(`hr_release refused: ${released.refusal}`);
    expect(released.next).toMatchObject({ releaseStatus: "overridden", releaseEscalated: false });
    expect(released.effects).toContainEqual({ type: "open_step", step: "hr_finalize" });
    expect(transition(released.next, "finalize", hr)).toMatchObject({ ok: true, next: { status: "finalized" } });
  });

  it("nobody left to ask under “manager first”: HR releases and the hiring goes on", () => {
    const waiting: WorkflowState = { ...initialState("manager_first", true).state, hasReleasingManager: false, releaseEscalated: true };
    const released = transition(waiting, "hr_release", hr);
    expect(released).toEqual({
      ok: true,
      next: { ...waiting, releaseStatus: "overridden", releaseEscalated: false },
      effects: [{ type: "close_step", step: "manager_release", decision: "overridden" }],
    });
  });
});

describe("journeys under each confidentiality policy", () => {
  it("manager first: the manager is asked on applying; the hiring manager waits for the release", () => {
    const start = initialState("manager_first", true);
    expect(start.state.releaseStatus).toBe("pending");
    expect(start.effects).toContainEqual({ type: "disclose" });
    expect(transition(start.state, "shortlist", new Set(["hiring_manager"]))).toEqual({ ok: false, refusal: "wrong_state" });
    const { state, effects } = walk("manager_first", [
      ["release_approve", "current_manager"],
      ["shortlist", "hiring_manager"],
      ["offer", "hiring_manager"],
      ["finalize", "hr"],
      ["complete", "system"],
    ]);
    expect(state.status).toBe("completed");
    expect(effects.filter((effect) => effect.type === "disclose")).toHaveLength(1);
    expect(effects).toContainEqual({ type: "apply_move" });
  });

  it("until shortlist: hidden until the shortlist, then the manager releases before the offer", () => {
    const shortlisted = walk("until_shortlist", [["shortlist", "hiring_manager"]]);
    expect(shortlisted.state.releaseStatus).toBe("pending");
    expect(transition(shortlisted.state, "offer", new Set(["hiring_manager"])).ok).toBe(false);
    const done = walk("until_shortlist", [
      ["shortlist", "hiring_manager"],
      ["interview", "hiring_manager"],
      ["release_later", "current_manager"],
      ["offer", "hiring_manager"],
      ["finalize", "hr"],
    ]);
    expect(done.state).toMatchObject({ status: "finalized", releaseStatus: "later" });
  });

  it("until offer: the manager hears of it with the offer; a decline goes to HR, who may override", () => {
    const offered = walk("until_offer", [
      ["shortlist", "hiring_manager"],
      ["offer", "hiring_manager"],
    ]);
    expect(offered.effects.filter((effect) => effect.type === "disclose")).toHaveLength(1);
    const overridden = walk("until_offer", [
      ["shortlist", "hiring_manager"],
      ["offer", "hiring_manager"],
      ["release_decline", "current_manager"],
      ["hr_override", "hr"],
      ["finalize", "hr"],
    ]);
    expect(overridden.state).toMatchObject({ status: "finalized", releaseStatus: "overridden" });
    const upheld = walk("until_offer", [
      ["shortlist", "hiring_manager"],
      ["offer", "hiring_manager"],
      ["release_decline", "current_manager"],
      ["hr_uphold", "hr"],
    ]);
    expect(upheld.state.status).toBe("not_released");
  });

  it("a person without a manager needs no release", () => {
    const { state, effects } = walk("manager_first", [["shortlist", "hiring_manager"], ["offer", "hiring_manager"], ["finalize", "hr"]], false);
    expect(state.status).toBe("finalized");
    expect(effects.some((effect) => effect.type === "disclose")).toBe(false);
  });

  it("an application that ends closes every step still open, so nothing waits or escalates", () => {
    for (const [steps, last] of [
      [[["shortlist", "hiring_manager"], ["offer", "hiring_manager"], ["withdraw", "applicant"]], "withdraw"],
      [[["shortlist", "hiring_manager"], ["offer", "hiring_manager"], ["decline", "hiring_manager"]], "decline"],
      [[["shortlist", "hiring_manager"], ["offer", "hiring_manager"], ["release_decline", "current_manager"], ["hr_uphold", "hr"]], "hr_uphold"],
    ] as const) {
      const { effects } = walk("until_offer", steps as unknown as Array<[Action, ActorRelation]>);
      expect(effects.at(-1), last).toMatchObject({ type: "close_open_steps" });
    }
  });

  it("a person who leaves has every application still open closed, by the system alone, with nothing left waiting", () => {
    const wrong: string[] = [];
    for (const state of allStates())
      for (const relations of relationSets) {
        const result = transition(state, "withdraw_on_leave", relations);
        const open = state.status === "active" || state.status === "finalized";
        const expected = !relations.has("system") ? { ok: false, refusal: "not_allowed_for_actor" }
          : !open ? { ok: false, refusal: "wrong_state" }
          : { ok: true, next: { ...state, status: "withdrawn", releaseEscalated: false }, effects: [{ type: "close_open_steps", decision: "withdrawn" }] };
        if (JSON.stringify(result) !== JSON.stringify(expected)) wrong.push(`${[...relations]} in ${JSON.stringify(state)}: ${JSON.stringify(result)}`);
      }
    expect(wrong).toEqual([]);
  });

  it("never offers a viewer the system's actions, in any state", () => {
    const viewers = relationSets.filter((relations) => !relations.has("system")) as Array<Set<ActorRelation>>;
    for (const state of allStates())
      for (const relations of viewers)
        expect(allowedActions(state, relations).map((item) => item.action)).not.toContain("withdraw_on_leave");
  });

  it("withdrawing ends it at any stage before the move; a withdrawn application cannot be acted on", () => {
    const withdrawn = walk("until_offer", [["shortlist", "hiring_manager"], ["withdraw", "applicant"]]);
    expect(withdrawn.state.status).toBe("withdrawn");
    for (const action of actions) expect(transition(withdrawn.state, action, new Set([actorFor[action]])).ok).toBe(false);
  });
});
