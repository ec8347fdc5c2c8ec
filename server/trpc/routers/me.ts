import { getProfile } from "@/server/services/people/people.queries";
import { profileSchema } from "@/server/services/people/people.schemas";
import { createTRPCRouter } from "../init";
import { protectedProcedure } from "../procedures";

export const meRouter = createTRPCRouter({
  /** The signed-in person's own profile, restricted fields included. */
  profile: protectedProcedure.output(profileSchema).query(({ ctx }) => getProfile(ctx.db, ctx.actor, ctx.actor.personId)),
});
