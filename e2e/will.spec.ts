import type { Page } from "@playwright/test";
import { expect, expectAccessible, postTrpc, followMenu, signInAs, test } from "./fixtures";

/*
 * The e2e server is one seeded demo shared by every spec in the run, so nothing here assumes the
 * employee's Will or conversations start empty: versions are read before saving and content is
 * found by unique text.
 */

/** The version the editor loaded (0 before the first save). */
async function loadedVersion(page: Page): Promise<number> {
  const text = (await page.locator("#will-version").textContent()) ?? "";
  return Number(text.match(/\d+/)?.[0] ?? 0);
}

/** Types into a controlled field once the page is interactive (the live count proves hydration). */
async function fillStatement(page: Page, label: string, text: string, count: string) {
  const statement = page.getByLabel(label, { exact: true });
  await expect(async () => {
    await statement.fill(text);
    await expect(page.getByText(count, { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass();
}

/** Adds a target role unless an earlier test already chose it. */
async function chooseRole(page: Page, listName: string, selectLabel: string, addLabel: string, role: string) {
  const chosen = page.getByRole("list", { name: listName }).getByText(role, { exact: true });
  if ((await chosen.count()) > 0) return;
  await page.getByLabel(selectLabel).selectOption({ label: role });
  await page.getByRole("button", { name: addLabel, exact: true }).click();
  await expect(chosen).toBeVisible();
}

/** The signed-in person's own id, read through their profile. */
async function ownPersonId(page: Page): Promise<number> {
  const response = await page.request.get("/api/trpc/me.profile");
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { result: { data: { json: { id: number } } } }).result.data.json.id;
}

/** Today's date (YYYY-MM-DD) in the company's time zone, shifted by some days. */
function tokyoDate(offsetDays = 0): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
  const part = (type: string) => parts.find((candidate) => candidate.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

test("ja: the employee writes a Will, finds a skill through the IME, saves twice and reads both versions", async ({ page }) => {
  await signInAs(page, "employee", "ja");
  await followMenu(page, "ja", "career", "Will（やりたいこと）");
  await expect(page.getByRole("heading", { level: 1, name: "Will（やりたいこと）" })).toBeVisible();
  await expect(page.getByText("初期設定は非公開です。何もチェックしなければ、あなただけが見られます。")).toBeVisible();
  const start = await loadedVersion(page);

  const first = "CS で培った品質の視点を活かして、QA に染み出していきたい。";
  await fillStatement(page, "やりたいこと・その理由", first, `${first.length} / 4000 文字`);
  await chooseRole(page, "目指す職種", "職種を選ぶ", "追加", "品質保証（QA）");

  // Search waits while the IME composes: no request for the half-typed reading, one after commit.
  const searches: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("skill.search")) searches.push(request.url());
  });
  const search = page.getByRole("combobox", { name: "スキルを検索" });
  await search.click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "くれーむ", selectionStart: 4, selectionEnd: 4 });
  await expect(search).toHaveValue("くれーむ");
  await page.waitForTimeout(600);
  expect(searches).toEqual([]);
  await expect(page.getByRole("listbox", { name: "スキルを検索" })).toBeHidden();
  await cdp.send("Input.insertText", { text: "苦情対応" });
  await expect(search).toHaveValue("苦情対応");
  const option = page.getByRole("option").filter({ hasText: "クレーム対応" }).first();
  await expect(option).toBeVisible();
  await expect(option).toContainText("別名「苦情対応」");
  expect(searches.length).toBeGreaterThan(0);
  // Keyboard: the first result is the alias match; ↓ then Enter adds it without submitting the form.
  await search.press("ArrowDown");
  await expect(search).toHaveAttribute("aria-activedescendant", /.+/);
  await search.press("Enter");
  await expect(page.getByRole("list", { name: "伸ばしたいスキル" }).getByText("クレーム対応", { exact: true })).toBeVisible();
  await expect(search).toHaveValue("");
  await expect(page.getByText(start > 0 ? `現在のバージョン: ${start}` : "まだ保存されていません")).toBeVisible();

  await page.getByRole("radio", { name: "1年後" }).check();
  await page.getByRole("radio", { name: "1年以内なら異動したい" }).check();
  await page.getByRole("checkbox", { name: "直属の上司" }).check();
  await expect(page.getByText("現在の公開先: 自分、直属の上司")).toBeVisible();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText(`保存しました（バージョン ${start + 1}）`)).toBeVisible();

  const second = `${first}\n研修の設計にも関わりたい。`;
  await fillStatement(page, "やりたいこと・その理由", second, `${second.length} / 4000 文字`);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText(`保存しました（バージョン ${start + 2}）`)).toBeVisible();

  const history = page.getByRole("region", { name: "履歴" });
  await expect(history.getByText(`バージョン ${start + 2}`, { exact: true })).toBeVisible();
  await expect(history.getByText(`バージョン ${start + 1}`, { exact: true })).toBeVisible();
  await history.getByText(`バージョン ${start + 1}`, { exact: true }).click();
  const older = history.locator("details").filter({ hasText: `バージョン ${start + 1}` });
  await expect(older.getByText(first, { exact: true })).toBeVisible();
  await expect(older.getByText(/直属の上司/)).toBeVisible();
  await expect(older.getByText("品質保証（QA）")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("やりたいこと・その理由", { exact: true })).toHaveValue(second);
  await expect(page.getByText(`現在のバージョン: ${start + 2}`)).toBeVisible();
  await expect(page.getByRole("list", { name: "伸ばしたいスキル" }).getByText("クレーム対応", { exact: true })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "直属の上司" })).toBeChecked();
  await expectAccessible(page);
  await history.getByText(`バージョン ${start + 2}`, { exact: true }).click();
  await expectAccessible(page);
});

test("en: the employee writes a Will, finds a skill by an English alias, saves twice and reads both versions", async ({ page }) => {
  await signInAs(page, "employee", "en");
  await followMenu(page, "en", "career", "Will");
  await expect(page.getByRole("heading", { level: 1, name: "Your Will" })).toBeVisible();
  const start = await loadedVersion(page);

  const first = "I want to move from support into training, and design onboarding.";
  await fillStatement(page, "What you want to do next, and why", first, `${first.length} / 4000 characters`);
  await chooseRole(page, "Target roles", "Choose a role", "Add", "Trainer");

  const search = page.getByRole("combobox", { name: "Search skills" });
  await search.pressSequentially("empathy", { delay: 30 });
  const option = page.getByRole("option").filter({ hasText: "Empathetic communication" }).first();
  await expect(option).toContainText("also called “empathy”");
  await option.click();
  await expect(page.getByRole("list", { name: "Skills to grow" }).getByText("Empathetic communication", { exact: true })).toBeVisible();

  await page.getByRole("radio", { name: "In 3 years" }).check();
  await page.getByRole("radio", { name: "Open to moving within a year" }).check();
  await page.getByRole("checkbox", { name: "My manager" }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(`Saved (version ${start + 1})`)).toBeVisible();

  const second = `${first} Later, lead the trainers.`;
  await fillStatement(page, "What you want to do next, and why", second, `${second.length} / 4000 characters`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(`Saved (version ${start + 2})`)).toBeVisible();

  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText(`Version ${start + 2}`, { exact: true })).toBeVisible();
  await history.getByText(`Version ${start + 1}`, { exact: true }).click();
  const older = history.locator("details").filter({ hasText: `Version ${start + 1}` });
  await expect(older.getByText(first, { exact: true })).toBeVisible();
  await expect(older.getByText("In 3 years", { exact: true })).toBeVisible();
  await expect(older.getByText("Open to moving within a year", { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("en: a stale editor gets a conflict, not an overwrite, and can load the latest version", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 409 \(Conflict\)/);
  await signInAs(page, "employee", "en");
  await page.goto("/en/will");
  const stale = await loadedVersion(page);

  const other = await page.context().newPage();
  await other.goto("/en/will");
  const newer = "Written in another window.";
  await fillStatement(other, "What you want to do next, and why", newer, `${newer.length} / 4000 characters`);
  await other.getByRole("button", { name: "Save", exact: true }).click();
  await expect(other.getByText(`Saved (version ${stale + 1})`)).toBeVisible();
  await other.close();

  const mine = "Written in this window.";
  await fillStatement(page, "What you want to do next, and why", mine, `${mine.length} / 4000 characters`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Your Will was changed in another window. Reload it before saving." })).toBeVisible();
  await page.getByRole("button", { name: "Load the latest version" }).click();
  await expect(page.getByLabel("What you want to do next, and why", { exact: true })).toHaveValue(newer);
  await expect(page.getByText(`Current version: ${stale + 1}`)).toBeVisible();
  await expect(page.getByText("Your Will was changed in another window. Reload it before saving.")).toHaveCount(0);
});

test("the employee reads a career conversation without the private notes and ticks off their step", async ({ page, browser }) => {
  await signInAs(page, "employee", "en");
  const employeeId = await ownPersonId(page);

  // The manager records the conversation (the team page's form is another journey's spec).
  const token = `${Date.now()}`;
  const managerContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const managerPage = await managerContext.newPage();
  await signInAs(managerPage, "manager", "en");
  const managerId = await ownPersonId(managerPage);
  const recorded = await postTrpc(
    managerPage,
    "conversation.record",
    {
      personId: employeeId,
      heldOn: tokyoDate(0),
      sharedNotes: `Talked about moving into QA (${token}).`,
      privateNotes: `Private: worried about workload (${token}).`,
      nextOn: tokyoDate(-1),
      steps: [
        { description: `Shadow a QA calibration (${token})`, ownerId: employeeId, dueOn: tokyoDate(14) },
        { description: `Ask the QA lead for a slot (${token})`, ownerId: managerId, dueOn: null },
      ],
    },
    { "x-kakezan-locale": "en" },
  );
  expect(recorded.status()).toBe(200);
  await managerContext.close();

  await followMenu(page, "en", "career", "Career conversations");
  await expect(page.getByRole("heading", { level: 1, name: "Career conversations" })).toBeVisible();
  const conversation = page.getByRole("article").filter({ hasText: `Talked about moving into QA (${token}).` });
  await expect(conversation).toBeVisible();
  await expect(page.getByText(`worried about workload (${token})`)).toHaveCount(0);
  await expect(page.getByText("Private notes")).toHaveCount(0);
  await expect(conversation.getByText("The next date has passed")).toBeVisible();
  // Only the step the employee owns has a toggle; the manager's step is shown as status.
  await expect(conversation.getByRole("checkbox")).toHaveCount(1);
  const step = conversation.getByRole("checkbox", { name: `Shadow a QA calibration (${token})` });
  await expect(async () => {
    await step.check({ timeout: 1_000 });
    await expect(step).toBeChecked({ timeout: 1_000 });
  }).toPass();
  await expect(conversation.getByText(/^Done on /)).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole("article").filter({ hasText: token }).getByRole("checkbox", { name: `Shadow a QA calibration (${token})` })).toBeChecked();

  await page.goto("/ja/conversations");
  await expect(page.getByRole("heading", { level: 1, name: "キャリア面談" })).toBeVisible();
  await expect(page.getByText("次回予定日を過ぎています").first()).toBeVisible();
  await expectAccessible(page);
  await page.goto("/ja/will");
  await expectAccessible(page);
});
