import { z } from "zod";
import { MOTIVATION_MAX } from "../applications/application.schemas";
import { freeText, integerId } from "../common/values.schemas";

/** Longest message a hiring manager may send with a scout invitation. */
export const SCOUT_MESSAGE_MAX = 2000;

export const inviteInput = z
  .object({
    opportunityId: integerId,
    candidateKey: freeText.min(10).max(40),
    message: freeText.trim().min(1).max(SCOUT_MESSAGE_MAX),
  })
  .strict();

export const respondInput = z
  .object({
    inviteId: integerId,
    response: z.enum(["casual_interview", "application", "decline"]),
    /** With "application": the motivation, as when applying directly. */
    motivation: freeText.trim().max(MOTIVATION_MAX).default(""),
  })
  .strict();
