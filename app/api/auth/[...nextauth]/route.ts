import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { buildAuthOptions } from "@/server/auth/options";
import { getDatabase } from "@/server/db";
import { readEnv } from "@/server/env";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: RouteContext) {
  return NextAuth(request, context, buildAuthOptions(await getDatabase(), readEnv()));
}

export { handler as GET, handler as POST };
