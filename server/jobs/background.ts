import type { Database } from "@/db/client";
import { createMailer } from "@/server/services/notifications/mailer";
import { processOutbox } from "@/server/services/notifications/notification.service";
import { recomputeCandidates } from "@/server/services/recommendations/recommendations.service";
import { applyDueMoves, escalateOverdueReleases } from "@/server/services/workflow/workflow.jobs";

const OUTBOX_EVERY_MS = 2_000;
/** Deadlines and effective dates are checked every minute unless KAKEZAN_SCHEDULE_SECONDS says otherwise. */
const DEFAULT_SCHEDULE_SECONDS = 60;

/** Runs `task` every `ms`, never two at once; a failure is logged and the next tick tries again. */
function every(ms: number, name: string, task: () => Promise<unknown>) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((error: unknown) => console.error(`[jobs] ${name} failed:`, error instanceof Error ? error.message : error))
      .finally(() => {
        running = false;
      });
  }, ms);
  timer.unref();
  return timer;
}

/**
 * The server's background work: deliver the outbox (notifications and e-mail), escalate overdue
 * releases, apply moves on their effective date. Safe to run in several processes at once.
 */
export function startBackgroundJobs(db: Database, env: Record<string, string | undefined> = process.env) {
  const mailer = createMailer(env);
  const baseUrl = env.NEXTAUTH_URL ?? "http://localhost:3000";
  every(OUTBOX_EVERY_MS, "outbox", async () => {
    // Drain while full batches come back; then refresh the candidates those events made stale.
    const opportunityIds = new Set<number>();
    let people = false;
    for (;;) {
      const { count, refresh } = await processOutbox(db, mailer, { baseUrl });
      for (const id of refresh.opportunityIds) opportunityIds.add(id);
      people ||= refresh.people;
      if (count < 50) break;
    }
    // A person's change can move them in any posting's ranking; a posting's change only its own.
    if (people) await recomputeCandidates(db);
    else if (opportunityIds.size > 0) await recomputeCandidates(db, [...opportunityIds]);
  });
  const scheduleSeconds = Number(env.KAKEZAN_SCHEDULE_SECONDS) > 0 ? Number(env.KAKEZAN_SCHEDULE_SECONDS) : DEFAULT_SCHEDULE_SECONDS;
  every(scheduleSeconds * 1000, "schedule", async () => {
    await escalateOverdueReleases(db);
    await applyDueMoves(db);
  });
}
