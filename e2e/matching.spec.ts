import type { Page } from "@playwright/test";
import { expect, expectAccessible, type Locale, type PersonaKey, followMenu, signInAs, test } from "./fixtures";

/**
 * Matching and scouting (社内FA) with the demo personas, in both languages.
 *
 * Seed facts this relies on (db/seed/demo-wills.ts, demo-opportunities.ts; candidates computed by
 * scripts/demo.ts): the employee (佐藤 陽菜) shares a Will aimed at product QA with matching and
 * accepts scouting; the hiring manager (岡田 一郎) owns the community rotation, where the employee
 * is the top candidate there and accepts scouting, the next one does not; and the employee is the
 * top candidate of the product QA opening, which HR may manage too.
 *
 * All specs share one demo database: Japanese runs first and invites the employee to the rotation;
 * English then invites the next candidate there (sealed: the sender sees the same as for anyone,
 * it just never reaches them), and HR invites the employee to the QA opening.
 */

const community = "コミュニティマネージャー ローテーション（6か月）";
const productQa = "プロダクトQAエンジニア（CS出身歓迎）";

const text = {
  ja: {
    employee: "佐藤 陽菜",
    nav: { recommendations: "おすすめ", scouts: "スカウト", opportunities: "社内公募" },
    recommendationsTitle: "あなたへのおすすめ",
    factors: ["スキル適合", "Will との一致", "成長（ストレッチ）", "準備度（在籍年数）"],
    points: /^\d+(\.\d)? \/ 50 点$/,
    matched: "一致しているスキル",
    gaps: "足りないスキル",
    whatIfs: "マッチ度を最も上げる変化",
    whatIf: /: \+\d\.\d\d$/,
    score: /^マッチ度 \d+%$/,
    notInterested: "興味なし",
    department: "部署",
    departmentName: "コミュニティ部",
    keywords: "キーワード",
    search: "検索",
    candidatesLink: "推薦候補者",
    candidatesTitle: "推薦候補者",
    computedAt: /計算日時: /,
    hidden: /^候補者 #\d+$/,
    inviteButton: /^候補者 #\d+ をスカウトする$/,
    message: "メッセージ",
    messageMissing: "メッセージを入力してください。",
    send: "スカウトを送る",
    invited: "スカウト済み",
    bands: "募集が挙げるスキル",
    rank: (rank: string) => `順位 #${rank}`,
    scoutsTitle: "スカウト（社内FA）",
    privacy: /今の上長には伝わりません/,
    casualInterview: "カジュアル面談を希望する",
    answered: "カジュアル面談を希望しました。",
    accepted: "状況: 返事済み",
    settingsLink: "スカウトの受け付けはプロフィールの設定で変更できます",
    openToScouting: "社内FA（スカウト）を受け付ける",
  },
  en: {
    employee: "Hina Sato",
    nav: { recommendations: "Recommended", scouts: "Scouts", opportunities: "Opportunities" },
    recommendationsTitle: "Recommended for you",
    factors: ["Skill fit", "Will alignment", "Growth (stretch)", "Readiness (time at level)"],
    points: /^\d+(\.\d)? of 50 points$/,
    matched: "Matched skills",
    gaps: "Gaps",
    whatIfs: "What would raise the match most",
    whatIf: /: \+\d\.\d\d$/,
    score: /^Match \d+%$/,
    notInterested: "Not interested",
    department: "Department",
    departmentName: "Community Department",
    keywords: "Keywords",
    search: "Search",
    candidatesLink: "Suggested candidates",
    candidatesTitle: "Suggested candidates",
    computedAt: /Computed at /,
    hidden: /^Candidate #\d+$/,
    inviteButton: /^Invite Candidate #\d+$/,
    message: "Message",
    messageMissing: "Please write a message.",
    send: "Send the invitation",
    invited: "Invited",
    bands: "The posting's skills",
    rank: (rank: string) => `Rank #${rank}`,
    scoutsTitle: "Scout invitations",
    privacy: /current manager is not told/,
    apply: "Apply",
    sendApplication: "Send the application",
    motivationMissing: "Please write your motivation.",
    cancel: "Cancel",
    decline: "Decline",
    declined: "Status: Declined",
    settingsLink: "Change whether you accept scouting in your profile settings",
    openToScouting: "Let hiring managers scout me",
  },
} as const;

async function switchTo(page: Page, persona: PersonaKey, locale: Locale) {
  await page.context().clearCookies();
  await signInAs(page, persona, locale);
}

/** Opens a seeded posting through the opportunities search, as a person would. */
async function openPosting(page: Page, locale: Locale, title: string, filter: { department: string } | { keywords: string }) {
  const l = text[locale];
  await page.getByRole("link", { name: l.nav.opportunities, exact: true }).click();
  if ("department" in filter) await page.getByLabel(l.department, { exact: true }).selectOption({ label: filter.department });
  else await page.getByLabel(l.keywords).fill(filter.keywords);
  await page.getByRole("button", { name: l.search, exact: true }).click();
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/** Invites the first candidate still shown by rank only; returns the rank and that candidate's card. */
async function inviteFirstHidden(page: Page, locale: Locale, message: string) {
  const l = text[locale];
  const firstInvitable = page.getByRole("article").filter({ has: page.getByRole("button", { name: l.inviteButton }) }).first();
  const heading = (await firstInvitable.getByRole("heading", { level: 2 }).textContent())!.trim();
  expect(heading).toMatch(l.hidden);
  const rank = heading.replace(/^\D+/, "");
  // Found by its heading, not by its button: once invited the card has none.
  const card = page.getByRole("article", { name: heading, exact: true });
  await card.getByRole("button", { name: l.inviteButton }).click();
  // The message is required: an empty one is refused before anything is sent.
  await card.getByRole("button", { name: l.send }).click();
  await expect(card.getByText(l.messageMissing)).toBeVisible();
  await card.getByLabel(l.message, { exact: true }).fill(message);
  await card.getByRole("button", { name: l.send }).click();
  return { rank, card };
}

for (const locale of ["ja", "en"] as const) {
  const l = text[locale];

  test(`${locale}: the employee sees why each opportunity is recommended, and can hide one`, async ({ page }) => {
    await signInAs(page, "employee", locale);
    await followMenu(page, locale, "career", l.nav.recommendations);
    await expect(page.getByRole("heading", { level: 1, name: l.recommendationsTitle })).toBeVisible();
    const cards = page.getByRole("article");
    await expect(cards.first()).toBeVisible();

    // The best match: the product QA opening the employee's Will aims at, with every reason.
    const top = cards.first();
    await expect(top.getByRole("link", { name: productQa })).toBeVisible();
    await expect(top.getByText(l.score)).toBeVisible();
    for (const factor of l.factors) await expect(top.getByRole("meter", { name: factor })).toBeVisible();
    await expect(top.getByText(l.points)).toBeVisible();
    await expect(top.getByRole("heading", { name: l.matched })).toBeVisible();
    await expect(top.getByRole("heading", { name: l.gaps })).toBeVisible();
    await expect(top.getByRole("heading", { name: l.whatIfs })).toBeVisible();
    await expect(top.getByRole("listitem").filter({ hasText: l.whatIf }).first()).toBeVisible();
    await expectAccessible(page);

    // "Not interested" removes the last one for good.
    const count = await cards.count();
    const last = cards.nth(count - 1);
    const title = (await last.getByRole("heading", { level: 2 }).textContent())!.trim();
    await last.getByRole("button", { name: l.notInterested }).click();
    await expect(cards).toHaveCount(count - 1);
    await expect(page.getByRole("link", { name: title, exact: true })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("link", { name: title, exact: true })).toHaveCount(0);
  });
}

test("ja: the hiring manager invites a hidden candidate who accepts scouting; the employee asks for a casual interview", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404 \(Not Found\)/);
  const l = text.ja;
  await signInAs(page, "hiring_manager", "ja");
  await openPosting(page, "ja", community, { department: l.departmentName });
  await page.getByRole("link", { name: l.candidatesLink, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: l.candidatesTitle })).toBeVisible();
  const candidatesUrl = new URL(page.url()).pathname;
  await expect(page.getByText(l.computedAt)).toBeVisible();

  // Judged on skills first: nobody is named yet, every card says why in banded facts, and whether
  // someone accepts scouting is not shown.
  const cards = page.getByRole("article");
  await expect(cards.first()).toBeVisible();
  const total = await cards.count();
  await expect(page.getByRole("heading", { level: 2, name: l.hidden })).toHaveCount(total);
  await expect(page.getByText(l.employee)).toHaveCount(0);
  await expect(cards.first().getByRole("meter", { name: l.factors[0] })).toBeVisible();
  await expect(cards.first().getByRole("heading", { name: l.bands })).toBeVisible();
  await expect(cards.first().getByRole("heading", { name: l.whatIfs })).toBeVisible();
  await expectAccessible(page);

  // The best-ranked candidate is the employee, who accepts scouting: invited, still unnamed until
  // they answer.
  const { rank, card: invited } = await inviteFirstHidden(page, "ja", "コミュニティのローテーションで、CS の経験を活かしてみませんか。まずは気軽にお話ししましょう。");
  await expect(invited.getByText(l.invited, { exact: true })).toBeVisible();
  await expect(invited.getByRole("heading", { level: 2, name: l.hidden })).toBeVisible();
  await expect(invited.getByRole("button", { name: l.inviteButton })).toHaveCount(0);
  await expect(page.getByText(l.employee)).toHaveCount(0);

  // The employee may not see the candidates: the page does not exist for them.
  await switchTo(page, "employee", "ja");
  const response = await page.goto(`${candidatesUrl}`);
  expect(response?.status()).toBe(404);

  // The scout inbox: the invitation, who sent it, the message, and that the manager is not told.
  await page.goto("/ja");
  await followMenu(page, "ja", "career", l.nav.scouts);
  await expect(page.getByRole("heading", { level: 1, name: l.scoutsTitle })).toBeVisible();
  await expect(page.getByText(l.privacy)).toBeVisible();
  const invitation = page.getByRole("article").filter({ has: page.getByRole("heading", { name: community }) });
  await expect(invitation).toHaveCount(1);
  await expect(invitation.getByText("岡田 一郎")).toBeVisible();
  await expect(invitation.getByText(/CS の経験を活かしてみませんか/)).toBeVisible();
  await expectAccessible(page);
  await invitation.getByRole("button", { name: l.casualInterview }).click();
  await expect(invitation.getByText(l.answered)).toBeVisible();
  await expect(invitation.getByText(l.accepted, { exact: true })).toBeVisible();
  await expect(invitation.getByRole("button", { name: l.casualInterview })).toHaveCount(0);

  // The opt-in lives in the profile settings.
  await page.getByRole("link", { name: l.settingsLink }).click();
  await expect(page.getByRole("checkbox", { name: new RegExp(`^${l.openToScouting}`) })).toBeChecked();

  // Having accepted, the employee is named to the hiring manager, at the same rank.
  await switchTo(page, "hiring_manager", "ja");
  await page.goto(candidatesUrl);
  const named = page.getByRole("article", { name: l.employee });
  await expect(named.getByText(l.invited, { exact: true })).toBeVisible();
  await expect(named.getByText(l.rank(rank), { exact: true })).toBeVisible();
});

test("en: an invitation to a hidden candidate who does not accept scouting looks like any other; HR invites the employee, who declines", async ({ page }) => {
  const l = text.en;
  await signInAs(page, "hiring_manager", "en");
  await openPosting(page, "en", community, { department: l.departmentName });
  await page.getByRole("link", { name: l.candidatesLink, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: l.candidatesTitle })).toBeVisible();
  await expect(page.getByText(l.computedAt)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: l.hidden }).first()).toBeVisible();
  await expectAccessible(page);
  // The next candidate does not accept scouting: the invitation is sealed — taken and shown as
  // invited like any other, so the sender cannot tell — and it never reaches them.
  const { card } = await inviteFirstHidden(page, "en", "Would you like to try our community rotation? Let's talk first.");
  await expect(card.getByText(l.invited, { exact: true })).toBeVisible();
  await expect(card.getByRole("heading", { level: 2, name: l.hidden })).toBeVisible();
  await expect(card.getByRole("alert")).toHaveCount(0);

  // HR may manage any posting: they invite the employee, the top candidate for product QA.
  await switchTo(page, "hr", "en");
  await openPosting(page, "en", productQa, { keywords: "プロダクトQAエンジニア" });
  await page.getByRole("link", { name: l.candidatesLink, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: l.candidatesTitle })).toBeVisible();
  const { card: invitedByHr } = await inviteFirstHidden(page, "en", "Your bug reports are the best we get. Would you like to join product QA?");
  await expect(invitedByHr.getByText(l.invited, { exact: true })).toBeVisible();

  // The employee: applying needs a motivation; they decline instead.
  await switchTo(page, "employee", "en");
  await followMenu(page, "en", "career", l.nav.scouts);
  await expect(page.getByRole("heading", { level: 1, name: l.scoutsTitle })).toBeVisible();
  await expect(page.getByText(l.privacy)).toBeVisible();
  const invitation = page.getByRole("article").filter({ has: page.getByRole("heading", { name: productQa }) });
  await expect(invitation).toHaveCount(1);
  await expectAccessible(page);
  await invitation.getByRole("button", { name: l.apply, exact: true }).click();
  await invitation.getByRole("button", { name: l.sendApplication }).click();
  await expect(invitation.getByText(l.motivationMissing)).toBeVisible();
  await invitation.getByRole("button", { name: l.cancel }).click();
  await invitation.getByRole("button", { name: l.decline, exact: true }).click();
  await expect(invitation.getByText(l.declined, { exact: true })).toBeVisible();
  await expect(invitation.getByRole("button", { name: l.decline, exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: l.settingsLink }).click();
  await expect(page.getByRole("checkbox", { name: new RegExp(`^${l.openToScouting}`) })).toBeChecked();
});
