import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "@/server/http/content-security-policy";

const directive = (policy: string, name: string) => policy.split("; ").find((part) => part.startsWith(`${name} `));

describe("content security policy", () => {
  it("runs only scripts carrying this response's nonce: no inline script, no eval", () => {
    const policy = contentSecurityPolicy("abc123", { development: false });
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(policy, "form-action")).toBe("form-action 'self'");
  });

  it("allows eval only while developing, and forms to the configured identity provider", () => {
    expect(directive(contentSecurityPolicy("n", { development: true }), "script-src")).toContain("'unsafe-eval'");
    const withProvider = contentSecurityPolicy("n", { development: false, identityProvider: "https://login.example.co.jp/tenant/v2.0" });
    expect(directive(withProvider, "form-action")).toBe("form-action 'self' https://login.example.co.jp");
  });

  it("makes a new unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
