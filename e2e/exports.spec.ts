import { readFileSync } from "node:fs";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

/** The admin's Export page: each CSV downloads as Excel reads it; others do not find the page. */
test.describe("company exports", () => {
  test("an admin downloads the people and skills files; Wills need HR as well (en)", async ({ page }) => {
    await signInAs(page, "admin", "en");
    await page.goto("/en/admin/exports");
    await expect(page.getByRole("heading", { level: 1, name: "Export" })).toBeVisible();
    await expect(page.getByText("Only administrators who are also HR staff may export Wills.")).toBeVisible();
    await expectAccessible(page);
    for (const [link, header] of [
      ["Download People (CSV)", "Employee number,Family name,Given name,Name (romanised),"],
      ["Download Skills (CSV)", "Employee number,Family name,Given name,Name (romanised),Skill,"],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
      expect(download.suggestedFilename()).toMatch(/^kakezan-(people|skills)-\d{4}-\d{2}-\d{2}\.csv$/);
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString("utf8").startsWith(header)).toBe(true);
    }
  });

  test("HR does not find the page, and the files are refused (ja)", async ({ page, consoleErrors }) => {
    consoleErrors.allow(/status of 404 \(Not Found\)/);
    await signInAs(page, "hr", "ja");
    const response = await page.goto("/ja/admin/exports");
    expect(response?.status()).toBe(404);
    const file = await page.request.get("/api/exports/people?locale=ja");
    expect(file.status()).toBe(403);
    expect(await file.text()).toBe("この操作を行う権限がありません。");
  });
});
