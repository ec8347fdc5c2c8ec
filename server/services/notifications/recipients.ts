/**
 * Who hears of a workflow event, and as what (pure). The current manager is told only once the
 * application is disclosed to them — never earlier, whatever the event.
 */
export type NotificationKind =
  | "applicationReceived"
  | "releaseRequested"
  | "withdrawn"
  | "shortlisted"
  | "interview"
  | "offered"
  | "declined"
  | "released"
  | "releasedLater"
  | "releaseDeclined"
  | "declineReview"
  | "releaseOverridden"
  | "releasedByHr"
  | "notReleased"
  | "readyToFinalize"
  | "finalized"
  | "moved"
  | "escalated"
  | "managerChanged"
  | "scoutInvited"
  | "scoutAccepted"
  | "scoutDeclined";

export type Recipient = { to: "applicant" | "hiringManager" | "currentManager" | "hr"; kind: NotificationKind };

export type EventFacts = {
  type: "application.submitted" | "application.transitioned" | "application.step_escalated" | "application.manager_changed";
  action?: string;
  /** This event is the one that disclosed the application to the current manager. */
  disclosedNow: boolean;
  /** The application is (now) disclosed to the current manager. */
  disclosed: boolean;
  offered: boolean;
  releaseGranted: boolean;
  /** The current manager's release decision is awaited. */
  releasePending: boolean;
};

export function recipientsFor(event: EventFacts): Recipient[] {
  const list: Recipient[] = [];
  const toManager = (kind: NotificationKind) => {
    if (event.disclosed) list.push({ to: "currentManager", kind });
  };
  if (event.disclosedNow) list.push({ to: "currentManager", kind: "releaseRequested" });
  const readyForHr = () => {
    if (event.offered && event.releaseGranted) list.push({ to: "hr", kind: "readyToFinalize" });
  };
  if (event.type === "application.submitted") {
    list.push({ to: "hiringManager", kind: "applicationReceived" });
    return list;
  }
  if (event.type === "application.manager_changed") {
    // The new manager of a disclosed application: asked to decide if the release waits on them.
    toManager(event.releasePending ? "releaseRequested" : "managerChanged");
    return list;
  }
  if (event.type === "application.step_escalated") {
    list.push({ to: "hr", kind: "escalated" });
    toManager("escalated");
    return list;
  }
  switch (event.action) {
    case "withdraw":
    case "withdraw_on_leave":
      list.push({ to: "hiringManager", kind: "withdrawn" });
      toManager("withdrawn");
      break;
    case "shortlist":
      list.push({ to: "applicant", kind: "shortlisted" });
      break;
    case "interview":
      list.push({ to: "applicant", kind: "interview" });
      break;
    case "offer":
      list.push({ to: "applicant", kind: "offered" });
      readyForHr();
      break;
    case "decline":
      list.push({ to: "applicant", kind: "declined" });
      break;
    case "release_approve":
    case "release_later": {
      const kind = event.action === "release_approve" ? "released" : "releasedLater";
      list.push({ to: "applicant", kind }, { to: "hiringManager", kind });
      readyForHr();
      break;
    }
    case "release_decline":
      list.push({ to: "applicant", kind: "releaseDeclined" }, { to: "hiringManager", kind: "releaseDeclined" }, { to: "hr", kind: "declineReview" });
      break;
    case "hr_release":
      // HR released in the manager's place (their decision was overdue, or nobody was left to ask).
      list.push({ to: "applicant", kind: "releasedByHr" }, { to: "hiringManager", kind: "releasedByHr" });
      toManager("releasedByHr");
      readyForHr();
      break;
    case "hr_override":
      list.push({ to: "applicant", kind: "releaseOverridden" }, { to: "hiringManager", kind: "releaseOverridden" });
      toManager("releaseOverridden");
      readyForHr();
      break;
    case "hr_uphold":
      list.push({ to: "applicant", kind: "notReleased" }, { to: "hiringManager", kind: "notReleased" });
      break;
    case "finalize":
      list.push({ to: "applicant", kind: "finalized" }, { to: "hiringManager", kind: "finalized" });
      toManager("finalized");
      break;
    case "complete":
      list.push({ to: "applicant", kind: "moved" }, { to: "hiringManager", kind: "moved" });
      toManager("moved");
      break;
  }
  return list;
}
