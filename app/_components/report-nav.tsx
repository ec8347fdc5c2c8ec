import { Link } from "@/app/_i18n/navigation";
import { reportIds, type ReportFilters, type ReportId } from "@/server/services/reports/report.schemas";
import { reportContext } from "./report-context";
import { filtersQuery } from "./report-filters-query";

/** Links to every report with the same filters, the current one marked. */
export async function ReportNav({ current, filters }: { current: ReportId | null; filters: ReportFilters }) {
  const { t } = await reportContext();
  const query = filtersQuery(filters);
  return (
    <nav aria-label={t("navLabel")}>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <li>
          <Link href={`/reports?${query}`} aria-current={current === null ? "page" : undefined} className={current === null ? "font-semibold text-slate-900" : "text-brand-700 underline"}>
            {t("home")}
          </Link>
        </li>
        {reportIds.map((id) => (
          <li key={id}>
            <Link href={`/reports/${id}?${query}`} aria-current={current === id ? "page" : undefined} className={current === id ? "font-semibold text-slate-900" : "text-brand-700 underline"}>
              {t(`titles.${id}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
