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
import { protectedProcedure } from "../procedures";

const ok = z.object({ ok: z.literal(true) });

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
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await updateOpportunity(ctx.db, ctx.actor, input);
      return { ok: true as const };
    }),
  /** Opens, closes or fills a posting (owner or HR); filling waits for the minimum open period. */
  setStatus: protectedProcedure
    .input(opportunityIdInput.extend({ status: z.enum(["open", "closed", "filled"]) }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await setOpportunityStatus(ctx.db, ctx.actor, input);
      return { ok: true as const };
    }),
});
