import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "../../server/trpc/root";
import { type CastRole, callerAs } from "../setup/cast";
import { createProcedureWorld, type ProcedureWorld } from "../setup/procedure-world";
import { createTestDatabase } from "../setup/test-database";

type Caller = ReturnType<typeof callerAs>;

/**
 * The access-control matrix: every procedure, every role. A procedure missing here fails the
 * suite, so a new procedure cannot ship without deciding who may call it.
 */

type Rule = {
  allowed: CastRole[];
  call: (caller: Caller, world: ProcedureWorld) => Promise<unknown>;
  /** Public procedures refuse a signed-out caller for their own reason (default: UNAUTHORIZED). */
  anonymousCode?: "FORBIDDEN";
};

const everyone: CastRole[] = ["employee", "colleague", "manager", "hr", "admin"];

const matrix: Record<string, Rule> = {
  "careerMap.map": { allowed: everyone, call: (c) => c.careerMap.map() },
  "careerMap.role": { allowed: everyone, call: (c, f) => c.careerMap.role({ slug: f.careerRoleSlug }) },
  // The gap is always the caller's own: the input names a role, never a person.
  "careerMap.gap": { allowed: everyone, call: (c, f) => c.careerMap.gap({ roleSlug: f.careerRoleSlug, level: 1 }) },
  "me.profile": { allowed: everyone, call: (c) => c.me.profile() },
  "me.reminders": { allowed: everyone, call: (c) => c.me.reminders() },
  "person.byId": { allowed: everyone, call: (c, f) => c.person.byId({ personId: f.persons.employee.id }) },
  "person.search": { allowed: everyone, call: (c, f) => c.person.search({ query: "", skillId: f.skillId }) },
  "skill.levelGuide": { allowed: everyone, call: (c) => c.skill.levelGuide() },
  "skill.search": { allowed: everyone, call: (c) => c.skill.search({ query: "対応" }) },
  "profile.setSkill": { allowed: everyone, call: (c, f) => c.profile.setSkill({ skillId: f.spareSkillId, level: 2 }) },
  "profile.removeSkill": {
    allowed: everyone,
    call: async (c, f) => {
      await c.profile.setSkill({ skillId: f.spareSkillId, level: 1 });
      return c.profile.removeSkill({ skillId: f.spareSkillId });
    },
  },
  "profile.update": { allowed: everyone, call: (c) => c.profile.update({ tagline: "CS × QA" }) },
  "profile.markReviewed": { allowed: everyone, call: (c) => c.profile.markReviewed() },
  // Only the employee's direct manager; anyone else is told "not found".
  "profile.verifySkill": { allowed: ["manager"], call: (c, f) => c.profile.verifySkill({ personId: f.persons.employee.id, skillId: f.skillId }) },
  "will.mine": { allowed: everyone, call: (c) => c.will.mine() },
  "will.save": {
    allowed: everyone,
    call: async (c) => {
      const current = await c.will.mine();
      return c.will.save({
        statement: "QA に挑戦したい",
        targetRoleIds: [],
        desiredSkillIds: [],
        horizon: "one_year",
        openness: "within_year",
        shareWithManager: false,
        shareWithHr: false,
        shareWithMatching: false,
        expectedVersion: current.version,
      });
    },
  },
  // Readable or null per the Will's audience; never refused to a signed-in caller (null says nothing).
  "will.of": { allowed: everyone, call: (c, f) => c.will.of({ personId: f.persons.employee.id }) },
  "will.history": { allowed: everyone, call: (c) => c.will.history() },
  "conversation.list": { allowed: ["employee", "manager"], call: (c, f) => c.conversation.list({ personId: f.persons.employee.id }) },
  "conversation.record": {
    allowed: ["manager"],
    call: (c, f) => c.conversation.record({ personId: f.persons.employee.id, heldOn: "2026-11-20", sharedNotes: "次のステップ" }),
  },
  "conversation.setStepDone": { allowed: ["employee", "manager"], call: (c, f) => c.conversation.setStepDone({ stepId: f.stepId, done: true }) },
  "team.reports": { allowed: everyone, call: (c) => c.team.reports() },
  "opportunity.list": { allowed: everyone, call: (c) => c.opportunity.list({ query: "研修" }) },
  "opportunity.byId": { allowed: everyone, call: (c, f) => c.opportunity.byId({ opportunityId: f.opportunityId }) },
  // Everyone may ask; who may post is decided inside (an employee gets an empty list).
  "opportunity.departments": { allowed: everyone, call: (c) => c.opportunity.departments({ purpose: "post" }) },
  // Managers post for their own department, HR for any.
  "opportunity.create": {
    allowed: ["manager", "hr"],
    call: (c, f) => c.opportunity.create({ kind: "project", title: "改善プロジェクト", departmentId: f.departments.team.id }),
  },
  "opportunity.update": {
    allowed: ["manager", "hr"],
    call: async (c, f) => {
      const current = await c.opportunity.byId({ opportunityId: f.opportunityId });
      return c.opportunity.update({ opportunityId: f.opportunityId, expectedVersion: current.version, kind: "transfer", title: "QA 募集（更新）", departmentId: f.departments.team.id });
    },
  },
  "opportunity.setStatus": { allowed: ["manager", "hr"], call: (c, f) => c.opportunity.setStatus({ opportunityId: f.opportunityId, status: "open" }) },
  // The owner (manager) cannot apply to their own posting.
  "application.submit": {
    allowed: ["employee", "colleague", "hr", "admin"],
    call: (c, f) => c.application.submit({ opportunityId: f.otherOpportunityId, motivation: "挑戦したい" }),
  },
  // Withdrawing is the applicant's alone; the hiring manager and HR see it but may not.
  "application.act": { allowed: ["employee"], call: (c, f) => c.application.act({ applicationId: f.applicationId, action: "withdraw" }) },
  "application.mine": { allowed: everyone, call: (c) => c.application.mine() },
  "application.pipeline": { allowed: ["manager", "hr"], call: (c, f) => c.application.pipeline({ opportunityId: f.opportunityId }) },
  "application.inbox": { allowed: everyone, call: (c) => c.application.inbox() },
  "application.hrQueue": { allowed: ["hr"], call: (c) => c.application.hrQueue() },
  "matching.candidates": { allowed: ["manager", "hr"], call: (c, f) => c.matching.candidates({ opportunityId: f.opportunityId }) },
  "matching.recommendations": { allowed: everyone, call: (c) => c.matching.recommendations({}) },
  "matching.notInterested": { allowed: everyone, call: (c, f) => c.matching.notInterested({ opportunityId: f.otherOpportunityId }) },
  // Keys come from the candidates list; an unknown key reads as not found even for the owner.
  "scout.invite": { allowed: [], call: (c, f) => c.scout.invite({ opportunityId: f.opportunityId, candidateKey: "unknown-candidate-key", message: "ぜひ" }) },
  "scout.respond": { allowed: [], call: (c) => c.scout.respond({ inviteId: 987_654, response: "decline" }) },
  "scout.mine": { allowed: everyone, call: (c) => c.scout.mine() },
  "participation.toEndorse": { allowed: everyone, call: (c) => c.participation.toEndorse() },
  // Only the posting's owner endorses, once the participation has ended.
  "participation.endorse": {
    allowed: ["manager"],
    call: (c, f) => c.participation.endorse({ participationId: f.participationId, skills: [{ skillId: f.skillId, level: 2 }] }),
  },
  "notification.list": { allowed: everyone, call: (c) => c.notification.list() },
  "notification.unreadCount": { allowed: everyone, call: (c) => c.notification.unreadCount() },
  "notification.markRead": { allowed: everyone, call: (c) => c.notification.markRead({ ids: "all" }) },
  // HR sees the company, a manager their own organisation; employees, and admins who manage nobody, none.
  "report.get": { allowed: ["manager", "hr"], call: (c) => c.report.get({ report: "mobility" }) },
  "report.home": { allowed: ["manager", "hr"], call: (c) => c.report.home({}) },
  "report.filterOptions": { allowed: ["manager", "hr"], call: (c) => c.report.filterOptions() },
  // Company-wide exports for other HR systems: admins only (HR included is refused).
  "dataExport.people": { allowed: ["admin"], call: (c) => c.dataExport.people() },
  "dataExport.skills": { allowed: ["admin"], call: (c) => c.dataExport.skills() },
  // Wills shared with HR: only an admin who is also HR (none in this cast; tests/integration/data-export.test.ts).
  "dataExport.wills": { allowed: [], call: (c) => c.dataExport.wills() },
  "setting.get": { allowed: ["hr"], call: (c) => c.setting.get() },
  "setting.update": { allowed: ["hr"], call: (c) => c.setting.update({ minimumOpenDays: 7 }) },
  "session.revokeMine": { allowed: ["employee", "colleague", "manager", "hr", "admin"], call: (c) => c.session.revokeMine() },
  "session.revoke": { allowed: ["admin"], call: (c, cast) => c.session.revoke({ personId: cast.persons.employee.id }) },
  // Refused for everyone here because demo sign-in is off in these callers; demo mode is tested in sessions.test.ts.
  "session.demoPersonas": { allowed: [], call: (c) => c.session.demoPersonas(), anonymousCode: "FORBIDDEN" },
};

const roles: CastRole[] = ["anonymous", "employee", "colleague", "manager", "hr", "admin"];

describe("access control", async () => {
  const { db } = await createTestDatabase();
  const world = await createProcedureWorld(db);

  it("covers every procedure of the router", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(matrix).sort());
  });

  for (const [path, rule] of Object.entries(matrix)) {
    for (const role of roles) {
      const allowed = rule.allowed.includes(role);
      it(`${path}: ${role} is ${allowed ? "allowed" : "refused"}`, async () => {
        const attempt = rule.call(callerAs(db, world, role), world);
        if (allowed) {
          await expect(attempt).resolves.toBeDefined();
        } else {
          const error = await attempt.then(
            () => null,
            (caught: unknown) => caught,
          );
          expect(error).toBeInstanceOf(TRPCError);
          // "Not yours" reads as not found, so a refusal never confirms the row exists: also a refusal.
          expect(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]).toContain((error as TRPCError).code);
          if (role === "anonymous") expect((error as TRPCError).code).toBe(rule.anonymousCode ?? "UNAUTHORIZED");
        }
      });
    }
  }
});
