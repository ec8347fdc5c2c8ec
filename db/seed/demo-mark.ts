import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { settings } from "../schema";

/**
 * The mark the demo seed leaves in `settings`: this database holds the made-up demo company. A
 * production start with the demo sign-in on a PostgreSQL database refuses a database without it
 * (scripts/start.ts), so the one-click sign-in can never open a real company's data.
 */
export const DEMO_DATABASE_KEY = "demo_database";

export async function markDemoDatabase(db: Executor, seededAt = new Date()): Promise<void> {
  await db.insert(settings).values({ key: DEMO_DATABASE_KEY, value: { seededAt: seededAt.toISOString() } }).onConflictDoNothing();
}

export async function isDemoDatabase(db: Executor): Promise<boolean> {
  const [row] = await db.select({ key: settings.key }).from(settings).where(eq(settings.key, DEMO_DATABASE_KEY));
  return Boolean(row);
}
