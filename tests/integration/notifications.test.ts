import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, isNull, like } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { notifications, outbox } from "../../db/schema";
import { createMailer, type Mail } from "../../server/services/notifications/mailer";
import { dispatchEvents, processOutbox } from "../../server/services/outbox/dispatcher";
import { leaseDue } from "../../server/services/outbox/outbox";
import { callerAs, createCast } from "../setup/cast";
import { createReceivingTeam } from "../setup/mobility";
import { createTestDatabase } from "../setup/test-database";

describe("notifications and confidentiality (until_shortlist)", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const team = await createReceivingTeam(db, cast, { confidentiality: "until_shortlist" });
  const mailDir = mkdtempSync(join(tmpdir(), "kakezan-mail-"));
  afterAll(() => rmSync(mailDir, { recursive: true, force: true }));
  const mailer = createMailer({ MAIL_DIR: mailDir });
  const employee = callerAs(db, cast, "employee");
  const manager = callerAs(db, cast, "manager");
  const colleague = callerAs(db, cast, "colleague");
  const deliver = async () => (await processOutbox(db, mailer, { baseUrl: "http://localhost:3000" })).count;
  const mailsTo = (email: string) => readdirSync(mailDir).map((file) => readFileSync(join(mailDir, file), "utf8")).filter((mail) => mail.includes(`To: ${email}`));

  const { applicationId } = await employee.application.submit({ opportunityId: team.opportunityId, motivation: "QA に挑戦したい" });
  await deliver();

  it("tells the hiring manager, by notification and e-mail", async () => {
    const [notification] = await team.hiring.notification.list();
    expect(notification).toMatchObject({ kind: "applicationReceived", link: `/opportunities/${team.opportunityId}` });
    expect(await team.hiring.notification.unreadCount()).toBe(1);
    const mails = mailsTo(team.hiringManager.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain("Subject: =?UTF-8?");
  });

  it("gives the current manager nothing before the shortlist: no list, count, notification or mail", async () => {
    expect(await manager.application.inbox()).toEqual([]);
    expect(await manager.notification.list()).toEqual([]);
    expect(await manager.notification.unreadCount()).toBe(0);
    expect(mailsTo(cast.persons.manager.email)).toEqual([]);
    await expect(manager.application.act({ applicationId, action: "release_approve" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("discloses at the shortlist: the manager's inbox, notification and e-mail appear", async () => {
    await team.hiring.application.act({ applicationId, action: "shortlist" });
    await deliver();
    expect((await manager.application.inbox()).map((item) => item.id)).toEqual([applicationId]);
    expect((await manager.notification.list()).map((item) => item.kind)).toEqual(["releaseRequested"]);
    expect(mailsTo(cast.persons.manager.email)).toHaveLength(1);
    expect((await employee.notification.list()).map((item) => item.kind)).toEqual(["shortlisted"]);
  });

  it("delivers each event once, even when an event is delivered again (at-least-once delivery)", async () => {
    const mailsBefore = readdirSync(mailDir).length;
    const notificationsBefore = (await db.select().from(notifications)).length;
    // Pretend a worker crashed after delivering but before marking: every event is delivered again.
    await db.update(outbox).set({ processedAt: null }).where(like(outbox.type, "application.%"));
    expect(await deliver()).toBeGreaterThan(0);
    expect((await db.select().from(notifications)).length).toBe(notificationsBefore);
    expect(readdirSync(mailDir).length).toBe(mailsBefore);
  });

  it("marks only the reader's own notifications read", async () => {
    const [own] = await employee.notification.list();
    const [others] = await manager.notification.list();
    await employee.notification.markRead({ ids: [own!.id, others!.id] });
    expect(await employee.notification.unreadCount()).toBe(0);
    expect(await manager.notification.unreadCount()).toBe(1);
  });

  it("e-mails after the notification is committed, in both languages with their own links; a failed send is retried, never repeated", async () => {
    await colleague.application.submit({ opportunityId: team.opportunityId, motivation: "テスト設計を学びたい" });
    const smtpDown = { send: async () => Promise.reject(new Error("SMTP server unavailable")) };
    await processOutbox(db, smtpDown, { baseUrl: "http://localhost:3000" });
    // The notification is there even though its e-mail could not be sent.
    expect((await team.hiring.notification.list()).filter((item) => item.kind === "applicationReceived")).toHaveLength(2);

    const sent: Mail[] = [];
    const recording = { send: async (mail: Mail) => void sent.push(mail) };
    const afterBackoff = new Date(Date.now() + 3_600_000);
    await processOutbox(db, recording, { baseUrl: "http://localhost:3000", now: afterBackoff });
    await processOutbox(db, recording, { baseUrl: "http://localhost:3000", now: new Date(afterBackoff.getTime() + 3_600_000) });
    expect(sent.map((mail) => mail.to)).toEqual([team.hiringManager.email]);
    const [ja, en] = sent[0]!.text.split("\n\n");
    expect(ja).toContain(`http://localhost:3000/ja/opportunities/${team.opportunityId}`);
    expect(en).toContain(`http://localhost:3000/en/opportunities/${team.opportunityId}`);
  });

  it("sends an e-mail taken by a process that died before sending, once that process's claim runs out", async () => {
    const [application] = await colleague.application.mine();
    await colleague.application.act({ applicationId: application!.id, action: "withdraw" });
    const sent: Mail[] = [];
    const recording = { send: async (mail: Mail) => void sent.push(mail) };
    // A process writes the notification and takes its e-mail, then dies before sending it.
    const now = new Date(Date.now() + 7_200_000);
    await dispatchEvents(db, { now });
    expect(await leaseDue(db, "notification.mail", now, 10, 600_000)).toHaveLength(1);
    await processOutbox(db, recording, { now });
    expect(sent).toEqual([]);
    await processOutbox(db, recording, { now: new Date(now.getTime() + 600_000) });
    expect(sent.map((mail) => mail.to)).toEqual([team.hiringManager.email]);
  });

  it("takes an event written a moment before by a clock that reads milliseconds only", async () => {
    await colleague.profile.update({ tagline: "CS × QA" });
    // The caller's clock behind the database's, as it reads within the millisecond (ms against µs).
    expect(await dispatchEvents(db, { now: new Date(Date.now() - 1_000) })).toBeGreaterThan(0);
    expect(await db.select().from(outbox).where(and(isNull(outbox.processedAt), eq(outbox.type, "profile.changed")))).toEqual([]);
  });

  it("tells HR once that a move is ready to finalize, even when the release's event is delivered after the offer was made", async () => {
    const hr = callerAs(db, cast, "hr");
    await manager.application.act({ applicationId, action: "release_approve" });
    await team.hiring.application.act({ applicationId, action: "offer" });
    // Both events in one delivery: by then the application is released and offered alike.
    await deliver();
    expect((await hr.notification.list()).filter((item) => item.kind === "readyToFinalize")).toHaveLength(1);
  });
});
