import { randomUUID } from "node:crypto";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Database } from "@/db/client";
import { AppError } from "@/server/errors";
import { isLocale, type Locale, serverTranslator } from "@/server/i18n";
import { log, safeError } from "@/server/log";
import { createContextFromHeaders, localeFromHeaders } from "./context";
import { createCaller } from "./root";

export type CsvRequest = {
  caller: ReturnType<typeof createCaller>;
  locale: Locale;
  translate: ReturnType<typeof serverTranslator>;
  url: URL;
};

/**
 * A CSV download through the procedures (the signed-in session, the same policies as the pages):
 * `?locale=ja|en` picks the language (default: the request's). `produce` answers the file, or null
 * for "not found". Refused when a page of another site asks for it; never cached; a refusal or an
 * unexpected error is a translated plain-text answer (the latter with its reference, logged).
 */
export async function handleCsvDownload(
  request: Request,
  db: Database,
  path: string,
  produce: (csv: CsvRequest) => Promise<{ body: string; fileName: string } | null>,
): Promise<Response> {
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
    const file = await produce({ caller: createCaller({ ...context, locale, requestId }), locale, translate, url });
    if (!file) return plain(404, translate("errors.notFound"));
    return new Response(file.body, {
      status: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    const cause = error instanceof TRPCError ? error.cause : error;
    if (cause instanceof AppError) return plain(getHTTPStatusCodeFromError(error as TRPCError), translate(`errors.${cause.messageKey}` as "errors.notFound", cause.params));
    if (cause instanceof ZodError || (error instanceof TRPCError && error.code === "BAD_REQUEST")) return plain(400, translate("errors.invalidInput"));
    log.error({ requestId, path, error: safeError(cause ?? error) }, "unexpected error");
    return plain(500, translate("errors.unexpected", { correlationId: requestId }));
  }
}
