import { z } from "zod";
import { skillId, skillLevel } from "../skills/skill.schemas";
import { bilingual, freeText, integerId } from "../common/values.schemas";

export const ENDORSEMENT_NOTE_MAX = 500;

export const endorseInput = z
  .object({
    participationId: integerId,
    skills: z.array(z.object({ skillId, level: skillLevel })).min(1).max(15),
    note: freeText.trim().max(ENDORSEMENT_NOTE_MAX).default(""),
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
    /** The skills the posting required or grew, at the highest level it named: what can be endorsed. */
    suggestedSkills: z.array(z.object({ skillId: z.number(), name: bilingual, level: z.number() })),
  }),
);
