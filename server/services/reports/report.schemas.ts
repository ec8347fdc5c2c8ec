import { z } from "zod";
import { bilingual } from "../common/values.schemas";

/**
 * The HR mobility reports. Every report is a list of tables of cells: the page draws its charts
 * from the same table it shows beside them, the CSV export writes that table, and suppression
 * (small groups hidden so nobody is singled out) works on cells whatever the report.
 */

export const reportIds = ["mobility", "fill", "funnel", "flows", "managers", "rotation", "past-standard", "skills", "wills", "retention", "participation"] as const;
export type ReportId = (typeof reportIds)[number];

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * What every report is filtered by: whole months (a period of arbitrary days would let two nearly
 * equal periods be subtracted to expose one person), a department with its sub-departments, and a
 * job family. The URL carries them: `?from=2025-04&to=2026-03&department=12&family=3`.
 */
export const reportFiltersSchema = z
  .object({
    /** First month of the period, inclusive (YYYY-MM). */
    from: month,
    /** Last month of the period, inclusive (YYYY-MM). */
    to: month,
    departmentId: z.number().int().positive().nullable(),
    jobFamilyId: z.number().int().positive().nullable(),
  })
  .strict()
  .refine((filters) => filters.from <= filters.to, { message: "periodReversed", path: ["to"] });
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

/**
 * A label: names from the data come in both languages; fixed vocabulary (a funnel stage, a
 * retention group) is a message key under `reports.labels` that the page translates.
 */
export const labelSchema = z.union([z.object({ text: bilingual }), z.object({ message: z.string() })]);
export type Label = z.infer<typeof labelSchema>;

/**
 * One figure. `null` values are suppressed: the group behind them is smaller than the threshold
 * (or must be hidden so a suppressed neighbour cannot be computed back). `group` is how many
 * people the figure is about; it is what suppression judges and is itself null when suppressed.
 */
export const cellSchema = z.discriminatedUnion("kind", [
  /** People or events counted. */
  z.object({ kind: z.literal("count"), value: z.number().nullable() }),
  /** A share, 0..1: numerator ÷ denominator, both counts the page may show beside it. */
  z.object({ kind: z.literal("rate"), value: z.number().nullable(), numerator: z.number().nullable(), denominator: z.number().nullable() }),
  /** A duration in days (a median or a 90th percentile) over `group` cases. */
  z.object({ kind: z.literal("days"), value: z.number().nullable(), group: z.number().nullable() }),
  /**
   * A plain number that is not a count of people (a target percentage, standard years, a median
   * over managers); `unit` says when it is a share (0..1) or a duration in days.
   */
  z.object({ kind: z.literal("number"), value: z.number().nullable(), unit: z.enum(["share", "days"]).optional() }),
  /**
   * A label inside the table (a department, a role, a person on an actionable list). `judges` names
   * the column whose figure the label passes judgement on ("above target"): when that figure is
   * suppressed, so is the judgement.
   */
  z.object({ kind: z.literal("label"), label: labelSchema, judges: z.string().optional() }),
]);
export type Cell = z.infer<typeof cellSchema>;

export const columnSchema = z.object({
  /** Message key under `reports.columns`. */
  id: z.string(),
  kind: z.enum(["count", "rate", "days", "number", "label"]),
});

export const rowSchema = z.object({
  /** Stable within the table (ids joined, a stage name); CSV and tests join on it. */
  key: z.string(),
  label: labelSchema,
  cells: z.record(z.string(), cellSchema),
  /** Flows only: the two ends of the link a Sankey diagram draws for this row. */
  link: z.object({ source: z.string(), target: z.string() }).optional(),
  /** Where HR acts on this row (a person's profile on an actionable list), as an app path without locale. */
  href: z.string().optional(),
});
export type ReportRow = z.infer<typeof rowSchema>;

export const tableSchema = z.object({
  /** Message key under `reports.tables`; also the CSV file's name. */
  id: z.string(),
  columns: z.array(columnSchema),
  rows: z.array(rowSchema),
  /** A totals row, when the table has one (suppressed like any row, complementary cells included). */
  total: z.record(z.string(), cellSchema).optional(),
  /** "sankey" | "bars" | "funnel": the chart drawn from this table, if any. */
  chart: z.enum(["sankey", "bars", "funnel"]).optional(),
});
export type ReportTable = z.infer<typeof tableSchema>;

/** A headline figure with its formula (message key under `reports.formulas`), shown under the number. */
export const headlineSchema = z.object({
  id: z.string(),
  cell: cellSchema,
  formula: z.string(),
  /** A headline that counts the rows of a table showing one judgement label: recounted from what is shown. */
  countsLabel: z.object({ table: z.string(), column: z.string(), label: z.string() }).optional(),
});
export type Headline = z.infer<typeof headlineSchema>;

export const reportSchema = z.object({
  report: z.enum(reportIds),
  filters: z.object({ from: z.string(), to: z.string(), departmentId: z.number().nullable(), jobFamilyId: z.number().nullable() }),
  /** "company" for HR; "organisation" for a manager (their department and its sub-departments). */
  scope: z.enum(["company", "organisation"]),
  /** Groups smaller than this are suppressed. */
  threshold: z.number(),
  headlines: z.array(headlineSchema),
  tables: z.array(tableSchema),
});
export type Report = z.infer<typeof reportSchema>;
