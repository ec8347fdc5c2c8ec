import {
  mergeSkillsInput,
  mergeSkillsOutput,
  removeAdjacencyInput,
  retireSkillInput,
  saveCategoryInput,
  savedIdOutput,
  saveSkillInput,
  setAdjacencyInput,
  taxonomyOutput,
} from "@/server/services/taxonomy/taxonomy.schemas";
import { getTaxonomy, mergeSkills, removeAdjacency, saveCategory, saveSkill, setAdjacency, setSkillRetired } from "@/server/services/taxonomy/taxonomy.service";
import { createTRPCRouter } from "../init";
import { okOutput } from "../ok";
import { adminProcedure } from "../procedures";

/** The skill taxonomy's administration: administrators only; every change audited in its transaction. */
export const taxonomyRouter = createTRPCRouter({
  /** Every category, skill (retired ones too, with how many hold each) and adjacency pair. */
  overview: adminProcedure.output(taxonomyOutput).query(({ ctx }) => getTaxonomy(ctx.db, ctx.actor)),
  /** Creates or edits a skill: names in both languages, category, aliases, description. */
  saveSkill: adminProcedure
    .input(saveSkillInput)
    .output(savedIdOutput)
    .mutation(({ ctx, input }) => saveSkill(ctx.db, ctx.actor, input)),
  /** Creates, renames or reorders a category. */
  saveCategory: adminProcedure
    .input(saveCategoryInput)
    .output(savedIdOutput)
    .mutation(({ ctx, input }) => saveCategory(ctx.db, ctx.actor, input)),
  /** Sets the weight (0–1] of two skills' adjacency. */
  setAdjacency: adminProcedure
    .input(setAdjacencyInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => setAdjacency(ctx.db, ctx.actor, input)),
  removeAdjacency: adminProcedure
    .input(removeAdjacencyInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => removeAdjacency(ctx.db, ctx.actor, input)),
  /** Merges one skill into another everywhere it is held, asked for or wanted; candidates are recomputed. */
  mergeSkills: adminProcedure
    .input(mergeSkillsInput)
    .output(mergeSkillsOutput)
    .mutation(({ ctx, input }) => mergeSkills(ctx.db, ctx.actor, input)),
  /** Retires a skill (no longer offered; kept where held) or brings it back. */
  retireSkill: adminProcedure
    .input(retireSkillInput)
    .output(okOutput)
    .mutation(({ ctx, input }) => setSkillRetired(ctx.db, ctx.actor, input)),
});
