import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AdminDepartmentForm, AdminNewDepartmentForm } from "@/app/_components/admin-department-editor";
import { PageHeading } from "@/app/_components/page-heading";
import { pick } from "@/app/_i18n/localized";
import { Link } from "@/app/_i18n/navigation";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { getServerCaller } from "@/app/_trpc/server";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { canAdministerOrganisation } from "@/server/auth/policies";

export const generateMetadata = titleFrom("adminDepartments");

/** Administrators: the department tree — each department opens to rename it, move it or name its head. */
export default async function AdminDepartmentsPage({ params }: PageProps<"/[locale]/admin/departments">) {
  const { actor, locale } = await signedInPage(params);
  if (!canAdministerOrganisation(actor)) notFound();
  const t = await getTranslations("adminDepartments");
  const options = await (await getServerCaller()).organisation.options();
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")}>
        <p className="mt-3">
          <Link href="/admin/people" className="text-brand-700 underline">
            {t("toPeople")}
          </Link>
        </p>
      </PageHeading>
      <AdminNewDepartmentForm options={options} locale={locale} />
      <section aria-labelledby="tree-heading" className="space-y-2">
        <h2 id="tree-heading" className="text-lg font-semibold">
          {t("treeHeading")}
        </h2>
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {options.departments.map((department) => (
            <li key={department.id} style={{ paddingInlineStart: `${1 + department.depth * 1.5}rem` }} className="py-2 pr-4">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-medium">{pick(department.name, locale)}</span>
                  <span className="ml-3 text-sm text-slate-600">{department.code}</span>
                  <span className="ml-3 text-sm text-slate-700">
                    {t("summary", { members: department.members, head: department.head ? pick(department.head, locale) : t("noHead") })}
                  </span>
                </summary>
                <div className="mt-3">
                  <AdminDepartmentForm department={department} options={options} locale={locale} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
