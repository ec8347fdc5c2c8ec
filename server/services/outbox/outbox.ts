import { and, asc, eq, gt, inArray, isNull, lte, max, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { outbox, type OutboxEvent } from "@/db/schema";
import { hiringStages, releaseStatuses } from "@/db/vocabulary";

const id = z.number().int().positive();
const ids = z.array(id);

/**
 * Every event type and the shape of its payload. Payloads come back from jsonb, so they are parsed
 * with these schemas where they are read (`parseOutboxEvent`), never trusted as written.
 */
const payloadSchemas = {
  // `currentManagerId`: the current manager when it happened; a manager who took over since is not told of it.
  "application.submitted": z.object({ applicationId: id, opportunityId: id, personId: id, disclosed: z.boolean().optional(), currentManagerId: id.nullable().optional() }),
  "application.transitioned": z.object({
    applicationId: id,
    opportunityId: id,
    personId: id,
    action: z.string(),
    disclosed: z.boolean().optional(),
    // The stage and release the transition left, for judging who hears of it (notification.service.ts).
    hiringStage: z.enum(hiringStages).optional(),
    releaseStatus: z.enum(releaseStatuses).optional(),
    currentManagerId: id.nullable().optional(),
  }),
  // Null when the step is for any HR staff rather than one approver.
  "application.step_escalated": z.object({ applicationId: id, approverId: id.nullable() }),
  /** The organisation gave a live application a new current manager (told only if it is disclosed). */
  "application.manager_changed": z.object({ applicationId: id, managerId: id }),
  "scout.invited": z.object({ inviteId: id }),
  "scout.responded": z.object({ inviteId: id }),
  "opportunity.changed": z.object({ opportunityId: id }),
  "profile.changed": z.object({ personId: id }),
  /** One notification's e-mail, sent after the transaction that wrote the notification has committed. */
  "notification.mail": z.object({ notificationId: id }),
  /** People and postings whose suggested candidates are out of date, handed to the recompute job. */
  "matches.stale": z.object({ personIds: ids, opportunityIds: ids }),
  /**
   * Written (already processed) by the recompute job when it has taken `matches.stale` events:
   * the people it refreshed, so candidate pools in other processes can refresh them too.
   */
  "matches.refreshed": z.object({ personIds: ids }),
} satisfies Record<string, z.ZodType>;

export type OutboxEvents = { [Type in keyof typeof payloadSchemas]: z.infer<(typeof payloadSchemas)[Type]> };
export type OutboxEventType = keyof OutboxEvents;

/** An outbox row whose payload has been checked against its type. */
export type TypedOutboxEvent = {
  [Type in OutboxEventType]: Omit<OutboxEvent, "type" | "payload"> & { type: Type; payload: OutboxEvents[Type] };
}[OutboxEventType];
export type OutboxEventOf<Type extends OutboxEventType> = Extract<TypedOutboxEvent, { type: Type }>;

function isEventType(type: string): type is OutboxEventType {
  return Object.hasOwn(payloadSchemas, type);
}

/** Checks a stored row; an unknown type or a malformed payload throws (the caller records it as the event's error). */
export function parseOutboxEvent(row: OutboxEvent): TypedOutboxEvent {
  if (!isEventType(row.type)) throw new Error(`Unknown outbox event type "${row.type}"`);
  const payload = payloadSchemas[row.type].parse(row.payload);
  return { ...row, type: row.type, payload } as TypedOutboxEvent;
}

/** Records an event in the caller's transaction, so it exists exactly when the change does. */
export async function enqueue<Type extends OutboxEventType>(db: Executor, type: Type, payload: OutboxEvents[Type], options: { processedAt?: Date } = {}): Promise<void> {
  await db.insert(outbox).values({ type, payload, processedAt: options.processedAt });
}

/** Records several events of one type at once in the caller's transaction (nothing for an empty list). */
export async function enqueueMany<Type extends OutboxEventType>(db: Executor, type: Type, payloads: readonly OutboxEvents[Type][]): Promise<void> {
  if (payloads.length === 0) return;
  await db.insert(outbox).values(payloads.map((payload) => ({ type, payload })));
}

/**
 * Takes up to `limit` due events of these types for the caller's transaction. On PostgreSQL
 * `FOR UPDATE SKIP LOCKED` lets several processes claim side by side without taking the same event.
 * Due by the caller's clock or the database's: `now` has millisecond precision and `available_at`
 * microsecond, so an event written earlier in the same millisecond would otherwise wait a run.
 */
export async function claimDue(tx: Executor, types: readonly OutboxEventType[], now: Date, limit: number): Promise<OutboxEvent[]> {
  return tx
    .select()
    .from(outbox)
    .where(and(isNull(outbox.processedAt), lte(outbox.availableAt, sql`greatest(${now}::timestamptz, now())`), inArray(outbox.type, [...types])))
    .orderBy(outbox.id)
    .limit(limit)
    .for("update", { skipLocked: true });
}

/**
 * Claims due events and hides them from other claimers for `leaseMs`, committing at once: for work
 * done outside any transaction (sending e-mail). If the process dies before `markDone`, the lease
 * runs out and another claimer takes the event again — the work is retried, never silently lost.
 */
export async function leaseDue(db: Executor, type: OutboxEventType, now: Date, limit: number, leaseMs: number): Promise<OutboxEvent[]> {
  return db.transaction(async (tx) => {
    const claimed = await claimDue(tx, [type], now, limit);
    if (claimed.length > 0) {
      await tx
        .update(outbox)
        .set({ availableAt: new Date(now.getTime() + leaseMs) })
        .where(inArray(outbox.id, claimed.map((event) => event.id)));
    }
    return claimed;
  });
}

/** Every pending event of one type, oldest first (for consumers that take them all at once). */
export async function pendingOf<Type extends OutboxEventType>(db: Executor, type: Type): Promise<OutboxEventOf<Type>[]> {
  const rows = await db.select().from(outbox).where(and(isNull(outbox.processedAt), eq(outbox.type, type))).orderBy(asc(outbox.id));
  return rows.map((row) => parseOutboxEvent(row) as OutboxEventOf<Type>);
}

/** Events of one type with an id above `afterId`, oldest first. */
export async function eventsAfter<Type extends OutboxEventType>(db: Executor, type: Type, afterId: number): Promise<OutboxEventOf<Type>[]> {
  const rows = await db.select().from(outbox).where(and(eq(outbox.type, type), gt(outbox.id, afterId))).orderBy(asc(outbox.id));
  return rows.map((row) => parseOutboxEvent(row) as OutboxEventOf<Type>);
}

/** The id of the newest event of one type (0 when there is none). */
export async function lastEventId(db: Executor, type: OutboxEventType): Promise<number> {
  const [row] = await db.select({ id: max(outbox.id) }).from(outbox).where(eq(outbox.type, type));
  return row?.id ?? 0;
}

export async function markDone(db: Executor, events: Pick<OutboxEvent, "id">[], now: Date): Promise<void> {
  if (events.length === 0) return;
  await db
    .update(outbox)
    .set({ processedAt: now, attempts: sql`${outbox.attempts} + 1`, lastError: null })
    .where(inArray(outbox.id, events.map((event) => event.id)));
}

/** Records the failure and retries later with exponential backoff (10 s, 20 s, … at most an hour). */
export async function markFailed(db: Executor, event: Pick<OutboxEvent, "id" | "attempts">, error: unknown, now: Date): Promise<void> {
  const retryAt = new Date(now.getTime() + Math.min(3_600_000, 2 ** event.attempts * 10_000));
  await db
    .update(outbox)
    .set({ attempts: event.attempts + 1, lastError: error instanceof Error ? error.message.slice(0, 500) : String(error), availableAt: retryAt })
    .where(eq(outbox.id, event.id));
}
