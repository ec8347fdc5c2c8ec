import { searchSkills, getLevelGuide } from "@/server/services/skills/skill.queries";
import { levelGuideOutput, searchSkillsInput, searchSkillsOutput } from "@/server/services/skills/skill.schemas";
import { createTRPCRouter } from "../init";
import { protectedProcedure } from "../procedures";

export const skillRouter = createTRPCRouter({
  /** What proficiency levels 1–4 mean (MHLW level guide), in both languages. */
  levelGuide: protectedProcedure.output(levelGuideOutput).query(({ ctx }) => getLevelGuide(ctx.db)),
  /** The taxonomy by Japanese name, English name or alias. */
  search: protectedProcedure
    .input(searchSkillsInput)
    .output(searchSkillsOutput)
    .query(({ ctx, input }) => searchSkills(ctx.db, input)),
});
