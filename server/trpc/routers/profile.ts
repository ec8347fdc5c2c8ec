import {
  removeOwnSkillInput,
  setOwnSkillInput,
  updateProfileInput,
  verifySkillInput,
} from "@/server/services/profile/profile.schemas";
import { markOwnProfileReviewed, removeOwnSkill, setOwnSkill, updateOwnProfile, verifySkill } from "@/server/services/profile/profile.service";
import { createTRPCRouter } from "../init";
import { answerOk, okOutput } from "../ok";
import { protectedProcedure, rateLimitedProcedure } from "../procedures";

const profileSave = rateLimitedProcedure("profileSave");

export const profileRouter = createTRPCRouter({
  /** Adds or changes a skill on the caller's own profile (a level change clears verification). */
  setSkill: profileSave
    .input(setOwnSkillInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => answerOk(setOwnSkill(ctx.db, ctx.actor, input))),
  /** Removes a skill from the caller's own profile. */
  removeSkill: profileSave
    .input(removeOwnSkillInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => answerOk(removeOwnSkill(ctx.db, ctx.actor, input))),
  /** The caller's tagline and directory visibility. */
  update: profileSave
    .input(updateProfileInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => answerOk(updateOwnProfile(ctx.db, ctx.actor, input))),
  /** "My profile is up to date." */
  markReviewed: profileSave.output(okOutput).mutation(({ ctx }) => answerOk(markOwnProfileReviewed(ctx.db, ctx.actor))),
  /** The direct manager verifies or corrects a report's skill level. */
  verifySkill: protectedProcedure
    .input(verifySkillInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => answerOk(verifySkill(ctx.db, ctx.actor, input))),
});
