import { expect, expectAccessible, type Locale, mainMenu, type PersonaKey, signInAs, test } from "./fixtures";

const locales: Locale[] = ["ja", "en"];
const personas: PersonaKey[] = ["employee", "manager", "hr", "admin", "hiring_manager"];

const text = {
  ja: { skills: "スキル", people: "社員名簿", settings: "ワークフロー設定", signOut: "ログアウト", signIn: "ログイン" },
  en: { skills: "Skills", people: "People", settings: "Workflow settings", signOut: "Sign out", signIn: "Sign in" },
};

test.describe("demo sign-in", () => {
  for (const locale of locales) {
    test(`the sign-in page lists every persona and is accessible (${locale})`, async ({ page }) => {
      await page.goto(`/${locale}/signin`);
      await expect(page.getByRole("heading", { level: 1, name: text[locale].signIn })).toBeVisible();
      await expect(page.locator("form[action='/api/demo-sign-in'] button")).toHaveCount(personas.length);
      await expectAccessible(page);
    });

    for (const persona of personas) {
      test(`${persona} signs in, sees their profile and the menu for their role, and signs out (${locale})`, async ({ page }) => {
        await signInAs(page, persona, locale);
        await expect(page.getByRole("heading", { level: 2, name: text[locale].skills })).toBeVisible();
        const menu = mainMenu(page, locale);
        await expect(menu.getByRole("link", { name: text[locale].people })).toBeVisible();
        // The settings sit in the HR group, which only HR has.
        await expect(menu.getByRole("button", { name: locale === "ja" ? "人事" : "HR", exact: true })).toHaveCount(persona === "hr" ? 1 : 0);
        if (persona === "hr") await menu.getByRole("button", { name: locale === "ja" ? "人事" : "HR", exact: true }).click();
        await expect(menu.getByRole("link", { name: text[locale].settings })).toHaveCount(persona === "hr" ? 1 : 0);
        await expectAccessible(page);
        await page.getByRole("button", { name: text[locale].signOut }).click();
        await expect(page).toHaveURL(new RegExp(`/${locale}/signin`));
        await page.goto(`/${locale}`);
        await expect(page).toHaveURL(new RegExp(`/${locale}/signin`));
      });
    }
  }

  test("each persona button posts next-auth's CSRF token, and a post without it signs nobody in", async ({ page }) => {
    await page.goto("/en/signin");
    const form = page.locator("form[action='/api/demo-sign-in']").first();
    await expect(form.locator("input[name=csrfToken]")).toHaveValue(/^[0-9a-f]{64}$/);
    const personId = await form.locator("input[name=personId]").inputValue();
    const forged = await page.request.post("/api/demo-sign-in", { form: { personId, locale: "en" }, maxRedirects: 0 });
    expect(forged.status()).toBe(303);
    expect(forged.headers().location).toBe("/en/signin?error=expired");
    await page.goto("/en");
    await expect(page).toHaveURL(/\/en\/signin$/);
  });

  test("a signed-out visitor is sent to sign-in, in the language the browser asks for", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "Accept-Language": "en-US,en;q=0.9" } });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/en\/signin$/);
    await context.close();
  });
});
