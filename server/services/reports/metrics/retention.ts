import type { RetentionAtom } from "../report.facts";
import type { MetricInput, RawReport } from "../report.raw";
import type { LabelId } from "../message-keys";
import { column, countCell, headline, messageLabel, rateCell, table } from "../report.cells";
import { selects } from "../report.dimensions";
import { sum } from "../report.tally";

const cohorts: { key: RetentionAtom["cohort"]; label: LabelId }[] = [
  { key: "moved", label: "cohortMoved" },
  { key: "declined", label: "cohortDeclined" },
  { key: "did_not_apply", label: "cohortDidNotApply" },
];

/**
 * Retention 12 months after the event, for movers, declined applicants (declined or not released)
 * and people who did not apply, in the period: retained ÷ people of the cohort, over the cohorts
 * whose 12 months have passed; the others are counted apart as not yet observable. The cohorts
 * are compared, not added (someone may be in several over a period): no total row.
 */
export function retentionReport({ facts, selection }: MetricInput): RawReport {
  const atoms = [...facts.retention, ...facts.retentionOfStayers].filter((atom) => atom.people > 0 && selects(selection, atom));
  const figures = (cohort: RetentionAtom["cohort"]) => {
    const observable = atoms.filter((atom) => atom.cohort === cohort && atom.observable);
    const people = sum(observable, (atom) => atom.people);
    const retained = sum(observable, (atom) => atom.retained);
    return {
      people: countCell(people),
      retained: countCell(retained),
      retentionRate: rateCell(retained, people),
      notYetObservable: countCell(sum(atoms.filter((atom) => atom.cohort === cohort && !atom.observable), (atom) => atom.people)),
    };
  };
  const movers = figures("moved");
  const declined = figures("declined");
  const didNotApply = figures("did_not_apply");
  const cells = { moved: movers, declined, did_not_apply: didNotApply };
  const rows = cohorts.map((cohort) => ({ key: cohort.key, label: messageLabel(cohort.label), cells: cells[cohort.key] }));

  return {
    headlines: [
      headline("retentionMoved", movers.retentionRate, "retentionMoved"),
      headline("retentionDeclined", declined.retentionRate, "retentionDeclined"),
      headline("retentionDidNotApply", didNotApply.retentionRate, "retentionDidNotApply"),
    ],
    tables: [
      table("retentionByCohort", {
        columns: [column("people", "count"), column("retained", "count"), column("retentionRate", "rate"), column("notYetObservable", "count")],
        rows,
      }),
    ],
  };
}
