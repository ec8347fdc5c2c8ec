import {
  okOutput,
  removeOwnSkillInput,
  setOwnSkillInput,
  updateProfileInput,
  verifySkillInput,
} from "@/server/services/profile/profile.schemas";
import { markOwnProfileReviewed, removeOwnSkill, setOwnSkill, updateOwnProfile, verifySkill } from "@/server/services/profile/profile.service";
import { createTRPCRouter } from "../init";
import { protectedProcedure, rateLimitedProcedure } from "../procedures";

const profileSave = rateLimitedProcedure("profileSave");

const ok = { ok: true as const };

export const profileRouter = createTRPCRouter({
  /** Adds or changes a skill on the caller's own profile (a level change clears verification). */
  setSkill: profileSave
    .input(setOwnSkillInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await setOwnSkill(ctx.db, ctx.actor, input);
      return ok;
    }),
  /** Removes a skill from the caller's own profile. */
  removeSkill: profileSave
    .input(removeOwnSkillInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await removeOwnSkill(ctx.db, ctx.actor, input);
      return ok;
    }),
  /** The caller's tagline and directory visibility. */
  update: profileSave
    .input(updateProfileInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await updateOwnProfile(ctx.db, ctx.actor, input);
      return ok;
    }),
  /** "My profile is up to date." */
  markReviewed: profileSave.output(okOutput).mutation(async ({ ctx }) => {
    await markOwnProfileReviewed(ctx.db, ctx.actor);
    return ok;
  }),
  /** The direct manager verifies or corrects a report's skill level. */
  verifySkill: protectedProcedure
    .input(verifySkillInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await verifySkill(ctx.db, ctx.actor, input);
      return ok;
    }),
});
