import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OpportunityForm } from "@/app/_components/opportunity-form";
import { loadOpportunityFormData } from "@/app/_components/opportunity-form-data";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { PageHeading } from "@/app/_components/page-heading";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { idFromPath, orNotFound } from "@/app/_trpc/or-not-found";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("opportunities.form", "editTitle");

/** Editing a draft or open posting: its owner or HR; a closed or filled one is history. */
export default async function EditOpportunityPage({ params }: PageProps<"/[locale]/opportunities/[id]/edit">) {
  const { id } = await signedInPage(params);
  const opportunityId = idFromPath(id);
  const opportunity = await orNotFound((await getServerCaller()).opportunity.byId({ opportunityId }));
  if (!opportunity.canEdit || opportunity.status === "closed" || opportunity.status === "filled") notFound();
  const data = await loadOpportunityFormData(opportunity.roleId);
  const t = await getTranslations("opportunities.form");
  return (
    <div className="space-y-6">
      <PageHeading title={t("editTitle")} intro={t("editIntro", { title: opportunity.title })} />
      <OpportunityForm {...data} initial={opportunity} />
    </div>
  );
}
