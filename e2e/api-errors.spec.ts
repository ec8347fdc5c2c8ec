import { expect, followMenu, signInAs, test } from "./fixtures";

/** The production build's error responses: translated, and nothing internal (no stack, no SQL). */
test.describe("tRPC errors from the production server", () => {
  test("a validation error is translated and carries no stack", async ({ page, request }) => {
    const input = encodeURIComponent(JSON.stringify({ json: { query: "x".repeat(101) } }));
    const signedOut = await request.get(`/api/trpc/person.search?input=${input}`, { headers: { "x-kakezan-locale": "en" } });
    expect(signedOut.status()).toBe(401);
    expect(await signedOut.text()).toContain("Please sign in.");

    await signInAs(page, "employee", "en");
    const response = await page.request.get(`/api/trpc/person.search?input=${input}`, { headers: { "x-kakezan-locale": "en" } });
    expect(response.status()).toBe(400);
    const body = await response.text();
    expect(body).toContain("Please check your input: Search text must be at most 100 characters");
    expect(body).not.toMatch(/"stack"|at .*\.js:\d+|ZodError/);
  });

  test("an unknown procedure and a forged session get clean answers", async ({ request }) => {
    const unknown = await request.get("/api/trpc/nothing.here", { headers: { "x-kakezan-locale": "ja" } });
    expect(unknown.status()).toBe(404);
    expect(await unknown.text()).not.toMatch(/"stack"/);
    const forged = await request.get("/api/trpc/me.profile", { headers: { cookie: "next-auth.session-token=' or 1=1 --" } });
    expect(forged.status()).toBe(401);
    expect(await forged.text()).toContain("ログインが必要です。");
  });

  test("a batch over the limit is refused", async ({ request }) => {
    const paths = Array.from({ length: 21 }, () => "skill.levelGuide").join(",");
    const response = await request.get(`/api/trpc/${paths}?batch=1&input=${encodeURIComponent("{}")}`);
    expect(response.status()).toBe(400);
  });
});

test.describe("security headers of the production server", () => {
  test("a signed-in page runs only nonce'd scripts, cannot be framed, and is not stored", async ({ page }) => {
    await signInAs(page, "employee", "en");
    const response = await page.goto("/en/opportunities");
    const headers = response!.headers();
    const policy = headers["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["strict-transport-security"]).toContain("max-age=");
    expect(headers["cache-control"]).toContain("no-store");
    // The page's scripts carry this response's nonce, so the page works (it hydrated: a link navigates).
    const nonce = /'nonce-([^']+)'/.exec(policy)![1];
    expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
    expect(await page.locator("script").evaluateAll((scripts, expected) => scripts.every((s) => (s as HTMLScriptElement).nonce === expected), nonce)).toBe(true);
    await followMenu(page, "en", "career", "My applications");
    await expect(page).toHaveURL(/\/en\/applications$/);
  });

  test("a mutation from another site is refused", async ({ page }) => {
    await signInAs(page, "employee", "en");
    const response = await page.request.post("/api/trpc/profile.update", {
      headers: { origin: "https://evil.example", "x-kakezan-locale": "en" },
      data: { json: { tagline: "pwned" } },
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("Requests from other sites cannot change anything here.");
  });
});
