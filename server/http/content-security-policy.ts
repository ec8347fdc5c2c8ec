/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next.js
 * puts it on its own script tags when it finds it in the request's CSP header) or when loaded by
 * such a script ('strict-dynamic'); no inline script, no eval outside development. Styles allow
 * inline `style` attributes because React and the career-map picture set them; an injected style
 * cannot run code. Nothing may frame the app, and forms post only to the app itself (and to the
 * company's identity provider, when one is configured).
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean; identityProvider?: string }): string {
  const formTargets = ["'self'", ...(options.identityProvider ? [new URL(options.identityProvider).origin] : [])];
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formTargets.join(" ")}`,
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
