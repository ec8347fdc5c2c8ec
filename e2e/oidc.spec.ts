import { oidcBaseURL } from "../playwright.config";
import { expect, expectAccessible, type Locale, test } from "./fixtures";
import { oidcAccounts } from "./oidc-accounts";

/**
 * The company sign-in in the browser: the app's sign-in page, the identity provider's login page
 * (a real OpenID Connect provider on localhost), and back — on the app started with OIDC_* and no
 * demo sign-in (e2e/oidc-app.ts).
 */
test.use({ baseURL: oidcBaseURL });

const locales: Locale[] = ["ja", "en"];
const text = {
  ja: {
    button: "Test IdP でログイン",
    skills: "スキル",
    unknown: "このアカウントは Kakezan に登録されていません。人事に確認してください。",
    inactive: "このアカウントは Kakezan で無効になっています。人事に確認してください。",
  },
  en: {
    button: "Sign in with Test IdP",
    skills: "Skills",
    unknown: "This account is not registered in Kakezan. Please check with HR.",
    inactive: "This account is no longer active in Kakezan. Please check with HR.",
  },
};

async function signInAtProvider(page: import("@playwright/test").Page, locale: Locale, sub: string) {
  await page.goto(`/${locale}/signin`);
  await expect(page.getByRole("button", { name: /demo|デモ/i })).toHaveCount(0);
  await page.getByRole("button", { name: text[locale].button }).click();
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await page.getByLabel("Account").fill(sub);
  await page.getByRole("button", { name: "Continue" }).click();
}

test.describe("sign-in with the company's identity provider", () => {
  for (const locale of locales) {
    test(`a known person signs in and lands on their home (${locale})`, async ({ page }) => {
      await signInAtProvider(page, locale, oidcAccounts.known.sub);
      await expect(page).toHaveURL(new RegExp(`/${locale}$`));
      await expect(page.getByRole("heading", { level: 2, name: text[locale].skills })).toBeVisible();
      await expectAccessible(page);
    });

    test(`an identity the company does not know is refused with a message (${locale})`, async ({ page }) => {
      await signInAtProvider(page, locale, oidcAccounts.stranger.sub);
      await expect(page).toHaveURL(new RegExp(`/${locale}/signin\\?error=unknown$`));
      await expect(page.getByRole("alert").and(page.getByText(text[locale].unknown))).toBeVisible();
      await page.goto(`/${locale}`);
      await expect(page).toHaveURL(new RegExp(`/${locale}/signin$`));
    });

    test(`a person who has left is refused with a message (${locale})`, async ({ page }) => {
      await signInAtProvider(page, locale, oidcAccounts.leaver.sub);
      await expect(page).toHaveURL(new RegExp(`/${locale}/signin\\?error=inactive$`));
      await expect(page.getByRole("alert").and(page.getByText(text[locale].inactive))).toBeVisible();
      await expectAccessible(page);
    });
  }
});
