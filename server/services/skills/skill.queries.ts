import { asc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { levelDescriptors } from "@/db/schema";

/** The MHLW level guide: what levels 1–4 mean, shown beside every skill level. */
export async function getLevelGuide(db: Executor) {
  const rows = await db.select().from(levelDescriptors).orderBy(asc(levelDescriptors.level));
  return rows.map((row) => ({
    level: row.level,
    title: { ja: row.titleJa, en: row.titleEn },
    description: { ja: row.descriptionJa, en: row.descriptionEn },
  }));
}
