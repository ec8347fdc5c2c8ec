/**
 * The workflow's vocabularies, each listed once. The database enums (db/schema), the TypeScript
 * types, the input and output schemas, the settings and the tests all read these lists, so a value
 * is added or renamed in one place. Plain data: the pure transition table imports it too.
 */

export const opportunityKinds = ["transfer", "project", "rotation", "mentorship", "casual_interview", "trial_joining"] as const;
export type OpportunityKind = (typeof opportunityKinds)[number];

/**
 * Why a row of the moves ledger exists: a filled posting keeps its opportunity's kind; an
 * organisation change made by an administrator is a reorganisation (the department itself moved or
 * was restructured), a promotion (a new role or level where the person stands) or a transfer.
 */
export const moveKinds = [...opportunityKinds, "reorganisation", "promotion"] as const;
export type MoveKind = (typeof moveKinds)[number];

/** A posting is drafted, open to applicants, then closed or filled. */
export const opportunityStatuses = ["draft", "open", "closed", "filled"] as const;
export type OpportunityStatus = (typeof opportunityStatuses)[number];

export const applicationStatuses = ["active", "withdrawn", "declined", "not_released", "finalized", "completed"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const hiringStages = ["review", "shortlisted", "interview", "offered"] as const;
export type HiringStage = (typeof hiringStages)[number];

export const releaseStatuses = ["not_requested", "pending", "approved", "later", "declined", "overridden"] as const;
export type ReleaseStatus = (typeof releaseStatuses)[number];

export const approvalStepNames = ["manager_release", "hr_decline_review", "hiring_decision", "hr_finalize"] as const;
export type ApprovalStepName = (typeof approvalStepNames)[number];

/** When the current manager learns of an application; recorded with each application. */
export const confidentialityPolicies = ["manager_first", "until_shortlist", "until_offer"] as const;
export type ConfidentialityPolicy = (typeof confidentialityPolicies)[number];
