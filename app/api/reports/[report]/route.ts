import { getDatabase } from "@/server/db";
import { handleReportCsvRequest } from "@/server/trpc/report-csv";

/** One report table as CSV (server/trpc/report-csv.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }) {
  return handleReportCsvRequest(request, await getDatabase(), (await params).report);
}
