import { z } from "zod";
import { opportunityKinds, opportunityStatuses } from "@/db/vocabulary";
import { calendarDate } from "../common/dates.schemas";
import { skillId, skillLevel } from "../skills/skill.schemas";
import { bilingual, freeText, integerId } from "../common/values.schemas";

/** The posting filters list the kinds; pages reach the vocabulary through the services. */
export { opportunityKinds };
export const workplaces = ["onsite", "hybrid", "remote"] as const;
export const opportunitySkillKinds = ["required", "preferred", "grows"] as const;

export const OPPORTUNITY_TITLE_MAX = 120;
export const OPPORTUNITY_DESCRIPTION_MAX = 5000;
export const LOCATION_MAX = 100;
export const OPPORTUNITY_QUERY_MAX = 100;
/** Share of working time, and open positions: both 1–100. */
export const TIME_PERCENT_RANGE = { min: 1, max: 100 } as const;
export const SLOTS_RANGE = { min: 1, max: 100 } as const;
const isoDate = calendarDate;

export const opportunityFields = z.object({
  kind: z.enum(opportunityKinds),
  title: freeText.trim().min(1).max(OPPORTUNITY_TITLE_MAX),
  description: freeText.trim().max(OPPORTUNITY_DESCRIPTION_MAX).default(""),
  departmentId: integerId,
  roleId: integerId.nullable().default(null),
  timePercent: z.number().int().min(TIME_PERCENT_RANGE.min).max(TIME_PERCENT_RANGE.max).default(100),
  startOn: isoDate.nullable().default(null),
  endOn: isoDate.nullable().default(null),
  slots: z.number().int().min(SLOTS_RANGE.min).max(SLOTS_RANGE.max).default(1),
  location: freeText.trim().max(LOCATION_MAX).default(""),
  workplace: z.enum(workplaces).default("onsite"),
  skills: z
    .array(z.object({ skillId, kind: z.enum(opportunitySkillKinds), level: skillLevel }))
    .max(30)
    .default([]),
});

export const createOpportunityInput = opportunityFields.strict().refine((value) => !value.startOn || !value.endOn || value.startOn <= value.endOn, {
  path: ["endOn"],
  message: "endBeforeStart",
});
export type CreateOpportunityInput = z.input<typeof createOpportunityInput>;

export const updateOpportunityInput = opportunityFields
  .extend({ opportunityId: integerId, expectedVersion: z.number().int().min(0) })
  .strict();
export type UpdateOpportunityInput = z.input<typeof updateOpportunityInput>;

export const opportunityIdInput = z.object({ opportunityId: integerId });

/**
 * Department choices: "post" lists the departments the caller may post for (managers: their own,
 * HR: all, others: none); "browse" lists every department, for the search filter.
 */
export const departmentChoicesInput = z.object({ purpose: z.enum(["post", "browse"]).default("post") }).strict();
export type DepartmentChoicesInput = z.input<typeof departmentChoicesInput>;

export const listOpportunitiesInput = z.object({
  query: freeText.trim().max(OPPORTUNITY_QUERY_MAX).default(""),
  kinds: z.array(z.enum(opportunityKinds)).max(6).default([]),
  departmentId: integerId.optional(),
  skillId: skillId.optional(),
  /** Time commitment: only postings asking at most this share of working time. */
  maxTimePercent: z.number().int().min(TIME_PERCENT_RANGE.min).max(TIME_PERCENT_RANGE.max).optional(),
  location: freeText.trim().max(LOCATION_MAX).optional(),
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export type ListOpportunitiesInput = z.input<typeof listOpportunitiesInput>;

export const departmentChoiceSchema = z.object({ id: z.number(), name: bilingual });
export type DepartmentChoice = z.infer<typeof departmentChoiceSchema>;

export const opportunitySummarySchema = z.object({
  id: z.number(),
  kind: z.enum(opportunityKinds),
  status: z.enum(opportunityStatuses),
  title: z.string(),
  department: bilingual,
  role: bilingual.nullable(),
  timePercent: z.number(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  location: z.string(),
  workplace: z.enum(workplaces),
  slots: z.number(),
  openedAt: z.date().nullable(),
});
export type OpportunitySummary = z.infer<typeof opportunitySummarySchema>;

export const listOpportunitiesOutput = z.object({ items: z.array(opportunitySummarySchema), total: z.number() });

export const opportunityDetailSchema = opportunitySummarySchema.extend({
  description: z.string(),
  departmentId: z.number(),
  roleId: z.number().nullable(),
  owner: z.object({ id: z.number(), familyName: z.string(), givenName: z.string(), romanizedName: z.string() }),
  fillableFrom: z.date().nullable(),
  version: z.number(),
  skills: z.array(z.object({ skillId: z.number(), name: bilingual, kind: z.enum(opportunitySkillKinds), level: z.number() })),
  /** What the viewer may do with it. */
  canEdit: z.boolean(),
  /** The viewer's own live application, if any. */
  myApplicationId: z.number().nullable(),
});
export type OpportunityDetail = z.infer<typeof opportunityDetailSchema>;
