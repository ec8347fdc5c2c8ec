import { TRPCError } from "@trpc/server";
import { isAdministrator, isHrStaff } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { type RateLimitName, rateLimits } from "@/server/http/rate-limit";
import { baseProcedure } from "./init";

/** Anyone, signed in or not. Use only for what a signed-out visitor may see (the sign-in page). */
export const publicProcedure = baseProcedure;

/** A signed-in, active person. Narrows `ctx.actor` to non-null. */
export const protectedProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", cause: new AppError("UNAUTHORIZED") });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** HR staff (flag read from the database on this request). */
export const hrProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!isHrStaff(ctx.actor)) throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN") });
  return next();
});

/** Administrators (taxonomy, career map, people, sessions). */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!isAdministrator(ctx.actor)) throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN") });
  return next();
});

/**
 * A signed-in procedure limited per person (numbers in server/http/rate-limit.ts). Over the limit
 * the call is refused with 429 and the seconds to wait, before any work is done.
 */
export function rateLimitedProcedure(limit: RateLimitName) {
  return protectedProcedure.use(({ ctx, next }) => {
    const taken = rateLimits[limit].take(String(ctx.actor.personId));
    if (!taken.ok) {
      const cause = new AppError("TOO_MANY_REQUESTS", "tooManyRequests", { seconds: taken.retryAfterSeconds });
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", cause });
    }
    return next();
  });
}
