import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { createDepartment, createPerson } from "../../db/factories";
import { applications, approvalSteps, auditLog, notifications, opportunities, people, sessions, users } from "../../db/schema";
import type { ConfidentialityPolicy } from "../../db/vocabulary";
import { actorForPerson, actorForSessionToken } from "../../server/auth/actor";
import type { Mail } from "../../server/services/notifications/mailer";
import { dispatchEvents, processOutbox } from "../../server/services/outbox/dispatcher";
import { changeManager, deactivatePerson, reactivatePerson } from "../../server/services/people/organisation";
import { resolveReleasingManager } from "../../server/services/people/releasing-manager";
import { updateSettings } from "../../server/services/settings/settings.service";
import { createContextInner } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { createCast } from "../setup/cast";
import { createReceivingTeam } from "../setup/mobility";
import { followOrganisation } from "../../server/services/workflow/workflow.jobs";
import { createTestDatabase } from "../setup/test-database";

/** A tRPC caller for any active person, through every middleware and policy. */
async function callerFor(db: Database, personId: number) {
  const actor = await actorForPerson(db, personId);
  if (!actor) throw new Error(`person ${personId} is not active`);
  return createCaller(createContextInner({ db, actor }));
}

describe("the releasing manager follows the organisation", async () => {
  const { db, engine } = await createTestDatabase();
  const cast = await createCast(db);
  const receiving = await createReceivingTeam(db, cast);
  const hrId = cast.persons.hr.id;
  const sent: Mail[] = [];
  const deliver = () => processOutbox(db, { send: async (mail) => void sent.push(mail) }, { baseUrl: "http://localhost:3000" });
  const mailsTo = (person: { email: string }) => sent.filter((mail) => mail.to === person.email);

  /** A line of four: head → director → manager → employee, plus a peer manager under the director. */
  async function line() {
    const department = await createDepartment(db);
    const head = await createPerson(db, { departmentId: department.id, level: 4 });
    const director = await createPerson(db, { departmentId: department.id, level: 4, managerId: head.id });
    const manager = await createPerson(db, { departmentId: department.id, level: 3, managerId: director.id });
    const peer = await createPerson(db, { departmentId: department.id, level: 3, managerId: director.id });
    const employee = await createPerson(db, { departmentId: department.id, managerId: manager.id });
    return { head, director, manager, peer, employee };
  }

  async function applyAs(personId: number, confidentiality: ConfidentialityPolicy, opportunityId = receiving.opportunityId) {
    await updateSettings(db, cast.actors.hr, { confidentialityPolicy: confidentiality });
    const { applicationId } = await (await callerFor(db, personId)).application.submit({ opportunityId, motivation: "QA に挑戦したい" });
    return applicationId;
  }

  const releaseStep = async (applicationId: number) =>
    (await db.select().from(approvalSteps).where(and(eq(approvalSteps.applicationId, applicationId), eq(approvalSteps.step, "manager_release"))))[0];
  const inboxOf = async (personId: number) => (await (await callerFor(db, personId)).application.inbox()).map((item) => item.id);

  it(`asks the manager the organisation names at disclosure, not the one on record when the person applied (${engine})`, async () => {
    const { manager, peer, employee } = await line();
    const applicationId = await applyAs(employee.id, "until_offer");
    // An HR import moves the person to another manager, outside this service.
    await db.update(people).set({ managerId: peer.id }).where(eq(people.id, employee.id));
    await receiving.hiring.application.act({ applicationId, action: "shortlist" });
    await receiving.hiring.application.act({ applicationId, action: "offer" });
    expect(await inboxOf(peer.id)).toEqual([applicationId]);
    expect(await inboxOf(manager.id)).toEqual([]);
    expect((await releaseStep(applicationId))?.approverId).toBe(peer.id);
    await deliver();
    expect(mailsTo(peer)).toHaveLength(1);
    expect(mailsTo(manager)).toEqual([]);
  });

  it("moves a waiting release to the new manager with a fresh deadline, tells them, and leaves the former manager nothing", async () => {
    const { manager, peer, employee } = await line();
    const applicationId = await applyAs(employee.id, "manager_first");
    await deliver();
    expect(mailsTo(manager)).toHaveLength(1);
    // The former manager let it run late: it was escalated to HR.
    await db.update(approvalSteps).set({ dueAt: new Date(Date.now() - 86_400_000), escalatedAt: new Date() }).where(eq(approvalSteps.applicationId, applicationId));

    const change = await changeManager(db, { personId: employee.id, managerId: peer.id, actorId: hrId });
    expect(change.reassignedApplicationIds).toEqual([applicationId]);
    expect(await inboxOf(manager.id)).toEqual([]);
    await expect((await callerFor(db, manager.id)).application.act({ applicationId, action: "release_approve" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await inboxOf(peer.id)).toEqual([applicationId]);
    const step = await releaseStep(applicationId);
    expect(step).toMatchObject({ approverId: peer.id, escalatedAt: null, decidedAt: null });
    expect(step!.dueAt!.getTime()).toBeGreaterThan(Date.now());
    const audit = await db.select({ action: auditLog.action, data: auditLog.data }).from(auditLog).where(eq(auditLog.entityId, String(applicationId)));
    expect(audit).toContainEqual({ action: "application.manager_changed", data: { from: manager.id, to: peer.id, cause: "manager_changed" } });
    const personAudit = await db.select({ data: auditLog.data }).from(auditLog).where(and(eq(auditLog.action, "person.manager_changed"), eq(auditLog.entityId, String(employee.id))));
    expect(personAudit).toEqual([{ data: { from: manager.id, to: peer.id } }]);

    await deliver();
    expect((await (await callerFor(db, peer.id)).notification.list()).map((item) => item.kind)).toEqual(["releaseRequested"]);
    expect(mailsTo(peer)).toHaveLength(1);
    await (await callerFor(db, peer.id)).application.act({ applicationId, action: "release_approve" });
    await (await callerFor(db, employee.id)).application.act({ applicationId, action: "withdraw" });
    await deliver();
    // The former manager heard nothing after the change, in the app or by e-mail.
    expect((await (await callerFor(db, manager.id)).notification.list()).map((item) => item.kind)).toEqual(["releaseRequested"]);
    expect(mailsTo(manager)).toHaveLength(1);
  });

  /** Another open transfer posting of the receiving team. */
  async function anotherPosting(title: string) {
    const { id } = await receiving.hiring.opportunity.create({ kind: "transfer", title, departmentId: receiving.department.id, roleId: receiving.role.id });
    await receiving.hiring.opportunity.setStatus({ opportunityId: id, status: "open" });
    return id;
  }

  it("tells a new manager of a disclosed move they have nothing left to release on", async () => {
    const { manager, peer, employee } = await line();
    const applicationId = await applyAs(employee.id, "manager_first");
    await (await callerFor(db, manager.id)).application.act({ applicationId, action: "release_approve" });
    await changeManager(db, { personId: employee.id, managerId: peer.id, actorId: hrId });
    await deliver();
    expect((await (await callerFor(db, peer.id)).notification.list()).map((item) => item.kind)).toEqual(["managerChanged"]);
    expect(mailsTo(peer)).toHaveLength(1);
    expect(await inboxOf(peer.id)).toEqual([]);
    // The move is now theirs to hear about: the finalize goes to them, not to the former manager.
    await receiving.hiring.application.act({ applicationId, action: "shortlist" });
    await receiving.hiring.application.act({ applicationId, action: "offer" });
    await (await callerFor(db, hrId)).application.act({ applicationId, action: "finalize", effectiveOn: "2099-04-01" });
    await deliver();
    expect((await (await callerFor(db, peer.id)).notification.list()).map((item) => item.kind)).toEqual(["finalized", "managerChanged"]);
    // Events still undelivered at the hand-over (the application, the release) reach neither the
    // former manager, who no longer is one, nor the new one, who was not yet one.
    expect(await (await callerFor(db, manager.id)).notification.list()).toEqual([]);
  });

  it("the schedule catches org-chart changes made outside the organisation service", async () => {
    const { head, director, manager, peer, employee } = await line();
    const employeeApplication = await applyAs(employee.id, "manager_first");
    const peerApplication = await applyAs(peer.id, "manager_first", await anotherPosting("テスト自動化の担当"));
    // An HR import: the employee now reports to the peer, and the director has left.
    await db.update(people).set({ managerId: peer.id }).where(eq(people.id, employee.id));
    await db.update(people).set({ active: false }).where(eq(people.id, director.id));
    expect(await followOrganisation(db)).toBe(2);
    expect((await releaseStep(employeeApplication))?.approverId).toBe(peer.id);
    expect((await releaseStep(peerApplication))?.approverId).toBe(head.id);
    expect(await inboxOf(manager.id)).toEqual([]);
    // Nothing left to follow: a second run changes nothing.
    expect(await followOrganisation(db)).toBe(0);
  });

  it("names nobody when the chain above holds only deactivated people, even where bad data loops it", async () => {
    const { director, manager, employee } = await line();
    await db.update(people).set({ active: false }).where(eq(people.id, manager.id));
    await db.update(people).set({ active: false, managerId: manager.id }).where(eq(people.id, director.id));
    expect(await resolveReleasingManager(db, employee.id)).toBeNull();
    // Nor the person themself, when the loop runs through them.
    await db.update(people).set({ managerId: employee.id }).where(eq(people.id, director.id));
    expect(await resolveReleasingManager(db, employee.id)).toBeNull();
  });

  it("refuses a manager who is the person, deactivated, or below the person", async () => {
    const { manager, employee } = await line();
    await expect(changeManager(db, { personId: manager.id, managerId: manager.id, actorId: hrId })).rejects.toMatchObject({ messageKey: "managerIsSelf" });
    await expect(changeManager(db, { personId: manager.id, managerId: employee.id, actorId: hrId })).rejects.toMatchObject({ messageKey: "managerLoop" });
    const leaver = await createPerson(db, { active: false });
    await expect(changeManager(db, { personId: employee.id, managerId: leaver.id, actorId: hrId })).rejects.toMatchObject({ messageKey: "managerNotActive" });
    const [unchanged] = await db.select({ managerId: people.managerId }).from(people).where(eq(people.id, employee.id));
    expect(unchanged?.managerId).toBe(manager.id);
  });

  it("skips deactivated managers up the chain, ends the leaver's sessions, and gives the releases back on return", async () => {
    const { head, director, manager, employee } = await line();
    const applicationId = await applyAs(employee.id, "manager_first");
    const [user] = await db.insert(users).values({ email: `leaver-${manager.id}@kakezan.example` }).returning();
    await db.update(people).set({ userId: user!.id }).where(eq(people.id, manager.id));
    await db.insert(sessions).values({ sessionToken: `token-${manager.id}`, userId: user!.id, expires: new Date(Date.now() + 86_400_000) });

    await deactivatePerson(db, { personId: director.id, actorId: hrId, reason: "退職" });
    // The employee's manager is still active: nothing moves.
    expect(await inboxOf(manager.id)).toEqual([applicationId]);
    const left = await deactivatePerson(db, { personId: manager.id, actorId: hrId, reason: "退職" });
    expect(left).toMatchObject({ reassignedApplicationIds: [applicationId], endedSessions: 1 });
    expect(await db.select().from(sessions).where(eq(sessions.userId, user!.id))).toEqual([]);
    expect(await actorForSessionToken(db, `token-${manager.id}`)).toBeNull();
    expect((await releaseStep(applicationId))?.approverId).toBe(head.id);
    expect(await inboxOf(head.id)).toEqual([applicationId]);

    await reactivatePerson(db, { personId: manager.id, actorId: hrId });
    expect(await inboxOf(manager.id)).toEqual([applicationId]);
    expect(await inboxOf(head.id)).toEqual([]);
    await (await callerFor(db, manager.id)).application.act({ applicationId, action: "release_approve" });
    const [application] = await db.select({ releaseStatus: applications.releaseStatus }).from(applications).where(eq(applications.id, applicationId));
    expect(application?.releaseStatus).toBe("approved");
    await reactivatePerson(db, { personId: director.id, actorId: hrId });
  });

  it("with no active manager left above, hands the release to HR as an escalation until someone is named", async () => {
    const department = await createDepartment(db);
    const manager = await createPerson(db, { departmentId: department.id, level: 3 });
    const employee = await createPerson(db, { departmentId: department.id, managerId: manager.id });
    const named = await createPerson(db, { departmentId: department.id, level: 3 });
    const applicationId = await applyAs(employee.id, "manager_first");
    await deactivatePerson(db, { personId: manager.id, actorId: hrId, reason: "休職" });
    expect(await releaseStep(applicationId)).toMatchObject({ approverId: null, decidedAt: null, escalatedAt: expect.any(Date) });
    const hr = await callerFor(db, hrId);
    expect((await hr.application.hrQueue()).filter((item) => item.id === applicationId).map((item) => item.queue)).toEqual(["escalation"]);

    await changeManager(db, { personId: employee.id, managerId: named.id, actorId: hrId });
    expect(await inboxOf(named.id)).toEqual([applicationId]);
    expect((await hr.application.hrQueue()).map((item) => item.id)).not.toContain(applicationId);
  });

  it("closes a leaver's own live applications with the reason through the workflow, and tells both managers", async () => {
    const { manager, employee } = await line();
    // One application already ended; the other is live.
    const declined = await applyAs(employee.id, "manager_first");
    await receiving.hiring.application.act({ applicationId: declined, action: "decline", reason: "今回は見送り" });
    const second = await applyAs(employee.id, "manager_first", await anotherPosting("品質改善の担当"));
    await deliver();
    const managerKinds = async () => (await (await callerFor(db, manager.id)).notification.list()).map((item) => item.kind);
    expect(await managerKinds()).toEqual(["releaseRequested", "releaseRequested"]);

    const withdrawalsTold = async () => (await receiving.hiring.notification.list()).filter((item) => item.kind === "withdrawn").length;
    const toldBefore = await withdrawalsTold();
    const result = await deactivatePerson(db, { personId: employee.id, actorId: hrId, reason: "退職のため" });
    expect(result.withdrawnApplicationIds).toEqual([second]);
    const [closed] = await db.select().from(applications).where(eq(applications.id, second));
    expect(closed).toMatchObject({ status: "withdrawn", decisionReason: "退職のため" });
    const open = await db.select().from(approvalSteps).where(and(eq(approvalSteps.applicationId, second)));
    expect(open.every((step) => step.decision === "withdrawn" && step.decidedAt !== null)).toBe(true);
    const audit = await db.select({ action: auditLog.action, data: auditLog.data }).from(auditLog).where(eq(auditLog.entityId, String(second)));
    expect(audit.map((row) => row.action)).toContain("application.withdraw_on_leave");

    await deliver();
    expect(await managerKinds()).toEqual(["withdrawn", "releaseRequested", "releaseRequested"]);
    expect(await withdrawalsTold()).toBe(toldBefore + 1);
  });

  it("sends no notification or e-mail to a person deactivated after the event", async () => {
    const { employee } = await line();
    const applicationId = await applyAs(employee.id, "until_offer");
    await deliver();
    await receiving.hiring.application.act({ applicationId, action: "shortlist" });
    // The shortlist's notification is written but its e-mail not yet sent when the person leaves.
    await dispatchEvents(db);
    await db.update(people).set({ active: false }).where(eq(people.id, employee.id));
    await receiving.hiring.application.act({ applicationId, action: "offer" });
    await deliver();
    expect(mailsTo(employee)).toEqual([]);
    expect((await db.select().from(notifications).where(eq(notifications.personId, employee.id))).map((row) => row.kind)).toEqual(["shortlisted"]);
  });

  it("hands a leaving hiring manager's postings and open hiring decisions to their own manager", async () => {
    const boss = await createPerson(db, { departmentId: receiving.department.id, level: 4 });
    const team = await createReceivingTeam(db, cast);
    await db.update(people).set({ managerId: boss.id }).where(eq(people.id, team.hiringManager.id));
    const { employee } = await line();
    const applicationId = await applyAs(employee.id, "until_offer", team.opportunityId);

    const result = await deactivatePerson(db, { personId: team.hiringManager.id, actorId: hrId, reason: "退職" });
    expect(result.handedOverOpportunityIds).toEqual([team.opportunityId]);
    const [posting] = await db.select({ ownerId: opportunities.ownerId }).from(opportunities).where(eq(opportunities.id, team.opportunityId));
    expect(posting?.ownerId).toBe(boss.id);
    const [decision] = await db.select().from(approvalSteps).where(and(eq(approvalSteps.applicationId, applicationId), eq(approvalSteps.step, "hiring_decision")));
    expect(decision?.approverId).toBe(boss.id);
    const bossCaller = await callerFor(db, boss.id);
    expect((await bossCaller.application.pipeline({ opportunityId: team.opportunityId })).map((item) => item.id)).toEqual([applicationId]);
    await bossCaller.application.act({ applicationId, action: "shortlist" });
  });
});

describe("HR staff who manage the applicant see it only as a manager would until disclosure", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const receiving = await createReceivingTeam(db, cast);
  const department = await createDepartment(db);
  const hrManager = await createPerson(db, { departmentId: department.id, level: 4, isHr: true });
  const lead = await createPerson(db, { departmentId: department.id, level: 3, managerId: hrManager.id });
  const report = await createPerson(db, { departmentId: department.id, managerId: hrManager.id });
  const twoBelow = await createPerson(db, { departmentId: department.id, managerId: lead.id });
  const hrManagerCaller = await callerFor(db, hrManager.id);
  const hr = await callerFor(db, cast.persons.hr.id);

  await updateSettings(db, cast.actors.hr, { confidentialityPolicy: "until_offer" });
  const direct = (await (await callerFor(db, report.id)).application.submit({ opportunityId: receiving.opportunityId, motivation: "QA に挑戦したい" })).applicationId;
  const skipLevel = (await (await callerFor(db, twoBelow.id)).application.submit({ opportunityId: receiving.opportunityId, motivation: "QA を学びたい" })).applicationId;

  it("the hiring pipeline hides their reports' undisclosed applications from them, not from other HR", async () => {
    const seenBy = async (caller: typeof hr) => (await caller.application.pipeline({ opportunityId: receiving.opportunityId })).map((item) => item.id);
    expect(await seenBy(hrManagerCaller)).toEqual([]);
    expect(await seenBy(hr)).toEqual([direct, skipLevel]);
    expect(await hrManagerCaller.application.inbox()).toEqual([]);
    // Disclosed at the offer: the direct report's application now shows, to them as current manager too.
    await receiving.hiring.application.act({ applicationId: direct, action: "shortlist" });
    await receiving.hiring.application.act({ applicationId: direct, action: "offer" });
    expect(await seenBy(hrManagerCaller)).toEqual([direct]);
    expect((await hrManagerCaller.application.inbox()).map((item) => item.id)).toEqual([direct]);
  });

  it("acting on an undisclosed application of their report finds nothing", async () => {
    await expect(hrManagerCaller.application.act({ applicationId: skipLevel, action: "hr_uphold", reason: "確認" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(hr.application.act({ applicationId: skipLevel, action: "hr_uphold", reason: "確認" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("HR's queue leaves out a report's move that was never disclosed to them", async () => {
    // Applied with nobody to release them (no disclosure, no release step), then given a manager.
    const newcomer = await createPerson(db, { departmentId: department.id });
    await updateSettings(db, cast.actors.hr, { confidentialityPolicy: "manager_first" });
    const { applicationId } = await (await callerFor(db, newcomer.id)).application.submit({ opportunityId: receiving.opportunityId, motivation: "挑戦したい" });
    await changeManager(db, { personId: newcomer.id, managerId: hrManager.id, actorId: cast.persons.admin.id });
    await receiving.hiring.application.act({ applicationId, action: "shortlist" });
    await receiving.hiring.application.act({ applicationId, action: "offer" });
    expect((await hr.application.hrQueue()).map((item) => [item.id, item.queue])).toContainEqual([applicationId, "finalize"]);
    expect((await hrManagerCaller.application.hrQueue()).map((item) => item.id)).not.toContain(applicationId);
    await expect(hrManagerCaller.application.act({ applicationId, action: "finalize", effectiveOn: "2099-04-01" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
