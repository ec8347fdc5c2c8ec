import { z } from "zod";
import {
  completeStepInput,
  conversationsOfInput,
  conversationViewSchema,
  recordConversationInput,
} from "@/server/services/conversations/conversation.schemas";
import { conversationsOf, recordConversation, setStepDone } from "@/server/services/conversations/conversation.service";
import { createTRPCRouter } from "../init";
import { answerOk, okOutput } from "../ok";
import { protectedProcedure } from "../procedures";

export const conversationRouter = createTRPCRouter({
  /** A person's career conversations: the report and their manager; private notes for their author only. */
  list: protectedProcedure
    .input(conversationsOfInput)
    .output(z.array(conversationViewSchema))
    .query(({ ctx, input }) => conversationsOf(ctx.db, ctx.actor, input.personId)),
  /** The direct manager records a conversation. */
  record: protectedProcedure
    .input(recordConversationInput)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => recordConversation(ctx.db, ctx.actor, input)),
  /** Ticks a next step off: its owner or the manager who held the conversation. */
  setStepDone: protectedProcedure
    .input(completeStepInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => answerOk(setStepDone(ctx.db, ctx.actor, input))),
});
