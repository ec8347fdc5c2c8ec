/**
 * Opportunities for one person: `recommendationsFor`, top 20 of the
 * 2,000 open postings with explanations, in-process over 200 different people: p95 ≤ 30 ms. The
 * baseline beside it is the first (cold) call, which loads the match context and compiles every
 * open opportunity — what every call cost before the per-process cache.
 * Writes bench/results/recommendations.json.
 */
import { sql } from "drizzle-orm";
import { queryRows } from "../db/client";
import { type Actor, actorForPerson } from "../server/auth/actor";
import { asActor } from "../db/scope";
import { recommendationsFor } from "../server/services/matching/matching.service";
import { openBigSeed, summarize, verdict, writeResult } from "./big-seed";

const NAME = "recommendations";
const CALLS = 200;
const TARGET_P95_MS = 30;

async function main() {
  const handle = await openBigSeed(NAME);
  if (!handle) return;
  const { db } = handle;
  try {
    const [counts] = await queryRows<{ people: number; open: number }>(
      db,
      sql`select (select count(*)::int from people) as people, (select count(*)::int from opportunities where status = 'open') as open`,
    );
    const actors: Actor[] = [];
    for (let i = 0; i < CALLS + 1; i++) actors.push((await actorForPerson(db, 1 + ((i * 499 + 17) % counts!.people)))!);
    const coldStart = performance.now();
    await asActor(db, actors[CALLS]!.personId, (tx) => recommendationsFor(tx, actors[CALLS]!));
    const coldMs = performance.now() - coldStart;
    const timings: number[] = [];
    let returned = 0;
    for (const actor of actors.slice(0, CALLS)) {
      const start = performance.now();
      // As a request runs it: the runtime role, in a transaction scoped to the person (row security on).
      const result = await asActor(db, actor.personId, (tx) => recommendationsFor(tx, actor));
      timings.push(performance.now() - start);
      returned += result.length;
    }
    const summary = summarize(timings);
    const result = { ...counts, ...summary, coldFirstCallMs: Number(coldMs.toFixed(1)), averageReturned: returned / CALLS, targetP95Ms: TARGET_P95_MS, pass: summary.p95Ms <= TARGET_P95_MS };
    writeResult(NAME, result);
    console.log(
      `recommendations for one person, top 20 of ${counts!.open.toLocaleString("en")} open: p95 ${summary.p95Ms} ms (p50 ${summary.p50Ms}; cold/baseline ${result.coldFirstCallMs}) — target p95 ≤ ${TARGET_P95_MS} ms: ${verdict(result.pass)}`,
    );
    if (!result.pass) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

void main();
