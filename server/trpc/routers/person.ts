import { getProfile, searchPeople } from "@/server/services/people/people.queries";
import { personIdInput, profileSchema, searchPeopleInput, searchPeopleOutput } from "@/server/services/people/people.schemas";
import { createTRPCRouter } from "../init";
import { protectedProcedure } from "../procedures";

export const personRouter = createTRPCRouter({
  /** A colleague's profile; restricted fields only for self, their manager, HR and admins. */
  byId: protectedProcedure
    .input(personIdInput)
    .output(profileSchema)
    .query(({ ctx, input }) => getProfile(ctx.db, ctx.actor, input.personId)),
  /** The directory: search active people by name, reading or skill. */
  search: protectedProcedure
    .input(searchPeopleInput)
    .output(searchPeopleOutput)
    .query(({ ctx, input }) => searchPeople(ctx.db, ctx.actor, input)),
});
