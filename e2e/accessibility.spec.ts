import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { reportIds } from "../server/services/reports/report.schemas";
import { expect, expectAccessible, type Locale, type PersonaKey, signInAs, test } from "./fixtures";

/**
 * Every page of the app, in both languages, checked with axe as the persona who uses it. The list
 * is compared with the page files, so a new page without a row here fails this spec.
 */

type Ids = { opportunityId: number; reportId: number };
/** A route's address, or several for a route with a fixed set of values (every report). */
type Route = { persona: PersonaKey | "signed_out"; path: (ids: Ids) => string | string[] };

const routes: Record<string, Route> = {
  "/": { persona: "employee", path: () => "" },
  "/admin/audit": { persona: "admin", path: () => "/admin/audit" },
  "/admin/career-map": { persona: "admin", path: () => "/admin/career-map" },
  "/admin/skills": { persona: "admin", path: () => "/admin/skills" },
  "/admin/departments": { persona: "admin", path: () => "/admin/departments" },
  "/admin/people": { persona: "admin", path: () => "/admin/people" },
  "/admin/scim": { persona: "admin", path: () => "/admin/scim" },
  "/admin/people/new": { persona: "admin", path: () => "/admin/people/new" },
  "/admin/people/[id]": { persona: "admin", path: (ids) => `/admin/people/${ids.reportId}` },
  "/admin/import": { persona: "admin", path: () => "/admin/import" },
  "/admin/exports": { persona: "admin", path: () => "/admin/exports" },
  "/applications": { persona: "employee", path: () => "/applications" },
  "/career-map": { persona: "employee", path: () => "/career-map" },
  "/career-map/[slug]": { persona: "employee", path: () => "/career-map/product-qa" },
  "/conversations": { persona: "employee", path: () => "/conversations" },
  "/endorsements": { persona: "hiring_manager", path: () => "/endorsements" },
  "/hr/queue": { persona: "hr", path: () => "/hr/queue" },
  "/inbox": { persona: "manager", path: () => "/inbox" },
  "/opportunities": { persona: "employee", path: () => "/opportunities" },
  "/opportunities/new": { persona: "hiring_manager", path: () => "/opportunities/new" },
  "/opportunities/[id]": { persona: "employee", path: (ids) => `/opportunities/${ids.opportunityId}` },
  "/opportunities/[id]/edit": { persona: "hiring_manager", path: (ids) => `/opportunities/${ids.opportunityId}/edit` },
  "/opportunities/[id]/candidates": { persona: "hiring_manager", path: (ids) => `/opportunities/${ids.opportunityId}/candidates` },
  "/people": { persona: "employee", path: () => "/people" },
  "/people/[id]": { persona: "manager", path: (ids) => `/people/${ids.reportId}` },
  "/profile": { persona: "employee", path: () => "/profile" },
  "/recommendations": { persona: "employee", path: () => "/recommendations" },
  "/reports": { persona: "hr", path: () => "/reports" },
  "/reports/[report]": { persona: "hr", path: () => reportIds.map((report) => `/reports/${report}`) },
  "/scouts": { persona: "employee", path: () => "/scouts" },
  "/settings": { persona: "hr", path: () => "/settings" },
  "/signin": { persona: "signed_out", path: () => "/signin" },
  "/team": { persona: "manager", path: () => "/team" },
  "/team/[id]": { persona: "manager", path: (ids) => `/team/${ids.reportId}` },
  "/will": { persona: "employee", path: () => "/will" },
};

/** The route of every page.tsx under app/[locale], e.g. "/opportunities/[id]". */
function pageRoutes(): string[] {
  const root = join(process.cwd(), "app", "[locale]");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry === "page.tsx") found.push(`/${relative(root, dir).split(sep).join("/")}`.replace(/\/$/, "") || "/");
    }
  };
  walk(root);
  return found.sort();
}

async function query<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await page.request.get(`/api/trpc/${path}${search}`);
  expect(response.status(), path).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** A page in a fresh browser context, signed in as the persona (or signed out). */
async function visitorAs(browser: Browser, persona: Route["persona"], locale: Locale): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  if (persona !== "signed_out") await signInAs(page, persona, locale);
  return page;
}

test("every page has a row here", () => {
  expect(Object.keys(routes).sort()).toEqual(pageRoutes());
});

for (const locale of ["ja", "en"] as const satisfies Locale[]) {
  test(`${locale}: every page passes axe as the persona who uses it`, async ({ browser }) => {
    test.setTimeout(300_000);
    const hiringManager = await visitorAs(browser, "hiring_manager", locale);
    const postings = await query<{ items: { id: number }[] }>(hiringManager, "opportunity.list", { query: "コミュニティマネージャー" });
    await hiringManager.context().close();
    const manager = await visitorAs(browser, "manager", locale);
    const reports = await query<{ id: number }[]>(manager, "team.reports");
    await manager.context().close();
    const ids: Ids = { opportunityId: postings.items[0]!.id, reportId: reports[0]!.id };

    const personas = [...new Set(Object.values(routes).map((route) => route.persona))];
    for (const persona of personas) {
      const visitor = await visitorAs(browser, persona, locale);
      for (const [route, { path }] of Object.entries(routes).filter(([, entry]) => entry.persona === persona)) {
        for (const address of [path(ids)].flat()) {
          const response = await visitor.goto(`/${locale}${address}`);
          expect(response?.status(), `${locale} ${address} as ${persona}`).toBe(200);
          await expect(visitor.locator("h1").first(), `${locale} ${route}`).toBeVisible();
          await expectAccessible(visitor);
        }
      }
      await visitor.context().close();
    }
  });
}
