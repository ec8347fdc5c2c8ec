import iconv from "iconv-lite";
import { expect, expectAccessible, followMenu, type Locale, signInAs, test } from "./fixtures";

/**
 * The CSV import, in both languages: the admin uploads a Shift_JIS export whose second person
 * names a manager nobody has, reads that row's error (nothing is imported), fixes the file,
 * imports it and finds both new people in the directory.
 */

const text = {
  ja: {
    link: "インポート",
    heading: "人事データのインポート",
    file: "ファイル（CSV または .xlsx）",
    upload: "ファイルを読み込む",
    detected: /判定結果: .*Shift_JIS|判定結果: .*cp932/,
    dryRun: "試行する（ドライラン）",
    commit: "取り込む",
    error: "3行目・列「上長社員番号」（E99999）: この社員番号の在籍者がファイルにも社内にもいません",
    committed: "取り込みました: 新規 2件",
    people: [
      { number: "E2E-IMP-JA-1", family: "今井", given: "桜", familyKana: "いまい", givenKana: "さくら", romanized: "Sakura Imai", shown: "今井 桜" },
      { number: "E2E-IMP-JA-2", family: "大野", given: "蓮", familyKana: "ｵｵﾉ", givenKana: "ﾚﾝ", romanized: "Ren Ono", shown: "大野 蓮" },
    ],
  },
  en: {
    link: "Import",
    heading: "Import people",
    file: "File (CSV or .xlsx)",
    upload: "Read file",
    detected: /Detected: .*cp932/,
    dryRun: "Dry run",
    commit: "Import",
    error: "Row 3, column “上長社員番号” (E99999): no active person in the file or the company has this employee number",
    committed: "Imported: 2 created",
    people: [
      { number: "E2E-IMP-EN-1", family: "今井", given: "翼", familyKana: "イマイ", givenKana: "ツバサ", romanized: "Tsubasa Imai", shown: "Tsubasa Imai" },
      { number: "E2E-IMP-EN-2", family: "大野", given: "陽", familyKana: "オオノ", givenKana: "ヒナタ", romanized: "Hinata Ono", shown: "Hinata Ono" },
    ],
  },
} as const;

/** An export as a Japanese HR system writes it: Shift_JIS, CRLF, 和暦 and slash dates. */
function exportFile(locale: Locale, secondManager: string) {
  const [first, second] = text[locale].people;
  const lines = [
    "社員番号,姓,名,セイ,メイ,ローマ字,メールアドレス,入社日,部署コード,職種,等級,上長社員番号",
    `${first.number},${first.family},${first.given},${first.familyKana},${first.givenKana},${first.romanized},${first.number.toLowerCase()}@kakezan.example,令和7年4月1日,SALES,インサイドセールス,2,E00006`,
    `${second.number},${second.family},${second.given},${second.familyKana},${second.givenKana},${second.romanized},${second.number.toLowerCase()}@kakezan.example,2025/04/01,SALES,インサイドセールス,1,${secondManager}`,
  ];
  return { name: `export-${locale}.csv`, mimeType: "text/csv", buffer: iconv.encode(`${lines.join("\r\n")}\r\n`, "cp932") };
}

for (const locale of ["ja", "en"] as const satisfies Locale[]) {
  test(`${locale}: the admin imports a Shift_JIS export, fixes the bad row and finds the new people in the directory`, async ({ page }) => {
    test.setTimeout(120_000);
    const words = text[locale];
    await signInAs(page, "admin", locale);
    await followMenu(page, locale, "admin", words.link);
    await expect(page.getByRole("heading", { level: 1, name: words.heading })).toBeVisible();
    await expectAccessible(page);

    const upload = async (file: ReturnType<typeof exportFile>) => {
      await page.getByLabel(words.file).setInputFiles(file);
      await expect(async () => {
        await page.getByRole("button", { name: words.upload }).click();
        await expect(page.getByText(words.detected)).toBeVisible({ timeout: 2_000 });
      }).toPass();
      await page.getByRole("button", { name: words.dryRun }).click();
    };

    await upload(exportFile(locale, "E99999"));
    await expect(page.getByText(words.error)).toBeVisible();
    await expect(page.getByRole("button", { name: words.commit, exact: true })).toBeDisabled();
    await expectAccessible(page);

    await upload(exportFile(locale, "E00006"));
    await expect(page.getByText(words.error)).toHaveCount(0);
    await page.getByRole("button", { name: words.commit, exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: words.committed })).toBeVisible();
    await expectAccessible(page);

    for (const person of words.people) {
      await page.goto(`/${locale}/people?q=${encodeURIComponent(person.romanized)}`);
      await expect(page.getByText(person.shown).first()).toBeVisible();
    }
  });
}
