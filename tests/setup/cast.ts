import type { Database } from "../../db/client";
import { createDepartment, createPerson } from "../../db/factories";
import { type Actor, actorForPerson } from "../../server/auth/actor";
import type { Locale } from "../../server/i18n";
import { createContextInner } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";

export type CastRole = "anonymous" | "employee" | "colleague" | "manager" | "hr" | "admin";

/**
 * A small company for access tests: a manager with two reports (employee, colleague), an HR
 * person and an admin in another department. Actors are loaded from the database, as in requests.
 */
export async function createCast(db: Database) {
  const team = await createDepartment(db);
  const people = await createDepartment(db);
  const manager = await createPerson(db, { departmentId: team.id, level: 3 });
  const employee = await createPerson(db, { departmentId: team.id, managerId: manager.id });
  const colleague = await createPerson(db, { departmentId: team.id, managerId: manager.id });
  const hr = await createPerson(db, { departmentId: people.id, isHr: true });
  const admin = await createPerson(db, { departmentId: people.id, isAdmin: true });
  const persons = { employee, colleague, manager, hr, admin };
  const actors = {} as Record<Exclude<CastRole, "anonymous">, Actor>;
  for (const [role, person] of Object.entries(persons)) {
    const actor = await actorForPerson(db, person.id);
    if (!actor) throw new Error(`cast member ${role} is not active`);
    actors[role as Exclude<CastRole, "anonymous">] = actor;
  }
  return { persons, actors, departments: { team, people } };
}

export type Cast = Awaited<ReturnType<typeof createCast>>;

/** A tRPC caller acting as a cast member (or signed out), through every middleware and policy. */
export function callerAs(
  db: Database,
  cast: Cast,
  role: CastRole,
  options: { locale?: Locale; demoSignInEnabled?: boolean } = {},
) {
  const actor = role === "anonymous" ? null : cast.actors[role];
  return createCaller(createContextInner({ db, actor, demoSignInEnabled: false, ...options }));
}

/** A tRPC caller for any active person (not only the cast), through every middleware and policy. */
export async function callerForPerson(db: Database, personId: number) {
  const actor = await actorForPerson(db, personId);
  if (!actor) throw new Error(`person ${personId} is not active`);
  return createCaller(createContextInner({ db, actor }));
}
