import { getOwnWill, getOwnWillHistory, willOf } from "@/server/services/will/will.queries";
import { saveWillInput, willVersionSchema, willViewSchema } from "@/server/services/will/will.schemas";
import { saveOwnWill } from "@/server/services/will/will.service";
import { z } from "zod";
import { personIdInput } from "@/server/services/people/people.schemas";
import { createTRPCRouter } from "../init";
import { protectedProcedure, rateLimitedProcedure } from "../procedures";

export const willRouter = createTRPCRouter({
  /** The caller's own Will (empty and private until saved). */
  mine: protectedProcedure.output(willViewSchema).query(({ ctx }) => getOwnWill(ctx.db, ctx.actor)),
  /** Saves the caller's Will as a new version; a stale editor gets a conflict. */
  save: rateLimitedProcedure("profileSave")
    .input(saveWillInput)
    .output(willViewSchema)
    .mutation(({ ctx, input }) => saveOwnWill(ctx.db, ctx.actor, input)),
  /** Someone's Will, if they share it with the caller (policies.canReadWill); null otherwise. */
  of: protectedProcedure
    .input(personIdInput)
    .output(willViewSchema.nullable())
    .query(({ ctx, input }) => willOf(ctx.db, ctx.actor, input.personId)),
  /** Every saved version of the caller's own Will. */
  history: protectedProcedure.output(z.array(willVersionSchema)).query(({ ctx }) => getOwnWillHistory(ctx.db, ctx.actor)),
});
