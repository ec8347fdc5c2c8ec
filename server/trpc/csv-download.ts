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

type Caller = ReturnType<typeof createCaller>;

/** What a download makes of its request: the file, or null when what it names does not exist. */
export type CsvBuilder = (request: {
  caller: Caller;
  url: URL;
  locale: Locale;
  translate: ReturnType<typeof serverTranslator>;
}) => Promise<{ body: string; fileName: string } | null>;

/**
 * A CSV download through the same procedures as the page: the signed-in session, the viewer's
 * scope, the translated errors (`?locale=ja|en`, else the browser's). Refused when a page of another
 * site asks for it; never cached. The file name must be ASCII.
 */
export async function handleCsvDownload(request: Request, db: Database, path: string, build: CsvBuilder): Promise<Response> {
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
    const file = await build({ caller: createCaller({ ...context, locale, requestId }), url, locale, translate });
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
