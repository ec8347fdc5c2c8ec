import type { ParticipationAtom } from "../report.facts";
import type { MetricInput, RawReport } from "../report.raw";
import type { LabelId } from "../message-keys";
import { column, countCell, headline, messageLabel, rateCell, table } from "../report.cells";
import { selects } from "../report.dimensions";
import { sum } from "../report.tally";

const kinds: { key: ParticipationAtom["kind"]; label: LabelId }[] = [
  { key: "project", label: "kindProject" },
  { key: "trial_joining", label: "kindTrialJoining" },
];

/** Project and trial-joining participations started in the period, and how many of those people moved within 12 months. */
export function participationReport({ facts, selection }: MetricInput): RawReport {
  const atoms = facts.participations.filter((atom) => atom.participants > 0 && selects(selection, atom));
  const figures = (selected: readonly ParticipationAtom[]) => {
    const participants = sum(selected, (atom) => atom.participants);
    const moved = sum(selected, (atom) => atom.movedWithin12Months);
    return { participants: countCell(participants), movedWithin12Months: countCell(moved), conversionRate: rateCell(moved, participants) };
  };
  const whole = figures(atoms);

  return {
    headlines: [headline("participationConversion", whole.conversionRate, "participationConversion")],
    tables: [
      table("participationByKind", {
        columns: [column("participants", "count"), column("movedWithin12Months", "count"), column("conversionRate", "rate")],
        rows: kinds.map((kind) => ({ key: kind.key, label: messageLabel(kind.label), cells: figures(atoms.filter((atom) => atom.kind === kind.key)) })),
        total: whole,
      }),
    ],
  };
}
