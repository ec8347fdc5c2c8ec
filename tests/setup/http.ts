import superjson from "superjson";
import type { Database } from "../../db/client";
import { sessionCookieName } from "../../server/auth/session-cookie";
import { createSessionForPerson } from "../../server/services/session/session.service";
import { handleTrpcRequest } from "../../server/trpc/http";
import type { appRouter } from "../../server/trpc/root";

/** A signed-in Cookie header for a person, through a real database session. */
export async function sessionCookieFor(db: Database, personId: number): Promise<string> {
  const { sessionToken } = await createSessionForPerson(db, personId);
  return `${sessionCookieName(undefined)}=${sessionToken}`;
}

export type TrpcErrorBody = { error: { json: { message: string; data: Record<string, unknown> } } };

export type TrpcRequestOptions = {
  path: string;
  input?: unknown;
  method?: "GET" | "POST";
  cookie?: string;
  locale?: string;
  origin?: string;
  /** The input exactly as sent instead of `input` (the `input` parameter of a GET, the body of a POST): for malformed requests. */
  raw?: string;
};

/** One tRPC request as the browser sends it to `baseUrl`. */
function trpcRequest(baseUrl: string, options: TrpcRequestOptions): Request {
  const method = options.method ?? "GET";
  const encoded = options.raw ?? JSON.stringify(superjson.serialize(options.input));
  const url = new URL(`${baseUrl}/api/trpc/${options.path}`);
  if (method === "GET" && (options.input !== undefined || options.raw !== undefined)) url.searchParams.set("input", encoded);
  const headers = new Headers({ "content-type": "application/json" });
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.locale) headers.set("x-kakezan-locale", options.locale);
  // What a browser sends with a same-origin fetch; mutations without it are refused.
  if (method === "POST") headers.set("origin", options.origin ?? new URL(baseUrl).origin);
  return new Request(url, { method, headers, body: method === "POST" ? encoded : undefined });
}

/** Sends one tRPC request through the real fetch handler, as the browser does. */
export async function trpcHttp(db: Database, options: TrpcRequestOptions & { router?: typeof appRouter }) {
  const response = await handleTrpcRequest(trpcRequest("http://localhost", options), db, options.router);
  return { status: response.status, body: (await response.json()) as unknown };
}

/**
 * Sends one tRPC request over the network to a running app process (tests/setup/app-process.ts).
 * Given up after 15 s, so a hanging server fails the test instead of stalling it.
 */
export async function trpcFetch(baseUrl: string, options: TrpcRequestOptions) {
  const response = await fetch(trpcRequest(baseUrl, options), { signal: AbortSignal.timeout(15_000) });
  return { status: response.status, text: await response.text() };
}
