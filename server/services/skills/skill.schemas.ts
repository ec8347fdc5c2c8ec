import { z } from "zod";
import { bilingual, freeText, integerId } from "../common/values.schemas";

export const levelGuideOutput = z.array(z.object({ level: z.number(), title: bilingual, description: bilingual }));

/** The four skill levels, lowest first. */
export const skillLevels = [1, 2, 3, 4] as const;
export const skillLevel = z.number().int().min(1).max(skillLevels.length);
export const SKILL_QUERY_MAX = 50;
export const skillId = integerId;

export const searchSkillsInput = z.object({
  query: freeText.trim().min(1).max(SKILL_QUERY_MAX),
  limit: z.number().int().min(1).max(30).default(10),
});
export type SearchSkillsInput = z.input<typeof searchSkillsInput>;

export const skillHitSchema = z.object({
  id: z.number(),
  slug: z.string(),
  name: bilingual,
  category: bilingual,
  /** The alias that matched, when the match was on an alias (shown so the result makes sense). */
  matchedAlias: z.string().nullable(),
});
export const searchSkillsOutput = z.array(skillHitSchema);
export type SkillHit = z.infer<typeof skillHitSchema>;
