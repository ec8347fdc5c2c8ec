import { and, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { accounts, people } from "@/db/schema";
import { writeAudit } from "../audit/audit.service";
import { signInUserOf } from "./session.service";

/** The provider id of the company's OpenID Connect sign-in (next-auth's `accounts.provider`). */
export const OIDC_PROVIDER_ID = "oidc";

/** What the identity provider said about the person signing in: the subject and the ID token's claims. */
export type OidcIdentity = { sub: string; claims: Record<string, unknown> };

export type OidcLinking = {
  /** The claim carrying the employee number; null: link by an e-mail the provider has verified. */
  employeeNumberClaim: string | null;
};

export type OidcSignInRefusal = "unknown" | "inactive" | "linked-elsewhere";
export type OidcSignInOutcome = { ok: true; personId: number; linkedBy: "sub" | "employee_number" | "email" } | { ok: false; reason: OidcSignInRefusal };

type Candidate = { id: number; active: boolean; userId: string | null; email: string; name: string };

const candidateColumns = { id: people.id, active: people.active, userId: people.userId, email: people.email, name: people.romanizedName };

function claimText(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  return text === "" ? null : text;
}

/**
 * Who this identity is the first time it signs in: the person with the employee number in the
 * configured claim, or (without such a claim configured) the person with the e-mail — only when the
 * provider says `email_verified: true`, because an unverified address is whatever the user typed.
 */
async function findFirstLink(tx: Executor, identity: OidcIdentity, linking: OidcLinking): Promise<{ person: Candidate | undefined; by: "employee_number" | "email" } | null> {
  if (linking.employeeNumberClaim) {
    const number = claimText(identity.claims[linking.employeeNumberClaim]);
    if (!number) return null;
    const [person] = await tx.select(candidateColumns).from(people).where(eq(people.employeeNumber, number)).for("update");
    return { person, by: "employee_number" };
  }
  const email = claimText(identity.claims.email);
  if (!email || identity.claims.email_verified !== true) return null;
  const [person] = await tx.select(candidateColumns).from(people).where(sql`lower(${people.email}) = ${email.toLowerCase()}`).for("update");
  return { person, by: "email" };
}

/**
 * The sign-in gate for the company's OpenID Connect provider. An identity already linked (its
 * `sub` in `accounts`) is its person from then on, whatever its claims say now; a new identity is
 * linked once by the employee-number claim or a verified e-mail (findFirstLink). Only an active
 * person is admitted; a person already linked to another identity of the provider is not re-linked.
 * The link (user, `people.user_id`, account) is written here, before next-auth opens the session,
 * so next-auth finds the account and never creates a user of its own.
 */
export async function signInWithOidc(db: Database, identity: OidcIdentity, linking: OidcLinking): Promise<OidcSignInOutcome> {
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select(candidateColumns)
      .from(accounts)
      .innerJoin(people, eq(people.userId, accounts.userId))
      .where(and(eq(accounts.provider, OIDC_PROVIDER_ID), eq(accounts.providerAccountId, identity.sub)));
    if (linked) return linked.active ? { ok: true, personId: linked.id, linkedBy: "sub" } : { ok: false, reason: "inactive" };

    const found = await findFirstLink(tx, identity, linking);
    if (!found?.person) return { ok: false, reason: "unknown" };
    const person = found.person;
    if (!person.active) return { ok: false, reason: "inactive" };
    if (person.userId) {
      const [existing] = await tx
        .select({ sub: accounts.providerAccountId })
        .from(accounts)
        .where(and(eq(accounts.userId, person.userId), eq(accounts.provider, OIDC_PROVIDER_ID)))
        .limit(1);
      // The same identity linked by a sign-in that ran at the same time (this one waited for its row lock).
      if (existing?.sub === identity.sub) return { ok: true, personId: person.id, linkedBy: "sub" };
      if (existing) return { ok: false, reason: "linked-elsewhere" };
    }

    const userId = await signInUserOf(tx, person);
    // This subject's account from a user no person holds any more (the link above replaces it).
    await tx.delete(accounts).where(and(eq(accounts.provider, OIDC_PROVIDER_ID), eq(accounts.providerAccountId, identity.sub)));
    await tx.insert(accounts).values({ userId, type: "oidc", provider: OIDC_PROVIDER_ID, providerAccountId: identity.sub });
    await writeAudit(tx, { actorId: person.id, action: "sign_in.link", entityType: "person", entityId: person.id, data: { by: found.by } });
    return { ok: true, personId: person.id, linkedBy: found.by };
  });
}
