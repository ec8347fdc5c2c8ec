import { z } from "zod";
import { skillId } from "../skills/skill.schemas";
import { bilingual, freeText, integerId } from "../common/values.schemas";

export const willHorizons = ["now", "one_year", "three_years"] as const;
export const willOpennessValues = ["now", "within_year", "not_now"] as const;

export const WILL_STATEMENT_MAX = 4000;
export const MAX_TARGET_ROLES = 5;
export const MAX_DESIRED_SKILLS = 10;

export const saveWillInput = z
  .object({
    statement: freeText.trim().max(WILL_STATEMENT_MAX),
    targetRoleIds: z.array(integerId).max(MAX_TARGET_ROLES),
    desiredSkillIds: z.array(skillId).max(MAX_DESIRED_SKILLS),
    horizon: z.enum(willHorizons),
    openness: z.enum(willOpennessValues),
    shareWithManager: z.boolean(),
    shareWithHr: z.boolean(),
    shareWithMatching: z.boolean(),
    /** The version the editor started from: a save over a newer version is a conflict, not a silent overwrite. */
    expectedVersion: z.number().int().min(0),
  })
  .strict();
export type SaveWillInput = z.input<typeof saveWillInput>;

/** What every saved Will holds, whether read as the current Will or as one version of its history. */
const savedWillFields = {
  statement: z.string(),
  horizon: z.enum(willHorizons),
  openness: z.enum(willOpennessValues),
  shareWithManager: z.boolean(),
  shareWithHr: z.boolean(),
  shareWithMatching: z.boolean(),
};

export const willViewSchema = z.object({
  personId: z.number(),
  ...savedWillFields,
  targetRoles: z.array(z.object({ id: z.number(), slug: z.string(), name: bilingual })),
  desiredSkills: z.array(z.object({ id: z.number(), name: bilingual })),
  version: z.number(),
  updatedAt: z.date().nullable(),
});
export type WillView = z.infer<typeof willViewSchema>;

export const willVersionSchema = z.object({
  version: z.number(),
  ...savedWillFields,
  targetRoleIds: z.array(z.number()),
  desiredSkillIds: z.array(z.number()),
  savedAt: z.date(),
});
