import { approvalStepNames, type ApprovalStepName } from "@/db/vocabulary";
import type { ApplicationAtom } from "../report.facts";
import type { MetricInput, RawReport } from "../report.raw";
import type { LabelId } from "../message-keys";
import { column, countCell, headline, medianCell, messageLabel, p90Cell, rateCell, table } from "../report.cells";
import { selects } from "../report.dimensions";
import { groupBy, sum, tally } from "../report.tally";

/** The approval funnel, in order: each stage counts the applications that got at least that far. */
const stages: { key: string; label: LabelId; reached: (atom: ApplicationAtom) => boolean }[] = [
  { key: "applied", label: "stageApplied", reached: () => true },
  { key: "released", label: "stageReleased", reached: (atom) => atom.released },
  { key: "shortlisted", label: "stageShortlisted", reached: (atom) => atom.shortlisted },
  { key: "offered", label: "stageOffered", reached: (atom) => atom.offered },
  { key: "finalized", label: "stageFinalized", reached: (atom) => atom.finalized },
  { key: "moved", label: "stageMoved", reached: (atom) => atom.moved },
];

const outcomes: { key: ApplicationAtom["outcome"]; label: LabelId }[] = [
  { key: "active", label: "outcomeActive" },
  { key: "withdrawn", label: "outcomeWithdrawn" },
  { key: "declined", label: "outcomeDeclined" },
  { key: "not_released", label: "outcomeNotReleased" },
  { key: "finalized", label: "outcomeFinalized" },
  { key: "completed", label: "outcomeCompleted" },
];

const stepLabels: Record<ApprovalStepName, LabelId> = {
  manager_release: "stepManagerRelease",
  hr_decline_review: "stepHrDeclineReview",
  hiring_decision: "stepHiringDecision",
  hr_finalize: "stepHrFinalize",
};

/**
 * Applications made in the period by people whose department (when they applied) is in the filter:
 * how far they got, where they ended, and how long each approval step took (created → decided).
 */
export function funnelReport({ facts, selection }: MetricInput): RawReport {
  const applications = facts.applications.filter((atom) => atom.applications > 0 && selects(selection, atom));
  const steps = facts.stepDurations.filter((atom) => atom.count > 0 && selects(selection, atom));
  const applied = sum(applications, (atom) => atom.applications);
  const reachedByStage = new Map(stages.map((stage) => [stage.key, sum(applications, (atom) => (stage.reached(atom) ? atom.applications : 0))]));
  const endedByOutcome = tally(applications, (atom) => atom.outcome, (atom) => atom.applications);
  const stepsByName = groupBy(steps, (atom) => atom.step);
  const moved = reachedByStage.get("moved") ?? 0;
  const applicationCount = countCell(applied);

  return {
    headlines: [headline("applications", applicationCount, "applicationsInPeriod"), headline("applicationToMoveRate", rateCell(moved, applied), "applicationToMoveRate")],
    tables: [
      // Stages are nested (each within the one before), not a partition: no total row.
      table("funnelStages", {
        columns: [column("applications", "count"), column("shareOfApplications", "rate")],
        rows: stages.map((stage) => {
          const reached = reachedByStage.get(stage.key) ?? 0;
          return { key: stage.key, label: messageLabel(stage.label), cells: { applications: countCell(reached), shareOfApplications: rateCell(reached, applied) } };
        }),
        chart: "funnel",
      }),
      // Every application has exactly one outcome: the rows partition the total.
      table("funnelOutcomes", {
        columns: [column("applications", "count"), column("shareOfApplications", "rate")],
        rows: outcomes.map((outcome) => {
          const ended = endedByOutcome.get(outcome.key) ?? 0;
          return { key: outcome.key, label: messageLabel(outcome.label), cells: { applications: countCell(ended), shareOfApplications: rateCell(ended, applied) } };
        }),
        total: { applications: applicationCount, shareOfApplications: rateCell(applied, applied) },
      }),
      table("stepLeadTimes", {
        columns: [column("decidedSteps", "count"), column("medianDays", "days"), column("p90Days", "days")],
        rows: approvalStepNames.map((step) => {
          const durations = stepsByName.get(step) ?? [];
          return {
            key: step,
            label: messageLabel(stepLabels[step]),
            cells: { decidedSteps: countCell(sum(durations, (atom) => atom.count)), medianDays: medianCell(durations), p90Days: p90Cell(durations) },
          };
        }),
      }),
    ],
  };
}
