import { pick, type Bilingual } from "@/app/_i18n/localized";
import type { ReportFilters } from "@/server/services/reports/report.schemas";
import { reportContext } from "./report-context";
import { departmentTree, type DepartmentOption } from "./report-department-tree";
import { SearchField } from "./search-field";

type Props = {
  filters: ReportFilters;
  departments: DepartmentOption[];
  jobFamilies: { id: number; name: Bilingual }[];
  /** HR may look at the whole company; a manager's reports always stay within their organisation. */
  allowAllDepartments: boolean;
};

/**
 * The report filters as a plain GET form: it works without JavaScript, and the URL it leads to
 * carries the period, department and job family, so a filtered report can be bookmarked and shared.
 */
export async function ReportFiltersForm({ filters, departments, jobFamilies, allowAllDepartments }: Props) {
  const { t, locale } = await reportContext();
  const tree = departmentTree(departments);
  return (
    <form role="search" aria-label={t("filters.label")} method="get" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SearchField id="report-from" name="from" type="month" label={t("filters.from")} defaultValue={filters.from} required />
        <SearchField id="report-to" name="to" type="month" label={t("filters.to")} defaultValue={filters.to} required />
        <div className="flex flex-col gap-1">
          <label htmlFor="report-department" className="text-sm font-medium">
            {t("filters.department")}
          </label>
          <select
            id="report-department"
            name="department"
            aria-describedby="report-department-hint"
            defaultValue={filters.departmentId === null ? "" : String(filters.departmentId)}
            className="w-full rounded border border-slate-400 bg-white px-3 py-2"
          >
            {allowAllDepartments ? <option value="">{t("filters.allDepartments")}</option> : null}
            {tree.map((department) => (
              <option key={department.id} value={department.id}>
                {`${"　".repeat(department.depth)}${pick(department.name, locale)}`}
              </option>
            ))}
          </select>
          <p id="report-department-hint" className="text-sm text-slate-600">
            {t("filters.departmentHint")}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="report-family" className="text-sm font-medium">
            {t("filters.jobFamily")}
          </label>
          <select
            id="report-family"
            name="family"
            defaultValue={filters.jobFamilyId === null ? "" : String(filters.jobFamilyId)}
            className="w-full rounded border border-slate-400 bg-white px-3 py-2"
          >
            <option value="">{t("filters.allJobFamilies")}</option>
            {jobFamilies.map((family) => (
              <option key={family.id} value={family.id}>
                {pick(family.name, locale)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        {t("filters.submit")}
      </button>
    </form>
  );
}
