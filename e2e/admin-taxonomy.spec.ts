import { expect, expectAccessible, signInAs, test } from "./fixtures";

/*
 * The administrator keeps the taxonomy and the career map. Each language merges a duplicate it
 * adds itself into a demo skill, and edits a level of a role no other journey reads, so the
 * demo data the other specs rely on stays as it was.
 */
const words = {
  ja: {
    taxonomyTitle: "スキル体系の管理",
    nameJa: "名前（日本語）",
    nameEn: "名前（英語）",
    category: "カテゴリ",
    save: "保存",
    saved: "保存しました。",
    duplicate: { ja: "応対ログ入力", en: "Contact logging" },
    duplicateOption: "応対ログ入力（顧客応対）",
    survivorOption: "後処理（ACW）・応対履歴入力（顧客応対）",
    survivor: "後処理（ACW）・応対履歴入力",
    categoryName: "顧客応対",
    from: "統合するスキル（なくなります）",
    into: "統合先のスキル（残ります）",
    merge: "統合する…",
    confirm: "「応対ログ入力」を「後処理（ACW）・応対履歴入力」に統合します。元に戻せません。",
    confirmMerge: "統合を確定する",
    merged: /^統合しました: プロフィール \d+ 件/,
    skillsTable: /顧客応対 のスキル/,
    shownCategory: "表示するカテゴリ",
    careerMapLink: "キャリアマップを編集する",
    careerMapTitle: "キャリアマップの編集",
    roleSelect: "編集するロール",
    role: "ナレッジマネージャー",
    level: 2,
    levelHeading: "レベル2",
    standardYears: "標準年数",
    years: "4.2",
    yearsShown: "4.2 年",
    addExperience: "カギとなる経験を追加",
    experienceJa: (n: number) => `カギとなる経験 ${n}（日本語）`,
    experienceEn: (n: number) => `カギとなる経験 ${n}（英語）`,
    experience: { ja: "ナレッジ棚卸しを主導した経験", en: "Leading a knowledge base audit" },
    saveLevel: "レベル2を保存",
    viewRole: "キャリアマップで見る",
  },
  en: {
    taxonomyTitle: "Skill taxonomy",
    nameJa: "Japanese name",
    nameEn: "English name",
    category: "Category",
    save: "Save",
    saved: "Saved.",
    duplicate: { ja: "応対メモ作成", en: "Wrap-up notes" },
    duplicateOption: "Wrap-up notes (Customer interaction)",
    survivorOption: "After-call work (Customer interaction)",
    survivor: "After-call work",
    categoryName: "Customer interaction",
    from: "Skill to merge (it disappears)",
    into: "Merge into (it stays)",
    merge: "Merge…",
    confirm: "“Wrap-up notes” will be merged into “After-call work”. This cannot be undone.",
    confirmMerge: "Confirm the merge",
    merged: /^Merged: \d+ profiles/,
    skillsTable: /Skills in Customer interaction/,
    shownCategory: "Category shown",
    careerMapLink: "Edit the career map",
    careerMapTitle: "Career map editor",
    roleSelect: "Role to edit",
    role: "WFM analyst",
    level: 3,
    levelHeading: "Level 3",
    standardYears: "Standard years",
    years: "6.3",
    yearsShown: "6.3 years",
    addExperience: "Add to Key experiences",
    experienceJa: (n: number) => `Key experiences ${n} (Japanese)`,
    experienceEn: (n: number) => `Key experiences ${n} (English)`,
    experience: { ja: "需要予測の見直しを主導した経験", en: "Leading a review of the demand forecast" },
    saveLevel: "Save level 3",
    viewRole: "View on the career map",
  },
} as const;

// The taxonomy page lists every skill of the demo (about 150), so its accessibility check takes a while.
test.describe.configure({ timeout: 180_000 });

for (const locale of ["ja", "en"] as const) {
  const w = words[locale];

  test(`${locale}: the admin merges a duplicate skill and edits a role level, and the career map shows it`, async ({ page }) => {
    await signInAs(page, "admin", locale);
    // Reached by address: where the link sits is the navigation's business.
    await page.goto(`/${locale}/admin/skills`);
    await expect(page.getByRole("heading", { level: 1, name: w.taxonomyTitle })).toBeVisible();
    await expectAccessible(page);

    // A duplicate of a demo skill, added under another name…
    const form = page.locator("form", { has: page.getByLabel(w.nameJa, { exact: true }) }).first();
    await form.getByLabel(w.nameJa, { exact: true }).fill(w.duplicate.ja);
    await form.getByLabel(w.nameEn, { exact: true }).fill(w.duplicate.en);
    await form.getByLabel(w.category, { exact: true }).selectOption({ label: w.categoryName });
    await form.getByRole("button", { name: w.save, exact: true }).click();
    await expect(form.getByText(w.saved)).toBeVisible({ timeout: 20_000 });
    await page.getByLabel(w.shownCategory).selectOption({ label: w.categoryName });
    const skills = page.getByRole("table", { name: w.skillsTable });
    await expect(skills.getByRole("rowheader", { name: new RegExp(`^${w.duplicate[locale]}`) })).toBeVisible();

    // … merged into it: confirmed first, then its name lives on as an alias of the survivor.
    await page.getByLabel(w.from).selectOption({ label: w.duplicateOption });
    await page.getByLabel(w.into).selectOption({ label: w.survivorOption });
    await page.getByRole("button", { name: w.merge }).click();
    await expect(page.getByText(w.confirm)).toBeVisible();
    await page.getByRole("button", { name: w.confirmMerge }).click();
    await expect(page.getByText(w.merged)).toBeVisible({ timeout: 20_000 });
    await expect(skills.getByRole("rowheader", { name: new RegExp(`^${w.duplicate[locale]}`) })).toHaveCount(0);
    const survivorRow = skills.getByRole("row", { name: new RegExp(`^${w.survivor.replace(/[()（）]/g, ".")}`) });
    await expect(survivorRow).toContainText(w.duplicate.ja);

    // The career map: one level's standard years and a new key experience.
    await page.getByRole("link", { name: w.careerMapLink }).click();
    await expect(page.getByRole("heading", { level: 1, name: w.careerMapTitle })).toBeVisible();
    await page.getByLabel(w.roleSelect).selectOption({ label: w.role });
    const level = page.getByRole("region", { name: w.levelHeading, exact: true });
    await level.getByLabel(w.standardYears).fill(w.years);
    await level.getByRole("button", { name: w.addExperience }).click();
    const items = level.locator("fieldset").first().locator("input");
    const n = (await items.count()) / 2;
    await level.getByLabel(w.experienceJa(n), { exact: true }).fill(w.experience.ja);
    await level.getByLabel(w.experienceEn(n), { exact: true }).fill(w.experience.en);
    await level.getByRole("button", { name: w.saveLevel }).click();
    await expect(level.getByText(w.saved)).toBeVisible({ timeout: 20_000 });
    await expectAccessible(page);

    await page.getByRole("link", { name: w.viewRole }).click();
    await expect(page.getByRole("heading", { level: 1, name: w.role })).toBeVisible();
    await expect(page.getByText(w.yearsShown, { exact: true })).toBeVisible();
    await expect(page.getByText(w.experience[locale], { exact: true })).toBeVisible();
  });
}

test("a person who is not an administrator finds no administration page", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/404/);
  await signInAs(page, "hr", "en");
  const response = await page.goto("/en/admin/skills");
  expect(response?.status()).toBe(404);
  const map = await page.goto("/en/admin/career-map");
  expect(map?.status()).toBe(404);
});
