import type { Bilingual, ManagerNode, ReportFacts } from "../report.facts";
import type { ReportRow } from "../report.schemas";
import type { MetricInput, RawReport } from "../report.raw";
import type { DurationBucket } from "../report.histogram";
import { column, countCell, headline, labelCell, medianCell, messageLabel, numberCell, rateCell, table, textLabel } from "../report.cells";
import { inDepartments, inJobFamily, type Selection } from "../report.dimensions";
import { medianDays, medianOf } from "../report.histogram";
import { sum } from "../report.tally";

type ManagerFigures = { outboundMoves: number; releaseDays: DurationBucket[]; decisions: number; declinedOrLater: number; overdueSteps: number };

const noFigures = (): ManagerFigures => ({ outboundMoves: 0, releaseDays: [], decisions: 0, declinedOrLater: 0, overdueSteps: 0 });

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
  const { scored, companyMedian } = companyFigures(facts, selection);
  const shown = scored.flatMap(({ manager, figures }) => {
    const department = tree.byId.get(manager.departmentId);
    return department && inDepartments(selection, department.id) ? [{ manager, figures, department }] : [];
  });
  const total = cellsOf({
    outboundMoves: sum(shown, ({ figures }) => figures.outboundMoves),
    releaseDays: shown.flatMap(({ figures }) => figures.releaseDays),
    decisions: sum(shown, ({ figures }) => figures.decisions),
    declinedOrLater: sum(shown, ({ figures }) => figures.declinedOrLater),
    overdueSteps: sum(shown, ({ figures }) => figures.overdueSteps),
  });

  const managerRow = (manager: ManagerNode, figures: ManagerFigures, department: Bilingual): ReportRow => ({
    key: `manager:${manager.id}`,
    label: textLabel(manager.name),
    cells: { department: labelCell(textLabel(department)), ...managerCells(figures) },
  });
  // The managers whose releases are most often declined or put off come first.
  const ordered = [...shown].sort((a, b) => rateOf(b.figures) - rateOf(a.figures) || b.figures.decisions - a.figures.decisions || a.manager.id - b.manager.id);
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

type CompanyFigures = { scored: { manager: ManagerNode; figures: ManagerFigures }[]; companyMedian: ReportRow };

/**
 * Every manager's figures and the company median for the selection's months and job family: the
 * same for every department filter, so the report and its neighbours of the same period (the
 * parent and child departments suppression compares) compute them once per set of facts.
 */
const companyFiguresOf = new WeakMap<ReportFacts, Map<string, CompanyFigures>>();

function companyFigures(facts: ReportFacts, selection: Selection): CompanyFigures {
  const key = `${[...selection.months].join(",")}|${selection.jobFamilyId}`;
  const known = companyFiguresOf.get(facts) ?? new Map<string, CompanyFigures>();
  companyFiguresOf.set(facts, known);
  const found = known.get(key);
  if (found) return found;

  const inPeriod = (atom: { month: string; jobFamilyId: number }) => selection.months.has(atom.month) && inJobFamily(selection, atom.jobFamilyId);
  // One pass over each kind of atom into one accumulator per manager who did anything: a large company has thousands of managers.
  const byManager = new Map<number, ManagerFigures>();
  const figuresOf = (managerId: number) => {
    let figures = byManager.get(managerId);
    if (!figures) byManager.set(managerId, (figures = noFigures()));
    return figures;
  };
  for (const atom of facts.managerReleases) {
    if (atom.count <= 0 || !inPeriod(atom)) continue;
    const figures = figuresOf(atom.managerId);
    figures.decisions += atom.count;
    figures.releaseDays.push(atom);
    if (atom.decision !== "approved") figures.declinedOrLater += atom.count;
    if (atom.overdue) figures.overdueSteps += atom.count;
  }
  for (const atom of facts.managerMoves) if (atom.moves > 0 && inPeriod(atom)) figuresOf(atom.managerId).outboundMoves += atom.moves;
  for (const atom of facts.managerOverdue) if (atom.open > 0 && inJobFamily(selection, atom.jobFamilyId)) figuresOf(atom.managerId).overdueSteps += atom.open;

  const scored = facts.managers.flatMap((manager) => {
    const figures = byManager.get(manager.id);
    return figures ? [{ manager, figures }] : [];
  });
  const deciders = scored.filter(({ figures }) => figures.decisions > 0).map(({ figures }) => figures);
  const companyMedian: ReportRow = {
    key: "company-median",
    label: messageLabel("companyMedian"),
    cells: {
      outboundMoves: numberCell(medianOf(scored.map(({ figures }) => figures.outboundMoves))),
      releaseDecisions: numberCell(medianOf(scored.map(({ figures }) => figures.decisions))),
      medianReleaseDays: numberCell(medianOf(deciders.map((figures) => medianDays(figures.releaseDays))), "days"),
      declineOrLaterRate: numberCell(medianOf(deciders.map(rateOf)), "share"),
      overdueSteps: numberCell(medianOf(scored.map(({ figures }) => figures.overdueSteps))),
    },
  };
  const figures = { scored, companyMedian };
  known.set(key, figures);
  return figures;
}

/** A manager's cells, the same in the report and in every neighbour that shows the manager. */
const cellsOfManager = new WeakMap<ManagerFigures, ReturnType<typeof cellsOf>>();
function managerCells(figures: ManagerFigures) {
  let cells = cellsOfManager.get(figures);
  if (!cells) cellsOfManager.set(figures, (cells = cellsOf(figures)));
  return cells;
}

function cellsOf(figures: ManagerFigures) {
  return {
    outboundMoves: countCell(figures.outboundMoves),
    releaseDecisions: countCell(figures.decisions),
    medianReleaseDays: medianCell(figures.releaseDays),
    declineOrLaterRate: rateCell(figures.declinedOrLater, figures.decisions),
    overdueSteps: countCell(figures.overdueSteps),
  };
}

function rateOf(figures: ManagerFigures): number {
  return figures.decisions === 0 ? 0 : figures.declinedOrLater / figures.decisions;
}
