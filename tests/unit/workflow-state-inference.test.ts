import { describe, expect, it } from "vitest";
import { allowedActions, inferState } from "../../app/_components/workflow-state";
import {
  type Action,
  type ActorRelation,
  actions,
  type Confidentiality,
  initialState,
  transition,
  type WorkflowState,
} from "../../server/services/workflow/transitions";

const policies: Confidentiality[] = ["manager_first", "until_shortlist", "until_offer"];
const everyone = new Set<ActorRelation | "system">(["applicant", "current_manager", "hiring_manager", "hr", "system"]);
const key = (state: WorkflowState) => JSON.stringify(state);

/** Every state an application can reach from applying, under one policy. */
function reachable(confidentiality: Confidentiality, hasReleasingManager: boolean): WorkflowState[] {
  const start = initialState(confidentiality, hasReleasingManager).state;
  const seen = new Map([[key(start), start]]);
  const queue = [start];
  while (queue.length > 0) {
    const state = queue.shift()!;
    for (const action of actions) {
      // "Finalize" is refused to the hiring manager; try it as HR alone.
      const result = transition(state, action, action === "finalize" ? new Set(["hr"]) : everyone);
      if (result.ok && !seen.has(key(result.next))) {
        seen.set(key(result.next), result.next);
        queue.push(result.next);
      }
    }
  }
  return [...seen.values()];
}

/**
 * The screens do not know the policy an application was made under; `inferState` recovers enough
 * of it from the view. Here that claim is checked exhaustively: in every reachable state, the
 * buttons offered are exactly the transitions the server would accept.
 */
describe("the workflow state behind an application view", () => {
  for (const confidentiality of policies) {
    for (const hasReleasingManager of [true, false]) {
      it(`offers exactly the allowed actions (${confidentiality}, ${hasReleasingManager ? "with" : "without"} a releasing manager)`, () => {
        const states = reachable(confidentiality, hasReleasingManager);
        expect(states.length).toBeGreaterThan(3);
        const relationSets: ActorRelation[][] = [["applicant"], ["hiring_manager"], ["current_manager"], ["hr"]];
        for (const state of states) {
          const view = { status: state.status, hiringStage: state.hiringStage, releaseStatus: state.releaseStatus };
          for (const relations of relationSets) {
            const expected = actions.filter((action: Action) => transition(state, action, new Set(relations)).ok);
            expect(allowedActions(view, relations, actions), `${key(state)} as ${relations.join("+")}`).toEqual(expected);
          }
        }
      });
    }
  }

  it("keeps what the view shows", () => {
    expect(inferState({ status: "active", hiringStage: "interview", releaseStatus: "pending" })).toMatchObject({
      status: "active",
      hiringStage: "interview",
      releaseStatus: "pending",
    });
  });
});
