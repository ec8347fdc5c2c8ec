import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { PageHeading } from "@/app/_components/page-heading";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { SettingsForm } from "@/app/_components/settings-form";
import { getServerCaller } from "@/app/_trpc/server";
import { isHrStaff } from "@/server/auth/policies";
import { notFound } from "next/navigation";
import { departmentTree } from "@/app/_components/report-department-tree";

export const generateMetadata = titleFrom("settings");

/** HR: the company's workflow settings. */
export default async function SettingsPage({ params }: PageProps<"/[locale]/settings">) {
  const { actor, locale } = await signedInPage(params);
  if (!isHrStaff(actor)) notFound();
  const t = await getTranslations("settings");
  const caller = await getServerCaller();
  // The report filters' department tree: HR's scope is the whole company, in the order of the organisation.
  const [settings, options] = await Promise.all([caller.setting.get(), caller.report.filterOptions()]);
  const departments = departmentTree(options.departments);
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      <SettingsForm initial={settings} departments={departments} locale={locale} />
    </div>
  );
}
