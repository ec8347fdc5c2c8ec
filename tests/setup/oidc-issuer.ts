import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider (`oidc-provider`) on localhost, for the sign-in tests. Its login
 * page is a form asking for an account id (no password); each account's claims are whatever the
 * test put in `accounts` — an employee number, an e-mail verified or not — and go into the ID token,
 * as Entra ID or Okta put custom claims there.
 */
export type TestIssuer = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Account id → the claims the provider vouches for (besides `sub`, which is the account id). */
  accounts: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
};

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}

const loginPage = (uid: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><h1>Test identity provider</h1><form method="post" action="/interaction/${uid}/login">
<label>Account <input name="login" autocomplete="off"></label> <button type="submit">Continue</button></form></body></html>`;

export async function startTestIssuer(options: { port?: number; redirectUris: string[]; clientId?: string; clientSecret?: string }): Promise<TestIssuer> {
  const clientId = options.clientId ?? "kakezan-test";
  const clientSecret = options.clientSecret ?? "kakezan-test-secret";
  const accounts = new Map<string, Record<string, unknown>>();
  let server: Server | undefined;
  const listening = new Promise<number>((resolve, reject) => {
    server = createServer((request, response) => void handle(request, response));
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve((server!.address() as AddressInfo).port));
  });
  const port = await listening;
  const issuer = `http://localhost:${port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: options.redirectUris, response_types: ["code"], grant_types: ["authorization_code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "employee_number"] },
    conformIdTokenClaims: false,
    cookies: { keys: ["kakezan-test-issuer"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_context, sub) => {
      const claims = accounts.get(sub);
      return claims ? { accountId: sub, claims: () => ({ ...claims, sub }) } : undefined;
    },
  });
  const callback = provider.callback();

  async function handle(request: IncomingMessage, response: import("node:http").ServerResponse) {
    try {
      const url = new URL(request.url ?? "/", issuer);
      if (url.pathname === "/favicon.ico") {
        response.writeHead(204).end();
        return;
      }
      const interaction = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
      if (interaction && request.method === "GET" && !interaction[2]) {
        const details = await provider.interactionDetails(request, response);
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid));
        return;
      }
      if (interaction && request.method === "POST" && interaction[2]) {
        const details = await provider.interactionDetails(request, response);
        const accountId = (await formBody(request)).get("login") ?? "";
        const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await provider.interactionFinished(request, response, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
        return;
      }
      callback(request, response);
    } catch (error) {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  }

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}
