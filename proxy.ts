import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { routing } from "./app/_i18n/routing";
import { contentSecurityPolicy, newNonce } from "./server/http/content-security-policy";

const localeRouting = createMiddleware(routing);

/*
 * Locale routing (ja/en from the URL, the NEXT_LOCALE cookie or Accept-Language) and each page's
 * Content-Security-Policy with a fresh nonce. It is a convenience, never an access guard: every
 * page and procedure checks access itself, because several Next.js advisories bypassed middleware.
 */
export default function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", identityProvider: process.env.OIDC_ISSUER || undefined });
  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  request.headers.set("content-security-policy", policy);
  request.headers.set("x-nonce", nonce);
  const response = localeRouting(request);
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!api|scim/|_next|_vercel|.*\\..*).*)"],
};
