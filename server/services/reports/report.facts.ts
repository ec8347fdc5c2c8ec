import type { ApprovalStepName } from "@/db/vocabulary";

/**
 * What the reports are computed from: small aggregates ("atoms") grouped by month, department and
 * job family, loaded by SQL for one scope and window (report.loader.ts), then summed in memory by
 * the pure metric functions for the requested filter and for its neighbours (the parent and child
 * departments, the period one month longer or shorter), which suppression compares. Grouping in the
 * database keeps what crosses the wire to thousands of rows for a 100,000-person company; keeping
 * the atoms exact (whole-day histograms for durations) keeps every figure exact.
 *
 * Conventions: `month` is "YYYY-MM" (Japan time); `departmentId` / `jobFamilyId` are where the
 * person stood when the event happened (for a move: before it); days are whole days, floored.
 */

export type Bilingual = { ja: string; en: string };

export type DepartmentNode = { id: number; parentId: number | null; name: Bilingual };
export type JobFamilyNode = { id: number; name: Bilingual };

/** Dimensions every atom carries. */
export type Atom = { month: string; departmentId: number; jobFamilyId: number };

/** People in post on the first day of `month`. */
export type HeadcountAtom = Atom & { people: number };

/** Completed moves (the ledger), by where the person came from and went to. */
export type MoveAtom = Atom & { toDepartmentId: number; toJobFamilyId: number; moves: number };

/** Postings filled in `month` (closed as filled), by the posting's department and role family; `internal` were filled by a move. */
export type FillAtom = Atom & { filled: number; internal: number };

/** A whole-day duration histogram bucket: `count` cases took `days` days. */
export type DurationAtom = Atom & { days: number; count: number };

/** Applications made in `month` by how far they got and how they ended. */
export type ApplicationAtom = Atom & {
  released: boolean;
  shortlisted: boolean;
  offered: boolean;
  finalized: boolean;
  moved: boolean;
  /** Where the application ended: its status ("active" while still open). */
  outcome: "active" | "withdrawn" | "declined" | "not_released" | "finalized" | "completed";
  applications: number;
};

/** Approval steps created in `month`, decided after `days` (open steps are not in the histogram). */
export type StepDurationAtom = DurationAtom & { step: ApprovalStepName };

/** One releasing manager's release decisions in `month` (the department is the applicant's). */
export type ManagerReleaseAtom = Atom & {
  managerId: number;
  decision: "approved" | "later" | "declined";
  days: number;
  /** Decided after its deadline. */
  overdue: boolean;
  count: number;
};

/** A releasing manager's release steps still open and past their deadline today. */
export type ManagerOverdueAtom = { managerId: number; departmentId: number; jobFamilyId: number; open: number };

/** Moves out of a manager's team in `month` (the ledger's `fromManagerId`). */
export type ManagerMoveAtom = Atom & { managerId: number; moves: number };

export type ManagerNode = { id: number; name: Bilingual; departmentId: number };

/** Active people today who have passed their level's standard years with no move or level-up since. */
export type PastStandardPerson = {
  personId: number;
  name: Bilingual;
  departmentId: number;
  jobFamilyId: number;
  role: Bilingual;
  level: number;
  /** Years since the later of the level-up, the role change and the last move. */
  yearsAtLevel: number;
  standardYears: number;
};

/** People today holding `skillId` at `level` (skills in demand only). */
export type SkillSupplyAtom = { skillId: number; level: number; departmentId: number; jobFamilyId: number; people: number };
/** Open postings today requiring `skillId` at `level`, by the posting's department and role family. */
export type SkillDemandAtom = { skillId: number; level: number; departmentId: number; jobFamilyId: number; postings: number };
export type SkillNode = { id: number; name: Bilingual };

/** People in post at the end of `month` and how many of them had a Will saved in the 180 days before. */
export type WillCoverageAtom = Atom & { people: number; reviewed: number };
/** Wills (the latest version a person saved in `month`) with a target role or desired skill, and how many were reached within 12 months. */
export type WillFulfilmentAtom = Atom & { wills: number; fulfilled: number; observable: boolean };

/**
 * Retention 12 months after an event in `month`: movers (the move), declined applicants (the
 * decision) and people who neither applied nor moved that month (their month start). `observable`
 * is false while 12 months have not yet passed.
 */
export type RetentionAtom = Atom & { cohort: "moved" | "declined" | "did_not_apply"; people: number; retained: number; observable: boolean };

/** Project and trial-joining participations started in `month`, and how many of those people moved within 12 months. */
export type ParticipationAtom = Atom & { kind: "project" | "trial_joining"; participants: number; movedWithin12Months: number };

export type ReportFacts = {
  /** "YYYY-MM-DD" in Japan time: what "today" and "open" mean. */
  today: string;
  departments: DepartmentNode[];
  jobFamilies: JobFamilyNode[];
  headcount: HeadcountAtom[];
  moves: MoveAtom[];
  fills: FillAtom[];
  timeToFill: DurationAtom[];
  applications: ApplicationAtom[];
  stepDurations: StepDurationAtom[];
  managers: ManagerNode[];
  managerReleases: ManagerReleaseAtom[];
  managerOverdue: ManagerOverdueAtom[];
  managerMoves: ManagerMoveAtom[];
  pastStandard: PastStandardPerson[];
  skills: SkillNode[];
  skillSupply: SkillSupplyAtom[];
  skillDemand: SkillDemandAtom[];
  willCoverage: WillCoverageAtom[];
  willFulfilment: WillFulfilmentAtom[];
  /** Movers and declined applicants. */
  retention: RetentionAtom[];
  /** People who neither applied nor moved (kept apart: new applications change it, their steps do not). */
  retentionOfStayers: RetentionAtom[];
  participations: ParticipationAtom[];
  /** Rotation targets: the company's and per department (inherited by sub-departments). */
  rotationTargetPercent: number;
  departmentRotationTargets: Record<string, number>;
};

/** Facts with no atoms yet: the loader fills in what a report needs, tests what they exercise. */
export function emptyFacts(today: string, targets: Pick<ReportFacts, "rotationTargetPercent" | "departmentRotationTargets">): ReportFacts {
  return {
    today,
    departments: [],
    jobFamilies: [],
    headcount: [],
    moves: [],
    fills: [],
    timeToFill: [],
    applications: [],
    stepDurations: [],
    managers: [],
    managerReleases: [],
    managerOverdue: [],
    managerMoves: [],
    pastStandard: [],
    skills: [],
    skillSupply: [],
    skillDemand: [],
    willCoverage: [],
    willFulfilment: [],
    retention: [],
    retentionOfStayers: [],
    participations: [],
    ...targets,
  };
}
