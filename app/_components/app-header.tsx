import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Link } from "@/app/_i18n/navigation";
import { getRequestContext } from "@/app/_trpc/server";
import { auditScopeOf, isAdministrator, isHrStaff } from "@/server/auth/policies";
import { LanguageSwitch } from "./language-switch";
import { MainNav, type NavGroup } from "./main-nav";
import { SignOutButton } from "./sign-out-button";

/**
 * The top bar: it lists only what the signed-in person can use — the directory and the openings,
 * which everyone uses, then one group per role (career, team, HR, admin).
 */
export async function AppHeader() {
  const t = await getTranslations("nav");
  const { actor } = await getRequestContext();
  const links = actor
    ? [
        { href: "/people", label: t("people") },
        { href: "/opportunities", label: t("opportunities") },
      ]
    : [];
  const groups: NavGroup[] = [];
  if (actor) {
    const hr = isHrStaff(actor);
    const audit = auditScopeOf(actor) ? [{ href: "/admin/audit", label: t("audit") }] : [];
    groups.push({
      id: "career",
      label: t("groups.career"),
      links: [
        { href: "/will", label: t("will") },
        { href: "/career-map", label: t("careerMap") },
        { href: "/conversations", label: t("conversations") },
        { href: "/recommendations", label: t("recommendations") },
        { href: "/applications", label: t("applications") },
        { href: "/scouts", label: t("scouts") },
      ],
    });
    if (actor.isManager) {
      groups.push({
        id: "team",
        label: t("groups.team"),
        links: [
          { href: "/team", label: t("team") },
          { href: "/inbox", label: t("inbox") },
          // HR reads the company's reports in its own group.
          ...(hr ? [] : [{ href: "/reports", label: t("reports") }]),
        ],
      });
    }
    if (hr) {
      groups.push({
        id: "hr",
        label: t("groups.hr"),
        links: [
          { href: "/hr/queue", label: t("hrQueue") },
          { href: "/reports", label: t("reports") },
          { href: "/settings", label: t("settings") },
          ...(isAdministrator(actor) ? [] : audit),
        ],
      });
    }
    if (isAdministrator(actor)) {
      groups.push({
        id: "admin",
        label: t("groups.admin"),
        links: [
          { href: "/admin/people", label: t("adminPeople") },
          { href: "/admin/departments", label: t("adminDepartments") },
          { href: "/admin/scim", label: t("adminScim") },
          { href: "/admin/import", label: t("adminImport") },
          { href: "/admin/skills", label: t("adminSkills") },
          { href: "/admin/career-map", label: t("adminCareerMap") },
          { href: "/admin/exports", label: t("adminExports") },
          ...audit,
        ],
      });
    }
  }
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand-700">
          {t("brand")}
        </Link>
        {actor ? <MainNav label={t("main")} links={links} groups={groups} /> : null}
        <div className="ml-auto flex items-center gap-4">
          <Suspense fallback={null}>
            <LanguageSwitch />
          </Suspense>
          {actor ? <SignOutButton /> : null}
        </div>
      </div>
    </header>
  );
}
