import { getDatabase } from "@/server/db";
import { readEnv } from "@/server/env";
import { handleDemoSignIn } from "@/server/http/demo-sign-in";

/** One-click demo sign-in (server/http/demo-sign-in.ts). */
export async function POST(request: Request) {
  return handleDemoSignIn(request, await getDatabase(), readEnv());
}
