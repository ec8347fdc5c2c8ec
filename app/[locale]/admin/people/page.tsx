import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Pagination } from "@/app/_components/pagination";
import { PageHeading } from "@/app/_components/page-heading";
import { SearchField } from "@/app/_components/search-field";
import { displayName, pick, secondaryName } from "@/app/_i18n/localized";
import { Link } from "@/app/_i18n/navigation";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { getServerCaller } from "@/app/_trpc/server";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { canAdministerOrganisation } from "@/server/auth/policies";

const PAGE_SIZE = 50;

export const generateMetadata = titleFrom("adminPeople");

/** Administrators: everyone in the company, leavers too, searchable by name, reading, number or e-mail. */
export default async function AdminPeoplePage({ params, searchParams }: PageProps<"/[locale]/admin/people">) {
  const { actor, locale } = await signedInPage(params);
  if (!canAdministerOrganisation(actor)) notFound();
  const t = await getTranslations("adminPeople");
  const query = await searchParams;
  const q = typeof query.q === "string" ? query.q.slice(0, 100) : "";
  const page = Math.max(1, Math.min(2000, Number(query.page) || 1));
  const result = await (await getServerCaller()).organisation.people({ query: q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")}>
        <p className="mt-3 flex flex-wrap gap-4">
          <Link href="/admin/people/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("addPerson")}
          </Link>
          <Link href="/admin/departments" className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50">
            {t("toDepartments")}
          </Link>
        </p>
      </PageHeading>
      <form role="search" method="get" className="flex flex-wrap items-end gap-2">
        <SearchField id="admin-people-q" name="q" label={t("searchLabel")} defaultValue={q} maxLength={100} placeholder={t("searchPlaceholder")} width="w-80" />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("search")}
        </button>
      </form>
      <p aria-live="polite" className="text-sm text-slate-700">
        {t("count", { count: result.total })}
      </p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {result.items.map((person) => (
          <li key={person.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-3">
            <Link href={`/admin/people/${person.id}`} className="font-medium text-brand-700 underline">
              {displayName(person, locale)}
            </Link>
            <span className="text-sm text-slate-600">{secondaryName(person, locale)}</span>
            <span className="text-sm text-slate-700">{person.employeeNumber}</span>
            <span className="text-sm text-slate-700">
              {pick(person.department, locale)} · {pick(person.role, locale)}
            </span>
            {person.concurrentPosts > 0 ? <span className="text-sm text-brand-800">{t("concurrentCount", { count: person.concurrentPosts })}</span> : null}
            {person.isHr ? <span className="rounded bg-slate-100 px-2 text-sm">{t("hrBadge")}</span> : null}
            {person.isAdmin ? <span className="rounded bg-slate-100 px-2 text-sm">{t("adminBadge")}</span> : null}
            {person.active ? null : <span className="rounded bg-amber-100 px-2 text-sm text-amber-900">{t("inactiveBadge")}</span>}
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} pathname="/admin/people" query={q ? { q } : {}} />
    </div>
  );
}
