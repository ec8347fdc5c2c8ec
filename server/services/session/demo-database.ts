import type { Executor } from "@/db/client";
import { DEMO_DATABASE_KEY, isDemoDatabase } from "@/db/seed/demo-mark";
import type { Env } from "@/server/env";

/**
 * Checked at start: a production server with the demo sign-in (KAKEZAN_DEMO=1) on a PostgreSQL
 * database (DATABASE_URL) serves only a database the demo seed wrote and marked. The demo
 * sign-in opens any persona without a password; on a company's database it would open real people.
 */
export async function assertDemoDatabase(env: Env, db: Executor): Promise<void> {
  if (env.KAKEZAN_DEMO !== "1" || env.NODE_ENV !== "production" || !env.DATABASE_URL) return;
  if (await isDemoDatabase(db)) return;
  throw new Error(
    `KAKEZAN_DEMO=1 is refused on this database: DATABASE_URL was not seeded as the demo (settings has no "${DEMO_DATABASE_KEY}" row). ` +
      "The demo sign-in lets anyone in without a password. Unset KAKEZAN_DEMO to serve this database, or run the demo (npm run demo) on an empty database of its own, which it seeds and marks.",
  );
}
