import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { applications } from "../../db/schema";
import { type Action, actions, actorFor, type SystemAction } from "../../server/services/workflow/transitions";
import { appRouter } from "../../server/trpc/root";
import { trpcHttp } from "../setup/http";
import {
  type ApplicantKey,
  applicantKeys,
  callerFor,
  createRelationshipWorld,
  disclosedStates,
  inDays,
  markers,
  type RelationshipWorld,
  releasePendingStates,
  type WorkflowStateName,
  workflowStates,
} from "../setup/relationships";
import { createTestDatabase } from "../setup/test-database";

/**
 * The access-control matrix by relationship: the same procedures as access-control.test.ts, called
 * by people tied to a person in different ways, on applications in every workflow state. Each row
 * says what the viewer may see and do; the serialized answer is searched for every text they may
 * not read (Will statements, motivations, private notes, hidden candidates).
 *
 * The rules held here: a private Will or a confidential, undisclosed application never reaches the
 * current manager (nor a skip-level manager, nor HR who is the manager, by any path); a former
 * manager loses every current-manager right at once; hidden candidates never reveal names, exact
 * levels or the scouting flag; private conversation notes are their author's only; a deactivated
 * person cannot call anything.
 */

type Person = keyof RelationshipWorld["persons"];
type Caller = Awaited<ReturnType<typeof callerFor>>;

/** Who looks, and at whose data. */
const relationships = {
  self: { viewer: "employee", subject: "employee" },
  anotherEmployee: { viewer: "colleague", subject: "employee" },
  currentManager: { viewer: "manager", subject: "employee" },
  skipLevelManager: { viewer: "skipLevel", subject: "employee" },
  /** The mover's manager when they applied and decided the release; the mover has since moved. */
  formerManager: { viewer: "formerManager", subject: "mover" },
  /** The mover's manager since the reorganisation: the current manager now. */
  managerAfterReorganisation: { viewer: "newManager", subject: "mover" },
  hiringManager: { viewer: "hiringManager", subject: "employee" },
  hr: { viewer: "hr", subject: "employee" },
  hrWhoIsTheManager: { viewer: "hrManager", subject: "hrReport" },
  hrWhoIsTheSkipLevelManager: { viewer: "hrDirector", subject: "hrReport" },
  admin: { viewer: "admin", subject: "employee" },
} as const satisfies Record<string, { viewer: Person; subject: ApplicantKey }>;
type Relationship = keyof typeof relationships;
const relationshipNames = Object.keys(relationships) as Relationship[];

type ApplicationList = "mine" | "inbox" | "pipeline" | "hrQueue";

/** What a viewer may know of one application: where it is listed, what they may do, what they read. */
type Expected = {
  lists: ApplicationList[];
  actions: Action[];
  motivation: boolean;
  /** May a refusal say more than "not found" (the viewer knows the application exists)? */
  knows: boolean;
};

const nothing: Expected = { lists: [], actions: [], motivation: false, knows: false };
const releaseActions: Action[] = ["release_approve", "release_later", "release_decline"];
const live = (state: WorkflowStateName) => state !== "withdrawn" && state !== "declined";

const hiringActions: Record<WorkflowStateName, Action[]> = {
  applied: ["shortlist", "decline"],
  shortlisted: ["interview", "offer", "decline"],
  releaseRequested: ["decline"],
  releaseEscalated: ["decline"],
  released: ["decline"],
  releaseDeclined: ["decline"],
  finalized: [],
  withdrawn: [],
  declined: [],
  // Under "manager first" the hiring manager waits for the release before deciding, except to decline.
  appliedManagerFirst: ["decline"],
};
/** HR's steps: finalizing, reviewing a decline, and releasing in the manager's place once the release is escalated to them. */
const hrActions: Partial<Record<WorkflowStateName, Action[]>> = { releaseEscalated: ["hr_release"], released: ["finalize"], releaseDeclined: ["hr_override", "hr_uphold"] };
const inHrQueue = (state: WorkflowStateName): ApplicationList[] => (state in hrActions ? ["hrQueue"] : []);

/** The current manager: the release inbox while their decision is pending, and only once disclosed. */
function asCurrentManager(state: WorkflowStateName): Expected {
  if (!disclosedStates.has(state)) return nothing;
  return releasePendingStates.has(state) ? { lists: ["inbox"], actions: releaseActions, motivation: false, knows: true } : { ...nothing, knows: true };
}

const expectations: Record<Relationship, (state: WorkflowStateName) => Expected> = {
  self: (state) => ({ lists: ["mine"], actions: live(state) ? ["withdraw"] : [], motivation: true, knows: true }),
  anotherEmployee: () => nothing,
  currentManager: asCurrentManager,
  skipLevelManager: () => nothing,
  formerManager: () => nothing,
  managerAfterReorganisation: asCurrentManager,
  hiringManager: (state) => ({ lists: ["pipeline"], actions: hiringActions[state], motivation: true, knows: true }),
  hr: (state) => ({ lists: ["pipeline", ...inHrQueue(state)], actions: hrActions[state] ?? [], motivation: true, knows: true }),
  // Once disclosed they read it in the pipeline and release it as its manager; HR's steps on a move
  // from their own line are another HR person's (not in their queue). Before disclosure, nothing.
  hrWhoIsTheManager: (state) => {
    if (!disclosedStates.has(state)) return nothing;
    const pending = releasePendingStates.has(state);
    return { lists: ["pipeline", ...(pending ? (["inbox"] as const) : [])], actions: pending ? releaseActions : [], motivation: true, knows: true };
  },
  // Above the manager: the pipeline once disclosed, and no HR step (their line's move); before, nothing.
  hrWhoIsTheSkipLevelManager: (state) => (disclosedStates.has(state) ? { lists: ["pipeline"], actions: [], motivation: true, knows: true } : nothing),
  admin: () => nothing,
};

/** Every Will statement, by its owner. */
const willMarkers: Record<ApplicantKey, string> = { employee: markers.employeeWill, hrReport: markers.hrReportWill, mover: markers.moverWill };

/** A call's answer, or the tRPC error it was refused with. */
async function outcome<T>(call: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: TRPCError }> {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { ok: false, error };
  }
}

/** A list the viewer may not open counts as empty (the plain access matrix checks the refusal itself). */
async function listOrEmpty<T>(call: Promise<T[]>): Promise<T[]> {
  const result = await outcome(call);
  if (!result.ok) expect(["NOT_FOUND", "FORBIDDEN"]).toContain(result.error.code);
  return result.ok ? result.value : [];
}

describe("access by relationship and workflow state", async () => {
  const { db } = await createTestDatabase();
  let world: RelationshipWorld;
  beforeAll(async () => {
    world = await createRelationshipWorld(db);
  });
  const viewerOf = (relationship: Relationship) => callerFor(db, world.persons[relationships[relationship].viewer].id);
  const subjectOf = (relationship: Relationship) => world.persons[relationships[relationship].subject];

  async function applicationViews(caller: Caller, state: WorkflowStateName) {
    const [mine, inbox, pipeline, hrQueue] = await Promise.all([
      caller.application.mine(),
      caller.application.inbox(),
      listOrEmpty(caller.application.pipeline({ opportunityId: world.postings[state] })),
      listOrEmpty(caller.application.hrQueue()),
    ]);
    return { mine, inbox, pipeline, hrQueue } satisfies Record<ApplicationList, { id: number; allowedActions: { action: string }[] }[]>;
  }

  describe("applications", () => {
    const rows = relationshipNames.flatMap((relationship) => workflowStates.map((state) => ({ relationship, state })));

    it.each(rows)("$relationship: the $state application is listed, offers actions and reads as the rules say", async ({ relationship, state }) => {
      const expected = expectations[relationship](state);
      const subject = relationships[relationship].subject;
      const applicationId = world.applications[subject][state];
      const views = await applicationViews(await viewerOf(relationship), state);
      const listedIn = (Object.keys(views) as ApplicationList[]).filter((list) => views[list].some((view) => view.id === applicationId));
      expect(listedIn.sort()).toEqual([...expected.lists].sort());
      for (const list of listedIn) {
        const view = views[list].find((item) => item.id === applicationId)!;
        expect(view.allowedActions.map((allowed) => allowed.action).sort(), `actions offered in ${list}`).toEqual([...expected.actions].sort());
      }
      const json = JSON.stringify(views);
      if (!expected.motivation) expect(json).not.toContain(markers.motivation(subject, state));
      // A Will in an application view: the employee's, for the hiring manager while they engage (shared with matching).
      for (const [owner, statement] of Object.entries(willMarkers)) {
        const readable = relationship === "hiringManager" && owner === "employee" && live(state);
        if (readable) expect(json).toContain(statement);
        else expect(json).not.toContain(statement);
      }
    });

    it.each(rows)("$relationship: every action not theirs on the $state application is refused and changes nothing", async ({ relationship, state }) => {
      const expected = expectations[relationship](state);
      const applicationId = world.applications[relationships[relationship].subject][state];
      const caller = await viewerOf(relationship);
      const versionOf = async () => (await db.select({ version: applications.version }).from(applications).where(eq(applications.id, applicationId)))[0]!.version;
      const before = await versionOf();
      // System actions (the effective-date job, a leaver's withdrawal) are not callable at all.
      const personActions = actions.filter((action): action is Exclude<Action, SystemAction> => actorFor[action] !== "system");
      for (const action of personActions) {
        if (expected.actions.includes(action)) continue;
        const result = await outcome(caller.application.act({ applicationId, action, reason: "理由", releaseOn: inDays(30), effectiveOn: inDays(60) }));
        if (result.ok) {
          // A repeat of a step already taken answers with the current state (nothing changes).
          expect(result.value.replayed, `${action} was carried out`).toBe(true);
          expect(expected.knows, `${action} answered a viewer who may not know the application`).toBe(true);
        } else if (!expected.knows) {
          expect(result.error.code, `${action} must read as not found`).toBe("NOT_FOUND");
        } else {
          expect(["FORBIDDEN", "CONFLICT", "NOT_FOUND", "BAD_REQUEST"]).toContain(result.error.code);
        }
      }
      expect(await versionOf()).toBe(before);
    });

    it.each(relationshipNames)("%s: notifications never tell a manager of an undisclosed application, nor carry a motivation or a Will", async (relationship) => {
      const json = JSON.stringify(await (await viewerOf(relationship)).notification.list());
      for (const text of [...Object.values(willMarkers), markers.scoutMessage]) expect(json).not.toContain(text);
      for (const applicant of Object.keys(willMarkers) as ApplicantKey[]) for (const state of workflowStates) expect(json).not.toContain(markers.motivation(applicant, state));
      const isApplicantSide = relationship === "self" || relationship === "hiringManager";
      if (!isApplicantSide) for (const state of workflowStates.filter((s) => !disclosedStates.has(s))) expect(json).not.toContain(markers.postingTitle(state));
    });
  });

  describe("a person's data", () => {
    /** Readers of the subject's Will: its owner, the manager it is shared with, the hiring manager it is shared with via matching. */
    const willReaders: ReadonlySet<Relationship> = new Set(["self", "managerAfterReorganisation", "hiringManager"]);
    const restrictedReaders: ReadonlySet<Relationship> = new Set(["self", "currentManager", "managerAfterReorganisation", "hr", "hrWhoIsTheManager", "hrWhoIsTheSkipLevelManager", "admin"]);
    const directManagers: ReadonlySet<Relationship> = new Set(["currentManager", "managerAfterReorganisation", "hrWhoIsTheManager"]);
    /** Conversations as each row reads them: authors whose shared and private notes they see; null: not found. */
    const conversations: Record<Relationship, { shared: string[]; private: string[] } | null> = {
      self: { shared: ["manager"], private: [] },
      anotherEmployee: null,
      currentManager: { shared: ["manager"], private: ["manager"] },
      skipLevelManager: null,
      // Only what they wrote themselves: the list of the person's conversations is the current manager's.
      formerManager: { shared: ["formerManager"], private: ["formerManager"] },
      managerAfterReorganisation: { shared: ["formerManager", "newManager"], private: ["newManager"] },
      hiringManager: null,
      hr: null,
      hrWhoIsTheManager: { shared: ["hrManager"], private: ["hrManager"] },
      hrWhoIsTheSkipLevelManager: null,
      admin: null,
    };
    const authors = ["manager", "formerManager", "newManager", "hrManager"];

    it.each(relationshipNames)("%s: reads the Will only when shared with them", async (relationship) => {
      const will = await (await viewerOf(relationship)).will.of({ personId: subjectOf(relationship).id });
      const statement = willMarkers[relationships[relationship].subject];
      if (willReaders.has(relationship)) expect(will?.statement).toBe(statement);
      else expect(will).toBeNull();
    });

    it.each(relationshipNames)("%s: sees the restricted profile fields only as the person, their manager, HR or an admin", async (relationship) => {
      const subject = subjectOf(relationship);
      const profile = await (await viewerOf(relationship)).person.byId({ personId: subject.id });
      if (restrictedReaders.has(relationship)) {
        expect(profile.restricted?.employeeNumber).toBe(subject.employeeNumber);
      } else {
        expect(profile.restricted).toBeNull();
        expect(JSON.stringify(profile)).not.toContain(subject.employeeNumber);
      }
    });

    it.each(relationshipNames)("%s: the team page lists the person only for their direct manager, with a Will only if shared", async (relationship) => {
      const team = await (await viewerOf(relationship)).team.reports();
      const subject = subjectOf(relationship);
      expect(team.some((member) => member.id === subject.id)).toBe(directManagers.has(relationship));
      const json = JSON.stringify(team);
      for (const [owner, statement] of Object.entries(willMarkers)) {
        if (relationship === "managerAfterReorganisation" && owner === "mover") expect(json).toContain(statement);
        else expect(json).not.toContain(statement);
      }
    });

    it.each(relationshipNames)("%s: reads conversations as the rules say; private notes are their author's alone", async (relationship) => {
      const expected = conversations[relationship];
      const result = await outcome((await viewerOf(relationship)).conversation.list({ personId: subjectOf(relationship).id }));
      if (expected === null) {
        expect(result.ok ? "listed" : result.error.code).toBe("NOT_FOUND");
        return;
      }
      expect(result.ok).toBe(true);
      const json = JSON.stringify(result.ok ? result.value : null);
      for (const author of authors) {
        expect(json.includes(markers.sharedNotes(author)), `shared notes of ${author}`).toBe(expected.shared.includes(author));
        expect(json.includes(markers.privateNotes(author)), `private notes of ${author}`).toBe(expected.private.includes(author));
      }
    });

    it.each(relationshipNames)("%s: records conversations and verifies skills only as the direct manager", async (relationship) => {
      const caller = await viewerOf(relationship);
      const personId = subjectOf(relationship).id;
      const attempts = [
        outcome(caller.conversation.record({ personId, heldOn: "2026-11-20", sharedNotes: "記録" })),
        outcome(caller.profile.verifySkill({ personId, skillId: world.skill.id })),
      ];
      for (const result of await Promise.all(attempts)) {
        if (directManagers.has(relationship)) expect(result.ok).toBe(true);
        else expect(result.ok ? "allowed" : result.error.code).toBe("NOT_FOUND");
      }
    });

    it.each(relationshipNames)("%s: sees and endorses the employee's ended participation only as the posting's owner", async (relationship) => {
      const caller = await viewerOf(relationship);
      const owner = relationship === "hiringManager";
      expect((await caller.participation.toEndorse()).some((item) => item.participationId === world.participationId)).toBe(owner);
      if (owner) return;
      const result = await outcome(caller.participation.endorse({ participationId: world.participationId, skills: [{ skillId: world.skill.id, level: 2 }] }));
      expect(result.ok ? "endorsed" : result.error.code).toBe("NOT_FOUND");
    });
  });

  describe("suggested candidates and scout invitations", () => {
    const candidateViewers = ["hiringManager", "hr", "hrManager", "hrDirector"] as const;
    const others = ["employee", "colleague", "manager", "skipLevel", "formerManager", "newManager", "admin"] as const;

    it.each(candidateViewers)("%s: candidates never reveal a hidden candidate's name, exact level or scouting flag", async (viewer) => {
      const served = await (await callerFor(db, world.persons[viewer].id)).matching.candidates({ opportunityId: world.scoutPosting });
      // The hidden candidate is there, as a key and banded facts only.
      const hidden = served.items.filter((item) => item.person === null);
      expect(hidden.length).toBeGreaterThan(0);
      expect(served.items.map((item) => item.person?.id)).not.toContain(world.persons.hiddenCandidate.id);
      const json = JSON.stringify(served);
      for (const name of Object.values(markers.hiddenCandidate)) expect(json).not.toContain(name);
      for (const key of ["held", "shortBy", "openToScouting", "scouting", "yearsAtLevel"]) expect(json).not.toContain(`"${key}"`);
      for (const statement of Object.values(willMarkers)) expect(json).not.toContain(statement);
      // Every level served is the posting's own, never the level a candidate holds.
      for (const item of served.items) for (const skill of item.facts.skills) expect(skill.level).toBe(2);
    });

    it.each(others)("%s: may not open the candidates list", async (viewer) => {
      const result = await outcome((await callerFor(db, world.persons[viewer].id)).matching.candidates({ opportunityId: world.scoutPosting }));
      expect(result.ok ? "listed" : result.error.code).toBe("NOT_FOUND");
    });

    it.each([...candidateViewers, ...others])("%s: a scout invitation to someone else is neither listed nor answerable", async (viewer) => {
      const caller = await callerFor(db, world.persons[viewer].id);
      const json = JSON.stringify(await caller.scout.mine());
      expect(json).not.toContain(markers.scoutMessage);
      const answered = await outcome(caller.scout.respond({ inviteId: world.inviteId, response: "decline" }));
      expect(answered.ok ? "answered" : answered.error.code).toBe("NOT_FOUND");
    });

    it("the invited person alone reads the invitation", async () => {
      const mine = await (await callerFor(db, world.persons.scouted.id)).scout.mine();
      expect(mine.map((item) => item.message)).toEqual([markers.scoutMessage]);
    });
  });

  describe("every read path", () => {
    const viewers = [
      "employee", "colleague", "manager", "skipLevel", "formerManager", "newManager", "mover", "hiringManager",
      "hr", "hrDirector", "hrManager", "hrReport", "admin", "scouted", "hiddenCandidate",
    ] as const satisfies readonly Person[];
    type Viewer = (typeof viewers)[number];

    /** Who may read each Will, each conversation's shared notes, each motivation — anywhere. */
    const willReaders: Record<ApplicantKey, Viewer[]> = { employee: ["employee", "hiringManager"], mover: ["mover", "newManager"], hrReport: ["hrReport"] };
    const sharedNotesReaders: Record<string, Viewer[]> = {
      manager: ["employee", "manager"],
      hrManager: ["hrReport", "hrManager"],
      formerManager: ["mover", "formerManager", "newManager"],
      newManager: ["mover", "newManager"],
    };
    function motivationReaders(applicant: ApplicantKey, state: WorkflowStateName): Viewer[] {
      const hrWhoManage: Viewer[] = ["hrManager", "hrDirector"];
      const hrReaders = applicant === "hrReport" && !disclosedStates.has(state) ? [] : hrWhoManage;
      return [applicant, "hiringManager", "hr", ...hrReaders];
    }

    /** Every marked text, and whether this viewer may read it. */
    function markedTexts(viewer: Viewer): { text: string; readable: boolean }[] {
      const texts: { text: string; readable: boolean }[] = [];
      for (const applicant of Object.keys(willMarkers) as ApplicantKey[]) {
        texts.push({ text: willMarkers[applicant], readable: willReaders[applicant].includes(viewer) });
        for (const state of workflowStates) texts.push({ text: markers.motivation(applicant, state), readable: motivationReaders(applicant, state).includes(viewer) });
      }
      for (const [author, readers] of Object.entries(sharedNotesReaders)) {
        texts.push({ text: markers.sharedNotes(author), readable: readers.includes(viewer) });
        texts.push({ text: markers.privateNotes(author), readable: author === viewer });
      }
      texts.push({ text: markers.scoutMessage, readable: viewer === "scouted" });
      return texts;
    }

    /** What the viewer gets from every read procedure, about everyone a marked text belongs to and every posting (refusals as their code). */
    async function everythingReadBy(caller: Caller): Promise<unknown[]> {
      const subjects = [...applicantKeys, "scouted" as const].map((key) => world.persons[key].id);
      const postings = [...Object.values(world.postings)];
      const answer = async (call: Promise<unknown>) => {
        const result = await outcome(call);
        return result.ok ? result.value : result.error.code;
      };
      return Promise.all([
        answer(caller.me.profile()),
        answer(caller.me.reminders()),
        answer(caller.will.mine()),
        answer(caller.will.history()),
        answer(caller.team.reports()),
        answer(caller.person.search({ query: "" })),
        answer(caller.application.mine()),
        answer(caller.application.inbox()),
        answer(caller.application.hrQueue()),
        answer(caller.matching.recommendations({})),
        answer(caller.scout.mine()),
        answer(caller.notification.list()),
        answer(caller.participation.toEndorse()),
        answer(caller.opportunity.list({})),
        ...subjects.flatMap((personId) => [
          answer(caller.person.byId({ personId })),
          answer(caller.will.of({ personId })),
          answer(caller.conversation.list({ personId })),
        ]),
        ...postings.flatMap((opportunityId) => [
          answer(caller.opportunity.byId({ opportunityId })),
          answer(caller.application.pipeline({ opportunityId })),
          answer(caller.matching.candidates({ opportunityId })),
        ]),
      ]);
    }

    it.each(viewers)("%s: no answer of any read procedure carries a Will, motivation, note or invitation not theirs to read", async (viewer) => {
      const answers = await everythingReadBy(await callerFor(db, world.persons[viewer].id));
      const json = JSON.stringify(answers);
      const leaked = markedTexts(viewer).filter(({ text, readable }) => !readable && json.includes(text)).map(({ text }) => text);
      expect(leaked).toEqual([]);
      // Hidden candidates stay hidden wherever candidates are served (the directory names everyone, by design).
      const candidateLists = JSON.stringify(answers.filter((answer) => typeof answer === "object" && answer !== null && "namesHidden" in answer));
      expect(candidateLists).not.toContain(markers.hiddenCandidate.romanizedName);
    });
  });

  describe("a deactivated person", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" } }>;
    const rows = Object.keys(procedures)
      .sort()
      .flatMap((path) => (["deactivated", "suspendedWithLiveSession"] as const).map((how) => ({ path, how })));

    it.each(rows)("$path: refused exactly as for a signed-out caller ($how)", async ({ path, how }) => {
      const method = procedures[path]!._def.type === "mutation" ? "POST" : "GET";
      const deactivated = await trpcHttp(db, { path, method, cookie: world.cookies[how] });
      const signedOut = await trpcHttp(db, { path, method });
      expect(deactivated.status).toBe(signedOut.status);
      expect([401, 403]).toContain(deactivated.status);
    });

    it("has no actor at all, and reads as not found to everyone else", async () => {
      await expect((await callerFor(db, world.persons.leaver.id)).me.profile()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      await expect((await callerFor(db, world.persons.hr.id)).person.byId({ personId: world.persons.leaver.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
});
