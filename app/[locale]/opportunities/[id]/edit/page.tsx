import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OpportunityForm } from "@/app/_components/opportunity-form";
import { loadOpportunityFormData } from "@/app/_components/opportunity-form-data";
import { titleFrom } from "@/app/_components/page-metadata";
import { requireActor } from "@/app/_components/require-actor";
import { idFromPath, orNotFound } from "@/app/_trpc/or-not-found";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("opportunities.form", "editTitle");

/** Editing a draft or open posting: its owner or HR; a closed or filled one is history. */
export default async function EditOpportunityPage({ params }: PageProps<"/[locale]/opportunities/[id]/edit">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireActor(locale);
  const opportunityId = idFromPath(id);
  const opportunity = await orNotFound((await getServerCaller()).opportunity.byId({ opportunityId }));
  if (!opportunity.canEdit || opportunity.status === "closed" || opportunity.status === "filled") notFound();
  const data = await loadOpportunityFormData();
  const t = await getTranslations("opportunities.form");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("editTitle")}</h1>
        <p className="mt-2 text-slate-700">{t("editIntro", { title: opportunity.title })}</p>
      </div>
      <OpportunityForm {...data} initial={opportunity} />
    </div>
  );
}
