import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getDatabase } from "@/server/db";
import { type Context, createContextFromHeaders } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

/** The request's tRPC context (actor from the session cookie), once per server render. */
export const getRequestContext = cache(async (): Promise<Context> => {
  const requestHeaders = await headers();
  return createContextFromHeaders(await getDatabase(), requestHeaders);
});

/** Calls procedures from Server Components, through the same tiers and policies as HTTP. */
export const getServerCaller = cache(async () => createCaller(await getRequestContext()));
