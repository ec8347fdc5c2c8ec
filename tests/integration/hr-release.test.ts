import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { createDepartment, createPerson } from "../../db/factories";
import { applications, approvalSteps, auditLog, notifications } from "../../db/schema";
import { actorForPerson } from "../../server/auth/actor";
import { dispatchEvents } from "../../server/services/outbox/dispatcher";
import { deactivatePerson } from "../../server/services/people/organisation";
import { updateSettings } from "../../server/services/settings/settings.service";
import { japanDate } from "../../server/services/workflow/business-days";
import { escalateOverdueReleases } from "../../server/services/workflow/workflow.jobs";
import { createContextInner } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { callerAs, createCast } from "../setup/cast";
import { createReceivingTeam } from "../setup/mobility";
import { createTestDatabase } from "../setup/test-database";

const inDays = (days: number) => japanDate(new Date(Date.now() + days * 86_400_000));

/** A tRPC caller for any active person, through every middleware and policy. */
async function callerFor(db: Database, personId: number) {
  const actor = await actorForPerson(db, personId);
  if (!actor) throw new Error(`person ${personId} is not active`);
  return createCaller(createContextInner({ db, actor }));
}
type Caller = Awaited<ReturnType<typeof callerFor>>;

/*
 * HR releases in the manager's place once a release has gone to them — left past its deadline (the
 * escalation job) or with nobody left to ask — so a move never waits forever on a manager who does
 * not answer or is gone.
 */
describe("HR releasing in the manager's place", async () => {
  const { db, engine } = await createTestDatabase();
  const cast = await createCast(db);
  const team = await createReceivingTeam(db, cast, { confidentiality: "until_offer" });
  const hr = callerAs(db, cast, "hr");
  const manager = callerAs(db, cast, "manager");

  const offered = async (applicant: Caller) => {
    const { applicationId } = await applicant.application.submit({ opportunityId: team.opportunityId, motivation: "挑戦したい" });
    await team.hiring.application.act({ applicationId, action: "shortlist" });
    await team.hiring.application.act({ applicationId, action: "offer" });
    return applicationId;
  };
  /** The manager lets the deadline pass; the escalation job hands the release to HR. */
  const overdue = async (applicationId: number) => {
    await db
      .update(approvalSteps)
      .set({ dueAt: new Date(Date.now() - 86_400_000) })
      .where(and(eq(approvalSteps.applicationId, applicationId), eq(approvalSteps.step, "manager_release")));
    expect(await escalateOverdueReleases(db)).toBe(1);
  };
  const releaseStep = async (applicationId: number) =>
    (await db.select().from(approvalSteps).where(and(eq(approvalSteps.applicationId, applicationId), eq(approvalSteps.step, "manager_release"))))[0];
  /** What a person has heard of a release decided in the manager's place, and of a move ready to finalize, once the events are delivered. */
  const releaseNewsFor = async (personId: number) => {
    await dispatchEvents(db);
    const rows = await db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.personId, personId)).orderBy(asc(notifications.id));
    return rows.map((row) => row.kind).filter((kind) => kind === "releasedByHr" || kind === "readyToFinalize");
  };
  const queued = async (caller: Caller, applicationId: number) => (await caller.application.hrQueue()).filter((item) => item.id === applicationId);

  it(`an overdue release: HR releases with a reason, the manager and the applicant hear of it, and HR finalizes (${engine})`, async () => {
    const employee = await callerFor(db, cast.persons.employee.id);
    const applicationId = await offered(employee);
    // Before the escalation the release is the manager's alone.
    expect(await queued(hr, applicationId)).toEqual([]);
    await expect(hr.application.act({ applicationId, action: "hr_release", reason: "期限を過ぎたため" })).rejects.toMatchObject({ code: "CONFLICT" });

    await overdue(applicationId);
    const [escalation] = await queued(hr, applicationId);
    expect(escalation).toMatchObject({ queue: "escalation", allowedActions: [{ action: "hr_release", needsReason: true }] });
    // Deciding in the manager's place is justified in the audit trail: no reason, no release.
    await expect(hr.application.act({ applicationId, action: "hr_release" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { messageKey: "reasonRequired" } });
    expect((await releaseStep(applicationId))?.decidedAt).toBeNull();

    const result = await hr.application.act({ applicationId, action: "hr_release", reason: "上長の判断が期限を過ぎたため" });
    expect(result).toMatchObject({ releaseStatus: "overridden", status: "active", replayed: false });
    expect(await releaseStep(applicationId)).toMatchObject({ decision: "overridden", reason: "上長の判断が期限を過ぎたため", decidedById: cast.persons.hr.id });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, String(applicationId)), eq(auditLog.action, "application.hr_release")));
    expect(audit).toMatchObject({ actorId: cast.persons.hr.id, data: { reason: "上長の判断が期限を過ぎたため", to: { releaseStatus: "overridden", releaseEscalated: false } } });
    // A retry answers with the current state; the manager's own decision comes too late.
    expect(await hr.application.act({ applicationId, action: "hr_release", reason: "再送" })).toMatchObject({ replayed: true });
    await expect(manager.application.act({ applicationId, action: "release_approve" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await manager.application.inbox()).toEqual([]);

    expect(await releaseNewsFor(cast.persons.employee.id)).toEqual(["releasedByHr"]);
    expect(await releaseNewsFor(cast.persons.manager.id)).toEqual(["releasedByHr"]);
    expect(await releaseNewsFor(cast.persons.hr.id)).toEqual(["readyToFinalize"]);
    const [mine] = (await employee.application.mine()).filter((item) => item.id === applicationId);
    expect(mine?.steps.find((step) => step.step === "manager_release")).toMatchObject({ decision: "overridden", reason: "上長の判断が期限を過ぎたため" });

    // The hiring goes on as after the manager's approval: the move waits for HR's finalization.
    expect(await queued(hr, applicationId)).toMatchObject([{ queue: "finalize", allowedActions: [{ action: "finalize" }] }]);
    await hr.application.act({ applicationId, action: "finalize", effectiveOn: inDays(30) });
    const [finalized] = await db.select({ status: applications.status }).from(applications).where(eq(applications.id, applicationId));
    expect(finalized?.status).toBe("finalized");
  });

  it("is not HR's to take for HR staff in the applicant's line, nor for an HR applicant on their own move", async () => {
    const hrDirector = await createPerson(db, { departmentId: cast.departments.people.id, isHr: true, level: 4 });
    const hrManager = await createPerson(db, { departmentId: cast.departments.people.id, isHr: true, level: 3, managerId: hrDirector.id });
    const report = await createPerson(db, { departmentId: cast.departments.people.id, managerId: hrManager.id });
    const applicationId = await offered(await callerFor(db, report.id));
    await overdue(applicationId);
    // Their own line's move: another HR person's queue, and no HR step for them.
    for (const inLine of [hrManager.id, hrDirector.id]) {
      const caller = await callerFor(db, inLine);
      expect(await queued(caller, applicationId)).toEqual([]);
      await expect(caller.application.act({ applicationId, action: "hr_release", reason: "代わりに送り出す" })).rejects.toMatchObject({
        code: inLine === hrManager.id ? "FORBIDDEN" : "NOT_FOUND",
      });
    }
    expect(await queued(hr, applicationId)).toHaveLength(1);

    const hrApplicant = await createPerson(db, { departmentId: cast.departments.people.id, isHr: true, managerId: cast.persons.manager.id });
    const self = await callerFor(db, hrApplicant.id);
    const own = await offered(self);
    await overdue(own);
    await expect(self.application.act({ applicationId: own, action: "hr_release", reason: "自分で送り出す" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await releaseStep(applicationId))?.decidedAt).toBeNull();
    expect((await releaseStep(own))?.decidedAt).toBeNull();
  });

  it("nobody left above the applicant: the release goes to HR, who releases, and the hiring manager may go on", async () => {
    await updateSettings(db, cast.actors.hr, { confidentialityPolicy: "manager_first" });
    const department = await createDepartment(db);
    const soleManager = await createPerson(db, { departmentId: department.id, level: 3 });
    const person = await createPerson(db, { departmentId: department.id, managerId: soleManager.id });
    const applicant = await callerFor(db, person.id);
    const { applicationId } = await applicant.application.submit({ opportunityId: team.opportunityId, motivation: "挑戦したい" });
    // Under "manager first" the hiring manager waits for the release.
    await expect(team.hiring.application.act({ applicationId, action: "shortlist" })).rejects.toMatchObject({ code: "CONFLICT" });
    await deactivatePerson(db, { personId: soleManager.id, actorId: cast.persons.hr.id, reason: "退職" });
    expect(await releaseStep(applicationId)).toMatchObject({ approverId: null, decidedAt: null, escalatedAt: expect.any(Date) });
    expect(await queued(hr, applicationId)).toMatchObject([{ queue: "escalation", allowedActions: [{ action: "hr_release", needsReason: true }] }]);

    await hr.application.act({ applicationId, action: "hr_release", reason: "判断する上長がいないため" });
    expect(await releaseStep(applicationId)).toMatchObject({ decision: "overridden", decidedById: cast.persons.hr.id });
    expect(await releaseNewsFor(person.id)).toEqual(["releasedByHr"]);
    expect(await queued(hr, applicationId)).toEqual([]);
    await team.hiring.application.act({ applicationId, action: "shortlist" });
    await updateSettings(db, cast.actors.hr, { confidentialityPolicy: "until_offer" });
  });
});
