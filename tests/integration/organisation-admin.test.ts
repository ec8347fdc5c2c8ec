import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { createDepartment, createPerson, createRole } from "../../db/factories";
import { applications, approvalSteps, auditLog, departments, memberships, moves, people } from "../../db/schema";
import { queryRows } from "../../db/client";
import { asActor } from "../../db/scope";
import { actorForPerson } from "../../server/auth/actor";
import { createContextInner } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { callerAs, createCast } from "../setup/cast";
import { sessionCookieFor, type TrpcErrorBody, trpcHttp } from "../setup/http";
import { createReceivingTeam } from "../setup/mobility";
import { createTestDatabase } from "../setup/test-database";

/** A tRPC caller for any active person, through every middleware and policy. */
async function callerFor(db: Database, personId: number) {
  const actor = await actorForPerson(db, personId);
  if (!actor) throw new Error(`person ${personId} is not active`);
  return createCaller(createContextInner({ db, actor }));
}

describe("people and organisation administration", async () => {
  const { db, engine } = await createTestDatabase();
  const cast = await createCast(db);
  const receiving = await createReceivingTeam(db, cast, { confidentiality: "manager_first" });
  const admin = callerAs(db, cast, "admin");
  const latestAudit = async (entityType: string, entityId: number) =>
    (await db.select().from(auditLog).where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId)))).orderBy(desc(auditLog.id)))[0];

  it(`deactivating ends the person's session on their next request and leaves nothing waiting on them (${engine})`, async () => {
    const department = await createDepartment(db);
    const head = await createPerson(db, { departmentId: department.id, level: 4 });
    const leaver = await createPerson(db, { departmentId: department.id, level: 3, managerId: head.id });
    const report = await createPerson(db, { departmentId: department.id, managerId: leaver.id });
    // A release waiting on the leaver (their report applied), and the leaver's own application.
    const { applicationId: reportsApplication } = await (await callerFor(db, report.id)).application.submit({ opportunityId: receiving.opportunityId, motivation: "QA に挑戦したい" });
    const { applicationId: ownApplication } = await (await callerFor(db, leaver.id)).application.submit({ opportunityId: receiving.opportunityId, motivation: "QA を学びたい" });
    const cookie = await sessionCookieFor(db, leaver.id);
    const before = await trpcHttp(db, { path: "me.profile", method: "GET", cookie });
    expect(before.status).toBe(200);

    const left = await admin.organisation.deactivate({ personId: leaver.id, reason: "退職" });

    expect(left.endedSessions).toBe(1);
    const after = await trpcHttp(db, { path: "me.profile", method: "GET", cookie, locale: "en" });
    expect(after.status).toBe(401);
    expect((after.body as TrpcErrorBody).error.json.message).toBe("Please sign in.");
    const waiting = await db.select().from(approvalSteps).where(and(eq(approvalSteps.approverId, leaver.id), isNull(approvalSteps.decidedAt)));
    expect(waiting).toEqual([]);
    const [release] = await db.select().from(approvalSteps).where(and(eq(approvalSteps.applicationId, reportsApplication), eq(approvalSteps.step, "manager_release")));
    expect(release).toMatchObject({ approverId: head.id, decidedAt: null });
    const [own] = await db.select({ status: applications.status, reason: applications.decisionReason }).from(applications).where(eq(applications.id, ownApplication));
    expect(own).toEqual({ status: "withdrawn", reason: "退職" });
    const openOwnSteps = await db.select().from(approvalSteps).where(and(eq(approvalSteps.applicationId, ownApplication), isNull(approvalSteps.decidedAt)));
    expect(openOwnSteps).toEqual([]);
    expect(await latestAudit("person", leaver.id)).toMatchObject({ action: "person.deactivate", actorId: cast.persons.admin.id, data: { reason: "退職", before: { active: true }, after: { active: false } } });
    // History stays: the person and their application are still there, and they can come back.
    await admin.organisation.reactivate({ personId: leaver.id });
    expect((await admin.organisation.person({ personId: leaver.id })).active).toBe(true);
  });

  it("a department move under a new manager writes a ledger row with its kind and an audit row with before and after", async () => {
    const from = await createDepartment(db);
    const to = await createDepartment(db);
    const oldManager = await createPerson(db, { departmentId: from.id, level: 3 });
    const newManager = await createPerson(db, { departmentId: to.id, level: 3 });
    const person = await createPerson(db, { departmentId: from.id, managerId: oldManager.id, level: 2 });

    await admin.organisation.changePost({ personId: person.id, kind: "reorganisation", departmentId: to.id, roleId: person.roleId, level: 2, managerId: newManager.id });

    const ledger = await db.select().from(moves).where(eq(moves.personId, person.id));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ kind: "reorganisation", fromDepartmentId: from.id, toDepartmentId: to.id, fromManagerId: oldManager.id, toManagerId: newManager.id, applicationId: null });
    const [now] = await db.select({ departmentId: people.departmentId, managerId: people.managerId }).from(people).where(eq(people.id, person.id));
    expect(now).toEqual({ departmentId: to.id, managerId: newManager.id });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "person"), eq(auditLog.entityId, String(person.id))));
    expect(audits.find((entry) => entry.action === "person.post_changed")).toMatchObject({
      actorId: cast.persons.admin.id,
      data: { kind: "reorganisation", before: { departmentId: from.id, managerId: oldManager.id }, after: { departmentId: to.id, managerId: newManager.id } },
    });
    // The new manager sees the person among their reports.
    const team = await (await callerFor(db, newManager.id)).team.reports();
    expect(team.map((member) => member.id)).toEqual([person.id]);
  });

  it("a new manager alone is a reorganisation in the ledger, whatever kind the form chose", async () => {
    const department = await createDepartment(db);
    const first = await createPerson(db, { departmentId: department.id });
    const second = await createPerson(db, { departmentId: department.id });
    const person = await createPerson(db, { departmentId: department.id, managerId: first.id });
    await admin.organisation.changePost({ personId: person.id, kind: "transfer", departmentId: department.id, roleId: person.roleId, level: person.level, managerId: second.id });
    const ledger = await db.select().from(moves).where(eq(moves.personId, person.id));
    expect(ledger).toMatchObject([{ kind: "reorganisation", fromDepartmentId: department.id, toDepartmentId: department.id, fromManagerId: first.id, toManagerId: second.id }]);
  });

  it("a promotion to a new role in place is a ledger row of its kind; a level alone is audited only", async () => {
    const department = await createDepartment(db);
    const person = await createPerson(db, { departmentId: department.id, level: 1 });
    const lead = await createRole(db);
    await admin.organisation.changePost({ personId: person.id, kind: "promotion", departmentId: department.id, roleId: person.roleId, level: 2, managerId: null });
    expect(await db.select().from(moves).where(eq(moves.personId, person.id))).toEqual([]);
    await admin.organisation.changePost({ personId: person.id, kind: "promotion", departmentId: department.id, roleId: lead.id, level: 2, managerId: null });
    const ledger = await db.select().from(moves).where(eq(moves.personId, person.id));
    expect(ledger.map((move) => [move.kind, move.fromRoleId, move.toRoleId])).toEqual([["promotion", person.roleId, lead.id]]);
  });

  it.each([
    ["ja", "その部署はこの部署の下にあるため、親にすると組織が循環します。"],
    ["en", "That department is below this one; the tree would go round in a loop."],
  ])("a department cannot be moved under itself or its own sub-department (%s)", async (locale, message) => {
    const top = await createDepartment(db);
    const middle = await createDepartment(db, { parentId: top.id });
    const bottom = await createDepartment(db, { parentId: middle.id });
    const cookie = await sessionCookieFor(db, cast.persons.admin.id);
    for (const parentId of [bottom.id, top.id]) {
      const response = await trpcHttp(db, {
        path: "organisation.updateDepartment",
        method: "POST",
        input: { departmentId: top.id, nameJa: top.nameJa, nameEn: top.nameEn, parentId, headId: null },
        cookie,
        locale,
      });
      expect(response.status).toBe(400);
      expect((response.body as TrpcErrorBody).error.json.message).toBe(message);
    }
    const [unchanged] = await db.select({ parentId: departments.parentId }).from(departments).where(eq(departments.id, top.id));
    expect(unchanged?.parentId).toBeNull();
    // Moving the bottom one up is fine, and audited.
    await admin.organisation.updateDepartment({ departmentId: bottom.id, nameJa: bottom.nameJa, nameEn: bottom.nameEn, parentId: top.id, headId: null });
    expect(await latestAudit("department", bottom.id)).toMatchObject({ action: "department.update", data: { before: { parentId: middle.id }, after: { parentId: top.id } } });
  });

  it("a concurrent post shows the person to that department's manager and in the directory, while releases stay with the primary manager", async () => {
    const home = await createDepartment(db);
    const other = await createDepartment(db);
    const homeManager = await createPerson(db, { departmentId: home.id, level: 3 });
    const otherManager = await createPerson(db, { departmentId: other.id, level: 3 });
    await createPerson(db, { departmentId: other.id, managerId: otherManager.id });
    const person = await createPerson(db, { departmentId: home.id, managerId: homeManager.id });
    const role = await createRole(db, { nameJa: "品質改善", nameEn: "Quality improvement" });

    const { id: membershipId } = await admin.organisation.addMembership({ personId: person.id, departmentId: other.id, roleId: role.id, timePercent: 30, startOn: "2026-01-01" });

    const concurrent = await (await callerFor(db, otherManager.id)).team.concurrent();
    expect(concurrent).toEqual([expect.objectContaining({ id: person.id, timePercent: 30, role: { ja: "品質改善", en: "Quality improvement" } })]);
    expect((await (await callerFor(db, otherManager.id)).team.reports()).map((member) => member.id)).not.toContain(person.id);
    const found = await (await callerFor(db, cast.persons.employee.id)).person.search({ query: person.romanizedName });
    expect(found.items.find((card) => card.id === person.id)?.concurrentPosts).toEqual([{ department: { ja: other.nameJa, en: other.nameEn }, role: { ja: "品質改善", en: "Quality improvement" } }]);
    const { applicationId } = await (await callerFor(db, person.id)).application.submit({ opportunityId: receiving.opportunityId, motivation: "挑戦したい" });
    const [release] = await db.select().from(approvalSteps).where(and(eq(approvalSteps.applicationId, applicationId), eq(approvalSteps.step, "manager_release")));
    expect(release?.approverId).toBe(homeManager.id);
    await expect(admin.organisation.addMembership({ personId: person.id, departmentId: home.id, roleId: role.id, timePercent: 10, startOn: "2026-01-01" })).rejects.toMatchObject({
      cause: { messageKey: "membershipInPrimaryDepartment" },
    });

    await admin.organisation.endMembership({ membershipId, endOn: "2026-02-28" });
    expect(await (await callerFor(db, otherManager.id)).team.concurrent()).toEqual([]);
    const [ended] = await db.select({ endOn: memberships.endOn }).from(memberships).where(eq(memberships.id, membershipId));
    expect(ended?.endOn).toBe("2026-02-28");
    expect(await latestAudit("membership", membershipId)).toMatchObject({ action: "membership.end", data: { before: { endOn: null }, after: { endOn: "2026-02-28" } } });
  });

  it("creates a person, refuses a taken employee number, and grants and removes rights with audit", async () => {
    const department = await createDepartment(db);
    const role = await createRole(db);
    const fields = {
      employeeNumber: `A${department.id}`,
      familyName: "新井",
      givenName: "花",
      familyNameKana: "あらい",
      givenNameKana: "はな",
      romanizedName: "Hana Arai",
      email: `hana.arai.${department.id}@kakezan.example`,
      hiredOn: "2026-04-01",
      departmentId: department.id,
      roleId: role.id,
      level: 1,
    };
    const { id } = await admin.organisation.createPerson(fields);
    const created = await admin.organisation.person({ personId: id });
    expect(created).toMatchObject({ familyNameKana: "アライ", givenNameKana: "ハナ", departmentId: department.id, active: true, isHr: false, memberships: [] });
    await expect(admin.organisation.createPerson({ ...fields, email: `other.${department.id}@kakezan.example` })).rejects.toMatchObject({ cause: { messageKey: "employeeNumberTaken" } });

    await admin.organisation.setAccess({ personId: id, isHr: true, isAdmin: false });
    expect((await actorForPerson(db, id))?.isHr).toBe(true);
    expect(await latestAudit("person", id)).toMatchObject({ action: "person.access_changed", data: { before: { isHr: false }, after: { isHr: true } } });
    await expect(admin.organisation.setAccess({ personId: cast.persons.admin.id, isHr: false, isAdmin: false })).rejects.toMatchObject({ cause: { messageKey: "cannotRemoveOwnAdmin" } });
    await expect(admin.organisation.deactivate({ personId: cast.persons.admin.id, reason: "誤操作" })).rejects.toMatchObject({ cause: { messageKey: "cannotDeactivateSelf" } });
  });

  it("lets the runtime role read concurrent posts when signed in, and change them only through the organisation services", async () => {
    const person = await createPerson(db);
    const department = await createDepartment(db);
    await admin.organisation.addMembership({ personId: person.id, departmentId: department.id, roleId: person.roleId, timePercent: 10, startOn: "2026-01-01" });
    const read = sql`select person_id from memberships where person_id = ${person.id}`;
    expect(await asActor(db, cast.persons.employee.id, (tx) => queryRows(tx, read))).toHaveLength(1);
    expect(await asActor(db, null, (tx) => queryRows(tx, read))).toEqual([]);
    // Even an administrator's request changes nothing outside the services' system scope.
    const ended = await asActor(db, cast.persons.admin.id, (tx) => queryRows(tx, sql`update memberships set end_on = start_on where person_id = ${person.id} returning id`));
    expect(ended).toEqual([]);
    await expect(
      asActor(db, cast.persons.admin.id, (tx) =>
        tx.execute(sql`insert into memberships (person_id, department_id, role_id, time_percent, start_on) values (${person.id}, ${cast.departments.team.id}, ${person.roleId}, 10, '2026-01-01')`),
      ),
    ).rejects.toThrow();
    await expect(asActor(db, cast.persons.admin.id, (tx) => tx.execute(sql`delete from memberships where person_id = ${person.id}`))).rejects.toThrow();
  });
});
