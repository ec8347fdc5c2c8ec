/*
 * Per-process caches for matching at scale: recomputing one opportunity's candidates over 100,000
 * people must stay within about 300 ms, and a person's top 20 of 2,000 open opportunities within
 * 30 ms at the 95th percentile (bench/candidates.bench.ts and bench/recommendations.bench.ts).
 * Each cache belongs to one database handle (a WeakMap keyed by it, also when used through one of
 * its scoped transactions: `cacheOwnerOf`) and is checked against the database on every use with
 * cheap queries:
 * - the match context (taxonomy, career map): row counts and row versions (xmin) of the small
 *   reference tables;
 * - the open opportunities, compiled: count, latest `updated_at` and version sum of open postings;
 * - the candidate pool (everyone who consents to be a candidate): loaded once, then refreshed for
 *   the people the outbox dispatcher reported as changed (see `changedPeopleSince`) and for people
 *   added since; a full reload when the context changes, a person is deleted, or after
 *   POOL_MAX_AGE_MS as a safety net for rows changed outside the services (which announce every
 *   change that matters to matching with a `profile.changed` event).
 */
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "@/db/client";
import { cacheOwnerOf } from "@/db/scope";
import type { CandidateProfile, MatchContext } from "./matching.types";
import { eventsAfter, lastEventId, pendingOf } from "../outbox/outbox";
import { yearsBetween } from "../people/people.queries";
import { loadCandidateProfiles, loadMatchContext, loadOpenOpportunities, type OpenOpportunity } from "./matching.data";

const POOL_MAX_AGE_MS = 10 * 60_000;

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
  const cached = contexts.get(cacheOwnerOf(db));
  if (cached && cached.fingerprint === fingerprint) return cached.context;
  const context = await loadMatchContext(db);
  contexts.set(cacheOwnerOf(db), { fingerprint, context });
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
  const cached = openCaches.get(cacheOwnerOf(db));
  if (cached && cached.fingerprint === fingerprint && cached.context === context) return cached.open;
  const open = await loadOpenOpportunities(db, context);
  openCaches.set(cacheOwnerOf(db), { fingerprint, context, open });
  return open;
}

type PoolEntry = { base: CandidateProfile; levelSince: string; current: CandidateProfile };
type PoolState = {
  context: MatchContext;
  loadedAt: number;
  entries: Map<number, PoolEntry>;
  peopleCount: number;
  maxPersonId: number;
  /** The last `matches.refreshed` event this pool has taken into account. */
  refreshedSeen: number;
};
const pools = new WeakMap<object, PoolState>();
const busy = new WeakMap<object, Promise<unknown>>();

type PeopleMarks = { count: number; maxId: number };
async function peopleMarks(db: Executor): Promise<PeopleMarks> {
  const [row] = await queryRows<{ count: number | string; max_id: number | string }>(db, sql`select count(*) as count, coalesce(max(id), 0) as max_id from people`);
  return { count: Number(row?.count ?? 0), maxId: Number(row?.max_id ?? 0) };
}

/**
 * The people the dispatcher reported as changed since this pool last looked, across processes:
 * - `matches.stale` events not yet taken by the recompute job: read whole, they are few;
 * - `matches.refreshed` events after `afterId`: the recompute job, in whichever process holds its
 *   lock, writes one when it takes `matches.stale` events (and commits it before the lock is
 *   released), so their ids grow in commit order and an id cursor misses none of them.
 * Read in this order: an event the recompute job moves from the first kind to the second in
 * between is then found in the second.
 */
async function changedPeopleSince(db: Executor, afterId: number): Promise<{ personIds: Set<number>; lastRefreshed: number }> {
  const stale = await pendingOf(db, "matches.stale");
  const refreshed = await eventsAfter(db, "matches.refreshed", afterId);
  const personIds = new Set([...stale, ...refreshed].flatMap((event) => event.payload.personIds));
  return { personIds, lastRefreshed: refreshed.at(-1)?.id ?? afterId };
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
  // Marks first: whatever changes while the pool loads is refreshed again on the next use.
  const [marks, refreshedSeen] = await Promise.all([peopleMarks(db), lastEventId(db, "matches.refreshed")]);
  const entries = await loadEntries(db, context, now);
  return { context, loadedAt: Date.now(), entries, peopleCount: marks.count, maxPersonId: marks.maxId, refreshedSeen };
}

async function refresh(db: Executor, state: PoolState, now: Date): Promise<PoolState | null> {
  const marks = await peopleMarks(db);
  const changed = await changedPeopleSince(db, state.refreshedSeen);
  const added =
    marks.maxId > state.maxPersonId
      ? await queryRows<{ id: number | string }>(db, sql`select id from people where id > ${state.maxPersonId}`)
      : [];
  // Ids only grow, so any other count means someone was deleted (or added meanwhile): start over.
  if (marks.count !== state.peopleCount + added.length) return null;
  for (const row of added) changed.personIds.add(Number(row.id));
  state.peopleCount = marks.count;
  state.maxPersonId = Math.max(state.maxPersonId, marks.maxId);
  state.refreshedSeen = changed.lastRefreshed;
  if (changed.personIds.size > 0) {
    const ids = [...changed.personIds];
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
  const previous = busy.get(cacheOwnerOf(db)) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(async () => {
      let cached = pools.get(cacheOwnerOf(db));
      if (cached && (cached.context !== context || Date.now() - cached.loadedAt > POOL_MAX_AGE_MS)) cached = undefined;
      if (cached) cached = (await refresh(db, cached, now)) ?? undefined;
      const state = cached ?? (await fullLoad(db, context, now));
      pools.set(cacheOwnerOf(db), state);
      const ids = [...state.entries.keys()].sort((a, b) => a - b);
      return ids.map((id) => {
        const entry = state.entries.get(id)!;
        // The loader's own formula, at this call's `now`.
        const years = yearsBetween(entry.levelSince, now);
        if (entry.current.yearsAtLevel !== years) entry.current = { ...entry.base, yearsAtLevel: years };
        return entry.current;
      });
    });
  busy.set(cacheOwnerOf(db), run);
  return run;
}

/** For tests and benchmarks: forget every cache of this database handle. */
export function resetMatchCaches(db: Executor): void {
  contexts.delete(cacheOwnerOf(db));
  openCaches.delete(cacheOwnerOf(db));
  pools.delete(cacheOwnerOf(db));
}
