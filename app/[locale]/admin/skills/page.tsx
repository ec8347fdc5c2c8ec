import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeading } from "@/app/_components/page-heading";
import { TaxonomyEditor } from "@/app/_components/taxonomy-editor";
import { Link } from "@/app/_i18n/navigation";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { getServerCaller } from "@/app/_trpc/server";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { canEditTaxonomy } from "@/server/auth/policies";

export const generateMetadata = titleFrom("adminTaxonomy");

/** Administrators: the skill taxonomy — skills, categories, adjacency, merging and retiring. */
export default async function AdminSkillsPage({ params }: PageProps<"/[locale]/admin/skills">) {
  const { actor, locale } = await signedInPage(params);
  if (!canEditTaxonomy(actor)) notFound();
  const t = await getTranslations("adminTaxonomy");
  const taxonomy = await (await getServerCaller()).taxonomy.overview();
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")}>
        <p className="mt-3">
          <Link href="/admin/career-map" className="font-semibold text-brand-700 underline">
            {t("careerMapLink")}
          </Link>
        </p>
      </PageHeading>
      <TaxonomyEditor taxonomy={taxonomy} locale={locale} />
    </div>
  );
}
