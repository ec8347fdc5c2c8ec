import { randomBytes } from "node:crypto";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { people, sessions, users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canRevokeSessionsOf } from "@/server/auth/policies";
import { SESSION_MAX_AGE_SECONDS } from "@/server/auth/session-cookie";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";

export type NewSession = { sessionToken: string; expires: Date };

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
    let userId = person.userId;
    if (!userId) {
      const [user] = await tx
        .insert(users)
        .values({ email: person.email.toLowerCase(), name: person.name })
        .onConflictDoUpdate({ target: users.email, set: { name: person.name } })
        .returning({ id: users.id });
      userId = user!.id;
      await tx.update(people).set({ userId }).where(eq(people.id, person.id));
    }
    const session: NewSession = {
      sessionToken: randomBytes(32).toString("hex"),
      expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    };
    await tx.insert(sessions).values({ ...session, userId });
    await writeAudit(tx, { actorId: person.id, action: "session.create", entityType: "person", entityId: person.id });
    return session;
  });
}

/**
 * Links a sign-in user (from the company's OpenID Connect provider) to the active person with the
 * same e-mail. Returns false when nobody matches: sign-in is then refused, so an IdP account alone
 * never grants access.
 */
export async function linkUserToPerson(db: Database, user: { id: string; email?: string | null }): Promise<boolean> {
  if (!user.email) return false;
  const linked = await db
    .update(people)
    .set({ userId: user.id })
    .where(
      and(
        sql`lower(${people.email}) = ${user.email.toLowerCase()}`,
        eq(people.active, true),
        or(isNull(people.userId), eq(people.userId, user.id)),
      ),
    )
    .returning({ id: people.id });
  return linked.length === 1;
}

/** Whether an e-mail belongs to an active person (the OIDC sign-in gate). */
export async function isActivePersonEmail(db: Database, email: string | null | undefined): Promise<boolean> {
  if (!email) return false;
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(sql`lower(${people.email}) = ${email.toLowerCase()}`, eq(people.active, true)))
    .limit(1);
  return Boolean(row);
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
