import { z } from "zod";
import { bilingual, freeText, integerId } from "../common/values.schemas";

/** Lengths shared by the schemas and the administration forms. */
export const TAXONOMY_NAME_MAX = 100;
export const SKILL_DESCRIPTION_MAX = 1000;
export const SKILL_ALIASES_MAX = 30;
export const CATEGORY_SORT_MAX = 10_000;

const name = freeText.trim().min(1).max(TAXONOMY_NAME_MAX);

/** A new skill (no `skillId`) or an edit of one; the slug is made from the English name once, on creation. */
export const saveSkillInput = z
  .object({
    skillId: integerId.optional(),
    nameJa: name,
    nameEn: name,
    categoryId: integerId,
    aliases: z.array(name).max(SKILL_ALIASES_MAX).default([]),
    descriptionJa: freeText.trim().max(SKILL_DESCRIPTION_MAX).default(""),
    descriptionEn: freeText.trim().max(SKILL_DESCRIPTION_MAX).default(""),
  })
  .strict();
export type SaveSkillInput = z.input<typeof saveSkillInput>;

export const saveCategoryInput = z
  .object({
    categoryId: integerId.optional(),
    nameJa: name,
    nameEn: name,
    sortOrder: z.number().int().min(0).max(CATEGORY_SORT_MAX).default(0),
  })
  .strict();
export type SaveCategoryInput = z.input<typeof saveCategoryInput>;

/** Two different skills; the pair is stored once, whichever order they are named in. */
const skillPair = z.object({ skillId: integerId, otherSkillId: integerId }).strict();
const differentSkills = <T extends { skillId: number; otherSkillId: number }>(value: T) => value.skillId !== value.otherSkillId;

/**
 * How near two skills are: more than 0 and at most 1 (the table's own check), from 0.01 — the
 * column is a `real`, and a smaller number would underflow there (5e-324 becomes 0 and fails the check).
 */
export const ADJACENCY_WEIGHT_MIN = 0.01;
export const adjacencyWeight = z.number().min(ADJACENCY_WEIGHT_MIN).max(1);
export const setAdjacencyInput = skillPair
  .extend({ weight: adjacencyWeight })
  .strict()
  .refine(differentSkills, { path: ["otherSkillId"], message: "sameSkill" });
export type SetAdjacencyInput = z.input<typeof setAdjacencyInput>;
export const removeAdjacencyInput = skillPair.refine(differentSkills, { path: ["otherSkillId"], message: "sameSkill" });
export type RemoveAdjacencyInput = z.input<typeof removeAdjacencyInput>;

/** `fromSkillId` disappears into `intoSkillId`, which keeps its id, slug and names. */
export const mergeSkillsInput = z
  .object({ fromSkillId: integerId, intoSkillId: integerId })
  .strict()
  .refine((value) => value.fromSkillId !== value.intoSkillId, { path: ["intoSkillId"], message: "sameSkill" });
export type MergeSkillsInput = z.input<typeof mergeSkillsInput>;

export const retireSkillInput = z.object({ skillId: integerId, retired: z.boolean() }).strict();
export type RetireSkillInput = z.input<typeof retireSkillInput>;

/** What the merge changed, for the administrator's confirmation. */
export const mergeSkillsOutput = z.object({
  intoSkillId: z.number(),
  profiles: z.number(),
  wills: z.number(),
  postings: z.number(),
  roleLevels: z.number(),
});
export type MergeSkillsResult = z.infer<typeof mergeSkillsOutput>;

/** The whole taxonomy as the administrator edits it. */
export const taxonomyOutput = z.object({
  categories: z.array(z.object({ id: z.number(), slug: z.string(), name: bilingual, sortOrder: z.number(), skillCount: z.number() })),
  skills: z.array(
    z.object({
      id: z.number(),
      slug: z.string(),
      categoryId: z.number(),
      name: bilingual,
      description: bilingual,
      aliases: z.array(z.string()),
      retired: z.boolean(),
      /** How many people hold it: what a merge or a retirement touches. */
      holders: z.number(),
    }),
  ),
  adjacency: z.array(z.object({ skillA: z.number(), skillB: z.number(), weight: z.number() })),
});
export type TaxonomyOverview = z.infer<typeof taxonomyOutput>;

export const savedIdOutput = z.object({ id: z.number() });
