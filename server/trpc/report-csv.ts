import { randomUUID } from "node:crypto";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Database } from "@/db/client";
import { AppError } from "@/server/errors";
import { isLocale, type Locale, serverTranslator } from "@/server/i18n";
import { log, safeError } from "@/server/log";
import { csvFileName, tableToCsv } from "@/server/services/reports/csv";
import { createContextFromHeaders, localeFromHeaders } from "./context";
import { createCaller } from "./root";

/**
 * A report table as a CSV download: `GET /api/reports/<report>?table=<id>&from=YYYY-MM&to=YYYY-MM
 * &department=<id>&family=<id>&locale=ja|en`. It goes through the same procedure as the page
 * (`report.get`: the signed-in session, the viewer's scope, the same suppression), so the file holds
 * exactly the table the viewer sees. Refused when a page of another site asks for it; never cached.
 */
export async function handleReportCsvRequest(request: Request, db: Database, report: string): Promise<Response> {
  const url = new URL(request.url);
  const localeParameter = url.searchParams.get("locale");
  const locale: Locale = isLocale(localeParameter) ? localeParameter : localeFromHeaders(request.headers);
  const translate = serverTranslator(locale);
  const plain = (status: number, message: string) => new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  if (request.headers.get("sec-fetch-site") === "cross-site") return plain(403, translate("errors.crossSiteRequest"));

  const requestId = randomUUID();
  try {
    const context = await createContextFromHeaders(db, request.headers);
    if (!context.actor) return plain(401, translate("errors.unauthorized"));
    const number = (name: string) => {
      const value = url.searchParams.get(name);
      return value === null || value === "" ? null : /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
    };
    const month = (name: string) => url.searchParams.get(name) ?? undefined;
    const result = await createCaller({ ...context, locale, requestId }).report.get({
      report: report as "mobility",
      filters: { from: month("from"), to: month("to"), departmentId: number("department"), jobFamilyId: number("family") },
    });
    const table = result.tables.find((candidate) => candidate.id === url.searchParams.get("table"));
    if (!table) return plain(404, translate("errors.notFound"));
    const body = tableToCsv(table, { locale, translate: (key) => translate(`reports.${key}` as "reports.total") });
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${csvFileName(result.report, table.id, result.filters.from, result.filters.to)}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    const cause = error instanceof TRPCError ? error.cause : error;
    if (cause instanceof AppError) return plain(getHTTPStatusCodeFromError(error as TRPCError), translate(`errors.${cause.messageKey}` as "errors.notFound", cause.params));
    if (cause instanceof ZodError || (error instanceof TRPCError && error.code === "BAD_REQUEST")) return plain(400, translate("errors.invalidInput"));
    log.error({ requestId, path: "report.csv", error: safeError(cause ?? error) }, "unexpected error");
    return plain(500, translate("errors.unexpected", { correlationId: requestId }));
  }
}
