import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { notifications, outbox } from "../../db/schema";
import { createMailer } from "../../server/services/notifications/mailer";
import { processOutbox } from "../../server/services/notifications/notification.service";
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
    // Pretend a worker crashed after delivering but before marking: everything is delivered again.
    await db.update(outbox).set({ processedAt: null });
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
});
