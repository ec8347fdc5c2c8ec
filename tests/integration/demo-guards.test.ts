import { afterAll, describe, expect, it, vi } from "vitest";
import { createPerson } from "../../db/factories";
import { markDemoDatabase } from "../../db/seed/demo-mark";
import { demoPersonas } from "../../db/seed/personas";
import { sessions } from "../../db/schema";
import { actorForSessionToken } from "../../server/auth/actor";
import { buildAuthOptions } from "../../server/auth/options";
import { readEnv } from "../../server/env";
import { handleDemoSignIn } from "../../server/http/demo-sign-in";
import { assertDemoDatabase } from "../../server/services/session/demo-database";
import { createCast } from "../setup/cast";
import { fetchCsrfToken } from "../setup/oidc-sign-in";
import { createTestDatabase } from "../setup/test-database";

/** The demo sign-in can never open a real company: its form needs a CSRF token, its database the demo's mark. */
describe("demo sign-in guards", async () => {
  const origin = "http://localhost:3998";
  vi.stubEnv("NEXTAUTH_URL", origin);
  afterAll(() => vi.unstubAllEnvs());
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const persona = demoPersonas.find((entry) => entry.key === "employee")!;
  const person = await createPerson(db, { employeeNumber: persona.employeeNumber, departmentId: cast.departments.team.id });
  const env = readEnv({ NEXTAUTH_URL: origin, NEXTAUTH_SECRET: "demo-guard-secret", KAKEZAN_DEMO: "1" });
  const options = buildAuthOptions(db, env);

  const post = (fields: Record<string, string>, cookie?: string) =>
    handleDemoSignIn(
      new Request(`${origin}/api/demo-sign-in`, { method: "POST", headers: cookie ? { cookie } : {}, body: new URLSearchParams({ personId: String(person.id), locale: "en", ...fields }) }),
      db,
      env,
    );
  const sessionOf = (response: Response) => /next-auth\.session-token=([0-9a-f]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];

  it("signs in with next-auth's CSRF token and its cookie", async () => {
    const { csrfToken, cookie } = await fetchCsrfToken(options);
    const response = await post({ csrfToken }, cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/en");
    expect((await actorForSessionToken(db, sessionOf(response)!))?.personId).toBe(person.id);
  });

  it("refuses a post without the token, with another browser's token, or with a cookie another secret made", async () => {
    const before = await db.$count(sessions);
    const mine = await fetchCsrfToken(options);
    const theirs = await fetchCsrfToken(options);
    const elsewhere = await fetchCsrfToken(buildAuthOptions(db, readEnv({ NEXTAUTH_URL: origin, NEXTAUTH_SECRET: "another-secret" })));
    for (const response of [
      await post({}, mine.cookie),
      await post({ csrfToken: "" }, mine.cookie),
      await post({ csrfToken: mine.csrfToken }),
      await post({ csrfToken: theirs.csrfToken }, mine.cookie),
      await post({ csrfToken: elsewhere.csrfToken }, elsewhere.cookie),
    ]) {
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/en/signin?error=expired");
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    expect(await db.$count(sessions)).toBe(before);
  });

  it("refuses to start the demo on a production PostgreSQL database the demo seed did not mark", async () => {
    const production = { NODE_ENV: "production", NEXTAUTH_SECRET: "s", KAKEZAN_DEMO: "1", DATABASE_URL: "postgres://company-db/kakezan" };
    await expect(assertDemoDatabase(readEnv(production), db)).rejects.toThrow(/KAKEZAN_DEMO=1 is refused on this database: DATABASE_URL was not seeded as the demo/);
    // Without the demo sign-in, or on the embedded demo database, there is nothing to check.
    await expect(assertDemoDatabase(readEnv({ ...production, KAKEZAN_DEMO: "0", SMTP_URL: "smtp://mail" }), db)).resolves.toBeUndefined();
    await expect(assertDemoDatabase(readEnv({ ...production, DATABASE_URL: "" }), db)).resolves.toBeUndefined();
    await markDemoDatabase(db);
    await expect(assertDemoDatabase(readEnv(production), db)).resolves.toBeUndefined();
  });
});
