import { getLocale, getTranslations } from "next-intl/server";
import { pick } from "@/app/_i18n/localized";
import { NotInterestedButton } from "@/app/_components/match-actions";
import { MatchExplanation, MatchScore } from "@/app/_components/match-explanation";
import { KindBadge } from "@/app/_components/opportunity-badges";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { PageHeading } from "@/app/_components/page-heading";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { Link } from "@/app/_i18n/navigation";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("recommendations");

/** "Recommended for you": open postings ranked for the viewer, each with every reason and what-if. */
export default async function RecommendationsPage({ params }: PageProps<"/[locale]/recommendations">) {
  await signedInPage(params);
  const t = await getTranslations("recommendations");
  const currentLocale = await getLocale();
  const recommendations = await (await getServerCaller()).matching.recommendations({ limit: 20 });

  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")}>
        <p className="mt-1 text-sm text-slate-600">{t("fairness")}</p>
      </PageHeading>
      {recommendations.length === 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          <p className="font-medium">{t("empty")}</p>
          <p className="mt-1 text-slate-700">{t("emptyHint")}</p>
          <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-1">
            <li>
              <Link href="/profile" className="text-brand-700 underline">
                {t("updateSkills")}
              </Link>
            </li>
            <li>
              <Link href="/will" className="text-brand-700 underline">
                {t("writeWill")}
              </Link>
            </li>
            <li>
              <Link href="/opportunities" className="text-brand-700 underline">
                {t("browse")}
              </Link>
            </li>
          </ul>
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            {t("count", { count: recommendations.length })} · {t("notInterestedHint")}
          </p>
          <ul className="space-y-4">
            {recommendations.map(({ opportunity, explanation }) => (
              <li key={opportunity.id}>
                <article aria-labelledby={`recommendation-${opportunity.id}`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
                  <div className="flex flex-wrap items-start justify-between gap-4">
                    <div className="space-y-1">
                      <div className="flex flex-wrap items-center gap-2">
                        <KindBadge kind={opportunity.kind} />
                        <MatchScore total={explanation.total} />
                      </div>
                      <h2 id={`recommendation-${opportunity.id}`} className="text-lg font-semibold">
                        <Link href={`/opportunities/${opportunity.id}`} className="text-brand-700 underline">
                          {opportunity.title}
                        </Link>
                      </h2>
                      <p className="text-sm text-slate-700">
                        {t("department")}: {pick(opportunity.department, currentLocale)}
                      </p>
                    </div>
                    <NotInterestedButton opportunityId={opportunity.id} title={opportunity.title} />
                  </div>
                  <MatchExplanation explanation={explanation} />
                </article>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
