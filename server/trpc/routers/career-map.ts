import { getCareerGap, getCareerMap, getCareerRole } from "@/server/services/career-map/career-map.queries";
import {
  careerGapInput,
  careerGapSchema,
  careerMapSchema,
  careerRoleInput,
  careerRoleSchema,
} from "@/server/services/career-map/career-map.schemas";
import {
  careerMapOutlineOutput,
  pathIdInput,
  retireInput,
  roleIdInput,
  saveCareerPathInput,
  saveJobFamilyInput,
  saveRoleInput,
  saveRoleLevelInput,
} from "@/server/services/career-map/career-map-editor.schemas";
import {
  deleteCareerPath,
  deleteRole,
  getCareerMapOutline,
  saveCareerPath,
  saveJobFamily,
  saveRole,
  saveRoleLevel,
  setJobFamilyRetired,
  setRoleRetired,
} from "@/server/services/career-map/career-map-editor.service";
import { savedIdOutput } from "@/server/services/taxonomy/taxonomy.schemas";
import { createTRPCRouter } from "../init";
import { okOutput } from "../ok";
import { adminProcedure, protectedProcedure } from "../procedures";

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

  /** Administrators: the map with retired families and roles, every level, and how many hold each role. */
  outline: adminProcedure.output(careerMapOutlineOutput).query(({ ctx }) => getCareerMapOutline(ctx.db, ctx.actor)),
  /** Administrators: creates or renames a job family. */
  saveFamily: adminProcedure
    .input(saveJobFamilyInput)
    .output(savedIdOutput)
    .mutation(({ ctx, input }) => saveJobFamily(ctx.db, ctx.actor, input)),
  retireFamily: adminProcedure
    .input(retireInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => setJobFamilyRetired(ctx.db, ctx.actor, input)),
  /** Administrators: creates (with levels 1–4) or edits a role: family, track, names, description. */
  saveRole: adminProcedure
    .input(saveRoleInput)
    .output(savedIdOutput)
    .mutation(({ ctx, input }) => saveRole(ctx.db, ctx.actor, input)),
  /** Administrators: a level's standard years, key experiences and qualifications. */
  saveLevel: adminProcedure
    .input(saveRoleLevelInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => saveRoleLevel(ctx.db, ctx.actor, input)),
  /** Administrators: retires a role (kept where held, not offered anew) or brings it back. */
  retireRole: adminProcedure
    .input(retireInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => setRoleRetired(ctx.db, ctx.actor, input)),
  /** Administrators: deletes a role nobody holds and nothing names; otherwise refused (retire it). */
  deleteRole: adminProcedure
    .input(roleIdInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => deleteRole(ctx.db, ctx.actor, input)),
  /** Administrators: creates or edits a path between two roles. */
  savePath: adminProcedure
    .input(saveCareerPathInput)
    .output(savedIdOutput)
    .mutation(({ ctx, input }) => saveCareerPath(ctx.db, ctx.actor, input)),
  deletePath: adminProcedure
    .input(pathIdInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => deleteCareerPath(ctx.db, ctx.actor, input)),
});
