import type { Database } from "@/db/client";
import { csrfCookieName, isValidCsrfToken } from "@/server/auth/csrf";
import { readCookie, sessionCookieName } from "@/server/auth/session-cookie";
import { type Env, isDemoSignInEnabled } from "@/server/env";
import { AppError } from "@/server/errors";
import { defaultLocale, isLocale } from "@/server/i18n";
import { startDemoSession } from "@/server/services/session/demo-personas.service";
import { rateLimits } from "./rate-limit";

/**
 * One-click demo sign-in (a form POST from the sign-in page): opens a database session for the
 * chosen persona and sets next-auth's session cookie. Refused unless KAKEZAN_DEMO=1, and unless the
 * form carries next-auth's CSRF token for this browser (server/auth/csrf.ts).
 */
export async function handleDemoSignIn(request: Request, db: Database, env: Env): Promise<Response> {
  const form = await request.formData();
  const localeField = form.get("locale");
  const locale = isLocale(localeField) ? localeField : defaultLocale;
  const personId = Number(form.get("personId"));
  // Relative redirects: behind a proxy or a 0.0.0.0 listener, request.url's host is not the browser's.
  const seeOther = (path: string, headers: Record<string, string> = {}) => new Response(null, { status: 303, headers: { Location: path, ...headers } });
  const back = (query: string) => seeOther(`/${locale}/signin?${query}`);
  if (!isValidCsrfToken(readCookie(request.headers.get("cookie"), csrfCookieName(env.NEXTAUTH_URL)), form.get("csrfToken"), env.NEXTAUTH_SECRET)) return back("error=expired");
  if (!Number.isInteger(personId) || personId <= 0) return back("error=persona");
  if (!rateLimits.signIn.take(`demo:${personId}`).ok) return back("error=too-many");
  try {
    const session = await startDemoSession(db, personId, { enabled: isDemoSignInEnabled(env) });
    const secure = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
    const cookie = [
      `${sessionCookieName(env.NEXTAUTH_URL)}=${session.sessionToken}`,
      "Path=/",
      `Expires=${session.expires.toUTCString()}`,
      "HttpOnly",
      "SameSite=Lax",
      ...(secure ? ["Secure"] : []),
    ].join("; ");
    return seeOther(`/${locale}`, { "Set-Cookie": cookie });
  } catch (error) {
    if (error instanceof AppError) return back(error.messageKey === "demoSignInDisabled" ? "error=demo-disabled" : "error=persona");
    throw error;
  }
}
