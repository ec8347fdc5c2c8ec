import { z } from "zod";
import { bilingual, integerId } from "../shared/values.schemas";

export const levelGuideOutput = z.array(z.object({ level: z.number(), title: bilingual, description: bilingual }));

export const skillLevel = z.number().int().min(1).max(4);
export const skillId = integerId;

export const searchSkillsInput = z.object({
  query: z.string().trim().min(1).max(50),
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
