import { z } from "zod";
import { skillId, skillLevel } from "../skills/skill.schemas";
import { bilingual, integerId } from "../shared/values.schemas";

export const endorseInput = z
  .object({
    participationId: integerId,
    skills: z.array(z.object({ skillId, level: skillLevel })).min(1).max(15),
    note: z.string().trim().max(500).default(""),
  })
  .strict();
export type EndorseInput = z.input<typeof endorseInput>;

export const toEndorseSchema = z.array(
  z.object({
    participationId: z.number(),
    opportunityTitle: z.string(),
    person: z.object({ id: z.number(), familyName: z.string(), givenName: z.string(), romanizedName: z.string() }),
    startOn: z.string(),
    endOn: z.string().nullable(),
    /** The posting's skills, offered as what was probably used. */
    suggestedSkills: z.array(z.object({ skillId: z.number(), name: bilingual, level: z.number() })),
  }),
);
