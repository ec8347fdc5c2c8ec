import { z } from "zod";
import { MOTIVATION_MAX } from "../applications/application.schemas";

/** Longest message a hiring manager may send with a scout invitation. */
export const SCOUT_MESSAGE_MAX = 2000;

export const inviteInput = z
  .object({
    opportunityId: z.number().int().positive().max(2_147_483_647),
    candidateKey: z.string().min(10).max(40),
    message: z.string().trim().min(1).max(SCOUT_MESSAGE_MAX),
  })
  .strict();

export const respondInput = z
  .object({
    inviteId: z.number().int().positive().max(2_147_483_647),
    response: z.enum(["casual_interview", "application", "decline"]),
    /** With "application": the motivation, as when applying directly. */
    motivation: z.string().trim().max(MOTIVATION_MAX).default(""),
  })
  .strict();
