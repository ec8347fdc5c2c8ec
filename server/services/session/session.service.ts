import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { people, sessions, users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canRevokeSessionsOf } from "@/server/auth/policies";
import { SESSION_MAX_AGE_SECONDS } from "@/server/auth/session-cookie";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";

export type NewSession = { sessionToken: string; expires: Date };

/**
 * The person's sign-in user (next-auth's `users` row), created and linked through `people.user_id`
 * on first use. Call it in a transaction holding the person's row lock.
 */
export async function signInUserOf(tx: Executor, person: { id: number; userId: string | null; email: string; name: string }): Promise<string> {
  if (person.userId) return person.userId;
  const [user] = await tx
    .insert(users)
    .values({ email: person.email.toLowerCase(), name: person.name })
    .onConflictDoUpdate({ target: users.email, set: { name: person.name } })
    .returning({ id: users.id });
  await tx.update(people).set({ userId: user!.id }).where(eq(people.id, person.id));
  return user!.id;
}

/**
 * Opens a database session for a person (creating and linking their sign-in user on first use).
 * Database sessions, unlike JWTs, can be revoked.
 */
export async function createSessionForPerson(db: Database, personId: number, now = new Date()): Promise<NewSession> {
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: people.id, userId: people.userId, email: people.email, name: people.romanizedName })
      .from(people)
      .where(and(eq(people.id, personId), eq(people.active, true)))
      .for("update");
    if (!person) throw new AppError("NOT_FOUND");
    const userId = await signInUserOf(tx, person);
    const session: NewSession = {
      sessionToken: randomBytes(32).toString("hex"),
      expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    };
    await tx.insert(sessions).values({ ...session, userId });
    await writeAudit(tx, { actorId: person.id, action: "session.create", entityType: "person", entityId: person.id });
    return session;
  });
}

/** Ends every session of a person: signs them out on every device. Returns how many ended. */
export async function revokeSessions(db: Database, actor: Actor, personId: number): Promise<{ revoked: number }> {
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: people.id, managerId: people.managerId, userId: people.userId })
      .from(people)
      .where(eq(people.id, personId));
    if (!person || !canRevokeSessionsOf(actor, person)) throw new AppError("NOT_FOUND");
    const ended = person.userId
      ? await tx.delete(sessions).where(eq(sessions.userId, person.userId)).returning({ token: sessions.sessionToken })
      : [];
    await writeAudit(tx, {
      actorId: actor.personId,
      action: "session.revoke_all",
      entityType: "person",
      entityId: person.id,
      data: { revoked: ended.length },
    });
    return { revoked: ended.length };
  });
}
