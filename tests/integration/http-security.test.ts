import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { people } from "../../db/schema";
import { buildAuthOptions } from "../../server/auth/options";
import { OIDC_PROVIDER_ID } from "../../server/services/session/oidc-sign-in";
import { readEnv } from "../../server/env";
import { rateLimits } from "../../server/http/rate-limit";
import { handleTrpcRequest } from "../../server/trpc/http";
import { callerAs, createCast } from "../setup/cast";
import { sessionCookieFor, type TrpcErrorBody, trpcHttp } from "../setup/http";
import { createTestDatabase } from "../setup/test-database";

describe("the tRPC endpoint over HTTP", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const cookie = await sessionCookieFor(db, cast.persons.employee.id);
  const saveProfile = { path: "profile.update", method: "POST" as const, cookie, input: { openToScouting: true } };

  /** A raw mutation request as another site could send it with the visitor's cookie. */
  function rawPost(headers: Record<string, string>, body = JSON.stringify({ json: { openToScouting: true } })) {
    return handleTrpcRequest(new Request("http://localhost/api/trpc/profile.update", { method: "POST", headers: { cookie, ...headers }, body }), db);
  }

  it("accepts a same-origin JSON mutation and marks every answer not to be stored", async () => {
    const response = await trpcHttp(db, saveProfile);
    expect(response.status).toBe(200);
    const raw = await handleTrpcRequest(new Request("http://localhost/api/trpc/me.profile", { headers: { cookie } }), db);
    expect(raw.headers.get("cache-control")).toBe("no-store");
  });

  it.each([
    ["another origin", { "content-type": "application/json", origin: "https://evil.example" }, 403],
    ["no origin at all", { "content-type": "application/json" }, 403],
    ["a cross-site fetch", { "content-type": "application/json", origin: "http://localhost", "sec-fetch-site": "cross-site" }, 403],
    ["a form post", { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" }, 415],
    ["a multipart post", { "content-type": "multipart/form-data; boundary=x", origin: "http://localhost" }, 415],
    ["a text/plain post", { "content-type": "text/plain", origin: "http://localhost" }, 415],
  ])("refuses a mutation from %s, translated, and changes nothing", async (_, headers, status) => {
    const before = await db.select({ id: people.id, open: people.openToScouting }).from(people);
    const response = await rawPost({ ...headers, "x-kakezan-locale": "en" });
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const message = ((await response.json()) as TrpcErrorBody).error.json.message;
    expect(message).toBe(status === 415 ? "This request must come from a page of this site as JSON." : "Requests from other sites cannot change anything here.");
    expect(await db.select({ id: people.id, open: people.openToScouting }).from(people)).toEqual(before);
  });

  it("treats a malformed session cookie as signed out (401), not a server error", async () => {
    for (const bad of ["next-auth.session-token=%E0%A4%A", "next-auth.session-token=%", "next-auth.session-token", "=;;=%zz"]) {
      const response = await trpcHttp(db, { path: "me.profile", cookie: bad, locale: "en" });
      expect(response.status, bad).toBe(401);
      expect((response.body as TrpcErrorBody).error.json.message).toBe("Please sign in.");
    }
  });

  it("limits profile saves per person: over the limit a save is refused with the wait, translated, and others are unaffected", async () => {
    const caller = callerAs(db, cast, "colleague", { locale: "en" });
    for (let i = 0; i < rateLimits.profileSave.limit; i++) await caller.profile.update({ tagline: `save ${i}` });
    const refused = await trpcHttp(db, {
      path: "profile.update",
      method: "POST",
      cookie: await sessionCookieFor(db, cast.persons.colleague.id),
      locale: "en",
      input: { tagline: "one too many" },
    });
    expect(refused.status).toBe(429);
    expect((refused.body as TrpcErrorBody).error.json.message).toMatch(/^Too many requests\. Please wait \d+ seconds and try again\.$/);
    await expect(caller.profile.markReviewed()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    const will = await caller.will.mine();
    await expect(caller.will.save({ statement: "x", targetRoleIds: [], desiredSkillIds: [], horizon: "one_year", openness: "within_year", shareWithManager: false, shareWithHr: false, shareWithMatching: false, expectedVersion: will.version })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    const profile = await callerAs(db, cast, "colleague").person.byId({ personId: cast.persons.colleague.id });
    expect(profile.tagline).toBe(`save ${rateLimits.profileSave.limit - 1}`);
    await expect(callerAs(db, cast, "manager").profile.update({ tagline: "still fine" })).resolves.toEqual({ ok: true });
  });

  it("limits applications per person", async () => {
    for (let i = 0; i < rateLimits.apply.limit; i++) rateLimits.apply.take(String(cast.persons.manager.id));
    await expect(callerAs(db, cast, "manager").application.submit({ opportunityId: 1, motivation: "I would like to try this." })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });

  it("limits company sign-ins per person, with its own message, and others still sign in", async () => {
    const env = readEnv({ ...process.env, OIDC_ISSUER: "https://id.example.com", OIDC_CLIENT_ID: "kakezan", OIDC_CLIENT_SECRET: "not-a-secret" });
    const signIn = buildAuthOptions(db, env).callbacks!.signIn!;
    // What the company's provider hands over: its subject for the person and a verified e-mail.
    const attempt = (sub: string, email: string) =>
      signIn({
        user: { id: sub, email },
        account: { provider: OIDC_PROVIDER_ID, providerAccountId: sub, type: "oauth" },
        profile: { sub, email, email_verified: true } as never,
        email: undefined,
        credentials: undefined,
      });
    const [employee] = await db.select({ email: people.email }).from(people).where(eq(people.id, cast.persons.employee.id));
    const [colleague] = await db.select({ email: people.email }).from(people).where(eq(people.id, cast.persons.colleague.id));
    for (let i = 0; i < rateLimits.signIn.limit; i++) expect(await attempt("employee-subject", employee!.email)).toBe(true);
    expect(await attempt("employee-subject", employee!.email)).toBe("/signin?error=too-many");
    expect(await attempt("colleague-subject", colleague!.email)).toBe(true);
    expect(await attempt("stranger-subject", "stranger@example.com")).toBe("/signin?error=unknown");
  });
});
