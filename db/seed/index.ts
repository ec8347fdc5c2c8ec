import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { people } from "../schema";
import { seedDemoCompany } from "./demo-company";
import { markDemoDatabase } from "./demo-mark";
import { seedDemoHistory } from "./demo-history";
import { seedDemoOpportunities } from "./demo-opportunities";
import { seedDemoWillsAndConversations } from "./demo-wills";
import { seedReferenceData } from "./reference-data";

export type SeedOutcome = "seeded" | "already-seeded";

/**
 * Seeds the reference data and the demo company into an empty database, in one transaction so a
 * failure leaves nothing half-written, and marks the database as the demo's (demo-mark.ts). A
 * database that already has people is left untouched (and unmarked): running the demo again
 * reuses its data.
 */
export async function seedDemo(db: Database): Promise<SeedOutcome> {
  const [existing] = await db.select({ one: sql<number>`1` }).from(people).limit(1);
  if (existing) return "already-seeded";
  await db.transaction(async (tx) => {
    await seedReferenceData(tx);
    await seedDemoCompany(tx);
    await seedDemoWillsAndConversations(tx);
    await seedDemoOpportunities(tx);
    await seedDemoHistory(tx);
    await markDemoDatabase(tx);
  });
  return "seeded";
}
