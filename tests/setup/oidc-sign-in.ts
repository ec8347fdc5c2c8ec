import NextAuth, { type AuthOptions } from "next-auth";
import type { TestIssuer } from "./oidc-issuer";

/**
 * A sign-in through next-auth's own handler and a real provider, as a browser makes it: the CSRF
 * token, the POST that starts sign-in, the provider's login form, the callback. The app's side runs
 * in this process (next-auth's API-route handler with the app's options); the provider's side is HTTP.
 */

class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = decodeURIComponent(pair!.slice(at + 1).trim());
      const expired = attributes.some((attribute) => /^\s*max-age=0$/i.test(attribute) || /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string) {
    return this.cookies.get(name);
  }
  record(): Record<string, string> {
    return Object.fromEntries(this.cookies);
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; ");
  }
}

type Answer = { status: number; location?: string; body: unknown };

/** One request to next-auth's handler (`/api/auth/<action>/<provider>`), with the app's cookies. */
async function callNextAuth(options: AuthOptions, jar: CookieJar, method: "GET" | "POST", path: string[], params: Record<string, string> = {}): Promise<Answer> {
  const headers = new Map<string, string | string[]>();
  let status = 200;
  let body: unknown;
  const response = {
    status(code: number) {
      status = code;
      return response;
    },
    setHeader(name: string, value: string | string[]) {
      headers.set(name.toLowerCase(), value);
      return response;
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    end() {},
    json(value: unknown) {
      body = value;
    },
    send(value: unknown) {
      body = value;
    },
  };
  const request = {
    method,
    query: { nextauth: path, ...(method === "GET" ? params : {}) },
    body: method === "POST" ? params : undefined,
    cookies: jar.record(),
    headers: { host: new URL(process.env.NEXTAUTH_URL!).host, cookie: jar.header() },
  };
  await (NextAuth as unknown as (request: unknown, response: unknown, options: AuthOptions) => Promise<void>)(request, response, options);
  const setCookies = headers.get("set-cookie");
  jar.store(setCookies === undefined ? [] : Array.isArray(setCookies) ? setCookies : [setCookies]);
  const location = headers.get("location");
  return { status, location: typeof location === "string" ? location : undefined, body };
}

/** What `/api/auth/csrf` gives a browser: the token for forms and the cookie it is checked against. */
export async function fetchCsrfToken(options: AuthOptions): Promise<{ csrfToken: string; cookie: string }> {
  const jar = new CookieJar();
  const answer = await callNextAuth(options, jar, "GET", ["csrf"]);
  return { csrfToken: (answer.body as { csrfToken: string }).csrfToken, cookie: jar.header() };
}

/** A request to the provider, not following redirects, with the provider's cookies. */
async function callProvider(jar: CookieJar, url: string, form?: URLSearchParams): Promise<string> {
  const response = await fetch(url, {
    method: form ? "POST" : "GET",
    redirect: "manual",
    headers: { cookie: jar.header(), ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: form,
  });
  jar.store(response.headers.getSetCookie());
  const location = response.headers.get("location");
  if (!location) throw new Error(`The provider answered ${response.status} at ${url}: ${await response.text()}`);
  return new URL(location, url).toString();
}

export type SignInResult = {
  /** Where the browser is sent at the end: the home page, or the sign-in page with `?error=`. */
  location: string;
  /** The session cookie's value, when a session was opened. */
  sessionToken: string | undefined;
};

/** Signs in as `accountId` of the test provider, to land on `/<locale>`; returns where it ended. */
export async function signInThroughProvider(options: AuthOptions, issuer: TestIssuer, accountId: string, locale = "ja"): Promise<SignInResult> {
  const app = new CookieJar();
  const idp = new CookieJar();
  const csrf = await callNextAuth(options, app, "GET", ["csrf"]);
  const { csrfToken } = csrf.body as { csrfToken: string };
  const started = await callNextAuth(options, app, "POST", ["signin", "oidc"], { csrfToken, callbackUrl: `${process.env.NEXTAUTH_URL}/${locale}` });
  if (!started.location?.startsWith(issuer.issuer)) throw new Error(`Sign-in did not go to the provider: ${started.location}`);
  const interaction = await callProvider(idp, started.location);
  const resume = await callProvider(idp, `${interaction}/login`, new URLSearchParams({ login: accountId }));
  let redirect = await callProvider(idp, resume);
  if (!redirect.startsWith(process.env.NEXTAUTH_URL!)) redirect = await callProvider(idp, redirect);
  const callback = new URL(redirect);
  const finished = await callNextAuth(options, app, "GET", callback.pathname.split("/").slice(3), Object.fromEntries(callback.searchParams));
  return { location: new URL(finished.location ?? "", process.env.NEXTAUTH_URL).toString(), sessionToken: app.get("next-auth.session-token") };
}
