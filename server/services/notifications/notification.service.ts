import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, notifications, opportunities, type OutboxEvent, people, scoutInvites } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { serverTranslator } from "@/server/i18n";
import { enqueue, type OutboxEventOf } from "../outbox/outbox";
import { invitee, reachesInvitee } from "../scouting/invitation.relations";
import { releaseGranted } from "../workflow/transitions";
import type { Mailer } from "./mailer";
import { type EventFacts, type NotificationKind, recipientsFor } from "./recipients";
import { personNameColumns } from "../people/person-name.columns";

const links: Record<"applicant" | "hiringManager" | "currentManager" | "hr", (opportunityId: number) => string> = {
  applicant: () => "/applications",
  hiringManager: (opportunityId) => `/opportunities/${opportunityId}`,
  currentManager: () => "/inbox",
  hr: () => "/hr/queue",
};

/**
 * The e-mail for one notification. People have no language preference on record, so it is written
 * in Japanese then English, each with the link to the page in that language.
 */
function mailFor(kind: NotificationKind, params: Record<string, string | number>, baseUrl: string, link: string) {
  const [ja, en] = (["ja", "en"] as const).map((locale) => ({
    text: serverTranslator(locale)(`notifications.kinds.${kind}` as "notifications.kinds.offered", params),
    link: `${baseUrl}/${locale}${link}`,
  }));
  return { subject: `[Kakezan] ${ja!.text} / ${en!.text}`, text: `${ja!.text}\n${ja!.link}\n\n${en!.text}\n${en!.link}\n` };
}

type ApplicationEvent = OutboxEventOf<"application.submitted" | "application.transitioned" | "application.step_escalated" | "application.manager_changed">;
type ScoutEvent = OutboxEventOf<"scout.invited" | "scout.responded">;

/** An application event: in-app notifications for whoever should hear of it (deduplicated by event id). */
export async function notifyApplicationEvent(tx: Executor, event: ApplicationEvent): Promise<void> {
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
      applicant: personNameColumns,
    })
    .from(applications)
    .innerJoin(opportunities, eq(opportunities.id, applications.opportunityId))
    .innerJoin(people, eq(people.id, applications.personId))
    .where(eq(applications.id, event.payload.applicationId));
  if (!row) return;
  // Who hears of a step is judged on the stage and release it left, as the event carries them (not
  // on the application as it is when the event is delivered: after the release was granted, a late
  // offer must not tell HR it is ready to finalize — the release's own event does). Events written
  // before they were carried fall back to the application.
  const state =
    event.type === "application.transitioned"
      ? { hiringStage: event.payload.hiringStage ?? row.hiringStage, releaseStatus: event.payload.releaseStatus ?? row.releaseStatus }
      : row;
  const facts: EventFacts = {
    type: event.type,
    action: "action" in event.payload ? event.payload.action : undefined,
    disclosedNow: "disclosed" in event.payload && event.payload.disclosed === true,
    // Disclosure is judged at the event's time: a late delivery must not tell the manager of an earlier step.
    disclosed: row.disclosedAt !== null && row.disclosedAt <= event.createdAt,
    offered: state.hiringStage === "offered",
    releaseGranted: releaseGranted(state),
    releasePending: state.releaseStatus === "pending",
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
      : recipient.to === "currentManager" ? managerToTell(event, row.currentManagerId)
      : hrStaff.map((person) => person.id);
    return ids.map((personId) => ({ personId, kind: recipient.kind, link: links[recipient.to](row.opportunityId) }));
  });
  const params = { opportunity: row.title, person: `${row.applicant.familyName} ${row.applicant.givenName} (${row.applicant.romanizedName})` };
  await notify(tx, event, targets, params);
}

/**
 * The current manager, if they were already the manager when the event happened. One who took
 * over since hears of the application through their own hand-over event, and a former manager of
 * nothing after the hand-over. Events written before the manager was recorded go to the current one.
 */
function managerToTell(event: ApplicationEvent, currentManagerId: number | null): number[] {
  const managerAtEvent =
    event.type === "application.step_escalated" ? event.payload.approverId
    : event.type === "application.manager_changed" ? event.payload.managerId
    : event.payload.currentManagerId;
  if (currentManagerId === null || (managerAtEvent !== undefined && managerAtEvent !== currentManagerId)) return [];
  return [currentManagerId];
}

type Target = { personId: number; kind: NotificationKind; link: string };

/** Only people still with the company hear of anything: a deactivated person gets no notification, so no e-mail. */
async function activeTargets(tx: Executor, targets: Target[]): Promise<Target[]> {
  if (targets.length === 0) return [];
  const active = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, [...new Set(targets.map((target) => target.personId))]), eq(people.active, true)));
  const activeIds = new Set(active.map((person) => person.id));
  return targets.filter((target) => activeIds.has(target.personId));
}

/**
 * Writes the in-app notifications (once per event, person and kind) and, in the same transaction,
 * one `notification.mail` event for each new one: the e-mail goes out only once this commits, and
 * a redelivered event inserts no notification, so it queues no second e-mail.
 */
async function notify(tx: Executor, event: Pick<OutboxEvent, "eventId">, candidates: Target[], params: Record<string, string>) {
  const targets = await activeTargets(tx, candidates);
  if (targets.length === 0) return;
  const inserted = await tx
    .insert(notifications)
    .values(targets.map((target) => ({ personId: target.personId, eventId: event.eventId, kind: target.kind, params, link: target.link })))
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  for (const notification of inserted) await enqueue(tx, "notification.mail", { notificationId: notification.id });
}

/**
 * Scouting: the invitee hears of an invitation, the inviter of the answer — nobody else (社内FA).
 * A sealed invitation that does not reach the invitee when delivered (not open to scouting) tells
 * nobody anything; opting in later lists it without a notification.
 */
export async function notifyScoutEvent(tx: Executor, event: ScoutEvent): Promise<void> {
  const [invite] = await tx
    .select({
      personId: scoutInvites.personId,
      fromId: scoutInvites.fromId,
      status: scoutInvites.status,
      opportunityId: opportunities.id,
      title: opportunities.title,
      reaches: sql<boolean>`${reachesInvitee}`.mapWith(Boolean),
    })
    .from(scoutInvites)
    .innerJoin(opportunities, eq(opportunities.id, scoutInvites.opportunityId))
    .innerJoin(invitee, eq(invitee.id, scoutInvites.personId))
    .where(eq(scoutInvites.id, event.payload.inviteId));
  if (!invite || (event.type === "scout.invited" && !invite.reaches)) return;
  const params = { opportunity: invite.title, person: "" };
  const targets: Target[] =
    event.type === "scout.invited"
      ? [{ personId: invite.personId, kind: "scoutInvited", link: "/scouts" }]
      : [{ personId: invite.fromId, kind: invite.status === "declined" ? "scoutDeclined" : "scoutAccepted", link: `/opportunities/${invite.opportunityId}/candidates` }];
  await notify(tx, event, targets, params);
}

/**
 * Sends one notification's e-mail (nothing when the notification or the address is gone, or the
 * person was deactivated since it was written).
 */
export async function sendNotificationMail(db: Executor, event: OutboxEventOf<"notification.mail">, mailer: Mailer, baseUrl: string): Promise<void> {
  const [row] = await db
    .select({ email: people.email, kind: notifications.kind, params: notifications.params, link: notifications.link })
    .from(notifications)
    .innerJoin(people, eq(people.id, notifications.personId))
    .where(and(eq(notifications.id, event.payload.notificationId), eq(people.active, true)));
  if (!row?.email) return;
  await mailer.send({ to: row.email, ...mailFor(row.kind as NotificationKind, row.params, baseUrl, row.link ?? "") });
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
