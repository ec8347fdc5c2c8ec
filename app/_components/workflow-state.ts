import { type Action, type ActorRelation, transition, type WorkflowState } from "@/server/services/workflow/transitions";

/** What every application view carries. */
export type ApplicationStateView = { status: string; hiringStage: string; releaseStatus: string };

/**
 * The workflow state behind a view. Views do not carry the confidentiality policy recorded with
 * the application, but the state machine makes it recoverable wherever it matters:
 * - release `not_requested`: nobody asked the manager yet, so the policy is not "manager first";
 *   treating it as "until offer" allows exactly what either later-disclosing policy allows;
 * - release pending or declined while still in review: only "manager first" asks that early;
 * - pending or declined after the review stage: "manager first" would have needed the release
 *   before shortlisting, so it is "until shortlist" (under "until offer" it is pending only once
 *   offered, when no hiring step is left).
 * A granted release makes the policy irrelevant. The server decides anyway; this only keeps the
 * screen from offering buttons the server would refuse.
 */
export function inferState(view: ApplicationStateView): WorkflowState {
  const releaseStatus = view.releaseStatus as WorkflowState["releaseStatus"];
  const hiringStage = view.hiringStage as WorkflowState["hiringStage"];
  const confidentiality: WorkflowState["confidentiality"] =
    releaseStatus === "not_requested" ? "until_offer" : hiringStage === "review" ? "manager_first" : "until_shortlist";
  return { status: view.status as WorkflowState["status"], hiringStage, releaseStatus, confidentiality, hasReleasingManager: true };
}

/** The candidate actions the viewer may take now, in the order given. */
export function allowedActions(view: ApplicationStateView, relations: readonly ActorRelation[], candidates: readonly Action[]): Action[] {
  const state = inferState(view);
  const held = new Set<ActorRelation>(relations);
  return candidates.filter((action) => transition(state, action, held).ok);
}

/** Statuses after which nothing more happens to an application (a finalized one can still be withdrawn). */
export function isClosed(view: Pick<ApplicationStateView, "status">): boolean {
  return view.status !== "active";
}
