/** Named as tRPC names its codes: the API layer hands a service's code on unchanged (server/trpc/init.ts). */
export type AppErrorCode = "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT" | "TOO_MANY_REQUESTS";

export type AppErrorParams = Record<string, string | number>;

/**
 * The one error type services throw. `code` decides the HTTP/tRPC status; `messageKey` names a
 * translated message under `errors.` in messages/*.json, so the client always gets a readable,
 * localised message and never an internal one.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly messageKey: string = defaultMessageKey[code],
    readonly params: AppErrorParams = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
  }
}

const defaultMessageKey: Record<AppErrorCode, string> = {
  UNAUTHORIZED: "unauthorized",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "notFound",
  BAD_REQUEST: "badRequest",
  CONFLICT: "conflict",
  TOO_MANY_REQUESTS: "tooManyRequests",
};
