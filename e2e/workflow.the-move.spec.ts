import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { e2eMailDir } from "../playwright.config";
import { expect, type PersonaKey, postTrpc, signInAs, test } from "./fixtures";

/**
 * The move takes effect: every step's e-mail is captured, and on the effective date the
 * employee's home shows the new team. Steps go through the production server's tRPC endpoint as
 * each persona (the screens for each step are covered by workflow.spec.ts).
 *
 * The employee persona's move is undone at the end by a second move back (the same workflow the
 * other way), so specs that run later still find her in her team.
 */
async function as(browser: Browser, persona: PersonaKey): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, persona, "en");
  return page;
}

async function call<T>(page: Page, path: string, input?: unknown, method: "GET" | "POST" = "POST"): Promise<T> {
  const response =
    method === "GET"
      ? await page.request.get(`/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`)
      : await postTrpc(page, path, input);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** E-mails written for this run's posting, as recipient → link paths. */
function mailsAbout(title: string): Map<string, string[]> {
  const byRecipient = new Map<string, string[]>();
  for (const file of readdirSync(e2eMailDir)) {
    // Quoted-printable soft line breaks would split the ASCII title and the links.
    const mail = readFileSync(join(e2eMailDir, file), "utf8").replace(/=\r?\n/g, "");
    if (!mail.includes(title)) continue;
    const to = /^To: (.+)$/m.exec(mail)?.[1]?.trim() ?? "";
    const link = /http:\/\/localhost:\d+\/ja(\/\S*)/.exec(mail)?.[1] ?? "";
    byRecipient.set(to, [...(byRecipient.get(to) ?? []), link]);
  }
  return byRecipient;
}

test("from application to the move: each step's e-mail, then the employee's new team on their home page", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Move e2e ${Date.now()}`;
  const hiring = await as(browser, "hiring_manager");
  const employee = await as(browser, "employee");
  const manager = await as(browser, "manager");
  const hr = await as(browser, "hr");
  const emails = Object.fromEntries(
    await Promise.all(
      ([["hiring", hiring], ["employee", employee], ["manager", manager], ["hr", hr]] as const).map(async ([name, page]) => [
        name,
        (await call<{ email: string }>(page, "me.profile", undefined, "GET")).email,
      ]),
    ),
  ) as Record<"hiring" | "employee" | "manager" | "hr", string>;

  const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  /** Posts a transfer into the hiring side's department and runs it to HR finalization, effective today. */
  const move = async (postingTitle: string, hiringSide: Page, releasing: Page) => {
    const [department] = await call<{ id: number; name: { en: string } }[]>(hiringSide, "opportunity.departments", { purpose: "post" }, "GET");
    const { id: opportunityId } = await call<{ id: number }>(hiringSide, "opportunity.create", { kind: "transfer", title: postingTitle, departmentId: department!.id });
    await call(hiringSide, "opportunity.setStatus", { opportunityId, status: "open" });
    const { applicationId } = await call<{ applicationId: number }>(employee, "application.submit", { opportunityId, motivation: "I want to grow the community." });
    await call(hiringSide, "application.act", { applicationId, action: "shortlist" });
    await call(hiringSide, "application.act", { applicationId, action: "offer" });
    await call(releasing, "application.act", { applicationId, action: "release_approve" });
    await call(hr, "application.act", { applicationId, action: "finalize", effectiveOn: today });
    return { opportunityId, department: department! };
  };
  const { opportunityId, department } = await move(title, hiring, manager);

  // On the effective date the move takes effect (the server checks every 2 s in e2e).
  await expect(async () => {
    await employee.goto("/en");
    await expect(employee.locator("dl").getByText(department.name.en, { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const managerName = (await call<{ romanizedName: string }>(hiring, "me.profile", undefined, "GET")).romanizedName;
  await expect(employee.locator("dl").getByRole("link", { name: managerName })).toBeVisible();

  // Every step that waited on someone, and every decision, reached them by e-mail.
  await expect(async () => {
    const mails = mailsAbout(title);
    expect(mails.get(emails.hiring)).toEqual(expect.arrayContaining([`/opportunities/${opportunityId}`]));
    expect(mails.get(emails.employee)).toEqual(expect.arrayContaining(["/applications"]));
    expect(mails.get(emails.employee)?.length).toBeGreaterThanOrEqual(5); // shortlisted, offered, released, finalized, moved
    expect(mails.get(emails.manager)).toEqual(expect.arrayContaining(["/inbox"]));
    expect(mails.get(emails.hr)).toEqual(expect.arrayContaining(["/hr/queue"]));
  }).toPass({ timeout: 20_000 });

  // Undo: her old manager hires her back the same way, so later specs find the demo as it was.
  const back = await move(`${title} (back)`, manager, hiring);
  await expect(async () => {
    await employee.goto("/en");
    await expect(employee.locator("dl").getByText(back.department.name.en, { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
});
