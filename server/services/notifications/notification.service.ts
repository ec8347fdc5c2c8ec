import { and, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { applications, notifications, opportunities, outbox, type OutboxEvent, people, scoutInvites } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { serverTranslator } from "@/server/i18n";
import { releaseGranted } from "../workflow/transitions";
import type { Mailer } from "./mailer";
import { type EventFacts, type NotificationKind, recipientsFor } from "./recipients";

const links: Record<"applicant" | "hiringManager" | "currentManager" | "hr", (opportunityId: number) => string> = {
  applicant: () => "/applications",
  hiringManager: (opportunityId) => `/opportunities/${opportunityId}`,
  currentManager: () => "/inbox",
  hr: () => "/hr/queue",
};

/** The e-mail for one notification, in Japanese then English (people read both at work). */
function mailFor(kind: NotificationKind, params: Record<string, string>, link: string) {
  const [ja, en] = (["ja", "en"] as const).map((locale) => serverTranslator(locale)(`notifications.kinds.${kind}` as "notifications.kinds.offered", params));
  return { subject: `[Kakezan] ${ja} / ${en}`, text: `${ja}\n${link}\n\n${en}\n${link}\n` };
}

/** Delivers one outbox event: in-app notifications (deduplicated by event id) and e-mail. */
async function deliver(tx: Executor, event: OutboxEvent, mailer: Mailer, baseUrl: string): Promise<void> {
  if (event.type.startsWith("scout.")) return deliverScout(tx, event, mailer, baseUrl);
  if (!event.type.startsWith("application.")) return;
  const applicationId = Number(event.payload.applicationId);
  const [row] = await tx
    .select({
      personId: applications.personId,
      currentManagerId: applications.currentManagerId,
      disclosedAt: applications.disclosedAt,
      hiringStage: applications.hiringStage,
      releaseStatus: applications.releaseStatus,
      opportunityId: opportunities.id,
      title: opportunities.title,
      ownerId: opportunities.ownerId,
      applicantName: people.romanizedName,
      applicantFamily: people.familyName,
      applicantGiven: people.givenName,
    })
    .from(applications)
    .innerJoin(opportunities, eq(opportunities.id, applications.opportunityId))
    .innerJoin(people, eq(people.id, applications.personId))
    .where(eq(applications.id, applicationId));
  if (!row) return;
  const facts: EventFacts = {
    type: event.type as EventFacts["type"],
    action: typeof event.payload.action === "string" ? event.payload.action : undefined,
    disclosedNow: event.payload.disclosed === true,
    // Disclosure is judged at the event's time: a late delivery must not tell the manager of an earlier step.
    disclosed: row.disclosedAt !== null && row.disclosedAt <= event.createdAt,
    offered: row.hiringStage === "offered",
    releaseGranted: releaseGranted(row),
  };
  const recipients = recipientsFor(facts);
  if (recipients.length === 0) return;
  const hrStaff = recipients.some((recipient) => recipient.to === "hr")
    ? await tx.select({ id: people.id }).from(people).where(and(eq(people.isHr, true), eq(people.active, true)))
    : [];
  const targets = recipients.flatMap((recipient) => {
    const ids =
      recipient.to === "applicant" ? [row.personId]
      : recipient.to === "hiringManager" ? [row.ownerId]
      : recipient.to === "currentManager" ? (row.currentManagerId ? [row.currentManagerId] : [])
      : hrStaff.map((person) => person.id);
    return ids.map((personId) => ({ personId, kind: recipient.kind, link: links[recipient.to](row.opportunityId) }));
  });
  const params = { opportunity: row.title, person: `${row.applicantFamily} ${row.applicantGiven} (${row.applicantName})` };
  await notify(tx, event, targets, params, mailer, baseUrl);
}

type Target = { personId: number; kind: NotificationKind; link: string };

/** Writes the in-app notifications (once per event, person and kind) and sends their e-mail. */
async function notify(tx: Executor, event: OutboxEvent, targets: Target[], params: Record<string, string>, mailer: Mailer, baseUrl: string) {
  if (targets.length === 0) return;
  const inserted = await tx
    .insert(notifications)
    .values(targets.map((target) => ({ personId: target.personId, eventId: event.eventId, kind: target.kind, params, link: target.link })))
    .onConflictDoNothing()
    .returning({ personId: notifications.personId, kind: notifications.kind, link: notifications.link });
  if (inserted.length === 0) return;
  const emails = await tx.select({ id: people.id, email: people.email }).from(people).where(inArray(people.id, inserted.map((item) => item.personId)));
  for (const item of inserted) {
    const to = emails.find((person) => person.id === item.personId)?.email;
    if (to) await mailer.send({ to, ...mailFor(item.kind as NotificationKind, params, `${baseUrl}/ja${item.link ?? ""}`) });
  }
}

/** Scouting: the invitee hears of an invitation, the inviter of the answer — nobody else (社内FA). */
async function deliverScout(tx: Executor, event: OutboxEvent, mailer: Mailer, baseUrl: string): Promise<void> {
  const [invite] = await tx
    .select({ personId: scoutInvites.personId, fromId: scoutInvites.fromId, status: scoutInvites.status, response: scoutInvites.response, opportunityId: opportunities.id, title: opportunities.title })
    .from(scoutInvites)
    .innerJoin(opportunities, eq(opportunities.id, scoutInvites.opportunityId))
    .where(eq(scoutInvites.id, Number(event.payload.inviteId)));
  if (!invite) return;
  const params = { opportunity: invite.title, person: "" };
  const targets: Target[] =
    event.type === "scout.invited"
      ? [{ personId: invite.personId, kind: "scoutInvited", link: "/scouts" }]
      : [{ personId: invite.fromId, kind: invite.status === "declined" ? "scoutDeclined" : "scoutAccepted", link: `/opportunities/${invite.opportunityId}/candidates` }];
  await notify(tx, event, targets, params, mailer, baseUrl);
}

/** What a delivered batch asks the matching engine to refresh. */
export type MatchRefresh = { opportunityIds: Set<number>; people: boolean };

/**
 * Claims and delivers a batch of outbox events. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several
 * workers run side by side without taking the same event; delivery is at least once, and the
 * (event, person, kind) unique index makes a repeated delivery add no second notification.
 * Returns how many events it took and which precomputed matches they made stale.
 */
export async function processOutbox(
  db: Database,
  mailer: Mailer,
  options: { now?: Date; limit?: number; baseUrl?: string } = {},
): Promise<{ count: number; refresh: MatchRefresh }> {
  const refresh: MatchRefresh = { opportunityIds: new Set(), people: false };
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const batch = await tx
      .select()
      .from(outbox)
      .where(and(isNull(outbox.processedAt), lte(outbox.availableAt, now)))
      .orderBy(outbox.id)
      .limit(options.limit ?? 50)
      .for("update", { skipLocked: true });
    for (const event of batch) {
      if (event.type === "opportunity.changed") refresh.opportunityIds.add(Number(event.payload.opportunityId));
      if (event.type === "profile.changed") refresh.people = true;
      try {
        await tx.transaction(async (savepoint) => deliver(savepoint, event, mailer, options.baseUrl ?? ""));
        await tx.update(outbox).set({ processedAt: now, attempts: event.attempts + 1, lastError: null }).where(eq(outbox.id, event.id));
      } catch (error) {
        // Retry later with backoff; the rest of the batch goes on.
        const retryAt = new Date(now.getTime() + Math.min(3_600_000, 2 ** event.attempts * 10_000));
        await tx
          .update(outbox)
          .set({ attempts: event.attempts + 1, lastError: error instanceof Error ? error.message.slice(0, 500) : String(error), availableAt: retryAt })
          .where(eq(outbox.id, event.id));
      }
    }
    return { count: batch.length, refresh };
  });
}

/** The actor's notifications, newest first. */
export async function listNotifications(db: Executor, actor: Actor, limit = 30) {
  return db
    .select({ id: notifications.id, kind: notifications.kind, params: notifications.params, link: notifications.link, readAt: notifications.readAt, createdAt: notifications.createdAt })
    .from(notifications)
    .where(eq(notifications.personId, actor.personId))
    .orderBy(desc(notifications.id))
    .limit(limit);
}

export async function unreadCount(db: Executor, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.personId, actor.personId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}

/** Marks the actor's notifications read (all, or the given ones); others' are never touched. */
export async function markRead(db: Executor, actor: Actor, ids: number[] | "all", now = new Date()): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.personId, actor.personId), isNull(notifications.readAt), ids === "all" ? undefined : inArray(notifications.id, ids)));
}
