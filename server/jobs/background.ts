import type { Database } from "@/db/client";
import { createMailer } from "@/server/services/notifications/mailer";
import { processOutbox } from "@/server/services/notifications/notification.service";
import { applyDueMoves, escalateOverdueReleases } from "@/server/services/workflow/workflow.jobs";

const OUTBOX_EVERY_MS = 2_000;
const SCHEDULE_EVERY_MS = 60_000;

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
    // Drain: keep going while full batches come back.
    while ((await processOutbox(db, mailer, { baseUrl })) === 50);
  });
  every(SCHEDULE_EVERY_MS, "schedule", async () => {
    await escalateOverdueReleases(db);
    await applyDueMoves(db);
  });
}
