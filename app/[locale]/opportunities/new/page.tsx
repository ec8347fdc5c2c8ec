import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OpportunityForm } from "@/app/_components/opportunity-form";
import { loadOpportunityFormData } from "@/app/_components/opportunity-form-data";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { PageHeading } from "@/app/_components/page-heading";
import { signedInPage } from "@/app/_trpc/signed-in-page";

export const generateMetadata = titleFrom("opportunities.form", "newTitle");

/** Posting an opportunity: managers for their own department, HR for any; nobody else. */
export default async function NewOpportunityPage({ params }: PageProps<"/[locale]/opportunities/new">) {
  await signedInPage(params);
  const data = await loadOpportunityFormData();
  // No department to post for: the page does not exist for this person.
  if (data.departments.length === 0) notFound();
  const t = await getTranslations("opportunities.form");
  return (
    <div className="space-y-6">
      <PageHeading title={t("newTitle")} intro={t("newIntro")} />
      <OpportunityForm {...data} />
    </div>
  );
}
