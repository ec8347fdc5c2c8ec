import type { Executor } from "@/db/client";
import { outbox } from "@/db/schema";

/** Event types written to the outbox; the worker (server/jobs/outbox-worker.ts) handles each. */
export type OutboxEventType =
  | "application.submitted"
  | "application.transitioned"
  | "application.step_escalated"
  | "scout.invited"
  | "scout.responded"
  | "opportunity.changed"
  | "profile.changed";

/** Records an event in the caller's transaction, so it exists exactly when the change does. */
export async function enqueue(db: Executor, type: OutboxEventType, payload: Record<string, unknown>): Promise<void> {
  await db.insert(outbox).values({ type, payload });
}
