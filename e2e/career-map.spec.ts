import { expect, expectAccessible, followMenu, signInAs, test } from "./fixtures";

const words = {
  ja: {
    careerMap: "キャリアマップ",
    list: "ロールとキャリアパスの一覧",
    ownRole: "オペレーター",
    youAreHere: "現在地（レベル2）",
    target: "プロダクトQA",
    gap: "あなたとのギャップ",
    missing: "まだ持っていないスキル",
    levelSelector: "比べるレベル",
    level: (n: number) => `レベル${n}`,
    targetLine: (n: number) => `プロダクトQA レベル${n} と、あなたの現在のスキル・経験の差です。`,
  },
  en: {
    careerMap: "Career map",
    list: "Roles and paths as a list",
    ownRole: "Operator",
    youAreHere: "You are here (level 2)",
    target: "Product QA",
    gap: "Your gap",
    missing: "Skills you do not have yet",
    levelSelector: "Level to compare",
    level: (n: number) => `Level ${n}`,
    targetLine: (n: number) => `The difference between level ${n} of Product QA and your skills and experience today.`,
  },
} as const;

for (const locale of ["ja", "en"] as const) {
  const w = words[locale];

  test(`${locale}: the employee finds where they are on the career map and their gap to product QA`, async ({ page }) => {
    await signInAs(page, "employee", locale);
    await followMenu(page, locale, "career", w.careerMap);
    await expect(page).toHaveURL(new RegExp(`/${locale}/career-map$`));
    await expect(page.getByRole("heading", { level: 1, name: w.careerMap })).toBeVisible();

    // The picture is drawn (hidden from assistive technology) …
    await expect(page.locator(".react-flow__node-role").first()).toBeVisible();
    expect(await page.locator(".react-flow__node-role").count()).toBeGreaterThan(30);
    // … and the text alternative carries the same information: "you are here" on the own role.
    const list = page.getByRole("region", { name: w.list });
    const here = list.locator("li", { has: page.getByText(w.youAreHere, { exact: true }) });
    await expect(here).toHaveCount(1);
    await expect(here.getByRole("link").first()).toHaveText(w.ownRole);
    await expect(here.getByRole("link", { name: w.target, exact: true })).toBeVisible();
    await expectAccessible(page);

    await list.getByRole("link", { name: w.target, exact: true }).first().click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/career-map/product-qa$`));
    await expect(page.getByRole("heading", { level: 1, name: w.target })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: w.gap })).toBeVisible();
    // Another job family: the gap is measured against level 1 by default.
    const levels = page.getByRole("navigation", { name: w.levelSelector });
    await expect(levels.getByRole("link", { name: new RegExp(`^${w.level(1)}`) })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText(w.targetLine(1))).toBeVisible();
    const missing = page.getByRole("list", { name: w.missing });
    await expect(missing.getByRole("listitem").first()).toBeVisible();
    await expectAccessible(page);

    await levels.getByRole("link", { name: new RegExp(`^${w.level(2)}`) }).click();
    await expect(page).toHaveURL(/\?level=2#gap$/);
    await expect(page.getByText(w.targetLine(2))).toBeVisible();
  });
}

test("clicking a role in the picture opens its page", async ({ page }) => {
  await signInAs(page, "employee", "en");
  await page.goto("/en/career-map");
  await page.locator(".react-flow__node-role", { hasText: "Product QA" }).click();
  await expect(page).toHaveURL(/\/en\/career-map\/product-qa$/);
  await expect(page.getByRole("heading", { level: 1, name: "Product QA" })).toBeVisible();
});

test("an unknown role is a 404; signed out, a role page sends you to sign in", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/404/);
  await signInAs(page, "employee", "en");
  const response = await page.goto("/en/career-map/no-such-role");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();

  await page.context().clearCookies();
  await page.goto("/ja/career-map/product-qa");
  await expect(page).toHaveURL(/\/ja\/signin$/);
});
