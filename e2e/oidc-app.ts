/**
 * The browser tests' second server: the app with the company sign-in (no demo sign-in) against a
 * real OpenID Connect provider (`oidc-provider`, tests/setup/oidc-issuer.ts) on the next port, on a
 * fresh embedded database holding three people. Started by playwright.config.ts beside the demo.
 */
import { rmSync } from "node:fs";
import { openDatabase } from "../db/client";
import { createDepartment, createPerson, createRole } from "../db/factories";
import { migrateDatabase } from "../db/migrate";
import { startServer } from "../scripts/start";
import { startTestIssuer } from "../tests/setup/oidc-issuer";
import { oidcAccounts } from "./oidc-accounts";

const port = Number(process.env.PORT);
const origin = `http://localhost:${port}`;
const dataDir = `.data/e2e-${port}/pglite`;

async function main() {
  const issuer = await startTestIssuer({ port: port + 1, redirectUris: [`${origin}/api/auth/callback/oidc`] });
  for (const account of Object.values(oidcAccounts)) issuer.accounts.set(account.sub, { employee_number: account.employeeNumber, email_verified: false });
  Object.assign(process.env, {
    NODE_ENV: "production",
    DATABASE_URL: "",
    PGLITE_DIR: dataDir,
    NEXTAUTH_URL: origin,
    NEXTAUTH_SECRET: "e2e-oidc-secret",
    OIDC_ISSUER: issuer.issuer,
    OIDC_CLIENT_ID: issuer.clientId,
    OIDC_CLIENT_SECRET: issuer.clientSecret,
    OIDC_NAME: "Test IdP",
    OIDC_EMPLOYEE_NUMBER_CLAIM: "employee_number",
    KAKEZAN_DEMO: "0",
    KAKEZAN_JOBS: "off",
    // Required in production; nothing here sends e-mail (the background jobs are off).
    SMTP_URL: "smtp://127.0.0.1:9",
  });
  rmSync(dataDir, { recursive: true, force: true });
  const handle = await openDatabase();
  try {
    await migrateDatabase(handle);
    const department = await createDepartment(handle.db);
    const role = await createRole(handle.db);
    const place = { departmentId: department.id, roleId: role.id };
    await createPerson(handle.db, { ...place, employeeNumber: oidcAccounts.known.employeeNumber, familyName: "佐藤", givenName: "陽菜", romanizedName: "Hina Sato" });
    await createPerson(handle.db, { ...place, employeeNumber: oidcAccounts.leaver.employeeNumber, active: false, leftOn: "2026-10-31" });
  } finally {
    await handle.close();
  }
  await startServer({ port });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
