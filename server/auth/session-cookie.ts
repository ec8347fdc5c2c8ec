/**
 * The session cookie's name. Over HTTPS (NEXTAUTH_URL starts with https) it carries the `__Host-`
 * prefix: the browser then accepts it only with Secure, Path=/ and no Domain, so neither a
 * sibling subdomain nor plain HTTP can plant or read it. next-auth is configured with the same name.
 */
export function sessionCookieName(nextAuthUrl: string | undefined): string {
  return nextAuthUrl?.startsWith("https://") ? "__Host-next-auth.session-token" : "next-auth.session-token";
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Session tokens are ours (64 hex digits) or next-auth's (a UUID); anything else is not looked up,
 * so a forged cookie cannot reach the database as arbitrary text.
 */
export function isWellFormedSessionToken(token: string): boolean {
  return /^[0-9a-f-]{32,128}$/i.test(token);
}

/**
 * Reads one cookie from a Cookie header (route handlers and tRPC get raw headers). A value that is
 * not valid percent-encoding reads as absent: a malformed cookie means "signed out", never a 500.
 */
export function readCookie(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(separator + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}
