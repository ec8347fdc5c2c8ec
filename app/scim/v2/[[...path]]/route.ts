import { getDatabase } from "@/server/db";
import { handleScimRequest } from "@/server/http/scim";

/** The SCIM 2.0 endpoint for identity providers (server/http/scim.ts). */
async function handle(request: Request, { params }: { params: Promise<{ path?: string[] }> }) {
  return handleScimRequest(request, await getDatabase(), (await params).path ?? []);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
