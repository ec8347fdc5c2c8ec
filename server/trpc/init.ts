import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { asActor } from "@/db/scope";
import { AppError, type AppErrorCode } from "@/server/errors";
import { defaultLocale, serverTranslator } from "@/server/i18n";
import { inRequestScope, log, safeError } from "@/server/log";
import { type Context, ContextUnavailableError } from "./context";
import { translateIssues } from "./validation-messages";

/** A service's code is a tRPC code already; this fails to compile if one ever is not. */
const trpcCodeFor = (code: AppErrorCode): TRPCError["code"] => code;

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

/**
 * An error we meant (a service's refusal, bad input, a refused request): shown to the user, not logged.
 * A refused request may carry a cause: what tRPC could not read (invalid JSON, a malformed superjson
 * payload) — still the request's fault, never the server's.
 */
function isIntended(error: TRPCError): boolean {
  return error.cause instanceof AppError || error.cause instanceof ZodError || expectedTransportCodes.has(error.code);
}

/**
 * Logs an error nobody meant, under the request's id (the reference the user is shown), redacted:
 * its message may quote SQL parameters, i.e. someone's data. Intended errors are not logged.
 */
export function logUnexpectedError(error: TRPCError, requestId: string, path: string | undefined) {
  if (isIntended(error)) return;
  log.error({ requestId, path, error: safeError(error.cause ?? error) }, "unexpected error");
}

export type ErrorData = {
  code: TRPCError["code"];
  httpStatus: number;
  fieldErrors?: Record<string, string>;
  /** Quote this to support: the request's id, which every server log line of the request carries. */
  correlationId?: string;
  stack?: string;
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Stacks only while developing; never in production or tests.
  isDev: process.env.NODE_ENV === "development",
  /**
   * The one place errors are shaped for the client. Only intended errors keep a (translated)
   * message; anything unexpected becomes a generic message with the request id as its reference,
   * and the real error goes to the server log only (`logUnexpectedError`).
   */
  errorFormatter({ shape, error, ctx }) {
    const translate = serverTranslator(ctx?.locale ?? (error.cause instanceof ContextUnavailableError ? error.cause.locale : defaultLocale));
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
    if (expectedTransportCodes.has(error.code)) {
      return { ...shape, message: translate(`errors.transport.${error.code}` as "errors.transport.BAD_REQUEST"), data: base };
    }
    // No context when creating it failed (e.g. the database is down): the error still gets an id.
    const correlationId = ctx?.requestId ?? randomUUID();
    logUnexpectedError(error, correlationId, shape.data.path);
    return { ...shape, message: translate("errors.unexpected", { correlationId }), data: { ...base, correlationId } };
  },
});

/**
 * Every call runs in its request's log scope (so whatever it logs carries the request id) and
 * leaves one line: the procedure, how long it took, and the error code when it failed.
 */
const logCalls = t.middleware(({ ctx, path, type, next }) =>
  inRequestScope(ctx.requestId, async () => {
    const started = performance.now();
    const result = await next();
    const durationMs = Math.round(performance.now() - started);
    log.info({ path, type, durationMs, ...(result.ok ? {} : { code: result.error.code }) }, "procedure call");
    return result;
  }),
);

/**
 * Turns a service's AppError into the matching tRPC error, so the HTTP status and the client's
 * error code are right; the formatter then translates it.
 */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    throw new TRPCError({ code: trpcCodeFor(result.error.cause.code), message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

/** Carries a failed call's result out of its transaction, which it rolls back. */
class CallFailed extends Error {
  constructor(readonly result: unknown) {
    super("procedure failed");
  }
}

/**
 * Every call's database work runs in one transaction scoped to the signed-in person (or to nobody),
 * so the row-security policies bind it (db/scope.ts); services' own transactions become savepoints.
 * tRPC hands a failure back rather than throwing it, so it is thrown here to roll the work back.
 */
const scopeToActor = t.middleware(async ({ ctx, next }) => {
  try {
    return await asActor(ctx.db, ctx.actor?.personId ?? null, async (db) => {
      const result = await next({ ctx: { ...ctx, db } });
      if (!result.ok) throw new CallFailed(result);
      return result;
    });
  } catch (error) {
    if (error instanceof CallFailed) return error.result as Awaited<ReturnType<typeof next>>;
    throw error;
  }
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;
/** The base every tier starts from. Not exported bare: use a named tier from ./procedures. */
export const baseProcedure = t.procedure.use(logCalls).use(mapAppErrors).use(scopeToActor);
export const middleware = t.middleware;
