import { expect, expectAccessible, type Locale, followMenu, signInAs, test } from "./fixtures";

/**
 * The profile journey across two people, in each language: the employee adds skills; their manager
 * verifies one and records a career conversation with private notes; the employee sees only the
 * shared part. (The Will and the gap on the career map have their own specs: will, career-map.)
 */
const journeys: Record<Locale, {
  skills: [query: string, name: string][];
  levelMeaning: RegExp;
  text: Record<"edit" | "heading" | "add" | "team" | "verified" | "shared" | "private" | "record" | "recorded", string>;
  verifyLabel: (skill: string) => string;
  shared: string;
  secret: string;
}> = {
  ja: {
    skills: [["SQL", "SQL"], ["ファシリテーション", "ファシリテーション"]],
    levelMeaning: /自らの判断で自立して業務を遂行できる/,
    text: {
      edit: "スキル・プロフィールを編集",
      heading: "スキル・プロフィールの編集",
      add: "スキルを追加（日本語・英語・別名で検索）",
      team: "チームのメンバー",
      verified: "が確認済み",
      shared: "共有メモ",
      private: "非公開メモ（あなただけ）",
      record: "記録する",
      recorded: "記録しました",
    },
    verifyLabel: (skill) => `${skill} のレベル2を確認する`,
    shared: "SQL を活かして VOC 分析に挑戦する。",
    secret: "異動の後押しを人事と相談する。",
  },
  en: {
    skills: [["エクセル", "Spreadsheets (Excel, Google Sheets)"], ["presentation", "Presentation"]],
    levelMeaning: /Applies the skill independently, including irregular cases/,
    text: {
      edit: "Edit skills and profile",
      heading: "Edit your skills and profile",
      add: "Add a skill (search in Japanese, English or by alias)",
      team: "Team members",
      verified: "Verified by",
      shared: "Shared notes",
      private: "Private notes (only you)",
      record: "Record",
      recorded: "Recorded",
    },
    verifyLabel: (skill) => `Verify ${skill} at level 2`,
    shared: "Use spreadsheets to start the VOC analysis.",
    secret: "Talk to HR about supporting the move.",
  },
};

for (const [locale, journey] of Object.entries(journeys) as [Locale, (typeof journeys)["ja"]][]) {
  test(`employee adds skills; manager verifies one and records a conversation; private notes stay private (${locale})`, async ({ browser }) => {
    const { text } = journey;
    const employee = await (await browser.newContext()).newPage();
    await signInAs(employee, "employee", locale);
    await employee.getByRole("link", { name: text.edit }).click();
    await expect(employee.getByRole("heading", { level: 1, name: text.heading })).toBeVisible();
    await expectAccessible(employee);

    for (const [query, name] of journey.skills) {
      await employee.getByLabel(text.add).fill(query);
      const hit = employee.getByRole("option", { name: new RegExp(name.replace(/[()]/g, "\\$&")) }).first();
      await hit.click();
      await expect(employee.getByRole("group", { name: new RegExp(name.replace(/[()]/g, "\\$&")) })).toBeVisible();
    }
    // A level with its meaning on screen, and evidence.
    const firstName = journey.skills[0]![1];
    const added = employee.getByRole("group", { name: new RegExp(firstName.replace(/[()]/g, "\\$&")) });
    await added.getByRole("combobox").selectOption("2");
    await expect(added.getByText(journey.levelMeaning)).toBeVisible();
    await added.getByRole("textbox").fill(locale === "ja" ? "問い合わせログの集計を毎週担当" : "Weekly inquiry-log reports");
    const save = added.getByRole("button", { name: locale === "ja" ? `${firstName} を保存` : `Save ${firstName}`, exact: true });
    await save.click();
    await expect(save).toBeDisabled();

    const manager = await (await browser.newContext()).newPage();
    await signInAs(manager, "manager", locale);
    await followMenu(manager, locale, "team", text.team);
    await expectAccessible(manager);
    await manager.getByRole("link", { name: locale === "ja" ? "佐藤 陽菜" : "Hina Sato" }).click();
    const verify = manager.getByRole("button", { name: journey.verifyLabel(firstName), exact: true });
    await verify.click();
    await expect(verify).toHaveCount(0);
    await expect(manager.getByText(new RegExp(text.verified)).first()).toBeVisible();

    await manager.getByLabel(text.shared, { exact: true }).fill(journey.shared);
    await manager.getByLabel(text.private).fill(journey.secret);
    await manager.getByRole("button", { name: text.record, exact: true }).click();
    await expect(manager.getByText(text.recorded, { exact: true })).toBeVisible();
    await expect(manager.getByText(journey.secret)).toBeVisible();
    await expectAccessible(manager);

    await employee.goto(`/${locale}/conversations`);
    await expect(employee.getByText(journey.shared)).toBeVisible();
    await expect(employee.getByText(journey.secret)).toHaveCount(0);
    await expectAccessible(employee);
  });
}
