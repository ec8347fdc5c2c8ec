import { analyseImport, commitImport, dryRunImport, importStatus } from "@/server/services/import/import.service";
import { commitOutput, decodeFile, dryRunOutput, importAnalysisSchema, importFileInput, importRunInput, importStatusOutput } from "@/server/services/import/import.schemas";
import { createTRPCRouter } from "../init";
import { adminProcedure } from "../procedures";

/** The CSV / Excel import of people and departments, for administrators only. */
export const importRouter = createTRPCRouter({
  /** The uploaded file's format, source system and column mapping (remembered per source). */
  analyse: adminProcedure
    .input(importFileInput)
    .output(importAnalysisSchema)
    .mutation(({ ctx, input }) => analyseImport(ctx.db, ctx.actor, decodeFile(input))),
  /** Every row's error and every change, nothing applied. */
  dryRun: adminProcedure
    .input(importRunInput)
    .output(dryRunOutput)
    .mutation(({ ctx, input }) => dryRunImport(ctx.db, ctx.actor, decodeFile(input), { sourceSystem: input.sourceSystem, mapping: input.mapping })),
  /** Applies a file without errors in one transaction; a file with any error changes nothing. */
  commit: adminProcedure
    .input(importRunInput)
    .output(commitOutput)
    .mutation(({ ctx, input }) => commitImport(ctx.db, ctx.actor, decodeFile(input), { sourceSystem: input.sourceSystem, mapping: input.mapping })),
  /** The running commit's progress, or the latest import. */
  status: adminProcedure.output(importStatusOutput).query(({ ctx }) => importStatus(ctx.db, ctx.actor)),
});
