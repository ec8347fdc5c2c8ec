import { expect, expectAccessible, signInAs, test } from "./fixtures";

test("an employee sees their own profile in Japanese, then in English after the switch", async ({ page }) => {
  await signInAs(page, "employee", "ja");
  await expect(page.getByRole("heading", { name: "キャリアマップ上の現在地" })).toBeVisible();
  await expect(page.getByText(/のレベル\d（全4段階）/)).toBeVisible();
  await expect(page.getByText(/^レベル[1-4]$/).first()).toBeVisible();
  await expect(page.getByText("社員番号")).toBeVisible();

  await page.getByRole("navigation", { name: "表示言語" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("heading", { name: "Where you are on the career map" })).toBeVisible();
  await expect(page.getByText(/^Level \d of 4 as /)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Skills" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAccessible(page);
});

test("a colleague's profile hides restricted fields; the directory finds people by reading", async ({ page }) => {
  await signInAs(page, "employee", "ja");
  // Find the manager through the directory by family name.
  const managerLink = page.locator("dl").getByRole("link").first();
  const managerName = (await managerLink.textContent())!.trim();
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "社員名簿" }).click();
  await page.getByLabel("氏名・フリガナ・ローマ字").fill(managerName.split(" ")[0]!);
  await page.getByRole("button", { name: "検索" }).click();
  await expect(page.getByRole("link", { name: managerName })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: managerName }).click();
  await expect(page.getByRole("heading", { level: 1, name: managerName })).toBeVisible();
  await expect(page.getByText("社員番号")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "キャリアマップ上の現在地" })).toHaveCount(0);
  await expectAccessible(page);
});
