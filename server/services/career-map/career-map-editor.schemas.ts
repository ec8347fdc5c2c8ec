import { z } from "zod";
import { bilingual, freeText, integerId } from "../common/values.schemas";
import { careerPathKinds, roleTracks } from "./career-map.schemas";

/** Lengths shared by the schemas and the career-map editor's forms. */
export const CAREER_NAME_MAX = 100;
export const ROLE_DESCRIPTION_MAX = 2000;
export const PATH_NOTE_MAX = 500;
export const LEVEL_ITEM_MAX = 300;
export const LEVEL_ITEMS_MAX = 12;
export const STANDARD_YEARS_MAX = 30;

const name = freeText.trim().min(1).max(CAREER_NAME_MAX);

export const saveJobFamilyInput = z.object({ familyId: integerId.optional(), nameJa: name, nameEn: name }).strict();
export type SaveJobFamilyInput = z.input<typeof saveJobFamilyInput>;

/** A new role (no `roleId`) or an edit of one; the slug is made from the English name on creation. */
export const saveRoleInput = z
  .object({
    roleId: integerId.optional(),
    familyId: integerId,
    track: z.enum(roleTracks),
    nameJa: name,
    nameEn: name,
    descriptionJa: freeText.trim().max(ROLE_DESCRIPTION_MAX).default(""),
    descriptionEn: freeText.trim().max(ROLE_DESCRIPTION_MAX).default(""),
  })
  .strict();
export type SaveRoleInput = z.input<typeof saveRoleInput>;

/** One key experience or qualification, in both languages (each side may be filled alone, not both left empty). */
const levelItem = z
  .object({ ja: freeText.trim().max(LEVEL_ITEM_MAX), en: freeText.trim().max(LEVEL_ITEM_MAX) })
  .strict()
  .refine((item) => item.ja !== "" || item.en !== "", { message: "emptyItem" });

/** A role's level 1–4: standard years (information, never a gate), key experiences, qualifications. */
export const saveRoleLevelInput = z
  .object({
    roleId: integerId,
    level: z.number().int().min(1).max(4),
    // Stored as numeric(3,1): tenths of a year.
    standardYears: z
      .number()
      .min(0)
      .max(STANDARD_YEARS_MAX)
      .refine((years) => Number.isInteger(Math.round(years * 10)) && Math.abs(years * 10 - Math.round(years * 10)) < 1e-9, { message: "tenthsOfAYear" }),
    keyExperiences: z.array(levelItem).max(LEVEL_ITEMS_MAX).default([]),
    qualifications: z.array(levelItem).max(LEVEL_ITEMS_MAX).default([]),
  })
  .strict();
export type SaveRoleLevelInput = z.input<typeof saveRoleLevelInput>;

export const retireInput = z.object({ id: integerId, retired: z.boolean() }).strict();
export type RetireInput = z.input<typeof retireInput>;
export const roleIdInput = z.object({ roleId: integerId }).strict();

export const saveCareerPathInput = z
  .object({
    pathId: integerId.optional(),
    fromRoleId: integerId,
    toRoleId: integerId,
    kind: z.enum(careerPathKinds),
    noteJa: freeText.trim().max(PATH_NOTE_MAX).default(""),
    noteEn: freeText.trim().max(PATH_NOTE_MAX).default(""),
  })
  .strict()
  .refine((path) => path.fromRoleId !== path.toRoleId, { path: ["toRoleId"], message: "sameRole" });
export type SaveCareerPathInput = z.input<typeof saveCareerPathInput>;
export const pathIdInput = z.object({ pathId: integerId }).strict();

/** The career map as the administrator edits it: retired rows included, with how many people hold each role. */
export const careerMapOutlineOutput = z.object({
  families: z.array(z.object({ id: z.number(), slug: z.string(), name: bilingual, retired: z.boolean() })),
  roles: z.array(
    z.object({
      id: z.number(),
      slug: z.string(),
      familyId: z.number(),
      track: z.enum(roleTracks),
      name: bilingual,
      description: bilingual,
      retired: z.boolean(),
      holders: z.number(),
      levels: z.array(z.object({ level: z.number(), standardYears: z.number(), keyExperiences: z.array(bilingual), qualifications: z.array(bilingual) })),
    }),
  ),
  paths: z.array(z.object({ id: z.number(), fromRoleId: z.number(), toRoleId: z.number(), kind: z.enum(careerPathKinds), note: bilingual })),
});
export type CareerMapOutline = z.infer<typeof careerMapOutlineOutput>;
