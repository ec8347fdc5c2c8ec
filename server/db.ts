import "server-only";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { log, safeError } from "@/server/log";

/*
 * The server's one database handle, opened on first use — never at import time and never during
 * `next build` (PGlite allows one owner process). Kept on globalThis so that the custom server
 * (scripts/start.ts) can close it on shutdown and dev reloads reuse it. It acts as the runtime
 * role (db/scope.ts): the tables' owner is for migrations and the seed only.
 */
const key = Symbol.for("kakezan.database");
type Holder = { [key]?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database must not be opened during `next build`.");
  }
  const holder = globalThis as Holder;
  const onIdleClientError = (error: Error) => log.error({ error: safeError(error) }, "idle PostgreSQL client error");
  holder[key] ??= openDatabase(process.env, { onIdleClientError, runtime: true }).catch((error: unknown) => {
    delete holder[key];
    throw error;
  });
  return holder[key];
}

export async function getDatabase() {
  return (await getDatabaseHandle()).db;
}
