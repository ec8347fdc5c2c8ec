/*
 * The HR reports' facts, kept per database handle (`cacheOwnerOf`) between requests, exact and
 * fresh: computing them takes seconds on a 100,000-person company (bench/reports.bench.ts), and
 * HR reads the same reports many times between changes.
 *
 * Freshness: every writing transaction that touches a table the reports read notes (transaction id,
 * table) in `report_changes`, through statement triggers in that same transaction (migration
 * 0006). A cache entry remembers the snapshot (`pg_current_snapshot()`) it was checked in; at each
 * use, a change whose transaction is not visible in that snapshot has committed since, and the
 * fact groups reading its table are loaded again. The rest, and the reports computed from it, are
 * served as they are. What a report shows is thus what a computation from scratch at the start of
 * the request would show.
 *
 * Time: the facts depend on "today" (open steps past their deadline, the past-standard list, which
 * retention years are complete), which is part of the key; deadlines fall at the end of a Japan
 * day, so nothing changes within one. `report_changes` rows older than a day are pruned
 * (`pruneReportChanges`); an entry unchecked for an hour is dropped, so pruning never hides a
 * change from it.
 */
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "@/db/client";
import { cacheOwnerOf } from "@/db/scope";
import type { ReportFacts } from "./report.facts";
import { type FactPart, factParts } from "./report.loader";
import type { RawReport } from "./report.raw";

/** Any change to `table`: rows added or removed ("<table>") or changed in place ("<table> update"), as the triggers note them. */
const anyChange = (...tables: string[]) => tables.flatMap((table) => [table, `${table} update`]);

/**
 * The changes each fact group reads, besides those to the organisation chart, job families, roles
 * and settings, which every group reads. In an organisation's view the applications counted are
 * those disclosed (or made to its own postings), so there an application changed in place can
 * change who "did not apply"; for HR only a new application can.
 */
function sourcesOf(part: FactPart, organisation: boolean): readonly string[] {
  switch (part) {
    case "headcount":
      return anyChange("people", "moves");
    case "moves":
      return anyChange("moves");
    case "fills":
      // Applications are joined on what never changes (their posting; the move made from them).
      return anyChange("opportunities", "approval_steps", "moves", "people");
    case "applications":
      return anyChange("applications", "approval_steps", "moves", "opportunities");
    case "managers":
      return anyChange("applications", "approval_steps", "moves", "opportunities", "people");
    case "pastStandard":
      return anyChange("people", "moves", "role_levels");
    case "skills":
      return anyChange("skills", "person_skills", "people", "opportunities", "opportunity_skills");
    case "wills":
      return anyChange("will_versions", "people", "moves", "opportunity_skills", "participations");
    case "retention":
      return anyChange("people", "moves", "applications", "approval_steps", "opportunities");
    case "stayers":
      return [...anyChange("people", "moves"), "applications", ...(organisation ? anyChange("applications", "opportunities") : [])];
    case "participations":
      return anyChange("participations", "opportunities", "people", "moves");
  }
}
const readByEveryPart = new Set(anyChange("departments", "job_families", "roles", "settings"));

/** The fields of the facts each group fills (the organisation chart and the targets come with every load). */
const fieldsOf: Record<FactPart, readonly (keyof ReportFacts)[]> = {
  headcount: ["headcount"],
  moves: ["moves"],
  fills: ["fills", "timeToFill"],
  applications: ["applications", "stepDurations"],
  managers: ["managers", "managerReleases", "managerOverdue", "managerMoves"],
  pastStandard: ["pastStandard"],
  skills: ["skills", "skillSupply", "skillDemand"],
  wills: ["willCoverage", "willFulfilment"],
  retention: ["retention"],
  stayers: ["retentionOfStayers"],
  participations: ["participations"],
};

const MAX_ENTRIES = 16;
const MAX_UNCHECKED_MS = 60 * 60_000;
const PRUNE_AFTER = "1 day";

type Publication = { parts: readonly FactPart[]; report: RawReport };
type Entry = { snapshot: string; checkedAt: number; parts: ReadonlySet<FactPart>; facts: ReportFacts; published: Map<string, Publication> };
const caches = new WeakMap<object, Map<string, Entry>>();

export type CachedFacts = {
  facts: ReportFacts;
  /** A report computed from these facts, kept until one of `parts` changes; `key` names the filters and threshold. */
  publication(key: string, parts: readonly FactPart[], compute: () => RawReport): RawReport;
};

/** Names one viewing's facts: the window, "today" and the scope they are loaded for; `organisation` when seen by a manager. */
export type FactsKey = { key: string; organisation: boolean };

/** The facts for one viewing with at least the groups `wanted`, loading only what is missing or changed since the cached copy. */
export async function cachedReportFacts(
  db: Executor,
  { key, organisation }: FactsKey,
  wanted: readonly FactPart[],
  load: (parts: ReadonlySet<FactPart>) => Promise<ReportFacts>,
): Promise<CachedFacts> {
  const [{ snapshot } = { snapshot: "" }] = await queryRows<{ snapshot: string }>(db, sql`select pg_current_snapshot()::text as snapshot`);
  const entries = caches.get(cacheOwnerOf(db)) ?? new Map<string, Entry>();
  caches.set(cacheOwnerOf(db), entries);
  const cached = entries.get(key);
  const usable = cached && Date.now() - cached.checkedAt <= MAX_UNCHECKED_MS ? cached : undefined;

  const stale = usable ? await partsChangedSince(db, usable.snapshot, organisation) : new Set(factParts);
  const valid = new Set([...(usable?.parts ?? [])].filter((part) => !stale.has(part)));
  const missing = wanted.filter((part) => !valid.has(part));
  let facts = usable?.facts;
  if (!facts || missing.length > 0) {
    const loaded = await load(new Set(missing));
    facts = facts ? { ...facts, ...pick(loaded, ["today", "departments", "jobFamilies", "rotationTargetPercent", "departmentRotationTargets"]) } : loaded;
    for (const part of missing) facts = { ...facts, ...pick(loaded, fieldsOf[part]) };
  }
  const published = new Map([...(usable?.published ?? [])].filter(([, publication]) => publication.parts.every((part) => valid.has(part))));
  const entry: Entry = { snapshot, checkedAt: Date.now(), parts: new Set([...valid, ...missing]), facts, published };
  entries.delete(key);
  entries.set(key, entry);
  for (const oldest of entries.keys()) {
    if (entries.size <= MAX_ENTRIES) break;
    entries.delete(oldest);
  }
  return {
    facts,
    publication(publicationKey, parts, compute) {
      const found = entry.published.get(publicationKey);
      if (found) return found.report;
      const report = compute();
      entry.published.set(publicationKey, { parts, report });
      return report;
    },
  };
}

/** The fact groups whose tables a transaction committed after `snapshot` changed. */
async function partsChangedSince(db: Executor, snapshot: string, organisation: boolean): Promise<Set<FactPart>> {
  const changed = await queryRows<{ source: string }>(
    db,
    sql`select distinct source from report_changes
        where xid >= pg_snapshot_xmin(${snapshot}::pg_snapshot)::text::bigint and not pg_visible_in_snapshot(xid::text::xid8, ${snapshot}::pg_snapshot)`,
  );
  const sources = new Set(changed.map((row) => row.source));
  if ([...sources].some((source) => readByEveryPart.has(source))) return new Set(factParts);
  return new Set(factParts.filter((part) => sourcesOf(part, organisation).some((source) => sources.has(source))));
}

function pick<K extends keyof ReportFacts>(facts: ReportFacts, fields: readonly K[]): Pick<ReportFacts, K> {
  return Object.fromEntries(fields.map((field) => [field, facts[field]])) as Pick<ReportFacts, K>;
}

/** Forgets changes older than any cache entry can still be comparing against (run by the schedule). */
export async function pruneReportChanges(db: Executor): Promise<number> {
  const removed = await queryRows<{ count: number }>(
    db,
    sql`with removed as (delete from report_changes where at < now() - ${PRUNE_AFTER}::interval returning 1) select count(*)::int as count from removed`,
  );
  return removed[0]?.count ?? 0;
}
