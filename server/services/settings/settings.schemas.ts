import { z } from "zod";
import { confidentialityPolicies } from "@/db/vocabulary";
import { companyHolidaysSchema } from "./company-holidays";

/** The settings form lists the policies; pages reach the vocabulary through the services. */
export { confidentialityPolicies };

/** Every company-wide setting with its bounds; the defaults apply until HR changes one. */
export const settingsSchema = z.object({
  /** A profile not reviewed for longer than this is flagged as stale. */
  profileStalenessDays: z.number().int().min(30).max(730),
  /** When the current manager learns of an application: on applying, at the shortlist or at the offer. */
  confidentialityPolicy: z.enum(confidentialityPolicies),
  /** Business days the current manager has to release before HR is alerted. */
  releaseDeadlineBusinessDays: z.number().int().min(1).max(60),
  /** Days an opening must stay open before it can be filled, so postings are not pre-decided. */
  minimumOpenDays: z.number().int().min(0).max(90),
  /** Report groups smaller than this are suppressed so no individual can be singled out. */
  reportMinimumGroupSize: z.number().int().min(3).max(50),
  /** The share of a department's people expected to move in a year (the rotation report's target). */
  rotationTargetPercent: z.number().int().min(0).max(100),
  /** Per-department targets that differ from the company's, by department id; a department without one inherits its parent's. */
  departmentRotationTargets: z.record(z.string().regex(/^[1-9][0-9]{0,9}$/), z.number().int().min(0).max(100)),
  /** The company's own holidays and closures; business-day deadlines skip them as they skip public holidays. */
  companyHolidays: companyHolidaysSchema,
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const defaultSettings: Settings = {
  profileStalenessDays: 180,
  confidentialityPolicy: "until_offer",
  releaseDeadlineBusinessDays: 10,
  minimumOpenDays: 7,
  reportMinimumGroupSize: 5,
  rotationTargetPercent: 30,
  departmentRotationTargets: {},
  companyHolidays: [],
};

export const updateSettingsInput = settingsSchema.partial().strict();
export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;
