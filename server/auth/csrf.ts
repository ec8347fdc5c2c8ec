import { createHash, timingSafeEqual } from "node:crypto";

/**
 * next-auth's sign-in CSRF token, checked for forms next-auth does not handle itself (the demo
 * sign-in). `/api/auth/csrf` sets a cookie `<token>|sha256(<token><NEXTAUTH_SECRET>)` and answers the
 * token; the form posts the token as `csrfToken`. A page of another site can neither read the
 * cookie nor make one the secret vouches for, so it cannot sign a browser in as someone.
 */
export function csrfCookieName(nextAuthUrl: string | undefined): string {
  // As next-auth names it: `__Host-` over HTTPS.
  return `${nextAuthUrl?.startsWith("https://") ? "__Host-" : ""}next-auth.csrf-token`;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Whether `posted` is the token of the (decoded) CSRF cookie, and the cookie was made with `secret`. */
export function isValidCsrfToken(cookieValue: string | null, posted: unknown, secret: string | undefined): boolean {
  if (!cookieValue || !secret || typeof posted !== "string" || posted === "") return false;
  const [token, hash] = cookieValue.split("|");
  if (!token || !hash) return false;
  return sameText(hash, createHash("sha256").update(`${token}${secret}`).digest("hex")) && sameText(token, posted);
}
