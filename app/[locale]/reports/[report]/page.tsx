import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/app/_components/page-heading";
import { ReportFiltersForm } from "@/app/_components/report-filters";
import { filtersFromSearch, filtersQuery } from "@/app/_components/report-filters-query";
import { hasSuppressedHeadline, ReportHeadlines, SuppressionNote } from "@/app/_components/report-headlines";
import { ReportNav } from "@/app/_components/report-nav";
import { ReportTableSection } from "@/app/_components/report-table-section";
import { orNotFoundWhenRefused } from "@/app/_trpc/or-not-found";
import { getServerCaller } from "@/app/_trpc/server";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { reportIds, type ReportId } from "@/server/services/reports/report.schemas";

function reportIdFrom(segment: string): ReportId | null {
  return reportIds.find((id) => id === segment) ?? null;
}

export async function generateMetadata({ params }: PageProps<"/[locale]/reports/[report]">): Promise<Metadata> {
  const { locale, report } = await params;
  const id = reportIdFrom(report);
  const t = await getTranslations({ locale, namespace: "reports" });
  return { title: id ? t(`titles.${id}`) : t("title") };
}

/** One mobility report for HR (the whole company) or a manager (their organisation), filtered by the URL. */
export default async function ReportPage({ params, searchParams }: PageProps<"/[locale]/reports/[report]">) {
  const { report: segment, locale } = await signedInPage(params);
  const report = reportIdFrom(segment);
  if (!report) notFound();
  const caller = await getServerCaller();
  const options = await orNotFoundWhenRefused(caller.report.filterOptions());
  const filters = filtersFromSearch(await searchParams, options.defaults, options.maxMonths);
  const data = await orNotFoundWhenRefused(caller.report.get({ report, filters }));
  const t = await getTranslations("reports");
  return (
    <div className="space-y-6">
      <ReportNav current={report} filters={filters} />
      <PageHeading title={t(`titles.${report}`)} intro={t(`intros.${report}`)}>
        <p className="mt-1 text-sm text-slate-700">{t(`scope.${data.scope}`)}</p>
      </PageHeading>
      <ReportFiltersForm filters={filters} departments={options.departments} jobFamilies={options.jobFamilies} allowAllDepartments={options.scope === "company"} />
      <ReportHeadlines headlines={data.headlines} />
      {hasSuppressedHeadline(data.headlines) ? <SuppressionNote threshold={data.threshold} /> : null}
      {data.tables.map((table) => (
        <ReportTableSection
          key={table.id}
          table={table}
          threshold={data.threshold}
          csvHref={`/api/reports/${report}?${filtersQuery(filters, { table: table.id, locale })}`}
        />
      ))}
    </div>
  );
}
