import { z } from "zod";
import { calendarDate } from "../common/dates.schemas";
import { freeText, integerId } from "../common/values.schemas";

export const CONVERSATION_NOTES_MAX = 10_000;
export const STEP_DESCRIPTION_MAX = 500;
export const MAX_NEXT_STEPS = 20;
const isoDate = calendarDate;

export const recordConversationInput = z
  .object({
    personId: integerId,
    heldOn: isoDate,
    sharedNotes: freeText.trim().max(CONVERSATION_NOTES_MAX),
    privateNotes: freeText.trim().max(CONVERSATION_NOTES_MAX).default(""),
    nextOn: isoDate.nullable().default(null),
    steps: z
      .array(
        z.object({
          description: freeText.trim().min(1).max(STEP_DESCRIPTION_MAX),
          /** The report or the manager. */
          ownerId: integerId,
          dueOn: isoDate.nullable().default(null),
        }),
      )
      .max(MAX_NEXT_STEPS)
      .default([]),
  })
  .strict();
export type RecordConversationInput = z.input<typeof recordConversationInput>;

export const conversationsOfInput = z.object({ personId: integerId });

export const completeStepInput = z.object({ stepId: integerId, done: z.boolean() });

const nameSchema = z.object({ id: z.number(), familyName: z.string(), givenName: z.string(), romanizedName: z.string() });

export const conversationViewSchema = z.object({
  id: z.number(),
  personId: z.number(),
  manager: nameSchema,
  heldOn: z.string(),
  sharedNotes: z.string(),
  nextOn: z.string().nullable(),
  /** Only for the manager who wrote them; null for everybody else, the report included. */
  privateNotes: z.string().nullable(),
  steps: z.array(
    z.object({ id: z.number(), description: z.string(), owner: nameSchema, dueOn: z.string().nullable(), doneAt: z.date().nullable() }),
  ),
});
export type ConversationView = z.infer<typeof conversationViewSchema>;
