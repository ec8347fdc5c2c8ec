/**
 * Every message key a report can carry: table ids (`reports.tables`), column ids
 * (`reports.columns`), headline ids (`reports.headlines`), formulas (`reports.formulas`) and fixed
 * labels (`reports.labels`). The metric functions only accept these keys (their types come from
 * these lists), and a unit test checks each has a message in both languages.
 */

export const reportTableIds = [
  "mobilityByQuarter",
  "mobilityByDepartment",
  "fillByDepartment",
  "funnelStages",
  "funnelOutcomes",
  "stepLeadTimes",
  "departmentFlows",
  "jobFamilyFlows",
  "managerScorecard",
  "managerCompanyMedian",
  "rotationByDepartment",
  "pastStandardPeople",
  "skillSupplyDemand",
  "willsByDepartment",
  "retentionByCohort",
  "participationByKind",
] as const;
export type ReportTableId = (typeof reportTableIds)[number];

export const columnIds = [
  "moves",
  "averageHeadcount",
  "mobilityRate",
  "filled",
  "internalFills",
  "internalFillRate",
  "timeToFillMedian",
  "timeToFillP90",
  "applications",
  "shareOfApplications",
  "decidedSteps",
  "medianDays",
  "p90Days",
  "from",
  "to",
  "outboundMoves",
  "releaseDecisions",
  "medianReleaseDays",
  "declineOrLaterRate",
  "overdueSteps",
  "annualRotationRate",
  "targetPercent",
  "status",
  "name",
  "department",
  "role",
  "level",
  "yearsAtLevel",
  "standardYears",
  "supplyLevel1",
  "supplyLevel2",
  "supplyLevel3",
  "supplyLevel4",
  "demandLevel1",
  "demandLevel2",
  "demandLevel3",
  "demandLevel4",
  "peopleInPost",
  "willReviewed",
  "willCoverage",
  "willsObserved",
  "willsFulfilled",
  "willFulfilment",
  "people",
  "retained",
  "retentionRate",
  "notYetObservable",
  "participants",
  "movedWithin12Months",
  "conversionRate",
] as const;
export type ColumnId = (typeof columnIds)[number];

export const headlineIds = [
  "mobilityRate",
  "moves",
  "internalFillRate",
  "timeToFillMedian",
  "timeToFillP90",
  "applications",
  "applicationToMoveRate",
  "flowMoves",
  "medianReleaseDays",
  "declineOrLaterRate",
  "departmentsAboveTarget",
  "departmentsBelowTarget",
  "peoplePastStandard",
  "skillsInDemand",
  "willCoverage",
  "willFulfilment",
  "retentionMoved",
  "retentionDeclined",
  "retentionDidNotApply",
  "participationConversion",
] as const;
export type HeadlineId = (typeof headlineIds)[number];

export const formulaIds = [
  /** moves in the period ÷ average headcount (mean of month-start headcounts) */
  "mobilityRate",
  /** moves out of the departments in the period (where the person came from) */
  "movesInPeriod",
  /** postings filled by an internal move ÷ postings filled in the period */
  "internalFillRate",
  /** median days from posting opened to HR finalizing the move that filled it */
  "timeToFillMedian",
  /** 90th percentile (nearest rank) of days from posting opened to HR finalizing the move that filled it */
  "timeToFillP90",
  /** applications made in the period by people of the departments */
  "applicationsInPeriod",
  /** applications that ended in a move ÷ applications made in the period */
  "applicationToMoveRate",
  /** moves in the period between two different departments shown, one end in the filter */
  "movesBetweenDepartments",
  /** median days from a release request to the manager's decision */
  "medianReleaseDays",
  /** release decisions "declined" or "later" ÷ release decisions */
  "declineOrLaterRate",
  /** departments whose moves out × 12 ÷ months ÷ average headcount reach their target */
  "departmentsAboveTarget",
  /** departments whose moves out × 12 ÷ months ÷ average headcount fall short of their target */
  "departmentsBelowTarget",
  /** people today past their level's standard years with no move or level-up since */
  "peoplePastStandard",
  /** skills required by open postings today */
  "skillsInDemand",
  /** people in post at the end of the period with a Will saved in the 180 days before ÷ people in post */
  "willCoverage",
  /** Wills saved in the period, at least 12 months old, reached by a move or project within 12 months ÷ those Wills */
  "willFulfilment",
  /** movers still here 12 months after their move ÷ movers */
  "retentionMoved",
  /** applicants declined or not released still here 12 months after the decision ÷ those applicants */
  "retentionDeclined",
  /** people who neither applied nor moved in a month, still here 12 months later ÷ those people (counted each month) */
  "retentionDidNotApply",
  /** project and trial-joining participants who moved within 12 months ÷ participants */
  "participationConversion",
] as const;
export type FormulaId = (typeof formulaIds)[number];

export const labelIds = [
  "stageApplied",
  "stageReleased",
  "stageShortlisted",
  "stageOffered",
  "stageFinalized",
  "stageMoved",
  "outcomeActive",
  "outcomeWithdrawn",
  "outcomeDeclined",
  "outcomeNotReleased",
  "outcomeFinalized",
  "outcomeCompleted",
  "stepManagerRelease",
  "stepHrDeclineReview",
  "stepHiringDecision",
  "stepHrFinalize",
  "above",
  "below",
  "noHeadcount",
  /** Replaces `above` / `below` when the rate beside it is suppressed (suppression writes it). */
  "suppressed",
  "companyMedian",
  "cohortMoved",
  "cohortDeclined",
  "cohortDidNotApply",
  "kindProject",
  "kindTrialJoining",
] as const;
export type LabelId = (typeof labelIds)[number];
