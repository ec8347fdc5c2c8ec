import type { DatabaseHandle } from "@/db/client";
import { readEnv } from "@/server/env";
import { log, safeError } from "@/server/log";
import { writeAudit } from "@/server/services/audit/audit.service";
import { createMailer } from "@/server/services/notifications/mailer";
import { processOutbox } from "@/server/services/outbox/dispatcher";
import { refreshStaleMatches } from "@/server/services/matching/match-refresh";
import { pruneReportChanges } from "@/server/services/reports/report.cache";
import { applyDueMoves, escalateOverdueReleases, followOrganisation } from "@/server/services/workflow/workflow.jobs";
import { type ExclusiveJob, exclusiveRunner } from "./exclusive";

const OUTBOX_EVERY_MS = 2_000;
const MATCHES_EVERY_MS = 2_000;

type Loop = { timer: NodeJS.Timeout; running: Promise<unknown> | null };

/** Runs `task` every `ms`, never two at once in this process; a failure is logged and the next tick tries again. */
function every(ms: number, name: string, task: () => Promise<unknown>): Loop {
  const loop: Loop = { timer: setInterval(() => tick(), ms), running: null };
  const tick = () => {
    if (loop.running) return;
    loop.running = task()
      .catch((error: unknown) => log.error({ job: name, error: safeError(error) }, "background job failed"))
      .finally(() => {
        loop.running = null;
      });
  };
  // Timers alone do not keep a web process alive; the worker keeps itself alive.
  loop.timer.unref();
  return loop;
}

/**
 * A run of a once-at-a-time job that changed something, in the audit log (actor: the system), with
 * its start, end and process: the record operators — and the multi-process test — read.
 */
async function recordRun(handle: DatabaseHandle, job: ExclusiveJob, startedAt: Date, result: Record<string, unknown> | null) {
  if (!result) return;
  const data = { ...result, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), pid: process.pid };
  await writeAudit(handle.db, { actorId: null, action: "job.run", entityType: "job", entityId: job, data });
}

export type BackgroundJobs = { stop(): Promise<void> };

/**
 * The background work: dispatch the outbox (notifications, their e-mail, match hand-over), which is
 * safe in several processes at once; and, one process at a time, recompute stale candidates and
 * run the schedule (follow org-chart changes, escalate overdue releases, apply moves on their effective date,
 * forget the reports' change notes no cache still needs).
 */
export function startBackgroundJobs(handle: DatabaseHandle, rawEnv: Record<string, string | undefined> = process.env): BackgroundJobs {
  const env = readEnv(rawEnv);
  const { db } = handle;
  const mailer = createMailer(rawEnv);
  const baseUrl = env.NEXTAUTH_URL ?? "http://localhost:3000";
  const runExclusive = exclusiveRunner(handle);
  const exclusive = (job: ExclusiveJob, task: () => Promise<Record<string, unknown> | null>) => () =>
    runExclusive(job, async () => {
      const startedAt = new Date();
      await recordRun(handle, job, startedAt, await task());
    });
  const loops = [
    every(OUTBOX_EVERY_MS, "outbox", () => processOutbox(db, mailer, { baseUrl })),
    every(MATCHES_EVERY_MS, "matches.refresh", exclusive("matches.refresh", () => refreshStaleMatches(db))),
    every(
      env.KAKEZAN_SCHEDULE_SECONDS * 1000,
      "schedule",
      exclusive("schedule", async () => {
        // First: a release is escalated, and a move applied, with the manager the organisation names today.
        const reassigned = await followOrganisation(db);
        const escalated = await escalateOverdueReleases(db);
        const moved = await applyDueMoves(db);
        // Housekeeping, not worth a record of its own.
        await pruneReportChanges(db);
        return reassigned + escalated + moved > 0 ? { reassigned, escalated, moved } : null;
      }),
    ),
  ];
  return {
    /** Stops the timers and waits for the runs in progress to finish. */
    async stop() {
      for (const loop of loops) clearInterval(loop.timer);
      await Promise.all(loops.map((loop) => loop.running));
    },
  };
}
