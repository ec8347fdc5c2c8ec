import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { buildAuthOptions } from "@/server/auth/options";
import { getDatabase } from "@/server/db";
import { readEnv } from "@/server/env";
import { rateLimits } from "@/server/http/rate-limit";
import { defaultLocale, isLocale } from "@/server/i18n";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: RouteContext) {
  // Starting a sign-in and coming back from the provider are limited per client address (the
  // person is not known yet); reading the session or the providers is not.
  const [action] = (await context.params).nextauth;
  if (action === "signin" || action === "callback") {
    const client = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
    if (!rateLimits.signIn.take(`oidc:${client}`).ok) {
      const requested = request.cookies.get("NEXT_LOCALE")?.value;
      const locale = isLocale(requested) ? requested : defaultLocale;
      return new Response(null, { status: 303, headers: { Location: `/${locale}/signin?error=too-many`, "Retry-After": "600" } });
    }
  }
  return NextAuth(request, context, buildAuthOptions(await getDatabase(), readEnv()));
}

export { handler as GET, handler as POST };
