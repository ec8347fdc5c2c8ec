import { NextResponse } from "next/server";
import { sessionCookieName } from "@/server/auth/session-cookie";
import { rateLimits } from "@/server/http/rate-limit";
import { getDatabase } from "@/server/db";
import { isDemoSignInEnabled, readEnv } from "@/server/env";
import { AppError } from "@/server/errors";
import { defaultLocale, isLocale } from "@/server/i18n";
import { startDemoSession } from "@/server/services/session/demo-personas.service";

/**
 * One-click demo sign-in (a form POST from the sign-in page): opens a database session for the
 * chosen persona and sets next-auth's session cookie. Refused unless KAKEZAN_DEMO=1.
 */
export async function POST(request: Request) {
  const env = readEnv();
  const form = await request.formData();
  const localeField = form.get("locale");
  const locale = isLocale(localeField) ? localeField : defaultLocale;
  const personId = Number(form.get("personId"));
  // Relative redirects: behind a proxy or a 0.0.0.0 listener, request.url's host is not the browser's.
  const seeOther = (path: string) => new NextResponse(null, { status: 303, headers: { Location: path } });
  const back = (query: string) => seeOther(`/${locale}/signin?${query}`);
  if (!Number.isInteger(personId) || personId <= 0) return back("error=persona");
  if (!rateLimits.signIn.take(`demo:${personId}`).ok) return back("error=too-many");
  try {
    const session = await startDemoSession(await getDatabase(), personId, { enabled: isDemoSignInEnabled(env) });
    const response = seeOther(`/${locale}`);
    response.cookies.set(sessionCookieName(env.NEXTAUTH_URL), session.sessionToken, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
      expires: session.expires,
    });
    return response;
  } catch (error) {
    if (error instanceof AppError) return back(error.messageKey === "demoSignInDisabled" ? "error=demo-disabled" : "error=persona");
    throw error;
  }
}
