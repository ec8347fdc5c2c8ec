import { z } from "zod";
import { freeText, integerId } from "../common/values.schemas";

export const SCIM_TOKEN_NAME_MAX = 60;

export const scimTokenNameInput = z.object({ name: freeText.trim().min(1).max(SCIM_TOKEN_NAME_MAX) });
export type ScimTokenNameInput = z.input<typeof scimTokenNameInput>;

export const scimTokenIdInput = z.object({ tokenId: integerId });

export const scimTokenRowSchema = z.object({
  id: z.number(),
  name: z.string(),
  createdBy: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type ScimTokenRow = z.infer<typeof scimTokenRowSchema>;

/** A new token: its secret is in this answer only, never stored or shown again. */
export const issuedScimTokenSchema = z.object({ id: z.number(), token: z.string() });
