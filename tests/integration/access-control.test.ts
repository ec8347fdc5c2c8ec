import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createSkill, setPersonSkill } from "../../db/factories";
import { conversationSteps } from "../../db/schema";
import { recordConversation } from "../../server/services/conversations/conversation.service";
import { appRouter } from "../../server/trpc/root";
import { type Cast, type CastRole, callerAs, createCast } from "../setup/cast";
import { createTestDatabase } from "../setup/test-database";

type Caller = ReturnType<typeof callerAs>;

/**
 * The access-control matrix: every procedure, every role. A procedure missing here fails the
 * suite, so a new procedure cannot ship without deciding who may call it.
 */
/** What the calls need: the cast, a skill the employee holds, one nobody holds, a step owned by the employee. */
type Fixture = Cast & { skillId: number; spareSkillId: number; stepId: number };

type Rule = {
  allowed: CastRole[];
  call: (caller: Caller, fixture: Fixture) => Promise<unknown>;
  /** Public procedures refuse a signed-out caller for their own reason (default: UNAUTHORIZED). */
  anonymousCode?: "FORBIDDEN";
};

const everyone: CastRole[] = ["employee", "colleague", "manager", "hr", "admin"];

const matrix: Record<string, Rule> = {
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
  "will.history": { allowed: everyone, call: (c) => c.will.history() },
  "conversation.list": { allowed: ["employee", "manager"], call: (c, f) => c.conversation.list({ personId: f.persons.employee.id }) },
  "conversation.record": {
    allowed: ["manager"],
    call: (c, f) => c.conversation.record({ personId: f.persons.employee.id, heldOn: "2026-11-20", sharedNotes: "次のステップ" }),
  },
  "conversation.setStepDone": { allowed: ["employee", "manager"], call: (c, f) => c.conversation.setStepDone({ stepId: f.stepId, done: true }) },
  "team.reports": { allowed: everyone, call: (c) => c.team.reports() },
  "setting.get": { allowed: ["hr"], call: (c) => c.setting.get() },
  "setting.update": { allowed: ["hr"], call: (c) => c.setting.update({ minimumOpenDays: 7 }) },
  "session.revokeMine": { allowed: ["employee", "colleague", "manager", "hr", "admin"], call: (c) => c.session.revokeMine() },
  "session.revoke": { allowed: ["admin"], call: (c, cast) => c.session.revoke({ personId: cast.persons.employee.id }) },
  // Refused for everyone here because demo sign-in is off in these callers; see demo-sign-in.test.ts.
  "session.demoPersonas": { allowed: [], call: (c) => c.session.demoPersonas(), anonymousCode: "FORBIDDEN" },
};

const roles: CastRole[] = ["anonymous", "employee", "colleague", "manager", "hr", "admin"];

describe("access control", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const skill = await createSkill(db);
  const spareSkill = await createSkill(db);
  await setPersonSkill(db, cast.persons.employee.id, skill.id, 2);
  const { id: conversationId } = await recordConversation(db, cast.actors.manager, {
    personId: cast.persons.employee.id,
    heldOn: "2026-11-01",
    sharedNotes: "Q1 の目標",
    steps: [{ description: "QA 研修を受ける", ownerId: cast.persons.employee.id }],
  });
  const [step] = await db.select({ id: conversationSteps.id }).from(conversationSteps).where(eq(conversationSteps.conversationId, conversationId));
  const fixture: Fixture = { ...cast, skillId: skill.id, spareSkillId: spareSkill.id, stepId: step!.id };

  it("covers every procedure of the router", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(matrix).sort());
  });

  for (const [path, rule] of Object.entries(matrix)) {
    for (const role of roles) {
      const allowed = rule.allowed.includes(role);
      it(`${path}: ${role} is ${allowed ? "allowed" : "refused"}`, async () => {
        const attempt = rule.call(callerAs(db, cast, role), fixture);
        if (allowed) {
          await expect(attempt).resolves.toBeDefined();
        } else {
          const error = await attempt.then(
            () => null,
            (caught: unknown) => caught,
          );
          expect(error).toBeInstanceOf(TRPCError);
          // "Not yours" reads as not found (Documenso habit): also a refusal.
          expect(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]).toContain((error as TRPCError).code);
          if (role === "anonymous") expect((error as TRPCError).code).toBe(rule.anonymousCode ?? "UNAUTHORIZED");
        }
      });
    }
  }
});
