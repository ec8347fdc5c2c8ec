import type { Database } from "@/db/client";
import { csvFileName, tableToCsv } from "@/server/services/reports/csv";
import { handleCsvDownload } from "./csv-download";

/**
 * A report table as a CSV download: `GET /api/reports/<report>?table=<id>&from=YYYY-MM&to=YYYY-MM
 * &department=<id>&family=<id>&locale=ja|en`. It goes through the same procedure as the page
 * (`report.get`: the signed-in session, the viewer's scope, the same suppression), so the file holds
 * exactly the table the viewer sees (server/trpc/csv-download.ts).
 */
export async function handleReportCsvRequest(request: Request, db: Database, report: string): Promise<Response> {
  return handleCsvDownload(request, db, "report.csv", async ({ caller, locale, translate, url }) => {
    const number = (name: string) => {
      const value = url.searchParams.get(name);
      return value === null || value === "" ? null : /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
    };
    const month = (name: string) => url.searchParams.get(name) ?? undefined;
    const result = await caller.report.get({
      report: report as "mobility",
      filters: { from: month("from"), to: month("to"), departmentId: number("department"), jobFamilyId: number("family") },
    });
    const table = result.tables.find((candidate) => candidate.id === url.searchParams.get("table"));
    if (!table) return null;
    return {
      body: tableToCsv(table, { locale, translate: (key) => translate(`reports.${key}` as "reports.total") }),
      fileName: csvFileName(result.report, table.id, result.filters.from, result.filters.to),
    };
  });
}
