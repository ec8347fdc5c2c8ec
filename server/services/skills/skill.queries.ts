import { asc, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { levelDescriptors, skillCategories, skills } from "@/db/schema";
import { containsPattern, hiraganaToKatakana, normalizeSearchText } from "../text/normalize";
import { type SearchSkillsInput, type SkillHit, searchSkillsInput } from "./skill.schemas";

/** The MHLW level guide: what levels 1–4 mean, shown beside every skill level. */
export async function getLevelGuide(db: Executor) {
  const rows = await db.select().from(levelDescriptors).orderBy(asc(levelDescriptors.level));
  return rows.map((row) => ({
    level: row.level,
    title: { ja: row.titleJa, en: row.titleEn },
    description: { ja: row.descriptionJa, en: row.descriptionEn },
  }));
}

/** A text[] literal with one bound parameter per element. */
const textArray = (values: string[]) => sql`array[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::text[]`;

/**
 * Finds taxonomy skills by Japanese name, English name or alias (クレーム対応 / 苦情対応 /
 * complaint handling). Input is NFKC-normalised and hiragana is tried as katakana too. Ranked:
 * exact name, then prefix, then anywhere; names before aliases. Retired skills are not offered:
 * they stay where held (profiles read them by id), but nobody picks them anew.
 */
export async function searchSkills(db: Executor, rawInput: SearchSkillsInput): Promise<SkillHit[]> {
  const input = searchSkillsInput.parse(rawInput);
  const query = normalizeSearchText(input.query).toLowerCase();
  const variants = [...new Set([query, hiraganaToKatakana(query)])];
  const wanted = textArray(variants);
  const anywhere = textArray(variants.map(containsPattern));
  const names = sql`array[lower(${skills.nameJa}), lower(${skills.nameEn})]`;
  const aliases = sql`array(select lower(a) from unnest(${skills.aliases}) as a)`;
  const exact = sql`(${names} && ${wanted})`;
  const prefix = sql`exists (select 1 from unnest(${names}) n, unnest(${wanted}) v where n like v || '%')`;
  const nameHit = sql`exists (select 1 from unnest(${names}) n where n like any(${anywhere}))`;
  const matchedAlias = sql<string | null>`(select a from unnest(${skills.aliases}) as a where lower(a) like any(${anywhere}) limit 1)`;
  const rows = await db
    .select({
      id: skills.id,
      slug: skills.slug,
      nameJa: skills.nameJa,
      nameEn: skills.nameEn,
      categoryJa: skillCategories.nameJa,
      categoryEn: skillCategories.nameEn,
      nameHit: nameHit.mapWith(Boolean),
      matchedAlias,
    })
    .from(skills)
    .innerJoin(skillCategories, sql`${skillCategories.id} = ${skills.categoryId}`)
    .where(sql`${skills.retiredAt} is null and (${nameHit} or exists (select 1 from unnest(${aliases}) a where a like any(${anywhere})))`)
    .orderBy(sql`${exact} desc`, sql`${prefix} desc`, sql`${nameHit} desc`, asc(sql`length(${skills.nameJa})`), asc(skills.id))
    .limit(input.limit);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: { ja: row.nameJa, en: row.nameEn },
    category: { ja: row.categoryJa, en: row.categoryEn },
    matchedAlias: row.nameHit ? null : row.matchedAlias,
  }));
}
