import { displayName } from "@/app/_i18n/localized";
import type { Database } from "@/db/client";
import { auditChange, auditValueText, japanTimestamp } from "@/server/services/audit/audit.format";
import { csvDocument } from "@/server/services/common/csv";
import { handleCsvDownload } from "./csv-download";

/** The URL's filter parameters, named as on the audit page. */
const filterParameters = ["actor", "entityType", "entityId", "action", "fromDate", "toDate"] as const;

/**
 * The audit trail as a CSV download: `GET /api/audit?actor=…&entityType=…&entityId=…&action=…
 * &fromDate=YYYY-MM-DD&toDate=YYYY-MM-DD&locale=ja|en`, through `audit.export` (the viewer's scope),
 * newest first. Times are in Japan; before, after and details as the page shows them.
 */
export async function handleAuditCsvRequest(request: Request, db: Database): Promise<Response> {
  return handleCsvDownload(request, db, "audit.csv", async ({ caller, url, locale, translate }) => {
    const filters = Object.fromEntries(filterParameters.flatMap((name) => (url.searchParams.get(name) ? [[name, url.searchParams.get(name)!]] : [])));
    const { items, truncated } = await caller.audit.export(filters);
    const columns = ["at", "actor", "action", "entityType", "entityId", "before", "after", "details"] as const;
    const lines: string[][] = [columns.map((column) => translate(`audit.columns.${column}`))];
    for (const entry of items) {
      const change = auditChange(entry.data);
      lines.push([
        japanTimestamp(entry.at),
        entry.actor ? displayName(entry.actor, locale) : translate("audit.system"),
        entry.action,
        entry.entityType,
        entry.entityId,
        change.hasChange ? auditValueText(change.before) : "",
        change.hasChange ? auditValueText(change.after) : "",
        change.details.map(([key, value]) => `${key}: ${auditValueText(value)}`).join("; "),
      ]);
    }
    if (truncated) lines.push([translate("audit.truncated")]);
    return { body: csvDocument(lines), fileName: `audit-${japanTimestamp(new Date()).slice(0, 10)}.csv` };
  });
}
