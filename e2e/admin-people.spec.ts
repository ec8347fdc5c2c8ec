import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, followMenu, type Locale, signInAs, test } from "./fixtures";

/**
 * The people-and-organisation administration, in both languages: the admin adds a person with a
 * concurrent post (兼務), then moves them to the manager's team under that manager, who finds them
 * in My team; a department cannot be moved under its own sub-department.
 */

const text = {
  ja: {
    adminPeopleLink: "社員の管理",
    adminPeople: "社員管理",
    addPerson: "社員を追加",
    employeeNumber: "社員番号",
    familyName: "姓",
    givenName: "名",
    familyNameKana: "姓（フリガナ）",
    givenNameKana: "名（フリガナ）",
    romanizedName: "ローマ字氏名",
    email: "メールアドレス",
    hiredOn: "入社日",
    department: "部署",
    manager: "上長",
    kind: "異動の種類",
    create: "登録する",
    timePercent: "時間の割合（%）",
    addMembership: "兼務を追加",
    concurrent: "兼務",
    postForm: "所属・ロール・上長",
    concurrentMembers: "兼務メンバー",
    qa: "QAグループ",
    frontline: "東京 一次対応チーム",
    managerOption: "中村 大輔 (E00006)",
    transfer: "異動",
    changePost: "所属を変更",
    saved: "保存しました",
    teamLink: "チームのメンバー",
    team: "マイチーム",
    departmentsLink: "部署の管理",
    departments: "組織管理",
    company: "株式会社カケザン",
    edit: "株式会社カケザン の編集",
    parent: "上位部署",
    save: "保存",
    cycle: "その部署はこの部署の下にあるため、親にすると組織が循環します。",
    person: { family: "新井", given: "花", familyKana: "あらい", givenKana: "はな", romanized: "Hana Arai", number: "E2E-JA-1", shown: "新井 花" },
  },
  en: {
    adminPeopleLink: "Manage people",
    adminPeople: "People admin",
    addPerson: "Add a person",
    employeeNumber: "Employee number",
    familyName: "Family name",
    givenName: "Given name",
    familyNameKana: "Family name (kana)",
    givenNameKana: "Given name (kana)",
    romanizedName: "Romanised name",
    email: "E-mail",
    hiredOn: "Hire date",
    department: "Department",
    manager: "Manager",
    kind: "Kind of change",
    create: "Add",
    timePercent: "Share of time (%)",
    addMembership: "Add a concurrent assignment",
    concurrent: "Concurrent",
    postForm: "Department, role and manager",
    concurrentMembers: "Concurrent members",
    qa: "Quality Assurance Group",
    frontline: "Tokyo Frontline Team",
    managerOption: "Daisuke Nakamura (E00006)",
    transfer: "Transfer",
    changePost: "Change post",
    saved: "Saved",
    teamLink: "Team members",
    team: "My team",
    departmentsLink: "Departments",
    departments: "Departments",
    company: "Kakezan Inc.",
    edit: "Edit Kakezan Inc.",
    parent: "Parent department",
    save: "Save",
    cycle: "That department is below this one; the tree would go round in a loop.",
    person: { family: "森", given: "健太", familyKana: "モリ", givenKana: "ケンタ", romanized: "Kenta Mori", number: "E2E-EN-1", shown: "Kenta Mori" },
  },
} as const;

/** Department options are indented by depth, so they are chosen by the name inside the label. */
async function chooseContaining(select: Locator, name: string) {
  const value = await select.locator("option", { hasText: name }).first().getAttribute("value");
  await select.selectOption(value!);
}

async function addPerson(page: Page, locale: Locale) {
  const words = text[locale];
  const person = words.person;
  await page.getByRole("link", { name: words.addPerson }).click();
  // The first field is typed once the form is interactive: its live counter proves hydration.
  await expect(async () => {
    await page.getByLabel(words.employeeNumber).fill(person.number);
    await expect(page.locator("#employeeNumber-count")).toContainText(`${person.number.length} /`, { timeout: 1_000 });
  }).toPass();
  await page.getByLabel(words.familyName, { exact: true }).fill(person.family);
  await page.getByLabel(words.givenName, { exact: true }).fill(person.given);
  await page.getByLabel(words.familyNameKana).fill(person.familyKana);
  await page.getByLabel(words.givenNameKana).fill(person.givenKana);
  await page.getByLabel(words.romanizedName).fill(person.romanized);
  await page.getByLabel(words.email).fill(`${person.number.toLowerCase()}@kakezan.example`);
  await page.getByLabel(words.hiredOn).fill("2026-04-01");
  await chooseContaining(page.getByLabel(words.department, { exact: true }), words.qa);
  await expectAccessible(page);
  await page.getByRole("button", { name: words.create }).click();
  await expect(page).toHaveURL(/\/admin\/people\/\d+$/);
}

for (const locale of ["ja", "en"] as const satisfies Locale[]) {
  test(`${locale}: the admin adds a person with a concurrent post and moves them under a new manager, who sees them in My team`, async ({ page, browser }) => {
    // Two people's sessions and four pages judged by axe: longer than one page's journey.
    test.setTimeout(150_000);
    const words = text[locale];
    await signInAs(page, "admin", locale);
    await followMenu(page, locale, "admin", words.adminPeopleLink);
    await expect(page.getByRole("heading", { level: 1, name: words.adminPeople })).toBeVisible();
    await expectAccessible(page);
    await addPerson(page, locale);

    // A concurrent post in the manager's team, 20% of the time, from today.
    const memberships = page.getByRole("region", { name: words.concurrent }).first();
    await chooseContaining(memberships.getByLabel(words.department, { exact: true }), words.frontline);
    await memberships.getByLabel(words.timePercent).fill("20");
    await memberships.getByRole("button", { name: words.addMembership }).click();
    await expect(memberships.getByRole("listitem").filter({ hasText: words.frontline })).toContainText("20%");
    await expectAccessible(page);

    // The manager of that team sees the person among the concurrent members, marked as such.
    const manager = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
    await signInAs(manager, "manager", locale);
    await followMenu(manager, locale, "team", words.teamLink);
    await expect(manager.getByRole("heading", { level: 1, name: words.team })).toBeVisible();
    const concurrentMembers = manager.getByRole("region", { name: words.concurrentMembers });
    const asConcurrent = concurrentMembers.getByRole("listitem").filter({ hasText: words.person.shown });
    await expect(asConcurrent).toContainText(words.concurrent);

    // Then the primary post moves into that team, under that manager: the concurrent post gives way to it.
    const post = page.getByRole("form", { name: words.postForm });
    await chooseContaining(post.getByLabel(words.department, { exact: true }), words.frontline);
    await post.getByLabel(words.manager).selectOption({ label: words.managerOption });
    await post.getByLabel(words.kind).selectOption({ label: words.transfer });
    await post.getByRole("button", { name: words.changePost }).click();
    await expect(post.getByText(words.saved)).toBeVisible();
    await page.reload();
    await expect(page.getByRole("form", { name: words.postForm }).getByLabel(words.manager).locator("option:checked")).toHaveText(words.managerOption);

    await manager.reload();
    await expect(manager.getByRole("heading", { level: 2, name: words.person.shown })).toBeVisible();
    await expect(asConcurrent).toHaveCount(0);
    await expectAccessible(manager);
    await manager.context().close();
  });

  test(`${locale}: a department cannot move under its own sub-department`, async ({ page, consoleErrors }) => {
    consoleErrors.allow(/status of 400 \(Bad Request\)/);
    const words = text[locale];
    await signInAs(page, "admin", locale);
    await followMenu(page, locale, "admin", words.departmentsLink);
    await expect(page.getByRole("heading", { level: 1, name: words.departments })).toBeVisible();
    await expectAccessible(page);
    await page.locator("summary", { hasText: words.company }).first().click();
    const form = page.getByRole("form", { name: words.edit });
    await chooseContaining(form.getByLabel(words.parent), words.qa);
    await form.getByRole("button", { name: words.save }).click();
    await expect(form.getByRole("alert")).toHaveText(words.cycle);
    await expectAccessible(page);
  });
}
