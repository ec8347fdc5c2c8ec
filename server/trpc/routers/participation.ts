import { endorseInput, toEndorseSchema } from "@/server/services/participations/participation.schemas";
import { endorseParticipation, participationsToEndorse } from "@/server/services/participations/participation.service";
import { createTRPCRouter } from "../init";
import { answerOk, okOutput } from "../ok";
import { protectedProcedure } from "../procedures";

export const participationRouter = createTRPCRouter({
  /** Ended projects and rotations in the caller's postings, waiting for their skill endorsement. */
  toEndorse: protectedProcedure.output(toEndorseSchema).query(({ ctx }) => participationsToEndorse(ctx.db, ctx.actor)),
  /** The posting's owner endorses the skills used: they become verified evidence on the profile. */
  endorse: protectedProcedure
    .input(endorseInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => answerOk(endorseParticipation(ctx.db, ctx.actor, input))),
});
