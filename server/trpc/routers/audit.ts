import { exportAudit, listAudit } from "@/server/services/audit/audit.queries";
import { auditExportSchema, auditFiltersSchema, auditListInput, auditPageSchema } from "@/server/services/audit/audit.schemas";
import { createTRPCRouter } from "../init";
import { protectedProcedure } from "../procedures";

export const auditRouter = createTRPCRouter({
  /** One page of the audit trail, newest first (admins all of it, HR the workflow's part; policies.auditScopeOf). */
  list: protectedProcedure
    .input(auditListInput)
    .output(auditPageSchema)
    .query(({ ctx, input }) => listAudit(ctx.db, ctx.actor, input)),
  /** The filtered entries for a CSV download, within the export's limit; the same scope as `list`. */
  export: protectedProcedure
    .input(auditFiltersSchema)
    .output(auditExportSchema)
    .query(({ ctx, input }) => exportAudit(ctx.db, ctx.actor, input)),
});
