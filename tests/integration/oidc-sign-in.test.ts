import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createDepartment, createPerson } from "../../db/factories";
import { accounts, auditLog, people, sessions } from "../../db/schema";
import { actorForSessionToken } from "../../server/auth/actor";
import { buildAuthOptions } from "../../server/auth/options";
import { readEnv } from "../../server/env";
import { signInWithOidc } from "../../server/services/session/oidc-sign-in";
import { startTestIssuer } from "../setup/oidc-issuer";
import { signInThroughProvider } from "../setup/oidc-sign-in";
import { createTestDatabase } from "../setup/test-database";

/**
 * The company sign-in end to end against a real OpenID Connect provider on localhost: next-auth's
 * handler with the app's options, the provider's login, the token exchange, the ID token's claims.
 */
describe("sign-in with the company's OpenID Connect provider", async () => {
  const appOrigin = "http://localhost:3999";
  vi.stubEnv("NEXTAUTH_URL", appOrigin);
  const issuer = await startTestIssuer({ redirectUris: [`${appOrigin}/api/auth/callback/oidc`] });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await issuer.close();
  });
  const { db } = await createTestDatabase();
  const department = await createDepartment(db);
  const settingsFor = (employeeNumberClaim?: string) =>
    buildAuthOptions(
      db,
      readEnv({
        NEXTAUTH_URL: appOrigin,
        NEXTAUTH_SECRET: "oidc-test-secret",
        OIDC_ISSUER: issuer.issuer,
        OIDC_CLIENT_ID: issuer.clientId,
        OIDC_CLIENT_SECRET: issuer.clientSecret,
        OIDC_EMPLOYEE_NUMBER_CLAIM: employeeNumberClaim,
      }),
    );
  const byEmployeeNumber = settingsFor("employee_number");
  const byVerifiedEmail = settingsFor();

  const personSignedIn = async (sessionToken: string | undefined) => (sessionToken ? ((await actorForSessionToken(db, sessionToken))?.personId ?? null) : null);
  const userOf = async (personId: number) => (await db.select({ userId: people.userId }).from(people).where(eq(people.id, personId)))[0]?.userId ?? null;

  it("a known person signs in by the employee-number claim and lands on their home", async () => {
    const person = await createPerson(db, { departmentId: department.id, employeeNumber: "E-7001" });
    issuer.accounts.set("idp-7001", { employee_number: "E-7001", email: "someone.else@elsewhere.example", email_verified: false });
    const result = await signInThroughProvider(byEmployeeNumber, issuer, "idp-7001");
    expect(result.location).toBe(`${appOrigin}/ja`);
    expect(await personSignedIn(result.sessionToken)).toBe(person.id);
    const [account] = await db.select().from(accounts).where(eq(accounts.providerAccountId, "idp-7001"));
    expect(account?.userId).toBe(await userOf(person.id));
    const links = await db.select({ data: auditLog.data }).from(auditLog).where(eq(auditLog.action, "sign_in.link"));
    expect(links).toContainEqual({ data: { by: "employee_number" } });
  });

  it("once linked, the same identity signs in by its subject, whatever its claims say now", async () => {
    const person = await createPerson(db, { departmentId: department.id, employeeNumber: "E-7002" });
    issuer.accounts.set("idp-7002", { employee_number: "E-7002" });
    const first = await signInThroughProvider(byEmployeeNumber, issuer, "idp-7002", "en");
    expect(first.location).toBe(`${appOrigin}/en`);
    // The provider no longer sends the employee number (or sends another person's): `sub` decides.
    issuer.accounts.set("idp-7002", { employee_number: "E-9999", email: person.email, email_verified: false });
    const second = await signInThroughProvider(byEmployeeNumber, issuer, "idp-7002");
    expect(second.location).toBe(`${appOrigin}/ja`);
    expect(await personSignedIn(second.sessionToken)).toBe(person.id);
    expect(second.sessionToken).not.toBe(first.sessionToken);
  });

  it("an e-mail the provider has not verified links nobody", async () => {
    const person = await createPerson(db, { departmentId: department.id });
    issuer.accounts.set("idp-unverified", { email: person.email, email_verified: false });
    const refused = await signInThroughProvider(byVerifiedEmail, issuer, "idp-unverified");
    expect(refused.location).toBe(`${appOrigin}/signin?error=unknown`);
    expect(refused.sessionToken).toBeUndefined();
    expect(await userOf(person.id)).toBeNull();
    issuer.accounts.set("idp-no-flag", { email: person.email.toUpperCase() });
    expect((await signInThroughProvider(byVerifiedEmail, issuer, "idp-no-flag")).location).toBe(`${appOrigin}/signin?error=unknown`);
    // With an employee-number claim configured, e-mail links nobody at all, verified or not.
    issuer.accounts.set("idp-verified", { email: person.email.toUpperCase(), email_verified: true });
    expect((await signInThroughProvider(byEmployeeNumber, issuer, "idp-verified")).location).toBe(`${appOrigin}/signin?error=unknown`);
    // Without one, the same verified e-mail does.
    const verified = await signInThroughProvider(byVerifiedEmail, issuer, "idp-verified");
    expect(verified.location).toBe(`${appOrigin}/ja`);
    expect(await personSignedIn(verified.sessionToken)).toBe(person.id);
  });

  it("an identity that matches nobody is refused and leaves nothing behind", async () => {
    const before = { sessions: await db.$count(sessions), accounts: await db.$count(accounts) };
    issuer.accounts.set("idp-stranger", { employee_number: "E-0000-NOBODY", email: "stranger@elsewhere.example", email_verified: true });
    const refused = await signInThroughProvider(byEmployeeNumber, issuer, "idp-stranger");
    expect(refused.location).toBe(`${appOrigin}/signin?error=unknown`);
    expect(refused.sessionToken).toBeUndefined();
    expect({ sessions: await db.$count(sessions), accounts: await db.$count(accounts) }).toEqual(before);
  });

  it("a deactivated person is refused, before and after the link", async () => {
    const leaver = await createPerson(db, { departmentId: department.id, employeeNumber: "E-7003", active: false });
    issuer.accounts.set("idp-7003", { employee_number: "E-7003" });
    const refused = await signInThroughProvider(byEmployeeNumber, issuer, "idp-7003");
    expect(refused.location).toBe(`${appOrigin}/signin?error=inactive`);
    expect(refused.sessionToken).toBeUndefined();
    expect(await userOf(leaver.id)).toBeNull();

    const linked = await createPerson(db, { departmentId: department.id, employeeNumber: "E-7004" });
    issuer.accounts.set("idp-7004", { employee_number: "E-7004" });
    expect((await signInThroughProvider(byEmployeeNumber, issuer, "idp-7004")).location).toBe(`${appOrigin}/ja`);
    await db.update(people).set({ active: false }).where(eq(people.id, linked.id));
    const afterLeaving = await signInThroughProvider(byEmployeeNumber, issuer, "idp-7004");
    expect(afterLeaving.location).toBe(`${appOrigin}/signin?error=inactive`);
    expect(afterLeaving.sessionToken).toBeUndefined();
  });

  it("a second identity claiming a linked person's employee number is refused", async () => {
    const person = await createPerson(db, { departmentId: department.id, employeeNumber: "E-7005" });
    issuer.accounts.set("idp-7005", { employee_number: "E-7005" });
    expect((await signInThroughProvider(byEmployeeNumber, issuer, "idp-7005")).location).toBe(`${appOrigin}/ja`);
    issuer.accounts.set("idp-7005-other", { employee_number: "E-7005" });
    const refused = await signInThroughProvider(byEmployeeNumber, issuer, "idp-7005-other");
    expect(refused.location).toBe(`${appOrigin}/signin?error=linked-elsewhere`);
    expect(refused.sessionToken).toBeUndefined();
    expect((await db.select().from(accounts).where(eq(accounts.userId, (await userOf(person.id))!))).map((row) => row.providerAccountId)).toEqual(["idp-7005"]);
  });

  it("two first sign-ins of one identity at the same time link it once, and both get in", async () => {
    const person = await createPerson(db, { departmentId: department.id, employeeNumber: "E-7006" });
    const identity = { sub: "idp-7006", claims: { employee_number: "E-7006" } };
    const linking = { employeeNumberClaim: "employee_number" };
    const outcomes = await Promise.all([signInWithOidc(db, identity, linking), signInWithOidc(db, identity, linking)]);
    expect(outcomes).toEqual([expect.objectContaining({ ok: true, personId: person.id }), expect.objectContaining({ ok: true, personId: person.id })]);
    expect(await db.$count(accounts, eq(accounts.providerAccountId, "idp-7006"))).toBe(1);
  });
});
