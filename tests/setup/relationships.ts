import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { createDepartment, createPerson, createRole, createSkill, setPersonSkill } from "../../db/factories";
import { approvalSteps, participations, people } from "../../db/schema";
import { actorForPerson } from "../../server/auth/actor";
import { act, apply } from "../../server/services/applications/application.service";
import { recordConversation } from "../../server/services/conversations/conversation.service";
import { candidateKey, recomputeCandidates } from "../../server/services/matching/matching.service";
import { createOpportunity, setOpportunityStatus } from "../../server/services/opportunities/opportunity.service";
import { processOutbox } from "../../server/services/outbox/dispatcher";
import { changeManager, deactivatePerson } from "../../server/services/people/organisation";
import { updateOwnProfile } from "../../server/services/profile/profile.service";
import { invite } from "../../server/services/scouting/scouting.service";
import { updateSettings } from "../../server/services/settings/settings.service";
import { saveOwnWill } from "../../server/services/will/will.service";
import { japanDate } from "../../server/services/workflow/business-days";
import { escalateOverdueReleases } from "../../server/services/workflow/workflow.jobs";
import { createContextInner } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { sessionCookieFor } from "./http";

/**
 * A company for relationship tests. Three applicants, each with a different tie to the people
 * around them, apply to one posting per workflow state and are driven into it:
 * - `employee`: manager `manager`, whose manager is `skipLevel`; Will shared with matching only;
 * - `hrReport`: manager `hrManager`, who is also HR, as is their manager `hrDirector`; Will private;
 * - `mover`: manager `formerManager` while applying and deciding, then moved under `newManager`;
 *   Will shared with the manager.
 * The receiving side is `hiringManager` (owner of every posting); `hr`, `admin` and `colleague`
 * (the employee's teammate) have no tie to the applications. Every text that must stay with its
 * audience carries a marker, so a test can search a serialized answer for it.
 */

/**
 * Workflow states the fixture builds, in order of the journey: under the "until offer" policy (a
 * requested release left past its deadline is escalated to HR), and one applied under "manager
 * first" (disclosed, and the release asked for, at once).
 */
export const workflowStates = [
  "applied",
  "shortlisted",
  "releaseRequested",
  "releaseEscalated",
  "released",
  "releaseDeclined",
  "finalized",
  "withdrawn",
  "declined",
  "appliedManagerFirst",
] as const;
export type WorkflowStateName = (typeof workflowStates)[number];

/** States in which the current manager has been told (by the offer under "until offer", at once under "manager first"). */
export const disclosedStates: ReadonlySet<WorkflowStateName> = new Set(["releaseRequested", "releaseEscalated", "released", "releaseDeclined", "finalized", "appliedManagerFirst"]);

/** States whose release decision waits on the current manager (escalated or not: they may still decide). */
export const releasePendingStates: ReadonlySet<WorkflowStateName> = new Set(["releaseRequested", "releaseEscalated", "appliedManagerFirst"]);

export const applicantKeys = ["employee", "hrReport", "mover"] as const;
export type ApplicantKey = (typeof applicantKeys)[number];

/** Dates relative to today in Japan, so they never fall into the past. */
export const inDays = (days: number) => japanDate(new Date(Date.now() + days * 86_400_000));

/** Texts that must reach only their audience; bracketed, so that no marker is a prefix of another. */
export const markers = {
  /** The employee's Will, shared with matching only: its owner, and a hiring manager the employee engages with. */
  employeeWill: "[WILL employee] 介護のため異動を考えている",
  /** The mover's Will, shared with their manager only. */
  moverWill: "[WILL mover] 地元に戻りたい",
  /** The HR report's Will, shared with nobody. */
  hrReportWill: "[WILL hrReport] 転職も考えている",
  motivation: (applicant: ApplicantKey, state: WorkflowStateName) => `[MOTIVE ${applicant} ${state}]`,
  postingTitle: (state: WorkflowStateName) => `[POSTING ${state}] の募集`,
  sharedNotes: (author: string) => `[SHARED NOTES ${author}]`,
  privateNotes: (author: string) => `[PRIVATE NOTES ${author}]`,
  scoutMessage: "[SCOUT] ぜひ話を聞かせてください",
  /** A suggested candidate nobody invited: their name must never be served. */
  hiddenCandidate: { familyName: "隠岐", givenName: "秘子", romanizedName: "Hiko Oki" },
} as const;

/** A tRPC caller acting as this person, with the actor read from the database now (null: signed out). */
export async function callerFor(db: Database, personId: number | null) {
  const actor = personId === null ? null : await actorForPerson(db, personId);
  return createCaller(createContextInner({ db, actor, demoSignInEnabled: false }));
}

async function actorOf(db: Database, personId: number) {
  const actor = await actorForPerson(db, personId);
  if (!actor) throw new Error(`person ${personId} is not active`);
  return actor;
}

export async function createRelationshipWorld(db: Database) {
  const team = await createDepartment(db);
  const people_ = await createDepartment(db);
  const receiving = await createDepartment(db);
  const skipLevel = await createPerson(db, { departmentId: team.id, level: 4 });
  const manager = await createPerson(db, { departmentId: team.id, level: 3, managerId: skipLevel.id });
  const employee = await createPerson(db, { departmentId: team.id, managerId: manager.id });
  const colleague = await createPerson(db, { departmentId: team.id, managerId: manager.id });
  const formerManager = await createPerson(db, { departmentId: team.id, level: 3 });
  const newManager = await createPerson(db, { departmentId: team.id, level: 3 });
  const mover = await createPerson(db, { departmentId: team.id, managerId: formerManager.id });
  const hr = await createPerson(db, { departmentId: people_.id, isHr: true });
  const hrDirector = await createPerson(db, { departmentId: people_.id, isHr: true, level: 4 });
  const hrManager = await createPerson(db, { departmentId: people_.id, isHr: true, level: 3, managerId: hrDirector.id });
  const hrReport = await createPerson(db, { departmentId: people_.id, managerId: hrManager.id });
  const admin = await createPerson(db, { departmentId: people_.id, isAdmin: true });
  const hiringManager = await createPerson(db, { departmentId: receiving.id, level: 3 });
  await createPerson(db, { departmentId: receiving.id, managerId: hiringManager.id });
  // People with every right, signed in, then deactivated: a leaver through the organisation
  // service (which also ends their sessions), and one whose flag alone was turned off, session kept.
  const leaver = await createPerson(db, { departmentId: people_.id, isHr: true, isAdmin: true });
  await createPerson(db, { departmentId: people_.id, managerId: leaver.id });
  const suspended = await createPerson(db, { departmentId: people_.id, isHr: true, isAdmin: true });
  const hiddenCandidate = await createPerson(db, { departmentId: team.id, managerId: manager.id, ...markers.hiddenCandidate });
  const scouted = await createPerson(db, { departmentId: team.id, managerId: manager.id });
  const persons = { skipLevel, manager, employee, colleague, formerManager, newManager, mover, hr, hrDirector, hrManager, hrReport, admin, hiringManager, leaver, suspended, hiddenCandidate, scouted };

  const hrActor = await actorOf(db, hr.id);
  await updateSettings(db, hrActor, { confidentialityPolicy: "until_offer", minimumOpenDays: 0 });

  // The skill every posting requires; the hidden candidate holds it well above the listed level.
  const skill = await createSkill(db);
  const role = await createRole(db);
  for (const person of [employee, hrReport, mover, scouted]) await setPersonSkill(db, person.id, skill.id, 2);
  await setPersonSkill(db, hiddenCandidate.id, skill.id, 4);

  const will = async (personId: number, statement: string, share: { shareWithManager: boolean; shareWithMatching: boolean }) =>
    saveOwnWill(db, await actorOf(db, personId), {
      statement,
      targetRoleIds: [],
      desiredSkillIds: [],
      horizon: "one_year",
      openness: "within_year",
      shareWithHr: false,
      expectedVersion: 0,
      ...share,
    });
  await will(employee.id, markers.employeeWill, { shareWithManager: false, shareWithMatching: true });
  await will(mover.id, markers.moverWill, { shareWithManager: true, shareWithMatching: false });
  await will(hrReport.id, markers.hrReportWill, { shareWithManager: false, shareWithMatching: false });
  for (const person of [hiddenCandidate, scouted]) await updateOwnProfile(db, await actorOf(db, person.id), { openToScouting: true });

  const hiringActor = await actorOf(db, hiringManager.id);
  const postings = {} as Record<WorkflowStateName, number>;
  for (const state of workflowStates) {
    const { id } = await createOpportunity(db, hiringActor, {
      kind: "transfer",
      title: markers.postingTitle(state),
      departmentId: receiving.id,
      roleId: role.id,
      skills: [{ skillId: skill.id, kind: "required", level: 2 }],
    });
    await setOpportunityStatus(db, hiringActor, { opportunityId: id, status: "open" });
    postings[state] = id;
  }

  const managerAtApplyTime: Record<ApplicantKey, number> = { employee: manager.id, hrReport: hrManager.id, mover: formerManager.id };
  const applications = {} as Record<ApplicantKey, Record<WorkflowStateName, number>>;
  for (const applicant of applicantKeys) {
    applications[applicant] = {} as Record<WorkflowStateName, number>;
    const applicantActor = await actorOf(db, persons[applicant].id);
    const releasingActor = await actorOf(db, managerAtApplyTime[applicant]);
    for (const state of workflowStates) {
      await updateSettings(db, hrActor, { confidentialityPolicy: state === "appliedManagerFirst" ? "manager_first" : "until_offer" });
      const { applicationId } = await apply(db, applicantActor, { opportunityId: postings[state], motivation: markers.motivation(applicant, state) });
      applications[applicant][state] = applicationId;
      const step = (actor: typeof hrActor, action: Parameters<typeof act>[2]["action"], extra: Partial<Parameters<typeof act>[2]> = {}) =>
        act(db, actor, { applicationId, action, reason: "理由", ...extra });
      const journey: Record<WorkflowStateName, () => Promise<unknown>> = {
        applied: async () => {},
        shortlisted: () => step(hiringActor, "shortlist"),
        releaseRequested: async () => {
          await step(hiringActor, "shortlist");
          await step(hiringActor, "offer");
        },
        // Left past its deadline; the escalation job below hands it to HR.
        releaseEscalated: async () => {
          await journey.releaseRequested();
          await db
            .update(approvalSteps)
            .set({ dueAt: new Date(Date.now() - 86_400_000) })
            .where(and(eq(approvalSteps.applicationId, applicationId), eq(approvalSteps.step, "manager_release")));
        },
        released: async () => {
          await journey.releaseRequested();
          await step(releasingActor, "release_approve");
        },
        releaseDeclined: async () => {
          await journey.releaseRequested();
          await step(releasingActor, "release_decline");
        },
        finalized: async () => {
          await journey.released();
          await step(hrActor, "finalize", { effectiveOn: inDays(60) });
        },
        withdrawn: () => step(applicantActor, "withdraw"),
        declined: async () => {
          await step(hiringActor, "shortlist");
          await step(hiringActor, "decline");
        },
        appliedManagerFirst: async () => {},
      };
      await journey[state]();
    }
  }
  await escalateOverdueReleases(db);

  // Career conversations: each manager's shared and private notes.
  const conversation = async (authorId: number, personId: number, author: string) =>
    recordConversation(db, await actorOf(db, authorId), {
      personId,
      heldOn: "2026-10-01",
      sharedNotes: markers.sharedNotes(author),
      privateNotes: markers.privateNotes(author),
    });
  await conversation(manager.id, employee.id, "manager");
  await conversation(hrManager.id, hrReport.id, "hrManager");
  await conversation(formerManager.id, mover.id, "formerManager");

  // A project the employee took part in, ended and waiting for the owner's endorsement.
  const { id: projectId } = await createOpportunity(db, hiringActor, { kind: "project", title: "検証プロジェクト", departmentId: receiving.id, skills: [{ skillId: skill.id, kind: "grows", level: 2 }] });
  const [participation] = await db
    .insert(participations)
    .values({ personId: employee.id, opportunityId: projectId, timePercent: 20, startOn: "2026-01-01", endOn: "2026-06-30" })
    .returning({ id: participations.id });

  // Suggested candidates, and one of them invited.
  await recomputeCandidates(db);
  const scoutPosting = postings.applied;
  const { inviteId } = await invite(db, hiringActor, { opportunityId: scoutPosting, candidateKey: candidateKey(scoutPosting, scouted.id), message: markers.scoutMessage });
  // Notifications, as the background dispatcher writes them.
  await processOutbox(db, { send: async () => {} });

  // The reorganisation: the mover now reports to a new manager, after applying and after disclosure.
  await changeManager(db, { personId: mover.id, managerId: newManager.id, actorId: hr.id });
  await conversation(newManager.id, mover.id, "newManager");

  const cookies = { deactivated: await sessionCookieFor(db, leaver.id), suspendedWithLiveSession: await sessionCookieFor(db, suspended.id) };
  await deactivatePerson(db, { personId: leaver.id, actorId: hr.id, reason: "退職" });
  await db.update(people).set({ active: false }).where(eq(people.id, suspended.id));

  return { persons, skill, postings, applications, participationId: participation!.id, inviteId, scoutPosting, cookies };
}

export type RelationshipWorld = Awaited<ReturnType<typeof createRelationshipWorld>>;
