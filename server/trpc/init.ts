import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { AppError, type AppErrorCode } from "@/server/errors";
import { defaultLocale, serverTranslator } from "@/server/i18n";
import type { Context } from "./context";
import { translateIssues } from "./validation-messages";

const trpcCodeFor: Record<AppErrorCode, TRPCError["code"]> = {
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  BAD_REQUEST: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

/** tRPC's own refusals we expect (bad JSON, a batch too large…): each gets a translated message. */
const expectedTransportCodes = new Set<TRPCError["code"]>([
  "PARSE_ERROR",
  "BAD_REQUEST",
  "METHOD_NOT_SUPPORTED",
  "NOT_FOUND",
  "PAYLOAD_TOO_LARGE",
  "UNAUTHORIZED",
  "FORBIDDEN",
]);

export type ErrorData = {
  code: TRPCError["code"];
  httpStatus: number;
  fieldErrors?: Record<string, string>;
  /** Quote this to support: it finds the full error in the server log. */
  correlationId?: string;
  stack?: string;
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Stacks only while developing; never in production or tests.
  isDev: process.env.NODE_ENV === "development",
  /**
   * The one place errors are shaped for the client. Only intended errors keep a (translated)
   * message; anything unexpected becomes a generic message with a correlation id, and the real
   * error (which may quote SQL or parameters) goes to the server log only.
   */
  errorFormatter({ shape, error, ctx }) {
    const translate = serverTranslator(ctx?.locale ?? defaultLocale);
    const base: ErrorData = { code: shape.data.code, httpStatus: shape.data.httpStatus, ...(shape.data.stack ? { stack: shape.data.stack } : {}) };
    const cause = error.cause;
    if (cause instanceof AppError) {
      return { ...shape, message: translate(`errors.${cause.messageKey}` as "errors.notFound", cause.params), data: base };
    }
    if (cause instanceof ZodError) {
      const fieldErrors = translateIssues(cause, translate);
      const first = Object.values(fieldErrors)[0];
      return {
        ...shape,
        message: first ? translate("errors.invalidInputWithDetail", { detail: first }) : translate("errors.invalidInput"),
        data: { ...base, fieldErrors },
      };
    }
    if (!cause && expectedTransportCodes.has(error.code)) {
      return { ...shape, message: translate(`errors.transport.${error.code}` as "errors.transport.BAD_REQUEST"), data: base };
    }
    const correlationId = randomUUID();
    console.error(`[trpc] unexpected error ${correlationId} on ${shape.data.path ?? "?"}:`, error.cause ?? error);
    return { ...shape, message: translate("errors.unexpected", { correlationId }), data: { ...base, correlationId } };
  },
});

/**
 * Turns a service's AppError into the matching tRPC error, so the HTTP status and the client's
 * error code are right; the formatter then translates it.
 */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    throw new TRPCError({ code: trpcCodeFor[result.error.cause.code], message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;
/** The base every tier starts from. Not exported bare: use a named tier from ./procedures. */
export const baseProcedure = t.procedure.use(mapAppErrors);
export const middleware = t.middleware;
