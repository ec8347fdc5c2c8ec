import { getReportInput, reportFilterOptionsSchema, reportHomeInput, reportHomeSchema } from "@/server/services/reports/report.input.schemas";
import { reportSchema } from "@/server/services/reports/report.schemas";
import { getReport, getReportFilterOptions, getReportHome } from "@/server/services/reports/report.service";
import { createTRPCRouter } from "../init";
import { protectedProcedure } from "../procedures";

// Who sees what is decided in the service (HR the company, a manager their organisation, nobody else).
export const reportRouter = createTRPCRouter({
  /** One HR mobility report for the filters, small groups suppressed. */
  get: protectedProcedure
    .input(getReportInput)
    .output(reportSchema)
    .query(({ ctx, input }) => getReport(ctx.db, ctx.actor, input.report, input.filters)),
  /** The reports home: every report's headline figures. */
  home: protectedProcedure
    .input(reportHomeInput)
    .output(reportHomeSchema)
    .query(({ ctx, input }) => getReportHome(ctx.db, ctx.actor, input.filters)),
  /** The filter form's choices: departments in the viewer's scope, job families, the default filters. */
  filterOptions: protectedProcedure.output(reportFilterOptionsSchema).query(({ ctx }) => getReportFilterOptions(ctx.db, ctx.actor)),
});
