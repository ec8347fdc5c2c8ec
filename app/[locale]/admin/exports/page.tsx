import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CardSection } from "@/app/_components/card-section";
import { PageHeading } from "@/app/_components/page-heading";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { canExportCompanyData, canExportWillsSharedWithHr } from "@/server/auth/policies";
import { exportTables } from "@/server/services/exports/data-export.schemas";

export const generateMetadata = titleFrom("exports");

/** Admin: the company-wide CSV exports (people, skills, and for an admin who is also HR, Wills shared with HR). */
export default async function ExportsPage({ params }: PageProps<"/[locale]/admin/exports">) {
  const { actor, locale } = await signedInPage(params);
  if (!canExportCompanyData(actor)) notFound();
  const t = await getTranslations("exports");
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      {exportTables.map((table) => (
        <CardSection key={table} headingId={`export-${table}`} title={t(`${table}.title`)}>
          <p className="mt-1 text-slate-700">{t(`${table}.description`)}</p>
          {table === "wills" && !canExportWillsSharedWithHr(actor) ? (
            <p className="mt-3 text-slate-700">{t("wills.hrOnly")}</p>
          ) : (
            <a href={`/api/exports/${table}?locale=${locale}`} download className="mt-3 inline-block text-brand-700 underline">
              {t("download", { name: t(`${table}.title`) })}
            </a>
          )}
        </CardSection>
      ))}
    </div>
  );
}
