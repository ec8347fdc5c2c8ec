/** The local provider's accounts (e2e/oidc-app.ts): a known person, someone the company does not know, and a leaver. */
export const oidcAccounts = {
  known: { sub: "idp-known", employeeNumber: "E2E-OIDC-1" },
  stranger: { sub: "idp-stranger", employeeNumber: "E2E-OIDC-0" },
  leaver: { sub: "idp-leaver", employeeNumber: "E2E-OIDC-2" },
} as const;
