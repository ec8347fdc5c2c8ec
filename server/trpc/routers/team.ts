import { getMyTeam } from "@/server/services/team/team.queries";
import { teamOutput } from "@/server/services/team/team.schemas";
import { createTRPCRouter } from "../init";
import { protectedProcedure } from "../procedures";

export const teamRouter = createTRPCRouter({
  /** The caller's direct reports (empty for people without reports). */
  reports: protectedProcedure.output(teamOutput).query(({ ctx }) => getMyTeam(ctx.db, ctx.actor)),
});
