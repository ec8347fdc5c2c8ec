import { z } from "zod";
import { calendarDate } from "../common/dates.schemas";
import { freeText } from "../common/values.schemas";
import { personNameSchema } from "../people/people.schemas";

/** Entries per page of the audit trail. */
export const auditPageSize = 50;
/** The most entries one CSV export holds (the newest, within the filters). */
export const auditExportLimit = 10_000;

/** Entity types the filter offers; the trail may hold others, which an admin finds by leaving the type open. */
export const auditEntityTypes = ["application", "opportunity", "person", "setting", "scout_invite", "job", "scim_token"] as const;

/** The audit trail's filters; every one optional. Dates are days in Japan, both ends included. */
export const auditFiltersSchema = z
  .object({
    /** The person who acted: a name (any form, as the directory searches) or an employee number. */
    actor: freeText.trim().max(100).optional(),
    entityType: z
      .string()
      .regex(/^[a-z_]{1,40}$/)
      .optional(),
    entityId: freeText.trim().max(40).optional(),
    /** An action or its start: "application" finds every application action. */
    action: z
      .string()
      .trim()
      .regex(/^[a-z_.]{0,80}$/)
      .optional(),
    fromDate: calendarDate.optional(),
    toDate: calendarDate.optional(),
  })
  .strict()
  .refine((filters) => !filters.fromDate || !filters.toDate || filters.fromDate <= filters.toDate, { message: "fromAfterTo", path: ["toDate"] });
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const auditListInput = z.object({ filters: auditFiltersSchema, page: z.number().int().min(1).max(100_000).default(1) }).strict();
export type AuditListInput = z.input<typeof auditListInput>;

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.date(),
  actor: personNameSchema.pick({ id: true, familyName: true, givenName: true, romanizedName: true, businessName: true }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  /** What this viewer may filter by: every type for admins, the workflow's for HR. */
  entityTypes: z.array(z.string()),
});

export const auditExportSchema = z.object({ items: z.array(auditEntrySchema), truncated: z.boolean() });

