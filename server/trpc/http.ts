import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Database } from "@/db/client";
import { createContextFromHeaders } from "./context";
import { appRouter } from "./root";

/** Batches larger than this are refused (400): one request must not fan out into unbounded work. */
export const MAX_BATCH_SIZE = 20;

/** Serves tRPC over fetch (the Next.js route handler delegates here; tests call it directly). */
export function handleTrpcRequest(request: Request, db: Database, router = appRouter): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => createContextFromHeaders(db, request.headers),
  });
}
