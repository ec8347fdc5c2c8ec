import { expect, signInAs, test } from "./fixtures";

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
