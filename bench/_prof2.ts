import { openBigSeed } from "./big-seed";
import { asSystem } from "../db/scope";
import { loadReportFacts } from "../server/services/reports/report.loader";
import { computeReport, neighbourFilters } from "../server/services/reports/compute";
import { suppress } from "../server/services/reports/suppression";
async function main() {
  const handle = await openBigSeed("prof");
  if (!handle) return;
  const { db } = handle;
  const filters = { from: "2025-11", to: "2026-10", departmentId: null, jobFamilyId: null };
  const base = { today: "2026-11-01", settings: { rotationTargetPercent: 30, departmentRotationTargets: {} }, rootDepartmentId: null, visibleApplicationsOf: null, willAudience: "hr" as const, pastStandardManagerId: null, detailDepth: 1, parts: new Set(["managers" as const]) };
  const facts = await asSystem(db, (tx) => loadReportFacts(tx, { from: "2025-11", to: "2026-10" }, base));
  console.log("atoms", facts.managerReleases.length, facts.managerMoves.length, facts.managers.length);
  let t = performance.now();
  const raw = computeReport("managers", facts, filters as any);
  console.log("compute", performance.now() - t, raw.tables[0]!.rows.length);
  t = performance.now();
  const ns = neighbourFilters(filters as any, facts.departments).map((n) => ({ ...computeReport("managers", facts, n), otherPeriod: n.from !== filters.from || n.to !== filters.to }));
  console.log("neighbours", ns.length, performance.now() - t);
  t = performance.now();
  suppress(raw, ns, 10);
  console.log("suppress", performance.now() - t);
  await handle.close();
}
void main();
