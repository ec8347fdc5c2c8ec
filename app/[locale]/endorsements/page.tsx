import { getLocale, getTranslations } from "next-intl/server";
import { EndorseForm } from "@/app/_components/endorse-form";
import { displayName } from "@/app/_i18n/localized";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { PageHeading } from "@/app/_components/page-heading";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("endorsements");

/** Owners of ended projects and rotations endorse the skills people used there. */
export default async function EndorsementsPage({ params }: PageProps<"/[locale]/endorsements">) {
  await signedInPage(params);
  const t = await getTranslations("endorsements");
  const currentLocale = await getLocale();
  const waiting = await (await getServerCaller()).participation.toEndorse();
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      {waiting.length === 0 ? <p className="text-slate-700">{t("empty")}</p> : null}
      <ul className="space-y-4">
        {waiting.map((item) => (
          <li key={item.participationId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold">{item.opportunityTitle}</h2>
            <p className="text-sm text-slate-700">{t("period", { name: displayName(item.person, currentLocale), start: item.startOn, end: item.endOn ?? "—" })}</p>
            <div className="mt-3">
              <EndorseForm participationId={item.participationId} suggested={item.suggestedSkills} personName={displayName(item.person, currentLocale)} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
