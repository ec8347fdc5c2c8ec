import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Link } from "@/app/_i18n/navigation";
import { getRequestContext } from "@/app/_trpc/server";
import { canAdministerOrganisation, isHrStaff } from "@/server/auth/policies";
import { LanguageSwitch } from "./language-switch";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

/** The top bar: it lists only what the signed-in person can use. */
export async function AppHeader() {
  const t = await getTranslations("nav");
  const { actor } = await getRequestContext();
  const links = actor
    ? [
        { href: "/", label: t("home") },
        { href: "/people", label: t("people") },
        { href: "/will", label: t("will") },
        { href: "/conversations", label: t("conversations") },
        { href: "/career-map", label: t("careerMap") },
        { href: "/opportunities", label: t("opportunities") },
        { href: "/recommendations", label: t("recommendations") },
        { href: "/applications", label: t("applications") },
        { href: "/scouts", label: t("scouts") },
        ...(actor.isManager ? [{ href: "/inbox", label: t("inbox") }] : []),
        ...(isHrStaff(actor) ? [{ href: "/hr/queue", label: t("hrQueue") }] : []),
        ...(actor.isManager ? [{ href: "/team", label: t("team") }] : []),
        ...(isHrStaff(actor) || actor.isManager ? [{ href: "/reports", label: t("reports") }] : []),
        ...(isHrStaff(actor) ? [{ href: "/settings", label: t("settings") }] : []),
        ...(canAdministerOrganisation(actor)
          ? [
              { href: "/admin/people", label: t("adminPeople") },
              { href: "/admin/departments", label: t("adminDepartments") },
            ]
          : []),
      ]
    : [];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand-700">
          {t("brand")}
        </Link>
        {links.length > 0 && (
          <nav aria-label={t("main")}>
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              {links.map((link) => (
                <li key={link.href}>
                  <NavLink href={link.href}>{link.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
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
