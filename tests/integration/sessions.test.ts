import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createPerson } from "../../db/factories";
import { demoPersonas } from "../../db/seed/personas";
import { people, sessions } from "../../db/schema";
import { actorForSessionToken } from "../../server/auth/actor";
import { listDemoPersonas, startDemoSession } from "../../server/services/session/demo-personas.service";
import { createSessionForPerson } from "../../server/services/session/session.service";
import { callerAs, createCast } from "../setup/cast";
import { createTestDatabase } from "../setup/test-database";

describe("sessions and sign-in", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const persona = demoPersonas.find((entry) => entry.key === "employee")!;
  const personaPerson = await createPerson(db, { employeeNumber: persona.employeeNumber, departmentId: cast.departments.team.id });

  it("demo sign-in is refused outside demo mode, and creates nothing", async () => {
    const before = await db.select().from(sessions);
    await expect(listDemoPersonas(db, { enabled: false })).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "demoSignInDisabled" });
    await expect(startDemoSession(db, personaPerson.id, { enabled: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.select().from(sessions)).toEqual(before);
  });

  it("demo mode lists the personas and signs in only as one of them", async () => {
    const listed = await listDemoPersonas(db, { enabled: true });
    expect(listed.map((entry) => entry.personId)).toEqual([personaPerson.id]);
    await expect(startDemoSession(db, cast.persons.hr.id, { enabled: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const session = await startDemoSession(db, personaPerson.id, { enabled: true });
    expect((await actorForSessionToken(db, session.sessionToken))?.personId).toBe(personaPerson.id);
  });

  it("reads roles from the database on every request, never from the session", async () => {
    const { sessionToken } = await createSessionForPerson(db, cast.persons.colleague.id);
    expect((await actorForSessionToken(db, sessionToken))?.isHr).toBe(false);
    await db.update(people).set({ isHr: true }).where(eq(people.id, cast.persons.colleague.id));
    expect((await actorForSessionToken(db, sessionToken))?.isHr).toBe(true);
    await db.update(people).set({ isHr: false, active: false }).where(eq(people.id, cast.persons.colleague.id));
    expect(await actorForSessionToken(db, sessionToken)).toBeNull();
    await db.update(people).set({ active: true }).where(eq(people.id, cast.persons.colleague.id));
  });

  it("an expired session signs nobody in", async () => {
    const { sessionToken } = await createSessionForPerson(db, cast.persons.employee.id, new Date("2020-01-01T00:00:00Z"));
    expect(await actorForSessionToken(db, sessionToken)).toBeNull();
  });

  it("an admin revokes every session of a person; the person is signed out everywhere", async () => {
    const first = await createSessionForPerson(db, cast.persons.employee.id);
    const second = await createSessionForPerson(db, cast.persons.employee.id);
    const result = await callerAs(db, cast, "admin").session.revoke({ personId: cast.persons.employee.id });
    expect(result.revoked).toBeGreaterThanOrEqual(2);
    expect(await actorForSessionToken(db, first.sessionToken)).toBeNull();
    expect(await actorForSessionToken(db, second.sessionToken)).toBeNull();
  });

  it("a person signs themselves out everywhere", async () => {
    const { sessionToken } = await createSessionForPerson(db, cast.persons.manager.id);
    await callerAs(db, cast, "manager").session.revokeMine();
    expect(await actorForSessionToken(db, sessionToken)).toBeNull();
  });
});
