import { type SQL, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Executor, queryRows } from "../../db/client";
import { asActor, asSystem, RUNTIME_ROLE } from "../../db/scope";
import { createRole } from "../../db/factories";
import type { SaveWillInput } from "../../server/services/will/will.schemas";
import { callerAs, createCast } from "../setup/cast";
import { createReceivingTeam } from "../setup/mobility";
import { changeManager } from "../../server/services/people/organisation";
import { createTestDatabase } from "../setup/test-database";

/**
 * The database's own guard, under the policies in server/auth: queries run as the runtime role see
 * what the request's person may see even when they forget their WHERE, and the audit log only grows.
 */
describe("the database as a backstop", async () => {
  const { db, engine } = await createTestDatabase();
  const cast = await createCast(db);
  const team = await createReceivingTeam(db, cast, { confidentiality: "until_offer" });
  const { id: roleId } = await createRole(db);
  const will = { targetRoleIds: [roleId], desiredSkillIds: [], horizon: "one_year", openness: "within_year", shareWithHr: false, shareWithMatching: false, expectedVersion: 0 } satisfies Partial<SaveWillInput>;
  await callerAs(db, cast, "employee").will.save({ ...will, statement: "QAの仕事に挑戦したい", shareWithManager: false });
  await callerAs(db, cast, "colleague").will.save({ ...will, statement: "チームを率いたい", shareWithManager: true });
  await callerAs(db, cast, "manager").conversation.record({
    personId: cast.persons.employee.id,
    heldOn: "2026-01-15",
    sharedNotes: "QA への関心について話した。",
    privateNotes: "異動の意向が強い。",
  });
  // until_offer: the current manager is not told yet.
  const { applicationId } = await callerAs(db, cast, "employee").application.submit({ opportunityId: team.opportunityId, motivation: "QAに活かしたい" });
  const { employee, colleague, manager, hr } = cast.persons;

  /** Every row's owner column of a table, read without any WHERE by whoever the scope says. */
  const ownersIn = (scope: (work: (tx: Executor) => Promise<number[]>) => Promise<number[]>, query: SQL) =>
    scope(async (tx) => (await queryRows<{ id: number }>(tx, query)).map((row) => Number(row.id)).sort((a, b) => a - b));
  const asPerson = (personId: number | null) => (work: (tx: Executor) => Promise<number[]>) => asActor(db, personId, work);
  /** The system scope on the runtime role (the owner, which the seed and factories use, is not bound by the policies at all). */
  const asRuntimeSystem = (work: (tx: Executor) => Promise<number[]>) =>
    asSystem(db, async (tx) => {
      await tx.execute(sql`select set_config('role', ${RUNTIME_ROLE}, true)`);
      return work(tx);
    });

  /** The database's own message (drizzle wraps it in a "Failed query" error). */
  const refusal = (attempt: Promise<unknown>) =>
    attempt.then(
      () => "",
      (error: Error) => (error.cause instanceof Error ? error.cause.message : error.message),
    );

  const wills = sql`select person_id as id from wills`;
  const versions = sql`select person_id as id from will_versions`;
  const targets = sql`select person_id as id from will_target_roles`;
  const notes = sql`select author_id as id from conversation_private_notes`;
  const applicationsOf = sql`select person_id as id from applications`;
  const steps = sql`select a.person_id as id from approval_steps s join applications a on a.id = s.application_id`;

  it(`runs a request's queries as the runtime role (${engine})`, async () => {
    const [row] = await asActor(db, employee.id, (tx) => queryRows<{ current_user: string }>(tx, sql`select current_user`));
    expect(row?.current_user).toBe(RUNTIME_ROLE);
  });

  it("shows a colleague's Will only once it is shared with someone, and versions to their owner alone", async () => {
    expect(await ownersIn(asPerson(colleague.id), wills)).toEqual([colleague.id]);
    expect(await ownersIn(asPerson(employee.id), wills)).toEqual([employee.id, colleague.id]);
    expect(await ownersIn(asPerson(colleague.id), targets)).toEqual([colleague.id]);
    expect(await ownersIn(asPerson(employee.id), versions)).toEqual([employee.id]);
    expect(await ownersIn(asPerson(manager.id), versions)).toEqual([]);
  });

  it("keeps private notes to their author", async () => {
    expect(await ownersIn(asPerson(manager.id), notes)).toEqual([manager.id]);
    for (const person of [employee, hr, colleague]) expect(await ownersIn(asPerson(person.id), notes)).toEqual([]);
  });

  it("shows an application to the applicant, the hiring manager and HR, not yet to the current manager nor a colleague", async () => {
    for (const personId of [employee.id, team.hiringManager.id, hr.id]) {
      expect(await ownersIn(asPerson(personId), applicationsOf), String(personId)).toEqual([employee.id]);
    }
    for (const personId of [manager.id, colleague.id]) {
      expect(await ownersIn(asPerson(personId), applicationsOf), String(personId)).toEqual([]);
      expect(await ownersIn(asPerson(personId), steps), String(personId)).toEqual([]);
    }
  });

  it("shows the current manager the application once it is disclosed to them", async () => {
    await team.hiring.application.act({ applicationId, action: "shortlist" });
    await team.hiring.application.act({ applicationId, action: "offer" });
    expect(await ownersIn(asPerson(manager.id), applicationsOf)).toEqual([employee.id]);
    expect((await ownersIn(asPerson(manager.id), steps)).length).toBeGreaterThan(0);
  });

  it("shows nothing outside any scope, and everything in system scope", async () => {
    for (const query of [wills, versions, targets, notes, applicationsOf, steps]) {
      expect(await ownersIn(asPerson(null), query)).toEqual([]);
      expect((await ownersIn(asRuntimeSystem, query)).length).toBeGreaterThan(0);
    }
  });

  it("lets an organisation change asked for in a request reach every application, then gives the request its own scope back", async () => {
    const { admin } = cast.persons;
    const seenByAdminAfter = await asActor(db, admin.id, async (tx) => {
      // The admin may not read the application, yet the release must follow the employee's new manager.
      expect(await changeManager(tx, { personId: employee.id, managerId: colleague.id, actorId: admin.id })).toEqual({ reassignedApplicationIds: [applicationId] });
      return (await queryRows<{ id: number }>(tx, applicationsOf)).map((row) => Number(row.id));
    });
    expect(seenByAdminAfter).toEqual([]);
    const [moved] = await queryRows<{ manager: number }>(db, sql`select current_manager_id as manager from applications where id = ${applicationId}`);
    expect(Number(moved?.manager)).toBe(colleague.id);
    await changeManager(db, { personId: employee.id, managerId: manager.id, actorId: admin.id });
  });

  it("refuses writes to another person's rows", async () => {
    const changed = await asActor(db, colleague.id, (tx) =>
      queryRows(tx, sql`update wills set statement = 'x' where person_id = ${employee.id} returning person_id`),
    );
    expect(changed).toEqual([]);
    await expect(
      asActor(db, colleague.id, (tx) =>
        tx.execute(sql`insert into conversation_private_notes (conversation_id, author_id, notes) select id, ${manager.id}, 'x' from career_conversations limit 1`),
      ),
    ).rejects.toThrow();
  });

  it("lets the runtime role add to and read the audit log, never change, remove or empty it", async () => {
    const add = sql`insert into audit_log (action, entity_type, entity_id) values ('test.entry', 'test', '1')`;
    const [count] = await asActor(db, employee.id, async (tx) => {
      await tx.execute(add);
      return queryRows<{ n: number }>(tx, sql`select count(*)::int as n from audit_log where action = 'test.entry'`);
    });
    expect(count?.n).toBe(1);
    for (const change of [sql`update audit_log set action = 'x'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
      // Refused by the grants, and by the trigger for whoever holds them (here the owner).
      expect(await refusal(asActor(db, employee.id, (tx) => tx.execute(change)))).toMatch(/permission denied/);
      expect(await refusal(asSystem(db, (tx) => tx.execute(change)))).toMatch(/append-only/);
    }
    const [privileges] = await queryRows<{ update: boolean; delete: boolean; truncate: boolean; insert: boolean }>(
      db,
      sql`select has_table_privilege(${RUNTIME_ROLE}, 'audit_log', 'UPDATE') as update, has_table_privilege(${RUNTIME_ROLE}, 'audit_log', 'DELETE') as delete,
        has_table_privilege(${RUNTIME_ROLE}, 'audit_log', 'TRUNCATE') as truncate, has_table_privilege(${RUNTIME_ROLE}, 'audit_log', 'INSERT') as insert`,
    );
    expect(privileges).toEqual({ update: false, delete: false, truncate: false, insert: true });
  });
});
