import { z } from "zod";
import { getOpportunity, listDepartmentChoices, listOpportunities } from "@/server/services/opportunities/opportunity.queries";
import {
  createOpportunityInput,
  departmentChoiceSchema,
  departmentChoicesInput,
  listOpportunitiesInput,
  listOpportunitiesOutput,
  opportunityDetailSchema,
  opportunityIdInput,
  updateOpportunityInput,
} from "@/server/services/opportunities/opportunity.schemas";
import { createOpportunity, setOpportunityStatus, updateOpportunity } from "@/server/services/opportunities/opportunity.service";
import { createTRPCRouter } from "../init";
import { answerOk, okOutput } from "../ok";
import { protectedProcedure } from "../procedures";


export const opportunityRouter = createTRPCRouter({
  /** Open postings (plus the caller's drafts), searchable and filterable, paginated. */
  list: protectedProcedure
    .input(listOpportunitiesInput)
    .output(listOpportunitiesOutput)
    .query(({ ctx, input }) => listOpportunities(ctx.db, ctx.actor, input)),
  /** One posting; a draft only for its owner and HR. */
  byId: protectedProcedure
    .input(opportunityIdInput)
    .output(opportunityDetailSchema)
    .query(({ ctx, input }) => getOpportunity(ctx.db, ctx.actor, input.opportunityId)),
  /** Department choices: those the caller may post for (`post`), or all of them (`browse`, the search filter). */
  departments: protectedProcedure
    .input(departmentChoicesInput.optional())
    .output(z.array(departmentChoiceSchema))
    .query(({ ctx, input }) => listDepartmentChoices(ctx.db, ctx.actor, input ?? {})),
  /** A draft posting for the caller's department (managers) or any department (HR). */
  create: protectedProcedure
    .input(createOpportunityInput)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => createOpportunity(ctx.db, ctx.actor, input)),
  /** Edits a posting (owner or HR), with a version check. */
  update: protectedProcedure
    .input(updateOpportunityInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => answerOk(updateOpportunity(ctx.db, ctx.actor, input))),
  /** Opens, closes or fills a posting (owner or HR); filling waits for the minimum open period. */
  setStatus: protectedProcedure
    .input(opportunityIdInput.extend({ status: z.enum(["open", "closed", "filled"]) }))
    .output(okOutput)
    .mutation(({ ctx, input }) => answerOk(setOpportunityStatus(ctx.db, ctx.actor, input))),
});
