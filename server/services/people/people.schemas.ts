import { z } from "zod";
import { bilingual, freeText, integerId } from "../common/values.schemas";

export const personIdInput = z.object({ personId: integerId });

export const personNameSchema = z.object({
  id: z.number(),
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string(),
  givenNameKana: z.string(),
  businessName: z.string().nullable(),
  romanizedName: z.string(),
});
export type PersonName = z.infer<typeof personNameSchema>;

export const personSkillViewSchema = z.object({
  skillId: z.number(),
  slug: z.string(),
  name: bilingual,
  category: bilingual,
  level: z.number().int().min(1).max(4),
  verifiedAt: z.date().nullable(),
  verifiedBy: z.string().nullable(),
  /** Restricted: only for viewers who may see the restricted profile. */
  evidence: z.string().nullable(),
  /** The manager's note when verifying or correcting; restricted like the evidence. */
  verificationNote: z.string().nullable(),
});

export const roleLevelViewSchema = z.object({
  standardYears: z.number(),
  keyExperiences: z.array(bilingual),
  qualifications: z.array(bilingual),
});

export const restrictedProfileSchema = z.object({
  employeeNumber: z.string(),
  level: z.number().int().min(1).max(4),
  hiredOn: z.string(),
  roleSince: z.string(),
  levelSince: z.string(),
  /** Years at the current level, one decimal: compared with the level's standard years. */
  yearsAtLevel: z.number(),
  profileReviewedAt: z.date().nullable(),
  showSkillsInDirectory: z.boolean(),
  /**
   * 社内FA: hiring managers may invite this person (separate from the Will's openness to move).
   * Null for everyone but the person: the opt-in signals openness to move, which the current
   * manager must not learn this way.
   */
  openToScouting: z.boolean().nullable(),
  roleLevel: roleLevelViewSchema.nullable(),
});

export const profileSchema = personNameSchema.extend({
  email: z.string(),
  department: z.object({ id: z.number(), name: bilingual }),
  role: z.object({ id: z.number(), slug: z.string(), name: bilingual, track: z.string(), family: bilingual }),
  manager: personNameSchema.nullable(),
  tagline: z.string(),
  skills: z.array(personSkillViewSchema),
  /** True when the person hides their skills from the directory and the viewer may not see them. */
  skillsHidden: z.boolean(),
  /** Null when the viewer may not see restricted fields (policies.canViewRestrictedProfile). */
  restricted: restrictedProfileSchema.nullable(),
});
export type Profile = z.infer<typeof profileSchema>;

export const PEOPLE_QUERY_MAX = 100;

export const searchPeopleInput = z.object({
  query: freeText.trim().max(PEOPLE_QUERY_MAX).default(""),
  /** Only people who hold this skill (and show their skills to the viewer). */
  skillId: integerId.optional(),
  limit: z.number().int().min(1).max(50).default(20),
  offset: z.number().int().min(0).max(10_000).default(0),
});
export type SearchPeopleInput = z.input<typeof searchPeopleInput>;

export const personCardSchema = personNameSchema.extend({
  department: bilingual,
  role: bilingual,
  tagline: z.string(),
  /** Concurrent posts (兼務) held today, besides the primary post above. */
  concurrentPosts: z.array(z.object({ department: bilingual, role: bilingual })),
});
export type PersonCard = z.infer<typeof personCardSchema>;

export const searchPeopleOutput = z.object({ items: z.array(personCardSchema), total: z.number() });
