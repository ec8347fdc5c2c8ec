import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { applications, auditLog, moves, outbox, people } from "../../db/schema";
import { japanDate } from "../../server/services/workflow/business-days";
import { applyDueMoves, escalateOverdueReleases } from "../../server/services/workflow/workflow.jobs";
import { callerAs, createCast } from "../setup/cast";
import { createReceivingTeam } from "../setup/mobility";
import { createTestDatabase } from "../setup/test-database";

/** Dates relative to today in Japan, so the tests never fall into the past. */
const inDays = (days: number) => japanDate(new Date(Date.now() + days * 86_400_000));
/** Midnight in Japan on a date: the moment the effective-date job first sees it as "today". */
const dayAt = (isoDate: string) => new Date(`${isoDate}T00:00:00+09:00`);

const snapshot = async (db: Awaited<ReturnType<typeof createTestDatabase>>["db"], applicationId: number) => ({
  application: (await db.select().from(applications).where(eq(applications.id, applicationId)))[0],
  audit: (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where entity_type = 'application'`))[0]?.n,
  outbox: (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from outbox`))[0]?.n,
  steps: await queryRows(db, sql`select step, decided_at, decision from approval_steps where application_id = ${applicationId} order by id`),
});

describe("the application workflow", async () => {
  const { db, engine } = await createTestDatabase();
  const cast = await createCast(db);
  const team = await createReceivingTeam(db, cast, { confidentiality: "until_offer" });
  const employee = callerAs(db, cast, "employee");
  const manager = callerAs(db, cast, "manager");
  const hr = callerAs(db, cast, "hr");

  it(`runs from application to the move (${engine})`, async () => {
    const applied = await employee.application.submit({ opportunityId: team.opportunityId, motivation: "CSで見た不具合の傾向をQAに活かしたい" });
    // until_offer: the current manager knows nothing yet.
    expect(await manager.application.inbox()).toEqual([]);
    await team.hiring.application.act({ applicationId: applied.applicationId, action: "shortlist" });
    await team.hiring.application.act({ applicationId: applied.applicationId, action: "offer" });
    const [due] = await manager.application.inbox();
    expect(due?.id).toBe(applied.applicationId);
    expect(due?.dueAt).toBeInstanceOf(Date);
    await manager.application.act({ applicationId: applied.applicationId, action: "release_approve" });
    const [toFinalize] = await hr.application.hrQueue();
    expect(toFinalize).toMatchObject({ id: applied.applicationId, queue: "finalize", allowedActions: [{ action: "finalize", needsReason: false }] });
    const effectiveOn = inDays(10);
    await hr.application.act({ applicationId: applied.applicationId, action: "finalize", effectiveOn });

    // 内示: nothing changes before the effective date…
    expect(await applyDueMoves(db, dayAt(inDays(9)))).toBe(0);
    // …and on it the person's department, role and manager change, and the ledger has the move.
    expect(await applyDueMoves(db, dayAt(effectiveOn))).toBe(1);
    expect(await applyDueMoves(db, dayAt(inDays(11)))).toBe(0);
    const [moved] = await db.select().from(people).where(eq(people.id, cast.persons.employee.id));
    expect(moved).toMatchObject({ departmentId: team.department.id, roleId: team.role.id, managerId: team.hiringManager.id });
    const ledger = await db.select().from(moves).where(eq(moves.personId, cast.persons.employee.id));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ fromManagerId: cast.persons.manager.id, toManagerId: team.hiringManager.id, effectiveOn });
    // The old manager no longer sees the person as a report.
    const { actorForPerson } = await import("../../server/auth/actor");
    const oldManager = (await actorForPerson(db, cast.persons.manager.id))!;
    const { getMyTeam } = await import("../../server/services/team/team.queries");
    expect((await getMyTeam(db, oldManager)).map((member) => member.id)).not.toContain(cast.persons.employee.id);
    const [mine] = await employee.application.mine();
    expect(mine?.status).toBe("completed");
    expect(mine?.steps.map((step) => [step.step, step.decision])).toEqual([
      ["hiring_decision", "offer"],
      ["manager_release", "approved"],
      ["hr_finalize", "finalized"],
    ]);
    // Restore the org chart for the tests below.
    await db.update(people).set({ departmentId: cast.departments.team.id, managerId: cast.persons.manager.id }).where(eq(people.id, cast.persons.employee.id));
  });

  it("records a project as a participation, and its owner endorses the skills used once it has ended", async () => {
    const { createSkill } = await import("../../db/factories");
    const analysis = await createSkill(db, { nameJa: "VOC分析", nameEn: "VOC analysis" });
    const { id } = await team.hiring.opportunity.create({
      kind: "project",
      title: "VOC分析プロジェクト",
      departmentId: team.department.id,
      timePercent: 20,
      startOn: inDays(40),
      endOn: inDays(130),
      skills: [{ skillId: analysis.id, kind: "grows", level: 2 }],
    });
    await team.hiring.opportunity.setStatus({ opportunityId: id, status: "open" });
    const colleague = callerAs(db, cast, "colleague");
    const { applicationId } = await colleague.application.submit({ opportunityId: id, motivation: "兼務で挑戦したい" });
    await team.hiring.application.act({ applicationId, action: "shortlist" });
    await team.hiring.application.act({ applicationId, action: "offer" });
    await manager.application.act({ applicationId, action: "release_approve" });
    await hr.application.act({ applicationId, action: "finalize", effectiveOn: inDays(40) });
    expect(await applyDueMoves(db, dayAt(inDays(40)))).toBe(1);
    // A project changes no post: the colleague stays in their team.
    const [stayed] = await db.select().from(people).where(eq(people.id, cast.persons.colleague.id));
    expect(stayed?.departmentId).toBe(cast.departments.team.id);
    const { endorseParticipation, participationsToEndorse } = await import("../../server/services/participations/participation.service");
    const { participations } = await import("../../db/schema");
    const [participation] = await db.select().from(participations).where(eq(participations.applicationId, applicationId));
    expect(participation).toMatchObject({ timePercent: 20, startOn: inDays(40), endOn: inDays(130) });
    await expect(
      endorseParticipation(db, team.hiringActor, { participationId: participation!.id, skills: [{ skillId: analysis.id, level: 2 }] }, dayAt(inDays(60))),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "participationNotEnded" });
    const after = dayAt(inDays(131));
    const waiting = await participationsToEndorse(db, team.hiringActor, after);
    expect(waiting.map((item) => item.participationId)).toEqual([participation!.id]);
    expect(waiting[0]?.suggestedSkills.map((skill) => skill.skillId)).toEqual([analysis.id]);
    await endorseParticipation(db, team.hiringActor, { participationId: participation!.id, skills: [{ skillId: analysis.id, level: 2 }], note: "分析レポートを3本作成" }, after);
    const profile = await colleague.me.profile();
    expect(profile.skills.find((skill) => skill.skillId === analysis.id)).toMatchObject({ level: 2, verifiedBy: team.hiringManager.romanizedName });
    await expect(
      endorseParticipation(db, team.hiringActor, { participationId: participation!.id, skills: [{ skillId: analysis.id, level: 3 }] }, after),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a second live application to the same posting", async () => {
    const colleague = callerAs(db, cast, "colleague");
    await colleague.application.submit({ opportunityId: team.opportunityId, motivation: "挑戦したい" });
    await expect(colleague.application.submit({ opportunityId: team.opportunityId, motivation: "もう一度" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("replays a retried apply with the same idempotency key", async () => {
    const { id: other } = await team.hiring.opportunity.create({ kind: "project", title: "VOC分析プロジェクト", departmentId: team.department.id, timePercent: 20 });
    await team.hiring.opportunity.setStatus({ opportunityId: other, status: "open" });
    const first = await employee.application.submit({ opportunityId: other, motivation: "兼務で参加したい", idempotencyKey: "apply-voc-0001" });
    const again = await employee.application.submit({ opportunityId: other, motivation: "兼務で参加したい", idempotencyKey: "apply-voc-0001" });
    expect(again).toMatchObject({ applicationId: first.applicationId, replayed: true });
    expect(first.replayed).toBe(false);
  });

  it("lets nobody act on a withdrawn application, and changes nothing when refused", async () => {
    const { id: other } = await team.hiring.opportunity.create({ kind: "casual_interview", title: "QAチームとカジュアル面談", departmentId: team.department.id });
    await team.hiring.opportunity.setStatus({ opportunityId: other, status: "open" });
    const { applicationId } = await employee.application.submit({ opportunityId: other, motivation: "話を聞きたい" });
    await employee.application.act({ applicationId, action: "withdraw" });
    const before = await snapshot(db, applicationId);
    for (const [caller, action] of [
      [team.hiring, "shortlist"],
      [team.hiring, "decline"],
      [hr, "finalize"],
    ] as const) {
      const error = await caller.application.act({ applicationId, action, reason: "x", effectiveOn: inDays(30) }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TRPCError);
      expect(["CONFLICT", "FORBIDDEN"]).toContain((error as TRPCError).code);
    }
    expect(await snapshot(db, applicationId)).toEqual(before);
  });

  it("does not let an HR hiring manager finalize their own hire", async () => {
    const hrActor = cast.actors.hr;
    const { createOpportunity, setOpportunityStatus } = await import("../../server/services/opportunities/opportunity.service");
    const { id } = await createOpportunity(db, hrActor, { kind: "mentorship", title: "人事メンター", departmentId: cast.departments.people.id });
    await setOpportunityStatus(db, hrActor, { opportunityId: id, status: "open" });
    const colleague = callerAs(db, cast, "colleague");
    const { applicationId } = await colleague.application.submit({ opportunityId: id, motivation: "学びたい" });
    await hr.application.act({ applicationId, action: "shortlist" });
    await hr.application.act({ applicationId, action: "offer" });
    await manager.application.act({ applicationId, action: "release_approve" });
    await expect(hr.application.act({ applicationId, action: "finalize", effectiveOn: inDays(30) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const queue = await hr.application.hrQueue();
    expect(queue.find((item) => item.id === applicationId)?.allowedActions.map((allowed) => allowed.action)).not.toContain("finalize");
  });

  it("escalates an overdue release to HR exactly once (controllable clock)", async () => {
    const { id } = await team.hiring.opportunity.create({ kind: "rotation", title: "QAローテーション", departmentId: team.department.id });
    await team.hiring.opportunity.setStatus({ opportunityId: id, status: "open" });
    const { applicationId } = await employee.application.submit({ opportunityId: id, motivation: "半年学びたい" });
    await team.hiring.application.act({ applicationId, action: "shortlist" });
    await team.hiring.application.act({ applicationId, action: "offer" });
    const [step] = await queryRows<{ due_at: Date }>(db, sql`select due_at from approval_steps where application_id = ${applicationId} and step = 'manager_release'`);
    const due = new Date(step!.due_at);
    expect(await escalateOverdueReleases(db, new Date(due.getTime() - 1000))).toBe(0);
    expect(await escalateOverdueReleases(db, new Date(due.getTime() + 1000))).toBe(1);
    expect(await escalateOverdueReleases(db, new Date(due.getTime() + 86_400_000))).toBe(0);
    const escalations = (await hr.application.hrQueue()).filter((item) => item.queue === "escalation");
    expect(escalations.map((item) => item.id)).toEqual([applicationId]);
    const events = await db.select().from(outbox).where(eq(outbox.type, "application.step_escalated"));
    expect(events).toHaveLength(1);
  });

  it("gives 50 concurrent identical release calls exactly one effect, audit row and outbox row", async () => {
    const { id } = await team.hiring.opportunity.create({ kind: "trial_joining", title: "QA体験入部", departmentId: team.department.id });
    await team.hiring.opportunity.setStatus({ opportunityId: id, status: "open" });
    const colleague = callerAs(db, cast, "colleague");
    const { applicationId } = await colleague.application.submit({ opportunityId: id, motivation: "体験したい" });
    await team.hiring.application.act({ applicationId, action: "shortlist" });
    await team.hiring.application.act({ applicationId, action: "offer" });
    const before = await snapshot(db, applicationId);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => manager.application.act({ applicationId, action: "release_approve" })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const applied = results.filter((result) => result.status === "fulfilled" && !result.value.replayed);
    expect(applied).toHaveLength(1);
    const after = await snapshot(db, applicationId);
    expect(after.application?.version).toBe(before.application!.version + 1);
    expect(after.audit).toBe(before.audit! + 1);
    expect(after.outbox).toBe(before.outbox! + 1);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityId, String(applicationId)), eq(auditLog.action, "application.release_approve")));
    expect(audits).toHaveLength(1);
  });

  it("lets one of two conflicting decisions win; the other gets a conflict", async () => {
    const { id } = await team.hiring.opportunity.create({ kind: "transfer", title: "QAリード候補", departmentId: team.department.id, roleId: team.role.id });
    await team.hiring.opportunity.setStatus({ opportunityId: id, status: "open" });
    const { applicationId } = await employee.application.submit({ opportunityId: id, motivation: "リードを目指す" });
    await team.hiring.application.act({ applicationId, action: "shortlist" });
    const { version } = await team.hiring.application.act({ applicationId, action: "offer" });
    const [approve, decline] = await Promise.allSettled([
      manager.application.act({ applicationId, action: "release_approve", expectedVersion: version }),
      manager.application.act({ applicationId, action: "release_decline", reason: "繁忙期のため", expectedVersion: version }),
    ]);
    const outcomes = [approve, decline].map((result) => (result.status === "fulfilled" ? "ok" : (result.reason as TRPCError).code));
    expect(outcomes.sort()).toEqual(["CONFLICT", "ok"]);
  });
});

describe("closing a posting", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const team = await createReceivingTeam(db, cast, { confidentiality: "until_offer", minimumOpenDays: 0 });

  it("gives every applicant still in review a decision with a reason; finalized moves stand", async () => {
    const employee = callerAs(db, cast, "employee");
    const colleague = callerAs(db, cast, "colleague");
    const first = await employee.application.submit({ opportunityId: team.opportunityId, motivation: "挑戦したい" });
    const second = await colleague.application.submit({ opportunityId: team.opportunityId, motivation: "私も" });
    await team.hiring.application.act({ applicationId: second.applicationId, action: "shortlist" });
    await team.hiring.application.act({ applicationId: second.applicationId, action: "offer" });
    await callerAs(db, cast, "manager").application.act({ applicationId: second.applicationId, action: "release_approve" });
    await callerAs(db, cast, "hr").application.act({ applicationId: second.applicationId, action: "finalize", effectiveOn: inDays(120) });
    await team.hiring.opportunity.setStatus({ opportunityId: team.opportunityId, status: "filled" });
    const [mine] = await employee.application.mine();
    expect(mine).toMatchObject({ id: first.applicationId, status: "declined" });
    expect(mine?.decisionReason).toContain("The posting has been filled");
    expect(mine?.steps.find((step) => step.step === "hiring_decision")?.decision).toBe("decline");
    const [theirs] = await colleague.application.mine();
    expect(theirs?.status).toBe("finalized");
  });
});

describe("conflicts of interest, ended applications and bad dates", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const team = await createReceivingTeam(db, cast, { confidentiality: "until_offer" });
  const { createPerson } = await import("../../db/factories");
  const { actorForPerson } = await import("../../server/auth/actor");
  const { createContextInner } = await import("../../server/trpc/context");
  const { createCaller } = await import("../../server/trpc/root");
  const callerFor = async (personId: number) => createCaller(createContextInner({ db, actor: (await actorForPerson(db, personId))! }));
  const hr = callerAs(db, cast, "hr");
  const manager = callerAs(db, cast, "manager");
  const offered = async (applicant: Awaited<ReturnType<typeof callerFor>>) => {
    const { applicationId } = await applicant.application.submit({ opportunityId: team.opportunityId, motivation: "挑戦したい" });
    await team.hiring.application.act({ applicationId, action: "shortlist" });
    await team.hiring.application.act({ applicationId, action: "offer" });
    return applicationId;
  };

  it("does not let HR staff overrule or finalize a move they are party to", async () => {
    const hrApplicant = await createPerson(db, { departmentId: cast.departments.people.id, isHr: true, managerId: cast.persons.manager.id });
    const self = await callerFor(hrApplicant.id);
    const applicationId = await offered(self);
    await manager.application.act({ applicationId, action: "release_decline", reason: "繁忙期のため" });
    await expect(self.application.act({ applicationId, action: "hr_override", reason: "必要な異動" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Overriding a manager's decline must be justified: without a reason it is refused.
    await expect(hr.application.act({ applicationId, action: "hr_override" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { messageKey: "reasonRequired" } });
    await hr.application.act({ applicationId, action: "hr_override", reason: "本人のキャリアに必要な異動のため" });
    await expect(self.application.act({ applicationId, action: "finalize", effectiveOn: inDays(30) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Their own application: they may still withdraw it, never finalize it.
    expect((await self.application.hrQueue()).find((item) => item.id === applicationId)?.allowedActions).toEqual([{ action: "withdraw", needsReason: false }]);
    await hr.application.act({ applicationId, action: "finalize", effectiveOn: inDays(30) });
  });

  it("does not let an HR manager uphold their own release decline", async () => {
    const report = await createPerson(db, { departmentId: cast.departments.people.id, managerId: cast.persons.hr.id });
    const applicationId = await offered(await callerFor(report.id));
    await hr.application.act({ applicationId, action: "release_decline", reason: "後任がいないため" });
    await expect(hr.application.act({ applicationId, action: "hr_uphold", reason: "同意" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("declines an offered applicant, closes every open step, and escalates nothing afterwards", async () => {
    const applicationId = await offered(callerAs(db, cast, "employee"));
    await team.hiring.application.act({ applicationId, action: "decline", reason: "別の方に決まりました" });
    const open = await queryRows(db, sql`select step from approval_steps where application_id = ${applicationId} and decided_at is null`);
    expect(open).toEqual([]);
    const colleague = callerAs(db, cast, "colleague");
    const withdrawn = await offered(colleague);
    await colleague.application.act({ applicationId: withdrawn, action: "withdraw" });
    expect(await escalateOverdueReleases(db, dayAt(inDays(60)))).toBe(0);
  });

  it("refuses dates the database or the calendar cannot take, with a validation error", async () => {
    const applicationId = await offered(await callerFor((await createPerson(db, { departmentId: cast.departments.team.id, managerId: cast.persons.manager.id })).id));
    await expect(manager.application.act({ applicationId, action: "release_later", reason: "x", releaseOn: "0000-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(manager.application.act({ applicationId, action: "release_later", reason: "x", releaseOn: inDays(-3) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      team.hiring.opportunity.create({ kind: "transfer", title: "存在しない職種", departmentId: team.department.id, roleId: 987_654 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(hr.opportunity.create({ kind: "transfer", title: "存在しない部署", departmentId: 987_654 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      manager.conversation.record({ personId: cast.persons.employee.id, heldOn: "0000-01-01", sharedNotes: "x" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
