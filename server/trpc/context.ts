import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { type Actor, actorForSessionToken } from "@/server/auth/actor";
import { isWellFormedSessionToken, readCookie, sessionCookieName } from "@/server/auth/session-cookie";
import { isDemoSignInEnabled, readEnv } from "@/server/env";
import { defaultLocale, isLocale, type Locale } from "@/server/i18n";

export type Context = {
  /** The server's database; inside a procedure, the call's transaction scoped to the actor (init.ts). */
  db: Database;
  /** Null when signed out. Read from the database for this request. */
  actor: Actor | null;
  locale: Locale;
  demoSignInEnabled: boolean;
  requestId: string;
};

/** The context without HTTP: tests build it directly with a real database and actor. */
export function createContextInner(options: {
  db: Database;
  actor?: Actor | null;
  locale?: Locale;
  demoSignInEnabled?: boolean;
}): Context {
  return {
    db: options.db,
    actor: options.actor ?? null,
    locale: options.locale ?? defaultLocale,
    demoSignInEnabled: options.demoSignInEnabled ?? isDemoSignInEnabled(),
    requestId: randomUUID(),
  };
}

/** The locale the client asked for (our header, then next-intl's cookie), else Japanese. */
export function localeFromHeaders(headers: Headers): Locale {
  const requested = headers.get("x-kakezan-locale") ?? readCookie(headers.get("cookie"), "NEXT_LOCALE");
  return isLocale(requested) ? requested : defaultLocale;
}

/**
 * The context could not be made (the session lookup failed: the database is down, say). Carries
 * the locale, so the error the request gets is still in the language it asked for.
 */
export class ContextUnavailableError extends Error {
  constructor(
    readonly locale: Locale,
    cause: unknown,
  ) {
    super("The request context could not be created", { cause });
    this.name = "ContextUnavailableError";
  }
}

/** The context for an HTTP request: the session cookie decides the actor. */
export async function createContextFromHeaders(db: Database, headers: Headers): Promise<Context> {
  const locale = localeFromHeaders(headers);
  const token = readCookie(headers.get("cookie"), sessionCookieName(readEnv().NEXTAUTH_URL));
  let actor: Actor | null = null;
  try {
    if (token && isWellFormedSessionToken(token)) actor = await actorForSessionToken(db, token);
  } catch (error) {
    throw new ContextUnavailableError(locale, error);
  }
  return createContextInner({ db, actor, locale });
}
