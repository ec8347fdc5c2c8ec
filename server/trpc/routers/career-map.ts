import { getCareerGap, getCareerMap, getCareerRole } from "@/server/services/career-map/career-map.queries";
import {
  careerGapInput,
  careerGapSchema,
  careerMapSchema,
  careerRoleInput,
  careerRoleSchema,
} from "@/server/services/career-map/career-map.schemas";
import { createTRPCRouter } from "../init";
import { protectedProcedure } from "../procedures";

export const careerMapRouter = createTRPCRouter({
  /** The whole career map, laid out, with the caller's own position and Will targets marked. */
  map: protectedProcedure.output(careerMapSchema).query(({ ctx }) => getCareerMap(ctx.db, ctx.actor)),
  /** One role by slug: levels 1–4 and the paths in and out (reference data for everyone signed in). */
  role: protectedProcedure
    .input(careerRoleInput)
    .output(careerRoleSchema)
    .query(({ ctx, input }) => getCareerRole(ctx.db, input)),
  /** The caller's own gap to a role (default level by the rule in gap.ts); never anyone else's. */
  gap: protectedProcedure
    .input(careerGapInput)
    .output(careerGapSchema)
    .query(({ ctx, input }) => getCareerGap(ctx.db, ctx.actor, input)),
});
