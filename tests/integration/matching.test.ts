import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createPerson, createRole, createSkill, setPersonSkill } from "../../db/factories";
import { matchScores, people } from "../../db/schema";
import { matchingPolicy } from "../../server/services/matching/matching.policy";
import { recomputeCandidates } from "../../server/services/recommendations/recommendations.service";
import { callerAs, createCast } from "../setup/cast";
import { createReceivingTeam } from "../setup/mobility";
import { createTestDatabase } from "../setup/test-database";

describe("matching with consent", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const team = await createReceivingTeam(db, cast);
  const testing = await createSkill(db, { nameJa: "テスト設計", nameEn: "Test design" });
  const bugs = await createSkill(db, { nameJa: "不具合報告", nameEn: "Bug reporting" });
  await team.hiring.opportunity.update({
    opportunityId: team.opportunityId,
    expectedVersion: (await team.hiring.opportunity.byId({ opportunityId: team.opportunityId })).version,
    kind: "transfer",
    title: "QA メンバー",
    description: "不具合の傾向をテスト設計に活かす",
    departmentId: team.department.id,
    roleId: team.role.id,
    skills: [
      { skillId: bugs.id, kind: "required", level: 2 },
      { skillId: testing.id, kind: "grows", level: 2 },
    ],
  });
  const employee = callerAs(db, cast, "employee");
  const colleague = callerAs(db, cast, "colleague");
  for (const person of [cast.persons.employee, cast.persons.colleague]) await setPersonSkill(db, person.id, bugs.id, 3);
  const saveWill = (caller: typeof employee, version: number, shareWithMatching: boolean, openness: "now" | "not_now") =>
    caller.will.save({
      statement: "不具合の傾向をテスト設計に活かしたい",
      targetRoleIds: [team.role.id],
      desiredSkillIds: [testing.id],
      horizon: "one_year",
      openness,
      shareWithManager: false,
      shareWithHr: false,
      shareWithMatching,
      expectedVersion: version,
    });
  // The employee is open to move and shares their Will with matching; the colleague says "not now"
  // and has not opted in to scouting.
  await saveWill(employee, 0, true, "now");
  await saveWill(colleague, 0, false, "not_now");
  await recomputeCandidates(db);

  it("lists only people open to move or to scouting, with explanations and the policy version", async () => {
    const served = await team.hiring.match.candidates({ opportunityId: team.opportunityId });
    const rows = await db.select().from(matchScores).where(eq(matchScores.opportunityId, team.opportunityId));
    expect(rows.map((row) => row.personId)).toEqual([cast.persons.employee.id]);
    expect(rows[0]?.policyVersion).toBe(matchingPolicy.version);
    expect(served.items).toHaveLength(1);
    const [top] = served.items;
    // Names hidden until invited; reasons shown.
    expect(top?.person).toBeNull();
    expect(top?.explanation.matchedSkills.map((skill) => skill.skillId)).toContain(bugs.id);
    expect(top?.explanation.skillNames[String(bugs.id)]).toEqual({ ja: "不具合報告", en: "Bug reporting" });
    expect(top?.explanation.roleAlignment?.targetRoleId).toBe(team.role.id);
  });

  it("a private Will never influences the hiring manager's view; opting in to scouting makes one a candidate", async () => {
    await employee.profile.update({ openToScouting: true });
    await colleague.profile.update({ openToScouting: true });
    await recomputeCandidates(db);
    const served = await team.hiring.match.candidates({ opportunityId: team.opportunityId });
    expect(served.items).toHaveLength(2);
    const colleagueRow = (await db.select().from(matchScores).where(eq(matchScores.personId, cast.persons.colleague.id)))[0]!;
    const explanation = colleagueRow.explanation as { roleAlignment: unknown; willTermsMatched: unknown[]; factors: { willAlignment: { score: number } } };
    expect(explanation.roleAlignment).toBeNull();
    expect(explanation.willTermsMatched).toEqual([]);
    expect(explanation.factors.willAlignment.score).toBe(0);
  });

  it("never shows candidates to anyone but the hiring manager and HR", async () => {
    for (const role of ["employee", "colleague", "manager", "admin"] as const) {
      await expect(callerAs(db, cast, role).match.candidates({ opportunityId: team.opportunityId }), role).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("recommends opportunities to a person with their whole Will, and remembers 'not interested'", async () => {
    const [first] = await colleague.match.recommendations({});
    expect(first?.opportunity.id).toBe(team.opportunityId);
    // Their own (private) Will is used for their own recommendations.
    expect(first?.explanation.roleAlignment?.targetRoleId).toBe(team.role.id);
    expect(first?.explanation.whatIfs.length).toBeGreaterThan(0);
    await colleague.match.notInterested({ opportunityId: team.opportunityId });
    expect((await colleague.match.recommendations({})).map((item) => item.opportunity.id)).not.toContain(team.opportunityId);
  });

  it("drops a person who deactivates, on the next refresh", async () => {
    const role = await createRole(db);
    const leaver = await createPerson(db, { departmentId: cast.departments.team.id, roleId: role.id, openToScouting: true });
    await recomputeCandidates(db, [team.opportunityId]);
    expect((await db.select().from(matchScores).where(eq(matchScores.personId, leaver.id))).length).toBe(1);
    await db.update(people).set({ active: false }).where(eq(people.id, leaver.id));
    await recomputeCandidates(db, [team.opportunityId]);
    expect(await db.select().from(matchScores).where(eq(matchScores.personId, leaver.id))).toEqual([]);
  });
});
