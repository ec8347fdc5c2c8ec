import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Database } from "@/db/client";
import { readEnv } from "@/server/env";
import { serverTranslator } from "@/server/i18n";
import { createContextFromHeaders, localeFromHeaders } from "./context";
import { appRouter } from "./root";

/** Batches larger than this are refused (400): one request must not fan out into unbounded work. */
export const MAX_BATCH_SIZE = 20;

/**
 * Why a mutation (a POST) is refused before it reaches a procedure, or null when it may proceed.
 * Only JSON from a page of this site: a cross-site form (multipart, urlencoded or text/plain needs
 * no CORS preflight) or a request from another origin cannot act with the visitor's cookie.
 */
export function crossSiteRefusal(request: Request, publicUrl: string | undefined): "notJson" | "crossSite" | null {
  if (request.method !== "POST") return null;
  const contentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json") return "notJson";
  if (request.headers.get("sec-fetch-site") === "cross-site") return "crossSite";
  const origin = request.headers.get("origin");
  if (!origin) return "crossSite";
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "crossSite";
  }
  const ownHosts = [request.headers.get("host"), new URL(request.url).host, publicUrl ? new URL(publicUrl).host : null];
  return ownHosts.includes(originHost) ? null : "crossSite";
}

/** A refusal in tRPC's error shape, translated, so the client shows it like any other error. */
function refusalResponse(request: Request, reason: "notJson" | "crossSite"): Response {
  const status = reason === "notJson" ? 415 : 403;
  const message = serverTranslator(localeFromHeaders(request.headers))(`errors.${reason}Request` as "errors.crossSiteRequest");
  const body = { error: { json: { message, code: -32003, data: { code: "FORBIDDEN", httpStatus: status } } } };
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/**
 * Serves tRPC over fetch (the Next.js route handler delegates here; tests call it directly).
 * Every answer is per person, so none may be stored by a browser or a shared cache.
 */
export async function handleTrpcRequest(request: Request, db: Database, router = appRouter): Promise<Response> {
  const refusal = crossSiteRefusal(request, readEnv().NEXTAUTH_URL);
  if (refusal) return refusalResponse(request, refusal);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => createContextFromHeaders(db, request.headers),
    responseMeta: () => ({ headers: new Headers({ "cache-control": "no-store" }) }),
  });
}
