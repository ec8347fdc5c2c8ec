import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, people, roles } from "@/db/schema";
import { AppError } from "@/server/errors";

/*
 * The existence checks every organisation form needs, each refusing with a message the form can
 * show beside its field instead of a foreign-key error.
 */

export async function requireDepartment(db: Executor, departmentId: number): Promise<void> {
  const [row] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId));
  if (!row) throw new AppError("BAD_REQUEST", "unknownDepartment");
}

/** A role offered for a new post: it exists and is not retired (a person keeps a role retired under them). */
export async function requireOpenRole(db: Executor, roleId: number): Promise<void> {
  const [row] = await db.select({ id: roles.id }).from(roles).where(and(eq(roles.id, roleId), isNull(roles.retiredAt)));
  if (!row) throw new AppError("BAD_REQUEST", "unknownRole");
}

export async function requireActivePerson(db: Executor, personId: number, messageKey: string): Promise<void> {
  const [row] = await db.select({ active: people.active }).from(people).where(eq(people.id, personId));
  if (!row?.active) throw new AppError("BAD_REQUEST", messageKey);
}

/** Employee numbers and e-mail addresses identify a person in other systems and at sign-in: one each. */
export async function requireUniqueIdentity(db: Executor, identity: { employeeNumber: string; email: string }, exceptPersonId: number | null): Promise<void> {
  const other = exceptPersonId === null ? undefined : ne(people.id, exceptPersonId);
  const [number] = await db.select({ id: people.id }).from(people).where(and(eq(people.employeeNumber, identity.employeeNumber), other));
  if (number) throw new AppError("CONFLICT", "employeeNumberTaken");
  const [email] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(sql`lower(${people.email}) = lower(${identity.email})`, other));
  if (email) throw new AppError("CONFLICT", "emailTaken");
}
