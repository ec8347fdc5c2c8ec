import { z } from "zod";
import { skillId, skillLevel } from "../skills/skill.schemas";
import { freeText, integerId } from "../common/values.schemas";

export const EVIDENCE_MAX = 1000;
export const TAGLINE_MAX = 80;
export const VERIFICATION_NOTE_MAX = 500;

export const setOwnSkillInput = z.object({
  skillId,
  level: skillLevel,
  evidence: freeText.trim().max(EVIDENCE_MAX).default(""),
});
export type SetOwnSkillInput = z.input<typeof setOwnSkillInput>;

export const removeOwnSkillInput = z.object({ skillId });

export const updateProfileInput = z.object({
  tagline: freeText.trim().max(TAGLINE_MAX).optional(),
  showSkillsInDirectory: z.boolean().optional(),
  /** 社内FA: let hiring managers invite me (separate from my Will's openness to move). */
  openToScouting: z.boolean().optional(),
});
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

export const verifySkillInput = z
  .object({
    personId: integerId,
    skillId,
    /** Absent: confirm the person's own level. Present and different: a correction. */
    level: skillLevel.optional(),
    note: freeText.trim().max(VERIFICATION_NOTE_MAX).default(""),
  })
  .strict();
export type VerifySkillInput = z.input<typeof verifySkillInput>;

