import { getDatabase } from "@/server/db";
import { handleDataExportRequest } from "@/server/trpc/data-export-csv";

/** A company-wide export as CSV (server/trpc/data-export-csv.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  return handleDataExportRequest(request, await getDatabase(), (await params).table);
}
