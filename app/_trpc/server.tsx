import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getDatabase } from "@/server/db";
import { type Context, createContextFromHeaders } from "@/server/trpc/context";
import { logUnexpectedError } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";

/** The request's tRPC context (actor from the session cookie), once per server render. */
export const getRequestContext = cache(async (): Promise<Context> => {
  const requestHeaders = await headers();
  return createContextFromHeaders(await getDatabase(), requestHeaders);
});

/**
 * Calls procedures from Server Components, through the same tiers and policies as HTTP. Errors
 * here skip the HTTP error formatter, so an unexpected one is logged here, under the render's request id.
 */
export const getServerCaller = cache(async () => {
  const context = await getRequestContext();
  return createCaller(context, { onError: ({ error, path }) => logUnexpectedError(error, context.requestId, path) });
});
