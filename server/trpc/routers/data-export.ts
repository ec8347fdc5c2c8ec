import { peopleExportSchema, skillsExportSchema, willsExportSchema } from "@/server/services/exports/data-export.schemas";
import { exportPeople, exportSkills, exportWillsSharedWithHr } from "@/server/services/exports/data-export.service";
import { createTRPCRouter } from "../init";
import { protectedProcedure } from "../procedures";

/** Company-wide exports (admin; Wills for an admin who is also HR; decided in the service), served as CSV by /api/exports/<table>. */
export const dataExportRouter = createTRPCRouter({
  people: protectedProcedure.output(peopleExportSchema).query(({ ctx }) => exportPeople(ctx.db, ctx.actor)),
  skills: protectedProcedure.output(skillsExportSchema).query(({ ctx }) => exportSkills(ctx.db, ctx.actor)),
  wills: protectedProcedure.output(willsExportSchema).query(({ ctx }) => exportWillsSharedWithHr(ctx.db, ctx.actor)),
});
