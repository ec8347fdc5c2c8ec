import { z } from "zod";
import { sourceSystems } from "./import.headers";
import { rowErrorCodes } from "./import.plan";

/** The largest file accepted (base64 in the request is a third larger). */
export const IMPORT_MAX_BYTES = 15 * 1024 * 1024;

const base64File = z
  .string()
  .max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const importFileInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes, base64. */
  content: base64File,
});

export const columnMappingSchema = z.record(z.string().max(40), z.string().max(200));

export const importRunInput = importFileInput.extend({
  sourceSystem: z.enum(sourceSystems),
  mapping: columnMappingSchema,
});

const counts = z.object({ creates: z.number(), updates: z.number(), deactivations: z.number(), moves: z.number(), errors: z.number() });

export const rowErrorSchema = z.object({ line: z.number(), column: z.string(), value: z.string(), code: z.enum(rowErrorCodes) });

export const importAnalysisSchema = z.object({
  sourceSystem: z.enum(sourceSystems),
  encoding: z.enum(["utf-8", "utf-8-bom", "cp932", "xlsx"]),
  headers: z.array(z.string()),
  rowCount: z.number(),
  mapping: columnMappingSchema,
  remembered: z.boolean(),
  missing: z.array(z.string()),
});

export const dryRunOutput = z.object({
  importId: z.number(),
  counts,
  errors: z.array(rowErrorSchema),
  changes: z.array(z.object({ kind: z.enum(["create", "update", "move", "deactivate"]), line: z.number().nullable(), employeeNumber: z.string().nullable(), name: z.string() })),
  changesTruncated: z.boolean(),
});

export const commitOutput = z.object({ importId: z.number(), status: z.enum(["committed", "failed"]), counts, errors: z.array(rowErrorSchema) });

export const importStatusOutput = z.object({
  running: z.boolean(),
  rowsDone: z.number(),
  rowsTotal: z.number(),
  latest: z.object({ id: z.number(), status: z.string(), fileName: z.string(), counts, startedAt: z.date(), rowsDone: z.number(), rowsTotal: z.number() }).nullable(),
});

export function decodeFile(input: { fileName: string; content: string }) {
  return { fileName: input.fileName, bytes: new Uint8Array(Buffer.from(input.content, "base64")) };
}
