import type { Database } from "@/db/client";
import { enqueue, markDone, pendingOf } from "../outbox/outbox";
import { recomputeCandidates } from "./matching.service";

/**
 * The recompute job: takes every `matches.stale` event the outbox dispatcher has handed over (from
 * any process) and recomputes once for all of them — every open posting when a person changed (they
 * can move in any ranking), otherwise only the postings that changed. Must run in one process at a
 * time (the job runner's lock): the `matches.refreshed` event it writes relies on that for its order.
 * Returns the recomputed postings, or null when nothing was stale.
 */
export async function refreshStaleMatches(db: Database, now = new Date()): Promise<{ opportunityIds: number[]; people: number } | null> {
  const stale = await pendingOf(db, "matches.stale");
  if (stale.length === 0) return null;
  const personIds = new Set(stale.flatMap((event) => event.payload.personIds));
  const opportunityIds = new Set(stale.flatMap((event) => event.payload.opportunityIds));
  const recomputed = personIds.size > 0 ? await recomputeCandidates(db, undefined, now) : await recomputeCandidates(db, [...opportunityIds], now);
  // Marked only after the recompute: if it fails, the same events are taken again next time.
  await db.transaction(async (tx) => {
    await markDone(tx, stale, now);
    if (personIds.size > 0) await enqueue(tx, "matches.refreshed", { personIds: [...personIds] }, { processedAt: now });
  });
  return { opportunityIds: recomputed, people: personIds.size };
}
