import { describe, expect, it } from "vitest";
import { isDemoSignInEnabled, oidcConfig, readEnv, runsBackgroundJobs } from "../../server/env";

describe("configuration", () => {
  it("keeps demo sign-in off unless KAKEZAN_DEMO=1", () => {
    expect(isDemoSignInEnabled(readEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s", SMTP_URL: "smtp://mail" }))).toBe(false);
    expect(isDemoSignInEnabled(readEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s", SMTP_URL: "smtp://mail", KAKEZAN_DEMO: "0" }))).toBe(false);
    expect(isDemoSignInEnabled(readEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s", KAKEZAN_DEMO: "1" }))).toBe(true);
    expect(() => readEnv({ KAKEZAN_DEMO: "yes" })).toThrow(/KAKEZAN_DEMO/);
  });

  it("runs the background jobs in the web process unless KAKEZAN_JOBS=off", () => {
    expect(runsBackgroundJobs(readEnv({}))).toBe(true);
    expect(runsBackgroundJobs(readEnv({ KAKEZAN_JOBS: "off" }))).toBe(false);
    expect(() => readEnv({ KAKEZAN_JOBS: "no" })).toThrow(/KAKEZAN_JOBS/);
    expect(readEnv({}).KAKEZAN_SCHEDULE_SECONDS).toBe(60);
    expect(() => readEnv({ KAKEZAN_SCHEDULE_SECONDS: "0" })).toThrow(/KAKEZAN_SCHEDULE_SECONDS/);
  });

  it("requires a secret in production", () => {
    expect(() => readEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET is required in production/);
  });

  it("requires an SMTP server in production, except for the demo", () => {
    expect(() => readEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s" })).toThrow(/SMTP_URL is required in production/);
    expect(readEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s", SMTP_URL: "smtps://u:p@mail.example" }).SMTP_URL).toBe("smtps://u:p@mail.example");
    expect(readEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s", KAKEZAN_DEMO: "1" }).SMTP_URL).toBeUndefined();
    expect(readEnv({}).SMTP_URL).toBeUndefined();
  });

  it("logs from info up unless LOG_LEVEL says otherwise, and refuses an unknown level", () => {
    expect(readEnv({}).LOG_LEVEL).toBe("info");
    expect(readEnv({ LOG_LEVEL: "warn" }).LOG_LEVEL).toBe("warn");
    expect(() => readEnv({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL/);
  });

  it("configures OIDC only with issuer, client id and secret together", () => {
    expect(oidcConfig(readEnv({}))).toBeNull();
    expect(() => readEnv({ OIDC_ISSUER: "https://idp.example" })).toThrow(/together/);
    expect(oidcConfig(readEnv({ OIDC_ISSUER: "https://idp.example", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "secret" }))).toEqual({
      issuer: "https://idp.example",
      clientId: "id",
      clientSecret: "secret",
      name: "SSO",
      employeeNumberClaim: null,
    });
    const withClaim = { OIDC_ISSUER: "https://idp.example", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "secret", OIDC_EMPLOYEE_NUMBER_CLAIM: "employee_number" };
    expect(oidcConfig(readEnv(withClaim))?.employeeNumberClaim).toBe("employee_number");
  });

  it("refuses the demo sign-in beside a company's OpenID Connect sign-in", () => {
    const oidc = { OIDC_ISSUER: "https://idp.example", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "secret" };
    expect(() => readEnv({ ...oidc, KAKEZAN_DEMO: "1", NEXTAUTH_SECRET: "s" })).toThrow(/KAKEZAN_DEMO=1 cannot be combined with OIDC_ISSUER/);
    expect(readEnv({ ...oidc, KAKEZAN_DEMO: "0" }).KAKEZAN_DEMO).toBe("0");
  });
});
