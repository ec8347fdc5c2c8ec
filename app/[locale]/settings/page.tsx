import { getTranslations, setRequestLocale } from "next-intl/server";
import { titleFrom } from "@/app/_components/page-metadata";
import { requireActor } from "@/app/_components/require-actor";
import { SettingsForm } from "@/app/_components/settings-form";
import { getServerCaller } from "@/app/_trpc/server";
import { isHrStaff } from "@/server/auth/policies";
import { notFound } from "next/navigation";

export const generateMetadata = titleFrom("settings");

/** HR: the company's workflow settings. */
export default async function SettingsPage({ params }: PageProps<"/[locale]/settings">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale);
  if (!isHrStaff(actor)) notFound();
  const t = await getTranslations("settings");
  const settings = await (await getServerCaller()).setting.get();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("intro")}</p>
      </div>
      <SettingsForm initial={settings} />
    </div>
  );
}
