import type { Bilingual, ManagerNode, ManagerReleaseAtom } from "../report.facts";
import type { ReportRow } from "../report.schemas";
import type { MetricInput, RawReport } from "../report.raw";
import { column, countCell, headline, labelCell, medianCell, messageLabel, numberCell, rateCell, sum, table, textLabel } from "../report.cells";
import { inDepartments, inJobFamily } from "../report.dimensions";
import { medianDays, medianOf } from "../report.histogram";

type ManagerFigures = { outboundMoves: number; releases: ManagerReleaseAtom[]; decisions: number; declinedOrLater: number; overdueSteps: number };

/**
 * The anti-hoarding scorecard: for each releasing manager whose own department is in the filter,
 * moves out of their team, their release decisions (how many, median days to decide, share
 * declined or put off "later") and their overdue steps (decided after the deadline in the period,
 * plus those open past it today). The total row sums the managers shown, so the rows add up to it.
 * A second, one-row table gives each column's median over every manager of the company active in
 * the period, whatever the department filter, as plain numbers (a median of managers is not a
 * group of people), to read each manager's figures against.
 */
export function managersReport({ facts, tree, selection }: MetricInput): RawReport {
  const inPeriod = <T extends { month: string; jobFamilyId: number }>(atom: T) => selection.months.has(atom.month) && inJobFamily(selection, atom.jobFamilyId);
  const releases = facts.managerReleases.filter((atom) => atom.count > 0 && inPeriod(atom));
  const moves = facts.managerMoves.filter((atom) => atom.moves > 0 && inPeriod(atom));
  const openOverdue = facts.managerOverdue.filter((atom) => atom.open > 0 && inJobFamily(selection, atom.jobFamilyId));

  const figuresOf = (managerIds: ReadonlySet<number>): ManagerFigures => {
    const own = releases.filter((atom) => managerIds.has(atom.managerId));
    return {
      outboundMoves: sum(moves.filter((atom) => managerIds.has(atom.managerId)), (atom) => atom.moves),
      releases: own,
      decisions: sum(own, (atom) => atom.count),
      declinedOrLater: sum(own.filter((atom) => atom.decision !== "approved"), (atom) => atom.count),
      overdueSteps:
        sum(own.filter((atom) => atom.overdue), (atom) => atom.count) + sum(openOverdue.filter((atom) => managerIds.has(atom.managerId)), (atom) => atom.open),
    };
  };
  const cellsOf = (figures: ManagerFigures) => ({
    outboundMoves: countCell(figures.outboundMoves),
    releaseDecisions: countCell(figures.decisions),
    medianReleaseDays: medianCell(figures.releases),
    declineOrLaterRate: rateCell(figures.declinedOrLater, figures.decisions),
    overdueSteps: countCell(figures.overdueSteps),
  });
  const active = (figures: ManagerFigures) => figures.outboundMoves + figures.decisions + figures.overdueSteps > 0;

  const scored = facts.managers.map((manager) => ({ manager, figures: figuresOf(new Set([manager.id])) })).filter(({ figures }) => active(figures));
  const shown = scored.flatMap(({ manager, figures }) => {
    const department = tree.byId.get(manager.departmentId);
    return department && inDepartments(selection, department.id) ? [{ manager, figures, department }] : [];
  });
  const total = cellsOf(figuresOf(new Set(shown.map(({ manager }) => manager.id))));

  const managerRow = (manager: ManagerNode, figures: ManagerFigures, department: Bilingual): ReportRow => ({
    key: `manager:${manager.id}`,
    label: textLabel(manager.name),
    cells: { department: labelCell(textLabel(department)), ...cellsOf(figures) },
  });
  const deciders = scored.filter(({ figures }) => figures.decisions > 0).map(({ figures }) => figures);
  const companyMedian: ReportRow = {
    key: "company-median",
    label: messageLabel("companyMedian"),
    cells: {
      outboundMoves: numberCell(medianOf(scored.map(({ figures }) => figures.outboundMoves))),
      releaseDecisions: numberCell(medianOf(scored.map(({ figures }) => figures.decisions))),
      medianReleaseDays: numberCell(medianOf(deciders.map((figures) => medianDays(figures.releases)))),
      declineOrLaterRate: numberCell(medianOf(deciders.map((figures) => figures.declinedOrLater / figures.decisions))),
      overdueSteps: numberCell(medianOf(scored.map(({ figures }) => figures.overdueSteps))),
    },
  };

  // The managers whose releases are most often declined or put off come first.
  const ordered = [...shown].sort(
    (a, b) =>
      rateOf(b.figures) - rateOf(a.figures) || b.figures.decisions - a.figures.decisions || a.manager.id - b.manager.id,
  );
  return {
    headlines: [headline("medianReleaseDays", total.medianReleaseDays, "medianReleaseDays"), headline("declineOrLaterRate", total.declineOrLaterRate, "declineOrLaterRate")],
    tables: [
      table("managerScorecard", {
        columns: [
          column("department", "label"),
          column("outboundMoves", "count"),
          column("releaseDecisions", "count"),
          column("medianReleaseDays", "days"),
          column("declineOrLaterRate", "rate"),
          column("overdueSteps", "count"),
        ],
        rows: ordered.map(({ manager, figures, department }) => managerRow(manager, figures, department.name)),
        total,
      }),
      table("managerCompanyMedian", {
        columns: [column("outboundMoves", "number"), column("releaseDecisions", "number"), column("medianReleaseDays", "number"), column("declineOrLaterRate", "number"), column("overdueSteps", "number")],
        rows: [companyMedian],
      }),
    ],
  };
}

function rateOf(figures: ManagerFigures): number {
  return figures.decisions === 0 ? 0 : figures.declinedOrLater / figures.decisions;
}
