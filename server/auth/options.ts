import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { AuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import type { Database } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { type Env, oidcConfig } from "@/server/env";
import { OIDC_PROVIDER_ID, signInWithOidc } from "@/server/services/session/oidc-sign-in";
import { rateLimits } from "@/server/http/rate-limit";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName } from "./session-cookie";

/**
 * next-auth configuration: the company's OpenID Connect provider (when configured), database
 * sessions (revocable), and a sign-in gate that admits only active people, linked by a stable claim
 * (server/services/session/oidc-sign-in.ts).
 */
export function buildAuthOptions(db: Database, env: Env): AuthOptions {
  const oidc = oidcConfig(env);
  return {
    // @auth/drizzle-adapter is typed for @auth/core; its runtime contract is next-auth v4's Adapter.
    adapter: DrizzleAdapter(
      db as never,
      { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens } as never,
    ) as unknown as Adapter,
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
    // next-auth names its HTTPS session cookie `__Secure-`; ours is `__Host-` (see sessionCookieName).
    cookies: {
      sessionToken: {
        name: sessionCookieName(env.NEXTAUTH_URL),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: env.NEXTAUTH_URL?.startsWith("https://") ?? false },
      },
    },
    pages: { signIn: "/signin", error: "/signin" },
    providers: oidc
      ? [
          {
            id: OIDC_PROVIDER_ID,
            name: oidc.name,
            type: "oauth",
            wellKnown: `${oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
            clientId: oidc.clientId,
            clientSecret: oidc.clientSecret,
            authorization: { params: { scope: "openid email profile" } },
            idToken: true,
            checks: ["pkce", "state"],
            profile: (profile: { sub: string; email?: string; name?: string }) => ({
              id: profile.sub,
              email: profile.email ?? null,
              name: profile.name ?? null,
            }),
          },
        ]
      : [],
    callbacks: {
      // A refused attempt goes back to the sign-in page with its own message (rate-limited per identity).
      signIn: async ({ account, profile }) => {
        if (!oidc || account?.provider !== OIDC_PROVIDER_ID) return false;
        const sub = account.providerAccountId;
        if (!rateLimits.signIn.take(`oidc:${sub}`).ok) return "/signin?error=too-many";
        const outcome = await signInWithOidc(db, { sub, claims: { ...profile } }, { employeeNumberClaim: oidc.employeeNumberClaim });
        return outcome.ok ? true : `/signin?error=${outcome.reason}`;
      },
    },
  };
}
