import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/app/_components/page-heading";
import { ReportFiltersForm } from "@/app/_components/report-filters";
import { filtersFromSearch, filtersQuery } from "@/app/_components/report-filters-query";
import { ReportHeadlines } from "@/app/_components/report-headlines";
import { Link } from "@/app/_i18n/navigation";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { orNotFoundWhenRefused } from "@/app/_trpc/or-not-found";
import { getServerCaller } from "@/app/_trpc/server";
import { signedInPage } from "@/app/_trpc/signed-in-page";

export const generateMetadata = titleFrom("reports");

/** The reports home: each report's headline figures with their formulas, and a link to the report. */
export default async function ReportsHomePage({ params, searchParams }: PageProps<"/[locale]/reports">) {
  await signedInPage(params);
  const caller = await getServerCaller();
  const options = await orNotFoundWhenRefused(caller.report.filterOptions());
  const filters = filtersFromSearch(await searchParams, options.defaults, options.maxMonths);
  const home = await orNotFoundWhenRefused(caller.report.home({ filters }));
  const t = await getTranslations("reports");
  const query = filtersQuery(filters);
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")}>
        <p className="mt-1 text-sm text-slate-700">{t(`scope.${options.scope}`)}</p>
      </PageHeading>
      <ReportFiltersForm filters={filters} departments={options.departments} jobFamilies={options.jobFamilies} allowAllDepartments={options.scope === "company"} />
      <ul className="space-y-6">
        {home.reports.map((entry) => (
          <li key={entry.report}>
            <section aria-labelledby={`report-${entry.report}`} className="space-y-3">
              <div>
                <h2 id={`report-${entry.report}`} className="text-xl font-semibold">
                  <Link href={`/reports/${entry.report}?${query}`} className="text-brand-700 underline">
                    {t(`titles.${entry.report}`)}
                  </Link>
                </h2>
                <p className="text-sm text-slate-700">{t(`intros.${entry.report}`)}</p>
              </div>
              <ReportHeadlines headlines={entry.headlines} labelledBy={`report-${entry.report}`} />
            </section>
          </li>
        ))}
      </ul>
    </div>
  );
}
