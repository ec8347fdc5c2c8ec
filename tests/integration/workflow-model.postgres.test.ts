import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Database, queryRows } from "../../db/client";
import { createDepartment, createPerson, createRole } from "../../db/factories";
import { type ConfidentialityPolicy, confidentialityPolicies } from "../../db/vocabulary";
import { type Actor, actorForPerson } from "../../server/auth/actor";
import { AppError } from "../../server/errors";
import { act, apply } from "../../server/services/applications/application.service";
import { recipientsFor } from "../../server/services/notifications/recipients";
import { createOpportunity, setOpportunityStatus } from "../../server/services/opportunities/opportunity.service";
import { dispatchEvents } from "../../server/services/outbox/dispatcher";
import { updateSettings } from "../../server/services/settings/settings.service";
import { japanDate } from "../../server/services/workflow/business-days";
import { type Action, type ActorRelation, actions, actorFor, allowedActions, initialState, releaseGranted, transition, type WorkflowState } from "../../server/services/workflow/transitions";
import { applyDueMoves } from "../../server/services/workflow/workflow.jobs";
import { createTestDatabase } from "../setup/test-database";
import {
  expectAct,
  expectApply,
  expectClosePosting,
  expectDueMoves,
  type Model,
  type ModelApplication,
  type ModelPosting,
  type Outcome,
  recordEffects,
  recordTransition,
  relationsIn,
} from "../setup/workflow-model";

/*
 * Random sequences of workflow commands — apply, every person action (allowed or not), the
 * effective-date job, closing and reopening postings, changing the confidentiality policy — run
 * against the real services and a small model (tests/setup/workflow-model.ts). After every command
 * the database must agree with the model and keep the invariants below. The seed is fixed; a
 * failure prints it with the shortest command list found. WORKFLOW_MODEL_SEED tries another.
 */
const SEED = Number(process.env.WORKFLOW_MODEL_SEED ?? 20_261_207);
const RUNS = 50;
const MAX_COMMANDS = 40;

const DAY_MS = 86_400_000;
const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** Midnight in Japan on a date: the moment the effective-date job first sees it as "today". */
const dayAt = (isoDate: string) => new Date(`${isoDate}T00:00:00+09:00`);

type Real = {
  db: Database;
  hr: Actor;
  /** People who apply, by command index: three reports, one person without a manager, one manager. */
  applicants: number[];
  /** Someone with no part in any application. */
  outsiderId: number;
  /** The newest outbox event already checked. */
  lastEventId: number;
};

type Check = (model: Model, real: Real, transitions: number) => Promise<void>;

async function outcomeOf<T>(work: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; code: string }> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code };
    if (error instanceof Error && error.name === "ZodError") return { ok: false, code: "invalid_input" };
    throw error;
  }
}

/** Everything a refused or repeated command must leave exactly as it was. */
async function fingerprint(db: Database) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select
      (select json_agg(json_build_array(id, status, hiring_stage, release_status, current_manager_id, disclosed_at, release_on, effective_on, version) order by id) from applications) as applications,
      (select json_agg(json_build_array(id, approver_id, decided_at, decision) order by id) from approval_steps) as steps,
      (select json_agg(json_build_array(id, manager_id, department_id, active) order by id) from people) as people,
      (select count(*)::int from audit_log) as audit,
      (select count(*)::int from outbox) as outbox,
      (select count(*)::int from moves) as moves,
      (select count(*)::int from participations) as participations`,
  );
  return row;
}

/** Runs a command against the service and checks it did what the model expected, or nothing at all. */
/** What the runs exercised ("shortlist", "refused:CONFLICT", "replayed"…): the generator must keep reaching every branch. */
const covered = new Set<string>();
const cover = (outcome: Outcome, action: Action | "apply") =>
  covered.add(outcome.kind === "transition" ? action : outcome.kind === "replayed" ? "replayed" : `refused:${outcome.code}`);

async function expectOutcome<T extends { replayed: boolean }>(db: Database, expected: Outcome, run: () => Promise<T>): Promise<T | null> {
  const before = await fingerprint(db);
  const result = await outcomeOf(run());
  if (expected.kind === "transition") {
    if (!result.ok) throw new Error(`expected the command to be carried out, it was refused with ${result.code}`);
    expect(result.value.replayed).toBe(false);
    return result.value;
  }
  if (expected.kind === "replayed") {
    if (!result.ok) throw new Error(`expected a replay, the command was refused with ${result.code}`);
    expect(result.value.replayed).toBe(true);
  } else {
    expect(result.ok ? "carried out" : result.code).toBe(expected.code);
  }
  expect(await fingerprint(db)).toEqual(before);
  return null;
}

const stateOf = (row: { status: string; hiring_stage: string; release_status: string; confidentiality: string }, hasReleasingManager: boolean) =>
  ({ status: row.status, hiringStage: row.hiring_stage, releaseStatus: row.release_status, confidentiality: row.confidentiality, hasReleasingManager }) as WorkflowState;

/**
 * One live application per person and posting; no step waits on an inactive person; ended
 * applications wait on nothing. Checked on this run's people and applications only: a failed run
 * must not fail the shrunk ones after it.
 */
async function checkInvariants(db: Database, model: Model) {
  const people = [...model.people.keys()];
  const ids = model.applications.map((application) => application.id);
  expect(
    await queryRows(db, sql`select person_id, opportunity_id from applications where person_id in ${people} and status in ('active', 'finalized') group by 1, 2 having count(*) > 1`),
  ).toEqual([]);
  if (ids.length === 0) return;
  expect(
    await queryRows(
      db,
      sql`select s.id, s.step, s.approver_id from approval_steps s join people p on p.id = s.approver_id where s.application_id in ${ids} and s.decided_at is null and not p.active`,
    ),
  ).toEqual([]);
  expect(
    await queryRows(
      db,
      sql`select a.id, a.status, s.step from applications a join approval_steps s on s.application_id = a.id and s.decided_at is null where a.id in ${ids} and a.status <> 'active'`,
    ),
  ).toEqual([]);
}

type ApplicationRow = {
  id: number;
  status: string;
  hiring_stage: string;
  release_status: string;
  confidentiality: string;
  current_manager_id: number | null;
  disclosed: boolean;
  release_on: string | null;
  effective_on: string | null;
  version: number;
  open_steps: { step: string; approver: number | null }[];
  moves: number;
  participations: number;
  submitted: number;
  transitioned: number;
};

/** The stored applications and people agree with the model; each effect happened once. */
async function checkAgreement(db: Database, model: Model) {
  const ids = model.applications.map((application) => application.id);
  if (ids.length === 0) return;
  const rows = await queryRows<ApplicationRow>(
    db,
    sql`select a.id, a.status, a.hiring_stage, a.release_status, a.confidentiality, a.current_manager_id, a.disclosed_at is not null as disclosed,
          to_char(a.release_on, 'YYYY-MM-DD') as release_on, to_char(a.effective_on, 'YYYY-MM-DD') as effective_on, a.version,
          coalesce((select json_agg(json_build_object('step', s.step, 'approver', s.approver_id) order by s.step::text) from approval_steps s where s.application_id = a.id and s.decided_at is null), '[]') as open_steps,
          (select count(*)::int from moves m where m.application_id = a.id) as moves,
          (select count(*)::int from participations p where p.application_id = a.id) as participations,
          (select count(*)::int from outbox o where o.type = 'application.submitted' and (o.payload->>'applicationId')::int = a.id) as submitted,
          (select count(*)::int from outbox o where o.type = 'application.transitioned' and (o.payload->>'applicationId')::int = a.id) as transitioned
        from applications a where a.id in ${ids} order by a.id`,
  );
  const expected = model.applications.map((application) => {
    const completed = application.state.status === "completed";
    const transfer = application.posting.kind === "transfer";
    const approverOf = { manager_release: application.currentManagerId, hiring_decision: application.posting.ownerId, hr_decline_review: null, hr_finalize: null };
    return {
      id: application.id,
      status: application.state.status,
      hiring_stage: application.state.hiringStage,
      release_status: application.state.releaseStatus,
      confidentiality: application.state.confidentiality,
      current_manager_id: application.currentManagerId,
      disclosed: application.disclosed,
      release_on: application.releaseOn,
      effective_on: application.effectiveOn,
      version: application.version,
      open_steps: [...application.openSteps].sort().map((step) => ({ step, approver: approverOf[step] })),
      moves: completed && transfer ? 1 : 0,
      participations: completed && !transfer ? 1 : 0,
      submitted: 1,
      transitioned: application.version,
    };
  });
  expect(rows).toEqual(expected);
  const peopleIds = [...model.people.keys()];
  const people = await queryRows(db, sql`select id, manager_id as "managerId", department_id as "departmentId", active, is_hr as "isHr" from people where id in ${peopleIds} order by id`);
  expect(people).toEqual([...model.people.values()].sort((a, b) => a.id - b.id));
}

type AuditRow = { entity_id: string; action: string; data: { from?: WorkflowState; to?: WorkflowState } };

/** Folding each application's audit rows through the transition table from its initial state gives the stored state. */
async function checkAuditReplay(db: Database, model: Model) {
  const ids = model.applications.map((application) => String(application.id));
  if (ids.length === 0) return;
  const rows = await queryRows<AuditRow>(
    db,
    sql`select entity_id, action, data from audit_log where entity_type = 'application' and entity_id in ${ids} and action <> 'application.step_escalated' order by id`,
  );
  const stored = await queryRows<{ id: number; status: string; hiring_stage: string; release_status: string; confidentiality: string; current_manager_id: number | null; version: number }>(
    db,
    sql`select id, status, hiring_stage, release_status, confidentiality, current_manager_id, version from applications where id in ${model.applications.map((application) => application.id)}`,
  );
  for (const application of stored) {
    const trail = rows.filter((row) => row.entity_id === String(application.id));
    expect(trail[0]?.action).toBe("application.submit");
    let state = initialState(application.confidentiality as WorkflowState["confidentiality"], application.current_manager_id !== null).state;
    for (const row of trail.slice(1)) {
      const action = row.action.replace(/^application\./, "") as Action;
      expect(actions).toContain(action);
      expect(row.data.from).toEqual(state);
      const replayed = transition(state, action, new Set<ActorRelation | "system">([actorFor[action]]));
      if (!replayed.ok) throw new Error(`the audit trail of application ${application.id} has ${action} from a state that refuses it`);
      expect(row.data.to).toEqual(replayed.next);
      state = replayed.next;
    }
    expect(state).toEqual(stateOf(application, application.current_manager_id !== null));
    expect(trail.length - 1).toBe(application.version);
  }
}

/**
 * Delivers the new application events (twice: a redelivery adds nothing) and checks each one's
 * notifications: every recipient the event calls for, once, and nobody else.
 */
async function checkNotifications(real: Real, model: Model, transitions: number) {
  const { db } = real;
  await dispatchEvents(db);
  expect(await dispatchEvents(db)).toBe(0);
  const events = await queryRows<{ id: number; event_id: string; type: string; payload: { applicationId: number; action?: string; disclosed?: boolean } }>(
    db,
    sql`select id::int, event_id, type, payload from outbox where id > ${real.lastEventId} and type like 'application.%' order by id`,
  );
  expect(events).toHaveLength(transitions);
  real.lastEventId = (await queryRows<{ id: number }>(db, sql`select coalesce(max(id), 0)::int as id from outbox`))[0]!.id;
  const hrStaff = [...model.people.values()].filter((person) => person.isHr && person.active).map((person) => person.id);
  for (const event of events) {
    const application = model.applications.find((candidate) => candidate.id === event.payload.applicationId)!;
    const recipients = recipientsFor({
      type: event.type as "application.submitted" | "application.transitioned",
      action: event.payload.action,
      disclosedNow: event.payload.disclosed === true,
      disclosed: application.disclosed,
      offered: application.state.hiringStage === "offered",
      releaseGranted: releaseGranted(application.state),
    });
    const expected = new Set(
      recipients.flatMap(({ to, kind }) => {
        const ids =
          to === "applicant" ? [application.personId]
          : to === "hiringManager" ? [application.posting.ownerId]
          : to === "currentManager" ? (application.currentManagerId === null ? [] : [application.currentManagerId])
          : hrStaff;
        return ids.map((id) => `${id}:${kind}`);
      }),
    );
    const sent = await queryRows<{ person_id: number; kind: string }>(db, sql`select person_id, kind from notifications where event_id = ${event.event_id}`);
    expect(sent.map((row) => `${row.person_id}:${row.kind}`).sort()).toEqual([...expected].sort());
  }
}

const checkAll: Check = async (model, real, transitions) => {
  await checkNotifications(real, model, transitions);
  await checkInvariants(real.db, model);
  await checkAgreement(real.db, model);
  await checkAuditReplay(real.db, model);
};

class ApplyCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly applicant: number,
    readonly posting: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const personId = real.applicants[this.applicant]!;
    const posting = model.postings[this.posting]!;
    const actor = await actorForPerson(real.db, personId);
    if (!model.people.get(personId)!.active) {
      expect(actor).toBeNull();
      return;
    }
    const expected = expectApply(model, personId, posting);
    cover(expected, "apply");
    const result = await expectOutcome(real.db, expected, () => apply(real.db, actor!, { opportunityId: posting.id, motivation: "挑戦したい" }));
    if (expected.kind === "transition" && result) {
      const application: ModelApplication = {
        id: result.applicationId,
        personId,
        posting,
        state: expected.next,
        currentManagerId: model.people.get(personId)!.managerId,
        disclosed: false,
        version: 0,
        openSteps: new Set(),
        releaseOn: null,
        effectiveOn: null,
      };
      recordEffects(application, expected.effects);
      model.applications.push(application);
    }
    await checkAll(model, real, expected.kind === "transition" ? 1 : 0);
  }
  toString = () => `apply(applicant ${this.applicant}, posting ${this.posting})`;
}

const roles = ["applicant", "currentManager", "hiringManager", "hr", "outsider"] as const;
type Role = (typeof roles)[number];
const endings: ReadonlySet<Action> = new Set(["withdraw", "decline", "hr_uphold"]);

class ActCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    /** Take one of the (actor, action) pairs the model allows on the application when there is one. */
    readonly preferAllowed: boolean,
    /** Which allowed pair: mostly one that moves the application on rather than ending it. */
    readonly choice: number,
    readonly randomRole: Role,
    readonly randomAction: Action,
    readonly withReason: boolean,
    readonly dateOffset: number,
  ) {}
  check = (model: Readonly<Model>) => model.applications.length > 0;
  async run(model: Model, real: Real) {
    const application = model.applications[this.pick % model.applications.length]!;
    const actorOf = (role: Role) =>
      role === "applicant" ? application.personId
      : role === "currentManager" ? (application.currentManagerId ?? real.outsiderId)
      : role === "hiringManager" ? application.posting.ownerId
      : role === "hr" ? real.hr.personId
      : real.outsiderId;
    const allowed = roles.flatMap((role) => allowedActions(application.state, relationsIn(model, application, actorOf(role))).map(({ action }) => ({ role, action })));
    const onward = allowed.filter(({ action }) => !endings.has(action));
    const pool = this.choice % 3 === 0 ? allowed : onward;
    const { role, action } = this.preferAllowed && pool.length > 0 ? pool[this.choice % pool.length]! : { role: this.randomRole, action: this.randomAction };
    const actorId = actorOf(role);
    const now = new Date();
    const today = japanDate(now);
    const input = {
      reason: this.withReason ? "本人と相談のうえ判断しました" : "",
      releaseOn: action === "release_later" ? addDays(today, this.dateOffset) : undefined,
      effectiveOn: action === "finalize" ? addDays(today, this.dateOffset) : undefined,
    };
    const actor = await actorForPerson(real.db, actorId);
    if (!model.people.get(actorId)!.active) {
      expect(actor).toBeNull();
      return;
    }
    const expected = expectAct(model, application, actorId, action, input, today);
    cover(expected, action);
    const result = await expectOutcome(real.db, expected, () => act(real.db, actor!, { applicationId: application.id, action, ...input }, now));
    if (expected.kind === "transition") {
      recordTransition(application, expected.next, expected.effects);
      application.releaseOn = input.releaseOn ?? application.releaseOn;
      application.effectiveOn = input.effectiveOn ?? application.effectiveOn;
      expect(result).toMatchObject({ applicationId: application.id, ...expected.next, version: application.version });
    }
    this.taken = `${role} ${action}`;
    await checkAll(model, real, expected.kind === "transition" ? 1 : 0);
  }
  private taken?: string;
  toString = () =>
    `act(pick ${this.pick}, ${this.preferAllowed ? "allowed, else " : ""}${this.randomRole} ${this.randomAction}${this.taken ? ` → ${this.taken}` : ""}, ${this.withReason ? "reason" : "no reason"}, day +${this.dateOffset})`;
}

class DueMovesCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly dayOffset: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const day = addDays(japanDate(new Date()), this.dayOffset);
    const due = expectDueMoves(model, day);
    expect(await applyDueMoves(real.db, dayAt(day))).toBe(due.length);
    if (due.length > 0) covered.add("complete");
    // A second run the same day finds nothing left to do.
    expect(await applyDueMoves(real.db, dayAt(day))).toBe(0);
    await checkAll(model, real, due.length);
  }
  toString = () => `applyDueMoves(day +${this.dayOffset})`;
}

class PostingStatusCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly posting: number,
    readonly open: boolean,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const posting = model.postings[this.posting]!;
    const declined = posting.open && !this.open ? expectClosePosting(model, posting) : [];
    posting.open = this.open;
    await setOpportunityStatus(real.db, real.hr, { opportunityId: posting.id, status: this.open ? "open" : "closed" });
    await checkAll(model, real, declined.length);
  }
  toString = () => `${this.open ? "open" : "close"}(posting ${this.posting})`;
}

class PolicyCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly policy: ConfidentialityPolicy) {}
  check = () => true;
  async run(model: Model, real: Real) {
    await updateSettings(real.db, real.hr, { confidentialityPolicy: this.policy });
    model.policy = this.policy;
    await checkAll(model, real, 0);
  }
  toString = () => `policy(${this.policy})`;
}

const APPLICANTS = 5;
const POSTINGS = 3;

const applying = fc.tuple(fc.nat(APPLICANTS - 1), fc.nat(POSTINGS - 1)).map(([applicant, posting]) => new ApplyCommand(applicant, posting));
const anyAction = fc
  .tuple(fc.nat(), fc.constant(false), fc.nat(), fc.constantFrom(...roles), fc.constantFrom(...actions), fc.nat(9).map((n) => n > 0), fc.integer({ min: -1, max: 8 }))
  .map((args) => new ActCommand(...args));
const allowedAction = fc
  .tuple(fc.nat(), fc.constant(true), fc.nat(), fc.constantFrom(...roles), fc.constantFrom(...actions), fc.constant(true), fc.integer({ min: 0, max: 3 }))
  .map((args) => new ActCommand(...args));
const dueMoves = fc.integer({ min: 0, max: 9 }).map((days) => new DueMovesCommand(days));
const postingStatus = fc.tuple(fc.nat(POSTINGS - 1), fc.nat(3).map((n) => n > 0)).map(([posting, open]) => new PostingStatusCommand(posting, open));
const policyChange = fc.constantFrom(...confidentialityPolicies).map((value) => new PolicyCommand(value));

/** Mostly actions the model allows, so runs get far into the workflow; the rest are anything at all. */
const commands = fc.commands([applying, anyAction, anyAction, allowedAction, allowedAction, allowedAction, allowedAction, allowedAction, dueMoves, dueMoves, dueMoves, postingStatus, policyChange], {
  maxCommands: MAX_COMMANDS,
  size: "max",
});

/**
 * A fresh small company for one run: a head with two managers (one also hiring), their reports, a
 * person without a manager, an outsider, a receiving team with a transfer and a project posting,
 * and a rotation posted by one of the managers.
 */
async function createWorld(db: Database, hr: Actor, policy: ConfidentialityPolicy): Promise<{ model: Model; real: Real }> {
  // Moves finalized in earlier runs take effect now, so this run's job counts are its own.
  await applyDueMoves(db, dayAt(addDays(japanDate(new Date()), 400)));
  await dispatchEvents(db);
  await updateSettings(db, hr, { confidentialityPolicy: policy, minimumOpenDays: 0 });
  const home = await createDepartment(db);
  const receiving = await createDepartment(db);
  const head = await createPerson(db, { departmentId: home.id, level: 4 });
  const first = await createPerson(db, { departmentId: home.id, level: 3, managerId: head.id });
  const second = await createPerson(db, { departmentId: home.id, level: 3, managerId: head.id });
  const reports = [
    await createPerson(db, { departmentId: home.id, managerId: first.id }),
    await createPerson(db, { departmentId: home.id, managerId: first.id }),
    await createPerson(db, { departmentId: home.id, managerId: second.id }),
  ];
  const alone = await createPerson(db, { departmentId: home.id });
  const outsider = await createPerson(db, { departmentId: receiving.id });
  const hiring = await createPerson(db, { departmentId: receiving.id, level: 3 });
  const hiringReport = await createPerson(db, { departmentId: receiving.id, managerId: hiring.id });
  const role = await createRole(db);
  const open = async (owner: number, fields: Parameters<typeof createOpportunity>[2]) => {
    const actor = (await actorForPerson(db, owner))!;
    const { id } = await createOpportunity(db, actor, fields);
    await setOpportunityStatus(db, actor, { opportunityId: id, status: "open" });
    return { id, ownerId: owner, kind: fields.kind, departmentId: fields.departmentId, open: true } satisfies ModelPosting;
  };
  const postings = [
    await open(hiring.id, { kind: "transfer", title: "QAメンバー", departmentId: receiving.id, roleId: role.id }),
    await open(hiring.id, { kind: "project", title: "VOC分析プロジェクト", departmentId: receiving.id, timePercent: 20 }),
    await open(second.id, { kind: "rotation", title: "企画ローテーション", departmentId: home.id }),
  ];
  const everyone = [head, first, second, ...reports, alone, outsider, hiring, hiringReport];
  const model: Model = {
    people: new Map(everyone.map((person) => [person.id, { id: person.id, managerId: person.managerId, departmentId: person.departmentId, active: true, isHr: false }])),
    postings,
    applications: [],
    policy,
  };
  model.people.set(hr.personId, { id: hr.personId, managerId: hr.managerId, departmentId: hr.departmentId, active: true, isHr: true });
  const [last] = await queryRows<{ id: number }>(db, sql`select coalesce(max(id), 0)::int as id from outbox`);
  return { model, real: { db, hr, applicants: [...reports, alone, first].map((person) => person.id), outsiderId: outsider.id, lastEventId: last!.id } };
}

describe("the workflow against its model (PostgreSQL)", async () => {
  const { db } = await createTestDatabase();
  const hrPerson = await createPerson(db, { departmentId: (await createDepartment(db)).id, isHr: true });
  const hr = (await actorForPerson(db, hrPerson.id))!;

  it(`keeps the database in step with the model over random command sequences (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(commands, fc.constantFrom(...confidentialityPolicies), async (sequence, policy) => {
        const world = await createWorld(db, hr, policy);
        await fc.asyncModelRun(() => world, sequence);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const everyOutcome = [...actions, "apply", "replayed", ...(["NOT_FOUND", "FORBIDDEN", "CONFLICT", "BAD_REQUEST", "invalid_input"] as const).map((code) => `refused:${code}`)];
    expect(everyOutcome.filter((outcome) => !covered.has(outcome))).toEqual([]);
  }, 600_000);
});
