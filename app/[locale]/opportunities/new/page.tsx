import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OpportunityForm } from "@/app/_components/opportunity-form";
import { loadOpportunityFormData } from "@/app/_components/opportunity-form-data";
import { titleFrom } from "@/app/_components/page-metadata";
import { requireActor } from "@/app/_components/require-actor";

export const generateMetadata = titleFrom("opportunities.form", "newTitle");

/** Posting an opportunity: managers for their own department, HR for any; nobody else. */
export default async function NewOpportunityPage({ params }: PageProps<"/[locale]/opportunities/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireActor(locale);
  const data = await loadOpportunityFormData();
  // No department to post for: the page does not exist for this person.
  if (data.departments.length === 0) notFound();
  const t = await getTranslations("opportunities.form");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
        <p className="mt-2 text-slate-700">{t("newIntro")}</p>
      </div>
      <OpportunityForm {...data} />
    </div>
  );
}
