import { expect, expectAccessible, followMenu, signInAs, test } from "./fixtures";

test("HR changes a workflow setting; an invalid value gets a translated error and is not saved", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 400 \(Bad Request\)/);
  await signInAs(page, "hr", "ja");
  await followMenu(page, "ja", "hr", "ワークフロー設定");
  await expectAccessible(page);
  const deadline = page.getByLabel("送り出し判断の期限（営業日）");
  await deadline.fill("61");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "60 以下にしてください" })).toBeVisible();
  await expect(page.getByText("送り出し判断の期限: 60 以下にしてください", { exact: true })).toBeVisible();
  await expect(deadline).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(page.getByLabel("送り出し判断の期限（営業日）")).toHaveValue("10");

  await page.goto("/en/settings");
  await page.getByLabel("Release deadline (business days)").fill("61");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "must be at most 60" })).toBeVisible();
  await page.getByLabel("Release deadline (business days)").fill("12");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Release deadline (business days)")).toHaveValue("12");
});

test("an employee cannot open the settings page", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404 \(Not Found\)/);
  await signInAs(page, "employee", "en");
  const response = await page.goto("/en/settings");
  expect(response?.status()).toBe(404);
});

test("HR sets the company's rotation target and a department's own", async ({ page }) => {
  await signInAs(page, "hr", "en");
  await page.goto("/en/settings");
  await page.getByLabel("Rotation target (% of a team a year)").fill("25");
  await page.getByRole("button", { name: "Add a department" }).click();
  await page.getByLabel("Department", { exact: true }).selectOption({ label: "　　Quality Assurance Group" });
  await page.getByLabel("Target (%)").fill("40");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Rotation target (% of a team a year)")).toHaveValue("25");
  await expect(page.getByLabel("Department", { exact: true })).toHaveValue(/^\d+$/);
  await expect(page.getByLabel("Target (%)")).toHaveValue("40");
  await page.getByRole("button", { name: "Remove Quality Assurance Group" }).click();
  await page.getByLabel("Rotation target (% of a team a year)").fill("30");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Target (%)")).toHaveCount(0);
});
