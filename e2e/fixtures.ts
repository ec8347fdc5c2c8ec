import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";

export type PersonaKey = "employee" | "manager" | "hr" | "admin" | "hiring_manager";
export type Locale = "ja" | "en";

const personaLabels: Record<Locale, Record<PersonaKey, string>> = {
  ja: { employee: "社員", manager: "マネージャー", hr: "人事", admin: "管理者", hiring_manager: "受入部署のマネージャー" },
  en: { employee: "Employee", manager: "Manager", hr: "HR", admin: "Admin", hiring_manager: "Hiring manager" },
};

/** Signs in the way a person does: the demo sign-in page, one click on the persona. */
export async function signInAs(page: Page, persona: PersonaKey, locale: Locale = "ja") {
  await page.goto(`/${locale}/signin`);
  const label = personaLabels[locale][persona];
  await page.getByRole("button", { name: new RegExp(`^${label}`) }).first().click();
  await expect(page).toHaveURL(new RegExp(`/${locale}$`));
}

export type MenuGroup = "career" | "team" | "hr" | "admin";

const menuWords: Record<Locale, Record<MenuGroup | "menu", string>> = {
  ja: { menu: "メインメニュー", career: "マイキャリア", team: "マイチーム", hr: "人事", admin: "管理" },
  en: { menu: "Main menu", career: "My career", team: "My team", hr: "HR", admin: "Admin" },
};

/** The header's main menu. */
export function mainMenu(page: Page, locale: Locale) {
  return page.getByRole("navigation", { name: menuWords[locale].menu });
}

/** Opens a group of the main menu (a disclosure button) and follows one of its links, as a person does. */
export async function followMenu(page: Page, locale: Locale, group: MenuGroup, link: string) {
  const menu = mainMenu(page, locale);
  const from = new URL(page.url()).pathname;
  const button = menu.getByRole("button", { name: menuWords[locale][group], exact: true });
  // A click before the menu has hydrated opens nothing: click again until the group is open.
  await expect(async () => {
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
  }).toPass();
  await menu.getByRole("link", { name: link, exact: true }).click();
  // The link navigates in place: until the new page commits, the old one (and its title) is still shown.
  await page.waitForURL((url) => url.pathname !== from);
}

/** A tRPC mutation sent as the app's own fetch sends it: JSON, with this site's Origin. */
export function postTrpc(page: Page, path: string, json: unknown, headers: Record<string, string> = {}) {
  return page.request.post(`/api/trpc/${path}`, { headers: { origin: baseURL, ...headers }, data: { json } });
}

/** Fails on any serious or critical accessibility violation on the current page. */
export async function expectAccessible(page: Page) {
  // A page still re-rendering after a click has no title for a moment; judge the settled page.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

type ConsoleGuard = {
  /** Declares a console error this test provokes on purpose (e.g. the 400 of a rejected form). */
  allow(pattern: RegExp): void;
};

/** Every test fails on an unexpected console error or uncaught exception in the page. */
export const test = base.extend<{ consoleErrors: ConsoleGuard }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use({ allow: (pattern) => allowed.push(pattern) });
      expect(errors.filter((error) => !allowed.some((pattern) => pattern.test(error)))).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
