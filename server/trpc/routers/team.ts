import { getConcurrentMembers, getMyTeam } from "@/server/services/team/team.queries";
import { concurrentMembersOutput, teamOutput } from "@/server/services/team/team.schemas";
import { createTRPCRouter } from "../init";
import { protectedProcedure } from "../procedures";

export const teamRouter = createTRPCRouter({
  /** The caller's direct reports (empty for people without reports). */
  reports: protectedProcedure.output(teamOutput).query(({ ctx }) => getMyTeam(ctx.db, ctx.actor)),
  /** People with a concurrent post (兼務) in the department the caller manages or heads (empty for others). */
  concurrent: protectedProcedure.output(concurrentMembersOutput).query(({ ctx }) => getConcurrentMembers(ctx.db, ctx.actor)),
});
