/**
 * A random key for one form's submission: the server runs a (key, operation) pair once, so a
 * double click or a retried request cannot apply or decide twice. `crypto.randomUUID` exists only
 * in secure contexts (https, localhost); a demo opened over plain http on a LAN address falls back
 * to `getRandomValues`, which every browser offers.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
