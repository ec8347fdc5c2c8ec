import { TRPCError } from "@trpc/server";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createPerson, createRole, createSkill, createSkillCategory, setPersonSkill } from "../../db/factories";
import { auditLog, matchScores, opportunitySkills, personSkills, roleLevelSkills, roleLevels, roles, skillAdjacency, skills, willDesiredSkills, willVersions } from "../../db/schema";
import { actorForPerson } from "../../server/auth/actor";
import { createContextInner } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { refreshStaleMatches } from "../../server/services/matching/match-refresh";
import { recomputeCandidates } from "../../server/services/matching/matching.service";
import { createOpportunity, setOpportunityStatus } from "../../server/services/opportunities/opportunity.service";
import { processOutbox } from "../../server/services/outbox/dispatcher";
import type { Database } from "../../db/client";
import { callerAs, createCast } from "../setup/cast";
import { sessionCookieFor, type TrpcErrorBody, trpcHttp } from "../setup/http";
import { createTestDatabase } from "../setup/test-database";

const refusal = async (attempt: Promise<unknown>) =>
  attempt.then(
    () => null,
    (error: unknown) => error as TRPCError,
  );

/** What a person is told over HTTP in their language: the status and the translated message. */
async function told(db: Database, personId: number, path: string, input: unknown, locale: "ja" | "en") {
  const response = await trpcHttp(db, { path, method: "POST", input, cookie: await sessionCookieFor(db, personId), locale });
  return { status: response.status, message: (response.body as TrpcErrorBody).error?.json.message };
}

describe("administering the skill taxonomy", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const admin = callerAs(db, cast, "admin");
  const employee = callerAs(db, cast, "employee");
  const category = await createSkillCategory(db, { nameJa: "顧客対応", nameEn: "Customer interaction" });

  it("merges two skills: every profile keeps the higher level, every posting its requirement, and the candidates follow", async () => {
    const into = await createSkill(db, { categoryId: category.id, nameJa: "クレーム対応", nameEn: "Complaint handling", aliases: ["苦情対応"] });
    const from = await createSkill(db, { categoryId: category.id, nameJa: "苦情処理", nameEn: "Grievance handling", aliases: ["クレーム処理"] });
    const neighbour = await createSkill(db, { categoryId: category.id, nameJa: "FAQ作成", nameEn: "FAQ writing" });
    await db.insert(skillAdjacency).values({ skillA: Math.min(from.id, neighbour.id), skillB: Math.max(from.id, neighbour.id), weight: 0.5 });

    const role = await createRole(db);
    const scouted = () => createPerson(db, { departmentId: cast.departments.people.id, roleId: role.id, openToScouting: true });
    const [higherOnFrom, verifiedOnInto, onlyFrom] = [await scouted(), await scouted(), await scouted()];
    await setPersonSkill(db, higherOnFrom.id, from.id, 3, { evidence: "月30件の苦情を処理" });
    await setPersonSkill(db, higherOnFrom.id, into.id, 1);
    await setPersonSkill(db, verifiedOnInto.id, into.id, 2, { verifiedById: cast.persons.manager.id, verifiedAt: new Date("2026-06-01T00:00:00Z") });
    await setPersonSkill(db, verifiedOnInto.id, from.id, 2);
    await setPersonSkill(db, onlyFrom.id, from.id, 1);

    // The employee wants to grow the merged skill; their Will's history names it too.
    await employee.will.save({
      statement: "苦情対応を極めたい",
      targetRoleIds: [],
      desiredSkillIds: [from.id, into.id],
      horizon: "one_year",
      openness: "now",
      shareWithManager: false,
      shareWithHr: false,
      shareWithMatching: true,
      expectedVersion: 0,
    });

    const [level] = await db.insert(roleLevels).values({ roleId: role.id, level: 2, standardYears: 3 }).returning();
    await db.insert(roleLevelSkills).values({ roleLevelId: level!.id, skillId: from.id, level: 2 });

    const post = async (title: string, wanted: { skillId: number; kind: "required" | "preferred" | "grows"; level: number }[]) => {
      const { id } = await createOpportunity(db, cast.actors.manager, { kind: "transfer", title, departmentId: cast.departments.team.id, skills: wanted });
      await setOpportunityStatus(db, cast.actors.manager, { opportunityId: id, status: "open" });
      return id;
    };
    const needsInto = await post("クレーム対応リーダー", [{ skillId: into.id, kind: "required", level: 3 }]);
    const needsFrom = await post("苦情処理担当", [{ skillId: from.id, kind: "required", level: 2 }]);
    const needsBoth = await post("顧客窓口", [
      { skillId: from.id, kind: "required", level: 2 },
      { skillId: into.id, kind: "preferred", level: 4 },
      { skillId: from.id, kind: "grows", level: 3 },
    ]);
    await recomputeCandidates(db);
    const eligibility = async (opportunityId: number, personId: number) =>
      (await db.select({ eligible: matchScores.eligible }).from(matchScores).where(and(eq(matchScores.opportunityId, opportunityId), eq(matchScores.personId, personId))))[0]?.eligible;
    // Before: level 3 in complaint handling is held only under the other name.
    expect(await eligibility(needsInto, higherOnFrom.id)).toBe(false);

    const result = await admin.taxonomy.mergeSkills({ fromSkillId: from.id, intoSkillId: into.id });
    expect(result).toMatchObject({ profiles: 3, wills: 1, postings: 2, roleLevels: 1 });

    const held = await db.select().from(personSkills).where(inArray(personSkills.skillId, [from.id, into.id]));
    const levelOf = (personId: number) => held.find((row) => row.personId === personId);
    expect(held.every((row) => row.skillId === into.id)).toBe(true);
    expect(levelOf(higherOnFrom.id)).toMatchObject({ level: 3, evidence: "月30件の苦情を処理" });
    expect(levelOf(verifiedOnInto.id)).toMatchObject({ level: 2, verifiedById: cast.persons.manager.id });
    expect(levelOf(onlyFrom.id)).toMatchObject({ level: 1 });

    const asked = await db.select().from(opportunitySkills).where(inArray(opportunitySkills.opportunityId, [needsFrom, needsBoth]));
    expect(asked.filter((row) => row.opportunityId === needsFrom).map(({ skillId, kind, level }) => ({ skillId, kind, level }))).toEqual([{ skillId: into.id, kind: "required", level: 2 }]);
    expect(
      asked
        .filter((row) => row.opportunityId === needsBoth)
        .map(({ kind, level }) => ({ kind, level }))
        .sort((a, b) => a.kind.localeCompare(b.kind)),
    ).toEqual([
      { kind: "grows", level: 3 },
      { kind: "required", level: 2 },
    ]);

    expect(await db.select().from(willDesiredSkills).where(eq(willDesiredSkills.personId, cast.persons.employee.id))).toEqual([{ personId: cast.persons.employee.id, skillId: into.id }]);
    const [version] = await db.select().from(willVersions).where(eq(willVersions.personId, cast.persons.employee.id));
    expect(version!.desiredSkillIds).toEqual([into.id]);
    expect(await db.select().from(roleLevelSkills).where(eq(roleLevelSkills.roleLevelId, level!.id))).toEqual([{ roleLevelId: level!.id, skillId: into.id, level: 2 }]);
    expect(await db.select().from(skillAdjacency).where(eq(skillAdjacency.skillB, Math.max(into.id, neighbour.id)))).toContainEqual({
      skillA: Math.min(into.id, neighbour.id),
      skillB: Math.max(into.id, neighbour.id),
      weight: 0.5,
    });

    // The merged skill is gone; its names find the survivor.
    expect(await db.select().from(skills).where(eq(skills.id, from.id))).toEqual([]);
    const [hit] = await employee.skill.search({ query: "苦情処理" });
    expect(hit).toMatchObject({ id: into.id, matchedAlias: "苦情処理" });
    expect((await db.select({ aliases: skills.aliases }).from(skills).where(eq(skills.id, into.id)))[0]!.aliases).toEqual(["苦情対応", "苦情処理", "Grievance handling", "クレーム処理"]);

    // One audit row, with both skills before and the survivor after.
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "taxonomy.skill_merge"));
    expect(audit).toMatchObject({ actorId: cast.persons.admin.id, entityId: String(into.id) });
    expect(audit!.data).toMatchObject({ before: { from: { nameJa: "苦情処理" }, into: { nameJa: "クレーム対応" } }, after: { into: { aliases: expect.arrayContaining(["苦情処理"]) } } });

    // The candidate recompute takes the merge through the outbox, like any profile change.
    await processOutbox(db, { send: async () => {} });
    const refreshed = await refreshStaleMatches(db);
    expect(refreshed?.people).toBeGreaterThanOrEqual(3);
    expect(await eligibility(needsInto, higherOnFrom.id)).toBe(true);
  });

  it("retires a skill: search no longer offers it, holders keep it, nobody takes it up anew", async () => {
    const legacy = await createSkill(db, { categoryId: category.id, nameJa: "ファクス受付", nameEn: "Fax intake" });
    await setPersonSkill(db, cast.persons.employee.id, legacy.id, 2);
    await admin.taxonomy.retireSkill({ skillId: legacy.id, retired: true });

    expect(await employee.skill.search({ query: "ファクス" })).toEqual([]);
    const profile = await employee.me.profile();
    expect(profile.skills.find((skill) => skill.skillId === legacy.id)?.level).toBe(2);
    await employee.profile.setSkill({ skillId: legacy.id, level: 3 });
    expect(await told(db, cast.persons.colleague.id, "profile.setSkill", { skillId: legacy.id, level: 1 }, "en")).toEqual({
      status: 400,
      message: "That skill has been retired and can no longer be added.",
    });
    expect((await admin.taxonomy.overview()).skills.find((skill) => skill.id === legacy.id)).toMatchObject({ retired: true, holders: 1 });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, "taxonomy.skill_retire"), eq(auditLog.entityId, String(legacy.id))));
    expect(audits).toHaveLength(1);

    await admin.taxonomy.retireSkill({ skillId: legacy.id, retired: false });
    expect((await employee.skill.search({ query: "ファクス" })).map((hit) => hit.id)).toEqual([legacy.id]);
  });

  it("edits skills, categories and adjacency, each audited, with clear refusals", async () => {
    const { id } = await admin.taxonomy.saveSkill({ nameJa: "エスカレーション管理", nameEn: "Escalation management", categoryId: category.id, aliases: ["エスカレ"], descriptionJa: "重大案件の引き継ぎ" });
    const [created] = await db.select().from(skills).where(eq(skills.id, id));
    expect(created).toMatchObject({ slug: "escalation-management", aliases: ["エスカレ"], descriptionJa: "重大案件の引き継ぎ" });
    expect(await told(db, cast.persons.admin.id, "taxonomy.saveSkill", { nameJa: "別名", nameEn: "escalation management", categoryId: category.id }, "en")).toEqual({
      status: 409,
      message: "Another skill already has this name.",
    });

    const other = await createSkill(db, { categoryId: category.id });
    await admin.taxonomy.setAdjacency({ skillId: Math.max(id, other.id), otherSkillId: Math.min(id, other.id), weight: 0.3 });
    expect(await db.select().from(skillAdjacency).where(eq(skillAdjacency.skillA, Math.min(id, other.id)))).toEqual([{ skillA: Math.min(id, other.id), skillB: Math.max(id, other.id), weight: 0.3 }]);
    expect(await told(db, cast.persons.admin.id, "taxonomy.setAdjacency", { skillId: id, otherSkillId: other.id, weight: 1.5 }, "ja")).toEqual({
      status: 400,
      message: "入力内容を確認してください: 近さ: 1 以下にしてください",
    });
    expect(await told(db, cast.persons.admin.id, "taxonomy.mergeSkills", { fromSkillId: id, intoSkillId: id }, "en")).toEqual({
      status: 400,
      message: "Please check your input: Merge into must be a different skill",
    });

    const { id: categoryId } = await admin.taxonomy.saveCategory({ nameJa: "品質", nameEn: "Quality", sortOrder: 3 });
    await admin.taxonomy.saveSkill({ skillId: id, nameJa: "エスカレーション管理", nameEn: "Escalation management", categoryId, aliases: [] });
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, cast.persons.admin.id))).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["taxonomy.skill_create", "taxonomy.adjacency_set", "taxonomy.category_create", "taxonomy.skill_update"]));
    const [update] = await db.select().from(auditLog).where(and(eq(auditLog.action, "taxonomy.skill_update"), eq(auditLog.entityId, String(id))));
    expect(update!.data).toMatchObject({ before: { categoryId: category.id, aliases: ["エスカレ"] }, after: { categoryId, aliases: [] } });
  });
});

describe("administering the career map", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const admin = callerAs(db, cast, "admin");
  const employee = callerAs(db, cast, "employee");

  it("shows a level's new standard years and key experience on the map at once, audited", async () => {
    const { id: familyId } = await admin.careerMap.saveFamily({ nameJa: "品質保証", nameEn: "Quality assurance" });
    const { id: roleId } = await admin.careerMap.saveRole({ familyId, track: "specialist", nameJa: "QAエンジニア", nameEn: "QA engineer" });
    const [role] = await db.select().from(roles).where(eq(roles.id, roleId));
    expect((await employee.careerMap.role({ slug: role!.slug })).levels.map((level) => level.level)).toEqual([1, 2, 3, 4]);

    await admin.careerMap.saveLevel({ roleId, level: 2, standardYears: 2.5, keyExperiences: [{ ja: "テスト計画の立案", en: "Drafting a test plan" }], qualifications: [{ ja: "JSTQB Foundation", en: "" }] });
    const shown = (await employee.careerMap.role({ slug: role!.slug })).levels.find((level) => level.level === 2);
    expect(shown).toMatchObject({ standardYears: 2.5, keyExperiences: [{ ja: "テスト計画の立案", en: "Drafting a test plan" }] });
    expect((await employee.careerMap.map()).roles.map((item) => item.id)).toContain(roleId);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "career_map.role_level_update"));
    expect(audit!.data).toMatchObject({ level: 2, before: { standardYears: 2 }, after: { standardYears: 2.5 } });

    expect(await told(db, cast.persons.admin.id, "careerMap.saveLevel", { roleId, level: 2, standardYears: 2.25, keyExperiences: [{ ja: "", en: "" }] }, "en")).toEqual({
      status: 400,
      message: "Please check your input: Standard years must be in tenths of a year",
    });
  });

  it("refuses to delete a role someone holds, retires it instead, and deletes a role nothing names", async () => {
    const held = await createRole(db);
    const holder = await createPerson(db, { departmentId: cast.departments.team.id, roleId: held.id });
    for (const [locale, message] of [
      ["en", "People hold this role, so it cannot be deleted. Retire it instead."],
      ["ja", "このロールに就いている人がいるため削除できません。代わりに廃止してください。"],
    ] as const) {
      expect(await told(db, cast.persons.admin.id, "careerMap.deleteRole", { roleId: held.id }, locale)).toEqual({ status: 409, message });
    }
    expect(await db.select({ id: roles.id }).from(roles).where(eq(roles.id, held.id))).toHaveLength(1);

    await admin.careerMap.retireRole({ id: held.id, retired: true });
    const outline = await admin.careerMap.outline();
    expect(outline.roles.find((role) => role.id === held.id)).toMatchObject({ retired: true, holders: 1 });
    // Still on the map of the person who holds it (marked), no longer on anyone else's.
    const holderActor = (await actorForPerson(db, holder.id))!;
    const holderMap = await createCaller(createContextInner({ db, actor: holderActor, demoSignInEnabled: false })).careerMap.map();
    expect(holderMap.roles.find((role) => role.id === held.id)).toMatchObject({ retired: true });
    expect((await employee.careerMap.map()).roles.map((role) => role.id)).not.toContain(held.id);
    const refusedTarget = await refusal(
      employee.will.save({ statement: "", targetRoleIds: [held.id], desiredSkillIds: [], horizon: "now", openness: "now", shareWithManager: false, shareWithHr: false, shareWithMatching: false, expectedVersion: 0 }),
    );
    expect(refusedTarget?.code).toBe("BAD_REQUEST");

    const unused = await createRole(db);
    await db.insert(roleLevels).values({ roleId: unused.id, level: 1, standardYears: 1 });
    await admin.careerMap.deleteRole({ roleId: unused.id });
    expect(await db.select().from(roles).where(eq(roles.id, unused.id))).toEqual([]);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "career_map.role_delete"), eq(auditLog.entityId, String(unused.id))))).toHaveLength(1);
  });

  it("adds, edits and removes paths between roles", async () => {
    const [a, b] = [await createRole(db), await createRole(db)];
    const { id } = await admin.careerMap.savePath({ fromRoleId: a.id, toRoleId: b.id, kind: "cross_functional", noteJa: "顧客理解を活かす" });
    expect((await employee.careerMap.role({ slug: a.slug })).pathsOut.map((path) => path.role.id)).toEqual([b.id]);
    expect(await told(db, cast.persons.admin.id, "careerMap.savePath", { fromRoleId: a.id, toRoleId: b.id, kind: "promotion" }, "en")).toEqual({
      status: 409,
      message: "There is already a path between these roles.",
    });
    await admin.careerMap.deletePath({ pathId: id });
    expect((await employee.careerMap.role({ slug: a.slug })).pathsOut).toEqual([]);
  });
});
