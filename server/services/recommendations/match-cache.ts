/*
 * Per-process caches for matching at scale (PERFORMANCE.md: recompute one opportunity over 100,000
 * people ≤ 300 ms; a person's top 20 of 2,000 open opportunities p95 ≤ 30 ms). Each cache belongs
 * to one database handle (a WeakMap keyed by it) and is checked against the database on every use
 * with cheap queries, so callers see exactly what a fresh load would give:
 * - the match context (taxonomy, career map): row counts and row versions (xmin) of the small
 *   reference tables;
 * - the open opportunities, compiled: count, latest `updated_at` and version sum of open postings;
 * - the candidate pool (everyone who consents to be a candidate): loaded once, then refreshed for
 *   the people named in `profile.changed` outbox events and the people whose row changed
 *   (`people.updated_at`); a full reload when the context changes, a person is deleted, or after
 *   POOL_MAX_AGE_MS as a safety net.
 */
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "@/db/client";
import type { CandidateProfile, MatchContext } from "../matching/matching.types";
import { yearsBetween } from "../people/people.queries";
import { loadCandidateProfiles, loadMatchContext, loadOpenOpportunities, type OpenOpportunity } from "./recommendations.data";

const POOL_MAX_AGE_MS = 10 * 60_000;
/** Outbox ids are taken at insert time; an event committed late may carry an id below one already seen. */
const OUTBOX_LOOKBACK = 1_000;
/** `people.updated_at` comes from the application's clock or the database's: re-scan a window. */
const PEOPLE_LOOKBACK_MS = 10_000;

type ContextCache = { fingerprint: string; context: MatchContext };
const contexts = new WeakMap<object, ContextCache>();

/** The match context, reloaded only when the taxonomy, the career map or the role levels change. */
export async function cachedMatchContext(db: Executor): Promise<MatchContext> {
  const [row] = await queryRows<{ fingerprint: string }>(
    db,
    // Row count and the sum of row versions (xmin): any insert, update or delete changes one of them.
    sql`select concat_ws('/',
      (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from skills),
      (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from skill_adjacency),
      (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from career_paths),
      (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from roles),
      (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from role_levels)
    ) as fingerprint`,
  );
  const fingerprint = row?.fingerprint ?? "";
  const cached = contexts.get(db);
  if (cached && cached.fingerprint === fingerprint) return cached.context;
  const context = await loadMatchContext(db);
  contexts.set(db, { fingerprint, context });
  return context;
}

type OpenCache = { fingerprint: string; context: MatchContext; open: OpenOpportunity[] };
const openCaches = new WeakMap<object, OpenCache>();

/**
 * Every open opportunity as the scorer needs it. The same profile objects are returned while
 * nothing changed, so the scorer's per-profile compilation stays warm.
 */
export async function cachedOpenOpportunities(db: Executor, context: MatchContext): Promise<OpenOpportunity[]> {
  const [row] = await queryRows<{ fingerprint: string }>(
    db,
    sql`select concat_ws(':', count(*), max(updated_at), sum(version), sum(id), sum(xmin::text::bigint)) as fingerprint from opportunities where status = 'open'`,
  );
  const fingerprint = row?.fingerprint ?? "";
  const cached = openCaches.get(db);
  if (cached && cached.fingerprint === fingerprint && cached.context === context) return cached.open;
  const open = await loadOpenOpportunities(db, context);
  openCaches.set(db, { fingerprint, context, open });
  return open;
}

type PoolEntry = { base: CandidateProfile; levelSince: string; current: CandidateProfile };
type PoolState = {
  context: MatchContext;
  loadedAt: number;
  entries: Map<number, PoolEntry>;
  peopleCount: number;
  outboxSeen: number;
  seenEvents: Set<number>;
  peopleWatermark: number;
  recentPeople: Map<number, number>;
};
const pools = new WeakMap<object, PoolState>();
const busy = new WeakMap<object, Promise<unknown>>();

type Marks = { peopleCount: number; outboxMax: number };
async function marksOf(db: Executor): Promise<Marks> {
  const [row] = await queryRows<{ people_count: number | string; outbox_max: number | string }>(
    db,
    sql`select (select count(*) from people) as people_count, (select coalesce(max(id), 0) from outbox) as outbox_max`,
  );
  return { peopleCount: Number(row?.people_count ?? 0), outboxMax: Number(row?.outbox_max ?? 0) };
}

async function changedPeople(db: Executor, sinceMs: number) {
  const rows = await queryRows<{ id: number; updated_at: Date | string }>(
    db,
    sql`select id, updated_at from people where updated_at > ${new Date(sinceMs).toISOString()}::timestamptz`,
  );
  return rows.map((row) => ({ id: Number(row.id), at: new Date(row.updated_at).getTime() }));
}

function entryOf(profile: CandidateProfile, levelSince: string): PoolEntry {
  return { base: profile, levelSince, current: profile };
}

/** Loads consenting candidates with their level-since dates (yearsAtLevel depends on `now`). */
async function loadEntries(db: Executor, context: MatchContext, now: Date, personIds?: number[]): Promise<Map<number, PoolEntry>> {
  const [profiles, since] = await Promise.all([
    loadCandidateProfiles(db, context, { purpose: "candidates", personIds }, now),
    personIds
      ? queryRows<{ id: number; level_since: string }>(db, sql`select id, level_since::text as level_since from people where id in ${personIds}`)
      : queryRows<{ id: number; level_since: string }>(db, sql`select id, level_since::text as level_since from people where active`),
  ]);
  const levelSince = new Map(since.map((row) => [Number(row.id), row.level_since]));
  return new Map(profiles.map((profile) => [profile.personId, entryOf(profile, levelSince.get(profile.personId)!)]));
}

async function fullLoad(db: Executor, context: MatchContext, now: Date): Promise<PoolState> {
  const [marks, [latest]] = await Promise.all([marksOf(db), queryRows<{ latest: Date | string | null }>(db, sql`select max(updated_at) as latest from people`)]);
  const peopleWatermark = latest?.latest ? new Date(latest.latest).getTime() : 0;
  const recent = await changedPeople(db, peopleWatermark - PEOPLE_LOOKBACK_MS);
  const recentPeople = new Map(recent.map((row) => [row.id, row.at]));
  const entries = await loadEntries(db, context, now);
  return { context, loadedAt: Date.now(), entries, peopleCount: marks.peopleCount, outboxSeen: marks.outboxMax, seenEvents: new Set(), peopleWatermark, recentPeople };
}

async function refresh(db: Executor, state: PoolState, now: Date): Promise<PoolState | null> {
  const marks = await marksOf(db);
  if (marks.peopleCount < state.peopleCount) return null; // someone was deleted: start over
  const from = Math.max(0, state.outboxSeen - OUTBOX_LOOKBACK);
  const [events, people] = await Promise.all([
    queryRows<{ id: number | string; person_id: string | null }>(
      db,
      sql`select id, payload->>'personId' as person_id from outbox where id > ${from} and type = 'profile.changed'`,
    ),
    changedPeople(db, state.peopleWatermark - PEOPLE_LOOKBACK_MS),
  ]);
  const stale = new Set<number>();
  for (const event of events) {
    const id = Number(event.id);
    if (state.seenEvents.has(id)) continue;
    state.seenEvents.add(id);
    if (event.person_id !== null && Number.isInteger(Number(event.person_id))) stale.add(Number(event.person_id));
  }
  for (const id of state.seenEvents) if (id <= from) state.seenEvents.delete(id);
  const recent = new Map<number, number>();
  let watermark = state.peopleWatermark;
  for (const row of people) {
    if (state.recentPeople.get(row.id) !== row.at) stale.add(row.id);
    recent.set(row.id, row.at);
    watermark = Math.max(watermark, row.at);
  }
  state.recentPeople = recent;
  state.peopleWatermark = watermark;
  state.outboxSeen = Math.max(state.outboxSeen, marks.outboxMax);
  state.peopleCount = marks.peopleCount;
  if (stale.size > 0) {
    const ids = [...stale];
    const reloaded = await loadEntries(db, state.context, now, ids);
    for (const id of ids) {
      const entry = reloaded.get(id);
      if (entry) state.entries.set(id, entry);
      else state.entries.delete(id);
    }
  }
  return state;
}

/**
 * Everyone who consents to be a candidate, as `loadCandidateProfiles(…, { purpose: "candidates" })`
 * would load them at `now` (ordered by person id), served from the per-process pool.
 */
export async function cachedCandidatePool(db: Executor, context: MatchContext, now = new Date()): Promise<CandidateProfile[]> {
  const previous = busy.get(db) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(async () => {
      let cached = pools.get(db);
      if (cached && (cached.context !== context || Date.now() - cached.loadedAt > POOL_MAX_AGE_MS)) cached = undefined;
      if (cached) cached = (await refresh(db, cached, now)) ?? undefined;
      const state = cached ?? (await fullLoad(db, context, now));
      pools.set(db, state);
      const ids = [...state.entries.keys()].sort((a, b) => a - b);
      return ids.map((id) => {
        const entry = state.entries.get(id)!;
        // The loader's own formula, at this call's `now`.
        const years = yearsBetween(entry.levelSince, now);
        if (entry.current.yearsAtLevel !== years) entry.current = { ...entry.base, yearsAtLevel: years };
        return entry.current;
      });
    });
  busy.set(db, run);
  return run;
}

/** For tests and benchmarks: forget every cache of this database handle. */
export function resetMatchCaches(db: Executor): void {
  contexts.delete(db);
  openCaches.delete(db);
  pools.delete(db);
}
