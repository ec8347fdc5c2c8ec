import { expect, expectAccessible, signInAs, test } from "./fixtures";

/**
 * Issue #3's journey across two people: the employee keeps their skills; their manager verifies
 * one and records a career conversation with private notes; the employee sees only the shared part.
 */
test("employee adds skills; manager verifies one and records a conversation; private notes stay private", async ({ browser }) => {
  const employee = await (await browser.newContext()).newPage();
  await signInAs(employee, "employee", "ja");
  await employee.getByRole("link", { name: "スキル・プロフィールを編集" }).click();
  await expect(employee.getByRole("heading", { level: 1, name: "スキル・プロフィールの編集" })).toBeVisible();
  await expectAccessible(employee);

  const search = employee.getByLabel("スキルを追加（日本語・英語・別名で検索）");
  for (const query of ["SQL", "ファシリテーション"]) {
    await search.fill(query);
    const hit = employee.getByRole("listitem").getByRole("button").first();
    await expect(hit).toBeVisible();
    const name = (await hit.locator("span").first().textContent())!;
    await hit.click();
    await expect(employee.getByRole("group", { name: new RegExp(name) })).toBeVisible();
  }
  // Set a level with its meaning on screen, and evidence.
  const added = employee.getByRole("group", { name: /SQL/ });
  await added.getByRole("combobox").selectOption("2");
  await expect(added.getByText(/自らの判断で自立して業務を遂行できる/)).toBeVisible();
  await added.getByRole("textbox").fill("問い合わせログの集計を毎週担当");
  await added.getByRole("button", { name: /保存/ }).click();
  await expect(added.getByRole("button", { name: /保存/ })).toBeDisabled();

  const manager = await (await browser.newContext()).newPage();
  await signInAs(manager, "manager", "ja");
  await manager.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "マイチーム" }).click();
  await expectAccessible(manager);
  await manager.getByRole("link", { name: "佐藤 陽菜" }).click();
  const verify = manager.getByRole("button", { name: /SQL のレベル2を確認する/ });
  await verify.click();
  await expect(verify).toHaveCount(0);
  await expect(manager.getByText(/が確認済み/).first()).toBeVisible();

  await manager.getByLabel("共有メモ").fill("SQL を活かして VOC 分析に挑戦する。");
  await manager.getByLabel("非公開メモ（あなただけ）").fill("異動の後押しを人事と相談する。");
  await manager.getByRole("button", { name: "記録する" }).click();
  await expect(manager.getByText("記録しました")).toBeVisible();
  await expect(manager.getByText("異動の後押しを人事と相談する。")).toBeVisible();
  await expectAccessible(manager);

  await employee.goto("/ja/conversations");
  await expect(employee.getByText("SQL を活かして VOC 分析に挑戦する。")).toBeVisible();
  await expect(employee.getByText("異動の後押しを人事と相談する。")).toHaveCount(0);
  await employee.goto("/en/conversations");
  await expect(employee.getByText("SQL を活かして VOC 分析に挑戦する。")).toBeVisible();
  await expect(employee.getByText("異動の後押しを人事と相談する。")).toHaveCount(0);
  await expectAccessible(employee);
});
