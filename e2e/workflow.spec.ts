import type { Page } from "@playwright/test";
import { expect, expectAccessible, type Locale, type PersonaKey, postTrpc, followMenu, signInAs, test } from "./fixtures";

/**
 * The whole internal-move journey with the demo personas, in both languages:
 * the hiring manager (岡田 一郎, Community Department) posts and opens a transfer; the employee
 * (佐藤 陽菜) applies with a double click; the hiring manager shortlists, interviews and offers;
 * the employee's manager (中村 大輔) releases from the inbox; HR (田中 美咲) finalizes with an
 * effective date (and may release the demo's overdue release in the manager's place, with a reason); the employee then withdraws the finalized move, after which nobody can act on it.
 *
 * All specs share one demo database: titles are unique per run, and the move is withdrawn before
 * its (future) effective date so the employee never actually changes department.
 */

const text = {
  ja: {
    applicant: "佐藤 陽菜",
    nav: { opportunities: "社内公募", applications: "応募状況", inbox: "送り出し承認", hrQueue: "人事キュー" },
    post: "募集を掲載する",
    titleLabel: "タイトル",
    description: "内容",
    role: "役割（キャリアマップ）",
    roleName: "コミュニティマネージャー",
    startOn: "開始日",
    location: "勤務地",
    addSkill: "スキルを追加",
    skillQuery: "コミュニティ運営",
    skillLevel: "コミュニティ運営 のレベル",
    saveDraft: "下書きを保存する",
    draft: "下書き",
    open: "公開する",
    openStatus: "公募中",
    fill: "充足にする",
    minimumOpenPeriod: /最短公募期間/,
    edit: "募集を編集する",
    slots: "募集人数",
    save: "保存する",
    slotsValue: "2 名",
    keywords: "キーワード",
    kindTransfer: "異動（社内公募）",
    department: "部署",
    departmentName: "コミュニティ部",
    maxTime: "時間の割合（上限 %）",
    search: "検索",
    motivation: "志望動機",
    apply: "応募する",
    applied: "応募済みです",
    shortlist: "佐藤 陽菜 さんを書類選考通過にする",
    interview: "佐藤 陽菜 さんを面接・面談に進める",
    offer: "佐藤 陽菜 さんに内定を出す",
    confirmOffer: "内定を確定する",
    shortlistedGroup: "書類選考通過（1 件）",
    interviewGroup: "面接・面談中（1 件）",
    offeredGroup: "内定（1 件）",
    approve: "送り出しを承認する",
    decline: "送り出しを認めない",
    declineSubmit: "不承認として人事に送る",
    reasonMissing: "理由を入力してください。",
    cancel: "キャンセル",
    finalize: "佐藤 陽菜 さんの異動を人事確定する",
    effectiveOn: "発令日",
    finalizeSubmit: "人事確定する",
    finalized: "人事確定（内示）",
    escalations: "エスカレーション",
    releaseForManager: /^上長に代わって .+ さんの送り出しを決定する$/,
    releaseForManagerSubmit: "送り出しを決定する",
    withdraw: (title: string) => `「${title}」への応募を取り下げる`,
    withdrawSubmit: "取り下げる",
    withdrawn: "取下げ済み",
    closedGroup: "終了した応募（1 件）",
    hiringButtons: /書類選考通過にする|面接・面談に進める|内定を出す|さんを見送る/,
  },
  en: {
    applicant: "Hina Sato",
    nav: { opportunities: "Opportunities", applications: "My applications", inbox: "Release inbox", hrQueue: "HR queue" },
    post: "Post an opportunity",
    titleLabel: "Title",
    description: "Description",
    role: "Role (career map)",
    roleName: "Community manager",
    startOn: "Start date",
    location: "Location",
    addSkill: "Add a skill",
    skillQuery: "Community management",
    skillLevel: "Level for Community management",
    saveDraft: "Save as draft",
    draft: "Draft",
    open: "Open",
    openStatus: "Open",
    fill: "Mark as filled",
    minimumOpenPeriod: /minimum open period/,
    edit: "Edit the opportunity",
    slots: "Openings",
    save: "Save",
    slotsValue: "2 people",
    keywords: "Keywords",
    kindTransfer: "Transfer (internal opening)",
    department: "Department",
    departmentName: "Community Department",
    maxTime: "Time commitment (max %)",
    search: "Search",
    motivation: "Motivation",
    apply: "Apply",
    applied: "You applied",
    shortlist: "Shortlist Hina Sato",
    interview: "Move Hina Sato to interview",
    offer: "Make Hina Sato an offer",
    confirmOffer: "Confirm the offer",
    shortlistedGroup: "Shortlisted (1)",
    interviewGroup: "Interviewing (1)",
    offeredGroup: "Offered (1)",
    approve: "Approve the release",
    decline: "Decline the release",
    declineSubmit: "Decline and send to HR",
    reasonMissing: "Please give a reason.",
    cancel: "Cancel",
    finalize: "Finalize the move of Hina Sato",
    effectiveOn: "Effective date",
    finalizeSubmit: "Finalize",
    finalized: "Finalized (pre-announcement)",
    escalations: "Escalations",
    releaseForManager: /^Release .+ in the manager’s place$/,
    releaseForManagerSubmit: "Release the person",
    withdraw: (title: string) => `Withdraw from “${title}”`,
    withdrawSubmit: "Withdraw",
    withdrawn: "Withdrawn",
    closedGroup: "Closed (1)",
    hiringButtons: /^Shortlist |to interview$|an offer$|^Decline Hina/,
  },
} as const;

/** Signs out (drops the session cookie) and signs in as someone else. */
async function switchTo(page: Page, persona: PersonaKey, locale: Locale) {
  await page.context().clearCookies();
  await signInAs(page, persona, locale);
}

/** A day well after today, so the finalized move never takes effect during the test run. */
function daysFromNow(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

for (const locale of ["ja", "en"] as const) {
  const l = text[locale];

  test(`${locale}: post, apply, select, release, finalize — then a withdrawn application cannot be acted on`, async ({ page, consoleErrors }) => {
    test.setTimeout(240_000);
    // Filling before the minimum open period is refused on purpose (409).
    consoleErrors.allow(/status of 409 \(Conflict\)/);
    const runId = `${Date.now()}${locale}`;
    const title = locale === "ja" ? `コミュニティマネージャー募集 ${runId}` : `Community manager opening ${runId}`;

    // The hiring manager posts a transfer for their own department, as a draft.
    await signInAs(page, "hiring_manager", locale);
    await page.getByRole("link", { name: l.nav.opportunities, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: l.nav.opportunities })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: l.post }).click();
    await expect(page.getByRole("heading", { level: 1, name: l.post })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel(l.titleLabel, { exact: true }).fill(title);
    await page.getByLabel(l.description, { exact: true }).fill(locale === "ja" ? "ユーザー会とイベントの企画運営を担当します。" : "Run our user groups and events.");
    await page.getByLabel(l.role).selectOption({ label: l.roleName });
    await page.getByLabel(l.startOn).fill(daysFromNow(60));
    await page.getByLabel(l.location, { exact: true }).fill("東京");
    await page.getByLabel(l.addSkill).fill(l.skillQuery);
    await page.getByRole("option", { name: new RegExp(`^${l.skillQuery}`) }).click();
    await page.getByLabel(l.skillLevel).selectOption("3");
    await page.getByRole("button", { name: l.saveDraft }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/opportunities/\\d+$`));
    const opportunityUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(l.draft, { exact: true })).toBeVisible();
    await expectAccessible(page);

    // Edit it (with the version it was loaded at), open it, and try to fill it too early.
    await page.getByRole("link", { name: l.edit }).click();
    await expect(page.getByRole("heading", { level: 1, name: l.edit })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel(l.slots, { exact: true }).fill("2");
    await page.getByRole("button", { name: l.save, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${opportunityUrl}$`));
    await expect(page.getByText(l.slotsValue, { exact: true })).toBeVisible();
    await page.getByRole("button", { name: l.open, exact: true }).click();
    await expect(page.getByText(l.openStatus, { exact: true })).toBeVisible();
    await page.getByRole("button", { name: l.fill }).click();
    await expect(page.getByRole("alert").filter({ hasText: l.minimumOpenPeriod })).toBeVisible();

    // The employee finds it by a fragment of its title and applies — with a double click.
    await switchTo(page, "employee", locale);
    await page.getByRole("link", { name: l.nav.opportunities, exact: true }).click();
    await page.getByLabel(l.keywords).fill(runId);
    await page.getByLabel(l.kindTransfer, { exact: true }).check();
    await page.getByLabel(l.department, { exact: true }).selectOption({ label: l.departmentName });
    await page.getByLabel(l.maxTime).fill("100");
    await page.getByRole("button", { name: l.search, exact: true }).click();
    await page.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel(l.motivation, { exact: true }).fill(locale === "ja" ? "CS で培った声を聞く力をコミュニティづくりに活かしたいです。" : "I want to bring what I learned listening to customers into community building.");
    await page.getByRole("button", { name: l.apply, exact: true }).dblclick();
    await expect(page.getByRole("heading", { name: l.applied })).toBeVisible();
    await followMenu(page, locale, "career", l.nav.applications);
    const mine = page.getByRole("article").filter({ has: page.getByRole("heading", { name: title }) });
    await expect(mine).toHaveCount(1);
    // The id for the direct call at the end, as the employee's own list reports it.
    const listed = await page.request.get("/api/trpc/application.mine");
    const own = ((await listed.json()) as { result: { data: { json: { id: number; opportunityTitle: string }[] } } }).result.data.json;
    const applicationId = own.find((application) => application.opportunityTitle === title)?.id;
    expect(applicationId).toBeGreaterThan(0);
    await expectAccessible(page);

    // The hiring manager shortlists, interviews and offers.
    await switchTo(page, "hiring_manager", locale);
    await page.goto(opportunityUrl);
    await page.getByRole("button", { name: l.shortlist }).click();
    await expect(page.getByRole("heading", { name: l.shortlistedGroup })).toBeVisible();
    await page.getByRole("button", { name: l.interview }).click();
    await expect(page.getByRole("heading", { name: l.interviewGroup })).toBeVisible();
    await page.getByRole("button", { name: l.offer }).click();
    await page.getByRole("button", { name: l.confirmOffer }).click();
    await expect(page.getByRole("heading", { name: l.offeredGroup })).toBeVisible();
    await expectAccessible(page);

    // The offer tells the current manager: the release waits in their inbox. A decline needs a reason.
    await switchTo(page, "manager", locale);
    await followMenu(page, locale, "team", l.nav.inbox);
    const release = page.getByRole("article").filter({ hasText: title });
    await expect(release).toBeVisible();
    await expectAccessible(page);
    await release.getByRole("button", { name: l.decline }).click();
    await release.getByRole("button", { name: l.declineSubmit }).click();
    await expect(release.getByRole("alert")).toHaveText(l.reasonMissing);
    await release.getByRole("button", { name: l.cancel }).click();
    await release.getByRole("button", { name: l.approve }).click();
    await expect(page.getByRole("article").filter({ hasText: title })).toHaveCount(0);

    // HR finalizes with an effective date.
    await switchTo(page, "hr", locale);
    await followMenu(page, locale, "hr", l.nav.hrQueue);
    const toFinalize = page.getByRole("article").filter({ hasText: title });
    await expect(toFinalize).toBeVisible();
    await expectAccessible(page);
    await toFinalize.getByRole("button", { name: l.finalize }).click();
    await toFinalize.getByLabel(l.effectiveOn).fill(daysFromNow(120));
    await toFinalize.getByRole("button", { name: l.finalizeSubmit, exact: true }).click();
    await expect(page.getByRole("article").filter({ hasText: title })).toHaveCount(0);
    // The demo's overdue release: HR may release in the manager's place, with a reason (not sent here).
    const escalated = page.getByRole("region", { name: l.escalations }).getByRole("article").first();
    await escalated.getByRole("button", { name: l.releaseForManager }).click();
    await escalated.getByRole("button", { name: l.releaseForManagerSubmit, exact: true }).click();
    await expect(escalated.getByRole("alert")).toHaveText(l.reasonMissing);
    await expectAccessible(page);
    await escalated.getByRole("button", { name: l.cancel }).click();

    // The employee sees the pre-announced move, then withdraws it before the effective date.
    await switchTo(page, "employee", locale);
    await followMenu(page, locale, "career", l.nav.applications);
    await expect(mine.getByText(l.finalized, { exact: true })).toBeVisible();
    await mine.getByRole("button", { name: l.withdraw(title) }).click();
    await mine.getByRole("button", { name: l.withdrawSubmit, exact: true }).click();
    await expect(mine.getByText(l.withdrawn, { exact: true })).toBeVisible();
    await expect(mine.getByRole("button", { name: l.withdraw(title) })).toHaveCount(0);
    await expectAccessible(page);

    // The hiring manager sees it closed, with no decisions left; a direct call is refused.
    await switchTo(page, "hiring_manager", locale);
    await page.goto(opportunityUrl);
    await expect(page.getByRole("heading", { name: l.closedGroup })).toBeVisible();
    await expect(page.getByRole("button", { name: l.hiringButtons })).toHaveCount(0);
    const response = await postTrpc(
      page,
      "application.act",
      { applicationId, action: "decline", reason: "too late", idempotencyKey: `e2e-${runId}` },
      { "x-kakezan-locale": locale },
    );
    expect([404, 409]).toContain(response.status());
    expect(await response.text()).not.toMatch(/"stack"/);
  });
}

test("the HR queue is HR's only; the release inbox is empty for someone with nothing to release", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404 \(Not Found\)/);
  await signInAs(page, "employee", "en");
  await expect(page.getByRole("link", { name: "HR queue" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Release inbox" })).toHaveCount(0);
  const response = await page.goto("/en/hr/queue");
  expect(response?.status()).toBe(404);
  await page.goto("/en/inbox");
  await expect(page.getByText("Nothing waits on your release.")).toBeVisible();
  await expectAccessible(page);
});
