import { and, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { people, sessions } from "@/db/schema";

/**
 * Who is calling, read from the database on every request — never trusted from a token — so a
 * changed role, manager or deactivation takes effect at once.
 */
export type Actor = {
  personId: number;
  userId: string | null;
  departmentId: number;
  managerId: number | null;
  isHr: boolean;
  isAdmin: boolean;
  /** Has at least one active direct report. */
  isManager: boolean;
};

// Written out in full: drizzle leaves column names unqualified in single-table selects, and an
// unqualified "id" here would mean the inner table's.
const hasReports = sql<boolean>`exists (select 1 from people as reports where reports.manager_id = people.id and reports.active)`;

const actorColumns = {
  personId: people.id,
  userId: people.userId,
  departmentId: people.departmentId,
  managerId: people.managerId,
  isHr: people.isHr,
  isAdmin: people.isAdmin,
  isManager: hasReports.mapWith(Boolean),
};

/** The actor for a live (unexpired) session whose user is linked to an active person; else null. */
export async function actorForSessionToken(db: Executor, sessionToken: string, now = new Date()): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(sessions)
    .innerJoin(people, eq(people.userId, sessions.userId))
    .where(and(eq(sessions.sessionToken, sessionToken), gt(sessions.expires, now), eq(people.active, true)))
    .limit(1);
  return row ?? null;
}

/** The actor for an active person (used after sign-in and by tests that act as a person). */
export async function actorForPerson(db: Executor, personId: number): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(people)
    .where(and(eq(people.id, personId), eq(people.active, true)))
    .limit(1);
  return row ?? null;
}
