import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { applications, auditLog, moves, people } from "../../db/schema";
import { act } from "../../server/services/applications/application.service";
import { setOpportunityStatus } from "../../server/services/opportunities/opportunity.service";
import { japanDate } from "../../server/services/workflow/business-days";
import { carryOutEffects } from "../../server/services/workflow/effects";
import { type Effect, effectTypes } from "../../server/services/workflow/transitions";
import { applyDueMoves } from "../../server/services/workflow/workflow.jobs";
import { callerAs, createCast } from "../setup/cast";
import { createReceivingTeam } from "../setup/mobility";
import { createTestDatabase } from "../setup/test-database";

const inDays = (days: number) => japanDate(new Date(Date.now() + days * 86_400_000));
const dayAt = (isoDate: string) => new Date(`${isoDate}T00:00:00+09:00`);

/** One example of each effect type, against an application offered and waiting on its release. */
const exampleOf: Record<Effect["type"], Effect> = {
  disclose: { type: "disclose" },
  open_step: { type: "open_step", step: "hr_finalize" },
  close_step: { type: "close_step", step: "manager_release", decision: "approved" },
  close_open_steps: { type: "close_open_steps", decision: "withdrawn" },
  apply_move: { type: "apply_move" },
};

class RolledBack extends Error {}

describe("every workflow change goes through one transition", async () => {
  const { db, engine } = await createTestDatabase();
  const cast = await createCast(db);
  const team = await createReceivingTeam(db, cast, { confidentiality: "until_offer" });
  const employee = callerAs(db, cast, "employee");
  const manager = callerAs(db, cast, "manager");
  const hr = callerAs(db, cast, "hr");

  /** A fresh transfer posting of the receiving team, open, with the employee's application. */
  async function applied(title: string) {
    const { id: opportunityId } = await team.hiring.opportunity.create({ kind: "transfer", title, departmentId: team.department.id, roleId: team.role.id });
    await team.hiring.opportunity.setStatus({ opportunityId, status: "open" });
    const { applicationId } = await employee.application.submit({ opportunityId, motivation: "品質保証に挑戦したい" });
    return { opportunityId, applicationId };
  }

  /** Everything a transition writes about one application, to compare before and after. */
  async function written(applicationId: number) {
    const [application] = await db.select({ status: applications.status, version: applications.version }).from(applications).where(eq(applications.id, applicationId));
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "application"), eq(auditLog.entityId, String(applicationId))));
    const events = await queryRows<{ type: string; payload: unknown }>(db, sql`select type, payload from outbox where payload->>'applicationId' = ${String(applicationId)} order by id`);
    const steps = await queryRows(db, sql`select step, decision from approval_steps where application_id = ${applicationId} order by id`);
    const ledger = await db.select({ id: moves.id }).from(moves).where(eq(moves.applicationId, applicationId));
    const [person] = await db.select({ departmentId: people.departmentId, managerId: people.managerId }).from(people).where(eq(people.id, cast.persons.employee.id));
    return { application, audit, events, steps, ledger, person };
  }

  /**
   * Makes the outbox refuse every new event: the event is a transition's last write, so if the
   * version, the steps, the audit row or the move were written outside its transaction they would
   * survive the failure.
   */
  async function withFailingOutbox(work: () => Promise<unknown>) {
    await db.execute(sql`create function refuse_outbox() returns trigger language plpgsql as $$ begin raise exception 'outbox refused for the test'; end $$`);
    await db.execute(sql`create trigger refuse_outbox before insert on outbox for each row execute function refuse_outbox()`);
    try {
      await expect(work()).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger refuse_outbox on outbox`);
      await db.execute(sql`drop function refuse_outbox()`);
    }
  }

  function expectOneTransition(before: Awaited<ReturnType<typeof written>>, after: Awaited<ReturnType<typeof written>>, action: string, opportunityId: number, applicationId: number) {
    expect(after.application!.version).toBe(before.application!.version + 1);
    expect(after.audit.map((row) => row.action)).toEqual([...before.audit.map((row) => row.action), `application.${action}`]);
    expect(after.events).toEqual([
      ...before.events,
      {
        type: "application.transitioned",
        payload: { applicationId, opportunityId, personId: cast.persons.employee.id, action, disclosed: false, currentManagerId: cast.persons.manager.id },
      },
    ]);
  }

  it(`a person's decision (act): the version, step, audit row and event are written together or not at all (${engine})`, async () => {
    const { opportunityId, applicationId } = await applied("一括確認: 担当者の判断");
    const before = await written(applicationId);
    await withFailingOutbox(() => act(db, team.hiringActor, { applicationId, action: "shortlist" }));
    expect(await written(applicationId)).toEqual(before);

    await act(db, team.hiringActor, { applicationId, action: "shortlist" });
    const after = await written(applicationId);
    expect(after.application!.status).toBe("active");
    expectOneTransition(before, after, "shortlist", opportunityId, applicationId);
  });

  it("closing a posting: every remaining applicant's decline is written with the posting's change or not at all", async () => {
    const { opportunityId, applicationId } = await applied("一括確認: 募集終了");
    const before = await written(applicationId);
    await withFailingOutbox(() => setOpportunityStatus(db, team.hiringActor, { opportunityId, status: "closed" }));
    expect(await written(applicationId)).toEqual(before);
    expect((await team.hiring.opportunity.byId({ opportunityId })).status).toBe("open");

    await setOpportunityStatus(db, team.hiringActor, { opportunityId, status: "closed" });
    const after = await written(applicationId);
    expect(after.application!.status).toBe("declined");
    expect(after.steps).toEqual([{ step: "hiring_decision", decision: "decline" }]);
    expectOneTransition(before, after, "decline", opportunityId, applicationId);
  });

  it("the effective-date job: the move, the version, audit row and event are written together or not at all", async () => {
    const { opportunityId, applicationId } = await applied("一括確認: 発令日");
    await team.hiring.application.act({ applicationId, action: "shortlist" });
    await team.hiring.application.act({ applicationId, action: "offer" });
    await manager.application.act({ applicationId, action: "release_approve" });
    const effectiveOn = inDays(7);
    await hr.application.act({ applicationId, action: "finalize", effectiveOn });
    const before = await written(applicationId);
    await withFailingOutbox(() => applyDueMoves(db, dayAt(effectiveOn)));
    expect(await written(applicationId)).toEqual(before);

    expect(await applyDueMoves(db, dayAt(effectiveOn))).toBe(1);
    const after = await written(applicationId);
    expect(after.application!.status).toBe("completed");
    expect(after.ledger).toHaveLength(1);
    expect(after.person).toEqual({ departmentId: team.department.id, managerId: team.hiringManager.id });
    expectOneTransition(before, after, "complete", opportunityId, applicationId);
    // Restore the org chart for the tests below.
    await db.update(people).set(before.person!).where(eq(people.id, cast.persons.employee.id));
  });

  it("carries out every effect type the transition table can ask for", async () => {
    const { opportunityId, applicationId } = await applied("一括確認: 効果");
    await team.hiring.application.act({ applicationId, action: "shortlist" });
    await team.hiring.application.act({ applicationId, action: "offer" });
    expect(effectTypes.length).toBeGreaterThan(0);
    for (const type of effectTypes) {
      // Each effect on its own, rolled back, so every one starts from the same offered application.
      const outcome = db.transaction(async (tx) => {
        await carryOutEffects(
          tx,
          {
            application: { id: applicationId, personId: cast.persons.employee.id, opportunityId, hiringManagerId: team.hiringManager.id, currentManagerId: cast.persons.manager.id, effectiveOn: inDays(7) },
            actorId: cast.persons.hr.id,
            reason: "",
            now: new Date(),
          },
          [exampleOf[type]],
        );
        throw new RolledBack(type);
      });
      await expect(outcome, `the effect "${type}" has no branch in the interpreter`).rejects.toBeInstanceOf(RolledBack);
    }
  });
});
