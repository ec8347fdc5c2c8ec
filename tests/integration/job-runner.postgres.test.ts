/*
 * PostgreSQL only (vitest.config.ts includes *.postgres.test.ts when TEST_DATABASE_URL is set):
 * the embedded database belongs to one process, so several processes sharing one database exist
 * only on PostgreSQL.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createPerson, createSkill } from "../../db/factories";
import { auditLog, matchScores, opportunities, outbox } from "../../db/schema";
import { openPostgres } from "../../db/client";
import { actorForPerson } from "../../server/auth/actor";
import { exclusiveRunner } from "../../server/jobs/exclusive";
import { processOutbox } from "../../server/services/outbox/dispatcher";
import { setOwnSkill } from "../../server/services/profile/profile.service";
import { refreshStaleMatches } from "../../server/services/matching/match-refresh";
import { recomputeCandidates } from "../../server/services/matching/matching.service";
import { createCast } from "../setup/cast";
import { startProcess, until } from "../setup/child-process";
import { createReceivingTeam } from "../setup/mobility";
import { createTestDatabase } from "../setup/test-database";

type Change = { personId: number; skillId: number; level: 1 | 2 | 3 | 4 };
type JobRun = { id: number; job: string; startedAt: string; finishedAt: string; pid: number; opportunityIds?: number[]; people?: number };

describe("two app processes and a worker on one PostgreSQL", async () => {
  const handle = await createTestDatabase();
  const { db, url } = handle;
  if (!url) throw new Error("This test needs PostgreSQL: run it with TEST_DATABASE_URL set.");
  const cast = await createCast(db);
  const teams = [await createReceivingTeam(db, cast), await createReceivingTeam(db, cast)];
  const skill = await createSkill(db);
  // The postings ask for the skill the people change, so every change can move a ranking.
  for (const team of teams) {
    const posting = await team.hiring.opportunity.byId({ opportunityId: team.opportunityId });
    await team.hiring.opportunity.update({
      opportunityId: team.opportunityId,
      expectedVersion: posting.version,
      kind: "transfer",
      title: posting.title,
      description: posting.description,
      departmentId: team.department.id,
      roleId: team.role.id,
      skills: [{ skillId: skill.id, kind: "required", level: 2 }],
    });
  }
  const candidates: Awaited<ReturnType<typeof createPerson>>[] = [];
  for (let i = 0; i < 100; i++) candidates.push(await createPerson(db, { departmentId: cast.departments.team.id, openToScouting: true }));
  await recomputeCandidates(db);

  const mailDir = mkdtempSync(join(tmpdir(), "kakezan-mail-"));
  const env = { DATABASE_URL: url, NODE_ENV: "test", MAIL_DIR: mailDir, KAKEZAN_SCHEDULE_SECONDS: "1" };
  const apps = [startProcess("tests/setup/app-process.ts", env), startProcess("tests/setup/app-process.ts", env)];
  const worker = startProcess("scripts/worker.ts", env);
  const children = [...apps, worker];
  afterAll(() => {
    for (const { child } of children) if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(mailDir, { recursive: true, force: true });
  });
  await Promise.all([...apps.map((app) => app.next("ready")), worker.next("worker running")]);

  /** Each app process changes the skill level of half the people in `personIds`, `rounds` times. */
  const burst = async (personIds: number[], rounds: number, level: Change["level"]) => {
    const halves = [personIds.filter((_, index) => index % 2 === 0), personIds.filter((_, index) => index % 2 === 1)];
    await Promise.all(
      apps.map((app, index) => {
        const changes = Array.from({ length: rounds }, (_, round) => halves[index]!.map((personId) => ({ personId, skillId: skill.id, level: (round % 2 === 0 ? level : 1) as Change["level"] }))).flat();
        const done = app.next("done");
        app.child.stdin.write(`${JSON.stringify(changes)}\n`);
        return done;
      }),
    );
  };
  const pending = async (types: string[]) =>
    (await db.select({ id: outbox.id }).from(outbox).where(and(isNull(outbox.processedAt), inArray(outbox.type, types)))).length;
  const runsAfter = async (afterId: number): Promise<JobRun[]> =>
    (await db.select().from(auditLog).where(and(eq(auditLog.action, "job.run"), gt(auditLog.id, afterId))).orderBy(auditLog.id)).map((row) => ({
      id: row.id,
      job: row.entityId,
      ...(row.data as Omit<JobRun, "id" | "job">),
    }));
  const lastAuditId = async () => (await db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).at(-1)?.id ?? 0;
  const settled = () => until(async () => (await pending(["profile.changed", "matches.stale"])) === 0, "the outbox and the recompute job to settle");
  const scores = async () =>
    (await db.select({ opportunityId: matchScores.opportunityId, personId: matchScores.personId, rank: matchScores.rank, score: matchScores.score }).from(matchScores)).sort(
      (a, b) => a.opportunityId - b.opportunityId || a.rank - b.rank,
    );
  /** Recomputes every posting in a new process-like handle, whose candidate pool starts empty. */
  const recomputeFromScratch = async () => {
    const fresh = await openPostgres({ url, poolSize: 4 });
    try {
      await recomputeCandidates(fresh.db);
    } finally {
      await fresh.close();
    }
  };

  it("folds a burst of 200 profile changes into one recompute of each posting", async () => {
    await settled();
    const before = await lastAuditId();
    // A recompute holds the job's lock (as a long one in another process would) while the burst
    // arrives and is dispatched; every change is then taken by the next single recompute.
    const runExclusive = exclusiveRunner(handle);
    const held = await runExclusive("matches.refresh", async () => {
      await burst(candidates.map((person) => person.id), 2, 3);
      await until(async () => (await pending(["profile.changed"])) === 0, "the burst to be dispatched");
      expect(await pending(["matches.stale"])).toBeGreaterThan(0);
    });
    expect(held.ran).toBe(true);
    await settled();
    // Runs for people's changes only: the postings created before the burst are recomputed on their own.
    const burstRuns = async () => (await runsAfter(before)).filter((run) => run.job === "matches.refresh" && (run.people ?? 0) > 0);
    await until(async () => (await burstRuns()).length > 0, "the recompute to be recorded");
    const recomputed = (await burstRuns()).flatMap((run) => run.opportunityIds ?? []);
    const open = (await db.select({ id: opportunities.id }).from(opportunities).where(eq(opportunities.status, "open"))).map((row) => row.id);
    expect(recomputed.sort()).toEqual(open.sort());
    expect(open).toEqual(expect.arrayContaining(teams.map((team) => team.opportunityId)));
  });

  it("never runs a job twice at once, and every process's candidate pool ends up current", async () => {
    for (const [round, level] of ([4, 2, 3] as const).entries()) {
      await burst(candidates.slice(round * 20, round * 20 + 40).map((person) => person.id), 1, level);
      await settled();
    }
    await Promise.all(children.map(({ child }) => child.kill("SIGTERM")));
    expect(await Promise.all(children.map(({ exited }) => exited))).toEqual([0, 0, 0]);

    const runs = await runsAfter(0);
    for (const job of new Set(runs.map((run) => run.job))) {
      const sorted = runs.filter((run) => run.job === job).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.startedAt >= sorted[i - 1]!.finishedAt, `${job} runs ${sorted[i - 1]!.id} and ${sorted[i]!.id} overlap`).toBe(true);
    }

    // The suggestions the processes left equal a recompute from scratch in a new process.
    const left = await scores();
    await recomputeFromScratch();
    expect(left).toEqual(await scores());
  });

  it("a process's candidate pool takes in the changes another process's recompute took", async () => {
    const [first, second] = [await openPostgres({ url, poolSize: 4 }), await openPostgres({ url, poolSize: 4 })];
    try {
      // Both pools loaded, as in two long-running processes.
      await recomputeCandidates(first.db);
      await recomputeCandidates(second.db);
      const change = async (people: typeof candidates, level: Change["level"]) => {
        for (const person of people) await setOwnSkill(db, (await actorForPerson(db, person.id))!, { skillId: skill.id, level });
        await processOutbox(db, { send: async () => {} });
      };
      await change(candidates.slice(0, 10), 1);
      expect(await refreshStaleMatches(first.db)).not.toBeNull();
      await change(candidates.slice(10, 20), 1);
      expect(await refreshStaleMatches(second.db)).not.toBeNull();
      // The second recompute saw the first ten too, though the first process took their events.
      const left = await scores();
      await recomputeFromScratch();
      expect(left).toEqual(await scores());
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
