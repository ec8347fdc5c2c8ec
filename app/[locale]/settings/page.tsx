import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { PageHeading } from "@/app/_components/page-heading";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { SettingsForm } from "@/app/_components/settings-form";
import { getServerCaller } from "@/app/_trpc/server";
import { isHrStaff } from "@/server/auth/policies";
import { notFound } from "next/navigation";

export const generateMetadata = titleFrom("settings");

/** HR: the company's workflow settings. */
export default async function SettingsPage({ params }: PageProps<"/[locale]/settings">) {
  const { actor, locale } = await signedInPage(params);
  if (!isHrStaff(actor)) notFound();
  const t = await getTranslations("settings");
  const caller = await getServerCaller();
  const [settings, departments] = await Promise.all([caller.setting.get(), caller.opportunity.departments({ purpose: "browse" })]);
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      <SettingsForm initial={settings} departments={departments} locale={locale} />
    </div>
  );
}
