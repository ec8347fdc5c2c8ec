import type { Database, Executor } from "@/db/client";
import type { Mailer } from "../notifications/mailer";
import { notifyApplicationEvent, notifyScoutEvent, sendNotificationMail } from "../notifications/notification.service";
import { claimDue, enqueue, leaseDue, markDone, markFailed, type OutboxEventType, parseOutboxEvent, type TypedOutboxEvent } from "./outbox";

/** The events this dispatcher routes inside its claiming transaction. */
const routed = [
  "application.submitted",
  "application.transitioned",
  "application.step_escalated",
  "application.manager_changed",
  "scout.invited",
  "scout.responded",
  "opportunity.changed",
  "profile.changed",
] as const satisfies readonly OutboxEventType[];

const BATCH = 50;
/** How long a claimed e-mail stays hidden from other senders; longer than any SMTP exchange. */
const MAIL_LEASE_MS = 10 * 60_000;

type Stale = { personIds: Set<number>; opportunityIds: Set<number> };

async function route(tx: Executor, event: TypedOutboxEvent, stale: Stale): Promise<void> {
  switch (event.type) {
    case "application.submitted":
    case "application.transitioned":
    case "application.step_escalated":
    case "application.manager_changed":
      return notifyApplicationEvent(tx, event);
    case "scout.invited":
    case "scout.responded":
      return notifyScoutEvent(tx, event);
    case "profile.changed":
      stale.personIds.add(event.payload.personId);
      return;
    case "opportunity.changed":
      stale.opportunityIds.add(event.payload.opportunityId);
      return;
    default:
      throw new Error(`The dispatcher does not route "${event.type}" events`);
  }
}

/**
 * One transaction: claims a batch of routed events, writes their notifications (each event in a
 * savepoint, so one bad event is retried later while the rest go on) and hands the changed people
 * and postings to the recompute job as one `matches.stale` event.
 */
async function dispatchBatch(db: Database, now: Date, limit: number): Promise<number> {
  return db.transaction(async (tx) => {
    const batch = await claimDue(tx, routed, now, limit);
    const stale: Stale = { personIds: new Set(), opportunityIds: new Set() };
    const done = [];
    for (const row of batch) {
      try {
        await tx.transaction(async (savepoint) => route(savepoint, parseOutboxEvent(row), stale));
        done.push(row);
      } catch (error) {
        await markFailed(tx, row, error, now);
      }
    }
    await markDone(tx, done, now);
    if (stale.personIds.size > 0 || stale.opportunityIds.size > 0) {
      await enqueue(tx, "matches.stale", { personIds: [...stale.personIds], opportunityIds: [...stale.opportunityIds] });
    }
    return batch.length;
  });
}

/**
 * Sends the e-mail of committed notifications, outside any transaction. Each e-mail is its own
 * event, leased before sending and marked done after: a failed send is retried later (it was not
 * sent, so nobody gets it twice) and a process dying before the send leaves it to be taken again
 * when the lease runs out. Only a death between the mail server's acceptance and `markDone` can
 * repeat one e-mail — SMTP offers no way to make that step atomic.
 */
async function sendMail(db: Database, mailer: Mailer, now: Date, limit: number, baseUrl: string): Promise<number> {
  const leased = await leaseDue(db, "notification.mail", now, limit, MAIL_LEASE_MS);
  for (const row of leased) {
    try {
      const event = parseOutboxEvent(row);
      if (event.type !== "notification.mail") throw new Error(`Not an e-mail: "${event.type}"`);
      await sendNotificationMail(db, event, mailer, baseUrl);
      await markDone(db, [row], now);
    } catch (error) {
      await markFailed(db, row, error, now);
    }
  }
  return leased.length;
}

/** The transactional half of `processOutbox`: routes every due event, in batches, sending no e-mail. */
export async function dispatchEvents(db: Database, options: { now?: Date; limit?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? BATCH;
  let count = 0;
  for (;;) {
    const taken = await dispatchBatch(db, now, limit);
    count += taken;
    if (taken < limit) return count;
  }
}

/**
 * The one consumer of the outbox's domain events: in-app notifications, their e-mail, and the hand-over
 * of changed people and postings to the candidate recompute job (`matches.stale`). Delivery is at least
 * once; the (event, person, kind) unique index makes a repeated delivery add no second notification.
 * Safe to run in several processes at once. Drains while full batches come back; returns how many
 * routed events it took.
 */
export async function processOutbox(db: Database, mailer: Mailer, options: { now?: Date; limit?: number; baseUrl?: string } = {}): Promise<{ count: number }> {
  const limit = options.limit ?? BATCH;
  const count = await dispatchEvents(db, { now: options.now, limit });
  // The e-mail events were just written with the database's clock: send them on the clock as it is now.
  const mailNow = options.now ?? new Date();
  while ((await sendMail(db, mailer, mailNow, limit, options.baseUrl ?? "")) === limit);
  return { count };
}
