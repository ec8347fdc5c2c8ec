import { TRPCError } from "@trpc/server";
import { isAdministrator, isHrStaff } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
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
