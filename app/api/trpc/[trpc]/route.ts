import { getDatabase } from "@/server/db";
import { handleTrpcRequest } from "@/server/trpc/http";

async function handler(request: Request) {
  return handleTrpcRequest(request, await getDatabase());
}

export { handler as GET, handler as POST };
