import { like } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";

/** A slug from an English name: "Complaint handling" → "complaint-handling" ("item" when nothing is left). */
export function slugFrom(name: string, fallback = "item"): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return base === "" ? fallback : base;
}

/**
 * A slug not yet used in `table`: the name's own, or with the first free "-2", "-3"… Slugs are
 * stable keys (URLs, the seed), so they are made once, when the row is created, and never changed.
 */
export async function freeSlug(db: Executor, table: PgTable, column: PgColumn, name: string, fallback: string): Promise<string> {
  const base = slugFrom(name, fallback);
  const rows = (await db.select({ slug: column }).from(table).where(like(column, `${base}%`))) as { slug: string }[];
  const taken = new Set(rows.map((row) => row.slug));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}
