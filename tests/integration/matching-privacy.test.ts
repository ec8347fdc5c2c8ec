import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createPerson, createSkill, setPersonSkill } from "../../db/factories";
import { matchScores, people, personSkills, skillAdjacency } from "../../db/schema";
import { actorForPerson } from "../../server/auth/actor";
import { createOpportunity, setOpportunityStatus } from "../../server/services/opportunities/opportunity.service";
import { processOutbox } from "../../server/services/outbox/dispatcher";
import { recomputeCandidates } from "../../server/services/matching/matching.service";
import { createContextInner } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { callerAs, createCast } from "../setup/cast";
import { createReceivingTeam } from "../setup/mobility";
import { sessionCookieFor, type TrpcErrorBody, trpcHttp } from "../setup/http";
import { createTestDatabase } from "../setup/test-database";

/**
 * What a hiring manager can learn about suggested candidates: nothing that names them, unmasks
 * their consent, or lets their private Will or exact profile be read back — only banded facts.
 */
describe("the side doors around matching", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const team = await createReceivingTeam(db, cast);
  const bugs = await createSkill(db, { nameJa: "不具合報告", nameEn: "Bug reporting" });
  const testing = await createSkill(db, { nameJa: "テスト設計", nameEn: "Test design" });
  const automation = await createSkill(db, { nameJa: "テスト自動化", nameEn: "Test automation" });
  const postingSkills = [
    { skillId: bugs.id, kind: "required" as const, level: 2 },
    { skillId: testing.id, kind: "required" as const, level: 3 },
    { skillId: automation.id, kind: "grows" as const, level: 3 },
  ];
  // A description written to probe private statements for sensitive words.
  const probe = "介護 育児 退職 転居 不具合報告 テスト設計";
  await team.hiring.opportunity.update({
    opportunityId: team.opportunityId,
    expectedVersion: (await team.hiring.opportunity.byId({ opportunityId: team.opportunityId })).version,
    kind: "transfer",
    title: "QA メンバー",
    description: probe,
    departmentId: team.department.id,
    roleId: team.role.id,
    skills: postingSkills,
  });
  // A neighbour of a skill the posting grows: holding it earns adjacency credit, never a listed fact.
  const manualTesting = await createSkill(db, { nameJa: "手動テスト", nameEn: "Manual testing" });
  await db.insert(skillAdjacency).values({ skillA: Math.min(automation.id, manualTesting.id), skillB: Math.max(automation.id, manualTesting.id), weight: 0.8 });
  const employee = callerAs(db, cast, "employee", { locale: "en" });
  await setPersonSkill(db, cast.persons.employee.id, manualTesting.id, 2);
  await setPersonSkill(db, cast.persons.employee.id, bugs.id, 4);
  await setPersonSkill(db, cast.persons.employee.id, testing.id, 2);
  await employee.profile.update({ openToScouting: true });
  await employee.will.save({
    statement: "親の介護があるので、テスト設計の仕事に移りたい",
    targetRoleIds: [team.role.id],
    desiredSkillIds: [automation.id],
    horizon: "now",
    openness: "now",
    shareWithManager: false,
    shareWithHr: false,
    shareWithMatching: true,
    expectedVersion: 0,
  });
  const candidates = () => team.hiring.matching.candidates({ opportunityId: team.opportunityId });
  const storedExplanation = async () =>
    (await db.select().from(matchScores).where(and(eq(matchScores.opportunityId, team.opportunityId), eq(matchScores.personId, cast.persons.employee.id))))[0]
      ?.explanation as { willTermsMatched: { term: string }[] } | undefined;
  await recomputeCandidates(db);

  it("serves banded skill facts, no exact level, no time at level and no readiness value", async () => {
    const served = await candidates();
    expect(served.items).toHaveLength(1);
    const [candidate] = served.items;
    expect(candidate!.facts.skills).toEqual([
      { skillId: bugs.id, kind: "required", level: 2, band: "meets" },
      { skillId: testing.id, kind: "required", level: 3, band: "oneLevelShort" },
      { skillId: automation.id, kind: "grows", level: 3, band: "missing" },
    ]);
    const json = JSON.stringify(served);
    for (const withheld of ["held", "shortBy", "yearsAtLevel", "scoreIfEligible", "gateReasons", "adjacentUsed"]) expect(json).not.toContain(`"${withheld}"`);
    // Readiness is served only as "past the standard years or not", never as a value to invert.
    expect(candidate!.facts.readiness).toEqual({ standardYears: null, pastStandard: false });
    expect(Object.keys(candidate!.facts.factors).sort()).toEqual(["growth", "skillFit", "willAlignment"]);
    // Only the posting's own skills are named: a held neighbour would be a fact about the profile.
    expect(Object.keys(candidate!.facts.skillNames).sort()).toEqual(postingSkills.map((skill) => String(skill.skillId)).sort());
    // What would raise the match: reaching the needed level, never "2→3".
    for (const whatIf of candidate!.facts.whatIfs) expect(postingSkills.find((skill) => skill.skillId === whatIf.skillId)?.level).toBe(whatIf.level);
    expect(candidate!.facts.whatIfs.map((whatIf) => whatIf.skillId)).not.toContain(bugs.id);
  });

  it("never serves a word of a private Will, and Will alignment only as a value until the person engages", async () => {
    // The engine did find the shared sensitive word: the serving layer must not pass it on.
    expect((await storedExplanation())?.willTermsMatched.map((term) => term.term)).toContain("介護");
    const served = await candidates();
    const json = JSON.stringify(served);
    expect(json).not.toContain("介護");
    expect(json).not.toContain("willTermsMatched");
    const [candidate] = served.items;
    expect(candidate!.facts.factors.willAlignment.contribution).toBeGreaterThan(0);
    expect(candidate!.facts.will).toBeNull();
  });

  it("never reveals the scouting flag of a suggested-only candidate", async () => {
    const json = JSON.stringify(await candidates());
    expect(json).not.toContain("openToScouting");
  });

  it("re-checks consent and being active when serving, not only when computing", async () => {
    const colleague = callerAs(db, cast, "colleague");
    await setPersonSkill(db, cast.persons.colleague.id, bugs.id, 3);
    await colleague.profile.update({ openToScouting: true });
    // The dispatcher hands the change to matching, as the background job does.
    await processOutbox(db, { send: async () => {} });
    await recomputeCandidates(db);
    expect((await candidates()).total).toBe(2);
    // Withdrawn consent: gone at once, before any recompute.
    await colleague.profile.update({ openToScouting: false });
    expect((await candidates()).total).toBe(1);
    await colleague.profile.update({ openToScouting: true });
    expect((await candidates()).total).toBe(2);
    await db.update(people).set({ active: false }).where(eq(people.id, cast.persons.colleague.id));
    const served = await candidates();
    expect(served.total).toBe(1);
    expect(served.items).toHaveLength(1);
    await db.update(people).set({ active: true }).where(eq(people.id, cast.persons.colleague.id));
    await colleague.profile.update({ openToScouting: false });
  });

  it("never suggests someone to their own manager or anyone above them, when computing or serving", async () => {
    // The manager posts in their own department, listing exactly what their reports hold.
    const skipLevel = await createPerson(db, { departmentId: cast.departments.team.id });
    await db.update(people).set({ managerId: skipLevel.id }).where(eq(people.id, cast.persons.manager.id));
    const postAs = async (personId: number) => {
      const actor = (await actorForPerson(db, personId))!;
      const { id } = await createOpportunity(db, actor, { kind: "transfer", title: "チーム内の QA", departmentId: cast.departments.team.id, skills: postingSkills });
      await setOpportunityStatus(db, actor, { opportunityId: id, status: "open" });
      return { id, caller: createCaller(createContextInner({ db, actor })) };
    };
    const own = await postAs(cast.persons.manager.id);
    const above = await postAs(skipLevel.id);
    await processOutbox(db, { send: async () => {} });
    await recomputeCandidates(db);
    for (const posting of [own, above]) {
      expect(await db.select().from(matchScores).where(and(eq(matchScores.opportunityId, posting.id), eq(matchScores.personId, cast.persons.employee.id)))).toEqual([]);
      expect((await posting.caller.matching.candidates({ opportunityId: posting.id })).items).toEqual([]);
    }
    // Someone moved under the hiring manager after the last recompute is not served to them either.
    const [listed] = (await candidates()).items;
    await db.update(people).set({ managerId: team.hiringManager.id }).where(eq(people.id, cast.persons.employee.id));
    const served = await candidates();
    expect(served.total).toBe(0);
    expect(served.items).toEqual([]);
    // Nor can they be invited with the key the list gave before.
    await expect(team.hiring.scout.invite({ opportunityId: team.opportunityId, candidateKey: listed!.candidateKey, message: "うちのチームへ" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.update(people).set({ managerId: cast.persons.manager.id }).where(eq(people.id, cast.persons.employee.id));
  });

  it("lets a hiring manager read a Will only while the person engages: not after a decline or a withdrawal", async () => {
    const readWill = () => team.hiring.will.of({ personId: cast.persons.employee.id });
    const [candidate] = (await candidates()).items;
    await team.hiring.scout.invite({ opportunityId: team.opportunityId, candidateKey: candidate!.candidateKey, message: "QA チームで働きませんか" });
    // Invited but not yet answered: still anonymous as far as the Will goes.
    expect(await readWill()).toBeNull();
    const [invitation] = await employee.scout.mine();
    await employee.scout.respond({ inviteId: invitation!.id, response: "decline" });
    expect(await readWill()).toBeNull();
    const { applicationId } = await employee.application.submit({ opportunityId: team.opportunityId, motivation: "やはり挑戦したい" });
    expect((await readWill())?.statement).toContain("介護");
    // Applying also opens the Will alignment reasons — still never its words.
    const [named] = (await candidates()).items;
    expect(named!.person?.id).toBe(cast.persons.employee.id);
    expect(named!.facts.will).toEqual({ roleAlignment: { steps: 0 }, desiredSkillsGrown: [automation.id] });
    expect(JSON.stringify(named)).not.toContain("介護");
    const willInPipeline = async () =>
      (await team.hiring.application.pipeline({ opportunityId: team.opportunityId })).find((row) => row.person.id === cast.persons.employee.id)?.will ?? null;
    expect((await willInPipeline())?.statement).toContain("介護");
    await employee.application.act({ applicationId: applicationId!, action: "withdraw" });
    expect(await readWill()).toBeNull();
    expect(await willInPipeline()).toBeNull();
    expect((await candidates()).items[0]!.facts.will).toBeNull();
  });

  it("endorses only the posting's own skills, up to the level it offers", async () => {
    const project = await createOpportunity(db, team.hiringActor, {
      kind: "project",
      title: "自動化プロジェクト",
      departmentId: team.department.id,
      skills: [
        { skillId: automation.id, kind: "grows", level: 2 },
        { skillId: testing.id, kind: "preferred", level: 3 },
      ],
    });
    const { participations } = await import("../../db/schema");
    const [participation] = await db
      .insert(participations)
      .values({ personId: cast.persons.colleague.id, opportunityId: project.id, timePercent: 20, startOn: "2026-01-01", endOn: "2026-06-30" })
      .returning({ id: participations.id });
    const before = await db.select().from(personSkills).where(eq(personSkills.personId, cast.persons.colleague.id));
    const cookie = await sessionCookieFor(db, team.hiringManager.id);
    const refusals = [[{ skillId: automation.id, level: 3 }], [{ skillId: bugs.id, level: 1 }], [{ skillId: testing.id, level: 2 }], [{ skillId: automation.id, level: 2 }, { skillId: bugs.id, level: 1 }]];
    for (const [index, skills] of refusals.entries()) {
      const locale = index === 0 ? "ja" : "en";
      const response = await trpcHttp(db, { path: "participation.endorse", method: "POST", input: { participationId: participation!.id, skills }, cookie, locale });
      expect(response.status, JSON.stringify(skills)).toBe(400);
      expect((response.body as TrpcErrorBody).error.json.message).toBe(
        locale === "ja"
          ? "推薦できるのは、この募集が必須スキルまたは伸ばせるスキルとして挙げたスキルだけです（挙げたレベルまで）。"
          : "Only the skills this posting lists as required or grown can be endorsed, up to the level it names.",
      );
    }
    expect(await db.select().from(personSkills).where(eq(personSkills.personId, cast.persons.colleague.id))).toEqual(before);
    await team.hiring.participation.endorse({ participationId: participation!.id, skills: [{ skillId: automation.id, level: 2 }] });
    expect((await db.select().from(personSkills).where(eq(personSkills.personId, cast.persons.colleague.id))).find((skill) => skill.skillId === automation.id)?.level).toBe(2);
  });
});
