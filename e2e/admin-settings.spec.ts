import type { Page } from "@playwright/test";
import { expect, expectAccessible, followMenu, type Locale, mainMenu, signInAs, test } from "./fixtures";

const text = {
  ja: {
    settings: "ワークフロー設定",
    add: "会社休日を追加",
    row: /^会社休日 \d+$/,
    kind: "種類",
    month: "月",
    day: "日",
    nameJa: "名称（日本語）",
    nameEn: "名称（英語）",
    holiday: { month: "10", day: "1", ja: "創立記念日", en: "Founding day" },
    save: "保存",
    saved: "保存しました",
    duplicate: "会社休日: 同じ日がすでに登録されています",
    admin: "管理",
    audit: "監査ログ",
    entityType: "対象の種類",
    setting: "設定",
    filter: "絞り込む",
    subject: "会社休日 (companyHolidays)",
    before: "変更前",
    after: "変更後",
    csv: "CSV をダウンロード",
  },
  en: {
    settings: "Workflow settings",
    add: "Add a company holiday",
    row: /^Company holiday \d+$/,
    kind: "Kind",
    month: "Month",
    day: "Day",
    nameJa: "Japanese name",
    nameEn: "English name",
    holiday: { month: "6", day: "15", ja: "夏の全社休業日", en: "Summer company day" },
    save: "Save",
    saved: "Saved",
    duplicate: "Company holidays lists a day that is already listed",
    admin: "Admin",
    audit: "Audit trail",
    entityType: "Entity type",
    setting: "Setting",
    filter: "Filter",
    subject: "Company holidays (companyHolidays)",
    before: "Before",
    after: "After",
    csv: "Download CSV",
  },
} as const;

/** Fills the last company-holiday row: every year on the given day, with both names. */
async function fillLastHoliday(page: Page, locale: Locale, holiday: { month: string; day: string; ja: string; en: string }) {
  const w = text[locale];
  const row = page.getByRole("group", { name: w.row }).last();
  await row.getByLabel(w.month, { exact: true }).selectOption(holiday.month);
  await row.getByLabel(w.day, { exact: true }).selectOption(holiday.day);
  await row.getByLabel(w.nameJa, { exact: true }).fill(holiday.ja);
  await row.getByLabel(w.nameEn, { exact: true }).fill(holiday.en);
  return row;
}

for (const locale of ["ja", "en"] as const) {
  const w = text[locale];

  test(`${locale}: HR adds a company holiday; the admin finds the change, before and after, in the audit trail`, async ({ page, consoleErrors }) => {
    consoleErrors.allow(/status of 400 \(Bad Request\)/);
    await signInAs(page, "hr", locale);
    await followMenu(page, locale, "hr", w.settings);
    await page.getByRole("button", { name: w.add }).click();
    await fillLastHoliday(page, locale, w.holiday);
    await page.getByRole("button", { name: w.save, exact: true }).click();
    await expect(page.getByText(w.saved, { exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.reload();
    const rows = page.getByRole("group", { name: w.row });
    const saved = rows.last();
    await expect(saved.getByLabel(w.nameEn, { exact: true })).toHaveValue(w.holiday.en);
    await expect(saved.getByLabel(w.month, { exact: true })).toHaveValue(w.holiday.month);
    const savedCount = await rows.count();

    // The same day again is refused with a translated message next to the row, and not saved.
    await page.getByRole("button", { name: w.add }).click();
    const duplicate = await fillLastHoliday(page, locale, { ...w.holiday, ja: `${w.holiday.ja}（重複）`, en: `${w.holiday.en} again` });
    await page.getByRole("button", { name: w.save, exact: true }).click();
    await expect(duplicate.getByText(w.duplicate, { exact: true })).toBeVisible();
    await page.reload();
    await expect(rows).toHaveCount(savedCount);

    await page.context().clearCookies();
    await signInAs(page, "admin", locale);
    // By keyboard: the group opens with Enter, Escape closes it and gives focus back to its button.
    const menu = mainMenu(page, locale);
    const adminGroup = menu.getByRole("button", { name: w.admin, exact: true });
    await adminGroup.focus();
    await page.keyboard.press("Enter");
    await expect(adminGroup).toHaveAttribute("aria-expanded", "true");
    const auditLink = menu.getByRole("link", { name: w.audit, exact: true });
    await expect(auditLink).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(adminGroup).toHaveAttribute("aria-expanded", "false");
    await expect(adminGroup).toBeFocused();
    await expect(auditLink).toBeHidden();
    await page.keyboard.press("Enter");
    for (let step = 0; step < 8 && !(await auditLink.evaluate((link) => link === document.activeElement)); step++) await page.keyboard.press("Tab");
    await expect(auditLink).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/${locale}/admin/audit$`));
    await expect(page.getByRole("heading", { level: 1, name: w.audit })).toBeVisible();

    await page.getByLabel(w.entityType, { exact: true }).selectOption({ label: w.setting });
    await page.getByRole("button", { name: w.filter, exact: true }).click();
    await expect(page).toHaveURL(/entityType=setting/);
    const change = page.getByRole("row").filter({ hasText: w.subject }).filter({ hasText: w.holiday.en }).first();
    await expect(change).toBeVisible();
    await expect(change.getByRole("term").filter({ hasText: w.before })).toBeVisible();
    await expect(change.getByRole("definition").nth(1)).toContainText(`nameJa: ${w.holiday.ja}`);
    await expect(page.getByRole("link", { name: w.csv })).toHaveAttribute("href", new RegExp(`^/api/audit\\?entityType=setting&locale=${locale}$`));
    await expectAccessible(page);
  });
}

test("an employee has no admin or HR group and cannot open the audit trail", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404 \(Not Found\)/);
  await signInAs(page, "employee", "en");
  const menu = mainMenu(page, "en");
  await expect(menu.getByRole("button", { name: "My career", exact: true })).toBeVisible();
  await expect(menu.getByRole("button", { name: "Admin", exact: true })).toHaveCount(0);
  await expect(menu.getByRole("button", { name: "HR", exact: true })).toHaveCount(0);
  const response = await page.goto("/en/admin/audit");
  expect(response?.status()).toBe(404);
});
