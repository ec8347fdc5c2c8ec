import { z } from "zod";
import { personIdInput } from "@/server/services/people/people.schemas";
import { listDemoPersonas } from "@/server/services/session/demo-personas.service";
import { revokeSessions } from "@/server/services/session/session.service";
import { bilingual } from "@/server/services/common/values.schemas";
import { createTRPCRouter } from "../init";
import { adminProcedure, protectedProcedure, publicProcedure } from "../procedures";

const revokedOutput = z.object({ revoked: z.number() });

export const sessionRouter = createTRPCRouter({
  /** The one-click demo personas; refused unless demo sign-in is turned on. */
  demoPersonas: publicProcedure
    .output(
      z.array(
        z.object({
          key: z.string(),
          personId: z.number(),
          familyName: z.string(),
          givenName: z.string(),
          romanizedName: z.string(),
          department: bilingual,
          role: bilingual,
        }),
      ),
    )
    .query(({ ctx }) => listDemoPersonas(ctx.db, { enabled: ctx.demoSignInEnabled })),
  /** Signs the caller out on every device. */
  revokeMine: protectedProcedure.output(revokedOutput).mutation(({ ctx }) => revokeSessions(ctx.db, ctx.actor, ctx.actor.personId)),
  /** Ends all sessions of a person (admin): a lost device, a leaver. */
  revoke: adminProcedure
    .input(personIdInput)
    .output(revokedOutput)
    .mutation(({ ctx, input }) => revokeSessions(ctx.db, ctx.actor, input.personId)),
});
