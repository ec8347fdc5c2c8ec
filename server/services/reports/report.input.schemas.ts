import { z } from "zod";
import { bilingual, integerId } from "../common/values.schemas";
import { headlineSchema, reportIds } from "./report.schemas";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * Report filters as a page or a link sends them: every field optional (the last twelve whole months,
 * the whole company or the manager's own department by default).
 */
export const reportFiltersInput = z
  .object({
    from: month.optional(),
    to: month.optional(),
    departmentId: integerId.nullable().optional(),
    jobFamilyId: integerId.nullable().optional(),
  })
  .strict();
export type ReportFiltersInput = z.infer<typeof reportFiltersInput>;

export const reportIdSchema = z.enum(reportIds);

export const getReportInput = z.object({ report: reportIdSchema, filters: reportFiltersInput.optional() }).strict();
export const reportHomeInput = z.object({ filters: reportFiltersInput.optional() }).strict();

const resolvedFilters = z.object({ from: z.string(), to: z.string(), departmentId: z.number().nullable(), jobFamilyId: z.number().nullable() });

/** The reports home: every report's headline figures, suppressed like the reports themselves. */
export const reportHomeSchema = z.object({
  filters: resolvedFilters,
  scope: z.enum(["company", "organisation"]),
  threshold: z.number(),
  reports: z.array(z.object({ report: reportIdSchema, headlines: z.array(headlineSchema) })),
});
export type ReportHome = z.infer<typeof reportHomeSchema>;

export type DepartmentOption = { id: number; name: z.infer<typeof bilingual>; children: DepartmentOption[] };
const departmentOption: z.ZodType<DepartmentOption> = z.lazy(() => z.object({ id: z.number(), name: bilingual, children: z.array(departmentOption) }));

/** What the filter form offers this viewer: the departments in scope as a tree, the job families, the defaults. */
export const reportFilterOptionsSchema = z.object({
  scope: z.enum(["company", "organisation"]),
  departments: z.array(departmentOption),
  jobFamilies: z.array(z.object({ id: z.number(), name: bilingual })),
  defaults: resolvedFilters,
  maxMonths: z.number(),
});
export type ReportFilterOptions = z.infer<typeof reportFilterOptionsSchema>;
