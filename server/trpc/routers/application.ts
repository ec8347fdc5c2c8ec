import { z } from "zod";
import { hrQueue, myApplications, pipelineFor, releaseInbox } from "@/server/services/applications/application.queries";
import {
  actInput,
  actResultSchema,
  applicationViewSchema,
  applyInput,
  hrQueueItemSchema,
  inboxItemSchema,
} from "@/server/services/applications/application.schemas";
import { act, apply } from "@/server/services/applications/application.service";
import { opportunityIdInput } from "@/server/services/opportunities/opportunity.schemas";
import { createTRPCRouter } from "../init";
import { hrProcedure, protectedProcedure, rateLimitedProcedure } from "../procedures";

export const applicationRouter = createTRPCRouter({
  /** Applies to an open posting (idempotent with a key). `apply` is a reserved word in tRPC. */
  submit: rateLimitedProcedure("apply")
    .input(applyInput)
    .output(actResultSchema)
    .mutation(({ ctx, input }) => apply(ctx.db, ctx.actor, input)),
  /** One workflow step — withdraw, shortlist, offer, release, finalize… — by whoever it belongs to. */
  act: protectedProcedure
    .input(actInput)
    .output(actResultSchema)
    .mutation(({ ctx, input }) => act(ctx.db, ctx.actor, input)),
  /** The caller's applications with their timelines. */
  mine: protectedProcedure.output(z.array(applicationViewSchema)).query(({ ctx }) => myApplications(ctx.db, ctx.actor)),
  /** Applicants to a posting by stage (its hiring manager or HR). */
  pipeline: protectedProcedure
    .input(opportunityIdInput)
    .output(z.array(applicationViewSchema))
    .query(({ ctx, input }) => pipelineFor(ctx.db, ctx.actor, input.opportunityId)),
  /** Releases waiting on the caller as a current manager (disclosed applications only). */
  inbox: protectedProcedure.output(z.array(inboxItemSchema)).query(({ ctx }) => releaseInbox(ctx.db, ctx.actor)),
  /** HR: finalize, escalations, declines to review. */
  hrQueue: hrProcedure.output(z.array(hrQueueItemSchema)).query(({ ctx }) => hrQueue(ctx.db, ctx.actor)),
});
