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

let counter = 0;
/** A name no other call has used (skill and role names are unique). */
const unique = () => `${Date.now()}-${(counter += 1)}`;
/** A skill of its own for a call that changes one; refused before it is made to anyone but an admin. */
async function newSkill(c: Caller) {
  const { id: categoryId } = await c.taxonomy.saveCategory({ nameJa: "テスト", nameEn: `Test ${unique()}` });
  const name = unique();
  return c.taxonomy.saveSkill({ nameJa: `スキル ${name}`, nameEn: `Skill ${name}`, categoryId });
}
async function newRole(c: Caller) {
  const { id: familyId } = await c.careerMap.saveFamily({ nameJa: "職種", nameEn: `Family ${unique()}` });
  return c.careerMap.saveRole({ familyId, track: "specialist", nameJa: "ロール", nameEn: `Role ${unique()}` });
}

/** An import file with the headers every import needs and no rows: it plans and commits nothing. */
const emptyImport = {
  fileName: "empty.csv",
  content: Buffer.from("社員番号,氏名,フリガナ,氏名（英字）,メールアドレス,入社日,部署,職種,等級\n").toString("base64"),
};
const emptyImportRun = {
  ...emptyImport,
  sourceSystem: "generic" as const,
  mapping: { employeeNumber: "社員番号", fullName: "氏名", fullNameKana: "フリガナ", romanizedName: "氏名(英字)", email: "メールアドレス", hiredOn: "入社日", departmentPath: "部署", role: "職種", level: "等級" },
};

const matrix: Record<string, Rule> = {
  "careerMap.map": { allowed: everyone, call: (c) => c.careerMap.map() },
  "careerMap.role": { allowed: everyone, call: (c, f) => c.careerMap.role({ slug: f.careerRoleSlug }) },
  // The gap is always the caller's own: the input names a role, never a person.
  "careerMap.gap": { allowed: everyone, call: (c, f) => c.careerMap.gap({ roleSlug: f.careerRoleSlug, level: 1 }) },
  // Administration of the career map: administrators only; each call makes what it edits, so none touches the shared world.
  "careerMap.outline": { allowed: ["admin"], call: (c) => c.careerMap.outline() },
  "careerMap.saveFamily": { allowed: ["admin"], call: (c) => c.careerMap.saveFamily({ nameJa: "品質保証", nameEn: `Quality ${unique()}` }) },
  "careerMap.retireFamily": {
    allowed: ["admin"],
    call: async (c) => c.careerMap.retireFamily({ id: (await c.careerMap.saveFamily({ nameJa: "旧職種", nameEn: `Old ${unique()}` })).id, retired: true }),
  },
  "careerMap.saveRole": { allowed: ["admin"], call: async (c) => newRole(c) },
  "careerMap.saveLevel": {
    allowed: ["admin"],
    call: (c, f) => c.careerMap.saveLevel({ roleId: f.careerRoleId, level: 1, standardYears: 1.5, keyExperiences: [{ ja: "顧客対応", en: "Customer work" }] }),
  },
  "careerMap.retireRole": { allowed: ["admin"], call: async (c) => c.careerMap.retireRole({ id: (await newRole(c)).id, retired: true }) },
  "careerMap.deleteRole": { allowed: ["admin"], call: async (c) => c.careerMap.deleteRole({ roleId: (await newRole(c)).id }) },
  "careerMap.savePath": { allowed: ["admin"], call: async (c, f) => c.careerMap.savePath({ fromRoleId: f.careerRoleId, toRoleId: (await newRole(c)).id, kind: "promotion" }) },
  "careerMap.deletePath": {
    allowed: ["admin"],
    call: async (c, f) => c.careerMap.deletePath({ pathId: (await c.careerMap.savePath({ fromRoleId: f.careerRoleId, toRoleId: (await newRole(c)).id, kind: "specialist" })).id }),
  },
  "me.profile": { allowed: everyone, call: (c) => c.me.profile() },
  "me.reminders": { allowed: everyone, call: (c) => c.me.reminders() },
  "person.byId": { allowed: everyone, call: (c, f) => c.person.byId({ personId: f.persons.employee.id }) },
  "person.search": { allowed: everyone, call: (c, f) => c.person.search({ query: "", skillId: f.skillId }) },
  "skill.levelGuide": { allowed: everyone, call: (c) => c.skill.levelGuide() },
  "skill.search": { allowed: everyone, call: (c) => c.skill.search({ query: "対応" }) },
  // Administration of the skill taxonomy: administrators only; merges and retirements act on skills the call makes.
  "taxonomy.overview": { allowed: ["admin"], call: (c) => c.taxonomy.overview() },
  "taxonomy.saveCategory": { allowed: ["admin"], call: (c) => c.taxonomy.saveCategory({ nameJa: "品質", nameEn: `Quality ${unique()}` }) },
  "taxonomy.saveSkill": { allowed: ["admin"], call: (c) => newSkill(c) },
  "taxonomy.setAdjacency": { allowed: ["admin"], call: (c, f) => c.taxonomy.setAdjacency({ skillId: f.skillId, otherSkillId: f.spareSkillId, weight: 0.4 }) },
  "taxonomy.removeAdjacency": { allowed: ["admin"], call: (c, f) => c.taxonomy.removeAdjacency({ skillId: f.skillId, otherSkillId: f.spareSkillId }) },
  "taxonomy.mergeSkills": { allowed: ["admin"], call: async (c) => c.taxonomy.mergeSkills({ fromSkillId: (await newSkill(c)).id, intoSkillId: (await newSkill(c)).id }) },
  "taxonomy.retireSkill": { allowed: ["admin"], call: async (c) => c.taxonomy.retireSkill({ skillId: (await newSkill(c)).id, retired: true }) },
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
  // Never refused: someone who leads no department gets an empty list.
  "team.concurrent": { allowed: everyone, call: (c) => c.team.concurrent() },
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
  // Admins read the whole audit trail, HR the workflow's part; nobody else any of it.
  "audit.list": { allowed: ["hr", "admin"], call: (c) => c.audit.list({ filters: {} }) },
  "audit.export": { allowed: ["hr", "admin"], call: (c) => c.audit.export({ entityType: "application" }) },
  // Company-wide exports for other HR systems: admins only (HR included is refused).
  "dataExport.people": { allowed: ["admin"], call: (c) => c.dataExport.people() },
  "dataExport.skills": { allowed: ["admin"], call: (c) => c.dataExport.skills() },
  // Wills shared with HR: only an admin who is also HR (none in this cast; tests/integration/data-export.test.ts).
  "dataExport.wills": { allowed: [], call: (c) => c.dataExport.wills() },
  "setting.get": { allowed: ["hr"], call: (c) => c.setting.get() },
  "setting.update": { allowed: ["hr"], call: (c) => c.setting.update({ minimumOpenDays: 7 }) },
  "scim.tokens": { allowed: ["admin"], call: (c) => c.scim.tokens() },
  "scim.createToken": { allowed: ["admin"], call: (c) => c.scim.createToken({ name: `Entra ID ${unique()}` }) },
  "scim.rotateToken": {
    allowed: ["admin"],
    call: async (c) => c.scim.rotateToken({ tokenId: (await c.scim.createToken({ name: `Okta ${unique()}` })).id }),
  },
  "scim.revokeToken": {
    allowed: ["admin"],
    call: async (c) => c.scim.revokeToken({ tokenId: (await c.scim.createToken({ name: `Okta ${unique()}` })).id }),
  },
  "session.revokeMine": { allowed: ["employee", "colleague", "manager", "hr", "admin"], call: (c) => c.session.revokeMine() },
  "session.revoke": { allowed: ["admin"], call: (c, cast) => c.session.revoke({ personId: cast.persons.employee.id }) },
  // The people-and-organisation administration: administrators only. Admin calls act on the
  // world's spare person and department, so the cast the other rows use is never changed.
  "import.analyse": { allowed: ["admin"], call: (c) => c.import.analyse(emptyImport) },
  "import.dryRun": { allowed: ["admin"], call: (c) => c.import.dryRun(emptyImportRun) },
  "import.commit": { allowed: ["admin"], call: (c) => c.import.commit(emptyImportRun) },
  "import.status": { allowed: ["admin"], call: (c) => c.import.status() },
  "organisation.people": { allowed: ["admin"], call: (c) => c.organisation.people({ query: "" }) },
  "organisation.person": { allowed: ["admin"], call: (c, f) => c.organisation.person({ personId: f.sparePersonId }) },
  "organisation.departments": { allowed: ["admin"], call: (c) => c.organisation.departments() },
  "organisation.options": { allowed: ["admin"], call: (c) => c.organisation.options() },
  "organisation.createPerson": {
    allowed: ["admin"],
    call: (c, f) =>
      c.organisation.createPerson({
        employeeNumber: `N${f.spareDepartmentId}`,
        familyName: "新井",
        givenName: "花",
        familyNameKana: "アライ",
        givenNameKana: "ハナ",
        romanizedName: "Hana Arai",
        email: `hana.arai.${f.spareDepartmentId}@kakezan.example`,
        hiredOn: "2026-04-01",
        departmentId: f.spareDepartmentId,
        roleId: f.careerRoleId,
        level: 1,
      }),
  },
  "organisation.updatePerson": {
    allowed: ["admin"],
    call: async (c, f) => {
      const person = await c.organisation.person({ personId: f.sparePersonId });
      return c.organisation.updatePerson({ ...person, personId: person.id, romanizedName: "Spare Person" });
    },
  },
  "organisation.changePost": {
    allowed: ["admin"],
    call: async (c, f) => {
      const person = await c.organisation.person({ personId: f.sparePersonId });
      return c.organisation.changePost({ personId: person.id, kind: "promotion", departmentId: person.departmentId, roleId: person.roleId, level: person.level === 4 ? 3 : person.level + 1, managerId: person.managerId });
    },
  },
  "organisation.setAccess": { allowed: ["admin"], call: (c, f) => c.organisation.setAccess({ personId: f.sparePersonId, isHr: false, isAdmin: false }) },
  "organisation.deactivate": {
    allowed: ["admin"],
    call: async (c, f) => {
      const left = await c.organisation.deactivate({ personId: f.sparePersonId, reason: "退職" });
      await c.organisation.reactivate({ personId: f.sparePersonId });
      return left;
    },
  },
  "organisation.reactivate": { allowed: ["admin"], call: (c, f) => c.organisation.reactivate({ personId: f.sparePersonId }) },
  "organisation.addMembership": {
    allowed: ["admin"],
    call: async (c, f) => {
      const added = await c.organisation.addMembership({ personId: f.sparePersonId, departmentId: f.departments.people.id, roleId: f.careerRoleId, timePercent: 10, startOn: "2026-04-01" });
      await c.organisation.endMembership({ membershipId: added.id, endOn: "2026-04-30" });
      return added;
    },
  },
  "organisation.endMembership": { allowed: ["admin"], call: (c, f) => c.organisation.endMembership({ membershipId: f.spareMembershipId, endOn: "2026-09-30" }) },
  "organisation.createDepartment": {
    allowed: ["admin"],
    call: (c, f) => c.organisation.createDepartment({ code: `NEW-${f.spareDepartmentId}`, nameJa: "新設部", nameEn: "New department", parentId: f.spareDepartmentId }),
  },
  "organisation.updateDepartment": {
    allowed: ["admin"],
    call: (c, f) => c.organisation.updateDepartment({ departmentId: f.spareDepartmentId, nameJa: "予備部", nameEn: "Spare department", parentId: null, headId: null }),
  },
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
