import { z } from "zod";
import { inviteInput, respondInput } from "@/server/services/scouting/scouting.schemas";
import { invite, myInvites, respond } from "@/server/services/scouting/scouting.service";
import { bilingual } from "@/server/services/common/values.schemas";
import { createTRPCRouter } from "../init";
import { protectedProcedure } from "../procedures";

export const scoutRouter = createTRPCRouter({
  /** The hiring manager (or HR) invites a suggested candidate; it reaches them only while they are open to scouting. */
  invite: protectedProcedure
    .input(inviteInput)
    .output(z.object({ inviteId: z.number() }))
    .mutation(({ ctx, input }) => invite(ctx.db, ctx.actor, input)),
  /** The invited person answers: casual interview, application, or no. */
  respond: protectedProcedure
    .input(respondInput)
    .output(z.object({ applicationId: z.number().nullable() }))
    .mutation(({ ctx, input }) => respond(ctx.db, ctx.actor, input)),
  /** The caller's scout inbox. */
  mine: protectedProcedure
    .output(
      z.array(
        z.object({
          id: z.number(),
          opportunityId: z.number(),
          opportunityTitle: z.string(),
          department: bilingual,
          message: z.string(),
          status: z.enum(["pending", "accepted", "declined"]),
          response: z.string().nullable(),
          createdAt: z.date(),
          from: z.object({ id: z.number(), familyName: z.string(), givenName: z.string(), romanizedName: z.string() }),
        }),
      ),
    )
    .query(async ({ ctx }) =>
      (await myInvites(ctx.db, ctx.actor)).map(({ departmentJa, departmentEn, ...row }) => ({ ...row, department: { ja: departmentJa, en: departmentEn } })),
    ),
});
