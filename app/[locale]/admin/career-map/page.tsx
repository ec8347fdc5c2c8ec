import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CareerMapEditor } from "@/app/_components/career-map-editor";
import { PageHeading } from "@/app/_components/page-heading";
import { Link } from "@/app/_i18n/navigation";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { getServerCaller } from "@/app/_trpc/server";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { canEditCareerMap } from "@/server/auth/policies";

export const generateMetadata = titleFrom("adminCareerMap");

/** Administrators: job families, roles, their levels and the paths between them. */
export default async function AdminCareerMapPage({ params }: PageProps<"/[locale]/admin/career-map">) {
  const { actor, locale } = await signedInPage(params);
  if (!canEditCareerMap(actor)) notFound();
  const t = await getTranslations("adminCareerMap");
  const outline = await (await getServerCaller()).careerMap.outline();
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")}>
        <p className="mt-3">
          <Link href="/admin/skills" className="font-semibold text-brand-700 underline">
            {t("taxonomyLink")}
          </Link>
        </p>
      </PageHeading>
      <CareerMapEditor outline={outline} locale={locale} />
    </div>
  );
}
