/**
 * Workflow transitions on the synthetic company of `npm run bench:seed`: `act`
 * in-process for release (release_approve), decide (shortlist / interview / offer) and finalize,
 * p95 ≤ 30 ms each; then 50 identical concurrent release calls (without and with one idempotency
 * key) must have exactly one effect: one version bump, one step decision, one audit row, one
 * outbox event. Fresh applications are made with `apply` for every run, so it can be repeated.
 * Writes bench/results/transition.json.
 */
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client";
import { type Actor, actorForPerson } from "../server/auth/actor";
import { act, apply } from "../server/services/applications/application.service";
import { AppError } from "../server/errors";
import { openBigSeed, summarize, verdict, writeResult } from "./big-seed";

const NAME = "transition";
const APPLICATIONS = 60;
const CONCURRENT = 50;
const TARGET_P95_MS = 30;

type Flow = { applicationId: number; owner: Actor; manager: Actor };

async function actorOf(db: Database, personId: number): Promise<Actor> {
  const actor = await actorForPerson(db, personId);
  if (!actor) throw new Error(`person ${personId} is not an active actor`);
  return actor;
}

/** Applies with fresh (person, opportunity) pairs: people nobody from this bench used yet. */
async function freshApplications(db: Database, count: number, hr: Actor): Promise<Flow[]> {
  const [{ offset } = { offset: 0 }] = await queryRows<{ offset: number }>(db, sql`select count(*)::int as offset from applications`);
  const opportunities = await queryRows<{ id: number; owner_id: number }>(
    db,
    sql`select id, owner_id from opportunities where status = 'open' and owner_id <> ${hr.personId} order by id limit ${count * 2}`,
  );
  const flows: Flow[] = [];
  let candidate = 1_000 + ((offset * 7) % 90_000);
  for (const opportunity of opportunities) {
    if (flows.length === count) break;
    for (let attempt = 0; attempt < 20; attempt++) {
      candidate = 1_000 + ((candidate + 3_917) % 98_000);
      const [person] = await queryRows<{ manager_id: number | null; is_hr: boolean; active: boolean }>(db, sql`select manager_id, is_hr, active from people where id = ${candidate}`);
      if (!person?.manager_id || person.is_hr || !person.active || candidate === opportunity.owner_id || person.manager_id === opportunity.owner_id) continue;
      try {
        const result = await apply(db, await actorOf(db, candidate), { opportunityId: opportunity.id, motivation: "ベンチマークの応募です。" });
        flows.push({ applicationId: result.applicationId, owner: await actorOf(db, opportunity.owner_id), manager: await actorOf(db, person.manager_id) });
        break;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
  }
  if (flows.length < count) throw new Error(`only ${flows.length} fresh applications`);
  return flows;
}

async function timed<T>(timings: number[], work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  timings.push(performance.now() - start);
  return result;
}

async function effectsOf(db: Database, applicationId: number) {
  const [row] = await queryRows<{ version: number; audits: number; events: number; decided: number }>(
    db,
    sql`select (select version from applications where id = ${applicationId}) as version,
      (select count(*)::int from audit_log where entity_type = 'application' and entity_id = ${String(applicationId)} and action = 'application.release_approve') as audits,
      (select count(*)::int from outbox where type = 'application.transitioned' and payload->>'applicationId' = ${String(applicationId)} and payload->>'action' = 'release_approve') as events,
      (select count(*)::int from approval_steps where application_id = ${applicationId} and step = 'manager_release' and decided_at is not null) as decided`,
  );
  return row!;
}

/** 50 identical release calls at once: exactly one may take effect; the others replay or conflict. */
async function concurrentRelease(db: Database, flow: Flow, idempotencyKey: string | undefined) {
  await act(db, flow.owner, { applicationId: flow.applicationId, action: "shortlist" });
  const offered = await act(db, flow.owner, { applicationId: flow.applicationId, action: "offer" });
  const start = performance.now();
  const outcomes = await Promise.allSettled(
    Array.from({ length: CONCURRENT }, () => act(db, flow.manager, { applicationId: flow.applicationId, action: "release_approve", idempotencyKey })),
  );
  const wallMs = performance.now() - start;
  const applied = outcomes.filter((outcome) => outcome.status === "fulfilled" && !outcome.value.replayed).length;
  const replayed = outcomes.filter((outcome) => outcome.status === "fulfilled" && outcome.value.replayed).length;
  const errors = outcomes.filter((outcome) => outcome.status === "rejected").map((outcome) => String((outcome as PromiseRejectedResult).reason));
  const effects = await effectsOf(db, flow.applicationId);
  const exactlyOne = applied === 1 && effects.version === offered.version + 1 && effects.audits === 1 && effects.events === 1 && effects.decided === 1;
  return { idempotencyKey: idempotencyKey ? "same key on every call" : "none", calls: CONCURRENT, applied, replayed, errors: errors.slice(0, 3), errorCount: errors.length, ...effects, versionBefore: offered.version, wallMs: Number(wallMs.toFixed(1)), exactlyOne };
}

async function main() {
  const handle = await openBigSeed(NAME);
  if (!handle) return;
  const db = handle.db;
  try {
    const [hrRow] = await queryRows<{ id: number }>(db, sql`select id from people where is_hr and active and not is_admin order by id limit 1`);
    if (!hrRow) throw new Error("no HR staff in the seed");
    const hr = await actorOf(db, hrRow.id);
    const flows = await freshApplications(db, APPLICATIONS + 2, hr);
    const effectiveOn = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
    const decide: number[] = [];
    const release: number[] = [];
    const finalize: number[] = [];
    // Warm-up on the first application (connections, prepared plans), not measured.
    for (const [index, flow] of flows.slice(0, APPLICATIONS).entries()) {
      const target = index === 0 ? [] : decide;
      await timed(target, () => act(db, flow.owner, { applicationId: flow.applicationId, action: "shortlist" }));
      await timed(target, () => act(db, flow.owner, { applicationId: flow.applicationId, action: "interview" }));
      await timed(target, () => act(db, flow.owner, { applicationId: flow.applicationId, action: "offer" }));
      await timed(index === 0 ? [] : release, () => act(db, flow.manager, { applicationId: flow.applicationId, action: "release_approve" }));
      await timed(index === 0 ? [] : finalize, () => act(db, hr, { applicationId: flow.applicationId, action: "finalize", effectiveOn }));
    }
    const all = summarize([...decide, ...release, ...finalize]);
    const perAction = { release: summarize(release), decide: summarize(decide), finalize: summarize(finalize) };
    const latencyPass = Object.values(perAction).every((summary) => summary.p95Ms <= TARGET_P95_MS);
    const withoutKey = await concurrentRelease(db, flows[APPLICATIONS]!, undefined);
    const withKey = await concurrentRelease(db, flows[APPLICATIONS + 1]!, `bench-release-${flows[APPLICATIONS + 1]!.applicationId}`);
    const concurrencyPass = withoutKey.exactlyOne && withKey.exactlyOne;
    writeResult(NAME, { all, ...perAction, targetP95Ms: TARGET_P95_MS, latencyPass, concurrent: [withoutKey, withKey], concurrencyPass, pass: latencyPass && concurrencyPass });
    console.log(
      `workflow transition p95: release ${perAction.release.p95Ms} ms, decide ${perAction.decide.p95Ms} ms, finalize ${perAction.finalize.p95Ms} ms — target p95 ≤ ${TARGET_P95_MS} ms: ${verdict(latencyPass)}`,
    );
    console.log(
      `${CONCURRENT} identical concurrent releases → applied ${withoutKey.applied} / replayed ${withoutKey.replayed} / errors ${withoutKey.errorCount} (no key), applied ${withKey.applied} / replayed ${withKey.replayed} / errors ${withKey.errorCount} (same key); one audit row, one event, one version bump each — target exactly one effect: ${verdict(concurrencyPass)}`,
    );
    if (!(latencyPass && concurrencyPass)) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

void main();
