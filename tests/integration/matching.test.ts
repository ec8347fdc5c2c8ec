import type { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createPerson, createRole, createSkill, setPersonSkill } from "../../db/factories";
import { auditLog, matchScores, people } from "../../db/schema";
import { matchingPolicy } from "../../server/services/matching/matching.policy";
import { processOutbox } from "../../server/services/outbox/dispatcher";
import { enqueue } from "../../server/services/outbox/outbox";
import { candidateKey, recomputeCandidates } from "../../server/services/matching/matching.service";
import { setOpportunityStatus } from "../../server/services/opportunities/opportunity.service";
import { callerAs, createCast } from "../setup/cast";
import { createReceivingTeam } from "../setup/mobility";
import { callerFor } from "../setup/relationships";
import { createTestDatabase } from "../setup/test-database";

/** No e-mail in these tests. */
const mailer = { send: async () => {} };

describe("matching with consent", async () => {
  const { db } = await createTestDatabase();
  /** What the background jobs do after a change: dispatch the outbox, then recompute. */
  const refresh = async (opportunityIds?: number[]) => {
    await processOutbox(db, mailer);
    await recomputeCandidates(db, opportunityIds);
  };
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
  await refresh();

  it("lists only people open to move or to scouting, with explanations and the policy version", async () => {
    const served = await team.hiring.matching.candidates({ opportunityId: team.opportunityId });
    const rows = await db.select().from(matchScores).where(eq(matchScores.opportunityId, team.opportunityId));
    expect(rows.map((row) => row.personId)).toEqual([cast.persons.employee.id]);
    expect(rows[0]?.policyVersion).toBe(matchingPolicy.version);
    expect(served.items).toHaveLength(1);
    const [top] = served.items;
    // Names hidden until invited; reasons shown.
    expect(top?.person).toBeNull();
    expect(top?.facts.skills).toContainEqual({ skillId: bugs.id, kind: "required", level: 2, band: "meets" });
    expect(top?.facts.skillNames[String(bugs.id)]).toEqual({ ja: "不具合報告", en: "Bug reporting" });
    // The Will counts (as points); why it aligns waits until the person applies or accepts an invitation.
    expect(top?.facts.factors.willAlignment.contribution).toBeGreaterThan(0);
    expect(top?.facts.will).toBeNull();
    // Time at level is restricted profile data: the hiring manager never gets the years.
    expect(top?.facts.readiness).not.toHaveProperty("yearsAtLevel");
  });

  it("a private Will never influences the hiring manager's view; opting in to scouting makes one a candidate", async () => {
    await employee.profile.update({ openToScouting: true });
    await colleague.profile.update({ openToScouting: true });
    await refresh();
    const served = await team.hiring.matching.candidates({ opportunityId: team.opportunityId });
    expect(served.items).toHaveLength(2);
    const colleagueRow = (await db.select().from(matchScores).where(eq(matchScores.personId, cast.persons.colleague.id)))[0]!;
    const explanation = colleagueRow.explanation as { roleAlignment: unknown; willTermsMatched: unknown[]; factors: { willAlignment: { score: number } } };
    expect(explanation.roleAlignment).toBeNull();
    expect(explanation.willTermsMatched).toEqual([]);
    expect(explanation.factors.willAlignment.score).toBe(0);
  });

  it("never shows candidates to anyone but the hiring manager and HR", async () => {
    for (const role of ["employee", "colleague", "manager", "admin"] as const) {
      await expect(callerAs(db, cast, role).matching.candidates({ opportunityId: team.opportunityId }), role).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("recommends opportunities to a person with their whole Will, and remembers 'not interested'", async () => {
    const [first] = await colleague.matching.recommendations({});
    expect(first?.opportunity.id).toBe(team.opportunityId);
    // Their own (private) Will is used for their own recommendations.
    expect(first?.explanation.roleAlignment?.targetRoleId).toBe(team.role.id);
    expect(first?.explanation.whatIfs.length).toBeGreaterThan(0);
    await colleague.matching.notInterested({ opportunityId: team.opportunityId });
    expect((await colleague.matching.recommendations({})).map((item) => item.opportunity.id)).not.toContain(team.opportunityId);
  });

  it("leaves out someone who hides their skills, unless they opted in to scouting", async () => {
    await employee.profile.update({ showSkillsInDirectory: false, openToScouting: false });
    await refresh();
    expect((await db.select().from(matchScores).where(eq(matchScores.personId, cast.persons.employee.id))).length).toBe(0);
    await employee.profile.update({ openToScouting: true });
    await refresh();
    expect((await db.select().from(matchScores).where(eq(matchScores.personId, cast.persons.employee.id))).length).toBe(1);
    await employee.profile.update({ showSkillsInDirectory: true });
  });

  it("drops a person who deactivates, on the next refresh", async () => {
    const role = await createRole(db);
    const leaver = await createPerson(db, { departmentId: cast.departments.team.id, roleId: role.id, openToScouting: true });
    await refresh([team.opportunityId]);
    expect((await db.select().from(matchScores).where(eq(matchScores.personId, leaver.id))).length).toBe(1);
    // Deactivated outside the services (an HR data fix), announced as every profile change is.
    await db.update(people).set({ active: false }).where(eq(people.id, leaver.id));
    await enqueue(db, "profile.changed", { personId: leaver.id });
    await refresh([team.opportunityId]);
    expect(await db.select().from(matchScores).where(eq(matchScores.personId, leaver.id))).toEqual([]);
  });
});

describe("scouting (社内FA)", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const team = await createReceivingTeam(db, cast);
  const bugs = await createSkill(db, { nameJa: "不具合報告", nameEn: "Bug reporting" });
  await setPersonSkill(db, cast.persons.employee.id, bugs.id, 3);
  const employee = callerAs(db, cast, "employee");
  const manager = callerAs(db, cast, "manager");
  await employee.profile.update({ openToScouting: true });
  await recomputeCandidates(db);
  const mails: string[] = [];
  const recording = { send: async (mail: { to: string }) => void mails.push(mail.to) };

  it("the hiring manager invites a hidden candidate; the person sees it; the current manager learns nothing", async () => {
    const [candidate] = (await team.hiring.matching.candidates({ opportunityId: team.opportunityId })).items;
    expect(candidate?.person).toBeNull();
    const { inviteId } = await team.hiring.scout.invite({ opportunityId: team.opportunityId, candidateKey: candidate!.candidateKey, message: "QA チームで一緒に働きませんか" });
    await expect(
      team.hiring.scout.invite({ opportunityId: team.opportunityId, candidateKey: candidate!.candidateKey, message: "もう一度" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await processOutbox(db, recording);
    const [invite] = await employee.scout.mine();
    expect(invite).toMatchObject({ id: inviteId, status: "pending", message: "QA チームで一緒に働きませんか" });
    expect((await employee.notification.list()).map((item) => item.kind)).toContain("scoutInvited");
    // Invited, still anonymous: only the person's own answer names them.
    const [invited] = (await team.hiring.matching.candidates({ opportunityId: team.opportunityId })).items;
    expect(invited).toMatchObject({ invited: true, person: null });
    // Nothing reaches the current manager: no notification, no mail, no inbox item.
    expect(await manager.notification.list()).toEqual([]);
    expect(mails).not.toContain(cast.persons.manager.email);
    expect(await manager.application.inbox()).toEqual([]);
  });

  it("the person accepts a casual interview; only the inviter hears of it", async () => {
    const [invite] = await employee.scout.mine();
    const { applicationId } = await employee.scout.respond({ inviteId: invite!.id, response: "casual_interview" });
    expect(applicationId).toBeNull();
    await expect(employee.scout.respond({ inviteId: invite!.id, response: "decline" })).rejects.toMatchObject({ code: "CONFLICT" });
    await processOutbox(db, recording);
    expect((await team.hiring.notification.list()).map((item) => item.kind)).toContain("scoutAccepted");
    expect(await manager.notification.list()).toEqual([]);
    // Having accepted, they are named to the hiring manager.
    const [named] = (await team.hiring.matching.candidates({ opportunityId: team.opportunityId })).items;
    expect(named?.person?.id).toBe(cast.persons.employee.id);
  });
});

describe("sealed scout invitations: the opt-in decides whether an invitation reaches a person, never whether it may be sent", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const team = await createReceivingTeam(db, cast);
  const bugs = await createSkill(db, { nameJa: "不具合報告", nameEn: "Bug reporting" });
  const mails: string[] = [];
  const recording = { send: async (mail: { to: string }) => void mails.push(mail.to) };
  // Two suggested candidates alike in all but the scouting opt-in, both hidden from the sender.
  const candidateLike = async (openToScouting: boolean) => {
    const person = await createPerson(db, { departmentId: cast.departments.team.id, openToScouting, showSkillsInDirectory: true });
    await setPersonSkill(db, person.id, bugs.id, 3);
    const caller = await callerFor(db, person.id);
    await caller.will.save({
      statement: "QA に興味",
      targetRoleIds: [],
      desiredSkillIds: [],
      horizon: "now",
      openness: "now",
      shareWithManager: false,
      shareWithHr: false,
      shareWithMatching: true,
      expectedVersion: 0,
    });
    return { person, caller };
  };
  const scoutable = await candidateLike(true);
  const sealed = await candidateLike(false);
  await processOutbox(db, recording);
  await recomputeCandidates(db);
  const servedAs = async (personId: number) => {
    const { items } = await team.hiring.matching.candidates({ opportunityId: team.opportunityId });
    const item = items.find((candidate) => candidate.candidateKey === candidateKey(team.opportunityId, personId));
    expect(item).toBeDefined();
    // Modulo ids: rank and key tell people apart, nothing else may.
    const { rank: _rank, candidateKey: _key, ...view } = item!;
    return view;
  };
  const auditOf = async (inviteId: number) =>
    (await db.select().from(auditLog).where(and(eq(auditLog.entityType, "scout_invite"), eq(auditLog.entityId, String(inviteId))))).map(
      ({ id: _id, at: _at, entityId: _entityId, ...entry }) => entry,
    );
  const sent = new Map<number, number>();
  /** What the caller is told: "ok", or the error's code and translated message. */
  const told = (call: Promise<unknown>) => call.then(() => "ok", (error: TRPCError) => ({ code: error.code, message: error.message }));

  it("the sender's answers, audit and view are the same whether or not the person opted in", async () => {
    const views = [];
    for (const { person } of [scoutable, sealed]) {
      const before = await servedAs(person.id);
      const key = candidateKey(team.opportunityId, person.id);
      const answer = await team.hiring.scout.invite({ opportunityId: team.opportunityId, candidateKey: key, message: "QA チームはどうですか" });
      sent.set(person.id, answer.inviteId);
      const again = await told(team.hiring.scout.invite({ opportunityId: team.opportunityId, candidateKey: key, message: "もう一度" }));
      await processOutbox(db, recording);
      views.push({
        before,
        answer: Object.keys(answer),
        again,
        audit: await auditOf(answer.inviteId),
        after: await servedAs(person.id),
        senderNotifications: (await team.hiring.notification.list()).length,
      });
    }
    expect(views[0]!.after).toMatchObject({ invited: true, person: null });
    expect(views[0]!.again).toMatchObject({ code: "CONFLICT" });
    expect(views[1]).toEqual(views[0]);
  });

  it("the invitation reaches the person who opted in, and nothing reaches the one who did not", async () => {
    expect((await scoutable.caller.scout.mine()).map((item) => item.id)).toEqual([sent.get(scoutable.person.id)]);
    expect((await scoutable.caller.notification.list()).map((item) => item.kind)).toEqual(["scoutInvited"]);
    expect(mails).toContain(scoutable.person.email);

    expect(await sealed.caller.scout.mine()).toEqual([]);
    expect(await sealed.caller.notification.list()).toEqual([]);
    expect(mails).not.toContain(sealed.person.email);
    expect(await told(sealed.caller.scout.respond({ inviteId: sent.get(sealed.person.id)!, response: "casual_interview" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await servedAs(sealed.person.id)).toMatchObject({ invited: true, person: null });
  });

  it("opting in later lists the pending invitation, answerable; opting out hides it again", async () => {
    await sealed.caller.profile.update({ openToScouting: true });
    const [invitation] = await sealed.caller.scout.mine();
    expect(invitation).toMatchObject({ id: sent.get(sealed.person.id), status: "pending", message: "QA チームはどうですか" });
    await sealed.caller.profile.update({ openToScouting: false });
    expect(await sealed.caller.scout.mine()).toEqual([]);
    await sealed.caller.profile.update({ openToScouting: true });
    await sealed.caller.scout.respond({ inviteId: invitation!.id, response: "casual_interview" });
    await processOutbox(db, recording);
    // No late notification for the invitation itself; the answer reaches the sender, who now sees the name.
    expect((await sealed.caller.notification.list()).map((item) => item.kind)).not.toContain("scoutInvited");
    expect(mails).not.toContain(sealed.person.email);
    expect((await team.hiring.notification.list()).map((item) => item.kind)).toEqual(["scoutAccepted"]);
    expect((await servedAs(sealed.person.id)).person?.id).toBe(sealed.person.id);
  });

  it("a pending invitation stops reaching its invitee once the posting closes; an answered one stays listed", async () => {
    await setOpportunityStatus(db, team.hiringActor, { opportunityId: team.opportunityId, status: "closed" });
    expect(await scoutable.caller.scout.mine()).toEqual([]);
    expect(await told(scoutable.caller.scout.respond({ inviteId: sent.get(scoutable.person.id)!, response: "decline" }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await sealed.caller.scout.mine()).map((item) => item.status)).toEqual(["accepted"]);
  });
});
