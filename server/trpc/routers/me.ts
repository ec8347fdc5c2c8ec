import { getProfile } from "@/server/services/people/people.queries";
import { getReminders } from "@/server/services/team/team.queries";
import { remindersOutput } from "@/server/services/team/team.schemas";
import { profileSchema } from "@/server/services/people/people.schemas";
import { createTRPCRouter } from "../init";
import { protectedProcedure } from "../procedures";

export const meRouter = createTRPCRouter({
  /** The signed-in person's own profile, restricted fields included. */
  profile: protectedProcedure.output(profileSchema).query(({ ctx }) => getProfile(ctx.db, ctx.actor, ctx.actor.personId)),
  /** What needs the caller's attention: a stale profile, overdue conversations, team to-dos. */
  reminders: protectedProcedure.output(remindersOutput).query(({ ctx }) => getReminders(ctx.db, ctx.actor)),
});
