import { z } from "zod";
import { candidatesInput, candidatesOutput, recommendationsOutput } from "@/server/services/matching/matching.schemas";
import { candidatesFor, markNotInterested, recommendationsFor } from "@/server/services/matching/matching.service";
import { integerId } from "@/server/services/common/values.schemas";
import { createTRPCRouter } from "../init";
import { answerOk, okOutput } from "../ok";
import { protectedProcedure } from "../procedures";

export const matchingRouter = createTRPCRouter({
  /** Suggested candidates for a posting (its hiring manager or HR), precomputed, with explanations. */
  candidates: protectedProcedure
    .input(candidatesInput)
    .output(candidatesOutput)
    .query(({ ctx, input }) => candidatesFor(ctx.db, ctx.actor, input)),
  /** "Recommended for you": open postings ranked for the caller, with reasons and what-ifs. */
  recommendations: protectedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(50).default(20) }))
    .output(recommendationsOutput)
    .query(({ ctx, input }) => recommendationsFor(ctx.db, ctx.actor, input.limit)),
  /** Hides a posting from the caller's recommendations, for good. */
  notInterested: protectedProcedure
    .input(z.object({ opportunityId: integerId }))
    .output(okOutput)
    .mutation(({ ctx, input }) => answerOk(markNotInterested(ctx.db, ctx.actor, input.opportunityId))),
});
