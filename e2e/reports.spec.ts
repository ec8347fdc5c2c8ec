import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, followMenu, type Locale, mainMenu, signInAs, test } from "./fixtures";

/**
 * HR mobility reports, in both languages: HR filters the flows to customer service and finds the
 * customer-support → QA moves of the demo history (a site's flow into the QA group, over the default
 * twelve months and over three years) in the department Sankey diagram and the flows table, and
 * support → product in the job-family Sankey diagram, and the table's CSV has the same rows; a
 * manager sees only their own organisation; an employee gets no report at all.
 */

const text = {
  ja: {
    nav: "レポート",
    home: "レポート",
    formula: "期間中の異動数 ÷ 平均在籍人数",
    flowsReport: "部署間・職種間の異動の流れ",
    from: "開始月",
    department: "部署",
    customerService: "カスタマーサービス本部",
    apply: "絞り込む",
    sankey: "サンキー図: 部署間の異動の流れ",
    table: "部署間の異動の流れ",
    csv: "「部署間の異動の流れ」をCSVでダウンロード",
    qa: "QAグループ",
    familySankey: "サンキー図: 職種間の異動の流れ",
    supportFamily: "カスタマーサポート",
    productFamily: "プロダクト",
    organisation: "あなたの組織（所属部署とその配下の部署）を表示しています。",
    wholeCompany: "全社",
    suppressed: "非表示（少人数）",
  },
  en: {
    nav: "Reports",
    home: "Reports",
    formula: "moves in period ÷ average headcount",
    flowsReport: "Flows between departments and job families",
    from: "From (month)",
    department: "Department",
    customerService: "Customer Service Division",
    apply: "Apply filters",
    sankey: "Sankey diagram: Flows between departments",
    table: "Flows between departments",
    csv: "Download “Flows between departments” as CSV",
    qa: "Quality Assurance Group",
    familySankey: "Sankey diagram: Flows between job families",
    supportFamily: "Customer support",
    productFamily: "Product",
    organisation: "Showing your organisation: your department and its sub-departments.",
    wholeCompany: "Whole company",
    suppressed: "hidden (small group)",
  },
} as const;

/** Fields of one CSV line, with quoted fields ("a, b" and "say ""hi""") read as the text they quote. */
function csvRows(body: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && body[index + 1] === "\n") index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The table's body and footer rows as the words a reader sees: the row header, then each cell's first line. */
async function tableRows(table: Locator): Promise<string[][]> {
  return table.locator("tbody tr, tfoot tr").evaluateAll((rows) =>
    rows.map((row) => Array.from(row.children, (cell) => (cell.firstChild?.textContent ?? cell.textContent ?? "").trim())),
  );
}

/**
 * A customer-support site's flow into the QA group, shown: a row of the flows table with its count,
 * and the band of the department Sankey diagram that says the same flow and the same figure.
 */
async function expectSiteToQaShown(page: Page, locale: Locale) {
  const words = text[locale];
  const table = page.getByRole("table", { name: words.table });
  await expect(table.getByRole("rowheader", { name: new RegExp(`→ ${words.qa}$`) }).first()).toBeVisible();
  const toQa = (await tableRows(table)).filter((row) => row[0]!.endsWith(`→ ${words.qa}`) && /^\d+$/.test(row.at(-1)!));
  expect(toQa.length).toBeGreaterThan(0);
  const sankey = page.getByRole("img", { name: words.sankey });
  await expect(sankey.locator("text").filter({ hasText: new RegExp(`^${words.qa} \\(\\d+\\)$`) })).toBeVisible();
  for (const row of toQa) {
    expect(Number(row.at(-1))).toBeGreaterThanOrEqual(5);
    await expect(sankey.locator("path > title").filter({ hasText: `${row[0]}: ${row.at(-1)}` })).toHaveCount(1);
  }
}

async function openFlowsForCustomerService(page: Page, locale: Locale) {
  const words = text[locale];
  await followMenu(page, locale, "hr", words.nav);
  await expect(page.getByRole("heading", { level: 1, name: words.home })).toBeVisible();
  await expect(page.getByText(words.formula).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("heading", { level: 2, name: words.flowsReport }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: words.flowsReport })).toBeVisible();
  // Customer service over the default twelve months, then over three years of history (the whole of it).
  await page.getByLabel(words.department, { exact: true }).selectOption({ label: words.customerService });
  await page.getByRole("button", { name: words.apply }).click();
  await expect(page).toHaveURL(/department=\d+/);
  await expectSiteToQaShown(page, locale);
  const to = await page.getByLabel(locale === "ja" ? "終了月" : "To (month)").inputValue();
  const from = `${Number(to.slice(0, 4)) - 3}-${to.slice(5, 7)}`;
  await page.getByLabel(words.from).fill(from);
  await page.getByRole("button", { name: words.apply }).click();
  await expect(page).toHaveURL(new RegExp(`from=${from}&.*department=\\d+`));
}

for (const locale of ["ja", "en"] as const satisfies Locale[]) {
  test(`${locale}: HR filters the flows to customer service, sees a site → QA in the department Sankey and its table and support → product in the job-family Sankey, and the CSV has the table's rows`, async ({ page }) => {
    const words = text[locale];
    await signInAs(page, "hr", locale);
    await openFlowsForCustomerService(page, locale);
    const bookmark = page.url();

    const sankey = page.getByRole("img", { name: words.sankey });
    await expect(sankey).toBeVisible();
    const table = page.getByRole("table", { name: words.table });
    await expect(table.getByRole("rowheader").first()).toBeVisible();
    await expectAccessible(page);

    // The CSV holds the table's rows: the same labels, the same figures, hidden cells hidden.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: words.csv }).click()]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3));
    const [, ...records] = csvRows(body).filter((row) => row.some((field) => field !== ""));
    const shown = (await tableRows(table)).map((row) => row.map((cell) => (cell === "＊" ? words.suppressed : cell.replace(/,/g, ""))));
    expect(records.length).toBeGreaterThan(1);
    expect(records).toEqual(shown);

    // Customer support → QA: a site's flow into the QA group is drawn with its count, and the
    // job-family diagram draws support's people moving into product.
    await expectSiteToQaShown(page, locale);
    const families = page.getByRole("img", { name: words.familySankey });
    await expect(families.locator("text").filter({ hasText: words.supportFamily }).first()).toBeVisible();
    await expect(families.locator("text").filter({ hasText: words.productFamily }).first()).toBeVisible();

    // The address carries the filters: opened again, it shows the same report.
    await page.goto(bookmark);
    await expect(page.getByLabel(words.department, { exact: true }).locator("option:checked")).toHaveText(words.customerService);
    await expectSiteToQaShown(page, locale);
  });

  test(`${locale}: a manager sees the reports of their own organisation only`, async ({ page, browser, consoleErrors }) => {
    consoleErrors.allow(/status of 404 \(Not Found\)/);
    const words = text[locale];
    const hr = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
    await signInAs(hr, "hr", locale);
    await hr.goto(`/${locale}/reports`);
    const customerService = await hr.getByLabel(words.department, { exact: true }).locator("option", { hasText: words.customerService }).getAttribute("value");
    await hr.context().close();

    await signInAs(page, "manager", locale);
    await followMenu(page, locale, "team", words.nav);
    await expect(page.getByText(words.organisation)).toBeVisible();
    const options = page.getByLabel(words.department, { exact: true }).locator("option");
    await expect(options.filter({ hasText: words.wholeCompany })).toHaveCount(0);
    await expect(options.filter({ hasText: words.customerService })).toHaveCount(0);
    await page.getByRole("link", { name: words.flowsReport }).first().click();
    await expect(page.getByText(words.organisation)).toBeVisible();
    await expectAccessible(page);

    const response = await page.goto(`/${locale}/reports/flows?department=${customerService}`);
    expect(response?.status()).toBe(404);
  });

  test(`${locale}: an employee has no reports`, async ({ page, consoleErrors }) => {
    consoleErrors.allow(/status of 404 \(Not Found\)/);
    await signInAs(page, "employee", locale);
    // No group of the menu holds the reports: not the employee's own, nor any other.
    await expect(mainMenu(page, locale).getByRole("button", { name: locale === "ja" ? "マイチーム" : "My team" })).toHaveCount(0);
    await expect(mainMenu(page, locale).locator(`a[href$="/reports"]`)).toHaveCount(0);
    for (const path of ["/reports", "/reports/flows", "/reports/managers"]) {
      const response = await page.goto(`/${locale}${path}`);
      expect(response?.status(), path).toBe(404);
    }
  });
}
