import { getDatabase } from "@/server/db";
import { handleAuditCsvRequest } from "@/server/trpc/audit-csv";

/** The audit trail as CSV (server/trpc/audit-csv.ts). */
export async function GET(request: Request) {
  return handleAuditCsvRequest(request, await getDatabase());
}
