import { z } from "zod";
import { issuedScimTokenSchema, scimTokenIdInput, scimTokenNameInput, scimTokenRowSchema } from "@/server/services/scim/scim.schemas";
import { createScimToken, listScimTokens, revokeScimToken, rotateScimToken } from "@/server/services/scim/scim-token.service";
import { createTRPCRouter } from "../init";
import { adminProcedure } from "../procedures";

/** The identity provider's SCIM tokens (admin): listed by name, created and rotated with the secret shown once, revoked. */
export const scimRouter = createTRPCRouter({
  tokens: adminProcedure.output(z.array(scimTokenRowSchema)).query(({ ctx }) => listScimTokens(ctx.db, ctx.actor)),
  createToken: adminProcedure
    .input(scimTokenNameInput)
    .output(issuedScimTokenSchema)
    .mutation(({ ctx, input }) => createScimToken(ctx.db, ctx.actor, input)),
  rotateToken: adminProcedure
    .input(scimTokenIdInput)
    .output(issuedScimTokenSchema)
    .mutation(({ ctx, input }) => rotateScimToken(ctx.db, ctx.actor, input)),
  revokeToken: adminProcedure
    .input(scimTokenIdInput)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => revokeScimToken(ctx.db, ctx.actor, input)),
});
